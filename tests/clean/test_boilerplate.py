"""Furniture and credits go; article sentences stay (positives and negatives)."""

from __future__ import annotations

import pytest

from newsgraph.clean import clean
from newsgraph.clean.boilerplate import Zone, is_link_list_header, line_reason

BODY, HEAD, TAIL = Zone(), Zone(head=True), Zone(tail=True)


@pytest.mark.parametrize(
    ("line", "zone", "reason"),
    [
        ("Subscribe to Daily Planet for FREE", HEAD, "boilerplate"),
        ("% of readers think this story is Fact. Add your two cents.", HEAD, "boilerplate"),
        ("Post a Comment", TAIL, "boilerplate"),
        ("No comments:", TAIL, "boilerplate"),
        ("Share Tweet Email", BODY, "boilerplate"),
        ("Gift Article Share", HEAD, "boilerplate"),
        ("Advertisement", BODY, "boilerplate"),
        ("Sharing is caring!", TAIL, "boilerplate"),
        ("Source: http://www.example.com/2017/06/06/some-story-about-things", TAIL, "boilerplate"),
        (">>Council closes old bridge for two years", BODY, "boilerplate"),
        ("To really understand the region - subscribe to The Daily Planet", BODY, "boilerplate"),
        ("See an error in this article? Send us a correction", TAIL, "boilerplate"),
        ("Photo: John Doe/Daily Planet", BODY, "credit"),
        ("Image copyright Getty Images", BODY, "credit"),
        ("The mayor speaks at the opening on Tuesday. (AP Photo/Jane Doe)", BODY, "credit"),
        ("The mayor, left, with the engineer ( REUTERS/Jane Doe/File Photo )", BODY, "credit"),
        ("Jane Doe contributed to this report.", TAIL, "credit"),
        ("(Reporting by Jane Doe; Editing by John Roe)", BODY, "credit"),
    ],
)
def test_furniture(line, zone, reason):
    assert line_reason(line, zone) == reason


@pytest.mark.parametrize(
    ("line", "zone"),
    [
        ("The council voted to close the bridge, officials said.", BODY),
        ("He said he would not subscribe to that view of the budget.", BODY),
        ("Readers who subscribe to the newspaper will get the report on Monday, the editor said.", TAIL),
        ("The company said comments from regulators had been taken into account in the final plan.", BODY),
        ("Shares of the company rose 5 percent in early trading on Monday.", BODY),
        ("The photo showed the mayor at the opening of the new bridge last year.", BODY),
        ("Jane Doe contributed to this report.", BODY),
        ("Email server", BODY),
        ("Trump spoke of rising crime in his inaugural address.", TAIL),
    ],
)
def test_article_lines_are_kept(line, zone):
    assert line_reason(line, zone) is None


@pytest.mark.parametrize(("line", "expected"), [("Related stories:", True), ("Read more:", True),
                                                ("Related to the story, he said:", False)])
def test_link_list_headers(line, expected):
    assert is_link_list_header(line) is expected


def test_link_list_after_related_header_removed():
    raw = ("The council voted on Tuesday to close the old bridge for repairs, officials said.\n\n"
           "Work will begin in the spring and last two years, the spokesman added on Wednesday.\n\n"
           "Related stories:\n\nMayor Faces Questions Over Bridge\n\nRing Road Repairs Finished Early\n")
    cleaned = clean(raw)
    assert "Related" not in cleaned.text and "Ring Road" not in cleaned.text
    assert [r.reason for r in cleaned.removed] == ["boilerplate"] * 3


@pytest.mark.parametrize(
    "line",
    [
        "Actor Adam Sandler’s comments about the religion is one of the top stories today with the actor defending "
        "the church against an interviewer who made disparaging comments about them.",
        "Twitter is defending itself from criticism that the president has not been removed for violations of "
        "Twitter’s Terms of Service, the company said.",
        "(c) This order is not intended to create any right or benefit enforceable at law.",
        "We support our country, we support our troops, we support our police, and we support the team, he said.",
    ],
)
def test_prose_with_prompt_words_is_kept_in_the_tail(line):
    assert line_reason(line, TAIL) is None


@pytest.mark.parametrize("line", ["Honda wins China copyright ruling", "Help for indies in download sales"])
def test_headings_with_a_prompt_word_inside_are_kept(line):
    assert line_reason(line, HEAD) is None


def test_heading_opening_with_a_prompt_word():
    """A finite verb makes it a headline; without one the same opening is a button."""
    assert line_reason("Download chart debut is delayed", HEAD) is None
    assert line_reason("Download the app", HEAD) is not None
