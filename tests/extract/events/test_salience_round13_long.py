"""Round 13, main events in long articles: the scorer's ``--long`` split (``by_length``, on counts made up for the
test), and the discount of a lead party's later acts in a long article (invented articles)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from _events import ner_entities
from _events import parse as model_parse
from _scripts import load_script
from newsgraph.extract.events import salience
from newsgraph.extract.events.core import events
from newsgraph.record import Event, Offsets, Record

sme = load_script("benchmarks/score_main_events.py")


def _article(*, long: bool, gold: int, main: int, matched: int, recalled: int) -> dict[str, Any]:
    counts = {k: 0 for k in sme.COUNT_KEYS}
    counts.update(gold=gold, main=main, main_matched=matched, gold_recalled=recalled)
    return {"long": long, "counts": counts}


def test_long_and_short_articles_are_summed_apart() -> None:
    result = {"per_article": [_article(long=True, gold=10, main=8, matched=4, recalled=5),
                              _article(long=False, gold=6, main=5, matched=4, recalled=3),
                              _article(long=True, gold=10, main=12, matched=8, recalled=5)]}
    parts = sme.by_length(result)
    assert parts["long"]["articles"] == 2 and parts["short"]["articles"] == 1
    assert parts["long"]["precision"] == round(12 / 20, 4) and parts["long"]["recall"] == 0.5
    assert parts["short"]["precision"] == 0.8 and parts["short"]["recall"] == 0.5


def test_a_part_without_articles_scores_zero_not_an_error() -> None:
    parts = sme.by_length({"per_article": [_article(long=False, gold=4, main=4, matched=2, recalled=2)]})
    assert parts["long"]["articles"] == 0 and parts["long"]["precision"] == 0.0


class _Reader:
    """Stands for the pipeline: a record whose text is the file's, with one main event in its first sentence."""

    def read(self, item: Any) -> Record:
        first = item.text.index(".") + 1
        event = Event(id="v1", predicate="open", sentence=Offsets(start=0, end=first),
                      trigger=Offsets(start=10, end=16), salience=0.9, main=True)
        return Record(id="r1", text=item.text, events=[event])


def test_an_article_is_long_by_its_text_over_the_threshold(tmp_path: Path) -> None:
    opening = "The mayor opened a bridge."
    (tmp_path / "short.txt").write_text(opening, encoding="utf-8")
    (tmp_path / "long.txt").write_text(opening + " Rain fell." * (sme.LONG_CHARS // 10), encoding="utf-8")
    gold_event = {"predicates": ["open"], "context": opening, "actor": None, "date": None}
    gold = {"articles": [{"file": name, "format": "text", "events": [gold_event]}
                         for name in ("short.txt", "long.txt")]}
    result = sme.score(gold, tmp_path, _Reader())
    assert [a["long"] for a in result["per_article"]] == [False, True]
    parts = sme.by_length(result)
    assert parts["long"]["gold_recalled"] == 1 and parts["short"]["gold_recalled"] == 1


# The rule: in a long article, after the lead, an act of a party the headline or lead names counts
# LEAD_ACTOR_FACTOR of its score (invented articles, parsed by the model).

LEAD_13 = "Ada Quill won the mayoral race in Harwick. Ada Quill promised a new bridge over the Lenn. "
LATER_13 = "Ada Quill opened the old ferry office again. Bo Tamm inspected the ferry office. "
#: Invented filler that makes the article long (over salience.LONG_ARTICLE_CHARS) without naming anyone.
FILLER_13 = "Rain fell on the hills for hours. " * (salience.LONG_ARTICLE_CHARS // 30)


def _event_salience(nlp, text: str, lemma: str) -> float:
    doc = model_parse(nlp, text)
    evs = events(doc, ner_entities(doc), [], [], [])[0]
    return max(e.salience for e in evs if e.predicate.split()[0] == lemma)


def test_in_a_long_article_a_lead_partys_later_act_counts_the_lead_actor_factor(nlp, monkeypatch) -> None:
    text = LEAD_13 + LATER_13 + FILLER_13
    assert len(text) > salience.LONG_ARTICLE_CHARS
    discounted = _event_salience(nlp, text, "open")
    monkeypatch.setattr(salience, "LEAD_ACTOR_FACTOR", 1.0)
    plain = _event_salience(nlp, text, "open")
    assert abs(discounted - plain * 0.7) <= 0.01


def test_a_party_the_lead_does_not_name_keeps_its_score(nlp, monkeypatch) -> None:
    text = LEAD_13 + LATER_13 + FILLER_13
    discounted = _event_salience(nlp, text, "inspect")
    monkeypatch.setattr(salience, "LEAD_ACTOR_FACTOR", 1.0)
    assert _event_salience(nlp, text, "inspect") == discounted


def test_a_short_article_and_the_lead_itself_keep_their_scores(nlp, monkeypatch) -> None:
    short = LEAD_13 + LATER_13
    long = LEAD_13 + LATER_13 + FILLER_13
    before = (_event_salience(nlp, short, "open"), _event_salience(nlp, long, "promise"))
    monkeypatch.setattr(salience, "LEAD_ACTOR_FACTOR", 1.0)
    assert (_event_salience(nlp, short, "open"), _event_salience(nlp, long, "promise")) == before
