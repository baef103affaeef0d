"""Opening stores: migrations, WAL, and clear errors for corrupt, read-only and locked files."""

from __future__ import annotations

import os
import sqlite3

import pytest

from newsgraph.errors import StoreError
from newsgraph.store import Store, migrations
from newsgraph.store.migrations import Migration


def test_new_store_runs_every_migration_once_in_wal_mode(tmp_path):
    path = tmp_path / "news.db"
    with Store(path) as store:
        assert store.migrations() == [m.name for m in migrations.MIGRATIONS]
        assert store.execute("PRAGMA journal_mode")[0][0] == "wal"
    with Store(path) as store:  # reopening runs nothing new
        assert store.count() == 0
        assert store.execute("SELECT count(*) FROM _migrations")[0][0] == len(migrations.MIGRATIONS)


def test_a_new_migration_runs_on_an_old_store_and_a_failing_one_leaves_nothing(tmp_path, monkeypatch):
    path = tmp_path / "news.db"
    Store(path).close()

    def add_column(conn):
        conn.execute("ALTER TABLE articles ADD COLUMN topic TEXT")

    def broken(conn):
        conn.execute("CREATE TABLE half_made (x)")
        raise sqlite3.OperationalError("boom")

    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, Migration("0002_topic", add_column)))
    with Store(path) as store:
        assert store.migrations()[-1] == "0002_topic"
        assert "topic" in {r[1] for r in store.execute("PRAGMA table_info(articles)")}
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, Migration("0003_broken", broken)))
    with pytest.raises(StoreError, match="boom"):
        Store(path)
    with sqlite3.connect(path) as conn:
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half_made'").fetchone()
        assert "0003_broken" not in {r[0] for r in conn.execute("SELECT name FROM _migrations")}


def test_store_made_by_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "news.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO _migrations VALUES ('9999_future', 'now')")
    with pytest.raises(StoreError, match="newer newsgraph"):
        Store(path)


def _one_line(exc: StoreError) -> str:
    message = str(exc)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_corrupt_file_gives_a_clear_error(tmp_path):
    path = tmp_path / "news.db"
    path.write_bytes(b"this is not a database at all\n" * 200)
    with pytest.raises(StoreError) as info:
        Store(path)
    assert "not a newsgraph store, or the file is corrupt" in _one_line(info.value)
    assert str(path) in str(info.value)


def test_truncated_store_gives_a_clear_error(tmp_path, make_record):
    path = tmp_path / "news.db"
    with Store(path) as store:
        for i in range(30):
            store.add(make_record(f"Article {i} about Jane Roe. " * 50, [("Jane Roe", "PERSON", ["Jane Roe"])]))
        store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(data[:4096] + b"\x00" * 100 + data[8192:])
    with pytest.raises(StoreError) as info, Store(path) as store:
        store.stats()
        store.search("Roe")
    assert "corrupt" in _one_line(info.value)


def test_other_sqlite_file_is_not_a_store(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a newsgraph store"):
        Store(path)


def test_missing_store_for_queries(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "none.db", readonly=True)
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "none.db", create=False)
    with pytest.raises(StoreError, match="is a directory"):
        Store(tmp_path)


def test_read_only_store_refuses_writes_clearly(tmp_path, make_record):
    path = tmp_path / "news.db"
    Store(path).close()
    with Store(path, readonly=True) as store:
        assert store.count() == 0
        with pytest.raises(StoreError, match="read-only") as info:
            store.add(make_record("Jane Roe spoke.", [("Jane Roe", "PERSON", ["Jane Roe"])]))
        _one_line(info.value)
        with pytest.raises(StoreError, match="read-only"):
            store.merge_entities("a", "b")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_gives_a_clear_error(tmp_path, make_record):
    path = tmp_path / "news.db"
    Store(path).close()
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(StoreError, match=r"read-only|cannot open"), Store(path) as store:
            store.add(make_record("Jane Roe spoke.", [("Jane Roe", "PERSON", ["Jane Roe"])]))
    finally:
        tmp_path.chmod(0o755)
        path.chmod(0o644)


def test_database_sqlite_cannot_write_gives_one_clear_line(tmp_path, monkeypatch, make_record):
    """What a read-only file does, made so even root cannot bypass it (CI runs as root).

    The store believes it may write, but SQLite has the file open with ``mode=ro``,
    as it does for a file without write permission: every write fails inside SQLite
    with SQLITE_READONLY, and the user must get the one-line error, not a traceback.
    """
    path = tmp_path / "news.db"
    Store(path).close()

    def read_only_connect(self, memory, timeout):
        uri = path.resolve().as_uri() + "?mode=ro"
        return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=timeout)

    monkeypatch.setattr(Store, "_connect", read_only_connect)
    record = make_record("Jane Roe spoke.", [("Jane Roe", "PERSON", ["Jane Roe"])])
    with Store(path) as store:
        assert not store.readonly  # the guard in ``transaction`` is not what stops the write
        for write in (lambda: store.add(record), lambda: store.replace(record)):
            with pytest.raises(StoreError, match="database is read-only; cannot write to it") as info:
                write()
            _one_line(info.value)
            assert isinstance(info.value.__cause__, sqlite3.OperationalError)
        assert store.count() == 0
    # The file is untouched and still opens for writing.
    monkeypatch.undo()
    with Store(path) as store:
        assert store.add(record)


