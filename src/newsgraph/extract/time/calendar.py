"""Calendar expressions: what each word names, and which year a month named without one falls in.

``calendar_parts("last Friday night")`` reads the words into a ``CalendarParts``
(weekday 5, part of day ``NI``, direction "last"); ``calendar_parts("June 6, 2017")``
gives month 6, day 6, year 2017. ``calendar_year`` then decides the year of an
expression that names a month: the one written, the one counted from the
publication date ("January this year"), the one a direction word says ("last
March"), else the nearest occurrence. The ``_calendar`` rule in ``rules.py`` writes
the value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from newsgraph.extract.time import patterns as P
from newsgraph.extract.time.context import Context
from newsgraph.extract.time.dates import pick_year, year_with_weekday
from newsgraph.vocab.calendar import MONTHS, WEEKDAYS


@dataclass
class CalendarParts:
    """What the words of a calendar expression name; ``None`` where they name nothing."""

    weekday: int | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    part: str | None = None
    direction: str | None = None  # last / next / this
    relative_year: int | None = None  # "January this year" → 0, "last year" → -1


#: The tokens of a calendar expression: a word (maybe abbreviated), a number, a two-digit year ('98), a comma.
_RE_CALENDAR_TOKEN = re.compile(r"[a-z]+\.?|\d+(?:st|nd|rd|th)?|'\d\d|,")
#: A day of the month in digits, "6", "6th".
_RE_DAY_NUMBER = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
#: A year in digits, "2017", and one written with two, "'98".
_RE_YEAR_NUMBER = re.compile(r"\d{4}")
_RE_SHORT_YEAR = re.compile(r"'\d\d")
#: A two-digit year from here on is in the 1900s ("'98"), below it in the 2000s ("'05").
_SHORT_YEAR_PIVOT = 30

#: "this year", "last year", "next year" after a month → the year counted from the anchor's.
_RELATIVE_YEARS = {"this": 0, "last": -1, "next": 1}
#: Words before a weekday or month that say which occurrence → "last", "next" or "this".
_DIRECTION_WORDS = {"last": "last", "past": "last", "previous": "last", "next": "next", "coming": "next",
                    "this": "this", "upcoming": "next", "following": "next"}
#: Words a calendar expression may hold that name nothing by themselves.
_FILLERS = {"the", "of", "on", ",", "this", "past", "coming", "last", "next", "year", "previous", "upcoming",
            "following"}

# --- reading the words ------------------------------------------------------------------
# Each slot reader looks at one token (and the next one), fills its field of the parts if the
# token is for it, and says how many tokens it took: 0 when the token is not for it.

Slot = Callable[[CalendarParts, str, str | None], int]


def _relative_year(cal: CalendarParts, tok: str, nxt: str | None) -> int:
    """"January this year", "May last year": once a month is named, "this/last/next year" counts the year."""
    bare = tok.rstrip(".")
    if bare in _RELATIVE_YEARS and nxt == "year" and cal.month is not None:
        cal.relative_year = _RELATIVE_YEARS[bare]
        return 2
    return 0


def _direction(cal: CalendarParts, tok: str, nxt: str | None) -> int:
    """"last Friday", "next March", "this coming Tuesday": a direction word before the weekday or month."""
    bare = tok.rstrip(".")
    if bare not in _DIRECTION_WORDS or cal.direction is not None or cal.month is not None or cal.weekday is not None:
        return 0
    cal.direction = _DIRECTION_WORDS[bare]
    if bare == "this" and nxt in ("past", "coming"):
        cal.direction = _DIRECTION_WORDS[nxt]
        return 2
    return 1


def _weekday(cal: CalendarParts, tok: str, nxt: str | None) -> int:
    """"Tuesday", "Tues.": a weekday, abbreviated only with a full stop ("sun" and "wed" are words)."""
    bare = tok.rstrip(".")
    if bare in WEEKDAYS and cal.weekday is None and (len(bare) > 3 or tok.endswith(".")):
        cal.weekday = WEEKDAYS[bare]
        return 1
    return 0


def _month(cal: CalendarParts, tok: str, nxt: str | None) -> int:
    """"March", "Sept.", "jan 5": a month; a short form needs a full stop, a number after it, or to end the text."""
    bare = tok.rstrip(".")
    if bare in MONTHS and cal.month is None and (len(bare) > 3 or tok.endswith(".") or bare == "may"
                                                   or nxt is None or (nxt and nxt[0].isdigit())):
        cal.month = MONTHS[bare]
        return 1
    return 0


def _part_of_day(cal: CalendarParts, tok: str, nxt: str | None) -> int:
    """"Wednesday night", "June 6 morning": a part of the day, after a weekday or month only."""
    bare = tok.rstrip(".")
    if bare in P.PARTS_OF_DAY and cal.part is None and (cal.weekday or cal.month):
        cal.part = P.PARTS_OF_DAY[bare]
        return 1
    return 0


def _day_number(cal: CalendarParts, tok: str, nxt: str | None) -> int:
    """"6", "6th": the day of the month in digits (checked against the month afterwards)."""
    match = _RE_DAY_NUMBER.fullmatch(tok)
    if match and cal.day is None:
        cal.day = int(match.group(1))
        return 1
    return 0


def _year_number(cal: CalendarParts, tok: str, nxt: str | None) -> int:
    """"2017": the year in four digits."""
    if _RE_YEAR_NUMBER.fullmatch(tok) and cal.year is None:
        cal.year = int(tok)
        return 1
    return 0


def _short_year(cal: CalendarParts, tok: str, nxt: str | None) -> int:
    """"'98", "'05": the year in two digits after an apostrophe."""
    if _RE_SHORT_YEAR.fullmatch(tok) and cal.year is None:
        two = int(tok[1:])
        cal.year = (1900 if two >= _SHORT_YEAR_PIVOT else 2000) + two
        return 1
    return 0


def _ordinal_day(cal: CalendarParts, tok: str, nxt: str | None) -> int:
    """"March first", "the third of June": the day of the month as an ordinal word, after its month or
    before "of" (``calendar_parts`` then requires the month to follow: "the third of them" is no date)."""
    bare = tok.rstrip(".")
    if bare in P.ORDINALS and cal.day is None and P.ORDINALS[bare] <= 31 and (cal.month or nxt == "of"):
        cal.day = P.ORDINALS[bare]
        return 1
    return 0


def _filler(cal: CalendarParts, tok: str, nxt: str | None) -> int:
    """"the", "of", ",", a direction word already used: words that name nothing."""
    return 1 if tok.rstrip(".") in _FILLERS else 0


#: The slot readers, in the order a token is offered to them; the first that takes it wins.
SLOTS: tuple[Slot, ...] = (
    _relative_year, _direction, _weekday, _month, _part_of_day, _day_number, _year_number, _short_year,
    _ordinal_day, _filler,
)


def _tokens(s: str) -> list[str] | None:
    """The tokens of ``s``, or ``None`` when something in it is not a calendar token ("$", "5:30")."""
    tokens = _RE_CALENDAR_TOKEN.findall(s)
    if not tokens or "".join(tokens).replace(",", "") != s.replace(" ", "").replace(",", ""):
        return None
    return tokens


def _complete(cal: CalendarParts) -> bool:
    """A calendar expression names a month or a weekday, and a day only within a month."""
    if cal.month is None and cal.weekday is None:
        return False
    return cal.day is None or (cal.month is not None and 1 <= cal.day <= 31)


def calendar_parts(s: str) -> CalendarParts | None:
    """Month, day, year, weekday and part of day of a calendar expression, or ``None``.

    ``None`` when a word is for no slot ("Tuesday banana"), a slot is named twice
    ("March April"), or the parts do not make a date (a day without a month).
    """
    tokens = _tokens(s)
    if tokens is None:
        return None
    cal = CalendarParts()
    i = 0
    while i < len(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        taken = next((n for slot in SLOTS if (n := slot(cal, tokens[i], nxt))), 0)
        if not taken:
            return None
        i += taken
    return cal if _complete(cal) else None


# --- choosing the year --------------------------------------------------------------------


def _year_in_direction(cal: CalendarParts, anchor: date) -> int:
    """"last March" is the latest March before the anchor's month, "next March" the first after it; "this" is
    the anchor's year."""
    if cal.direction == "last":
        before = (cal.month, cal.day or 0) < (anchor.month, anchor.day if cal.day else 0)
        return anchor.year if before else anchor.year - 1
    if cal.direction == "next":
        return anchor.year if (cal.month, cal.day or 99) > (anchor.month, anchor.day) else anchor.year + 1
    return anchor.year


def calendar_year(cal: CalendarParts, ctx: Context) -> int | None:
    """The year of a calendar expression that names a month; ``None`` without one written or an anchor.

    The year written ("June 6, 2017"), else counted from the anchor's ("January this
    year"), else the one a direction word says ("last March"), else the nearest
    occurrence (``pick_year``: back when the clause is past, ahead when it is future),
    moved to a neighbouring year when that is where the weekday fits ("Saturday, April 25").
    """
    if cal.year is not None:
        return cal.year
    anchor = ctx.anchor
    if anchor is None:
        return None
    if cal.relative_year is not None:
        return anchor.year + cal.relative_year
    if cal.direction is not None:
        return _year_in_direction(cal, anchor)
    assert cal.month is not None
    year = pick_year(anchor, cal.month, cal.day, ctx.tense, nearest=True)
    if cal.day is not None and cal.weekday is not None:
        year = year_with_weekday(year, cal.month, cal.day, cal.weekday)
    return year


__all__ = ["SLOTS", "CalendarParts", "calendar_parts", "calendar_year"]
