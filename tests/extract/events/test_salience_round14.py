"""Round 14, main-event precision: in a long article a present perfect ("has worked", "has promised") counts
``PERFECT_LONG_FACTOR`` of its score; a simple past, a past perfect and a short article's present perfect keep
theirs (invented articles, parsed by the model)."""

from __future__ import annotations

from _events import ner_entities
from _events import parse as model_parse
from newsgraph.extract.events import salience
from newsgraph.extract.events.core import events

LEAD_14 = "Harwick council approved a new bridge over the Lenn on Monday. "
LATER_14 = ("Bo Tamm has inspected the ferry office every spring. Cy Rowe repaired the ferry ramp. "
            "Di Lark had painted the ferry hut. ")
#: Invented filler that makes the article long (over salience.LONG_ARTICLE_CHARS) without naming anyone.
FILLER_14 = "Rain fell on the hills for hours. " * (salience.LONG_ARTICLE_CHARS // 30)


def _event_salience(nlp, text: str, lemma: str) -> float:
    doc = model_parse(nlp, text)
    evs = events(doc, ner_entities(doc), [], [], [])[0]
    return max(e.salience for e in evs if e.predicate.split()[0] == lemma)


def test_the_present_perfect_is_told_apart_from_the_past_perfect_and_the_past(nlp) -> None:
    doc = model_parse(nlp, LATER_14)
    verbs = {t.lemma_: t for t in doc if t.lemma_ in ("inspect", "repair", "paint")}
    assert salience._present_perfect(verbs["inspect"])
    assert not salience._present_perfect(verbs["repair"])
    assert not salience._present_perfect(verbs["paint"])


def test_in_a_long_article_a_present_perfect_counts_the_factor(nlp, monkeypatch) -> None:
    text = LEAD_14 + LATER_14 + FILLER_14
    assert len(text) > salience.LONG_ARTICLE_CHARS
    factor = salience.PERFECT_LONG_FACTOR
    discounted = _event_salience(nlp, text, "inspect")
    monkeypatch.setattr(salience, "PERFECT_LONG_FACTOR", 1.0)
    plain = _event_salience(nlp, text, "inspect")
    assert factor < 1.0 and abs(discounted - plain * factor) <= 0.01


def test_a_simple_past_and_a_past_perfect_keep_their_scores(nlp, monkeypatch) -> None:
    text = LEAD_14 + LATER_14 + FILLER_14
    before = (_event_salience(nlp, text, "repair"), _event_salience(nlp, text, "paint"))
    monkeypatch.setattr(salience, "PERFECT_LONG_FACTOR", 1.0)
    assert (_event_salience(nlp, text, "repair"), _event_salience(nlp, text, "paint")) == before


def test_a_short_articles_present_perfect_keeps_its_score(nlp, monkeypatch) -> None:
    short = LEAD_14 + LATER_14
    assert len(short) <= salience.LONG_ARTICLE_CHARS
    before = _event_salience(nlp, short, "inspect")
    monkeypatch.setattr(salience, "PERFECT_LONG_FACTOR", 1.0)
    assert _event_salience(nlp, short, "inspect") == before
