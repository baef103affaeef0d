"""Organisation and group descriptions in ``orgs.py``, round 12: an organisation owned through a pronoun
("his administration") is named by its noun alone, and more plural nouns for people ("the plaintiffs",
"the staffers") and the collective "the military" make unnamed groups, and "the bureau" and "the chamber"
are kind nouns of a public body. Invented sentences."""

from __future__ import annotations

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities


def _at(text: str, word: str, nth: int = 0) -> int:
    at = -1
    for _ in range(nth + 1):
        at = text.index(word, at + 1)
    return at


def test_an_organisation_owned_through_a_pronoun_is_named_by_its_noun(parse):
    text = ("Governor Ola Berg said on Monday that his administration would cut fuel taxes. "
            "Critics said his administration had no plan to pay for it.")
    found = entities(parse(text))
    admin = owner(found, "his administration", _at(text, "his administration"))
    assert admin is not None and admin.name == "administration"
    assert "his" not in admin.name


def test_a_person_named_as_owner_keeps_the_name(parse):
    text = "Ola Berg defended the Berg campaign on Monday. The Berg campaign raised money in Leeds."
    found = entities(parse(text))
    campaign = owner(found, "the Berg campaign", _at(text, "the Berg campaign"))
    assert campaign is not None and campaign.name.lower() == "berg campaign"


def test_plaintiffs_said_twice_after_the_are_one_group(parse):
    text = ("Three farmers sued the Kestria Water Board in May. The plaintiffs said the board had poisoned "
            "a river. A judge later sided with the plaintiffs.")
    found = entities(parse(text))
    first = owner(found, "The plaintiffs", _at(text, "The plaintiffs"))
    assert first is not None
    assert owner(found, "the plaintiffs", _at(text, "the plaintiffs")) is first


def test_the_military_said_twice_is_one_group(parse):
    text = ("The minister said the military would leave the border town. Residents said the military "
            "had already gone.")
    found = entities(parse(text))
    first = owner(found, "the military", _at(text, "the military"))
    assert first is not None
    assert owner(found, "the military", _at(text, "the military", 1)) is first


def test_an_adjective_military_makes_no_group(parse):
    text = "The minister said military spending would rise. Military parades were cancelled."
    found = entities(parse(text))
    assert owner(found, "military", _at(text, "military")) is None


def test_the_bureau_is_the_agency_named_before(parse):
    text = ("The Federal Bureau of Audits opened an inquiry into Kestria Mining on Monday. "
            "The bureau said it would publish its findings in June.")
    found = entities(parse(text))
    bureau = owner(found, "The bureau", _at(text, "The bureau"))
    assert bureau is not None and bureau.name == "Federal Bureau of Audits"


def test_the_chamber_is_the_legislature_named_before(parse):
    text = ("The Northland Senate voted on the budget on Tuesday. Ola Berg, who leads the chamber, said "
            "the vote was close.")
    found = entities(parse(text))
    chamber = owner(found, "the chamber", _at(text, "the chamber"))
    assert chamber is not None and chamber.name == "Northland Senate"
