"""Round 15: two links that fresh text did not bear out, withdrawn.

A plural pronoun that is one person's singular "they" ("everyone claiming the city owed them", "the voter
who paid their taxes") goes to no group named before (``orgs._singular_they``); an "it" in the small
clause of an adjective of extraposition ("make it difficult for X ... to") stands for the clause to come,
not for an organisation, even when the parse hangs that clause off elsewhere (``orgs._expletive``).
Invented sentences; each withdrawn link is made without the guard.
"""

from __future__ import annotations

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities
from newsgraph.extract.entities.orgs import EXTRAPOSITION_ADJECTIVES, SINGULAR_INDEFINITE_PRONOUNS

MEETING = "Democrats met in Denver on Monday. "


def test_a_they_bound_by_everyone_is_no_groups(parse):
    assert "everyone" in SINGULAR_INDEFINITE_PRONOUNS
    text = MEETING + "They said everyone claiming the city owed them a living was wrong."
    found = entities(parse(text))
    assert owner(found, "They", text.index("They")) is not None  # the group's own "they" stays linked
    assert owner(found, "them", text.index("them")) is None


def test_a_their_in_a_relative_clause_on_one_person_is_no_groups(parse):
    text = MEETING + "They praised the voter who paid their taxes on time."
    found = entities(parse(text))
    assert owner(found, "They", text.index("They")) is not None
    assert owner(found, "their", text.index("their")) is None


def test_a_their_of_the_group_itself_stays_linked(parse):
    text = MEETING + "They said the city owed them a hearing."
    found = entities(parse(text))
    group = owner(found, "They", text.index("They"))
    assert group is not None and owner(found, "them", text.index("them")) is group


def test_make_it_difficult_for_is_no_organisation(parse):
    assert "difficult" in EXTRAPOSITION_ADJECTIVES
    text = ("Acme Corp said on Monday that it would cut prices. The new rules make it difficult for smaller "
            "firms, who sell cars, from raising them.")
    found = entities(parse(text))
    assert owner(found, "it", text.index("it would")) is not None
    assert owner(found, "it", text.index("it difficult")) is None
