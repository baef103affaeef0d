"""Publication dates written in a byline or dateline, read into ISO ``YYYY-MM-DD``.

Only dates with a year become a publication date: a wire dateline's "March 24"
is recognised (so it can be removed) but never given an invented year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from newsgraph.clean import patterns as P
from newsgraph.clean.lexicons import MONTHS


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in text: ISO value (None without a year), and where it is."""

    iso: str | None
    start: int
    end: int


def _month(value: str) -> int | None:
    if value.isdigit():
        return int(value)
    return MONTHS.get(value.lower().rstrip("."))


def _year(value: str) -> int:
    year = int(value)
    if len(value) == 2:
        year += 2000 if year < 50 else 1900
    return year


#: Latest year taken as a publication date (page widgets show far-future junk dates).
MAX_YEAR = date.today().year + 1


def _iso(year: int, month: int | None, day: int) -> str | None:
    if month is None or year > MAX_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


_DIGIT = re.compile(r"\d")
_WITH_YEAR: tuple[re.Pattern[str], ...] = (P.DATE_MDY, P.DATE_DMY, P.DATE_ISO, P.DATE_US)


def find_date(text: str, start: int = 0, end: int | None = None) -> FoundDate | None:
    """The first full date (with a year) in ``text[start:end]``, earliest position wins."""
    end = len(text) if end is None else end
    if _DIGIT.search(text, start, end) is None:
        return None
    best: FoundDate | None = None
    for pattern in _WITH_YEAR:
        for match in pattern.finditer(text, start, end):
            iso = _iso(_year(match["year"]), _month(match["month"]), int(match["day"]))
            if iso is None:
                continue
            if best is None or match.start() < best.start:
                best = FoundDate(iso, match.start(), match.end())
            break
    return best


def parse_date(text: str) -> str | None:
    """ISO date of a string that holds one date (with a year), else None."""
    found = find_date(text)
    return found.iso if found else None


def date_line_share(text: str) -> tuple[FoundDate | None, float]:
    """The date in a line and the share of the line's letters and digits that are date or time words.

    A line such as "Updated Thursday, October 25th, 2012 at 2:08 p.m." scores
    near 1; a sentence that mentions a date scores low.
    """
    found = find_date(text)
    if found is None:
        return None, 0.0
    rest = text[: found.start] + " " + text[found.end :]
    if find_date(rest) is not None:
        return found, 0.0  # several dates: a list or a table, not a date line
    rest = P.TIME_OF_DAY.sub(" ", rest)
    rest = P.DATE_LINE_WORDS.sub(" ", rest)
    total = sum(ch.isalnum() for ch in text)
    left = sum(ch.isalnum() for ch in rest)
    return found, (1.0 - left / total) if total else 0.0
