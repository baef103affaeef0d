"""The example inputs shipped in examples/ read through the real pipeline.

Each check states something the example's own (invented) text makes true — the
byline names two authors, Helena Marsh speaks the first quote, the page's <h1>
is its headline — so a test fails when the pipeline loses a fact a reader of the
example can see, not when an output detail changes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
TXT = EXAMPLES / "harbor-ferry-2024-03-14.txt"
HTML = EXAMPLES / "library-reopening.html"
JSONL = EXAMPLES / "corpus.jsonl"


def _source_of(record, words: str):
    """The attribution whose content holds ``words``, with its source."""
    for attribution in record.attributions:
        if attribution.content and words in attribution.content.text:
            return next(s for s in record.sources if s.id == attribution.source)
    raise AssertionError(f"no attribution holds {words!r}")


def _names(record, source) -> str:
    entity = next((e for e in record.entities if e.id == source.entity), None)
    return " ".join(filter(None, [source.description, entity.name if entity else None]))


def _time_value(record, text: str) -> str | None:
    return next((t.value for t in record.times if t.text == text), None)


@pytest.fixture(scope="module")
def ferry(reader):
    return reader.read(TXT)


@pytest.fixture(scope="module")
def library(reader):
    return reader.read(HTML)


@pytest.fixture(scope="module")
def corpus(reader):
    return list(reader.read_many([str(JSONL)]))


def test_the_plain_text_byline_gives_authors_and_date(ferry):
    assert ferry.meta.authors == ["Marta Quillfeather", "Daniel Okonro"]
    assert ferry.meta.published == "2024-03-14"
    assert ferry.meta.dateline == "BRENNICK BAY"


def test_the_plain_text_is_joined_and_boilerplate_dropped(ferry):
    assert ferry.text.startswith("The Brennick Bay Port Authority voted on Wednesday")
    assert "suspend the night ferry to Tollan Island" in ferry.text  # a hard wrap joined
    assert "Post a Comment" not in ferry.text and "No comments" not in ferry.text
    assert "Quillfeather" not in ferry.text  # the byline is metadata, not text


def test_the_named_speakers_are_the_sources_of_their_quotes(ferry):
    assert "Helena Marsh" in _names(ferry, _source_of(ferry, "We are not willing to put a single passenger"))
    assert "Piet Varga" in _names(ferry, _source_of(ferry, "a blow to every family on Tollan"))


def test_the_anonymous_sources_are_two_people(ferry):
    source = _source_of(ferry, "Ferry workers were told of the decision")
    assert source.anonymous and source.count == 2


def test_the_spokesperson_declined_to_comment(ferry):
    assert any(s.declined_to_comment and "Varnholt Marine" in (s.description or "") for s in ferry.sources)


def test_relative_days_are_anchored_on_the_byline_date(ferry):
    # 14 March 2024 was a Thursday: "Wednesday" is the day before, "Tuesday evening" the day before that.
    assert _time_value(ferry, "Wednesday") == "2024-03-13"
    assert (_time_value(ferry, "Tuesday evening") or "").startswith("2024-03-12")


def test_the_html_headline_author_and_date_come_from_the_page(library):
    assert library.meta.title == "Kessingford library reopens after flood repairs"
    assert "Lena Achterberg" in library.meta.authors
    assert library.meta.published == "2023-10-02"


def test_the_html_page_furniture_is_left_out(library):
    assert "eleven months after a burst river bank flooded its ground floor" in library.text
    for furniture in ("Most read", "Rell Rovers", "newsletter", "All rights reserved", "Weather"):
        assert furniture not in library.text, furniture


def test_the_html_speakers(library):
    assert "Oskar Lindqvist" in _names(library, _source_of(library, "People queued in the rain"))
    assert _source_of(library, "the barrier was already behind schedule").anonymous


def test_the_jsonl_corpus_keeps_each_articles_fields(corpus):
    lines = [json.loads(line) for line in JSONL.read_text(encoding="utf-8").splitlines()]
    assert [r.source.id for r in corpus] == [d["id"] for d in lines]
    for record, given in zip(corpus, lines, strict=True):
        assert record.source.error is None
        assert record.meta.title == given["title"]
        assert record.meta.published == given["published"]


def test_the_jsonl_corpus_reads_text_and_html(corpus):
    tram, strike, heat, plant = corpus
    assert "Ilse Brandvold" in _names(tram, _source_of(tram, "biggest investment in the east side"))
    assert "Tomas Rusk" in _names(strike, _source_of(strike, "We got what we came for"))
    assert "41.3 degrees" in heat.text and "<p>" not in heat.text
    assert any(e.name == "Kestrel Foods" for e in plant.entities)
