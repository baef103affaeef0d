"""Which occurrence a bare weekday names: read from the tense of the clause that governs it.

Hand-built parses of invented sentences, resolved against a Wednesday (2014-07-30): a past
clause names the latest such day on or before it (the day itself counting), a clause that
looks ahead the next one, and an infinitive after an attempt ("was trying to pass the bill
Tuesday") the attempt's time. Each rule has a hit and a miss.
"""

from __future__ import annotations

from datetime import date

import pytest

from _docs import tokens
from newsgraph.extract.time.core import time_expressions
from newsgraph.extract.time.dates import weekday_date
from newsgraph.extract.time.recognize import tense_of

WEDNESDAY = "2014-07-30"
PAST_TUESDAY, NEXT_TUESDAY = "2014-07-29", "2014-08-05"


def _value(spec: str, words: str = "Tuesday") -> str | None:
    doc = tokens(spec)
    found = [t for t in time_expressions(doc, WEDNESDAY) if t.text == words]
    assert len(found) == 1, [t.text for t in time_expressions(doc, WEDNESDAY)]
    return found[0].value


def _tense(spec: str, words: str) -> str | None:
    doc = tokens(spec)
    start = doc.text.index(words)
    return tense_of(doc, start, start + len(words))


def _infinitive(head_words: str, head_rows: str) -> str:
    """ "Leaders <head words> to pass the bill Tuesday ." with the head's tokens given as rows 1.. ."""
    rows = head_rows.split()
    n = len(rows)
    verb = rows[-1].split("/")[0]
    return (f"0/Leaders/{verb}/nsubj/NOUN/NNS/leader {head_rows} {n + 1}/to/{n + 2}/aux/PART/TO "
            f"{n + 2}/pass/{verb}/xcomp/VERB/VB {n + 3}/the/{n + 4}/det/DET/DT {n + 4}/bill/{n + 2}/dobj/NOUN/NN "
            f"{n + 5}/Tuesday/{n + 2}/npadvmod/PROPN/NNP/B-DATE {n + 6}/./{verb}/punct")


WERE_TRYING = _infinitive("were trying", "1/were/2/aux/AUX/VBD/be 2/trying/2/ROOT/VERB/VBG/try")
WILL_TRY = _infinitive("will try", "1/will/2/aux/AUX/MD/will 2/try/2/ROOT/VERB/VB/try")
MANAGED = _infinitive("managed", "1/managed/1/ROOT/VERB/VBD/manage")
PLAN = _infinitive("plan", "1/plan/1/ROOT/VERB/VBP/plan")
AGREED = _infinitive("agreed", "1/agreed/1/ROOT/VERB/VBD/agree")


def test_an_infinitive_after_a_past_attempt_names_the_past_weekday():
    # before: "try" put its infinitive in the future, so this Tuesday was the one after the article
    assert _tense(WERE_TRYING, "Tuesday") == "past"
    assert _value(WERE_TRYING) == PAST_TUESDAY


def test_an_infinitive_after_a_future_attempt_names_the_next_weekday():
    assert _tense(WILL_TRY, "Tuesday") == "future"
    assert _value(WILL_TRY) == NEXT_TUESDAY


def test_an_infinitive_after_an_achieved_attempt_is_past():
    assert _value(MANAGED) == PAST_TUESDAY


def test_an_infinitive_after_a_plan_still_looks_ahead():
    # the miss of the attempt rule: a plan's infinitive comes later, whatever the plan's tense
    assert _tense(PLAN, "Tuesday") == "future"
    assert _value(PLAN) == NEXT_TUESDAY


def test_an_infinitive_after_a_commitment_is_not_given_its_heads_past():
    # "agreed to buy ... in February": what is agreed to comes later, so the past of "agreed" is not read
    assert _tense(AGREED, "Tuesday") is None


SAME_DAY = ("0/The/1/det/DET/DT 1/council/2/nsubj/NOUN/NN 2/met/2/ROOT/VERB/VBD/meet "
            "3/Wednesday/2/npadvmod/PROPN/NNP/B-DATE 4/./2/punct")


def test_a_past_weekday_of_the_articles_own_day_is_that_day():
    assert _value(SAME_DAY, "Wednesday") == WEDNESDAY


