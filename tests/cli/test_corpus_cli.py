"""The corpus store commands as a user runs them: ingest, failures, reprocess, queries, export, errors."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()
ARTICLES = {
    "council.txt": "The city council of Springfield voted on Monday to expand the public library. "
                   "Mayor Jane Roe said the vote was \"a win for every reader in town.\"\n",
    "river.txt": "Heavy rain flooded the Green River valley on Friday, forcing hundreds to leave their homes. "
                 "Jane Roe, the mayor, opened the town hall in Springfield as a shelter.\n",
    "market.txt": "Shares of Acme Corp fell sharply in New York on Monday after the company cut its forecast. "
                  "Chief executive Paul Stone said demand had slowed in Europe.\n",
    "empty.txt": "  \n",
}


def invoke(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    db = tmp_path_factory.mktemp("store") / "news.db"
    result = invoke("ingest", str(folder), "--db", str(db))
    # The empty file failed: the others are stored and the exit code says one input was not.
    assert result.exit_code == 1, result.output
    assert "3 stored" in result.stderr and "1 failed" in result.stderr
    return db


@pytest.fixture
def db(built, tmp_path) -> str:
    copy = tmp_path / "news.db"
    shutil.copy(built, copy)
    return str(copy)


def test_ingest_again_reports_json_and_stores_nothing_new(built):
    folder = next(iter(Path(built).parent.parent.glob("articles*")))
    result = invoke("ingest", str(folder), "--db", str(built), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["stored"] == 0 and report["already_stored"] == 3 and report["skipped_failed"] == 1


def test_ingest_from_stdin(tmp_path):
    db = str(tmp_path / "news.db")
    result = invoke("ingest", "-", "--db", db, "--json", stdin="Paul Stone resigned from Acme Corp on Friday.\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stored"] == 1


def test_stats(built):
    data = json.loads(invoke("stats", "--db", str(built), "--json").stdout)
    assert data["counts"]["articles"] == 3 and data["counts"]["failures"] == 1
    table = invoke("stats", "--db", str(built))
    assert table.exit_code == 0 and "articles" in table.stdout and "0001_initial" in table.stdout


def test_failures(built):
    rows = json.loads(invoke("failures", "--db", str(built), "--json").stdout)
    assert len(rows) == 1 and rows[0]["where"].endswith("empty.txt") and rows[0]["reason"]
    assert "Failures (1)" in invoke("failures", "--db", str(built)).stdout


def test_search(built):
    rows = json.loads(invoke("search", "library", "--db", str(built), "--json").stdout)
    assert len(rows) == 1 and "[[library]]" in rows[0]["snippet"]
    table = invoke("search", "Springfield", "--db", str(built))
    assert table.exit_code == 0 and "Springfield" in table.stdout
    assert "no article matches" in invoke("search", "submarine", "--db", str(built)).stdout
    bad = invoke("search", "?!", "--db", str(built))
    assert bad.exit_code == 1 and "at least one word" in bad.stderr


def test_entity_profile_table_and_json(built):
    result = invoke("entity", "Jane Roe", "--db", str(built))
    assert result.exit_code == 0, result.output
    assert "Jane Roe" in result.stdout and "Articles" in result.stdout and "Co-mentioned" in result.stdout
    data = json.loads(invoke("entity", "--db", str(built), "Jane Roe", "--json").stdout)
    assert data["entity"]["articles"] == 2
    assert json.loads(invoke("entity", "show", "Jane Roe", "--db", str(built), "--json").stdout) == data
    missing = invoke("entity", "Nobody Known", "--db", str(built))
    assert missing.exit_code == 1 and "no entity matches" in missing.stderr
    one = json.loads(invoke("entity", "Jane Roe", "--db", str(built), "--json", "--limit", "1").stdout)
    assert len(one["articles"]) == 1 and one["entity"]["articles"] == 2  # the list is cut, not the count
    assert "first 1 of 2" in invoke("entity", "Jane Roe", "--db", str(built), "--limit", "1").stdout


def test_entity_list_merge_and_split(db):
    listed = json.loads(invoke("entity", "list", "o", "--db", db, "--json").stdout)
    assert listed and all("o" in r["name"].lower() for r in listed)
    merged = invoke("entity", "merge", "Jane Roe", "Paul Stone", "--db", db, "--json")
    assert merged.exit_code == 0, merged.output
    assert json.loads(merged.stdout)["articles"] == 3
    split = invoke("entity", "split", "Jane Roe", "--name", "Paul Stone", "--db", db)
    assert split.exit_code == 0, split.output
    assert "split off" in split.stdout
    assert json.loads(invoke("entity", "Paul Stone", "--db", db, "--json").stdout)["entity"]["articles"] == 1
    again = invoke("entity", "merge", "Jane Roe", "Jane Roe", "--db", db)
    assert again.exit_code == 1 and "itself" in again.stderr


def test_quotes_and_sources(built):
    result = invoke("quotes", "--db", str(built), "--json")
    assert result.exit_code == 0 and isinstance(json.loads(result.stdout), list)
    by = invoke("quotes", "--by", "Jane Roe", "--db", str(built))
    assert by.exit_code == 0, by.output
    both = invoke("quotes", "--by", "a", "--about", "b", "--db", str(built))
    assert both.exit_code == 2
    report = json.loads(invoke("sources", "--db", str(built), "--json").stdout)
    assert report["articles"] == 3 and set(report) >= {"by_kind", "anonymous_share", "top_sources"}
    filtered = json.loads(invoke("sources", "--anonymous", "--outlet", "X", "--author", "Y", "--db", str(built),
                                 "--json").stdout)
    assert filtered["articles"] == 0 and filtered["filters"]["anonymous"] is True
    assert "Sourcing" in invoke("sources", "--db", str(built)).stdout


def test_sources_by_role_and_gender(built):
    report = json.loads(invoke("sources", "--by", "role,gender", "--db", str(built), "--json").stdout)
    roles = {r["role"]: r["sources"] for r in report["shares"]["role"]}
    assert roles.get("official", 0) >= 1 and roles.get("business", 0) >= 1  # "Mayor Jane Roe", "Chief executive"
    assert {r["gender"] for r in report["shares"]["gender"]} >= {"unknown"}
    assert abs(sum(r["sources_share"] for r in report["shares"]["role"]) - 1) < 1e-3
    shown = invoke("sources", "--by", "role,gender", "--db", str(built)).stdout
    assert "Sources by role" in shown and "Sources by gender" in shown
    refused = invoke("sources", "--by", "colour", "--db", str(built))
    assert refused.exit_code != 0 and "colour" in refused.output


def test_reprocess(db):
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET model = 'old-model'")
    result = invoke("reprocess", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["rebuilt"] == 3
    assert json.loads(invoke("stats", "--db", db, "--json").stdout)["counts"]["articles"] == 3
    again = invoke("reprocess", "--db", db)  # nothing older left: the summary says so in its own words
    assert again.exit_code == 0 and "0 rebuilt" in again.output and "stored" not in again.output


def test_export(built, tmp_path):
    result = invoke("export", "--db", str(built))
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 3
    assert json.loads(result.stdout.splitlines()[0])["schema"] == "newsgraph.record/1"
    out = tmp_path / "pq"
    result = invoke("export", "--db", str(built), "--format", "parquet", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert len(pd.read_parquet(out / "articles.parquet")) == 3
    csv = invoke("export", "--db", str(built), "--format", "csv", "--table", "entities")
    assert csv.stdout.startswith("article_id,id,name")
    bad = invoke("export", "--db", str(built), "--format", "parquet", "--table", "nonsense", "--out", "x")
    assert bad.exit_code == 1 and "no table" in bad.stderr


@pytest.mark.parametrize("command", [["stats"], ["search", "x"], ["entity", "x"], ["failures"], ["export"]])
def test_missing_store(tmp_path, command):
    result = invoke(*command, "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1
    assert "no such store" in result.stderr and "Traceback" not in result.output


def test_corrupt_and_locked_store_errors_are_one_line(tmp_path, built, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_LOCK_TIMEOUT", "0.2")
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"garbage" * 1000)
    for command in (["stats"], ["ingest", str(corrupt)]):
        result = invoke(*command, "--db", str(corrupt))
        assert result.exit_code == 1
        assert result.stderr.count("\n") == 1 and "corrupt" in result.stderr and "Traceback" not in result.output
    locked = tmp_path / "locked.db"
    shutil.copy(built, locked)
    blocker = sqlite3.connect(locked, isolation_level=None, timeout=0.1)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        result = invoke("entity", "merge", "#1", "#2", "--db", str(locked))
        assert result.exit_code == 1 and "locked" in result.stderr and result.stderr.count("\n") == 1
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def test_search_table_with_missing_and_present_dates(tmp_path):
    from newsgraph.record import Meta, Record
    from newsgraph.store import Store

    db = tmp_path / "news.db"
    with Store(db) as store:
        store.add(Record(id="a" * 64, text="The bridge opened.", meta=Meta(published="2020-01-02", title="Open")))
        store.add(Record(id="b" * 64, text="The bridge closed."))
        store.add(Record(id="c" * 64, text="A bridge was painted."))
    result = invoke("search", "bridge", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "2020-01-02" in result.stdout and "Open" in result.stdout


def test_progress_rate_and_eta_count_stored_articles_over_wall_time():
    """With workers, records arrive a batch at a time: the rate must not jump to the burst speed."""
    from newsgraph.cli.corpus import _Bar

    now = [100.0]
    bar = _Bar("ingest", get_time=lambda: now[0])
    bar.start(100)
    try:
        # Two workers, batches of 16: every 8 s a batch comes back, its 16 records within 16 ms.
        task = bar.progress.tasks[0]
        rate_column, eta_column = bar.progress.columns[3], bar.progress.columns[5]
        for batch, batch_end in enumerate((108.0, 116.0), 1):
            for i in range(16):
                now[0] = batch_end + i / 1000
                bar.advance()
            now[0] = batch_end + 0.016
            if batch == 1:
                assert task.speed > 100  # rich's windowed estimate sees only the burst (the bug)
            assert str(rate_column.render(task)) == "2.0 articles/s"  # 16 per 8 s
        assert str(eta_column.render(task)) == "ETA 0:00:34"  # 68 left at 2.0/s
        now[0] = 200.0  # nothing came back for a while: the rate falls, the ETA grows
        assert str(rate_column.render(task)) == "0.3 articles/s"
        assert str(eta_column.render(task)) == "ETA 0:03:33"
    finally:
        bar.stop()


@pytest.mark.parametrize(("total", "completed", "elapsed", "rate", "left"), [
    (10, 0, 5.0, None, None),      # nothing stored yet
    (10, 5, 0.0, None, None),      # no time has passed
    (10, 5, None, None, None),     # not started
    (10, 5, 10.0, 0.5, 10.0),
    (10, 10, 4.0, 2.5, 0.0),
    (None, 4, 2.0, 2.0, None),     # unknown total: a rate, no ETA
])
def test_overall_rate_and_remaining_seconds(total, completed, elapsed, rate, left):
    from newsgraph.cli.corpus import overall_rate, remaining_seconds

    assert overall_rate(completed, elapsed) == rate
    assert remaining_seconds(total, completed, elapsed) == left


def test_a_database_sqlite_cannot_write_gives_one_line_also_as_root(db, tmp_path, monkeypatch):
    """SQLite opens the file ``mode=ro`` (as for a file without write permission; root cannot bypass it)."""
    from newsgraph.store import Store

    def read_only_connect(self, memory, timeout):
        uri = Path(self.path).resolve().as_uri() + "?mode=ro"
        return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=timeout)

    monkeypatch.setattr(Store, "_connect", read_only_connect)
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "new.txt").write_text("Senator Ann Lee said on Monday the bill would pass.\n")
    result = invoke("ingest", str(folder), "--db", db)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip() and not line.startswith("ingest ")]  # the bar
    assert lines == [f"newsgraph: {db}: database is read-only; cannot write to it"]
