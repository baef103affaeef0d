"""Stage warnings in the store: kept per article, filled in by the migration, counted by stats and failures."""

from __future__ import annotations

import json
import sqlite3

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.record import StageWarning
from newsgraph.store import Store, migrations

WARNED = [StageWarning(stage="events", message="sentence 3: IndexError: list index out of range"),
          StageWarning(stage="time", message="'next Thursday': ValueError: no anchor")]


def _warned(make_record, text: str = "Jane Roe spoke on Monday."):
    record = make_record(text, [("Jane Roe", "PERSON", ["Jane Roe"])])
    return record.model_copy(update={"warnings": WARNED})


def test_a_records_warnings_are_rows_and_stay_in_its_json(store, make_record):
    warned, clean = _warned(make_record), make_record("Acme Corp closed.", [("Acme Corp", "ORG", ["Acme Corp"])])
    store.add(warned)
    store.add(clean)
    assert store.get(warned.id).warnings == WARNED
    rows = store.execute("SELECT article_id, position, stage, message FROM warnings ORDER BY position")
    assert rows == [(warned.id, 0, "events", WARNED[0].message), (warned.id, 1, "time", WARNED[1].message)]
    df = store.warnings()
    assert list(df.stage) == ["events", "time"] and set(df.article_id) == {warned.id}
    counts = store.stats()["counts"]
    assert counts["warnings"] == 2 and counts["articles_with_warnings"] == 1
    store.replace(warned.model_copy(update={"warnings": WARNED[:1]}))
    assert store.count("warnings") == 1
    with store.transaction() as conn:
        conn.execute("DELETE FROM articles WHERE id = ?", (warned.id,))
    assert store.count("warnings") == 0 and store.stats()["counts"]["articles_with_warnings"] == 0


def test_the_migration_fills_warnings_from_stored_records(tmp_path, monkeypatch, make_record):
    """A store made before ``0004_warnings`` gets the table, filled from the record JSON."""
    path = tmp_path / "news.db"
    warned = _warned(make_record)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:3])
    with Store(path) as old:
        old.conn.execute("BEGIN")
        old.conn.execute("INSERT INTO articles (id, text, ingested_at) VALUES (?, ?, 'now')", (warned.id, warned.text))
        old.conn.execute("INSERT INTO records (id, json) VALUES (?, ?)", (warned.id, warned.to_json()))
        old.conn.execute("COMMIT")
        assert "warnings" not in {r[0] for r in old.execute("SELECT name FROM sqlite_master")}
    monkeypatch.undo()
    with Store(path) as store:
        assert store.migrations()[-1] == migrations.MIGRATIONS[-1].name
        assert store.execute("SELECT position, stage FROM warnings") == [(0, "events"), (1, "time")]
    with sqlite3.connect(path) as conn:  # the rows go with their article
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM articles")
        assert conn.execute("SELECT count(*) FROM warnings").fetchone()[0] == 0


def test_stats_and_failures_say_how_many_articles_carry_warnings(tmp_path, make_record):
    db = str(tmp_path / "news.db")
    with Store(db) as store:
        store.add(_warned(make_record))
        store.add(_warned(make_record, "Jane Roe resigned on Friday."))
    runner = CliRunner()
    stats = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).stdout)
    assert stats["counts"]["articles_with_warnings"] == 2 and stats["counts"]["warnings"] == 4
    table = runner.invoke(app, ["stats", "--db", db])
    assert "articles with warnings" in table.stdout
    failures = runner.invoke(app, ["failures", "--db", db])
    assert failures.exit_code == 0 and "2 stored articles carry stage warnings" in failures.stderr
    assert json.loads(runner.invoke(app, ["failures", "--db", db, "--json"]).stdout) == []
    exported = runner.invoke(app, ["export", "--db", db, "--table", "warnings"])
    assert [json.loads(line)["stage"] for line in exported.stdout.splitlines()] == ["events", "time"] * 2
