"""Dates in bylines and datelines; no year means no publication date."""

from __future__ import annotations

import pytest

from newsgraph.clean import clean
from newsgraph.clean.dates import date_line_share, find_date, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("June 6, 2017", "2017-06-06"),
        ("June\n6,2017", "2017-06-06"),
        ("Jun. 6th 2017", "2017-06-06"),
        ("Tue September 20, 2016", "2016-09-20"),
        ("6 June 2017", "2017-06-06"),
        ("6th of June, 2017", "2017-06-06"),
        ("2017-06-06T08:00:00Z", "2017-06-06"),
        ("09/12/17", "2017-09-12"),
        ("March 24", None),
        ("February 30, 2017", None),
        ("in 2017 the plant", None),
        ("", None),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_earliest_date_wins():
    found = find_date("Filed 2016-01-02, updated March 3, 2016")
    assert found is not None and found.iso == "2016-01-02"


@pytest.mark.parametrize(
    ("line", "is_date_line"),
    [
        ("Updated Thursday, October 25th, 2012 at 2:08 p.m.", True),
        ("Published June 6, 2017 10:03 AM ET", True),
        ("June 6, 2017", True),
        ("The bill was signed on June 6, 2017 by the governor after a long debate.", False),
    ],
)
def test_date_lines(line, is_date_line):
    _, share = date_line_share(line)
    assert (share >= 0.6) is is_date_line


def test_date_line_in_head_gives_published():
    cleaned = clean("Updated Thursday, October 25th, 2012 at 2:08 p.m.\n\n"
                    "The council voted to close the bridge, officials said on Thursday evening.\n")
    assert cleaned.published == "2012-10-25"
    assert cleaned.text.startswith("The council")


def test_date_in_body_is_not_the_publication_date():
    cleaned = clean("The council voted to close the bridge, officials said.\n\n"
                    "Work began on June 6, 2017 and will last a year.\n")
    assert cleaned.published is None
    assert "June 6, 2017" in cleaned.text


def test_far_future_dates_are_junk():
    assert parse_date("Tuesday 23 August 2059") is None


def test_line_with_several_dates_is_not_a_date_line():
    _, share = date_line_share("History 08/11/06 08/18/06 08/25/06")
    assert share == 0.0
