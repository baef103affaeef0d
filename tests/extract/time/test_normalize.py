"""The pure-text normaliser: table tests (with negatives) and property tests."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.time import normalize as normalize_module
from newsgraph.extract.time.context import UNKNOWN, Context
from newsgraph.extract.time.core import normalize
from newsgraph.extract.time.normalize import resolve

TUESDAY = date(2017, 6, 6)  # the reference article's publication date, a Tuesday


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        # the reference article's expressions
        ("recent months", "DURATION", "PXM"),
        ("March", "DATE", "2017-03"),
        ("2016", "DATE", "2016"),
        ("January", "DATE", "2017-01"),
        ("months", "DURATION", "PXM"),
        ("last month", "DATE", "2017-05"),
        ("weeks", "DURATION", "PXW"),
        ("Tuesday", "DATE", "2017-06-06"),
        ("Monday", "DATE", "2017-06-05"),
        ("last year", "DATE", "2016"),
        ("the 1980s", "DATE", "198"),
        ("1990s", "DATE", "199"),
        # absolute dates
        ("June 6, 2017", "DATE", "2017-06-06"),
        ("Sept. 30, 1989", "DATE", "1989-09-30"),
        ("6 June 2017", "DATE", "2017-06-06"),
        ("2017-06-06", "DATE", "2017-06-06"),
        ("March 1998", "DATE", "1998-03"),
        ("fiscal 1989", "DATE", "1989"),
        ("the 20th century", "DATE", "19"),
        ("the twenty-first century", "DATE", "20"),
        ("the sixties", "DATE", "196"),
        ("nineteen ninety-six", "DATE", "1996"),
        # relative to the publication date
        ("yesterday", "DATE", "2017-06-05"),
        ("tomorrow", "DATE", "2017-06-07"),
        ("today", "DATE", "2017-06-06"),
        ("last week", "DATE", "2017-W22"),
        ("this week", "DATE", "2017-W23"),
        ("next month", "DATE", "2017-07"),
        ("next year", "DATE", "2018"),
        ("the past year", "DATE", "2016"),
        ("three years ago", "DATE", "2014"),
        ("two months ago", "DATE", "2017-04"),
        ("10 days ago", "DATE", "2017-05-27"),
        ("two decades ago", "DATE", "1997"),
        ("last Friday", "DATE", "2017-06-02"),
        ("next Tuesday", "DATE", "2017-06-13"),
        ("this summer", "DATE", "2017-SU"),
        ("last fall", "DATE", "2016-FA"),
        ("January this year", "DATE", "2017-01"),
        ("the fourth quarter", "DATE", "2017-Q4"),
        ("last year's third quarter", "DATE", "2016-Q3"),
        ("the first half of 1990", "DATE", "1990-H1"),
        ("Christmas", "DATE", "2016-12-25"),
        ("Thanksgiving", "DATE", "2017-11-23"),  # the nearest one
        ("last Thanksgiving", "DATE", "2016-11-24"),
        ("Christmas Eve 2015", "DATE", "2015-12-24"),
        ("Easter", "DATE", "2017-04-16"),
        # times of day
        ("Wednesday night", "DATE", "2017-05-31TNI"),
        ("this morning", "TIME", "2017-06-06TMO"),
        ("10:35 a.m.", "TIME", "2017-06-06T10:35"),
        ("3 p.m. Eastern", "TIME", "2017-06-06T15:00"),
        ("noon Thursday", "TIME", "2017-06-01T12:00"),
        ("9 a.m. EST Tuesday", "TIME", "2017-06-06T09:00"),
        # durations
        ("the past three years", "DURATION", "P3Y"),
        ("three years", "DURATION", "P3Y"),
        ("5 1/2 hours", "DURATION", "PT5H30M"),
        ("2 1/2 years", "DURATION", "P2Y6M"),
        ("two decades", "DURATION", "P20Y"),
        ("a few days", "DURATION", "PXD"),
        ("several weeks", "DURATION", "PXW"),
        ("two-year", "DURATION", "P2Y"),
        ("the first nine months", "DURATION", "P9M"),
        ("nearly forty years", "DURATION", "P40Y"),
        # vague references
        ("now", "DATE", "PRESENT_REF"),
        ("recently", "DATE", "PAST_REF"),
        ("the future", "DATE", "FUTURE_REF"),
        ("a few years ago", "DATE", "PAST_REF"),
        # sets
        ("every Tuesday", "SET", "XXXX-WXX-2"),
        ("daily", "SET", "P1D"),
        ("each July", "SET", "XXXX-07"),
        ("Tuesday nights", "SET", "XXXX-WXX-2TNI"),
        ("every year", "SET", "P1Y"),
        ("semi-annually", "SET", "P6M"),
        ("the last twenty four hours", "DURATION", "PT24H"),
    ],
)
def test_normalize_table(text: str, type_: str, value: str) -> None:
    assert normalize(text, TUESDAY)[:2] == (type_, value)


@pytest.mark.parametrize(
    ("text", "mod"),
    [("early last year", "START"), ("late November", "END"), ("mid-1990s", "MID"), ("about two years", "APPROX"),
     ("more than four hours", "MORE_THAN"), ("at least 30 days", "EQUAL_OR_MORE"), ("last year", None)],
)
def test_modifiers(text: str, mod: str | None) -> None:
    assert normalize(text, TUESDAY)[2] == mod


@pytest.mark.parametrize(
    "text", ["10", "$45", "the Sunday Times", "", "   ", "banana", "45%", "a second term", "two three months"]
)
def test_not_time_expressions_get_no_value(text: str) -> None:
    assert normalize(text, TUESDAY)[1] is None


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("Thursday", None, "2017-06-01"),
        ("Thursday", "past", "2017-06-01"),
        ("Thursday", "future", "2017-06-08"),
        ("Tuesday", "future", "2017-06-06"),
        ("December", "past", "2016-12"),
        ("December", "future", "2017-12"),
        ("August", None, "2017-08"),  # nearest occurrence when the clause says nothing
        ("February", None, "2017-02"),
    ],
)
def test_direction_follows_tense(text: str, tense: str | None, value: str) -> None:
    assert normalize(text, TUESDAY, tense_hint=tense)[1] == value  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "value"),
    [("Tuesday", "XXXX-WXX-2"), ("May", "XXXX-05"), ("last year", "REF-P1Y"), ("yesterday", "REF-P1D"),
     ("the 1980s", "198"), ("June 6, 2017", "2017-06-06"), ("three years", "P3Y")],
)
def test_without_anchor_relative_values_stay_relative(text: str, value: str | None) -> None:
    found = resolve(text, Context(anchor=None))
    assert found.value == value
    relative = text in ("Tuesday", "May", "last year", "yesterday")
    assert found.relative is relative


def test_weekday_picks_the_year_of_a_bare_date() -> None:
    assert normalize("Saturday, April 25", date(1998, 4, 24))[1] == "1998-04-25"
    assert normalize("Friday, April 25", date(1998, 4, 24))[1] == "1997-04-25"


def test_context_quarter_and_reference() -> None:
    ctx = Context(anchor=date(1989, 10, 26), quarter=(1989, 3))
    assert resolve("a year earlier", ctx).value == "1988-Q3"
    assert resolve("the year-ago quarter", ctx).value == "1988-Q3"
    assert resolve("the quarter", ctx).value == "1989-Q3"
    later = Context(anchor=TUESDAY, reference=date(2017, 3, 1))
    assert resolve("the next day", later).value == "2017-03-02"
    assert resolve("the previous week", later).value == "2017-W08"


# The suite runs with NEWSGRAPH_STRICT=1, so in these property tests a rule that raises on odd
# text fails the test instead of being read as UNKNOWN: they check that no rule has such a bug.
@settings(max_examples=300, deadline=None)
@given(
    text=st.text(max_size=60),
    anchor=st.one_of(st.none(), st.dates()),
    tense=st.sampled_from([None, "past", "present", "future"]),
)
def test_any_string_any_anchor_never_raises_and_is_deterministic(text, anchor, tense) -> None:
    first = normalize(text, anchor, tense)
    assert first == normalize(text, anchor, tense)
    assert first[1] is None or isinstance(first[1], str)
    assert first[0] in ("DATE", "TIME", "DURATION", "SET")


_WORDS = st.sampled_from(
    ["last", "next", "this", "the", "early", "late", "mid", "year", "years", "month", "week", "day", "ago",
     "Tuesday", "March", "May", "1980s", "2017", "three", "a", "few", "quarter", "third", "fiscal", "p.m.", "10:30",
     "every", "since", "of", "-", ",", "nineteen", "ninety", "Christmas", "before", "after", "night", "0", "99"]
)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(_WORDS, max_size=6), anchor=st.one_of(st.none(), st.dates()))
def test_time_like_word_salad_never_raises(words, anchor) -> None:
    text = " ".join(words)
    assert normalize(text, anchor) == normalize(text, anchor)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("last month", "REF-P1M"),
        ("next month", "REF+P1M"),
        ("last year", "REF-P1Y"),
        ("two decades ago", "REF-P20Y"),
        ("the previous week", "REF-P1W"),
        ("yesterday", "REF-P1D"),
        ("the 1990s", "199"),  # absolute: still resolves
        ("the past decade", "P10Y"),  # a duration needs no anchor
        ("next spring", "XXXX-SP"),
        ("the holiday season", "XXXX-12"),
        ("recently", "PAST_REF"),
    ],
)
def test_without_anchor_relative_values(text: str, value: str) -> None:
    found = resolve(text, Context())
    assert found.value == value


@pytest.mark.parametrize(
    ("probe", "value"),
    [("2000-05", "REF-P1M"), ("2000-06-14TNI", "REF-P1D"), ("2000-W24", "REF+P0W"), ("2000-Q1", "REF-P1Q"),
     ("198", "REF-P2DE"), ("19", "REF-P1CE"), ("2001-H1", "REF+P12M"), ("PAST_REF", None), (None, None)],
)
def test_offset_value_from_probe(probe: str | None, value: str | None) -> None:
    from newsgraph.extract.time.values import offset_value

    assert offset_value(probe) == value


@pytest.mark.parametrize(
    ("anchor", "tense", "value"),
    [
        (date(2017, 6, 6), None, "2016-12"),  # June: the nearest past season
        (date(2017, 6, 6), "past", "2016-12"),
        (date(2017, 6, 6), "future", "2017-12"),
        (date(2017, 12, 20), None, "2017-12"),  # during the season
        (date(2018, 1, 5), None, "2017-12"),
    ],
)
def test_holiday_season_is_the_nearest_past_one(anchor: date, tense: str | None, value: str) -> None:
    assert resolve("the holiday season", Context(anchor=anchor, tense=tense)).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("last holiday season", "2016-12"), ("this holiday season", "2017-12"), ("next holiday season", "2017-12")],
)
def test_holiday_season_with_a_cue(text: str, value: str) -> None:
    assert resolve(text, Context(anchor=TUESDAY)).value == value


@pytest.mark.parametrize(
    ("text", "anchor"),
    [("February 30, 2017", TUESDAY), ("Feb. 29", date(2017, 3, 1)), ("next year", date(9999, 6, 1)),
     ("tomorrow", date(9999, 12, 31)), ("yesterday", date(1, 1, 1)), ("last Christmas", date(1, 6, 1)),
     ("99999999999 days ago", TUESDAY)],
)
def test_a_day_the_calendar_lacks_is_no_reading_not_an_error(text: str, anchor: date) -> None:
    assert normalize(text, anchor)[1] is None  # strict mode: no error reaches here


def _broken_rule(s: str, ctx: Context) -> None:
    raise KeyError("a rule's bug")


def test_a_rule_error_raises_in_strict_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(normalize_module, "RULES", (_broken_rule,))
    with pytest.raises(KeyError, match="a rule's bug"):
        resolve("last month", Context(anchor=TUESDAY))


def test_outside_strict_mode_a_rule_error_reads_as_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_STRICT", "0")
    monkeypatch.setattr(normalize_module, "RULES", (_broken_rule,))
    assert resolve("last month", Context(anchor=TUESDAY)) is UNKNOWN
