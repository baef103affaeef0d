"""Writing TIMEX3 values (``time.values``): granularity, durations, distances from the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.extract.time.values import (
    PROBE,
    day_value,
    duration_value,
    month_value,
    offset_value,
    shifted,
    week_value,
    weekend_value,
    year_value,
)

#: A Thursday in March.
THU = date(2022, 3, 10)
SAT = date(2022, 3, 12)


def test_calendar_values_are_four_digit_years_only():
    assert year_value(2022) == "2022"
    assert year_value(987) == "0987"
    assert year_value(0) is None
    assert year_value(10000) is None
    assert month_value(2022, 3) == "2022-03"
    assert month_value(10000, 3) is None


def test_day_and_iso_week_values():
    assert day_value(THU) == "2022-03-10"
    assert week_value(THU) == "2022-W10"
    assert week_value(date(2021, 1, 2)) == "2020-W53"  # the ISO year, not the calendar one


@pytest.mark.parametrize(("amount", "unit", "expected"), [
    (3, "year", "P3Y"),
    (5, "hour", "PT5H"),
    (10, "minute", "PT10M"),
    (4, "month", "P4M"),
    (2, "decade", "P20Y"),
    (1, "century", "P100Y"),
    (2, "fortnight", "P4W"),
    (2.5, "year", "P2Y6M"),
    (1.5, "day", "P1DT12H"),
    (0.5, "hour", "PT30M"),
    (1, "weekend", "P2D"),
    (None, "month", "PXM"),
    (None, "hour", "PTXH"),
])
def test_duration_value(amount, unit, expected):
    assert duration_value(amount, unit) == expected


@pytest.mark.parametrize(("unit", "n", "expected"), [
    ("day", -1, "2022-03-09"),
    ("night", 1, "2022-03-11"),
    ("week", -1, "2022-W09"),
    ("fortnight", 1, "2022-W12"),
    ("weekend", 0, "2022-W10-WE"),
    ("month", -3, "2021-12"),
    ("quarter", 1, "2022-Q2"),
    ("quarter", -1, "2021-Q4"),
    ("year", 2, "2024"),
    ("decade", -1, "201"),
    ("century", 0, "20"),
    ("hour", 3, "2022-03-10"),  # a clock unit keeps the day
    ("season", 1, None),
])
def test_shifted_writes_the_unit_granularity(unit, n, expected):
    assert shifted(THU, unit, n) == expected


def test_shifted_gives_none_outside_the_years():
    assert shifted(date(9999, 12, 1), "month", 1) is None
    assert shifted(date(9999, 12, 31), "day", 1) is None


def test_weekend_value():
    assert weekend_value(THU, 1, None) == "2022-W11-WE"
    assert weekend_value(THU, -1, None) == "2022-W09-WE"
    # "this weekend" in a past clause on a weekday is the one just gone
    assert weekend_value(THU, 0, "past") == "2022-W09-WE"
    assert weekend_value(THU, 0, "future") == "2022-W10-WE"
    # ... but not when written on the weekend itself
    assert weekend_value(SAT, 0, "past") == "2022-W10-WE"


@pytest.mark.parametrize(("probe_value", "expected"), [
    (PROBE.isoformat(), "REF+P0D"),
    ("2000-06-14", "REF-P1D"),
    ("2000-06-14TNI", "REF-P1D"),  # a part of the day keeps day granularity
    ("2000-05", "REF-P1M"),
    ("2001-06", "REF+P12M"),
    ("2000-W24", "REF+P0W"),
    ("2000-W23-WE", "REF-P1W"),
    ("2000-Q1", "REF-P1Q"),
    ("2000-H1", "REF+P0M"),
    ("2000-H2", "REF+P6M"),
    ("1999", "REF-P1Y"),
    ("198", "REF-P2DE"),
    ("19", "REF-P1CE"),
    ("2000-SU", "XXXX-SU"),
])
def test_offset_value_is_the_distance_from_the_publication_date(probe_value, expected):
    assert offset_value(probe_value) == expected


@pytest.mark.parametrize("probe_value", ["P3Y", "PRESENT_REF", "XXXX-WXX-1", "", None])
def test_offset_value_gives_none_for_what_is_no_calendar_point(probe_value):
    assert offset_value(probe_value) is None
