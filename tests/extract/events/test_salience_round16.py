"""Round 16, main events in long articles: after the lead, a sentence that changes the scene (the first to name a
party or a place, or to give a date) lifts its events by ``SCENE_FACTOR`` in a long article; a sentence that
names the story's parties again, the lead itself and a short article keep their scores (invented articles,
parsed by the model)."""

from __future__ import annotations

from _events import ner_entities
from _events import parse as model_parse
from newsgraph.extract.events import salience
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.core import events
from newsgraph.record import TimeExpression

LEAD_16 = "Harwick Council approved a new bridge over the Lenn on Monday. "
#: After the lead: the lead's party again (no new name), then a new person.
AGAIN_16 = "The council repaired the ferry ramp. "
NEW_PARTY_16 = "Peter Walsh repaired the ferry hut. "
#: Invented filler that makes the article long (over salience.LONG_ARTICLE_CHARS) without naming anyone.
FILLER_16 = "Rain fell on the hills for hours. " * (salience.LONG_ARTICLE_CHARS // 30)


def _saliences(nlp, text: str, lemma: str) -> dict[int, float]:
    """The salience of each event of ``lemma``, by the character where its sentence starts."""
    doc = model_parse(nlp, text)
    evs = events(doc, ner_entities(doc), [], [], [])[0]
    return {e.sentence.start: e.salience for e in evs if e.predicate.split()[0] == lemma}


def _date(doc, words: str, value: str, n: int, after: int = 0) -> TimeExpression:
    """A DATE expression of ``words`` (its first occurrence from character ``after``) with the TIMEX3 ``value``."""
    start = doc.text.index(words, after)
    return TimeExpression(id=f"t{n}", type="DATE", value=value, start=start, end=start + len(words), text=words)


def test_the_scene_changes_with_a_new_party_and_a_new_date_not_with_one_given_before(nlp) -> None:
    text = ("Harwick Council approved a new bridge on Monday. The council met again on Monday. "
            "Peter Walsh objected. The council voted on Friday. The council adjourned.")
    doc = model_parse(nlp, text)
    second = text.index("The council met")
    times = [_date(doc, "Monday", "2026-03-02", 1), _date(doc, "Monday", "2026-03-02", 2, second),
             _date(doc, "Friday", "2026-03-06", 3)]
    ctx = DocContext.build(doc, ner_entities(doc), times, [], [])
    assert len(ctx.sent_bounds) == 5
    scene = salience.scene_sentences(ctx)
    assert 0 in scene  # the lead names the council and the first date
    assert 1 not in scene  # the same party, the same date
    assert 2 in scene  # a new person
    assert 3 in scene  # a new date
    assert 4 not in scene


def test_in_a_long_article_a_new_partys_act_after_the_lead_counts_the_factor(nlp, monkeypatch) -> None:
    text = LEAD_16 + AGAIN_16 + NEW_PARTY_16 + FILLER_16
    assert len(text) > salience.LONG_ARTICLE_CHARS
    factor = salience.SCENE_FACTOR
    lifted = _saliences(nlp, text, "repair")
    monkeypatch.setattr(salience, "SCENE_FACTOR", 1.0)
    plain = _saliences(nlp, text, "repair")
    again, new = len(LEAD_16), len(LEAD_16) + len(AGAIN_16)
    assert factor > 1.0 and set(lifted) == set(plain) == {again, new}
    assert lifted[again] == plain[again]  # the council again: no change of scene
    assert abs(lifted[new] - min(1.0, plain[new] * factor)) <= 0.01 and lifted[new] > plain[new]


def test_the_lead_and_a_short_article_keep_their_scores(nlp, monkeypatch) -> None:
    long_text = LEAD_16 + AGAIN_16 + NEW_PARTY_16 + FILLER_16
    short = LEAD_16 + AGAIN_16 + NEW_PARTY_16
    assert len(short) <= salience.LONG_ARTICLE_CHARS
    before = (_saliences(nlp, long_text, "approve"), _saliences(nlp, short, "repair"))
    monkeypatch.setattr(salience, "SCENE_FACTOR", 1.0)
    assert (_saliences(nlp, long_text, "approve"), _saliences(nlp, short, "repair")) == before