def test_a_past_weekday_is_never_after_the_article():
    spec = SAME_DAY.replace("Wednesday", "Thursday")
    assert _value(spec, "Thursday") == "2014-07-24"


def test_a_future_weekday_is_the_next_one():
    spec = ("0/The/1/det/DET/DT 1/council/3/nsubj/NOUN/NN 2/will/3/aux/AUX/MD/will 3/meet/3/ROOT/VERB/VB "
            "4/Thursday/3/npadvmod/PROPN/NNP/B-DATE 5/./3/punct")
    assert _value(spec, "Thursday") == "2014-07-31"


@pytest.mark.parametrize(("weekday", "tense", "expected"), [
    (2, "past", date(2014, 7, 29)),
    (2, "present", date(2014, 7, 29)),  # "is recovering after surgery Tuesday": the one before
    (2, None, date(2014, 7, 29)),  # news reports what happened
    (2, "future", date(2014, 8, 5)),
    (3, "past", date(2014, 7, 30)),  # the article's own day counts
    (4, "future", date(2014, 7, 31)),
])
def test_weekday_date_by_tense(weekday, tense, expected):
    assert weekday_date(date.fromisoformat(WEDNESDAY), weekday, tense) == expected


HAD_BEEN_DUE = ("0/The/1/det/DET/DT 1/offer/3/nsubj/NOUN/NN 2/had/3/aux/AUX/VBD/have 3/been/3/ROOT/AUX/VBN/be "
                "4/due/3/acomp/ADJ/JJ 5/to/6/aux/PART/TO 6/expire/4/xcomp/VERB/VB "
                "7/Friday/6/npadvmod/PROPN/NNP/B-DATE 8/./3/punct")


def test_an_infinitive_after_a_plan_in_the_past_perfect_is_past():
    # "The offer had been due to expire Friday.": the plan is told as over, its Friday gone by
    assert _tense(HAD_BEEN_DUE, "Friday") == "past"
    assert _value(HAD_BEEN_DUE, "Friday") == "2014-07-25"


def test_an_infinitive_after_a_plan_in_the_simple_past_still_looks_ahead():
    # "The offer was due to expire Friday.": the miss of the past-perfect rule
    spec = HAD_BEEN_DUE.replace("2/had/3/aux/AUX/VBD/have 3/been/3/ROOT/AUX/VBN/be",
                                "2/then/3/advmod/ADV/RB 3/was/3/ROOT/AUX/VBD/be")
    assert _tense(spec, "Friday") == "future"
    assert _value(spec, "Friday") == "2014-08-01"


# "The court has given them until Friday."
HAS_GIVEN_UNTIL = ("0/The/1/det/DET/DT 1/court/3/nsubj/NOUN/NN 2/has/3/aux/AUX/VBZ/have 3/given/3/ROOT/VERB/VBN/give "
                   "4/them/3/dative/PRON/PRP 5/until/3/prep/ADP/IN 6/Friday/5/pobj/PROPN/NNP/B-DATE 7/./3/punct")
HAD_GIVEN_UNTIL = HAS_GIVEN_UNTIL.replace("2/has/3/aux/AUX/VBZ/have", "2/had/3/aux/AUX/VBD/have")


def test_a_deadline_in_the_present_perfect_is_ahead():
    # "The court has given them until Friday.": before, any perfect turned the deadline into the past
    assert _tense(HAS_GIVEN_UNTIL, "Friday") == "future"
    assert _value(HAS_GIVEN_UNTIL, "Friday") == "2014-08-01"


def test_a_deadline_in_the_past_perfect_is_over():
    assert _tense(HAD_GIVEN_UNTIL, "Friday") == "past"


def test_as_soon_as_before_a_weekday_looks_ahead():
    spec = ("0/She/1/nsubj/PRON/PRP 1/left/1/ROOT/VERB/VBD/leave 2/as/4/advmod/ADV/RB 3/soon/4/advmod/ADV/RB "
            "4/as/1/prep/ADP/IN 5/Friday/4/pobj/PROPN/NNP/B-DATE 6/./1/punct")
    assert _tense(spec, "Friday") == "future"
    assert _tense(spec.replace("2/as/4/advmod/ADV/RB 3/soon/4/advmod/ADV/RB", "2/just/4/advmod/ADV/RB "
                               "3/once/4/advmod/ADV/RB"), "Friday") == "past"  # the miss: no cue, a past verb
