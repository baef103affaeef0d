"""Third-person pronouns on invented sentences: the rules of 2026-12-07 round 8 (docs/quality.md).

Each rule has a hit and a miss that fails without it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities


def _as_org(doc: Doc, first: str, length: int = 1) -> Doc:
    """Type the ``length``-token name starting at the word ``first`` as ORG (the rules read the name)."""
    start = next(t.i for t in doc if t.text == first)
    doc.ents = [Span(doc, start, start + length, label="ORG")]
    return doc

# -- the addressee of a speech verb is no "it" inside the quotation ----------------------------------


def test_it_inside_a_quotation_is_not_the_paper_it_was_told_to(parse):
    text = ('The Velmar Gazette has covered the port for years. Mayor Jo Ruff told the Velmar Gazette: '
            '"It is a hard year for the town."')
    found = entities(parse(text))
    it = owner(found, "It", text.index("It"))
    assert it is None or "Velmar Gazette" not in it.name


def test_it_outside_a_quotation_still_goes_to_the_paper(parse):
    text = "Mayor Jo Ruff wrote to the Velmar Gazette. It printed the letter on Monday."
    found = entities(parse(text))
    it = owner(found, "It", text.index("It"))
    assert it is not None and "Velmar Gazette" in it.name


# -- a definite or possessed group noun takes a single "they" ----------------------------------------


def test_a_single_they_after_the_group_noun_joins_it(parse):
    text = "The harbour inspectors met on Monday. They asked for more boats."
    found = entities(parse(text))
    they = owner(found, "They", text.index("They"))
    assert they is not None and they.name == "inspectors"
    assert owner(found, "inspectors", text.index("inspectors")) is they


def test_a_single_they_after_a_bare_group_noun_stays_unresolved(parse):
    text = "Harbour inspectors met on Monday. They asked for more boats."
    found = entities(parse(text))
    assert owner(found, "They", text.index("They")) is None


# -- "it" as the subject of "be" is a situation, not an organisation ---------------------------------


def test_it_as_the_subject_of_be_stays_unresolved(parse):
    text = "Kestrel Oil cut 200 jobs at its Leeds depot on Monday. It was a sad day for the town."
    found = entities(_as_org(parse(text), "Kestrel", 2))
    assert owner(found, "It", text.index("It")) is None


def test_it_as_the_subject_of_another_verb_still_goes_to_the_company(parse):
    text = "Kestrel Oil cut 200 jobs at its Leeds depot on Monday. It will close two more depots."
    found = entities(_as_org(parse(text), "Kestrel", 2))
    it = owner(found, "It", text.index("It"))
    assert it is not None and it.name == "Kestrel Oil"


# -- "its" in a phrase listed after a name is that name's --------------------------------------------


def _two_orgs(doc: Doc, first: str, second: str) -> Doc:
    """Type the two-token names starting at ``first`` and ``second`` as ORG."""
    starts = [next(t.i for t in doc if t.text == word) for word in (first, second)]
    doc.ents = [Span(doc, s, s + 2, label="ORG") for s in starts]
    return doc


def test_its_listed_after_a_name_goes_to_that_name(parse):
    text = "Ardena Finance has sued Kestrel Oil, its chairman and two directors over the bond sale."
    doc = parse(text)
    found = entities(_two_orgs(doc, "Ardena", "Kestrel"))
    its = owner(found, "its", text.index("its"))
    assert its is not None and its.name == "Kestrel Oil"


def test_its_in_the_object_of_a_verb_is_not_listed(parse):
    text = "Ardena Finance has sued Kestrel Oil over its bond sale."
    doc = parse(text)
    found = entities(_two_orgs(doc, "Ardena", "Kestrel"))
    its = owner(found, "its", text.index("its"))
    assert its is None or its.name == "Ardena Finance"


# -- more nouns for people start a chain -------------------------------------------------------------


def test_a_political_camp_that_they_keeps_referring_to_is_a_group(parse):
    text = "Local liberals say the levy is fair. They want it doubled, and their leaders plan a march."
    found = entities(parse(text))
    they = owner(found, "They", text.index("They"))
    assert they is not None and they.name == "liberals"
    assert owner(found, "their", text.index("their")) is they


def test_a_plural_for_things_starts_no_chain(parse):
    text = "Local levies are fair, the mayor says. They raise money, and their rates stay low."
    found = entities(parse(text))
    assert owner(found, "They", text.index("They")) is None
