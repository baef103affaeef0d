"""Faults on real stores with real processes: ``kill -9`` and resume, two writers, corrupt files, back-ups.

Each fault's outcome is written up in docs/store.md ("Reliability").
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.store import Store
from newsgraph.store.ingest import writer_lock

ROOT = Path(__file__).resolve().parents[2]

#: People first named by surname alone, then in full: the corpus entity's display name changes
#: ("Hale" → "Tom Hale") only when the run that stored them refreshes it.
PEOPLE = [("Hale", "Tom Hale"), ("Pike", "Alan Pike"), ("Gomez", "Maria Gomez"), ("Stone", "Paul Stone")]
CITIES = ["Springfield", "Portland", "Denver", "Sacramento", "Austin", "Boston"]


def write_small_articles(folder: Path, n: int = 20) -> Path:
    """``n`` short articles in one block per person: surname alone twice, then the full name.

    A run killed inside a block leaves that person's corpus entity named by the
    surname unless the resume refreshes what the killed run touched: later
    blocks do not touch it again.
    """
    folder.mkdir(parents=True, exist_ok=True)
    block = max(1, n // len(PEOPLE))
    for i in range(n):
        surname, full = PEOPLE[min(i // block, len(PEOPLE) - 1)]
        where = CITIES[i % len(CITIES)]
        name = surname if i % block < 2 else full
        (folder / f"a{i:02d}.txt").write_text(
            f"Senator {name} visited {where} on Monday, day {i} of the tour. "
            f"\"We will build {i + 2} new schools,\" {name} told reporters in {where}.\n"
            f"Officials in {where} said the plan would cost {i + 1} million dollars.\n",
            encoding="utf-8",
        )
    return folder


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def newsgraph(*args: str, **kwargs) -> subprocess.Popen:
    """A real ``newsgraph`` process (the worktree's sources)."""
    kwargs.setdefault("env", env())
    return subprocess.Popen([sys.executable, "-m", "newsgraph", *args], **kwargs)


def count(path: Path, table: str = "articles") -> int:
    """Rows of ``table`` as a concurrent reader sees them (0 while the store is being made)."""
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.05) as conn:
            return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.Error:
        return 0


