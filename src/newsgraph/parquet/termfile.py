"""Reading a Parquet file sorted by term: a term's rows found from the row groups' statistics, read with pyarrow.

The derived search files (``search_postings.parquet``, ``search_terms.parquet``,
see ``newsgraph.parquet.derived``) are sorted by ``term`` and carry min/max
statistics for it, so the row groups that hold a term are a contiguous run
found by bisecting the groups' bounds, read once the file's footer is parsed.
A DuckDB statement on the same file cost 25–110 ms at 1,000,000 articles (it
plans the query and scans the zone maps of all 3,491 row groups each time);
reading a term's first row groups directly costs 4–12 ms. The postings are
sorted latest article first within a term, so a term's row groups, in file
order, hold its postings from the latest down, and ``corpus_order`` statistics
let a read skip the groups above or below the range it wants. A group whose
``term`` bounds are both the term read holds nothing else (a long list's
middle groups): its ``term`` column is not decoded, the costliest column of a
group (strings), and a read at given articles (``postings_at``) takes only
the rows of those articles from each group, found by bisection.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from newsgraph.errors import StoreError
from newsgraph.parquet.layout import ORDER, row_group_bounds

#: Decoded row groups kept per file, so a search that reads a list a round at a time decodes each group
#: once (a postings group of 65,536 rows holds about 1.5 MB of columns).
CACHED_GROUPS = 32


class TermFile:
    """One Parquet file sorted by ``term`` (statistics on ``term``, and on ``corpus_order`` where present)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.file = pq.ParquetFile(path)
        meta = self.file.metadata
        names = [meta.schema.column(i).name for i in range(meta.num_columns)]
        if "term" not in names:
            raise StoreError(f"{path}: no term column")
        self.columns = names
        #: The columns read from a group that holds one term only (its term is known from the bounds).
        self.value_columns = [n for n in names if n != "term"]
        self.low: list[str] = []
        self.high: list[str] = []
        #: Each group's lowest and highest ``corpus_order`` (over all its terms), for skipping groups.
        self.order_low = np.zeros(meta.num_row_groups, dtype=np.int64)
        self.order_high = np.zeros(meta.num_row_groups, dtype=np.int64)
        order_bounds = row_group_bounds(meta, ORDER)
        for i, bound in enumerate(row_group_bounds(meta, "term") or ()):
            if bound is None:
                raise StoreError(f"{path}: row group {i} has no term statistics (rebuild the derived datasets)")
            self.low.append(bound[0])
            self.high.append(bound[1])
            if order_bounds is not None:
                self.order_low[i], self.order_high[i] = order_bounds[i] or (-(2**62), 2**62)
        self._cache: OrderedDict[tuple[int, bool], pa.Table] = OrderedDict()

    def groups(self, first: str, last: str | None = None) -> range:
        """The row groups that may hold a term in ``first``..``last`` (one term without ``last``)."""
        last = first if last is None else last
        return range(bisect.bisect_left(self.high, first), bisect.bisect_right(self.low, last))

    def _group(self, i: int, *, with_term: bool = True) -> pa.Table:
        """Group ``i`` decoded (without its ``term`` column unless ``with_term``), kept among the last
        ``CACHED_GROUPS``."""
        key = (i, with_term)
        table = self._cache.get(key)
        if table is None:
            table = self.file.read_row_group(i, columns=self.columns if with_term else self.value_columns)
            self._cache[key] = table
            if len(self._cache) > CACHED_GROUPS:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return table

    def _term_rows(self, i: int, term: str) -> pa.Table:
        """The rows of ``term`` in group ``i`` (a contiguous run: the group is sorted by term); without the
        ``term`` column when the group's bounds say every row is ``term``."""
        if self.low[i] == term == self.high[i]:
            return self._group(i, with_term=False)
        table = self._group(i)
        terms = table.column("term")
        lo = int(pc.sum(pc.less(terms, term)).as_py() or 0)
        hi = lo + int(pc.sum(pc.equal(terms, term)).as_py() or 0)
        return table.slice(lo, hi - lo)

    def lookup(self, terms: list[str], column: str) -> dict[str, int]:
        """``column`` of each of ``terms`` found (one row per term, as ``search_terms.parquet``)."""
        found: dict[str, int] = {}
        for term in terms:
            for i in self.groups(term):
                rows = self._term_rows(i, term)
                if rows.num_rows:
                    found[term] = int(rows.column(column)[0].as_py())
                    break
        return found

    def prefixed(self, prefix: str, column: str) -> list[tuple[str, int]]:
        """Every term starting with ``prefix``, with its ``column``, in term order."""
        out: list[tuple[str, int]] = []
        end = prefix[:-1] + chr(ord(prefix[-1]) + 1) if prefix else None
        groups = self.groups(prefix, end) if end is not None else range(len(self.low))
        for i in groups:
            table = self._group(i)
            keep = pc.starts_with(table.column("term"), prefix)
            picked = table.filter(keep)
            out.extend(zip(picked.column("term").to_pylist(), picked.column(column).to_pylist(), strict=True))
        return out

    def postings(self, term: str, *, below: int | None = None, at_least: int | None = None,
                 limit: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``term``'s postings with ``at_least`` ≤ corpus_order < ``below``, latest first, at most ``limit``:
        (corpus_order, tf, n_tokens)."""
        parts = list(self._postings(term, below, at_least, limit))
        if not parts:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        return tuple(np.concatenate([p[k] for p in parts]) for k in range(3))  # type: ignore[return-value]

    def _postings(self, term: str, below: int | None, at_least: int | None,
                  limit: int | None) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        got = 0
        for i in self.groups(term):
            if limit is not None and got >= limit:
                return
            if at_least is not None and self.order_high[i] < at_least:
                return  # this group and the term's later ones are all older
            if below is not None and self.order_low[i] >= below:
                continue  # every row of the group is at or above ``below``
            rows = self._term_rows(i, term)
            if not rows.num_rows:
                continue
            orders = rows.column(ORDER).to_numpy().astype(np.int64, copy=False)
            keep = np.ones(len(orders), dtype=bool)
            if below is not None:
                keep &= orders < below
            if at_least is not None:
                keep &= orders >= at_least
            picked = np.flatnonzero(keep)
            if limit is not None:
                picked = picked[: limit - got]
            got += len(picked)
            yield (orders[picked], rows.column("tf").to_numpy().astype(np.int64, copy=False)[picked],
                   rows.column("n_tokens").to_numpy().astype(np.int64, copy=False)[picked])

    def postings_at(self, term: str, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``term``'s postings at the articles ``wanted`` (``corpus_order``, unique, latest first), latest
        first: (corpus_order, tf, n_tokens). Only the groups whose ``corpus_order`` bounds hold a wanted
        article are read, and in each the wanted rows are found by bisecting its (sorted) orders, so the
        cost is decoding those groups, not testing every posting against every wanted article."""
        parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        if len(wanted):
            back = -np.asarray(wanted, dtype=np.int64)  # ascending, for searchsorted
            for i in self.groups(term):
                if self.order_high[i] < wanted[-1]:
                    break  # this group and the term's later ones are all older than every wanted article
                start = int(np.searchsorted(back, -self.order_high[i], side="left"))
                end = int(np.searchsorted(back, -self.order_low[i], side="right"))
                if start == end:
                    continue  # no wanted article within the group's bounds
                rows = self._term_rows(i, term)
                if not rows.num_rows:
                    continue
                orders = rows.column(ORDER).to_numpy().astype(np.int64, copy=False)
                sub = back[start:end]
                at = np.searchsorted(-orders, sub)
                inside = at < len(orders)
                at = at[inside]
                at = at[orders[at] == -sub[inside]]
                if len(at):
                    parts.append((orders[at], rows.column("tf").to_numpy().astype(np.int64, copy=False)[at],
                                  rows.column("n_tokens").to_numpy().astype(np.int64, copy=False)[at]))
        if not parts:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        return tuple(np.concatenate([p[k] for p in parts]) for k in range(3))  # type: ignore[return-value]
