"""Paragraph boundaries from layout features when blank lines are missing."""

from __future__ import annotations

import pytest

from newsgraph.clean import clean
from newsgraph.clean.audit import span_problems


def _paragraphs(raw: str) -> list[str]:
    cleaned = clean(raw)
    assert span_problems(raw, cleaned) == []
    return [cleaned.text[p.start : p.end] for p in cleaned.paragraphs]


WRAPPED_FIRST_WORD_ALONE = """The
council voted on Tuesday to close the old bridge across the river for at least
two years of repairs, a spokesman for the city said after the meeting.
Work
will begin in the spring. Engineers found cracks in three of the supports last
year and the bridge has carried only light traffic since then, he added.
Drivers will have to use the ring road, which adds about ten minutes to the
journey into the city centre at peak times.
"""


def test_first_word_alone_starts_a_paragraph():
    assert _paragraphs(WRAPPED_FIRST_WORD_ALONE) == [
        "The council voted on Tuesday to close the old bridge across the river for at least two years of "
        "repairs, a spokesman for the city said after the meeting.",
        "Work will begin in the spring. Engineers found cracks in three of the supports last year and the "
        "bridge has carried only light traffic since then, he added. Drivers will have to use the ring road, "
        "which adds about ten minutes to the journey into the city centre at peak times.",
    ]


SHORT_LAST_LINE = """The council voted on Tuesday to close the old bridge across the river for
two years of repairs.
Work will begin in the spring. Engineers found cracks in three of the supports
last year and the bridge has carried only light traffic since then.
"""


def test_short_line_ending_a_sentence_ends_a_paragraph():
    paragraphs = _paragraphs(SHORT_LAST_LINE)
    assert len(paragraphs) == 2
    assert paragraphs[1].startswith("Work will begin")


FULL_LINE_ENDING_A_SENTENCE = """The council voted on Tuesday to close the old bridge for urgent repairs.
Construction work will begin in the spring and last two years, officials said
on Wednesday after a long meeting with engineers and residents of the town.
"""


def test_full_line_ending_a_sentence_does_not_split():
    assert len(_paragraphs(FULL_LINE_ENDING_A_SENTENCE)) == 1


INDENTED = """    The council voted on Tuesday to close the old bridge for
repairs, officials said.
    Work will begin in the spring and will last about two
years.
    Drivers will use the ring road.
"""


def test_indented_lines_start_paragraphs():
    assert _paragraphs(INDENTED) == [
        "The council voted on Tuesday to close the old bridge for repairs, officials said.",
        "Work will begin in the spring and will last about two years.",
        "Drivers will use the ring road.",
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("First paragraph ends here.      Second one starts here.", ["First paragraph ends here.",
                                                                   "Second one starts here."]),
        ("It ended.   Then another began.", ["It ended.", "Then another began."]),
        ("Keep  double  spaces inside.", ["Keep  double  spaces inside."]),
        ("One.\n\nTwo.\n\n\n\nThree.", ["One.", "Two.", "Three."]),
    ],
)
def test_collapsed_and_blank_line_breaks(raw, expected):
    assert _paragraphs(raw) == expected


LONG_LINES = (
    "The council voted on Tuesday to close the old bridge across the river for two years of repairs, a "
    "spokesman for the city said after the meeting ended late in the evening.\n"
    "Work will begin in the spring. Engineers found cracks in three of the supports last year and the bridge "
    "has carried only light traffic since then, he added in a statement.\n"
    "Drivers will have to use the ring road, which adds about ten minutes to the journey into the city centre "
    "and was itself repaired in 2019.\n"
)


def test_long_lines_are_paragraphs():
    assert len(_paragraphs(LONG_LINES)) == 3


def test_broken_sentence_in_long_line_text_is_joined():
    raw = LONG_LINES + "Officials said the closure was\nnecessary for safety reasons of all kinds.\n"
    paragraphs = _paragraphs(raw)
    assert paragraphs[-1] == "Officials said the closure was necessary for safety reasons of all kinds."


def test_hyphenated_wrap_is_joined_without_space():
    raw = ("The council voted on Tuesday to close the old bridge across the river for a year-\n"
           "long programme of repairs, a spokesman for the city said after the meeting ended.\n"
           "Work will begin in the spring, he said.\n")
    assert "year-long programme" in clean(raw).text


def test_crlf_and_cr_line_endings():
    for ending in ("\r\n", "\r"):
        raw = WRAPPED_FIRST_WORD_ALONE.replace("\n", ending)
        assert _paragraphs(raw) == _paragraphs(WRAPPED_FIRST_WORD_ALONE)
