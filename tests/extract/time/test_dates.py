"""Calendar arithmetic (``time.dates``): impossible days give ``None``, years and weekdays are picked as documented."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.extract.time.dates import (
    easter_sunday,
    nth_weekday,
    pick_year,
    quarter_of,
    safe_date,
    shift_days,
    shift_months,
    weekday_date,
    year_with_weekday,
)

#: A Wednesday in mid-August.
WED = date(2021, 8, 18)
MON, TUE, WEDNESDAY, THU, FRI, SAT, SUN = range(1, 8)


@pytest.mark.parametrize(("ymd", "expected"), [
    ((2021, 2, 28), date(2021, 2, 28)),
    ((2020, 2, 29), date(2020, 2, 29)),
    ((2021, 2, 29), None),
    ((2021, 4, 31), None),
    ((0, 5, 1), None),
    ((10000, 1, 1), None),
])
def test_safe_date_gives_none_for_a_day_the_calendar_has_not(ymd, expected):
    assert safe_date(*ymd) == expected


def test_shift_days_moves_and_gives_none_outside_the_years():
    assert shift_days(WED, 14) == date(2021, 9, 1)
    assert shift_days(WED, -18) == date(2021, 7, 31)
    assert shift_days(date(9999, 12, 31), 1) is None
    assert shift_days(date(1, 1, 1), -1) is None


@pytest.mark.parametrize(("start", "months", "expected"), [
    ((2021, 11), 3, (2022, 2)),
    ((2021, 1), -1, (2020, 12)),
    ((2021, 5), 0, (2021, 5)),
    ((2021, 5), -24, (2019, 5)),
    ((9999, 12), 1, (10000, 1)),  # the caller checks the range
])
def test_shift_months(start, months, expected):
    assert shift_months(*start, months) == expected


def test_nth_weekday_and_the_last_one():
    assert nth_weekday(2021, 11, THU, 4) == date(2021, 11, 25)  # fourth Thursday
    assert nth_weekday(2021, 5, MON, -1) == date(2021, 5, 31)  # last Monday
    assert nth_weekday(2021, 2, MON, 5) is None  # February 2021 has four Mondays
    assert nth_weekday(0, 2, MON, 1) is None


@pytest.mark.parametrize(("year", "expected"), [
    (2019, date(2019, 4, 21)),
    (2024, date(2024, 3, 31)),
    (2038, date(2038, 4, 25)),
    (0, None),
])
def test_easter_sunday(year, expected):
    assert easter_sunday(year) == expected


@pytest.mark.parametrize(("month", "quarter"), [(1, 1), (3, 1), (4, 2), (9, 3), (10, 4), (12, 4)])
def test_quarter_of(month, quarter):
    assert quarter_of(date(2021, month, 1)) == quarter


def test_pick_year_is_past_by_default():
    # written in August: an October named without a year is last October
    assert pick_year(WED, 10, None, "past", nearest=False) == 2020
    assert pick_year(WED, 3, None, "past", nearest=False) == 2021


def test_pick_year_is_ahead_in_a_future_clause():
    assert pick_year(WED, 3, None, "future", nearest=False) == 2022
    assert pick_year(WED, 10, None, "future", nearest=False) == 2021


def test_pick_year_keeps_a_deadline_just_passed_in_a_future_clause():
    # "must be filed by Aug. 2": a few weeks back is not next year's
    assert pick_year(WED, 8, 2, "future", nearest=False) == 2021


def test_pick_year_keeps_a_day_shortly_ahead_in_a_past_clause():
    # "gave a Sept. 30 deadline", written in mid-August
    assert pick_year(WED, 9, 30, "past", nearest=True) == 2021
    assert pick_year(WED, 12, 30, "past", nearest=True) == 2020


def test_pick_year_nearest_without_a_tense():
    assert pick_year(date(2021, 1, 10), 12, None, None, nearest=True) == 2020
    assert pick_year(date(2021, 12, 10), 1, None, None, nearest=True) == 2022
    assert pick_year(date(2021, 12, 10), 9, None, None, nearest=True) == 2021


def test_year_with_weekday_moves_to_the_neighbour_where_the_weekday_fits():
    # 25 April was a Saturday in 2020, not in 2021
    assert year_with_weekday(2021, 4, 25, SAT) == 2020
    assert year_with_weekday(2021, 4, 25, SUN) == 2021
    assert year_with_weekday(2021, 4, 25, TUE) == 2021  # no neighbour fits: the year stays


@pytest.mark.parametrize(("weekday", "tense", "direction", "expected"), [
    (MON, "past", None, date(2021, 8, 16)),  # the nearest past Monday
    (FRI, None, None, date(2021, 8, 13)),
    (FRI, "future", None, date(2021, 8, 20)),
    (WEDNESDAY, "past", None, WED),  # the day itself
    (WEDNESDAY, None, "last", date(2021, 8, 11)),
    (WEDNESDAY, None, "next", date(2021, 8, 25)),
    (MON, None, "next", date(2021, 8, 23)),
    (FRI, None, "this", date(2021, 8, 20)),
    (MON, None, "this", date(2021, 8, 16)),
])
def test_weekday_date(weekday, tense, direction, expected):
    assert weekday_date(WED, weekday, tense, direction) == expected
