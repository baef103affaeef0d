"""Unnamed groups in ``orgs.py``, round 13: a group noun written once as a definite plural ("the
plaintiffs") is a group of its own, and when the article calls the group by a synonym as well ("the
officers" and "the police", ``lexicons.GROUP_SYNONYMS``) the synonyms are one group. Invented sentences."""

from __future__ import annotations

from extract.entities._lookup import owner
from newsgraph.extract.entities.core import entities


def _at(text: str, word: str, nth: int = 0) -> int:
    at = -1
    for _ in range(nth + 1):
        at = text.index(word, at + 1)
    return at


def test_a_definite_plural_written_once_is_a_group(parse):
    text = ("Three farmers sued the Kestria Water Board in May. A judge in Hollen sided with the plaintiffs "
            "on Friday.")
    found = entities(parse(text))
    group = owner(found, "the plaintiffs", _at(text, "the plaintiffs"))
    assert group is not None and group.name == "plaintiffs"


def test_a_lone_synonym_joins_the_group_the_article_repeats(parse):
    text = ("The police closed the bridge in Hollen on Sunday. Protesters threw bottles at the officers. "
            "The police then fired tear gas.")
    found = entities(parse(text))
    police = owner(found, "The police", _at(text, "The police"))
    assert police is not None
    assert owner(found, "the officers", _at(text, "the officers")) is police


def test_synonyms_written_once_each_are_one_group(parse):
    text = ("Police officers stopped Ola Berg outside a bar in Hollen. His lawyers say the cops had no "
            "reason to search his car.")
    found = entities(parse(text))
    cops = owner(found, "the cops", _at(text, "the cops"))
    assert cops is not None
    assert owner(found, "officers", _at(text, "officers")) is cops


def test_a_collective_written_once_is_no_group(parse):
    text = "Ola Berg asked whether the police would have time for anything else in Hollen."
    found = entities(parse(text))
    assert owner(found, "the police", _at(text, "the police")) is None


def test_a_demonstrative_plural_written_once_is_no_group(parse):
    text = "Ola Berg said these officers had never worked in Hollen before."
    found = entities(parse(text))
    assert owner(found, "officers", _at(text, "officers")) is None


def test_a_repeated_group_takes_no_synonym_that_is_not_definite(parse):
    text = ("The police closed the bridge in Hollen on Sunday. Some police officers refused to go. "
            "The police said the bridge would open on Monday.")
    found = entities(parse(text))
    assert owner(found, "The police", _at(text, "The police")) is not None
    assert owner(found, "officers", _at(text, "officers")) is None


def test_a_noun_for_people_of_the_chain_list_makes_a_group_too(parse):
    text = ("Ola Berg stood trial in Hollen in March. After two days the jurors found him guilty of fraud.")
    found = entities(parse(text))
    group = owner(found, "the jurors", _at(text, "the jurors"))
    assert group is not None and group.name == "jurors"


def test_a_plural_after_a_names_possessive_is_a_group(parse):
    text = ("Ola Berg runs the Hollen Gazette. In May he sent Gazette's reporters to cover the strike in "
            "Kestria.")
    found = entities(parse(text))
    group = owner(found, "reporters", _at(text, "reporters"))
    assert group is not None and group.name == "reporters"


def test_youths_after_the_are_a_group(parse):
    text = "Gangs in Hollen recruit boys of twelve. Police said the youths were paid in cash."
    found = entities(parse(text))
    group = owner(found, "the youths", _at(text, "the youths"))
    assert group is not None and group.name == "youths"


def test_their_after_a_plural_for_things_goes_to_the_group_of_its_sentence(parse):
    text = "In Hollen a gang beat the residents with sticks and tied ropes around their wrists."
    found = entities(parse(text))
    residents = owner(found, "the residents", _at(text, "the residents"))
    assert residents is not None
    assert owner(found, "their", _at(text, "their")) is residents


def test_their_is_left_when_another_noun_for_people_is_near(parse):
    text = "In Hollen a gang beat the residents before neighbours and tied ropes around their wrists."
    found = entities(parse(text))
    assert owner(found, "the residents", _at(text, "the residents")) is not None
    assert owner(found, "their", _at(text, "their")) is None
