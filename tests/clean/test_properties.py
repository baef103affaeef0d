"""Property tests: any text cleans without an exception and keeps the raw-span promises."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.clean import clean
from newsgraph.clean.audit import span_problems

PIECES = st.sampled_from([
    "By Jane Smith", "June\n6,2017", "\n", "\r\n", "\n\n", "    ", "   ", "The council voted.", "Reuter",
    "Subscribe", "No comments:", "WASHINGTON — ", "â€™", "<p>", "</p>", "(AP Photo/X)", "-", "\x97", "é", "word",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_structured_noise(raw):
    cleaned = clean(raw)
    assert span_problems(raw, cleaned) == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text(raw):
    cleaned = clean(raw)
    assert span_problems(raw, cleaned) == []
    for item in cleaned.removed:
        assert raw[item.raw_start : item.raw_end] == item.text


#: Pieces whose clean form is not their raw form: decomposed accents (NFC composes them), mojibake, C1.
CHANGING = st.sampled_from([
    "Zoe\u0308", "cafe\u0301", "A\u030angstro\u0308m", "\u0093quoted\u0094", "donâ€™t", " ", "\n\n", "The mayor said.",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(CHANGING, max_size=30).map("".join), st.sampled_from(["text", "html"]))
def test_normalised_and_repaired_words_keep_exact_spans(raw, fmt):
    cleaned = clean(raw, fmt=fmt)
    assert unicodedata.is_normalized("NFC", cleaned.text)
    assert span_problems(raw, cleaned) == []
    for span in cleaned.raw_spans:
        assert 0 <= span.raw_start <= span.raw_end <= len(raw)
