"""Ingest and re-processing: read articles through ``Reader.read_many``, write them one by one.

Ingest makes two passes over the inputs. The first only hashes them (record id
= sha256 of the raw bytes) to learn what is new, so the progress bar knows its
total and a rerun after a crash skips what is stored. The second parses the new
ones (``n_process`` workers when asked) and the main process, the only writer,
stores each record with its rows and raw input in one transaction. Inputs that
cannot be read become rows of ``failures`` with their reason; they are skipped
on later runs unless ``retry_failed``.
"""

from __future__ import annotations

import sqlite3
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Protocol

from newsgraph.api import record_id as record_id_of
from newsgraph.errors import StoreError
from newsgraph.ingest import Item, iter_items
from newsgraph.record import Record
from newsgraph.store.entities import refresh
from newsgraph.store.rows import RawInput, delete_article, insert_record, record_failure

if TYPE_CHECKING:
    from newsgraph.api import Reader
    from newsgraph.store.db import Store


class Progress(Protocol):
    """What ingest reports to a progress bar."""

    def start(self, total: int) -> None: ...

    def advance(self, n: int = 1) -> None: ...


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


def _reader(reader: Reader | None) -> Reader:
    if reader is not None:
        return reader
    from newsgraph.api import get_reader

    return get_reader()


def _plan(store: Store, items: Iterator[Item], retry_failed: bool, report: IngestReport) -> set[str]:
    """Ids of the inputs to parse: new ones, and failed ones when retrying."""
    todo: set[str] = set()
    conn = store.conn
    for item in items:
        report.inputs += 1
        rid = record_id_of(item)
        if rid in todo:
            report.duplicates += 1
        elif conn.execute("SELECT 1 FROM articles WHERE id = ?", (rid,)).fetchone():
            report.already_stored += 1
        elif not retry_failed and conn.execute("SELECT 1 FROM failures WHERE id = ?", (rid,)).fetchone():
            report.skipped_failed += 1
        else:
            todo.add(rid)
    return todo


def _write(
    store: Store, record: Record, item: Item | None, report: IngestReport, touched: set[int], *, replace: bool
) -> None:
    """Store one record, or its failure, in one transaction."""
    version = record.generator.newsgraph if record.generator else None
    where = item.where if item is not None else record.source.where
    if record.source.error:
        with store.transaction() as conn:
            record_failure(conn, record.id, where, record.source.path, record.source.line, record.source.error,
                           version)
        report.failed += 1
        return
    raw = RawInput.from_item(item) if item is not None else None
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


def _inputs(values: list[str | Item], reader: Reader) -> Iterator[Item]:
    """Items from paths (anything ``newsgraph read`` accepts) and ready-made ``Item``s."""
    for value in values:
        if isinstance(value, Item):
            yield value
        else:
            yield from iter_items([str(value)], reader.limits)


def _finish(store: Store, report: IngestReport, started: float, touched: set[int]) -> None:
    """Close a run, even one cut short: its duration, and the names of the entities it changed."""
    report.seconds = time.perf_counter() - started
    if touched:
        with store.transaction() as conn:
            refresh(conn, touched)


def ingest(
    store: Store,
    paths: list[str | Item],
    reader: Reader | None = None,
    *,
    workers: int = 1,
    retry_failed: bool = False,
    batch_size: int = 16,
    progress: Progress | None = None,
) -> IngestReport:
    """Store every new article ``paths`` name (anything ``newsgraph read`` accepts, or ``Item``s)."""
    if store.readonly:
        raise StoreError(f"{store.path}: opened read-only; cannot ingest into it")
    started = time.perf_counter()
    reader = _reader(reader)
    report = IngestReport()
    # Standard input can be read only once: keep its items for the second pass.
    cached = list(_inputs(paths, reader)) if "-" in paths else None

    def items() -> Iterator[Item]:
        return iter(cached) if cached is not None else _inputs(paths, reader)

    todo = _plan(store, items(), retry_failed, report)
    touched: set[int] = set()
    if progress is not None:
        progress.start(len(todo))
    pending: deque[Item] = deque()

    def feed() -> Iterator[Item]:
        for item in items():
            rid = record_id_of(item)
            if rid in todo:
                todo.discard(rid)
                pending.append(item)
                yield item

    try:
        for record in reader.read_many(feed(), n_process=workers, batch_size=batch_size):
            _write(store, record, pending.popleft(), report, touched, replace=False)
            if progress is not None:
                progress.advance()
    finally:
        _finish(store, report, started, touched)
    return report


def reprocess(
    store: Store,
    reader: Reader | None = None,
    *,
    everything: bool = False,
    workers: int = 1,
    batch_size: int = 16,
    progress: Progress | None = None,
) -> IngestReport:
    """Rebuild, in place, records another generator made (all with ``everything``).

    A generator is the newsgraph version, the model and the pipeline fingerprint
    (``newsgraph.api.pipeline_fingerprint``); a record differing in any is rebuilt.

    Each record is rebuilt from its stored raw input and replaces the old one
    under the same id in one transaction; corpus entities resolve again through
    the kept keys and user decisions.
    """
    if store.readonly:
        raise StoreError(f"{store.path}: opened read-only; cannot re-process it")
    started = time.perf_counter()
    reader = _reader(reader)
    gen = reader.generator
    ids = [r[0] for r in store.execute(
        "SELECT id FROM articles WHERE ? OR newsgraph_version IS NOT ? OR model IS NOT ? OR pipeline IS NOT ? "
        "ORDER BY rowid",
        (int(everything), gen.newsgraph, gen.model, gen.pipeline),
    )]
    report = IngestReport(inputs=len(ids))
    touched: set[int] = set()
    if progress is not None:
        progress.start(len(ids))
    pending: deque[tuple[str, Item]] = deque()

    def feed() -> Iterator[Item]:
        for article_id in ids:
            raw = store.raw_input(article_id)
            if raw is None:
                report.no_raw_input += 1
                if progress is not None:
                    progress.advance()
                continue
            item = raw.to_item()
            pending.append((article_id, item))
            yield item

    try:
        for record in reader.read_many(feed(), n_process=workers, batch_size=batch_size):
            article_id, item = pending.popleft()
            if record.id != article_id:  # the id scheme changed: the stored id stays
                record = record.model_copy(update={"id": article_id})
            if record.source.error:
                # Keep the old record; say why the new one could not be made.
                report.failed += 1
            else:
                _write(store, record, item, report, touched, replace=True)
            if progress is not None:
                progress.advance()
    finally:
        _finish(store, report, started, touched)
    return report
