"""Building a corpus store: read inputs, parse them, write the records — ingest and re-processing.

Three layers meet here, and only here:

- ``newsgraph.ingest`` is the *input* stage: it finds and reads files, JSONL,
  CSV and standard input into ``Item``s (no parsing, no store);
- ``newsgraph.api.Reader`` turns items into records (spaCy and the extractors);
- ``newsgraph.store`` keeps records in SQLite and knows nothing of either
  (``newsgraph.store.ingest`` is its side of a run: what is new, and one
  transaction per record).

This module is what ``newsgraph ingest`` / ``newsgraph reprocess`` (and
``Store.ingest`` / ``Store.reprocess``, which call it) run. An ingest makes two
passes over the inputs. The first only hashes them (record id = sha256 of the
raw bytes) to learn what is new, so the progress bar knows its total and a
rerun after a crash skips what is stored. The second parses the new ones
(``workers`` processes when asked) and the main process, the only writer,
stores each record with its rows and raw input in one transaction. Inputs that
cannot be read become rows of ``failures``; they are skipped on later runs
unless ``retry_failed``.

A run holds the store's writer lock from the first pass to its end (a second
ingest into the same store waits, then stops with "another ingest is writing
to news.db (pid N)"), and checks the file (``PRAGMA quick_check``) before it
writes; see "Reliability" in docs/store.md.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable, Iterator

from newsgraph.api import Reader, get_reader, record_id
from newsgraph.ingest import Item, iter_items
from newsgraph.store.db import Store, lock_timeout
from newsgraph.store.ingest import (
    IngestReport,
    Progress,
    finish,
    plan,
    stale_ids,
    write,
    writing_run,
)
from newsgraph.store.rows import RawInput


def _inputs(values: list[str | Item], reader: Reader) -> Iterator[Item]:
    """Items from paths (anything ``newsgraph read`` accepts) and ready-made ``Item``s."""
    for value in values:
        if isinstance(value, Item):
            yield value
        else:
            yield from iter_items([str(value)], reader.limits)


def ingest(
    store: Store,
    paths: Iterable[str | Item],
    reader: Reader | None = None,
    *,
    workers: int = 1,
    retry_failed: bool = False,
    batch_size: int = 16,
    progress: Progress | None = None,
) -> IngestReport:
    """Store every new article ``paths`` name (anything ``newsgraph read`` accepts, or ``Item``s).

    Idempotent and resumable: inputs already stored are skipped, failed ones
    too unless ``retry_failed``. ``reader`` defaults to the shared one
    (``newsgraph.api.get_reader()``).
    """
    paths = list(paths)
    with writing_run(store, "ingest into", lock_timeout()):
        return _ingest(store, paths, reader, workers=workers, retry_failed=retry_failed, batch_size=batch_size,
                       progress=progress)


def _ingest(
    store: Store, paths: list[str | Item], reader: Reader | None, *, workers: int, retry_failed: bool,
    batch_size: int, progress: Progress | None,
) -> IngestReport:
    """``ingest`` once the run holds the writer lock."""
    started = time.perf_counter()
    reader = reader if reader is not None else get_reader()
    report = IngestReport()
    # Standard input can be read only once: keep its items for the second pass.
    cached = list(_inputs(paths, reader)) if "-" in paths else None

    def items() -> Iterator[Item]:
        return iter(cached) if cached is not None else _inputs(paths, reader)

    todo = plan(store, (record_id(item) for item in items()), retry_failed, report)
    touched: set[int] = set()
    if progress is not None:
        progress.start(len(todo))
    pending: deque[Item] = deque()

    def feed() -> Iterator[Item]:
        for item in items():
            rid = record_id(item)
            if rid in todo:
                todo.discard(rid)
                pending.append(item)
                yield item

    try:
        for record in reader.read_many(feed(), n_process=workers, batch_size=batch_size):
            item = pending.popleft()
            write(store, record, RawInput.from_item(item), item.where, report, touched, replace=False)
            if progress is not None:
                progress.advance()
    finally:
        finish(store, report, started, touched)
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
    with writing_run(store, "re-process", lock_timeout()):
        return _reprocess(store, reader, everything=everything, workers=workers, batch_size=batch_size,
                          progress=progress)


def _reprocess(
    store: Store, reader: Reader | None, *, everything: bool, workers: int, batch_size: int,
    progress: Progress | None,
) -> IngestReport:
    """``reprocess`` once the run holds the writer lock."""
    started = time.perf_counter()
    reader = reader if reader is not None else get_reader()
    gen = reader.generator
    ids = stale_ids(store, gen.newsgraph, gen.model, gen.pipeline, everything=everything)
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
                write(store, record, RawInput.from_item(item), item.where, report, touched, replace=True)
            if progress is not None:
                progress.advance()
    finally:
        finish(store, report, started, touched)
    return report


__all__ = ["IngestReport", "Progress", "ingest", "reprocess"]
