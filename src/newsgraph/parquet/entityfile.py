"""Reading a derived file sorted by corpus entity: one entity's rows found from its row groups' bounds (pyarrow).

The entity files of ``newsgraph.parquet.derived`` (``entity_articles``,
``entity_quotes``, ``entity_events``, and the small ``entity_names``,
``entity_titles``, ``entity_co_mentions``) are sorted by ``corpus_entity_id`` and
then by a section (a quote's role; whether an event is dated) and a rank
(``position``), with min/max statistics on ``corpus_entity_id``. A DuckDB
statement on one of them cost 100–240 ms at 1,000,000 articles even when it
returned nothing (``count(*)`` of one entity alone 60–120 ms: it plans the query
and tests the zone maps of 1,076–1,502 row groups each time). Here the groups
that hold an entity are a contiguous run found by bisecting their bounds (read
once, when the file is opened); within the run, the first group of the wanted
section is found by bisecting again on a few small key columns, and the groups
are read in order until ``enough`` rows are found or the section ends. Only the
groups that hold wanted rows are read whole. This is ``termfile.TermFile``'s
approach applied to the entity files.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Callable, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from newsgraph.errors import StoreError
from newsgraph.parquet.layout import row_group_bounds

#: The key every entity file is sorted by first.
KEY = "corpus_entity_id"
#: Whole row groups kept decoded per file (16,384 rows with their texts: up to tens of MB each), so an entity
#: read again (its profile's two quote lists, a page reloaded) decodes nothing; and groups' key columns
#: (a few small columns), so bisecting an entity's run reads each once.
CACHED_GROUPS = 4
CACHED_KEY_GROUPS = 64

#: Where each row of an entity's key columns stands against the wanted section: -1 before it, 0 in it, 1 after.
Section = Callable[[pa.Table], np.ndarray]
#: Which rows of the section are wanted (a rank below a limit).
Wanted = Callable[[pa.Table], np.ndarray]


class EntityFile:
    """One derived Parquet file sorted by ``corpus_entity_id`` (with statistics on it)."""

    def __init__(self, path: str, keys: Sequence[str]) -> None:
        """Open ``path``; ``keys``: the small columns (besides ``corpus_entity_id``) a section and a rank read."""
        self.path = path
        self.file = pq.ParquetFile(path)
        meta = self.file.metadata
        self.columns = [meta.schema.column(i).name for i in range(meta.num_columns)]
        if KEY not in self.columns:
            raise StoreError(f"{path}: no {KEY} column")
        self.keys = [KEY, *(k for k in keys if k != KEY)]
        self.low: list[int] = []
        self.high: list[int] = []
        self.sizes: list[int] = []
        for i, bound in enumerate(row_group_bounds(meta, KEY) or ()):
            if bound is None:
                raise StoreError(f"{path}: row group {i} has no {KEY} statistics (rebuild the derived datasets)")
            self.low.append(int(bound[0]))
            self.high.append(int(bound[1]))
            self.sizes.append(meta.row_group(i).num_rows)
        self.schema = self.file.schema_arrow
        self._whole: OrderedDict[int, pa.Table] = OrderedDict()
        self._keys: OrderedDict[int, pa.Table] = OrderedDict()

    def groups(self, cid: int) -> range:
        """The row groups that may hold rows of entity ``cid``."""
        return range(bisect.bisect_left(self.high, cid), bisect.bisect_right(self.low, cid))

    def _read(self, cache: OrderedDict[int, pa.Table], i: int, columns: list[str]) -> pa.Table:
        table = cache.get(i)
        if table is None:
            table = cache[i] = self.file.read_row_group(i, columns=columns)
            if len(cache) > (CACHED_KEY_GROUPS if cache is self._keys else CACHED_GROUPS):
                cache.popitem(last=False)
        else:
            cache.move_to_end(i)
        return table

    def _key_rows(self, i: int, cid: int) -> tuple[pa.Table, np.ndarray]:
        """Group ``i``'s key columns and the mask of entity ``cid``'s rows in it."""
        keys = self._read(self._keys, i, self.keys)
        if self.low[i] == self.high[i] == cid:
            return keys, np.ones(keys.num_rows, dtype=bool)
        return keys, pc.equal(keys.column(KEY), cid).to_numpy(zero_copy_only=False)

    def count(self, cid: int) -> int:
        """How many rows entity ``cid`` has (a group holding that entity alone is counted from its footer)."""
        total = 0
        for i in self.groups(cid):
            total += self.sizes[i] if self.low[i] == self.high[i] == cid else int(self._key_rows(i, cid)[1].sum())
        return total

    def _last_section(self, i: int, cid: int, section: Section) -> int:
        keys, mine = self._key_rows(i, cid)
        where = np.flatnonzero(mine)
        return int(section(keys.take(pa.array(where[-1:])))[0]) if len(where) else -1

    def take(self, cid: int, section: Section, wanted: Wanted, enough: int | None = None) -> pa.Table:
        """Entity ``cid``'s rows in the wanted section for which ``wanted`` holds, in file order.

        The rows of one entity must be sorted by section (before, in, after) in
        the file. Reading stops at the section's end, or once ``enough`` rows
        are found (when the wanted ranks are the section's first ``enough``).
        """
        run = self.groups(cid)
        lo, hi = run.start, run.stop
        while lo < hi:  # the first group whose last row of the entity is in the section or after it
            mid = (lo + hi) // 2
            if self._last_section(mid, cid, section) < 0:
                lo = mid + 1
            else:
                hi = mid
        parts: list[pa.Table] = []
        got = 0
        for i in range(lo, run.stop):
            keys, mine = self._key_rows(i, cid)
            where = np.flatnonzero(mine)
            if not len(where):
                continue
            mine_keys = keys.take(pa.array(where))
            places = section(mine_keys)
            pick = where[(places == 0) & wanted(mine_keys)]
            if len(pick):
                parts.append(self._read(self._whole, i, self.columns).take(pa.array(pick)))
                got += len(pick)
            if (enough is not None and got >= enough) or places[-1] > 0:
                break
        if not parts:
            return self.schema.empty_table()
        return pa.concat_tables(parts)


def in_section(column: str, value: object) -> Section:
    """Rows sorted by ``column`` (a string): before, at or after ``value``."""

    def place(keys: pa.Table) -> np.ndarray:
        values = keys.column(column)
        return (pc.greater(values, value).to_numpy(zero_copy_only=False).astype(np.int8)
                - pc.less(values, value).to_numpy(zero_copy_only=False).astype(np.int8))

    return place


def by_null(column: str, *, null: bool) -> Section:
    """Rows sorted with ``column`` set first, then null: the set part (``null=False``) or the null part."""

    def place(keys: pa.Table) -> np.ndarray:
        is_null = pc.is_null(keys.column(column)).to_numpy(zero_copy_only=False).astype(np.int8)
        return is_null - 1 if null else is_null

    return place


def every_row(keys: pa.Table) -> np.ndarray:
    """One section: all the entity's rows."""
    return np.zeros(keys.num_rows, dtype=np.int8)


def every_row_wanted(keys: pa.Table) -> np.ndarray:
    """Every row of the section."""
    return np.ones(keys.num_rows, dtype=bool)


def rank_below(column: str, limit: int) -> Wanted:
    """Rows whose rank ``column`` is set and below ``limit``."""

    def wanted(keys: pa.Table) -> np.ndarray:
        kept = pc.fill_null(pc.less(keys.column(column), limit), False)
        return kept.to_numpy(zero_copy_only=False).astype(bool)

    return wanted
