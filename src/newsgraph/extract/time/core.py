"""Time expressions, normalised to TIMEX3 against the publication date.

``time_expressions(doc, published)`` is what the ``newsgraph_times`` component
calls. It works in four steps:

1. **find** candidates (``recognize.candidates``): named patterns plus spaCy's
   DATE/TIME entities, trimmed to TIMEX3 extents, filtered (``rejection.rejected``),
   overlaps settled (``recognize.select``);
2. **read the clause** of each one (``recognize.tense_of``): the tense of its
   governing verb ("will meet Tuesday" looks ahead, "met Tuesday" looks back);
3. **normalise** it (``normalize.resolve_or_raise``) in text order, so "a year earlier"
   and "the next day" can use the quarter or day the text named last;
4. **place distances from events** (``anchors.from_events``): "a day after the vote"
   becomes a date when the text gives the vote's date, else stays an unanchored duration.

The anchor is the ``published`` argument only, never the machine's clock. With
no publication date, relative expressions keep a relative value (``XXXX-WXX-2``,
``REF-P1M``) and ``anchored=False``; absolute ones still resolve.

An expression a normalisation rule fails on (a bug) is read as unknown and
reported with ``failures.gave_up``: raised in strict mode, kept in the doc's
warnings otherwise.

The pure-text normaliser is re-exported as ``normalize`` for use without spaCy.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from newsgraph.extract.failures import gave_up
from newsgraph.extract.time import patterns as P
from newsgraph.extract.time.anchors import from_events
from newsgraph.extract.time.context import UNKNOWN, Context, Resolution
from newsgraph.extract.time.normalize import RULE_ERRORS, normalize, resolve_or_raise
from newsgraph.extract.time.recognize import candidates, select, tense_of
from newsgraph.extract.time.rejection import name_spans, rejected
from newsgraph.extract.time.values import duration_value
from newsgraph.record import TimeExpression

_RE_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
_RE_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_RE_YEAR_PREFIX = re.compile(r"^(\d{4})(?:$|-)")
_RE_COUNTED_BACK = re.compile(r"(?i)\b(?:ago|earlier|year-|last year|previous|prior)")
_RE_MONTH_VALUE = re.compile(r"^(\d{4})-(\d{2})()$")


def parse_anchor(published: str | date | None) -> date | None:
    """The publication date as a ``date``; ``None`` when missing or not a date."""
    if published is None:
        return None
    if isinstance(published, date):
        return published
    match = _RE_DAY_VALUE.match(str(published).strip())
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _advance(ctx: Context, res: Resolution, text: str) -> Context:
    """The context after an expression: remember the last quarter, day and year it named.

    Quarters counted back from another one ("a year earlier", "the year-ago
    quarter") do not become the reference: the story's own quarter stays it.
    """
    value = res.value or ""
    year = _RE_YEAR_PREFIX.match(value)
    if year and res.type in ("DATE", "TIME"):
        ctx = replace(ctx, reference_year=int(year.group(1)))
    quarter = _RE_QUARTER_VALUE.match(value)
    if quarter and _RE_COUNTED_BACK.search(text):
        return ctx
    if quarter:
        return replace(ctx, quarter=(int(quarter.group(1)), int(quarter.group(2))))
    day = _RE_DAY_VALUE.match(value) or _RE_MONTH_VALUE.match(value)
    if day and res.type in ("DATE", "TIME"):
        try:
            named = date(int(day.group(1)), int(day.group(2)), int(day.group(3) or 1))
        except ValueError:
            return ctx
        return replace(ctx, reference=named)
    return ctx


def _resolve(doc: Doc, text: str, ctx: Context, start: int) -> Resolution:
    """The reading of the expression at ``start``; ``UNKNOWN``, reported on the doc, when a rule fails on it."""
    try:
        return resolve_or_raise(text, ctx)
    except RULE_ERRORS as exc:
        gave_up(doc, "time", f"the expression at {start}", exc)  # re-raised in strict mode
        return UNKNOWN


def time_expressions(doc: Doc, published: str | None) -> list[TimeExpression]:
    """Every time expression in ``doc`` with its TIMEX3 type, value and mod.

    Odd text gives no expressions, not an error; only a rule's bug raises, and only in strict mode.
    """
    anchor = parse_anchor(published)
    full = doc.text  # spaCy rebuilds Doc.text on each access: read it once
    if not full.strip():
        return []
    base = Context(anchor=anchor)
    scored = []
    names = name_spans(doc)
    readings: dict[tuple[int, int], Resolution] = {}  # several patterns find the same stretch: read it once
    for cand in candidates(doc, full):
        extent = (cand.start, cand.end)
        if extent not in readings:
            readings[extent] = _resolve(doc, full[cand.start : cand.end], base, cand.start)
        res = readings[extent]
        if not rejected(doc, cand, res, names, full):
            scored.append((cand, res))
    out: list[TimeExpression] = []
    ctx = base
    for cand, _ in select(scored):
        text = full[cand.start : cand.end]
        tense = tense_of(doc, cand.start, cand.end, full)
        here = replace(ctx, tense=tense)
        res = _resolve(doc, text, here, cand.start)
        if P.RE_RATE.fullmatch(text) and P.RE_RATE_BEFORE.search(full[max(0, cand.start - 20) : cand.start]):
            # "$200 million a month", "twice a week": a frequency, not a stretch of time
            res = Resolution("SET", duration_value(1, P.RE_RATE.fullmatch(text).group(1).lower()))
        ctx = _advance(ctx, res, text)
        out.append(
            TimeExpression(
                id=f"t{len(out) + 1}",
                start=cand.start,
                end=cand.end,
                text=text,
                type=res.type,
                value=res.value,
                mod=res.mod,
                anchored=not (res.relative and anchor is None),
            )
        )
    return from_events(doc, full, out)


__all__ = ["normalize", "parse_anchor", "time_expressions"]
