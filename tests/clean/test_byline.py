"""Bylines in their common forms, and lines that only look like them."""

from __future__ import annotations

import pytest

from newsgraph.clean import clean
from newsgraph.clean.byline import is_name_token, parse_byline
from newsgraph.clean.lines import split_lines

BODY = "\n\nThe council voted on Tuesday to close the old bridge for repairs, officials said.\n"


def _byline(head: str):
    raw = head + BODY
    return parse_byline(raw, split_lines(raw, []), 0)


@pytest.mark.parametrize(
    ("head", "authors", "outlet", "published"),
    [
        ("By Jane Smith", ["Jane Smith"], None, None),
        ("BY JANE SMITH", ["Jane Smith"], None, None),
        ("By Jane Smith and Tom O'Neil", ["Jane Smith", "Tom O'Neil"], None, None),
        ("By Jane Smith, Ana de la Cruz and Tom Baker", ["Jane Smith", "Ana de la Cruz", "Tom Baker"], None, None),
        ("By Jane Smith, CNN", ["Jane Smith"], "CNN", None),
        ("By Jane Smith | Associated Press", ["Jane Smith"], "Associated Press", None),
        ("Jane Smith, Reuters", ["Jane Smith"], "Reuters", None),
        ("Jane Smith | The Guardian", ["Jane Smith"], "The Guardian", None),
        ("By Jane Smith June 6, 2017", ["Jane Smith"], None, "2017-06-06"),
        ("By Jane\nSmith and Tom Baker June\n6,2017", ["Jane Smith", "Tom Baker"], None, "2017-06-06"),
        ("By Jane Smith - Updated March 3, 2016", ["Jane Smith"], None, "2016-03-03"),
        ("Written by Jane Q. Smith Jr.", ["Jane Q. Smith Jr."], None, None),
        ("By Jane Smith, Staff Writer", ["Jane Smith"], None, None),
    ],
)
def test_bylines(head, authors, outlet, published):
    found = _byline(head)
    assert found is not None
    assert found.authors == authors
    assert found.outlet == outlet
    assert found.published == published


@pytest.mark.parametrize(
    "head",
    [
        "By the end of the year, the plant will close.",
        "By Tuesday, the company said, the deal was done.",
        "By March 2017 the rules had changed.",
        "By Jane Smith's own account the plan failed badly.",
        "Jane Smith said the plan had failed.",
        "Staff writers News Network",
        "Jane Smith",
    ],
)
def test_not_bylines(head):
    assert _byline(head) is None


@pytest.mark.parametrize(
    ("token", "expected"),
    [("Smith", True), ("J.", True), ("de", True), ("O'Neil", True), ("McDonald", True),
     ("June", False), ("Updated", False), ("the", False), ("Staff", False), ("Smith's", False), ("2017", False)],
)
def test_name_tokens(token, expected):
    assert is_name_token(token) is expected


def test_byline_removed_from_text_and_reported():
    cleaned = clean("Bridge closes for repairs\n\nBy Jane Smith and Tom Baker\n" + BODY)
    assert cleaned.authors == ["Jane Smith", "Tom Baker"]
    assert cleaned.title == "Bridge closes for repairs"
    assert "Jane Smith" not in cleaned.text
    assert {r.reason for r in cleaned.removed} == {"title", "byline"}


def test_byline_only_text_gives_empty_text_not_an_error():
    cleaned = clean("By Jane Smith\n")
    assert cleaned.authors == ["Jane Smith"]
    assert cleaned.text == ""


@pytest.mark.parametrize(
    "head",
    [
        "by Tax Topic:",
        "CHRIS WALLACE, FOX NEWS ANCHOR: I'm Chris Wallace.",
        "Jane Smith, Reuters reported the deal.",
    ],
)
def test_labels_and_transcripts_are_not_bylines(head):
    assert _byline(head) is None


