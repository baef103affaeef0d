"""Third-person plural pronouns ("they", "their", "them") on invented sentences.

A chain of plural pronouns for an unnamed group of people, an organisation named after a preposition
that an adjective or verb governs, an organisation against a plural for things, and a collective noun
as a plural. Each test has a hit and, where the rule has a limit, a miss.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities


def _at(text: str, word: str, nth: int = 0) -> int:
    at = -1
    for _ in range(nth + 1):
        at = text.index(word, at + 1)
    return at


def _as_org(doc: Doc, first: str, length: int = 1) -> Doc:
    """Type the ``length``-token name starting at the word ``first`` as ORG (the rules read the name)."""
    start = next(t.i for t in doc if t.text == first)
    doc.ents = [Span(doc, start, start + length, label="ORG")]
    return doc


# -- a chain of "they" for an unnamed group of people -------------------------------------------------


def test_a_group_that_they_keeps_referring_to_is_an_entity(parse):
    text = ("Talking with harbour inspectors, they will tell you that they feel tired and that they cannot "
            "check every boat.")
    found = entities(parse(text))
    first = owner(found, "they", _at(text, "they"))
    assert first is not None and first.name == "inspectors"
    for nth in (1, 2):
        assert owner(found, "they", _at(text, "they", nth)) is first
    assert owner(found, "inspectors", _at(text, "inspectors")) is first
    assert not any(m.kind == "name" for m in first.mentions)


def test_a_group_across_sentences_needs_two_pronouns(parse):
    text = "The Marlow family asked for calm on Monday. They also called for an inquiry into their son's death."
    found = entities(parse(text))
    they = owner(found, "They", text.index("They"))
    assert they is not None and they.name == "family"


def test_a_single_they_for_a_group_stays_unresolved(parse):
    text = "Harbour inspectors met on Monday. They asked for more boats."
    found = entities(parse(text))
    assert owner(found, "They", text.index("They")) is None


def test_a_short_chain_inside_one_sentence_stays_unresolved(parse):
    # the group noun is no subject here: a subject's own clause takes even one pronoun (round 10,
    # test_pronouns_round10.py)
    text = "A strike is likely if owners cut the pay of dock workers and make them work for their old wage."
    found = entities(parse(text))
    assert owner(found, "their", text.index("their")) is None
    assert owner(found, "them", text.index("them")) is None


def test_a_counted_or_quantified_group_starts_no_chain(parse):
    text = "Many voters said their ballots were lost, that their votes did not count and that they want a recount."
    found = entities(parse(text))
    assert all(owner(found, word, _at(text, word, nth)) is None
               for word, nth in (("their", 0), ("their", 1), ("they", 0)))


def test_several_families_are_no_one_group(parse):
    text = "The levy will hit the families of fishermen hardest. They rely on money their sons send home."
    found = entities(parse(text))
    assert owner(found, "They", text.index("They")) is None
    assert owner(found, "their", text.index("their")) is None


def test_a_plural_for_things_starts_no_chain(parse):
    text = "Fuel prices rose in March. They climbed again in April and they may climb in May."
    found = entities(parse(text))
    assert owner(found, "They", text.index("They")) is None


# -- organisations as plurals --------------------------------------------------------------------------


def test_an_organisation_after_an_adjectives_preposition_may_be_they(parse):
    text = "Everyone is a little afraid of Westport. They are one of the big clubs in the league."
    doc = _as_org(parse(text), "Westport")
    found = entities(doc)
    they = owner(found, "They", text.index("They"))
    assert they is not None and they.name == "Westport"


def test_an_organisation_outweighs_a_plural_for_things_in_a_prepositional_phrase(parse):
    text = "We have told Dalmont about the delays at the port, and they have yet to answer."
    doc = _as_org(parse(text), "Dalmont")
    found = entities(doc)
    they = owner(found, "they", text.index("they"))
    assert they is not None and they.name == "Dalmont"


def test_a_plural_for_things_as_an_object_still_beats_an_organisation(parse):
    text = "Dalmont raised its fares on Monday. They rose by a tenth."
    doc = _as_org(parse(text), "Dalmont")
    found = entities(doc)
    they = owner(found, "They", text.index("They"))
    assert they is None or they.name != "Dalmont"


def test_the_subject_of_a_verb_of_saying_is_no_plural_for_things(parse):
    text = "Dalmont raised its fares on Monday. They said costs had risen."
    doc = _as_org(parse(text), "Dalmont")
    found = entities(doc)
    they = owner(found, "They", text.index("They"))
    assert they is not None and they.name == "Dalmont"


def test_people_in_a_prepositional_phrase_are_no_things_an_organisation_outweighs(parse):
    text = "The plan has stalled, according to the people close to Dalmont. They said the board would meet."
    doc = _as_org(parse(text), "Dalmont")
    found = entities(doc)
    they = owner(found, "They", text.index("They"))
    assert they is None or they.name != "Dalmont"


def test_a_collective_noun_for_people_is_plural(parse):
    text = ("The trio are the founders of Lanark Air. The trio have denied reports that they plan a rival "
            "airline. They said they would leave in May.")
    found = entities(parse(text))
    they = owner(found, "They", text.index("They"))
    assert they is not None and they.name == "trio"
