"""What a normalisation rule reads besides the text, and what it gives back.

A rule (``rules.py``) takes the prepared expression and a ``Context`` (the
publication date, the clause's tense, what the text named before) and returns a
``Resolution`` (the TIMEX3 type, value and mod) or ``None`` when it does not
understand the expression.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

Tense = Literal["past", "present", "future"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True)
class Context:
    """What a rule may use besides the expression itself.

    anchor: the publication date (``None`` when unknown).
    tense: the tense of the clause the expression sits in, from the parse.
    quarter: the last fiscal quarter the text named, ``(year, q)``, for "a year earlier".
    reference: the last day (or month) the text named, for "the next day", "a week later".
    reference_year: the year of the last date of any granularity the text named,
        for "four years earlier", "that year", "the year before".
    """

    anchor: date | None = None
    tense: Tense | None = None
    quarter: tuple[int, int] | None = None
    reference: date | None = None
    reference_year: int | None = None


@dataclass(frozen=True)
class Resolution:
    """A TIMEX3 reading. ``relative`` marks values that needed an anchor and had none;
    ``known`` is false when no rule understood the expression."""

    type: TimeType
    value: str | None
    mod: str | None = None
    relative: bool = False
    known: bool = True


#: The reading of an expression no rule understands.
UNKNOWN = Resolution("DATE", None, known=False)


def needs_anchor(type_: TimeType, fallback: str | None = None) -> Resolution:
    """A relative expression read without a publication date: its underspecified value, if it has one."""
    return Resolution(type_, fallback, relative=True)


__all__ = ["UNKNOWN", "Context", "Resolution", "Tense", "TimeType", "needs_anchor"]
