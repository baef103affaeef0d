"""Round 16: nouns for people that may start a "they" chain (``orgs.CHAIN_PEOPLE_NOUNS``).

Sheriff's deputies, the participants of an event and siblings are groups an article refers back to; with
their nouns missing from the list, a "they" after them had no phrase for people to take and stayed
unresolved. A quantified phrase of the same nouns stays people in general. Invented sentences.
"""

from __future__ import annotations

import pytest

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities
from newsgraph.extract.entities.orgs import CHAIN_PEOPLE_NOUNS


@pytest.mark.parametrize("lemma", ["deputy", "participant", "sister", "brother"])
def test_the_nouns_are_listed(lemma):
    assert lemma in CHAIN_PEOPLE_NOUNS


def test_deputies_and_their_they(parse):
    text = "Deputies were called to the farm on Sunday. They decided the dog was safe and they left."
    found = entities(parse(text))
    group = owner(found, "They", text.index("They"))
    assert group is not None and group.name.lower() == "deputies"
    assert owner(found, "they", text.index("they left")) is group


def test_participants_own_their_possessive(parse):
    text = "Participants are asked to bring their own chairs to the picnic."
    found = entities(parse(text))
    group = owner(found, "their", text.index("their"))
    assert group is not None and group.name.lower() == "participants"


def test_the_sisters_and_their(parse):
    text = "The sisters lost in the final on Sunday. Their coach was not at the match."
    found = entities(parse(text))
    group = owner(found, "Their", text.index("Their"))
    assert group is not None and "sisters" in group.name.lower()


def test_counted_sisters_are_no_group(parse):
    text = "Many sisters lost in the final on Sunday. Their coach was not at the match."
    found = entities(parse(text))
    assert owner(found, "Their", text.index("Their")) is None
