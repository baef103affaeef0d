"""The store's side of an ingest: what is new, and writing each record (or its failure) whole.

The store never reads or parses an input: ``newsgraph.corpus`` does (through
``newsgraph.ingest`` and a ``Reader``) and calls these functions with the
records. Each article's record, rows and raw input go in one transaction, so a
crash leaves whole articles or nothing; an input that could not be read
becomes a row of ``failures`` with its reason.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from typing import Any, Protocol

from newsgraph.errors import StoreError
from newsgraph.record import Record
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
            if replace:
                delete_article(conn, record.id)
            touched |= insert_record(conn, record, raw)
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
    """Close a run, even one cut short: its duration, and the names of the entities it changed."""
    report.seconds = time.perf_counter() - started
    if touched:
        with store.transaction() as conn:
            refresh(conn, touched)
