"""A nationality word for a person ("the Swede"), on invented sentences."""

from __future__ import annotations

from extract.entities._lookup import named, owner
from newsgraph.extract.entities.core import entities


def test_a_nationality_subject_is_the_last_subject(parse):
    text = ("Fifth seed Dana Whitlow beat Omar Haddad 6-3 6-4 in Lakeside on Tuesday. "
            "The Ruritanian will meet the top seed in the semi-finals.")
    found = entities(parse(text))
    at = text.index("The Ruritanian")
    assert owner(found, "The Ruritanian", at) is named(found, "Dana Whitlow")


def test_the_player_written_with_the_nationality_wins(parse):
    text = ("Dana Whitlow lost in three sets to Australian Omar Haddad in Lakeside on Tuesday. "
            "The Australian will meet the top seed in the semi-finals.")
    found = entities(parse(text))
    assert owner(found, "The Australian", text.index("The Australian")) is named(found, "Omar Haddad")


def test_a_subject_written_with_another_nationality_is_not_the_one(parse):
    # A guard: the last subject is written as a Canadian, so "the Swede" is not that player.
    text = ("Canadian Omar Haddad beat Dana Whitlow 6-3 6-4 in Lakeside on Tuesday. "
            "The Swede said the wind had made it hard.")
    found = entities(parse(text))
    assert owner(found, "The Swede", text.index("The Swede")) is not named(found, "Omar Haddad")


def test_a_nationality_before_a_noun_is_no_person(parse):
    # A guard: "the Canadian team" is a team, not the player written as Canadian.
    text = ("Canadian Omar Haddad won in Lakeside on Tuesday. The Canadian team will meet Ruritania next.")
    found = entities(parse(text))
    assert owner(found, "The Canadian", text.index("The Canadian")) is None
