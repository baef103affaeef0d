"""Cutting the inputs into partitions: small files grouped, large JSONL/CSV files cut into line ranges.

A partition is the unit of work, of writing and of resuming: one task reads
it, writes its rows as one file per table, then its marker. Its key depends
only on what it names (paths, line ranges, file sizes), so a rerun over the
same inputs finds the partitions already written and skips them.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsgraph.ingest import Item, iter_items
from newsgraph.ingest.inputs import list_files
from newsgraph.settings import Limits

#: Whole files read by one task: enough to keep a worker's model busy, few enough to balance two workers.
FILES_PER_PARTITION = 16
#: Lines (JSONL) or physical lines (CSV) of a large file read by one task.
LINES_PER_PARTITION = 500
#: Suffixes (before ``.gz``) of the container formats cut into line ranges.
SPLIT_SUFFIXES = (".jsonl", ".csv")
#: ``corpus_order`` = partition index × this + position in the partition (more items than any partition holds).
ORDER_STRIDE = 1_000_000


@dataclass(frozen=True)
class Span:
    """One input of a partition: a whole file, or the entries of ``first``..``last`` (line numbers) of one."""

    path: str
    first: int | None = None
    last: int | None = None

    def keeps(self, item: Item) -> bool:
        if self.first is None or self.last is None:
            return True
        if item.line is None:  # a file-level failure (unreadable, no CSV text column) goes with the first range
            return self.first == 1
        return self.first <= item.line <= self.last


@dataclass(frozen=True)
class Partition:
    """A task's share of the inputs; ``index`` is its place in the run (the order of its records)."""

    index: int
    key: str
    spans: tuple[Span, ...]

    def items(self, limits: Limits | None = None) -> Iterator[Item]:
        """The items of this partition, in input order (the same items ``iter_items`` gives for them)."""
        for span in self.spans:
            for item in iter_items([span.path], limits):
                if span.keeps(item):
                    yield item


def _inner_suffix(path: str) -> str:
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1]


def _count_lines(path: str) -> int:
    opener = gzip.open if path.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as fh:
            return sum(1 for _ in fh)
    except OSError:
        return 0  # the reader reports the file's failure


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return -1


def _key(spans: list[Span]) -> str:
    named = [(s.path, s.first, s.last, _size(s.path)) for s in spans]
    return hashlib.sha256(json.dumps(named).encode("utf-8")).hexdigest()[:24]


def partitions(
    paths: Iterable[str], *, include: Iterable[str] = (), exclude: Iterable[str] = (),
    files_per_partition: int = FILES_PER_PARTITION, lines_per_partition: int = LINES_PER_PARTITION,
) -> list[Partition]:
    """The partitions of the files ``paths`` name (listed as ``newsgraph read`` lists them), in input order."""
    groups: list[list[Span]] = []
    pending: list[Span] = []
    for listed in list_files([str(p) for p in paths], include=include, exclude=exclude):
        path = str(listed)
        if path == "-":
            raise ValueError("standard input cannot be read by a cluster; write it to a file first")
        lines = _count_lines(path) if _inner_suffix(path) in SPLIT_SUFFIXES else 0
        if lines > lines_per_partition:
            if pending:
                groups.append(pending)
                pending = []
            # CSV row numbers start at 2 (the header is line 1); one more range than needed costs nothing.
            for first in range(1, lines + 2, lines_per_partition):
                groups.append([Span(path, first, first + lines_per_partition - 1)])
            continue
        pending.append(Span(path))
        if len(pending) >= files_per_partition:
            groups.append(pending)
            pending = []
    if pending:
        groups.append(pending)
    return [Partition(i, _key(spans), tuple(spans)) for i, spans in enumerate(groups)]
