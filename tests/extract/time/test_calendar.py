"""Calendar expressions (``time.calendar``): what each word names, and the year of a month named without one."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.extract.time.calendar import CalendarParts, calendar_parts, calendar_year
from newsgraph.extract.time.context import Context

#: A Wednesday in mid-August.
ANCHOR = date(2021, 8, 18)


@pytest.mark.parametrize(("text", "expected"), [
    ("friday", CalendarParts(weekday=5)),
    ("tues.", CalendarParts(weekday=2)),
    ("last friday night", CalendarParts(weekday=5, part="NI", direction="last")),
    ("this coming tuesday", CalendarParts(weekday=2, direction="next")),
    ("this past monday", CalendarParts(weekday=1, direction="last")),
    ("previous march", CalendarParts(month=3, direction="last")),
    ("june 6, 2017", CalendarParts(month=6, day=6, year=2017)),
    ("sept. 30", CalendarParts(month=9, day=30)),
    ("jan 5", CalendarParts(month=1, day=5)),
    ("may", CalendarParts(month=5)),
    ("march first", CalendarParts(month=3, day=1)),
    ("june 6th", CalendarParts(month=6, day=6)),
    ("january this year", CalendarParts(month=1, relative_year=0)),
    ("may last year", CalendarParts(month=5, relative_year=-1)),
    ("march '98", CalendarParts(month=3, year=1998)),
    ("march '05", CalendarParts(month=3, year=2005)),
    ("saturday, april 25", CalendarParts(weekday=6, month=4, day=25)),
])
def test_calendar_parts_reads_each_word_into_its_slot(text, expected):
    assert calendar_parts(text) == expected


@pytest.mark.parametrize("text", [
    "tuesday banana",  # a word for no slot
    "march april",  # a slot named twice
    "6",  # a day without a month
    "friday 6",  # a day within no month
    "june 32",  # no such day of a month
    "sun",  # a short weekday needs a full stop
    "wed",
    "jan banana",  # a short month needs a full stop, a number, or to end the text
    "5:30",  # not a calendar token
    "night",  # a part of day only after a weekday or month
    "the",
])
def test_calendar_parts_gives_none_for_what_is_no_calendar_expression(text):
    assert calendar_parts(text) is None


def test_an_ordinal_day_before_its_month():
    assert calendar_parts("the third of june") == CalendarParts(month=6, day=3)
    assert calendar_parts("the first of march, 2019") == CalendarParts(month=3, day=1, year=2019)
    assert calendar_parts("the third of") is None  # a day with no month is no date


def test_a_short_month_may_end_the_text():
    assert calendar_parts("jan") == CalendarParts(month=1)


def _year(text: str, tense=None, anchor=ANCHOR) -> int | None:
    cal = calendar_parts(text)
    assert cal is not None
    return calendar_year(cal, Context(anchor=anchor, tense=tense))


def test_the_year_written_wins():
    assert _year("june 6, 2017") == 2017
    assert _year("june 6, 2017", anchor=None) == 2017


def test_no_year_without_one_written_or_an_anchor():
    assert _year("june 6", anchor=None) is None


def test_the_year_counted_from_the_anchor():
    assert _year("january this year") == 2021
    assert _year("may last year") == 2020
    assert _year("october next year") == 2022


@pytest.mark.parametrize(("text", "year"), [
    ("last march", 2021),  # the latest March before August
    ("last october", 2020),
    ("last august", 2020),  # the anchor's own month is not before it
    ("next october", 2021),
    ("next march", 2022),
    ("this december", 2021),
])
def test_the_year_a_direction_word_says(text, year):
    assert _year(text) == year


def test_else_the_nearest_occurrence_by_tense():
    assert _year("november 3", tense="past") == 2020
    assert _year("march 3", tense="future") == 2022
    assert _year("september 2") == 2021  # nearest, no tense


def test_a_weekday_moves_the_year_to_where_it_fits():
    # 25 April 2021 was a Sunday; a "Saturday, April 25" is the 2020 one
    assert _year("saturday, april 25", tense="past") == 2020
    assert _year("sunday, april 25", tense="past") == 2021
