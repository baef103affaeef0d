"""Property tests: any text cleans without an exception and keeps the raw-span promises."""

from __future__ import annotations

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
