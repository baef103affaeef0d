"""TIMEX3 values for time expressions: readable rules over plain text, no spaCy needed.

``normalize("last month", date(2017, 6, 6))`` gives ``("DATE", "2017-05", None)``.
The rules follow the TimeML 1.2 guidelines and TempEval-3 conventions:

- granularity is kept: "last year" is ``2016``, not a day; "the 1980s" is ``198``;
  "the third quarter" is ``2017-Q3``; "last week" is ``2017-W22``;
- news direction: a bare month or weekday is the nearest *past* occurrence (the
  publication day itself counts), unless the tense hint or a cue ("next",
  "coming") says future;
- durations are ``PnX`` (``P3Y``, ``PT5H``, ``PXM`` for "months");
- vague references are ``PAST_REF`` / ``PRESENT_REF`` / ``FUTURE_REF``;
- the anchor is only ever the publication date passed in, never today's date.
  Without one, relative expressions keep a relative value (``XXXX-WXX-2`` for
  "Tuesday", ``XXXX-05`` for "May", else their distance from the publication
  date, ``REF-P1M`` for "last month") and are flagged ``relative``.

Every rule (``rules.py``) is a small function that either understands the whole
(prepared) expression or returns ``None``; ``resolve`` tries them in order. An
expression no rule understands gets ``known=False``; so does a day the calendar
does not have ("February 30"). A rule that raises has a bug: ``resolve`` re-raises
it in strict mode (``NEWSGRAPH_STRICT=1``, as under test) and reads the expression
as ``UNKNOWN`` otherwise; ``core.time_expressions`` also reports it in the doc's warnings.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from newsgraph.extract.failures import strict
from newsgraph.extract.time.context import UNKNOWN, Context, Resolution, Tense
from newsgraph.extract.time.rules import RULES
from newsgraph.extract.time.values import PROBE, offset_value
from newsgraph.extract.time.words import prepare, strip_modifiers

#: What a rule raises when it misreads its input: a bug to fix, not a reading.
RULE_ERRORS: tuple[type[Exception], ...] = (ValueError, OverflowError, IndexError, KeyError, TypeError)
#: Longer prepared texts are not read (no time expression is that long).
MAX_CHARS = 200


def _resolve(s: str, ctx: Context) -> Resolution:
    """The first rule's reading of ``s`` as it is, else with its modifiers taken off."""
    for candidate, mod in ((s, None), strip_modifiers(s)):
        if not candidate:
            continue
        for rule in RULES:
            found = rule(candidate, ctx)
            if found is not None:
                return replace(found, mod=found.mod or mod)
    return UNKNOWN


def resolve_or_raise(text: str, context: Context | None = None) -> Resolution:
    """``resolve`` without the safety net: an error a rule raises reaches the caller."""
    ctx = context or Context()
    s = prepare(text)
    if not s or len(s) > MAX_CHARS:
        return UNKNOWN
    found = _resolve(s, ctx)
    if found.relative and found.value is None and ctx.anchor is None:
        probed = _resolve(s, replace(ctx, anchor=PROBE))
        return replace(found, value=offset_value(probed.value), mod=found.mod or probed.mod)
    return found


def resolve(text: str, context: Context | None = None) -> Resolution:
    """The TIMEX3 reading of one expression, or ``UNKNOWN``. Raises only in strict mode, on a rule's bug.

    Without a publication date, a relative expression that has no underspecified
    value of its own ("last month") gets its distance from that date (``REF-P1M``,
    see ``offset_value``) and stays flagged ``relative``.
    """
    try:
        return resolve_or_raise(text, context)
    except RULE_ERRORS:
        if strict():
            raise
        return UNKNOWN


def normalize(
    text: str, anchor: date | None = None, tense_hint: Tense | None = None
) -> tuple[str, str | None, str | None]:
    """``(type, value, mod)`` of a time expression seen from ``anchor`` (the publication date).

    >>> normalize("last month", date(2017, 6, 6))
    ('DATE', '2017-05', None)
    """
    found = resolve(text, Context(anchor=anchor, tense=tense_hint))
    return found.type, found.value, found.mod


__all__ = ["MAX_CHARS", "RULE_ERRORS", "normalize", "resolve", "resolve_or_raise"]
