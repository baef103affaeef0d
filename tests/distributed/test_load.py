"""``newsgraph load``: a Parquet corpus into a store, as an ingest of the same inputs leaves it."""

from __future__ import annotations

import pytest

from _scale_corpus import table_rows
from newsgraph.store.rows import COLUMNS


@pytest.fixture(scope="module")
def loaded(parquet_corpus, tmp_path_factory):
    from newsgraph.parquet.load import load
    from newsgraph.store import Store

    store = Store(tmp_path_factory.mktemp("load") / "loaded.db")
    report = load(str(parquet_corpus[0]), store)
    yield store, report
    store.close()


@pytest.mark.parametrize("table", list(COLUMNS))
def test_loaded_store_holds_the_local_rows(table, loaded, local_store):
    assert table_rows(loaded[0], table) == table_rows(local_store[0], table)


def test_loaded_corpus_entities_are_the_local_ones(loaded, local_store):
    sql = "SELECT id, name, type FROM corpus_entities ORDER BY id"
    assert loaded[0].execute(sql) == local_store[0].execute(sql)


def test_failures_are_loaded(loaded, local_store):
    sql = 'SELECT id, "where", path, line, reason FROM failures ORDER BY id'
    assert loaded[0].execute(sql) == local_store[0].execute(sql)
    assert loaded[1].failed == 2


def test_loading_again_adds_nothing(loaded, parquet_corpus):
    from newsgraph.parquet.load import load

    store, first = loaded
    before = store.count()
    again = load(str(parquet_corpus[0]), store)
    assert again.stored == 0 and again.already_stored == first.stored == before


def test_reprocess_rebuilds_loaded_records_from_their_raw_input(loaded, reader):
    store, _ = loaded
    n = store.count()
    ids = [r[0] for r in store.execute("SELECT id FROM articles ORDER BY rowid")]
    report = store.reprocess(reader, everything=True)
    assert report.no_raw_input == 0 and report.rebuilt == n
    assert sorted(r[0] for r in store.execute("SELECT id FROM articles")) == sorted(ids)