@pytest.mark.parametrize(
    ("head", "authors", "outlet"),
    [
        ("Written by Steve ‘Frosty’ Weintraub", ["Steve ‘Frosty’ Weintraub"], None),
        ("Maureen Callahan NY Post", ["Maureen Callahan"], "New York Post"),
        ("Kim Hjelmgaard and Lorena Blas, USA TODAY", ["Kim Hjelmgaard", "Lorena Blas"], "USA Today"),
    ],
)
def test_more_byline_forms(head, authors, outlet):
    found = _byline(head)
    assert found is not None and (found.authors, found.outlet) == (authors, outlet)


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("Crucial decision on casinos\n\nA decision on whether to allow the casinos is set to be made by the "
         "parliament next week.\n", "Crucial decision on casinos"),
        ("COFFEE TALKS STALL\n    JAKARTA, March 12 - Coffee exporters are preparing for lower prices.\n",
         "COFFEE TALKS STALL"),
        ("Let us now address the greatest mystery of the moment: what motivates the supporters of the party "
         "front-runner?\n\nThe media has been trying to work out this mystery for a year, with little success "
         "so far, and many theories.\n", None),
        ("The council voted on Tuesday to close the old bridge.\n\nWork begins in spring.\n", None),
        ("Overview\n\nThe term describes a loosely defined movement of activists and groups.\n", None),
    ],
)
def test_titles(raw, title):
    assert clean(raw).title == title


@pytest.mark.parametrize(
    ("head", "authors", "outlet", "published"),
    [
        # a name line with a role or outlet line right under it
        ("By JANE ROE\nAssociated Press", ["Jane Roe"], "Associated Press", None),
        ("By Jane Roe\nAssociated Press Writer", ["Jane Roe"], "Associated Press", None),
        ("By Jane Roe\nStaff Writer", ["Jane Roe"], None, None),
        ("Jane Roe\nStaff Writer\nMarch 3, 2016", ["Jane Roe"], None, "2016-03-03"),
        ("Jane Roe\nSenior White House Correspondent", ["Jane Roe"], None, None),
        ("Jane Roe\nThe Guardian Staff Writer", ["Jane Roe"], "The Guardian", None),
        # a clock time after the date goes with the byline
        ("Posted by Jane Roe on March 3, 2016 at 4:05pm", ["Jane Roe"], None, "2016-03-03"),
        ("By Jane Roe | March 3, 2016 | 4:05 p.m. ET", ["Jane Roe"], None, "2016-03-03"),
        ("By Jane Roe, Reuters, March 3, 2016, 16:05 GMT", ["Jane Roe"], "Reuters", "2016-03-03"),
        ("By Jane Roe Updated March 3, 2016 4 PM", ["Jane Roe"], None, "2016-03-03"),
    ],
)
def test_role_lines_and_clock_times(head, authors, outlet, published):
    found = _byline(head)
    assert found is not None
    assert (found.authors, found.outlet, found.published) == (authors, outlet, published)
    assert found.raw_end == len(head)  # the whole head, time and role line included, is the byline


@pytest.mark.parametrize(
    "head",
    [
        "Markets Rally\nAssociated Press",  # a bare name-like line over an outlet reads as headline + credit
        "Jane Roe\n\nStaff Writer",  # a blank line between: not one byline
        "Jane Roe\nsaid the staff writer had left.",
        "Jane Roe\nStaff Writer Tom Baker said the plan had failed badly.",
        "Jane Roe and Tom Baker\nStaff Writers",  # a bare line of two names is too loose a signal
        "Harbor Views\nSpecial White House",  # role words but no job
    ],
)
def test_not_role_line_bylines(head):
    assert _byline(head) is None


