"""The derived datasets (``newsgraph.parquet.derived``): sorted for pruning, used only while fresh, rebuilt
idempotently by the entity job."""

from __future__ import annotations

import shutil

import pyarrow.parquet as pq
import pytest

from newsgraph.parquet import DuckCorpus, derived
from newsgraph.parquet.entities import build


@pytest.fixture()
def corpus_copy(parquet_corpus, tmp_path):
    """A copy of the cluster's Parquet corpus that a test may change."""
    out = tmp_path / "corpus"
    shutil.copytree(parquet_corpus[0], out)
    return out


def test_entity_datasets_are_sorted_by_corpus_entity(parquet_corpus):
    out = parquet_corpus[0]
    for name in derived.FILES:
        table = pq.read_table(out / name)
        assert table.num_rows > 0, name
        if name.startswith("entity_"):
            ids = table.column("corpus_entity_id").to_pylist()
            assert ids == sorted(ids), name
    postings = pq.read_table(out / "search_postings.parquet")
    terms, orders = postings.column("term").to_pylist(), postings.column("corpus_order").to_pylist()
    keys = [(t, -o) for t, o in zip(terms, orders, strict=True)]
    assert keys == sorted(keys)


def test_stale_derived_datasets_are_not_read(corpus_copy):
    with DuckCorpus(str(corpus_copy)) as duck:
        assert duck.derived
    manifest = (corpus_copy / derived.MANIFEST).read_text()
    (corpus_copy / derived.MANIFEST).write_text(manifest.replace('"fingerprint": "', '"fingerprint": "0'))
    with DuckCorpus(str(corpus_copy)) as duck:
        assert not duck.derived  # built from other files: the queries join the datasets instead


def test_a_new_dataset_file_makes_them_stale(corpus_copy):
    first = next((corpus_copy / "articles").rglob("*.parquet"))
    shutil.copy(first, first.with_name("part-later.parquet"))
    with DuckCorpus(str(corpus_copy)) as duck:
        assert not duck.derived


def test_rebuilding_gives_the_same_files(corpus_copy):
    before = {name: pq.read_table(corpus_copy / name) for name in derived.FILES}
    build(str(corpus_copy))
    for name, table in before.items():
        assert pq.read_table(corpus_copy / name).equals(table), name
    with DuckCorpus(str(corpus_copy)) as duck:
        assert duck.derived
