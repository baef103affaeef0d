"""``newsgraph.corpus``: ingest and re-processing above the store (the reader reads, the store writes)."""

from __future__ import annotations

import pytest

from newsgraph import corpus
from newsgraph.errors import StoreError
from newsgraph.store import Store


def test_ingest_reads_through_the_reader_and_the_store_keeps_each_record(tmp_path, reader):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Mayor Jane Roe opened the library in Springfield on Monday.\n")
    (tmp_path / "in" / "empty.txt").write_text(" \n")
    with Store(tmp_path / "news.db") as store:
        report = corpus.ingest(store, [str(tmp_path / "in")], reader)
        assert (report.inputs, report.stored, report.failed) == (2, 1, 1)
        record = next(store.records())
        assert record.generator == reader.generator
        assert store.raw_input(record.id).to_item().text is None  # raw bytes kept, as read
        again = corpus.ingest(store, [str(tmp_path / "in")], reader)
        assert (again.stored, again.already_stored, again.skipped_failed) == (0, 1, 1)
        rebuilt = corpus.reprocess(store, reader, everything=True)
        assert (rebuilt.inputs, rebuilt.rebuilt) == (1, 1)
        assert next(store.records()) == record


def test_a_read_only_store_is_refused_before_any_input_is_read(tmp_path, reader):
    Store(tmp_path / "news.db").close()
    with Store(tmp_path / "news.db", readonly=True) as store:
        with pytest.raises(StoreError, match="read-only; cannot ingest"):
            corpus.ingest(store, [str(tmp_path / "missing")], reader)
        with pytest.raises(StoreError, match="read-only; cannot re-process"):
            corpus.reprocess(store, reader)
