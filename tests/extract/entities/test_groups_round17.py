"""Round 17: the authors of a study and the deportees of a flight are groups (``orgs.CHAIN_PEOPLE_NOUNS``).

A report on a study calls its researchers "the authors" again and again, and a report on a deportation
calls the people flown home "the deportees"; with their nouns missing from the list, no group stood for
them and every such description stayed unresolved. Invented sentences.
"""

from __future__ import annotations

import pytest

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities
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
