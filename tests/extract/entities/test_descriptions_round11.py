"""Organisation and group descriptions in ``orgs.py``, round 11: a capitalised kind noun standing alone
after "the" ("the Bank") is the organisation of the longer name that holds it, and plural nouns for
unnamed sources, traders and creditors make groups as officials do. Invented sentences."""

from __future__ import annotations

from extract.entities._lookup import named, owner
from newsgraph.extract.entities.core import entities


def _at(text: str, word: str, nth: int = 0) -> int:
    at = -1
    for _ in range(nth + 1):
        at = text.index(word, at + 1)
    return at


BANK = ("The Northland Development Bank plans to lend more to farmers this year, its president Ola Berg said. "
        "He said the Bank would raise funds in Oslo. Other lenders such as the Coastal Savings Bank have cut "
        "loans. The Bank now has 40 member states.")


def test_a_capitalised_kind_noun_is_the_longer_name_before_it(parse):
    found = entities(parse(BANK))
    first = owner(found, "the Bank", _at(BANK, "the Bank"))
    assert first is not None and first.name == "Northland Development Bank"
    # another bank named in between does not take the form the article keeps for one institution
    assert owner(found, "The Bank", _at(BANK, "The Bank")) is first


def test_a_capitalised_kind_noun_with_no_longer_name_stays_unresolved(parse):
    text = "Ola Berg said the Bank would raise funds in Oslo. Prices rose in May."
    found = entities(parse(text))
    assert owner(found, "the Bank", _at(text, "the Bank")) is None


SOURCES = ("Oil industry sources said Kestria would cut output in March. The sources said the cut was small. "
           "Buyers were told in a letter, the sources added.")


def test_definite_sources_said_again_are_one_group(parse):
    found = entities(parse(SOURCES))
    first = owner(found, "The sources", _at(SOURCES, "The sources"))
    assert first is not None
    assert owner(found, "the sources", _at(SOURCES, "the sources")) is first


def test_traders_said_twice_after_the_are_one_group(parse):
    text = ("Bond traders in Tokyo sold heavily on Monday. The traders said demand was weak. "
            "Prices fell, the traders added.")
    found = entities(parse(text))
    first = owner(found, "The traders", _at(text, "The traders"))
    assert first is not None
    assert owner(found, "the traders", _at(text, "the traders")) is first


def test_the_league_is_the_body_named_before(parse):
    text = ("The Northern Hockey Association fined two clubs on Monday. The league said both had broken "
            "its rules on pay.")
    found = entities(parse(text))
    league = owner(found, "The league", _at(text, "The league"))
    assert league is not None and league.name == "Northern Hockey Association"


FILM = ("Mara Quist began shooting her new film in Glasgow on Monday. Quist wrote the script herself. "
        "Quist said the story came from her childhood. Quist will edit it in London. ")


def test_the_filmmaker_and_the_director_go_to_the_main_person(parse):
    text = FILM + "Crowds cheered the director loudly. The filmmaker waved."
    found = entities(parse(text))
    quist = named(found, "Mara Quist")
    assert owner(found, "the director", text.index("the director")) is quist
    assert owner(found, "The filmmaker", text.index("The filmmaker")) is quist


def test_a_director_held_somewhere_stays_open(parse):
    text = FILM + "The director of the festival welcomed the crowd."
    found = entities(parse(text))
    assert owner(found, "The director", text.index("The director")) is None
