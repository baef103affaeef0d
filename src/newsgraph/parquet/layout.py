"""The Parquet corpus on disk: one dataset per table, Hive-partitioned by publication month.

::

    OUT/articles/month=2024-03/part-<key>.parquet
    OUT/entities/month=2024-03/part-<key>.parquet
    ...
    OUT/terms/month=2024-03/part-<key>.parquet    the search index (``newsgraph.parquet.terms``)
    OUT/failures/part-<key>.parquet
    OUT/_done/<key>.json              one per input partition written whole (the resume marker)
    OUT/corpus_entities.parquet       built by ``newsgraph.parquet.entities`` (cross-article entities)
    OUT/entity_links.parquet

The columns of each table are the store's (``newsgraph.store.rows.COLUMNS``,
rows built by ``rows.article_rows``), so SQLite and Parquet hold the same rows;
the datasets add ``corpus_order`` (the order of the inputs, what ``rowid`` is in
the store) and the ``month`` partition key. The location may be a local
directory or any URI ``pyarrow.fs`` opens (``s3://bucket/corpus``, ``gs://…``).
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from newsgraph.store.rows import COLUMNS, FAILURE_COLUMNS

#: The partition of articles without a publication date.
UNDATED = "undated"
#: The directory of resume markers, one per input partition written whole.
DONE_DIR = "_done"
#: The search index (``newsgraph.parquet.terms``): an article's stemmed terms, their counts, its length in tokens.
TERMS_COLUMNS = ("article_id", "term", "tf", "n_tokens")
#: The datasets the workers write: every article table, the search index, then the failed inputs.
TABLES = (*COLUMNS, "terms", "failures")
#: The order column every dataset adds: the input's position in the run, as ``rowid`` in the store.
ORDER = "corpus_order"

_INT = pa.int64()
#: Columns that are not text; every other column is a string.
_TYPES: dict[str, pa.DataType] = {
    "line": _INT, "n_words": _INT, "salience": pa.float64(), "n_mentions": _INT, "start": _INT, "end": _INT,
    "anchored": _INT, "anonymous": _INT, "count": _INT, "declined_to_comment": _INT, "cue_start": _INT,
    "cue_end": _INT, "content_start": _INT, "content_end": _INT, "quoted": _INT, "negated": _INT,
    "sentence_start": _INT, "sentence_end": _INT, "position": _INT, "corpus_entity_id": _INT, "data": pa.binary(),
    "tf": _INT, "n_tokens": _INT, "main": _INT, ORDER: _INT,
}


def columns(table: str) -> tuple[str, ...]:
    """The columns of ``table`` in a Parquet dataset (the store's, then ``corpus_order``)."""
    own = {"failures": FAILURE_COLUMNS, "terms": TERMS_COLUMNS}.get(table) or COLUMNS[table]
    return (*own, ORDER)


def schema(table: str) -> pa.Schema:
    return pa.schema([(c, _TYPES.get(c, pa.string())) for c in columns(table)])


def month_of(published: str | None) -> str:
    """The partition of an article: ``YYYY-MM`` of its publication date, else ``undated``."""
    return published[:7] if published and len(published) >= 7 and published[4] == "-" else UNDATED


@dataclass
class Location:
    """A corpus location: a ``pyarrow`` filesystem and the root path on it."""

    fs: pafs.FileSystem
    root: str

    @classmethod
    def of(cls, out: str | os.PathLike[str]) -> Location:
        text = os.fspath(out)
        if "://" not in text:
            text = os.path.abspath(text)
        fs, root = pafs.FileSystem.from_uri(text)
        return cls(fs, root.rstrip("/"))

    def path(self, *parts: str) -> str:
        return "/".join((self.root, *parts))

    def exists(self, *parts: str) -> bool:
        return self.fs.get_file_info(self.path(*parts)).type != pafs.FileType.NotFound

    def files(self, *parts: str, suffix: str = ".parquet") -> list[str]:
        """Files under ``parts`` (recursively) ending in ``suffix``, sorted."""
        if not self.exists(*parts):
            return []
        infos = self.fs.get_file_info(pafs.FileSelector(self.path(*parts), recursive=True))
        return sorted(i.path for i in infos if i.type == pafs.FileType.File and i.path.endswith(suffix))

    def write_json(self, data: dict[str, Any], *parts: str) -> None:
        self.fs.create_dir(self.path(*parts[:-1]), recursive=True)
        tmp = self.path(*parts) + f".{uuid.uuid4().hex}.tmp"
        with self.fs.open_output_stream(tmp) as fh:
            fh.write(json.dumps(data).encode("utf-8"))
        self.fs.move(tmp, self.path(*parts))

    def read_json(self, *parts: str) -> dict[str, Any]:
        with self.fs.open_input_stream(self.path(*parts)) as fh:
            return json.loads(fh.read().decode("utf-8"))

    def done(self) -> set[str]:
        """The keys of the input partitions already written whole."""
        return {p.rsplit("/", 1)[-1][: -len(".json")] for p in self.files(DONE_DIR, suffix=".json")}


def write_table(loc: Location, table: str, rows: Iterable[tuple], key: str, month: str | None) -> int:
    """Write one partition's rows of ``table`` (``columns(table)`` order) as one file; returns rows written.

    The file is written under a temporary name and moved into place, and its
    name depends only on the input partition's key: a task run twice (a worker
    lost mid-task, the task retried elsewhere) replaces its file, never adds one.
    """
    rows = list(rows)
    if not rows:
        return 0
    names = columns(table)
    data = pa.Table.from_pylist([dict(zip(names, r, strict=True)) for r in rows], schema=schema(table))
    parts = (table,) if month is None else (table, f"month={month}")
    loc.fs.create_dir(loc.path(*parts), recursive=True)
    final = loc.path(*parts, f"part-{key}.parquet")
    tmp = final + f".{uuid.uuid4().hex}.tmp"
    pq.write_table(data, tmp, filesystem=loc.fs, compression="zstd")
    loc.fs.move(tmp, final)
    return len(rows)


def row_group_bounds(meta: pq.FileMetaData, column: str) -> list[tuple[Any, Any] | None] | None:
    """Each row group's (min, max) of ``column`` from a file's footer, ``None`` for a group without them;
    ``None`` when the file has no such column.

    The derived files are sorted by one column and written with statistics on it, so these bounds
    say which row groups can hold a value without reading any (the term, entity and article readers).
    """
    names = [meta.schema.column(i).name for i in range(meta.num_columns)]
    if column not in names:
        return None
    col = names.index(column)
    bounds: list[tuple[Any, Any] | None] = []
    for g in range(meta.num_row_groups):
        stats = meta.row_group(g).column(col).statistics
        bounds.append((stats.min, stats.max) if stats is not None and stats.has_min_max else None)
    return bounds
