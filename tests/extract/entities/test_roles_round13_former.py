"""A former office ("the former governor") for the person the article is about, on invented sentences."""

from __future__ import annotations

from extract.entities._lookup import named, owner
from newsgraph.extract.entities.core import entities

ARTICLE = ("Dana Whitlow launched a bid for the Senate on Monday. Whitlow told supporters in Lakeside that "
           "she would fight for farmers. Whitlow, 58, led the state for eight years. Aides said Whitlow "
           "had raised money for months. {sentence} Omar Haddad, a rival, called the bid a stunt.")


def test_a_former_office_goes_to_the_main_person(parse):
    text = ARTICLE.format(sentence="The former governor said little about taxes.")
    found = entities(parse(text))
    at = text.index("The former governor")
    assert owner(found, "The former governor", at) is named(found, "Dana Whitlow")


def test_a_former_office_with_of_and_a_common_noun_is_one_office(parse):
    text = ARTICLE.format(sentence="The former secretary of agriculture said little about taxes.")
    found = entities(parse(text))
    at = text.index("The former secretary")
    assert owner(found, "The former secretary of agriculture", at) is named(found, "Dana Whitlow")


def test_a_former_role_held_in_a_described_body_stays_open(parse):
    # A guard: "of the state" says where, not whose; the description is left to no one.
    text = ARTICLE.format(sentence="The former treasurer of the party said little about taxes.")
    found = entities(parse(text))
    assert owner(found, "The former treasurer", text.index("The former treasurer")) is None


def test_former_holders_in_the_plural_are_not_the_main_person(parse):
    # A guard: a plural names several people, not the article's main person.
    text = ARTICLE.format(sentence="The former governors said little about taxes.")
    found = entities(parse(text))
    assert owner(found, "The former governors", text.index("The former governors")) is None
