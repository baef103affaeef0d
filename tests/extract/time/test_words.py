"""Reading the words of an expression (``time.words``): prepared text, numbers, units, years, modifiers."""

from __future__ import annotations

import pytest

from newsgraph.extract.time.words import number_of, prepare, spelled_year, strip_modifiers, unit_of


@pytest.mark.parametrize(("text", "expected"), [
    ("Last  Friday", "last friday"),
    ("mid\u2013March", "mid-march"),  # ASCII hyphen
    ("the year\u2019s", "the year"),  # ASCII quote, no possessive
    ("in March.", "march"),  # a sentence's full stop goes, with the preposition
    ("(Tuesday),", "tuesday"),
    ("since 2019", "2019"),
    ("Sept.", "sept."),  # an abbreviation keeps its full stop
    ("at 5 p.m.", "5 p.m."),
    ("at least two years", "at least two years"),  # a modifier is not a preposition
    ("as soon as Monday", "as soon as monday"),
])
def test_prepare(text, expected):
    assert prepare(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("12", 12.0),
    ("1,000", 1000.0),
    ("2.5", 2.5),
    ("twenty-four", 24.0),
    ("twenty four", 24.0),
    ("5 1/2", 5.5),
    ("three and a half", 3.5),
    ("a couple of", 2.0),
    ("two hundred", 200.0),
])
def test_number_of_reads_digits_and_words(text, expected):
    assert number_of(text) == expected


@pytest.mark.parametrize("text", ["", "two three", "several", "twelve banana"])
def test_number_of_gives_none_for_what_is_not_one_number(text):
    assert number_of(text) is None


@pytest.mark.parametrize(("word", "expected"), [
    ("years", "year"),
    ("month", "month"),
    ("centuries", "century"),
    ("millennia", "millennium"),
    ("weekends", "weekend"),
    ("hours", "hour"),
    ("bananas", None),
    ("yearly", None),
])
def test_unit_of(word, expected):
    assert unit_of(word) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("nineteen ninety-six", 1996),
    ("eighteen sixty-five", 1865),
    ("two thousand one", 2001),
    ("two thousand", 2000),
    ("two thousand and nine", 2009),
    ("nineteen hundred", None),
    ("nineteen", None),
    ("nineteen five", None),
    ("three thousand", None),
])
def test_spelled_year(text, expected):
    assert spelled_year(text) == expected


@pytest.mark.parametrize(("text", "rest", "mod"), [
    ("about two years", "two years", "APPROX"),
    ("more than a decade", "a decade", "MORE_THAN"),
    ("at least three weeks", "three weeks", "EQUAL_OR_MORE"),
    ("early march", "march", "START"),
    ("the end of the year", "the year", "END"),
    ("mid-1990s", "1990s", "MID"),
    ("later in the week", "the week", "END"),
    ("sometime next month", "next month", None),
    ("two weeks or so", "two weeks", "APPROX"),
    ("five years or more", "five years", "EQUAL_OR_MORE"),
    ("nearly the end of 2010", "2010", "APPROX"),  # the first modifier names the mod
    ("last month", "last month", None),
    ("early", "early", None),  # a modifier alone is left as it is
])
def test_strip_modifiers(text, rest, mod):
    assert strip_modifiers(text) == (rest, mod)
