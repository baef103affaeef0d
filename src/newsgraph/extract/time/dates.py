"""Calendar arithmetic on ``date`` objects: no text, no TIMEX3 values.

A day the calendar does not have (31 February, a year before 1 or after 9999) is
no reading, not an error: every helper that builds a date gives ``None`` for it
instead of raising, and the rules give no value.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from newsgraph.extract.time.context import Tense


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or ``None`` when the calendar has no such day (31 February, year 0 or 10000)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def shift_days(day: date, days: int) -> date | None:
    """``day`` moved by ``days``, or ``None`` when that leaves the years 1 to 9999."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``months``; the year may leave 1 to 9999 (the caller checks)."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """The n-th ``weekday`` (ISO) of a month; ``n = -1`` is the last one."""
    if not 0 < year < 10000:
        return None
    last = calendar.monthrange(year, month)[1]
    days = [d for d in range(1, last + 1) if date(year, month, d).isoweekday() == weekday]
    index = n - 1 if n > 0 else n
    return date(year, month, days[index]) if len(days) >= abs(n) else None


def easter_sunday(year: int) -> date | None:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    if not 0 < year < 10000:
        return None
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def quarter_of(day: date) -> int:
    """The calendar quarter (1 to 4) ``day`` falls in."""
    return (day.month - 1) // 3 + 1


def pick_year(anchor: date, month: int, day: int | None, tense: Tense | None, *, nearest: bool) -> int:
    """The year of a month (and day) named without one, seen from ``anchor``.

    Past by default (news reports what happened), future when the tense says so;
    ``nearest`` picks whichever occurrence is closer when the tense says nothing.
    """
    probe = safe_date(anchor.year, month, day or 1) or date(anchor.year, month, 1)
    this_month = (month, day or 0) if day else (month, 0)
    now = (anchor.month, anchor.day) if day else (anchor.month, 0)
    distance = (probe - anchor).days
    if tense == "future":
        # a date a few weeks back in a future clause is a deadline just passed, not next year's
        return anchor.year if this_month >= now or distance > -45 else anchor.year + 1
    if tense == "past" and day and 0 < distance <= 60:
        return anchor.year  # "gave a Jan. 14 deadline" written on Jan. 5; "was extended to Nov. 16"
    if nearest and tense != "past":
        if distance > 183:
            return anchor.year - 1
        if distance < -183:
            return anchor.year + 1
        return anchor.year
    return anchor.year if this_month <= now else anchor.year - 1


def year_with_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """Of ``year`` and its neighbours, the one where month/day falls on ``weekday`` ("Saturday, April 25")."""
    for candidate in (year, year - 1, year + 1):
        found = safe_date(candidate, month, day)
        if found and found.isoweekday() == weekday:
            return candidate
    return year


def weekday_date(anchor: date, weekday: int, tense: Tense | None, direction: str | None = None) -> date | None:
    """The date of a weekday named relative to ``anchor``: the nearest past one unless told otherwise.

    ``direction`` is "last", "next" or "this" when the text says so.
    """
    today = anchor.isoweekday()
    if direction == "last":
        back = (today - weekday) % 7 or 7
        return shift_days(anchor, -back)
    if direction == "next":
        ahead = (weekday - today) % 7 or 7
        return shift_days(anchor, ahead)
    if weekday == today:
        return anchor
    if tense == "future" or (direction == "this" and weekday > today):
        return shift_days(anchor, (weekday - today) % 7)
    return shift_days(anchor, -((today - weekday) % 7))


__all__ = [
    "easter_sunday", "nth_weekday", "pick_year", "quarter_of", "safe_date", "shift_days", "shift_months",
    "weekday_date", "year_with_weekday",
]
