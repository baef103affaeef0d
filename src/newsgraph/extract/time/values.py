"""Writing TIMEX3 values: calendar points at a granularity, durations, distances from the publication date.

``shifted(anchor, "month", -1)`` is ``2017-05`` for an anchor in June 2017: the
anchor moved by whole units, written at that unit's granularity (the distances
from an event in ``anchors.py`` use it too). ``duration_value(3, "year")`` is
``P3Y``. ``offset_value`` turns a value computed against the stand-in date
``PROBE`` into its distance from the publication date (``REF-P1M``), for
expressions read without one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsgraph.extract.time import patterns as P
from newsgraph.extract.time.context import Tense
from newsgraph.extract.time.dates import quarter_of, shift_days, shift_months


def year_value(year: int) -> str | None:
    """``2017``; ``None`` outside the years TIMEX3 writes with four digits."""
    return f"{year:04d}" if 0 < year < 10000 else None


def month_value(year: int, month: int) -> str | None:
    """``2017-05``; ``None`` outside the years TIMEX3 writes with four digits."""
    return f"{year:04d}-{month:02d}" if 0 < year < 10000 else None


def day_value(day: date) -> str:
    """``2017-06-06``."""
    return day.isoformat()


def week_value(day: date) -> str:
    """The ISO week of ``day``: ``2017-W23``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def duration_value(amount: float | None, unit: str) -> str:
    """``P3Y``, ``PT5H``, ``P20Y`` (two decades), ``P2Y6M`` (2 1/2 years), ``PXM`` (unknown amount)."""
    if unit == "weekend":
        unit, amount = "day", (None if amount is None else amount * 2)
    letter, is_time = P.UNITS[unit]
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    amount *= P.UNIT_FACTOR.get(unit, 1)
    if amount == int(amount):
        return f"{prefix}{int(amount)}{letter}"
    whole, part = int(amount), amount - int(amount)
    smaller = {"Y": ("M", 12, False), "D": ("H", 24, True), "H": ("M", 60, True), "M": ("S", 60, True)}
    if letter in smaller and not (letter == "M" and not is_time):
        small, per, small_is_time = smaller[letter]
        extra = round(part * per)
        if small_is_time and not is_time:
            return f"P{whole}{letter}T{extra}{small}" if whole else f"PT{extra}{small}"
        return f"{prefix}{whole}{letter}{extra}{small}" if whole else f"{prefix}{extra}{small}"
    return f"{prefix}{round(amount, 2)}{letter}"


def shifted(anchor: date, unit: str, n: int) -> str | None:
    """The anchor moved ``n`` units, written at that unit's granularity."""
    if unit in ("day", "night"):
        day = shift_days(anchor, n)
        return day_value(day) if day else None
    if unit in ("week", "fortnight"):
        day = shift_days(anchor, 7 * n * (2 if unit == "fortnight" else 1))
        return week_value(day) if day else None
    if unit == "weekend":
        day = shift_days(anchor, 7 * n)
        return f"{week_value(day)}-WE" if day else None
    if unit == "month":
        y, m = shift_months(anchor.year, anchor.month, n)
        return month_value(y, m)
    if unit == "quarter":
        y, m = shift_months(anchor.year, anchor.month, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}" if 0 < y < 10000 else None
    if unit == "year":
        return year_value(anchor.year + n)
    if unit == "decade":
        year = anchor.year + 10 * n
        return f"{year // 10:03d}" if 0 < year < 10000 else None
    if unit == "century":
        year = anchor.year + 100 * n
        return f"{year // 100:02d}" if 0 < year < 10000 else None
    if unit in ("hour", "minute", "second"):
        return day_value(anchor)
    return None


def weekend_value(anchor: date, step: int, tense: Tense | None) -> str | None:
    """The weekend before (step -1), of (0) or after (+1) the anchor's week, as ``YYYY-Www-WE``."""
    if step == 0 and tense == "past" and anchor.isoweekday() < 6:
        step = -1
    day = shift_days(anchor, 7 * step)
    return f"{week_value(day)}-WE" if day else None


#: A stand-in publication date, used only to measure how far a relative expression reaches
#: from it; the value written is the distance (``REF-P1M``), never a date computed from it.
PROBE = date(2000, 6, 15)
#: The calendar points a value computed against ``PROBE`` can be, by granularity.
_RE_PROBE_VALUE = re.compile(
    r"^(?:(?P<day>\d{4}-\d{2}-\d{2})(?:T\w+)?|(?P<week>\d{4}-W\d{2})(?:-WE)?|(?P<month>\d{4}-\d{2})"
    r"|(?P<quarter>\d{4}-Q[1-4])|\d{4}-(?P<season>SP|SU|FA|WI)|(?P<half>\d{4}-H[12])|(?P<year>\d{4})|(?P<decade>\d{3})|(?P<century>\d{2}))$"
)


def _signed(amount: int, unit: str) -> str:
    """``REF-P1M``, ``REF+P0W``: a signed distance from the publication date."""
    return f"REF{'-' if amount < 0 else '+'}P{abs(amount)}{unit}"


def offset_value(probe_value: str | None) -> str | None:
    """A value computed against ``PROBE``, rewritten as its distance from the publication date.

    ``REF-P1M`` is "one month before the publication date, at month granularity";
    ``REF+P0W`` is "the publication week"; ``REF-P2DE`` "two decades before". The unit is
    the value's granularity (TIMEX3 duration letters, ``DE``/``CE`` for decades and centuries).
    A season keeps only its name (``XXXX-SU``); values that are not calendar points give ``None``.
    """
    match = _RE_PROBE_VALUE.match(probe_value or "")
    if not match:
        return None
    if match.group("day"):
        return _signed((date.fromisoformat(match.group("day")) - PROBE).days, "D")
    if match.group("week"):
        year, week = match.group("week").split("-W")
        monday = date.fromisocalendar(int(year), int(week), 1)
        return _signed((monday - (PROBE - timedelta(days=PROBE.isoweekday() - 1))).days // 7, "W")
    if match.group("month"):
        year, month = map(int, match.group("month").split("-"))
        return _signed((year - PROBE.year) * 12 + month - PROBE.month, "M")
    if match.group("quarter"):
        year, quarter = match.group("quarter").split("-Q")
        return _signed((int(year) - PROBE.year) * 4 + int(quarter) - quarter_of(PROBE), "Q")
    if match.group("season"):
        return f"XXXX-{match.group('season')}"
    if match.group("half"):
        year, half = match.group("half").split("-H")
        return _signed(((int(year) - PROBE.year) * 2 + int(half) - 1) * 6, "M")
    if match.group("year"):
        return _signed(int(match.group("year")) - PROBE.year, "Y")
    if match.group("decade"):
        return _signed(int(match.group("decade")) - PROBE.year // 10, "DE")
    return _signed(int(match.group("century")) - PROBE.year // 100, "CE")


__all__ = [
    "PROBE", "day_value", "duration_value", "month_value", "offset_value", "shifted", "week_value", "weekend_value",
    "year_value",
]
