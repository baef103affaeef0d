"""Round 10: a verb in the past tense, simple or perfect, counts more than other tenses (invented text)."""

from __future__ import annotations

from _docs import parse
from _events import ner_entities
from _events import parse as model_parse
from newsgraph.extract.events import salience
from newsgraph.extract.events.core import events

CLOSED = """
0 The 1 det DET DT the
1 mayor 2 nsubj NOUN NN mayor
2 closed 2 ROOT VERB VBD close
3 the 4 det DET DT the
4 road 2 dobj NOUN NN road
5 . 2 punct PUNCT . .
"""

HAS_CLOSED = """
0 The 1 det DET DT the
1 mayor 3 nsubj NOUN NN mayor
2 has 3 aux AUX VBZ have
3 closed 3 ROOT VERB VBN close
4 the 5 det DET DT the
5 road 3 dobj NOUN NN road
6 . 3 punct PUNCT . .
"""

WAS_CLOSED = """
0 The 1 det DET DT the
1 road 3 nsubjpass NOUN NN road
2 was 3 auxpass AUX VBD be
3 closed 3 ROOT VERB VBN close
4 . 3 punct PUNCT . .
"""

IS_CLOSED = """
0 The 1 det DET DT the
1 road 3 nsubjpass NOUN NN road
2 is 3 auxpass AUX VBZ be
3 closed 3 ROOT VERB VBN close
4 . 3 punct PUNCT . .
"""

WILL_CLOSE = """
0 The 1 det DET DT the
1 mayor 3 nsubj NOUN NN mayor
2 will 3 aux AUX MD will
3 close 3 ROOT VERB VB close
4 the 5 det DET DT the
5 road 3 dobj NOUN NN road
6 . 3 punct PUNCT . .
"""

CLOSES = """
0 The 1 det DET DT the
1 mayor 2 nsubj NOUN NN mayor
2 closes 2 ROOT VERB VBZ close
3 the 4 det DET DT the
4 road 2 dobj NOUN NN road
5 . 2 punct PUNCT . .
"""


def test_the_past_is_the_simple_past_or_a_participle_with_a_perfect_or_past_auxiliary():
    assert salience._past(parse(CLOSED)[2])
    assert salience._past(parse(HAS_CLOSED)[3])
    assert salience._past(parse(WAS_CLOSED)[3])


def test_the_present_the_present_passive_and_the_future_are_not_the_past():
    assert not salience._past(parse(CLOSES)[2])
    assert not salience._past(parse(IS_CLOSED)[3])  # a participle, but its auxiliary is in the present
    assert not salience._past(parse(WILL_CLOSE)[3])


LEAD = "Storms flooded the valley of Arlen on Monday. Rescuers pulled six families from their roofs. "


def _salience(nlp, text: str, lemma: str) -> float:
    doc = model_parse(nlp, text)
    evs = events(doc, ner_entities(doc), [], [], [])[0]
    return max(e.salience for e in evs if e.predicate.split()[0] == lemma)


def test_a_past_happening_counts_the_past_factor_more(nlp, monkeypatch):
    text = LEAD + "The council shut the coastal road."
    factor = salience.PAST_FACTOR
    boosted = _salience(nlp, text, "shut")
    monkeypatch.setattr(salience, "PAST_FACTOR", 1.0)
    plain = _salience(nlp, text, "shut")
    assert boosted > plain
    assert abs(boosted - min(1.0, plain * factor)) <= 0.01  # the rule's factor, not a rounding


def test_a_future_event_is_not_raised_by_the_past_factor(nlp, monkeypatch):
    text = LEAD + "The council will shut the coastal road."
    raised = _salience(nlp, text, "shut")
    monkeypatch.setattr(salience, "PAST_FACTOR", 1.0)
    assert _salience(nlp, text, "shut") == raised


def test_after_the_lead_a_past_happening_outranks_the_same_act_in_the_present(nlp):
    past = _salience(nlp, LEAD + "The council shut the coastal road.", "shut")
    present = _salience(nlp, LEAD + "The council shuts the coastal road.", "shut")
    assert present < past
