"""Every span of every sample article maps back to the raw text exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from _paths import SAMPLE30
from newsgraph.clean import clean
from newsgraph.clean.audit import span_problems
from newsgraph.ingest.decode import decode_bytes

ARTICLES = sorted(SAMPLE30.glob("*.txt")) if SAMPLE30.exists() else []


@pytest.mark.skipif(not ARTICLES, reason="sample30 not available")
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_every_span_maps_back(path: Path):
    raw = decode_bytes(path.read_bytes(), str(path))
    cleaned = clean(raw)
    assert cleaned.text.strip()
    for span in cleaned.raw_spans:
        assert 0 <= span.raw_start <= span.raw_end <= len(raw)
        assert 0 <= span.start <= span.end <= len(cleaned.text)
    assert span_problems(raw, cleaned) == []
    for item in cleaned.removed:
        assert raw[item.raw_start : item.raw_end] == item.text


@pytest.mark.skipif(not ARTICLES, reason="sample30 not available")
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_removed_and_kept_do_not_overlap(path: Path):
    raw = decode_bytes(path.read_bytes(), str(path))
    cleaned = clean(raw)
    kept = sorted((s.raw_start, s.raw_end) for s in cleaned.raw_spans)
    for item in cleaned.removed:
        for start, end in kept:
            assert end <= item.raw_start or start >= item.raw_end, (item, start, end)