#: FTS5 keeps its index in b-tree segments whose layout depends on merge history, not content:
#: compared through ``articles_fts_docsize`` and the FTS integrity check instead.
FTS_LAYOUT = ("articles_fts_data", "articles_fts_idx", "articles_fts_config", "articles_fts")


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, in rowid order, without timestamp columns (``*_at``): what two stores compare by."""
    tables: dict[str, list[tuple]] = {}
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        for name in names:
            if name in FTS_LAYOUT:
                continue
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({name})") if not r[1].endswith("_at")]
            listed = ", ".join(f'"{c}"' for c in columns)
            try:
                rows = conn.execute(f"SELECT rowid, {listed} FROM {name} ORDER BY rowid").fetchall()
            except sqlite3.OperationalError:  # WITHOUT ROWID
                rows = sorted(conn.execute(f"SELECT {listed} FROM {name}").fetchall(), key=repr)
            tables[name] = rows
    return tables


def differences(a: dict[str, list[tuple]], b: dict[str, list[tuple]]) -> list[str]:
    """What differs between two dumps, table by table (empty when identical)."""
    out = []
    for name in sorted(set(a) | set(b)):
        if a.get(name) != b.get(name):
            left, right = a.get(name, []), b.get(name, [])
            first = next((f"{x!r} != {y!r}" for x, y in zip(left, right, strict=False) if x != y), "")
            out.append(f"{name}: {len(left)} vs {len(right)} rows; first difference {first[:300]}")
    return out


# --- kill -9 and resume ---------------------------------------------------------------------

#: kill-and-restart cycles before the resume; each costs a process start (the model loads).
KILLS = 3


def _kill_at_random(folder: Path, db: Path, n: int, rng: random.Random) -> int:
    """Start an ingest and SIGKILL it at a random moment: after a random number of new articles.

    The target may be the last article, so the kill can also land in the run's
    end, where corpus entity names are refreshed.
    """
    proc = newsgraph("ingest", str(folder), "--db", str(db), "--batch-size", "2",
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    target = rng.randint(min(count(db) + 1, n), n)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None and count(db) < target:
        time.sleep(0.005)
    time.sleep(rng.uniform(0.0, 0.03))
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return proc.returncode


def test_kill_at_random_moments_then_resume_equals_a_clean_ingest(tmp_path, reader):
    folder = write_small_articles(tmp_path / "articles", 20)
    clean = tmp_path / "clean.db"
    with Store(clean) as store:
        assert store.ingest([str(folder)], reader).stored == 20
    killed = tmp_path / "killed.db"
    rng = random.Random(int(os.environ.get("NEWSGRAPH_TEST_SEED", time.time_ns())))
    codes = [_kill_at_random(folder, killed, 20, rng) for _ in range(KILLS) if count(killed) < 20]
    assert -signal.SIGKILL in codes, "every ingest finished before it could be killed"
    with Store(killed) as store:
        store.ingest([str(folder)], reader)  # the resume
        assert store.execute("PRAGMA integrity_check")[0][0] == "ok"
        store.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        assert store.check().ok
    assert differences(dump(clean), dump(killed)) == []


def test_names_a_killed_run_touched_are_refreshed_by_the_resume(tmp_path, reader, monkeypatch):
    """Deterministic form of the above: the run dies after its last article, in its end (a fault injected)."""
    folder = write_small_articles(tmp_path / "articles", 12)
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    with Store(clean) as store:
        store.ingest([str(folder)], reader)
    with Store(killed) as store:
        from newsgraph.store import ingest as store_ingest

        def die(*args: object, **kwargs: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(store_ingest, "refresh", die)
        with pytest.raises(KeyboardInterrupt):
            store.ingest([str(folder)], reader)
        monkeypatch.undo()
        assert store.count() == 12
        assert store.check().problems  # names wait for their refresh: check says so
        report = store.ingest([str(folder)], reader)
        assert report.already_stored == 12 and report.stored == 0
        assert store.check().ok
    assert "Tom Hale" in [row[2] for row in dump(clean)["corpus_entities"]]
    assert differences(dump(clean), dump(killed)) == []


# --- two writers ------------------------------------------------------------------------------


def test_two_ingests_of_the_same_inputs_at_once_store_each_article_once_without_failures(tmp_path, reader):
    folder = write_small_articles(tmp_path / "articles", 12)
    db, clean = tmp_path / "news.db", tmp_path / "clean.db"
    with Store(clean) as store:
        store.ingest([str(folder)], reader)
    # A lock timeout longer than the first ingest takes on a busy machine: the second waits, never gives up.
    procs = [newsgraph("ingest", str(folder), "--db", str(db), "--json", stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True, env={**env(), "NEWSGRAPH_LOCK_TIMEOUT": "120"})
             for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
    reports = [json.loads(out) for out, _ in outs]
    assert sorted(r["stored"] for r in reports) == [0, 12]  # the second waited for the first, then had nothing to do
    assert all(r["failed"] == 0 for r in reports)
    assert count(db, "failures") == 0
    assert differences(dump(clean), dump(db)) == []


def test_a_second_writer_is_told_who_holds_the_store(tmp_path, reader):
    folder = write_small_articles(tmp_path / "articles", 4)
    db = tmp_path / "news.db"
    with Store(db) as store, writer_lock(store, 0):
        proc = newsgraph("ingest", str(folder), "--db", str(db), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env={**env(), "NEWSGRAPH_LOCK_TIMEOUT": "0.5"})
        _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert f"another ingest is writing to news.db (pid {os.getpid()})" in err
    assert len(err.strip().splitlines()) == 1  # one line, no traceback
    with Store(db) as store:  # the lock went with its holder
        assert store.ingest([str(folder)], reader).stored == 4


# --- corruption ---------------------------------------------------------------------------------

#: Pages overwritten in the middle of a store file, and the bytes written (reproducible garbage).
CORRUPT_PAGES = 3
GARBAGE_SEED = 14


def _corrupt_middle(db: Path) -> None:
    """Overwrite data pages in the middle of a closed store (its WAL checkpointed into the file).

    The pages are taken from the middle of those holding rows, not the schema's:
    damage to ``sqlite_schema`` makes the file unopenable, a different fault.
    """
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        data = [r[0] for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name != 'sqlite_schema' ORDER BY pageno")]
    assert len(data) > 4 * CORRUPT_PAGES, "the store is too small to corrupt in the middle"
    rng = random.Random(GARBAGE_SEED)
    with open(db, "r+b") as f:
        for number in data[len(data) // 2:len(data) // 2 + CORRUPT_PAGES]:
            f.seek(page * (number - 1))
            f.write(rng.randbytes(page))


def test_ingest_of_stored_inputs_and_check_report_a_store_corrupt_in_the_middle(tmp_path, reader):
    folder = write_small_articles(tmp_path / "articles", 20)
    db = tmp_path / "news.db"
    with Store(db) as store:
        store.ingest([str(folder)], reader)
        assert store.check().ok and store.check().counts["articles"] == 20
    _corrupt_middle(db)
    for args in (("ingest", str(folder)), ("check",), ("reprocess",)):
        proc = newsgraph(*args, "--db", str(db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 1, (args, err)
        assert "Traceback" not in err
        assert "corrupt" in err or "malformed" in err or "problem" in err, (args, err)
    with Store(db, readonly=True) as store:
        report = store.check()
    assert not report.ok and any("integrity_check" in p or "cannot read" in p for p in report.problems)


def test_check_names_what_is_wrong(tmp_path, make_record):
    db = tmp_path / "news.db"
    texts = ["Jane Roe spoke in Springfield on Monday.", "Jane Roe met Alan Pike in Portland."]
    with Store(db) as store:
        for text in texts:
            store.add(make_record(text, [("Jane Roe", "PERSON", ["Jane Roe"])]))
        assert store.check().ok
        assert store.check().notes  # added without raw inputs: said, not a failure
        first = store.execute("SELECT id FROM articles ORDER BY rowid LIMIT 1")[0][0]
        store.conn.execute("PRAGMA foreign_keys = OFF")  # damage the store the way a bug or a hand edit would
        store.conn.execute("DELETE FROM entities WHERE article_id = ?", (first,))
        store.conn.execute("INSERT INTO failures (id, \"where\", reason, attempts, failed_at) "
                           "VALUES (?, 'x', 'bogus', 1, 'now')", (first,))
        store.conn.execute("UPDATE corpus_entities SET name = 'Roe'")
        store.conn.execute("DELETE FROM records WHERE id = ?", (first,))
        store.conn.execute("INSERT INTO mentions (article_id, entity_id, start, \"end\", text) "
                           "VALUES ('nowhere', 'e1', 0, 1, 'x')")
        problems = " | ".join(store.check().problems)
    for expected in ("mentions without their entity", "failure rows for stored articles", "stale names",
                     "articles without their record", "rows of mentions point to no row of articles"):
        assert expected in problems, problems
    proc = newsgraph("check", "--db", str(db), "--json", stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 1 and json.loads(out)["ok"] is False


# --- back-ups -----------------------------------------------------------------------------------


def test_backup_during_an_ingest_is_a_whole_store(tmp_path, reader):
    folder = write_small_articles(tmp_path / "articles", 20)
    db, clean = tmp_path / "news.db", tmp_path / "clean.db"
    with Store(clean) as store:
        store.ingest([str(folder)], reader)
    proc = newsgraph("ingest", str(folder), "--db", str(db), "--batch-size", "1",
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while count(db) < 1 and time.monotonic() < deadline:
        time.sleep(0.005)
    copies = []
    while proc.poll() is None and len(copies) < 5:
        with Store(db, readonly=True) as store:
            copies.append(store.backup(tmp_path / f"copy{len(copies)}.db"))
    assert proc.wait(timeout=120) == 0
    assert copies, "the ingest finished before a back-up was taken"
    for copy in copies:
        assert not Path(str(copy) + "-wal").exists()  # one self-contained file
        with Store(copy, readonly=True) as store:
            report = store.check()
            n = store.count()
        # A snapshot of a run in progress: whole articles, names not refreshed yet (the run's end does that).
        assert [p for p in report.problems if "wait for their names" not in p] == [], report.problems
        assert report.counts["records"] == report.counts["raw_inputs"] == report.counts["articles_fts"] == n
    with Store(copies[-1]) as store:  # an ingest into the copy finishes what the snapshot had not
        store.ingest([str(folder)], reader)
        assert store.check().ok
    assert differences(dump(clean), dump(copies[-1])) == []
    with Store(db, readonly=True) as store, pytest.raises(StoreError, match="already exists"):
        store.backup(copies[0])


def test_backup_command(tmp_path, make_record):
    db, out = tmp_path / "news.db", tmp_path / "saved" / "news.db"
    with Store(db) as store:
        store.add(make_record("Jane Roe spoke in Springfield on Monday.", [("Jane Roe", "PERSON", ["Jane Roe"])]))
    out.parent.mkdir()
    proc = newsgraph("backup", "--db", str(db), str(out), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert differences(dump(db), dump(out)) == []
    again = newsgraph("backup", "--db", str(db), str(out), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, err = again.communicate(timeout=60)
    assert again.returncode == 1 and "already exists" in err
