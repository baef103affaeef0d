"""Quotation-mark pairing (no model needed)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.attribution.quotes import quote_spans


def inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will win” today.", ["we will win"]),
        ('He said "we will win" today.', ["we will win"]),
        ("“One,” he said, “two.”", ["One,", "two."]),
        ("Ils ont dit «non merci» hier.", ["non merci"]),
        ("Er sagte „nein danke“ gestern.", ["nein danke"]),
        ("He said ‹maybe› later.", ["maybe"]),
        # a closing mark mis-encoded as an opening one
        ("He called it “a disaster“ and left.", ["a disaster"]),
        # mixed straight and curly marks
        ('She said “it works" again.', ["it works"]),
        # apostrophes are not quotes
        ("It's the company's plan, isn't it?", []),
        # a straight mark that never closes is dropped
        ('He wrote 5" of snow fell', []),
        ("", []),
    ],
)
def test_quote_pairs(text: str, expected: list[str]) -> None:
    assert inner(text) == expected


def test_quote_reopened_in_next_paragraph_continues() -> None:
    text = "“First paragraph of the quote.\n\n“Second paragraph,” she said."
    spans = quote_spans(text)
    assert [text[q.inner_start : q.inner_end] for q in spans] == ["First paragraph of the quote.", "Second paragraph,"]
    assert spans[0].continues and not spans[1].continues


def test_unclosed_quote_at_paragraph_end_is_dropped_without_reopening() -> None:
    text = "“This never closes.\n\nA new paragraph with no mark."
    assert quote_spans(text) == []


@pytest.mark.parametrize("mark", ["“", '"', "«", "„", "‹"])
def test_two_hundred_unclosed_marks(mark: str) -> None:
    text = " ".join(f"{mark}word{i}" for i in range(200))
    spans = quote_spans(text)
    assert all(0 <= q.start < q.end <= len(text) for q in spans)


def test_quote_spans_stay_in_bounds_on_odd_text() -> None:
    text = '""“”„“«»‹›\n\n"' * 30
    for q in quote_spans(text):
        assert 0 <= q.start <= q.inner_start <= q.inner_end <= q.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n“”„«»‹›\"'‘’")), max_size=300))
def test_quote_spans_never_fail(text: str) -> None:
    for q in quote_spans(text):
        assert 0 <= q.start <= q.inner_start < q.inner_end <= q.end <= len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # doubled marks stand for one double mark; the outer span covers both characters
        ("He said ''we will win'' today.", ["we will win"]),
        ("He said ``we will win'' today.", ["we will win"]),
        ("It is the players'' turn", []),  # a doubled mark with nothing to pair: no quote
        # single marks at the top level (British style, low-high)
        ("She said ‘the plan is over’ and left.", ["the plan is over"]),
        ("Er sagte ‚nein danke‘ gestern.", ["nein danke"]),
        ("Fans of the ‘90s don’t mind.", []),  # an elision and an apostrophe, not quotes
        ("The players’ union met on Monday.", []),  # a plural possessive, nothing open
        # a single-mark quote nested in a double one is part of it, not a quote of its own
        ("He said “we will ‘win’ today.”", ["we will ‘win’ today."]),
        # a stray opener never closed: the paragraph's other quotes are recovered
        ("«The start never closes. Then she said “no way” and left.", ["no way"]),
        ("‹Stray. He called it “a farce” twice.\n\nNext paragraph.", ["a farce"]),
    ],
)
def test_quote_marks_in_text_as_it_is(text: str, expected: list[str]) -> None:
    assert inner(text) == expected


def test_doubled_marks_span_both_characters() -> None:
    text = "He said ''no'' twice."
    (q,) = quote_spans(text)
    assert text[q.start : q.end] == "''no''"


def test_stray_mark_is_not_a_run_on_quote() -> None:
    text = "«Unclosed and then “closed here.”\n\nA new paragraph with no mark."
    spans = quote_spans(text)
    assert [text[q.inner_start : q.inner_end] for q in spans] == ["closed here."]
    assert not spans[0].continues


@pytest.mark.parametrize(
    ("text", "expected", "continues"),
    [
        # a sentence reopened with a mark inside one paragraph: the open part runs on into it
        ('He said: "It failed badly. "We will try again," she said.', ["It failed badly.", "We will try again,"],
         [True, False]),
        ("“It failed badly. “We will try again,” she said.", ["It failed badly.", "We will try again,"],
         [True, False]),
        # words between the sentence's end and the new mark: the first was never closed, it ends with its sentence
        ('"I lost three years of my life. He added: "They broke me."', ["I lost three years of my life.",
         "They broke me."], [False, False]),
        # a stray inch mark before a quote gives no quote of its own
        ('The pipe is 5" wide. She said "no" today.', ["no"], [False]),
        # too short to be a quote of its own
        ('"Yes. "We will try again," she said.', ["We will try again,"], [False]),
    ],
)  # fmt: skip
def test_quote_reopened_in_the_same_paragraph(text: str, expected: list[str], continues: list[bool]) -> None:
    spans = quote_spans(text)
    assert [text[q.inner_start : q.inner_end] for q in spans] == expected
    assert [q.continues for q in spans] == continues


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word held up in straight marks inside a quote written in straight marks: nested, not a reopening
        ('"At the meeting he said he would "fake" an injury and walk off. "He never did," she said.',
         ['At the meeting he said he would "fake" an injury and walk off.', "He never did,"]),
        ('"They called it "a stunt", and so it was," she said.', ['They called it "a stunt", and so it was,']),
        # a mark opening a sentence still reopens the quote
        ('"It failed badly. "We will try again," she said.', ["It failed badly.", "We will try again,"]),
        # the stretch after the mark ends a sentence: a real reopening, not a nested word
        ('"It failed badly and "We will try." Then she left.', ["We will try."]),
    ],
)  # fmt: skip
def test_short_nested_straight_quote_is_no_reopening(text: str, expected: list[str]) -> None:
    assert inner(text) == expected
