"""Fetching a few articles by ``corpus_order`` from the ``articles`` dataset's row groups (pyarrow).

A search over the derived postings names its page of hits by ``corpus_order``
and then needs their heads and texts (for the snippets). As one DuckDB
statement (``corpus_order IN (…)`` over the whole dataset) that lookup was 153
of 196 ms of a search at 1,000,000 articles: the statement is planned and the
``corpus_order`` column of every row group is read and tested. Here the
datasets' files are opened once and their row groups' ``corpus_order`` bounds
(min/max statistics in the footers) kept as two arrays; a hit's candidate
groups are the few whose bounds hold it, and only those are read, their
``corpus_order`` column first (a few KB) and the wanted columns only where a
hit is. Groups may overlap (the workers' files each cover a narrow range, but
a partition's articles are split by month): every group whose bounds hold an
order is tried, so the answer is the plain filter's. Articles are written in
input order, so a page of hits (the latest matches) lies in a few groups; the
last groups read are kept decoded, as a next search of a common word reads
the same latest ones.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from newsgraph.parquet.layout import ORDER, row_group_bounds

#: Threads decoding a lookup's row groups (zstd and pyarrow's decoding release the GIL).
READ_THREADS = 2
#: Row groups kept decoded (a group of 2,048–16,384 articles with their texts is a few MB).
CACHED_GROUPS = 8


@functools.cache
def _pool() -> ThreadPoolExecutor:
    """The lookup's threads, started once: new threads per search each took fresh allocator heaps (the
    driver's memory grew by 100 MB over 40 searches)."""
    return ThreadPoolExecutor(READ_THREADS, thread_name_prefix="article-groups")


class ArticleGroups:
    """The row groups of the ``articles`` files, found by their ``corpus_order`` bounds."""

    def __init__(self, paths: Sequence[str]) -> None:
        """Read the footers of ``paths`` (local Parquet files); ``usable`` is false when a group has no bounds."""
        self.paths = list(paths)
        self.files = [pq.ParquetFile(p, pre_buffer=False) for p in self.paths]
        low: list[int] = []
        high: list[int] = []
        self.places: list[tuple[int, int]] = []  # (file, row group) of each bound pair
        self.usable = True
        for f, file in enumerate(self.files):
            meta = file.metadata
            bounds = row_group_bounds(meta, ORDER)
            if bounds is None:
                self.usable = False
                continue
            for g, bound in enumerate(bounds):
                if meta.row_group(g).num_rows == 0:
                    continue
                if bound is None:
                    self.usable = False
                    continue
                low.append(int(bound[0]))
                high.append(int(bound[1]))
                self.places.append((f, g))
        self.low = np.asarray(low, dtype=np.int64)
        self.high = np.asarray(high, dtype=np.int64)
        self._whole: OrderedDict[tuple[int, int, tuple[str, ...]], pa.Table] = OrderedDict()

    def candidates(self, orders: Sequence[int]) -> list[int]:
        """Indexes into ``places`` of the groups whose bounds hold any of ``orders``, in file order."""
        wanted = np.asarray(sorted(set(orders)), dtype=np.int64)
        if not len(wanted) or not len(self.low):
            return []
        # For each group, the first wanted order at or above its low bound: the group may hold it if it is
        # not above its high bound.
        first = np.searchsorted(wanted, self.low, side="left")
        inside = first < len(wanted)
        inside[inside] = wanted[first[inside]] <= self.high[inside]
        return [int(i) for i in np.flatnonzero(inside)]

    def _decode(self, f: int, g: int, columns: tuple[str, ...]) -> pa.Table:
        """Group ``g`` of file ``f``, its ``columns`` (nulls for a column a file lacks: ``union_by_name``).
        Each call opens its own reader over the parsed footer, so that threads share no reader."""
        file = pq.ParquetFile(self.paths[f], metadata=self.files[f].metadata, pre_buffer=False)
        present = [c for c in columns if c in file.schema_arrow.names]
        table = file.read_row_group(g, columns=present, use_threads=False)
        for c in columns:
            if c not in present:
                table = table.append_column(c, pa.nulls(table.num_rows))
        return table.select(list(columns))

    def _keep(self, key: tuple[int, int, tuple[str, ...]], table: pa.Table) -> None:
        self._whole[key] = table
        self._whole.move_to_end(key)
        if len(self._whole) > CACHED_GROUPS:
            self._whole.popitem(last=False)

    def rows(self, orders: Sequence[int], columns: Sequence[str]) -> dict[int, tuple]:
        """The ``columns`` of the articles whose ``corpus_order`` is in ``orders``, by order (the first row
        found when an order is written twice)."""
        cols = tuple(dict.fromkeys((*columns, ORDER)))
        wanted = pa.array(sorted(set(orders)), type=pa.int64())
        hits: list[tuple[int, int, np.ndarray]] = []
        for i in self.candidates(orders):
            f, g = self.places[i]
            cached = self._whole.get((f, g, cols))  # decoded before: its orders are there
            order_col = (cached.column(ORDER) if cached is not None
                         else self.files[f].read_row_group(g, columns=[ORDER], use_threads=False).column(ORDER))
            hit = np.flatnonzero(pc.is_in(order_col, value_set=wanted).to_numpy(zero_copy_only=False))
            if len(hit):
                hits.append((f, g, hit))
        decoded = {(f, g): self._whole.get((f, g, cols)) for f, g, _ in hits}
        missing = [fg for fg, table in decoded.items() if table is None]
        if len(missing) > 1 and READ_THREADS > 1:  # decompressing the texts is most of a lookup
            decoded.update(zip(missing, _pool().map(lambda fg: self._decode(*fg, cols), missing), strict=True))
        found: dict[int, tuple] = {}
        for f, g, hit in hits:
            table = decoded[(f, g)]
            if table is None:
                table = decoded[(f, g)] = self._decode(f, g, cols)
            self._keep((f, g, cols), table)
            picked = table.take(pa.array(hit))
            values = [picked.column(c).to_pylist() for c in columns]
            for order, *row in zip(picked.column(ORDER).to_pylist(), *values, strict=True):
                found.setdefault(int(order), tuple(row))
        return found
