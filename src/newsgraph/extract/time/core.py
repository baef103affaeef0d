"""Time expressions, normalised to TIMEX3 against the publication date.

``time_expressions(doc, published)`` is what the ``newsgraph_times`` component
calls. It works in three steps:

1. **find** candidates (``_timex_recognize``): named patterns plus spaCy's
   DATE/TIME entities, trimmed to TIMEX3 extents, filtered, overlaps settled;
2. **read the clause** of each one: the tense of its governing verb ("will meet
   Tuesday" looks ahead, "met Tuesday" looks back);
3. **normalise** it (``_timex_normalize``) in text order, so "a year earlier"
   and "the next day" can use the quarter or day the text named last;
4. **place distances from events** (``_timex_events``): "a day after the vote"
   becomes a date when the text gives the vote's date, else stays an unanchored duration.

The anchor is the ``published`` argument only, never the machine's clock. With
no publication date, relative expressions keep a relative value (``XXXX-WXX-2``,
``REF-P1M``) and ``anchored=False``; absolute ones still resolve.

The pure-text normaliser is re-exported as ``normalize`` for use without spaCy.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from newsgraph.extract.time import patterns as P
from newsgraph.extract.time.anchors import from_events
from newsgraph.extract.time.normalize import Context, Resolution, duration_value, normalize, resolve
from newsgraph.extract.time.recognize import candidates, name_spans, rejected, select, tense_of
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


def time_expressions(doc: Doc, published: str | None) -> list[TimeExpression]:
    """Every time expression in ``doc`` with its TIMEX3 type, value and mod. Never raises on odd text."""
    anchor = parse_anchor(published)
    full = doc.text  # spaCy rebuilds Doc.text on each access: read it once
    if not full.strip():
        return []
    base = Context(anchor=anchor)
    scored = []
    names = name_spans(doc)
    for cand in candidates(doc, full):
        res = resolve(full[cand.start : cand.end], base)
        if not rejected(doc, cand, res, names, full):
            scored.append((cand, res))
    out: list[TimeExpression] = []
    ctx = base
    for cand, _ in select(scored):
        text = full[cand.start : cand.end]
        tense = tense_of(doc, cand.start, cand.end, full)
        here = replace(ctx, tense=tense)
        res = resolve(text, here)
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
