"""Titles read from appositives with a possessor and from "as" after verbs of taking up a post
(``entities.titles``), on invented sentences."""

from __future__ import annotations

from extract.entities._lookup import named
from newsgraph.extract.entities.core import entities


def test_an_appositive_with_a_possessive_pronoun_is_a_title(parse):
    found = entities(parse("Jo Dale, its chief executive, said sales rose."))
    assert named(found, "Jo Dale").titles == ["chief executive"]


def test_an_appositive_after_a_possessed_name_is_a_title(parse):
    found = entities(parse("Jo Dale, Dunmore Foods' finance director, said sales rose."))
    assert named(found, "Jo Dale").titles == ["Dunmore Foods' finance director"]


def test_an_age_between_the_name_and_its_appositive_is_passed_over(parse):
    found = entities(parse("Tom Reyes, 45, the club's coach, said the team was ready."))
    assert named(found, "Tom Reyes").titles == ["club's coach"]


def test_a_family_appositive_is_no_title(parse):
    found = entities(parse("Jo Dale, his sister, said the team was ready."))
    assert named(found, "Jo Dale").titles == []


def test_replacing_someone_as_a_title_gives_the_subject_that_title(parse):
    found = entities(parse("Jo Dale replaced Tom Reyes as chief executive of Dunmore Foods."))
    assert named(found, "Jo Dale").titles == ["chief executive of Dunmore Foods"]
    assert named(found, "Tom Reyes").titles == []


def test_joining_as_a_title_gives_the_subject_that_title(parse):
    found = entities(parse("Jo Dale joined Dunmore Foods as finance director in May."))
    assert named(found, "Jo Dale").titles == ["finance director"]


def test_the_object_of_replace_is_no_title(parse):
    # "replace" gives a title only through "as": its object is whom the subject replaced.
    found = entities(parse("Jo Dale replaced the coach in May."))
    assert named(found, "Jo Dale").titles == []
