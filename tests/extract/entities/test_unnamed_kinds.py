"""Organisation descriptions in ``orgs.py``, round 8: a place inside a description only says where the
organisation is ("the US regulator"), and an organisation of any kind that the article keeps describing
without naming it ("the court ... the court ... the court") is one of its own. Invented sentences."""

from __future__ import annotations

from extract.entities._lookup import named, owner
from newsgraph.extract.entities.core import entities


def _at(text: str, word: str, nth: int = 0) -> int:
    at = -1
    for _ in range(nth + 1):
        at = text.index(word, at + 1)
    return at


COURT = ("Ann Lee told the court she had seen the car. Tom Reyes later told the court that he was at home. "
         "The judge asked the court to wait until Monday.")


def test_a_court_described_again_and_again_is_one_unnamed_organisation(parse):
    found = entities(parse(COURT))
    courts = [owner(found, "the court", _at(COURT, "the court", n)) for n in range(3)]
    assert courts[0] is not None and courts[0].type == "ORG"
    assert courts[0] is courts[1] is courts[2]
    assert not any(m.kind == "name" for m in courts[0].mentions)


def test_fewer_descriptions_make_no_organisation(parse):
    text = "Ann Lee told the court she had seen the car. Tom Reyes later told the court that he was at home."
    found = entities(parse(text))
    assert owner(found, "the court", _at(text, "the court")) is None
    assert owner(found, "the court", _at(text, "the court", 1)) is None


def test_the_fullest_description_names_it_even_with_a_place_inside(parse):
    text = ("The Leeds police union has threatened a strike over pay. Members of the union met on Monday. "
            "The union said most officers backed the plan. Talks with the union will resume in May.")
    found = entities(parse(text))
    union = owner(found, "the union", _at(text, "the union"))
    assert union is not None and union.name == "leeds police union"
    assert owner(found, "The union", _at(text, "The union")) is union
    assert owner(found, "the union", _at(text, "the union", 1)) is union


def test_a_place_inside_a_regulator_is_not_the_regulator(parse):
    text = ("The Securities and Exchange Commission fined two banks in New York on Monday. "
            "The US regulator said the banks had misled investors.")
    found = entities(parse(text))
    regulator = owner(found, "The US regulator", _at(text, "The US regulator"))
    assert regulator is not None and regulator is named(found, "Securities and Exchange Commission")


def test_a_place_inside_a_government_is_the_government(parse):
    text = "Acme Foods opened a plant in Ohio. The US government welcomed the investment on Monday."
    found = entities(parse(text))
    government = owner(found, "The US government", _at(text, "The US government"))
    assert government is not None and government.type == "GPE"
