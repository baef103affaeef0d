"""A store in a directory nobody may write (or on read-only media) is queried and served.

Tests run as root, whom permissions do not stop, so the decision itself
(``readonly_uri``) is also run as the unprivileged user ``nobody`` through
``setpriv``, with the system Python and nothing but the standard library.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.errors import StoreError
from newsgraph.store import Store
from newsgraph.store.readonly import readonly_uri
from newsgraph.web import create_app

READONLY_MODULE = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "store" / "readonly.py"
SYSTEM_PYTHON = Path("/usr/bin/python3")
NOBODY = 65534
#: Seconds the unprivileged subprocess may take.
SUBPROCESS_TIMEOUT_S = 30


@pytest.fixture
def sealed(make_record) -> Iterator[Path]:
    """A closed store (no -wal, no -shm) in a directory, both made read-only, readable by anyone."""
    top = Path(tempfile.mkdtemp(prefix="newsgraph-ro-"))
    top.chmod(0o755)
    folder = top / "sealed"
    folder.mkdir()
    path = folder / "news.db"
    with Store(path) as store:
        store.add(make_record("Mayor Jane Roe closed the old bridge.", [("Jane Roe", "PERSON", ["Jane Roe"])]))
    assert not Path(str(path) + "-wal").exists()
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield path
    finally:
        folder.chmod(0o755)
        shutil.rmtree(top)


def test_queries_open_the_store_read_only(sealed: Path) -> None:
    with Store(sealed, readonly=True) as store:
        assert "mode=ro" in readonly_uri(sealed)
        assert store.count() == 1
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.conn.execute("DELETE FROM failures")
        with pytest.raises(StoreError, match="read-only"):
            store.merge_entities("a", "b")


def test_immutable_only_where_nothing_can_write(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    Store(path).close()
    assert readonly_uri(path).endswith("?mode=ro")  # a writable directory: a writer may come, keep the locks


def test_a_store_in_a_read_only_directory_is_served(sealed: Path) -> None:
    client = TestClient(create_app(sealed))
    assert client.get("/api/stats").json()["counts"]["articles"] == 1
    assert client.get("/api/search", params={"q": "bridge"}).status_code == 200
    assert client.get("/").status_code == 200


def _as_nobody(code: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", str(SYSTEM_PYTHON), "-c", code,
         str(READONLY_MODULE), str(path)],
        capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT_S, cwd="/",
    )


NOBODY_READS = """
import importlib.util, os, sqlite3, sys
spec = importlib.util.spec_from_file_location("readonly", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
path = sys.argv[2]
print("writable", os.access(os.path.dirname(path), os.W_OK))
try:
    plain = sqlite3.connect("file:" + path + "?mode=ro", uri=True)
    plain.execute("SELECT count(*) FROM articles").fetchone()
    print("plain ok")
except sqlite3.Error as exc:
    print("plain fails:", exc)
uri = module.readonly_uri(path)
print("uri", uri)
print("articles", sqlite3.connect(uri, uri=True).execute("SELECT count(*) FROM articles").fetchone()[0])
"""


@pytest.mark.skipif(shutil.which("setpriv") is None or not SYSTEM_PYTHON.exists() or os.geteuid() != 0,
                    reason="needs root, setpriv and a system Python to run as nobody")
def test_nobody_reads_a_store_in_a_read_only_directory(sealed: Path) -> None:
    done = _as_nobody(NOBODY_READS, sealed)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "writable False" in lines
    assert any(line.startswith("plain fails:") for line in lines)  # what every query command hit before
    assert f"uri {sealed.as_uri()}?mode=ro&immutable=1" in lines
    assert "articles 1" in lines
