from pathlib import Path

import pytest

from newsgraph.evaluate.corpora import (
    CORPORA,
    LOADERS,
    PAGE_ID_CHARS,
    benchmark_page,
    default_corpus_dir,
    load,
    mixed,
    reuters_stories,
)

pytestmark = pytest.mark.skipif(not default_corpus_dir().exists(), reason="../shared/corpus not available")


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_each_corpus_yields_articles_with_text(name):
    docs = list(load(name, limit=3))
    assert docs, name
    for doc in docs:
        raw = doc.item.text if doc.item.text is not None else doc.item.data.decode("utf-8", "replace")
        assert len(raw.split()) > 5
        assert doc.item.id


def test_reuters_text_is_rebuilt_as_wire_copy():
    doc = next(load("reuters"))
    assert doc.item.text.startswith(doc.extra["title"])
    assert doc.extra["dateline"] in doc.item.text
    assert "&#" not in doc.item.text


def test_one_reuters_file_yields_the_stories_the_corpus_loader_does():
    """The scorer reads one story by its NEWID from one file; it must be the story the corpus loader gives."""
    first = sorted((default_corpus_dir() / "reuters21578").glob("reut2-*.sgm"))[0]
    mine = [(d.item.id, d.item.text) for d in reuters_stories(first)]
    assert mine
    assert [(d.item.id, d.item.text) for d in load("reuters", limit=len(mine))] == mine


def test_mixed_takes_from_every_corpus():
    docs = mixed(14)
    assert len(docs) == 14
    assert {d.corpus for d in docs} == set(CORPORA)


def test_benchmark_pages_are_the_hand_made_bodies_with_the_page_metadata():
    """A page's text is its gold body (offsets made on it stay literal); its date comes from the HTML."""
    import json

    folder = default_corpus_dir().parent / "eval-data" / "article-extraction-benchmark"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    docs = list(load("pages", limit=3))
    for doc in docs:
        page = doc.extra["page"]
        assert doc.item.text == truth[page]["articleBody"]
        assert doc.item.id == f"page-{page[:PAGE_ID_CHARS]}"
        assert doc.item.published and doc.item.published[:2] == "20"
        alone = benchmark_page(folder, doc.item.id)
        assert (alone.text, alone.published, alone.title) == (doc.item.text, doc.item.published, doc.item.title)
    with pytest.raises(KeyError):
        benchmark_page(folder, "page-0")


def test_unknown_corpus_is_a_clear_error():
    with pytest.raises(KeyError, match="unknown corpus"):
        load("nope", root=Path("."))
