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


def _export(store, path) -> list[str]:
    store.export("jsonl", path)
    return path.read_text(encoding="utf-8").splitlines()


def test_a_records_jsonl_is_stored_as_it_is_with_its_raw_input_when_the_file_is_there(tmp_path, reader):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Mayor Jane Roe opened the library in Springfield on Monday.\n")
    (folder / "b.txt").write_text("Chief executive Paul Stone said demand had slowed in Europe on Friday.\n")
    with Store(tmp_path / "first.db") as first:
        corpus.ingest(first, [str(folder)], reader)
        exported = _export(first, tmp_path / "records.jsonl")
        originals = list(first.records())
    (folder / "b.txt").unlink()  # b's raw input is gone: its record is still stored, without it
    with Store(tmp_path / "second.db") as second:
        report = corpus.ingest(second, [str(tmp_path / "records.jsonl")], reader)
        assert (report.inputs, report.stored, report.failed) == (2, 2, 0)
        assert list(second.records()) == originals  # loaded, not parsed again: the very records
        a, b = originals
        assert second.raw_input(a.id).data == (folder / "a.txt").read_bytes()
        assert second.raw_input(b.id) is None
        again = corpus.ingest(second, [str(tmp_path / "records.jsonl")], reader)
        assert (again.stored, again.already_stored) == (0, 2)
    assert len(exported) == 2


def test_reprocess_parses_the_records_again_and_keeps_their_ids(tmp_path, reader):
    (tmp_path / "a.txt").write_text("Mayor Jane Roe opened the library in Springfield on Monday.\n")
    record = reader.read(tmp_path / "a.txt")
    edited = record.model_copy(update={"events": [], "relations": []})
    line = edited.to_json()
    (tmp_path / "records.jsonl").write_text(line + "\n", encoding="utf-8")
    with Store(tmp_path / "as-is.db") as store:
        corpus.ingest(store, [str(tmp_path / "records.jsonl")], reader)
        assert next(store.records()).events == []
    (tmp_path / "a.txt").unlink()  # no raw input: parsed again from the record's own text
    with Store(tmp_path / "again.db") as store:
        report = corpus.ingest(store, [str(tmp_path / "records.jsonl")], reader, reparse_records=True)
        assert report.stored == 1
        again = next(store.records())
        assert again.id == record.id and again.text == record.text
        assert [e.predicate for e in again.events] == [e.predicate for e in record.events] != []
