"""The reference article must match its hand-made gold record for the cleaning stage's part."""

from __future__ import annotations

import json
import re

import pytest

from _paths import GOLD, REFERENCE, needs_shared
from newsgraph.clean import clean
from newsgraph.clean.audit import span_problems

pytestmark = needs_shared(REFERENCE)


@pytest.fixture(scope="module")
def raw() -> str:
    return REFERENCE.read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def cleaned(raw):
    return clean(raw)


def _paragraph_texts(cleaned) -> list[str]:
    return [cleaned.text[p.start : p.end] for p in cleaned.paragraphs]


def test_meta_matches_gold(cleaned, gold):
    assert cleaned.authors == gold["meta"]["authors"]
    assert cleaned.published == gold["meta"]["published"]
    assert cleaned.title == gold["meta"]["title"]


def test_sentences_intact(cleaned, gold):
    flat = re.sub(r"\s+", " ", cleaned.text)
    for sentence in gold["sentences_intact"]:
        assert sentence in flat, sentence
        assert sentence in cleaned.text, f"broken by a paragraph break: {sentence}"


def test_paragraph_starts_and_count(cleaned, gold):
    paragraphs = _paragraph_texts(cleaned)
    spec = gold["paragraphs"]
    assert spec["min"] <= len(paragraphs) <= spec["max"]
    for start in spec["starts"]:
        assert any(p.startswith(start) for p in paragraphs), start


def test_no_boilerplate_left(cleaned, gold):
    for piece in gold["boilerplate"]:
        assert piece not in cleaned.text
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert all(reasons.get(piece) == "boilerplate" for piece in gold["boilerplate"])


def test_byline_removed_with_its_date(cleaned):
    assert not cleaned.text.startswith("By")
    assert "6,2017" not in cleaned.text
    assert [r.reason for r in cleaned.removed].count("byline") == 1


def test_raw_spans_exact(raw, cleaned):
    assert span_problems(raw, cleaned) == []


def test_crlf_copy_maps_the_same(raw):
    crlf = raw.replace("\n", "\r\n")
    plain, windows = clean(raw), clean(crlf)
    assert windows.text == plain.text
    assert windows.authors == plain.authors
    assert span_problems(crlf, windows) == []
