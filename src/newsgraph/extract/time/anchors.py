"""Distances from an event: "a day after the vote", "two weeks before the election".

TimeML marks the distance ("a day") as a DURATION and the event as an EVENT linked
by a signal ("after"). Such a distance names a date only once the event's own date
is known, so this module looks for that date in the text:

1. inside the event phrase itself: "a day after the June 5 vote";
2. in a nearby earlier sentence that names the same event noun with a date:
   "The vote was held on June 5. A day after the vote, he quit."

Found, the expression becomes a DATE (``2017-06-06``); not found, it stays a
DURATION (``P1D``) with ``anchored=False``: a time that hangs on an event whose
date the text does not give.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc

from newsgraph.extract.time.values import shifted
from newsgraph.record import TimeExpression

#: The signal word after a counted distance: "a day after", "two weeks before".
RE_SIGNAL = re.compile(r"\s+(after|before)\b", re.I)
#: A signal word read into an offset's extent ("two weeks before"), and a following event phrase.
RE_TRAILING_SIGNAL = re.compile(r"\s+(?:after|before)$", re.I)
RE_EVENT_FOLLOWS = re.compile(r"\s+(?:the|a|an|his|her|their|its|this|that)?\s*[A-Za-z]")
#: A counted duration the rule can move a date by (not hours: "two hours after" needs a clock).
RE_COUNTED = re.compile(r"^P(\d+)([DWMY])$")
#: A day or month value, the only event dates the rule moves from.
RE_EVENT_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
#: Where the event phrase after the signal ends: a clause break.
RE_PHRASE_END = re.compile(r"[,.;:!?\n]")
#: How far back (in characters) an earlier mention of the event may be.
LOOK_BACK_CHARS = 1200

_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def _event_date(value: str | None) -> tuple[date, bool] | None:
    """The date of a day or month value and whether it is a whole day."""
    match = RE_EVENT_DATE.match(value or "")
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3) or 1)), bool(match.group(3))
    except ValueError:
        return None


def _head_noun(doc: Doc, start: int, end: int) -> str | None:
    """The lemma of the first noun in ``doc.text[start:end]`` (the event: "vote", "election")."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    for token in span:
        if token.pos_ == "NOUN":
            return token.lemma_.lower()
    return None


def _anchor_value(
    doc: Doc, full: str, t: TimeExpression, times: list[TimeExpression]
) -> str | None:
    """The value of the time the event after ``t``'s signal took place at, if the text gives it."""
    signal = RE_SIGNAL.match(full, t.end)
    if signal is None:
        return None
    stop = RE_PHRASE_END.search(full, signal.end())
    phrase_end = stop.start() if stop else len(full)
    inside = [o for o in times if signal.end() <= o.start and o.end <= phrase_end and _event_date(o.value)]
    if inside:
        return inside[0].value
    noun = _head_noun(doc, signal.end(), phrase_end)
    if noun is None or not doc.has_annotation("SENT_START"):
        return None
    here = doc.char_span(t.start, t.end, alignment_mode="expand")
    if here is None:
        return None
    sentence_start = here.sent.start_char
    for sent in reversed(list(doc.char_span(max(0, sentence_start - LOOK_BACK_CHARS), sentence_start,
                                            alignment_mode="expand").sents)
                         if sentence_start else []):
        if not any(tok.lemma_.lower() == noun for tok in sent):
            continue
        dated = [o for o in times if sent.start_char <= o.start and o.end <= sent.end_char
                 and _event_date(o.value)]
        if len(dated) == 1:
            return dated[0].value
    return None


def _without_signal(full: str, t: TimeExpression) -> TimeExpression:
    """"two weeks before the election" read as one offset: cut the signal off the extent.

    At a clause end ("he had left two days before.") the word is part of the
    expression and stays.
    """
    signal = RE_TRAILING_SIGNAL.search(t.text)
    if t.type != "DURATION" or signal is None or not RE_EVENT_FOLLOWS.match(full, t.end):
        return t
    return t.model_copy(update={"end": t.start + signal.start(), "text": t.text[: signal.start()]})


def from_events(doc: Doc, full: str, times: list[TimeExpression]) -> list[TimeExpression]:
    """``times`` with every "a day after <event>" distance resolved or flagged unanchored."""
    out: list[TimeExpression] = []
    for t in map(lambda t: _without_signal(full, t), times):
        counted = RE_COUNTED.match(t.value or "") if t.type == "DURATION" else None
        if counted is None or RE_SIGNAL.match(full, t.end) is None:
            out.append(t)
            continue
        found = _event_date(_anchor_value(doc, full, t, times))
        value = None
        if found is not None:
            day, whole_day = found
            amount, unit = int(counted.group(1)), _UNITS[counted.group(2)]
            sign = -1 if RE_SIGNAL.match(full, t.end).group(1).lower() == "before" else 1
            if unit in ("day", "week") and whole_day:
                value = (day + timedelta(days=sign * amount * (7 if unit == "week" else 1))).isoformat()
            elif unit in ("month", "year"):
                value = shifted(day, unit, sign * amount)
        if value is None:
            out.append(t.model_copy(update={"anchored": False}))
        else:
            out.append(t.model_copy(update={"type": "DATE", "value": value, "anchored": True}))
    return out


__all__ = ["from_events"]
