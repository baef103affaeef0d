"""The store's side of an ingest: what is new, and writing each record (or its failure) whole.

The store never reads or parses an input: ``newsgraph.corpus`` does (through
``newsgraph.ingest`` and a ``Reader``) and calls these functions with the
records. Each article's record, rows and raw input go in one transaction, so a
crash leaves whole articles or nothing; an input that could not be read
becomes a row of ``failures`` with its reason.

Three guards make a run leave the store as a clean run would:

- the corpus entities an article touches are listed in ``entity_refresh`` in
  the article's own transaction, and every run's end refreshes the whole list:
  a run killed before its end leaves the list, and the next run (the resume)
  refreshes it, so names come out as one uninterrupted run gives them;
- one writer at a time (``writer_lock``: an exclusive lock on
  ``news.db-writer.lock``, which the kernel drops when the process dies), and an
  insert that finds its article already stored counts it as stored, not failed;
- ``check_intact`` runs ``PRAGMA quick_check`` before a run writes, so a store
  corrupt in the middle is reported even when every input is already stored.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

from newsgraph.errors import StoreError
from newsgraph.record import Record
from newsgraph.store import duplicates, event_clusters
from newsgraph.store.entities import refresh
from newsgraph.store.rows import RawInput, delete_article, insert_record, record_failure


class Progress(Protocol):
    """What ingest reports to a progress bar."""

    def start(self, total: int) -> None: ...

    def advance(self, n: int = 1) -> None: ...


class Writable(Protocol):
    """What these functions need of a ``Store`` (named so this module need not import ``db``)."""

    path: str
    readonly: bool
    conn: sqlite3.Connection

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def execute(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]: ...


@dataclass
class IngestReport:
    """What an ingest or re-processing run did."""

    inputs: int = 0
    stored: int = 0
    already_stored: int = 0
    skipped_failed: int = 0
    duplicates: int = 0
    failed: int = 0
    rebuilt: int = 0
    no_raw_input: int = 0
    seconds: float = 0.0

    @property
    def per_second(self) -> float:
        done = self.stored + self.failed + self.rebuilt
        return done / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {**asdict(self), "per_second": round(self.per_second, 2)}


def check_writable(store: Writable, doing: str) -> None:
    """Refuse a run on a store opened read-only, before any input is read."""
    if store.readonly:
        raise StoreError(f"{store.path}: opened read-only; cannot {doing} it")


#: Suffix of the lock file next to a store that one writing run holds (``news.db-writer.lock``).
LOCK_SUFFIX = "-writer.lock"
#: Seconds between two tries to take the writer lock while another run holds it.
LOCK_POLL = 0.1
#: The table of corpus entities touched by committed articles and not refreshed yet. It is made by the
#: first run that writes (not a migration: a store made before it stays readable on read-only media).
REFRESH_TABLE = "entity_refresh"


def lock_path(store_path: str) -> Path:
    return Path(store_path + LOCK_SUFFIX)


@contextmanager
def writer_lock(store: Writable, timeout: float) -> Iterator[None]:
    """Hold the store's writer lock for a whole run: a second ingest waits ``timeout`` s, then stops.

    SQLite serialises single transactions, not runs: two ingests of the same
    inputs both planned the same articles, and the loser of each insert wrote
    a failure row for an article that was stored. ``flock`` is dropped by the
    kernel when the holder dies (``kill -9``), so a crash never leaves the store
    locked; the file only names the holder's pid for the message.
    """
    if store.path == ":memory:":
        yield
        return
    try:
        import fcntl
    except ImportError:  # no flock (Windows): the race-safe insert in ``write`` still holds
        yield
        return
    path = lock_path(store.path)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        # A directory we cannot write: the store's own write will say it is read-only.
        yield
        return
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
                    raise StoreError(
                        f"another ingest is writing to {Path(store.path).name} (pid {holder}); "
                        "try again when it finishes"
                    ) from None
                time.sleep(LOCK_POLL)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # closing drops the lock


def check_intact(store: Writable) -> None:
    """Refuse to write into a corrupt store: ``PRAGMA quick_check`` reads every page once.

    Without it an ingest whose inputs were all stored read only the id index
    and returned 0 on a file corrupt in the middle.
    """
    try:
        rows = store.conn.execute("PRAGMA quick_check(5)").fetchall()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path}: the store is corrupt ({exc}); see: newsgraph check --db {store.path}") from exc
    if [r[0] for r in rows] != ["ok"]:
        raise StoreError(f"{store.path}: the store is corrupt ({rows[0][0]}); see: newsgraph check --db {store.path}")


@contextmanager
def writing_run(store: Writable, doing: str, timeout: float) -> Iterator[None]:
    """What every writing run does first: refuse a read-only store, take the writer lock, check the file.

    ``doing`` names the run in the read-only message ("ingest into", "re-process").
    """
    check_writable(store, doing)
    with writer_lock(store, timeout):
        check_intact(store)
        yield


def note_touched(conn: sqlite3.Connection, ids: Iterable[int]) -> None:
    """List corpus entities to refresh at the run's end, inside the caller's (the article's) transaction."""
    conn.execute(f"CREATE TABLE IF NOT EXISTS {REFRESH_TABLE} (id INTEGER PRIMARY KEY)")
    conn.executemany(f"INSERT OR IGNORE INTO {REFRESH_TABLE} (id) VALUES (?)", [(i,) for i in ids])


def pending_refresh(conn: sqlite3.Connection) -> set[int]:
    """Corpus entities committed articles touched whose names a run's end has not refreshed yet."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                          (REFRESH_TABLE,)).fetchone()
    return {int(r[0]) for r in conn.execute(f"SELECT id FROM {REFRESH_TABLE}")} if exists else set()


def plan(store: Writable, ids: Iterable[str], retry_failed: bool, report: IngestReport) -> set[str]:
    """The record ids to parse among ``ids``: new ones, and failed ones when retrying."""
    todo: set[str] = set()
    conn = store.conn
    for rid in ids:
        report.inputs += 1
        if rid in todo:
            report.duplicates += 1
        elif conn.execute("SELECT 1 FROM articles WHERE id = ?", (rid,)).fetchone():
            report.already_stored += 1
        elif not retry_failed and conn.execute("SELECT 1 FROM failures WHERE id = ?", (rid,)).fetchone():
            report.skipped_failed += 1
        else:
            todo.add(rid)
    return todo


def write(
    store: Writable, record: Record, raw: RawInput | None, where: str, report: IngestReport, touched: set[int],
    *, replace: bool,
) -> None:
    """Store one record, or its failure, in one transaction; ``where`` names its input in messages."""
    version = record.generator.newsgraph if record.generator else None
    if record.source.error:
        with store.transaction() as conn:
            record_failure(conn, record.id, where, record.source.path, record.source.line, record.source.error,
                           version)
        report.failed += 1
        return
    try:
        with store.transaction() as conn:
            before: set[int] = set()
            blocks: set[tuple[int, int]] = set()
            if replace:
                # The entities the old record named lose an article: their names are refreshed too.
                before = {int(r[0]) for r in conn.execute(
                    "SELECT DISTINCT corpus_entity_id FROM entities WHERE article_id = ? "
                    "AND corpus_entity_id IS NOT NULL", (record.id,))}
                blocks = event_clusters.blocks_of(conn, record.id)
                duplicates.forget(conn, record.id)
                delete_article(conn, record.id)
            elif conn.execute("SELECT 1 FROM articles WHERE id = ?", (record.id,)).fetchone():
                # Stored since ``plan`` (another writer, or the same input twice under other names):
                # checked inside the write transaction, so a lost race is never a failure.
                report.already_stored += 1
                return
            ids = insert_record(conn, record, raw) | before
            event_clusters.add_article(conn, record.id, blocks)  # its events join or start corpus events
            duplicates.index_article(conn, record.id)
            note_touched(conn, ids)
            touched |= ids
            # The input is stored now: forget its failure, and an older failure at the same place.
            conn.execute('DELETE FROM failures WHERE id = ? OR "where" = ?', (record.id, where))
    except StoreError as exc:
        if not isinstance(exc.__cause__, sqlite3.IntegrityError):
            raise
        # A record the tables cannot hold (e.g. two parts with one id): keep the input as a failure.
        with store.transaction() as conn:
            record_failure(conn, record.id, where, record.source.path, record.source.line,
                           f"record could not be stored ({exc.__cause__})", version)
        report.failed += 1
        return
    if replace:
        report.rebuilt += 1
    else:
        report.stored += 1


def stale_ids(
    store: Writable, newsgraph: str, model: str | None, pipeline: str | None, *, everything: bool
) -> list[str]:
    """Ids of the articles another generator made (all with ``everything``), in ingest order."""
    return [r[0] for r in store.execute(
        "SELECT id FROM articles WHERE ? OR newsgraph_version IS NOT ? OR model IS NOT ? OR pipeline IS NOT ? "
        "ORDER BY rowid",
        (int(everything), newsgraph, model, pipeline),
    )]


def finish(store: Writable, report: IngestReport, started: float, touched: set[int]) -> None:
    """Close a run, even one cut short: its duration, and the names of the entities it changed.

    The entities refreshed are those this run touched and those a killed run
    left in ``entity_refresh``, in one transaction that empties the list: the
    names are then those one uninterrupted run gives. (Refreshing at the start
    of the resume instead would change names, hence types that resolution
    reads, before articles a clean run resolves with the older ones.)
    """
    report.seconds = time.perf_counter() - started
    if store.readonly:
        return
    if touched or pending_refresh(store.conn):
        with store.transaction() as conn:
            refresh(conn, touched | pending_refresh(conn))
            conn.execute(f"DELETE FROM {REFRESH_TABLE}")
