"""Fiscal periods as event dates (``events.dates.fiscal_dating``) on hand-built parses of invented sentences."""

from __future__ import annotations

import pytest

from _docs import parse
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.dates import UNDATED, Dating, calendar_period, date_event
from newsgraph.record import TimeExpression


def _time(text: str, words: str, value: str | None, n: int, type_: str = "DATE", **kw) -> TimeExpression:
    start = text.index(words)
    return TimeExpression(id=f"t{n}", start=start, end=start + len(words), text=words, type=type_, value=value, **kw)


def _date(spec: str, verb: int, *times: tuple) -> Dating:
    """The dating of token ``verb`` of the parse, with times given as (words, value[, type])."""
    doc = parse(spec)
    found = [_time(doc.text, t[0], t[1], n + 1, *t[2:]) for n, t in enumerate(times)]
    ctx = DocContext.build(doc, [], found, [], [])
    return date_event(ctx, doc[verb], doc[verb].sent, past=True)


ROSE_IN_QUARTER = """
0 Profits 1 nsubj NOUN NNS profit
1 rose 1 ROOT VERB VBD rise
2 in 1 prep ADP IN in
3 the 4 det DET DT the
4 quarter 2 pobj NOUN NN quarter
5 ended 4 acl VERB VBN end
6 in 5 prep ADP IN in
7 early 8 amod ADJ JJ early
8 March 6 pobj PROPN NNP March
9 . 1 punct PUNCT . .
"""


def test_a_quarter_ended_in_early_march_is_the_first_calendar_quarter():
    # December to February: two of its three months are in the first quarter.
    assert _date(ROSE_IN_QUARTER, 1, ("early March", "2005-03")) == Dating("t1", "2005-Q1", "clause")
    # "early" outside the time expression counts the same.
    assert _date(ROSE_IN_QUARTER, 1, ("March", "2005-03")) == Dating("t1", "2005-Q1", "clause")


def test_an_unresolved_end_gives_no_date():
    assert _date(ROSE_IN_QUARTER, 1, ("early March", "XXXX-03")) == UNDATED
    assert _date(ROSE_IN_QUARTER, 1, ("early March", None)) == UNDATED


THREE_MONTHS_TO = """
0 Sales 1 nsubj NOUN NNS sale
1 fell 1 ROOT VERB VBD fall
2 in 1 prep ADP IN in
3 the 5 det DET DT the
4 three 5 nummod NUM CD three
5 months 2 pobj NOUN NNS month
6 to 5 prep ADP IN to
7 December 6 pobj PROPN NNP December
8 . 1 punct PUNCT . .
"""


def test_the_three_months_to_december_are_the_fourth_quarter():
    # The period's own expression is a duration (no date): the end it names dates it.
    got = _date(THREE_MONTHS_TO, 1, ("the three months", "P3M", "DURATION"), ("December", "2004-12"))
    assert got == Dating("t2", "2004-Q4", "clause")


def test_nine_months_are_no_calendar_period():
    spec = THREE_MONTHS_TO.replace("4 three 5 nummod NUM CD three", "4 nine 5 nummod NUM CD nine")
    assert _date(spec, 1, ("December", "2004-12")) == UNDATED


PROFIT_FOR_HALF = """
0 The 1 det DET DT the
1 firm 2 nsubj NOUN NN firm
2 posted 2 ROOT VERB VBD post
3 a 4 det DET DT a
4 profit 2 dobj NOUN NN profit
5 for 4 prep ADP IN for
6 the 8 det DET DT the
7 six 8 nummod NUM CD six
8 months 5 pobj NOUN NNS month
9 ended 8 acl VERB VBN end
10 June 11 compound PROPN NNP June
11 30 9 npadvmod NUM CD 30
12 . 2 punct PUNCT . .
"""


def test_a_period_framing_the_object_dates_the_clause():
    assert _date(PROFIT_FOR_HALF, 2, ("June 30", "2005-06-30")) == Dating("t1", "2005-H1", "clause")


def test_a_dated_clause_keeps_its_own_date():
    spec = """
0 On 3 prep ADP IN on
1 Tuesday 0 pobj PROPN NNP Tuesday
2 Acme 3 nsubj PROPN NNP Acme
3 posted 3 ROOT VERB VBD post
4 a 5 det DET DT a
5 loss 3 dobj NOUN NN loss
6 for 5 prep ADP IN for
7 the 8 det DET DT the
8 quarter 6 pobj NOUN NN quarter
9 ended 8 acl VERB VBN end
10 March 11 compound PROPN NNP March
11 31 9 npadvmod NUM CD 31
12 . 3 punct PUNCT . .
"""
    got = _date(spec, 3, ("Tuesday", "2005-04-12"), ("March 31", "2005-03-31"))
    assert got == Dating("t1", "2005-04-12", "clause")


@pytest.mark.parametrize(("value", "months", "early", "expected"), [
    ("2005-03", 3, True, "2005-Q1"),      # December-February
    ("2005-03-31", 3, False, "2005-Q1"),  # January-March
    ("2005-03-02", 3, False, "2005-Q1"),  # ends at the very start of March: December-February
    ("2004-11-30", 3, False, "2004-Q4"),  # September-November: two months in the fourth quarter
    ("2005-01", 3, True, "2004-Q4"),      # early January: October-December of the year before
    ("2004-12", 6, False, "2004-H2"),
    ("2004-12-31", 12, False, "2004"),
    ("2005-06-30", 12, False, None),      # July-June: half in each year
    ("2005-09", 9, False, None),          # nine months: no calendar unit
    ("XXXX-03", 3, False, None),
    ("2005", 3, False, None),             # no month to end on
])
def test_calendar_period(value, months, early, expected):
    end = TimeExpression(id="t1", start=0, end=5, text="March", type="DATE", value=value)
    assert calendar_period(end, months, early=early) == expected


def test_an_end_the_parser_hung_on_the_verb_still_ends_the_period():
    spec = """
0 Sales 1 nsubj NOUN NNS sale
1 fell 1 ROOT VERB VBD fall
2 in 1 prep ADP IN in
3 the 5 det DET DT the
4 three 5 nummod NUM CD three
5 months 2 pobj NOUN NNS month
6 to 1 prep ADP IN to
7 December 6 pobj PROPN NNP December
8 . 1 punct PUNCT . .
"""
    assert _date(spec, 1, ("December", "2004-12")) == Dating("t1", "2004-Q4", "clause")
    # "rose to December levels in the quarter": a "to" phrase before the period is not its end.
    later = """
0 Prices 1 nsubj NOUN NNS price
1 rose 1 ROOT VERB VBD rise
2 to 1 prep ADP IN to
3 December 4 compound PROPN NNP December
4 levels 2 pobj NOUN NNS level
5 in 1 prep ADP IN in
6 the 7 det DET DT the
7 quarter 5 pobj NOUN NN quarter
8 . 1 punct PUNCT . .
"""
    assert _date(later, 1, ("December", "2004-12")) == UNDATED


def test_the_stated_end_outranks_the_periods_own_value():
    # "the quarter" read from context as the second quarter; its stated end makes it the first.
    got = _date(ROSE_IN_QUARTER, 1, ("the quarter", "2005-Q2"), ("early March", "2005-03"))
    assert got == Dating("t2", "2005-Q1", "clause")
