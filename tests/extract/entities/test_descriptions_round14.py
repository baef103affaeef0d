"""Descriptions of organisations in ``orgs.py``, round 14: an administration (``lexicons.HEAD_NAMED_ORG_NOUNS``)
is its head's, named "administration", and a bare "the administration" is the one the article spoke of, never
the country it names most. Invented sentences."""

from __future__ import annotations

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities


def _at(text: str, word: str, nth: int = 0) -> int:
    at = -1
    for _ in range(nth + 1):
        at = text.index(word, at + 1)
    return at


def test_a_named_persons_administration_is_named_administration(parse):
    text = ("President Ola Berg met farmers in Ruritania on Monday. The Berg administration will cut taxes "
            "in Ruritania next year.")
    found = entities(parse(text))
    admin = owner(found, "The Berg administration", _at(text, "The Berg administration"))
    assert admin is not None and admin.name == "administration"


def test_a_bare_administration_is_not_the_country(parse):
    text = ("Ruritania raised its tariffs again on Monday. Farmers in Ruritania protested in the capital. "
            "A charge which the administration denies.")
    found = entities(parse(text))
    admin = owner(found, "the administration", _at(text, "the administration"))
    assert admin is None or admin.type != "GPE"


def test_a_bare_administration_is_the_one_spoken_of(parse):
    text = ("President Ola Berg visited Ruritania on Monday. The Berg administration plans new tariffs. "
            "Farmers in Ruritania said the administration had not asked them.")
    found = entities(parse(text))
    first = owner(found, "The Berg administration", _at(text, "The Berg administration"))
    assert first is not None
    assert owner(found, "the administration", _at(text, "the administration")) is first


def test_a_bare_government_is_still_the_country(parse):
    text = ("Ruritania raised its tariffs again on Monday. Farmers in Ruritania protested in the capital. "
            "A charge which the government denies.")
    found = entities(parse(text))
    government = owner(found, "the government", _at(text, "the government"))
    assert government is not None and government.name == "Ruritania"


def test_a_transition_team_is_one_organisation_however_written(parse):
    text = ("President-elect Ola Berg named three advisers on Monday. The Berg transition team said the "
            "advisers would start in May. Critics said the transition team had moved too fast.")
    found = entities(parse(text))
    team = owner(found, "the transition team", _at(text, "the transition team"))
    assert team is not None and team.name == "transition team"
    assert any(m.text.endswith("transition team") and m.start < _at(text, "the transition team")
               for m in team.mentions)


def test_a_team_without_the_compound_is_no_transition_team(parse):
    text = "Hollen Rovers lost again on Monday. The production team said the team had worked hard."
    found = entities(parse(text))
    assert all(e.name != "transition team" for e in found)


def test_a_place_named_only_as_a_modifier_is_not_the_nation(parse):
    text = ("France hosted the talks in May. Delegates praised the Paris climate accord on Monday. Critics "
            "said the nation had promised too much.")
    found = entities(parse(text))
    nation = owner(found, "the nation", _at(text, "the nation"))
    assert nation is not None and nation.name == "France"


def test_a_place_named_as_a_subject_is_still_the_nation(parse):
    text = "France hosted the talks in May. Spain hosted them in June. Critics said the nation had promised too much."
    found = entities(parse(text))
    nation = owner(found, "the nation", _at(text, "the nation"))
    assert nation is not None and nation.name == "Spain"


def test_the_country_before_any_place_is_the_country_the_article_names_most(parse):
    text = ("As Jo Dale prepares to lead the country next month, voters are divided. Polls in France show "
            "doubt. France votes again in May.")
    found = entities(parse(text))
    country = owner(found, "the country", _at(text, "the country"))
    assert country is not None and country.name == "France"


def test_the_country_before_a_place_named_once_stays_open(parse):
    text = "As Jo Dale prepares to lead the country next month, voters are divided. Polls in France show doubt."
    found = entities(parse(text))
    assert owner(found, "the country", _at(text, "the country")) is None


def test_a_team_with_a_modifier_the_name_lacks_is_not_that_organisation(parse):
    text = "Google announced the deal on Monday. The security team said the deal was safe."
    found = entities(parse(text))
    assert owner(found, "The security team", _at(text, "The security team")) is None


def test_a_plain_team_still_goes_to_the_organisation(parse):
    text = "Google announced the deal on Monday. The team said the deal was safe."
    found = entities(parse(text))
    team = owner(found, "The team", _at(text, "The team"))
    assert team is not None and team.name == "Google"
