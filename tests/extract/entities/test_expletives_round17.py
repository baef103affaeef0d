"""Round 17: "it turns out that", "it came as ..." stand for nothing (``orgs.EXPLETIVE_VERBS``).

An "it" whose verb has a clause of its own is an expletive for "be", "seem", "appear" and the like; "turn
(out)", "come" and "happen" were missing, so "it turns out that" and "It came as lawmakers met" went to
the organisation named before. Invented sentences.
"""

from __future__ import annotations

import pytest

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities
from newsgraph.extract.entities.orgs import EXPLETIVE_VERBS


@pytest.mark.parametrize("lemma", ["turn", "come", "happen"])
def test_the_verbs_are_listed(lemma):
    assert lemma in EXPLETIVE_VERBS


def test_it_turns_out(parse):
    text = "Microsoft opened the store in May, but it turns out that few people came."
    found = entities(parse(text))
    assert owner(found, "it", text.index("it turns")) is None


def test_an_organisation_that_turns_stays_it(parse):
    text = "Microsoft lost money in May. It turned a profit in June."
    found = entities(parse(text))
    company = owner(found, "It", text.index("It turned"))
    assert company is not None and company.name == "Microsoft"