def test_locked_store_gives_a_clear_error(tmp_path, make_record):
    path = tmp_path / "news.db"
    Store(path).close()
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another process is writing
    try:
        with Store(path, timeout=0.1) as store, pytest.raises(StoreError) as info:
            store.add(make_record("Jane Roe spoke.", [("Jane Roe", "PERSON", ["Jane Roe"])]))
        assert "locked by another process" in _one_line(info.value)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def test_readers_keep_working_while_a_writer_holds_a_transaction(tmp_path, make_record):
    path = tmp_path / "news.db"
    with Store(path) as writer:
        writer.add(make_record("Jane Roe spoke first.", [("Jane Roe", "PERSON", ["Jane Roe"])]))
        with Store(path, readonly=True, timeout=0.1) as reader:
            with writer.transaction() as conn:
                from newsgraph.store.rows import insert_record

                insert_record(conn, make_record("Jane Roe spoke again.", [("Jane Roe", "PERSON", ["Jane Roe"])]))
                # Mid-write: the reader neither blocks nor sees the half-written article.
                assert reader.count() == 1
                assert len(reader.search("spoke")) == 1
                assert reader.entity("Jane Roe").entity.articles == 1
            assert reader.count() == 2
            assert reader.entity("Jane Roe").entity.articles == 2


def test_a_failed_write_leaves_nothing_behind(store, make_record):
    record = make_record("Jane Roe spoke.", [("Jane Roe", "PERSON", ["Jane Roe"])])
    broken = record.model_copy(update={"entities": record.entities * 2})  # two entities with one id
    with pytest.raises(StoreError, match="UNIQUE"):
        store.add(broken)
    for table in ("articles", "records", "entities", "mentions", "corpus_entities"):
        assert store.count(table) == 0, table
    assert store.add(record)


def test_read_only_open_of_an_older_store_asks_for_an_upgrade(tmp_path, monkeypatch):
    from newsgraph.store.db import NeedsUpgradeError

    path = tmp_path / "news.db"
    Store(path).close()
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, Migration("0002_noop", lambda c: None)))
    with pytest.raises(NeedsUpgradeError, match="needs upgrading"):
        Store(path, readonly=True)
    from typer.testing import CliRunner

    from newsgraph.cli import app

    result = CliRunner().invoke(app, ["stats", "--db", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert "0002_noop" in result.stdout


def test_pipeline_migration_fills_the_fingerprint_of_stored_records(tmp_path, monkeypatch, make_record):
    """A store made before ``0002_pipeline_fingerprint`` gets the column, filled from the record JSON."""
    path = tmp_path / "news.db"
    record = make_record("Jane Roe spoke.", [("Jane Roe", "PERSON", ["Jane Roe"])])
    record = record.model_copy(update={"generator": record.generator.model_copy(update={"pipeline": "abc123"})})
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    with Store(path) as old:
        old.conn.execute("BEGIN")
        old.conn.execute(
            "INSERT INTO articles (id, text, newsgraph_version, model, ingested_at) VALUES (?, ?, ?, ?, 'now')",
            (record.id, record.text, "0.1.0", "test-model"))
        old.conn.execute("INSERT INTO records (id, json) VALUES (?, ?)", (record.id, record.to_json()))
        old.conn.execute("COMMIT")
    monkeypatch.undo()
    with Store(path) as store:
        assert "0002_pipeline_fingerprint" in store.migrations()
        assert store.execute("SELECT pipeline FROM articles") == [("abc123",)]
        assert store.stats()["generators"][0]["pipeline"] == "abc123"


def test_matching_ids_finds_articles_by_the_start_of_their_id(tmp_path, make_record):
    texts = ["Jane Roe spoke in Springfield.", "Alan Pike spoke in Portland.", "Maria Gomez spoke in Denver."]
    ids = ["abc" + "1" * 61, "abc" + "2" * 61, "f" * 64]
    with Store(tmp_path / "news.db") as store:
        for text, new_id in zip(texts, ids, strict=True):
            store.add(make_record(text).model_copy(update={"id": new_id}))
        assert store.matching_ids("abc") == ids[:2]  # ambiguous: both, for the caller to say so
        assert store.matching_ids("abc2") == [ids[1]]
        assert store.matching_ids(ids[2]) == [ids[2]]
        assert store.matching_ids("abd") == []
        assert store.get("abc1").text == texts[0]
