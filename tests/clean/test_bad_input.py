"""Odd input gives sensible output, never an exception."""

from __future__ import annotations

import time

import pytest

from newsgraph.clean import clean
from newsgraph.clean.audit import span_problems


@pytest.mark.parametrize(
    "raw",
    ["", " ", "\n\n\n", "\r\n\r\n", "\t \u00a0\n", "...", "\x00\x01\x02", "<p></p>", "By", "—", "\u2028\u2029"],
)
def test_degenerate_inputs(raw):
    cleaned = clean(raw)
    assert span_problems(raw, cleaned) == []
    assert "\n\n\n" not in cleaned.text


def test_no_newlines_at_all():
    raw = "The council voted on Tuesday to close the bridge. Work will begin in spring. " * 40
    cleaned = clean(raw)
    assert len(cleaned.paragraphs) == 1
    assert span_problems(raw, cleaned) == []


def test_five_megabyte_single_line_is_fast():
    raw = ("word " * 1_000_000)[:5_000_000]
    started = time.perf_counter()
    cleaned = clean(raw)
    assert time.perf_counter() - started < 10
    assert len(cleaned.text) == len(raw.strip())


def test_five_megabyte_of_sentences_with_collapsed_breaks():
    raw = "It ended here.    Then another began and ran on. " * 100_000
    started = time.perf_counter()
    cleaned = clean(raw)
    assert time.perf_counter() - started < 20
    assert len(cleaned.paragraphs) > 1000


def test_mojibake_repaired_with_exact_mapping():
    raw = "The councilâ€™s vote was â€œfinalâ€\x9d, the mayorâ€™s office said on Tuesday."
    cleaned = clean(raw)
    assert cleaned.text == "The council’s vote was “final”, the mayor’s office said on Tuesday."
    assert span_problems(raw, cleaned) == []


def test_mixed_encodings_in_one_text():
    raw = "Café owners said.\n\nThe mayorâ€™s café reopened. Ã\x89tÃ© ended.\n"
    cleaned = clean(raw)
    assert "mayor’s café" in cleaned.text
    assert "Été" in cleaned.text
    assert span_problems(raw, cleaned) == []


def test_byline_and_nothing_else():
    cleaned = clean("By Jane Smith and Tom Baker June 6, 2017")
    assert cleaned.authors == ["Jane Smith", "Tom Baker"]
    assert cleaned.published == "2017-06-06"
    assert cleaned.text == ""


def test_literal_html_markup_in_text():
    raw = "<p>The council voted to close the bridge.</p> <p>Work begins in <a href='x'>spring</a>.</p>"
    cleaned = clean(raw)
    assert [cleaned.text[p.start : p.end] for p in cleaned.paragraphs] == [
        "The council voted to close the bridge.", "Work begins in spring."]
    assert span_problems(raw, cleaned) == []
    assert {r.reason for r in cleaned.removed} == {"markup"}


def test_mac_roman_mojibake_is_repaired_and_not_taken_for_furniture():
    raw = "The mayor‚Äôs caf√© reopened on Tuesday, officials said.\n\nPrices rose again, the owner said.\n"
    cleaned = clean(raw)
    assert cleaned.text.startswith("The mayor’s café reopened")
    assert cleaned.removed == []
    assert span_problems(raw, cleaned) == []


@pytest.mark.parametrize(
    ("raw", "authors", "dateline"),
    [
        ("Jane Roe\nStaff Writer", ["Jane Roe"], None),
        ("By JANE ROE\nAssociated Press\n", ["Jane Roe"], None),
        ("Posted by Jane Roe on March 3, 2016 at 4:05pm", ["Jane Roe"], None),
        ("SANTA CLARA, Calif., March 24 -", [], "SANTA CLARA, Calif."),
        ("SANTA CLARA, Calif., March 24 - x", [], "SANTA CLARA, Calif."),
        ("Jane Roe\nStaff Writer\n" * 3000, ["Jane Roe"], None),
    ],
)
def test_head_only_inputs(raw, authors, dateline):
    """A byline or dateline and (almost) nothing else: metadata read, no exception, spans exact."""
    cleaned = clean(raw)
    assert cleaned.authors == authors
    assert cleaned.dateline == dateline
    assert span_problems(raw, cleaned) == []
