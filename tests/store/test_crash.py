"""``kill -9`` during an ingest, then resume: exact count, no duplicates, no partial records."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from newsgraph.store import Store

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = ["Jane Roe", "Alan Pike", "Maria Gomez", "Tom Hale", "Paul Stone"]
CITIES = ["Springfield", "Portland", "Denver", "Sacramento", "Austin", "Boston", "Tucson", "Omaha"]


def _articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        who, where = PEOPLE[i % len(PEOPLE)], CITIES[i % len(CITIES)]
        (folder / f"a{i:02d}.txt").write_text(
            f"{who} visited {where} on Monday, day {i} of the tour. "
            f"\"We will build {i + 2} new schools,\" {who} told reporters in {where}.\n"
            f"Officials in {where} said the plan would cost {i + 1} million dollars.\n"
        )
    return folder


def _count(path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.05) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_kill_during_ingest_then_resume(tmp_path, reader):
    folder = _articles(tmp_path / "articles", 40)
    db = tmp_path / "news.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "ingest", str(folder), "--db", str(db), "--batch-size", "2"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    seen = 0
    while time.monotonic() < deadline and proc.poll() is None:
        seen = _count(db) if db.exists() else 0  # a reader queries while the ingest writes
        if seen >= 6:
            break
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    with Store(db) as store:
        before = store.count()
        assert 6 <= before < 40
        # Whatever was written is whole.
        assert store.count("records") == before == store.count("raw_inputs")
        orphans = store.execute("SELECT count(*) FROM entities WHERE article_id NOT IN (SELECT id FROM articles)")
        assert orphans[0][0] == 0

        report = store.ingest([str(folder)], reader)
        assert report.already_stored == before and report.stored == 40 - before
        assert store.count() == 40
        ids = [r[0] for r in store.execute("SELECT id FROM articles")]
        assert len(set(ids)) == 40
        paths = [r[0] for r in store.execute("SELECT path FROM articles")]
        assert sorted(Path(p).name for p in paths) == sorted(p.name for p in folder.iterdir())
        assert store.count("records") == 40 and store.count("raw_inputs") == 40
        assert store.execute("SELECT count(*) FROM articles_fts")[0][0] == 40
        store.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        assert store.execute("PRAGMA integrity_check")[0][0] == "ok"
        assert store.ingest([str(folder)], reader).stored == 0
