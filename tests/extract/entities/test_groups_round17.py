"""Round 17: groups without a name.

The authors of a study and the deportees of a flight are groups (``orgs.CHAIN_PEOPLE_NOUNS``): a report on
a study calls its researchers "the authors" again and again, and a report on a deportation calls the people
flown home "the deportees"; with their nouns missing from the list, no group stood for them. And "the jury",
"the crowd", "the staff" written once are the ones at the report's event (``lexicons.LONE_COLLECTIVE_NOUNS``,
``OrgResolver._lone_definite``), where a collective needed two mentions before ("the police" still does:
``test_groups_round13``). Invented sentences.
"""

from __future__ import annotations

import pytest

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities
from newsgraph.extract.entities.lexicons import LONE_COLLECTIVE_NOUNS
from newsgraph.extract.entities.orgs import CHAIN_PEOPLE_NOUNS


@pytest.mark.parametrize("lemma", ["author", "deportee"])
def test_the_nouns_are_listed(lemma):
    assert lemma in CHAIN_PEOPLE_NOUNS


def test_the_authors_are_one_group(parse):
    text = ("The authors of the survey looked at sleep in four towns. Short nights were common, the authors "
            "wrote. Coffee made little difference, the authors said.")
    found = entities(parse(text))
    first = owner(found, "The authors", text.index("The authors"))
    assert first is not None and first.name.lower() == "authors"
    assert owner(found, "the authors", text.index("the authors wrote")) is first
    assert owner(found, "the authors", text.index("the authors said")) is first


def test_the_deportees_are_one_group(parse):
    text = ("A plane carrying the deportees landed in Valmora on Friday. After a long wait the deportees left "
            "the airport by bus.")
    found = entities(parse(text))
    first = owner(found, "the deportees", text.index("the deportees"))
    assert first is not None and first.name.lower() == "deportees"
    assert owner(found, "the deportees", text.index("the deportees left")) is first


@pytest.mark.parametrize("noun", ["jury", "crowd", "audience", "staff"])
def test_the_lone_collectives_are_listed(noun):
    assert noun in LONE_COLLECTIVE_NOUNS


@pytest.mark.parametrize(("text", "noun"), [
    ("Halvorsen was tried in Valmora in March. After two hours the jury found him guilty of fraud.", "jury"),
    ("The band played for three hours on Saturday, and the fireworks thrilled the crowd at the end.", "crowd"),
])
def test_a_lone_collective_written_once_is_a_group(parse, text, noun):
    found = entities(parse(text))
    group = owner(found, f"the {noun}", text.index(f"the {noun}"))
    assert group is not None and group.name.lower() == noun


def test_another_collective_written_once_is_none(parse):
    text = "The mayor opened the new bridge on Friday, and the public seemed pleased with it."
    found = entities(parse(text))
    assert owner(found, "the public", text.index("the public")) is None
