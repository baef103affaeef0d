"""Faults on real stores with real processes: ``kill -9`` and resume, two writers, corrupt files, back-ups.

Each fault's outcome is written up in docs/store.md ("Reliability").
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.store import Store

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
    return subprocess.Popen([sys.executable, "-m", "newsgraph", *args], env=env(), **kwargs)


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
