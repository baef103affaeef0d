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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.api import Reader, get_reader, record_id
from newsgraph.ingest import Item, iter_items
from newsgraph.settings import Limits
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


@dataclass
class Listing:
    """Which files of a directory an ingest reads: ``list_files``'s ``include``/``exclude`` globs."""

    include: Sequence[str] = ()
    exclude: Sequence[str] = ()


def _inputs(values: list[str | Item], reader: Reader, listing: Listing) -> Iterator[Item]:
    """Items from paths (anything ``newsgraph read`` accepts) and ready-made ``Item``s."""
    for value in values:
        if isinstance(value, Item):
            yield value
        else:
            yield from iter_items([str(value)], reader.limits, include=listing.include, exclude=listing.exclude)


@dataclass
class _RawFinder:
    """The raw input of a loaded record, from the file its ``source.path`` names, when it is still there.

    A record's id is the SHA-256 of its raw input, so the item of that file (or of one of its
    lines) with the same id is the record's raw input and nothing else. The items of the last
    file read are kept, as a records JSONL lists the articles of one file together.
    """

    limits: Limits
    _path: str | None = None
    _by_id: dict[str, Item] = field(default_factory=dict)

    def __call__(self, item: Item) -> Item | None:
        source = (item.record or {}).get("source") or {}
        path = source.get("path") if isinstance(source, dict) else None
        if not isinstance(path, str) or path == "-" or not Path(path).is_file():
            return None
        if path != self._path:
            self._path = path
            self._by_id = {record_id(i): i for i in iter_items([path], self.limits)
                           if not i.error and i.record is None}
        return self._by_id.get(record_id(item))


def _reparse_item(item: Item, raw: Item | None) -> Item:
    """What ``--reprocess`` parses for a loaded record: its raw input, else its clean text and metadata."""
    if raw is not None:
        return raw
    record = item.record or {}
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    source = record.get("source") if isinstance(record.get("source"), dict) else {}
    text = record.get("text") if isinstance(record.get("text"), str) else ""
    authors = meta.get("authors") if isinstance(meta.get("authors"), list) else []
    return Item(where=item.where, format="text", text=text, path=item.path, line=item.line,
                id=source.get("id"), url=source.get("url"), title=meta.get("title"),
                authors=[a for a in authors if isinstance(a, str)], published=meta.get("published"))


def ingest(
    store: Store,
    paths: Iterable[str | Item],
    reader: Reader | None = None,
    *,
    workers: int = 1,
    retry_failed: bool = False,
    batch_size: int = 16,
    progress: Progress | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    reparse_records: bool = False,
    on_warning: Callable[[str], None] | None = None,
) -> IngestReport:
    """Store every new article ``paths`` name (anything ``newsgraph read`` accepts, or ``Item``s).

    Idempotent and resumable: inputs already stored are skipped, failed ones
    too unless ``retry_failed``. ``reader`` defaults to the shared one
    (``newsgraph.api.get_reader()``). ``include``/``exclude`` choose the files of a
    directory (``newsgraph.ingest.list_files``). The lines of a records JSONL (what
    ``newsgraph export`` writes) are stored as they are, with their raw input when the
    file their ``source.path`` names is still there; ``reparse_records`` parses them
    again instead (from that raw input, else from the record's text), keeping their ids.
    ``on_warning`` gets each input's warnings (metadata dropped) as one line.
    """
    paths = list(paths)
    with writing_run(store, "ingest into", lock_timeout()):
        return _ingest(store, paths, reader, workers=workers, retry_failed=retry_failed, batch_size=batch_size,
                       progress=progress, listing=Listing(include, exclude), reparse_records=reparse_records,
                       on_warning=on_warning)


def _ingest(
    store: Store, paths: list[str | Item], reader: Reader | None, *, workers: int, retry_failed: bool,
    batch_size: int, progress: Progress | None, listing: Listing, reparse_records: bool,
    on_warning: Callable[[str], None] | None,
) -> IngestReport:
    """``ingest`` once the run holds the writer lock."""
    started = time.perf_counter()
    reader = reader if reader is not None else get_reader()
    report = IngestReport()
    # Standard input can be read only once: keep its items for the second pass.
    cached = list(_inputs(paths, reader, listing)) if "-" in paths else None
    find_raw = _RawFinder(reader.limits)

    def items() -> Iterator[Item]:
        return iter(cached) if cached is not None else _inputs(paths, reader, listing)

    todo = plan(store, (record_id(item) for item in items()), retry_failed, report)
    touched: set[int] = set()
    if progress is not None:
        progress.start(len(todo))
    # Each parsed item with the id its record is stored under and the item whose raw input is kept.
    pending: deque[tuple[Item, str, Item | None]] = deque()

    def feed() -> Iterator[Item]:
        for item in items():
            rid = record_id(item)
            if rid in todo:
                todo.discard(rid)
                if on_warning is not None:
                    for warning in item.warnings:
                        on_warning(f"{item.where}: {warning}")
                raw = find_raw(item) if item.record is not None else item
                if item.record is not None and reparse_records:
                    item = _reparse_item(item, raw)
                pending.append((item, rid, raw))
                yield item

    try:
        for record in reader.read_many(feed(), n_process=workers, batch_size=batch_size):
            item, rid, raw = pending.popleft()
            if record.id != rid and not record.source.error:  # a record parsed again from its text
                record = record.model_copy(update={"id": rid})
            raw_input = RawInput.from_item(raw) if raw is not None else None
            write(store, record, raw_input, item.where, report, touched, replace=False)
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


__all__ = ["IngestReport", "Listing", "Progress", "ingest", "reprocess"]
