"""Round 17: a one-word name after "the" is no person's (``core._definite_one_word``).

spaCy often calls a team's one-word name a person ("the Sabres", "beat the Wild"), and a person's "they" is
never a group's, so every pronoun for the team stayed unresolved. A person's bare name takes no article:
when it is written right after "the" and modifies no noun, it is an organisation. Invented sentences; the
name's label is set on the parse by hand, where the tagger must call it a person.
"""

from __future__ import annotations

from spacy.tokens import Span

from extract.entities._lookup import named, owner
from newsgraph.extract.entities.core import entities


def _as_person(doc, *words: str):
    """``doc`` with each of ``words`` (every occurrence) labelled PERSON, and no other name."""
    doc.ents = [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc if t.text in words]
    return doc


def test_a_name_after_the_is_an_organisation(parse):
    text = "The Marlowes beat the Kestrels on Sunday. The Kestrels have lost their last four games."
    found = entities(_as_person(parse(text), "Kestrels", "Marlowes"))
    assert named(found, "Kestrels").type == "ORG"
    assert named(found, "Marlowes").type == "ORG"


def test_the_teams_they_is_the_team(parse):
    text = "Coach Anna Pirelli praised the Kestrels after the match. They won by two goals."
    found = entities(_as_person(parse(text), "Kestrels"))
    team = owner(found, "They", text.index("They"))
    assert team is not None and team.name == "Kestrels"


def test_a_name_without_the_stays_a_person(parse):
    text = "Kestrel said on Sunday that the plan had failed. Kestrel left the room."
    found = entities(_as_person(parse(text), "Kestrel"))
    assert named(found, "Kestrel").type == "PERSON"


def test_a_name_modifying_a_noun_after_the_stays_a_person(parse):
    text = "Halvorsen won the vote. The Halvorsen administration said it would cut taxes. Halvorsen smiled."
    found = entities(_as_person(parse(text), "Halvorsen"))
    assert named(found, "Halvorsen").type == "PERSON"