@pytest.mark.parametrize(
    ("head", "raw_end_text"),
    [
        ("By Jane Roe on March 3, 2016 at the city hall", "By Jane Roe on March 3, 2016"),
        ("By Jane Roe on March 3, 2016 at 4 o'clock", "By Jane Roe on March 3, 2016"),
        ("By Jane Roe on March 3, 2016\n4:05pm", "By Jane Roe on March 3, 2016"),
    ],
)
def test_clock_time_needs_minutes_or_am_pm_on_the_same_line(head, raw_end_text):
    found = _byline(head)
    assert found is not None and found.raw_end == len(raw_end_text)


@pytest.mark.parametrize(
    ("raw", "authors", "outlet", "published"),
    [
        ("By JANE ROE\nAssociated Press\n" + BODY, ["Jane Roe"], "Associated Press", None),
        ("Jane Roe\nStaff Writer\nMarch 3, 2016\n" + BODY, ["Jane Roe"], None, "2016-03-03"),
        ("Posted by Jane Roe on March 3, 2016 at 4:05pm\n" + BODY, ["Jane Roe"], None, "2016-03-03"),
        ("Bridge Closes For Repairs\nJane Roe\nStaff Writer\n" + BODY, ["Jane Roe"], None, None),
    ],
)
def test_role_line_bylines_leave_only_the_article(raw, authors, outlet, published):
    cleaned = clean(raw)
    assert (cleaned.authors, cleaned.outlet, cleaned.published) == (authors, outlet, published)
    assert cleaned.text == BODY.strip()
    assert "byline" in {r.reason for r in cleaned.removed}


# One row per decision parse_byline makes, named by the step that makes it (see _STEPS in clean/byline.py).
@pytest.mark.parametrize(
    ("decision", "head", "expected"),
    [
        # _take_names / _after_name: what follows a name
        ("'&' joins another name", "By Jane Smith & Tom Baker", (["Jane Smith", "Tom Baker"], None, None)),
        ("a comma then an outlet", "By Jane Smith, Reuters", (["Jane Smith"], "Reuters", None)),
        ("a comma then another name", "By Jane Smith, Tom Baker and Ana Ruiz",
         (["Jane Smith", "Tom Baker", "Ana Ruiz"], None, None)),
        ("with a lead word a short all-caps word after a comma is an outlet", "By Jane Smith, KXAN",
         (["Jane Smith"], "KXAN", None)),
        ("a separator then an outlet", "By Jane Smith - Reuters", (["Jane Smith"], "Reuters", None)),
        ("a known outlet right after the name", "Jane Smith Reuters", (["Jane Smith"], "Reuters", None)),
        # _take_role_line
        ("a role line under a lone bare name", "Jane Roe\nStaff Writer", (["Jane Roe"], None, None)),
        ("no role line under two bare names", "Jane Roe and Tom Baker\nStaff Writers", None),
        # _take_lone_outlet
        ("a lead word and an outlet, no name", "By Reuters", ([], "Reuters", None)),
        ("an outlet alone is not a byline", "Reuters", None),
        ("a lead word and nothing a byline can hold", "By the river", None),
        # _has_credit
        ("bare names without an outlet or role", "Jane Smith and Tom Baker", None),
        ("bare name with an unknown all-caps word after a comma", "Jane Smith, KXAN", None),
        # _take_date
        ("a date after the names, then anything", "By Jane Smith June 6, 2017 the paper said",
         (["Jane Smith"], None, "2017-06-06")),
        # _not_a_label
        ("a name ending in a colon is a label", "By Jane Smith: the inside story", None),
        # _take_tail / _tail_is_credit
        ("role words after the name on its line", "By Jane Smith Staff Correspondent", (["Jane Smith"], None, None)),
        ("too many words after the name", "By Jane Smith With Additional Reporting From Our Team", None),
        ("a lower-case word after the name", "By Jane Smith Special to the paper", None),
        ("a speaker label after the name", "By Jane Smith Host:", None),
        ("a sentence end after the name", "By Jane Smith Tonight!", None),
    ],
)
def test_byline_decisions(decision, head, expected):
    found = _byline(head)
    got = None if found is None else (found.authors, found.outlet, found.published)
    assert got == expected, decision
