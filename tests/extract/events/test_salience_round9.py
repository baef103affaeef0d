"""Round 9 precision rules: after the lead, the simple present and hypothetical events count less (invented text)."""

from __future__ import annotations

from _docs import parse
from _events import ner_entities
from _events import parse as model_parse
from newsgraph.extract.events import salience
from newsgraph.extract.events.core import events

CARRIES = """
0 The 1 det DET DT the
1 bond 2 nsubj NOUN NN bond
2 carries 2 ROOT VERB VBZ carry
3 a 4 det DET DT a
4 rate 2 dobj NOUN NN rate
5 . 2 punct PUNCT . .
"""

HAS_CARRIED = """
0 The 1 det DET DT the
1 bond 3 nsubj NOUN NN bond
2 has 3 aux AUX VBZ have
3 carried 3 ROOT VERB VBN carry
4 a 5 det DET DT a
5 rate 3 dobj NOUN NN rate
6 . 3 punct PUNCT . .
"""

CARRIED = """
0 The 1 det DET DT the
1 bond 2 nsubj NOUN NN bond
2 carried 2 ROOT VERB VBD carry
3 a 4 det DET DT a
4 rate 2 dobj NOUN NN rate
5 . 2 punct PUNCT . .
"""


def test_the_simple_present_is_a_verb_in_the_present_without_an_auxiliary():
    assert salience._simple_present(parse(CARRIES)[2])
    assert not salience._simple_present(parse(HAS_CARRIED)[3])  # the auxiliary is in the present, not the verb
    assert not salience._simple_present(parse(CARRIED)[2])


LEAD = "Storms flooded the valley of Arlen on Monday. Rescuers pulled six families from their roofs. "


def _salience(nlp, text: str, lemma: str) -> float:
    doc = model_parse(nlp, text)
    evs = events(doc, ner_entities(doc), [], [], [])[0]
    return max(e.salience for e in evs if e.predicate.split()[0] == lemma)


def test_after_the_lead_a_present_description_counts_less_than_a_past_happening(nlp):
    past = _salience(nlp, LEAD + "The river reached the old bridge.", "reach")
    present = _salience(nlp, LEAD + "The river reaches the old bridge.", "reach")
    assert present < past
    assert present < past * (salience.PRESENT_FACTOR + 1.0) / 2  # the discount, not a rounding


def test_in_the_lead_the_present_is_not_discounted(nlp, monkeypatch):
    # A headline or first sentence in the present reports the news itself.
    text = "The river reaches the old bridge. Rescuers pulled six families from roofs."
    discounted = _salience(nlp, text, "reach")
    monkeypatch.setattr(salience, "PRESENT_FACTOR", 1.0)
    assert _salience(nlp, text, "reach") == discounted


def test_after_the_lead_a_hypothetical_event_counts_less(nlp, monkeypatch):
    text = LEAD + "The council would close the coastal road."
    factor = salience.HYPOTHETICAL_FACTOR
    discounted = _salience(nlp, text, "close")
    monkeypatch.setattr(salience, "HYPOTHETICAL_FACTOR", 1.0)
    undiscounted = _salience(nlp, text, "close")
    assert discounted < undiscounted
    assert abs(discounted - undiscounted * factor) <= 0.01  # the rule's factor, not the modality weight


def test_in_the_lead_a_hypothetical_event_keeps_its_score(nlp, monkeypatch):
    # A proposal is often the story: "The bill would ban ..." in the first sentence is not discounted.
    text = "The council would close the coastal road. Storms flooded the valley of Arlen on Monday."
    discounted = _salience(nlp, text, "close")
    monkeypatch.setattr(salience, "HYPOTHETICAL_FACTOR", 1.0)
    assert _salience(nlp, text, "close") == discounted
