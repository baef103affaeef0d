from pathlib import Path

import pytest

from newsgraph.evaluate.corpora import LOADERS, default_corpus_dir, load, mixed, reuters_stories

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
    assert {d.corpus for d in docs} == set(LOADERS)


def test_unknown_corpus_is_a_clear_error():
    with pytest.raises(KeyError, match="unknown corpus"):
        load("nope", root=Path("."))
