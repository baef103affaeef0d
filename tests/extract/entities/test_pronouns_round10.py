"""Third-person pronouns and organisation descriptions on invented sentences: the rules of 2026-12-08
round 10 (docs/quality.md, "2026-12-08, round 10: pronouns and descriptions").

Each rule has a hit and a miss; the hits fail without the rule.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities


def _as_orgs(doc: Doc, *names: tuple[str, int]) -> Doc:
    """Type each (first word, length) name as ORG (the rules read the name, not how the model tags it)."""
    spans = []
    for first, length in names:
        start = next(t.i for t in doc if t.text == first)
        spans.append(Span(doc, start, start + length, label="ORG"))
    doc.ents = spans
    return doc


# -- a group noun that is the subject of the pronoun's clause takes a single "they" -------------------


def test_they_in_the_clause_of_a_bare_group_subject_is_the_group(parse):
    text = "On Monday, harbour inspectors insisted that they needed more boats."
    found = entities(parse(text))
    they = owner(found, "they", text.index("they"))
    assert they is not None and they.name == "inspectors"


def test_their_in_the_object_of_a_bare_group_subject_is_the_group(parse):
    text = "The port had a hard winter. Harbour inspectors voiced their anger on Monday."
    found = entities(parse(text))
    their = owner(found, "their", text.index("their"))
    assert their is not None and their.name == "inspectors"


def test_the_subject_of_an_infinitive_takes_no_single_they(parse):
    text = "The new law allows inspectors to keep their notes for a year."
    found = entities(parse(text))
    assert owner(found, "their", text.index("their")) is None


def test_a_comparison_is_not_the_group_s_own(parse):
    text = "In the survey, harbour inspectors were far busier than their colleagues."
    found = entities(parse(text))
    assert owner(found, "their", text.index("their")) is None


# -- "it’s" with a curly apostrophe is "it is" ---------------------------------------------------------


def test_it_s_with_a_curly_apostrophe_stays_unresolved(parse):
    text = "Kestrel Oil cut 200 jobs at its Leeds depot on Monday. It\u2019s a sad day for the town."
    found = entities(_as_orgs(parse(text), ("Kestrel", 2)))
    assert owner(found, "It", text.index("It\u2019s")) is None


def test_it_with_a_verb_after_a_curly_apostrophe_text_still_resolves(parse):
    text = "Kestrel Oil cut 200 jobs at its Leeds depot on Monday. It said the depot\u2019s work would move."
    found = entities(_as_orgs(parse(text), ("Kestrel", 2)))
    it = owner(found, "It", text.index("It said"))
    assert it is not None and it.name == "Kestrel Oil"


# -- schools are a kind of organisation ---------------------------------------------------------------


def test_the_school_is_the_academy_named_before(parse):
    text = "Pine Hill Academy opened a new library on Monday. The school said pupils would use it daily."
    found = entities(_as_orgs(parse(text), ("Pine", 3)))
    school = owner(found, "The school", text.index("The school"))
    assert school is not None and school.name == "Pine Hill Academy"


def test_the_school_far_back_is_the_one_school_of_the_article(parse):
    text = ("Students painted the walls of Marlow University on Monday. "
            "The paint was red. The walls were white. The students were young. "
            "The police came at noon. The rain began at one. Later the school issued an apology.")
    found = entities(_as_orgs(parse(text), ("Marlow", 2)))
    school = owner(found, "the school", text.index("the school"))
    assert school is not None and school.name == "Marlow University"


def test_the_school_far_back_is_nobody_when_two_schools_were_named(parse):
    text = ("Students of Marlow University and Dene College painted a wall on Monday. "
            "The paint was red. The wall was white. The students were young. "
            "The police came at noon. The rain began at one. Later the school issued an apology.")
    found = entities(_as_orgs(parse(text), ("Marlow", 2), ("Dene", 2)))
    assert owner(found, "the school", text.index("the school")) is None


# -- an organisation outweighs a noun for people in a prepositional phrase of the sentence before -----


def test_they_after_people_in_a_prepositional_phrase_is_the_council(parse):
    text = ("Malvern Town Council moved the stone to the area beside other family members. "
            "The council said that they would not have allowed it.")
    found = entities(_as_orgs(parse(text), ("Malvern", 3)))
    they = owner(found, "they", text.index("they"))
    assert they is not None and they.name == "Malvern Town Council"


def test_they_after_people_as_a_subject_is_not_the_council(parse):
    text = ("Malvern Town Council moved the stone on Monday. "
            "Family members said that they would fight the decision.")
    found = entities(_as_orgs(parse(text), ("Malvern", 3)))
    they = owner(found, "they", text.index("they"))
    assert they is None or they.name != "Malvern Town Council"


# -- a plural pronoun in an object position may take a group in a prepositional phrase ----------------


def test_them_after_a_preposition_may_be_the_group_in_one(parse):
    text = "The man pulled a knife on the harbour inspectors and shouted at them."
    found = entities(parse(text))
    them = owner(found, "them", text.index("them"))
    assert them is not None and them.name == "inspectors"


def test_an_object_it_still_skips_a_name_after_a_preposition(parse):
    text = "Jo Dale wrote a letter to Kestrel Oil and read it aloud."
    found = entities(_as_orgs(parse(text), ("Kestrel", 2)))
    it = owner(found, "it", text.index("it aloud"))
    assert it is None or it.name != "Kestrel Oil"


# -- the sides of a trial are organisations an article keeps describing ------------------------------


def test_the_prosecution_described_three_times_is_one_unnamed_organisation(parse):
    text = ("The prosecution called its first witness on Monday. The judge heard her for an hour. "
            "Later the prosecution showed a film. On Friday the prosecution rested its case.")
    found = entities(parse(text))
    sides = [owner(found, "the prosecution", text.index("the prosecution showed")),
             owner(found, "the prosecution", text.index("the prosecution rested"))]
    assert sides[0] is not None and sides[0] is sides[1] and sides[0].name == "prosecution"


def test_the_prosecution_described_twice_stays_unresolved(parse):
    text = "The judge heard the case on Monday. Later the prosecution showed a film. The prosecution rested."
    found = entities(parse(text))
    assert owner(found, "the prosecution", text.index("the prosecution")) is None


# -- "the federal government" is a federation's, not the place the article names most ------------------


def _as_places(doc: Doc, *names: str) -> Doc:
    doc.ents = [Span(doc, t.i, t.i + 1, label="GPE") for t in doc if t.text in names]
    return doc


def test_the_federal_government_is_not_the_state_named_most(parse):
    text = ("Texas sued on Monday. Texas said the rule was unlawful. "
            "The federal government said it would appeal.")
    found = entities(_as_places(parse(text), "Texas"))
    federal = owner(found, "The federal government", text.index("The federal government"))
    assert federal is not None and federal.name != "Texas"


def test_the_government_is_still_the_country_named_most(parse):
    text = ("Ruritania sued on Monday. Ruritania said the rule was unlawful. "
            "The government said it would appeal.")
    found = entities(_as_places(parse(text), "Ruritania"))
    government = owner(found, "The government", text.index("The government"))
    assert government is not None and government.name == "Ruritania"


# -- "it emerged that" is an expletive ------------------------------------------------------------------


def test_it_emerged_that_stays_unresolved(parse):
    text = "Kestrel Oil was fined on Monday after it emerged that the depot had leaked for years."
    found = entities(_as_orgs(parse(text), ("Kestrel", 2)))
    assert owner(found, "it", text.index("it emerged")) is None


def test_it_emerged_from_talks_is_the_company(parse):
    text = "Kestrel Oil held talks with the union on Monday. It emerged from the talks with a deal."
    found = entities(_as_orgs(parse(text), ("Kestrel", 2)))
    it = owner(found, "It", text.index("It emerged"))
    assert it is not None and it.name == "Kestrel Oil"
