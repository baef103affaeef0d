"""Exports: whole records as JSONL, each table as JSONL, CSV or Parquet, or the corpus graph as GraphML or GEXF.

Rows stream out in chunks, so memory stays flat whatever the store's size.
Parquet files get a schema from the table's declared column types (so a chunk
of NULLs cannot change a column's type) and are read by pandas and DuckDB alike.
JSON-valued columns (``articles.authors``, ``entities.titles``, ``records.record``)
stay JSON text.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from newsgraph.errors import StoreError
from newsgraph.store.graph import EDGE_ARTICLES, corpus_graph

if TYPE_CHECKING:
    import pyarrow as pa

FORMATS = ("jsonl", "csv", "parquet")
#: Formats of the corpus graph (``export_graph``), written by networkx, read by networkx and Gephi.
GRAPH_FORMATS = ("graphml", "gexf")
#: What ``--table`` accepts: the record tables, corpus entities, failures, and whole records.
EXPORT_TABLES = (
    "records", "articles", "entities", "mentions", "attributions", "sources", "times", "events", "relations",
    "warnings", "corpus_entities", "failures",
)
CHUNK_ROWS = 2000
#: Columns the store keeps as ISO text that a Parquet export types as timestamps (pandas and DuckDB
#: then compare and group them as dates). A time with an offset is converted to UTC; one without is kept
#: as written (a publication time is the outlet's local time, its zone unknown).
TIMESTAMP_COLUMNS = frozenset({"published", "ingested_at", "failed_at", "made_at", "created_at"})


def table_query(name: str) -> str:
    """The SELECT that exports table ``name``."""
    if name not in EXPORT_TABLES:
        raise StoreError(f"no table {name!r}; tables: {', '.join(EXPORT_TABLES)}")
    if name == "records":
        return "SELECT r.id, r.json AS record FROM articles a JOIN records r ON r.id = a.id ORDER BY a.rowid"
    if name == "corpus_entities":
        return ("SELECT c.id, c.name, c.type, c.created_at, "
                "(SELECT count(DISTINCT article_id) FROM entities e WHERE e.corpus_entity_id = c.id) AS articles, "
                "(SELECT group_concat(key, '|') FROM entity_keys k WHERE k.corpus_entity_id = c.id) AS keys "
                "FROM corpus_entities c ORDER BY c.id")
    return f"SELECT * FROM {name} ORDER BY rowid"


def _arrow_type(declared: str) -> pa.DataType:
    import pyarrow as pa

    declared = declared.upper()
    if "INT" in declared:
        return pa.int64()
    if "REAL" in declared or "FLOA" in declared or "DOUB" in declared:
        return pa.float64()
    return pa.string()


def _schema(conn: sqlite3.Connection, name: str, columns: list[str]) -> pa.Schema:
    import pyarrow as pa

    declared = {r[1]: r[2] for r in conn.execute(f"PRAGMA table_info({name})")} if name != "records" else {}
    if name == "corpus_entities":
        declared.update(articles="INTEGER", keys="TEXT")
    return pa.schema([(c, pa.timestamp("s") if c in TIMESTAMP_COLUMNS else _arrow_type(declared.get(c, "TEXT")))
                      for c in columns])


def _timestamp(value: str | None, where: str) -> datetime | None:
    """An ISO date or datetime of the store as a naive datetime (UTC when it carries an offset)."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise StoreError(f"{where}: {value!r} is not an ISO date; the store was edited by hand?") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def _chunks(cur: sqlite3.Cursor) -> Iterator[list[tuple]]:
    while rows := cur.fetchmany(CHUNK_ROWS):
        yield rows


@contextmanager
def _open_text(out: Path | None) -> Iterator[IO[str]]:
    if out is None:
        yield sys.stdout
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        yield fh


def _write_records_jsonl(conn: sqlite3.Connection, out: Path | None) -> None:
    cur = conn.execute("SELECT r.json FROM articles a JOIN records r ON r.id = a.id ORDER BY a.rowid")
    with _open_text(out) as fh:
        for rows in _chunks(cur):
            fh.writelines(row[0] + "\n" for row in rows)


def _write_table(conn: sqlite3.Connection, name: str, fmt: str, out: Path | None) -> None:
    cur = conn.execute(table_query(name))
    columns = [d[0] for d in cur.description]
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        assert out is not None
        out.parent.mkdir(parents=True, exist_ok=True)
        schema = _schema(conn, name, columns)
        with pq.ParquetWriter(str(out), schema) as writer:
            wrote = False
            for rows in _chunks(cur):
                arrays = [pa.array([_timestamp(r[i], f"{name}.{column}") for r in rows] if column in TIMESTAMP_COLUMNS
                                   else [r[i] for r in rows], type=schema.field(i).type)
                          for i, column in enumerate(columns)]
                writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=schema))
                wrote = True
            if not wrote:
                writer.write_table(schema.empty_table())
        return
    with _open_text(out) as fh:
        if fmt == "csv":
            writer = csv.writer(fh)
            writer.writerow(columns)
            for rows in _chunks(cur):
                writer.writerows(rows)
        else:
            for rows in _chunks(cur):
                fh.writelines(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n"
                              for row in rows)


def export(conn: sqlite3.Connection, fmt: str, out: str | Path | None, *, table: str | None = None) -> list[Path]:
    """Write the store out; returns the files written (none when writing to standard output).

    - ``table=None`` and ``jsonl``: whole records, one per line (to ``out`` or stdout);
    - ``table=None`` and ``csv``/``parquet``: every table into the directory ``out``;
    - ``table=NAME``: that table into the file ``out`` (stdout for jsonl/csv when ``out`` is None).
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    target = None if out is None or str(out) == "-" else Path(out)
    if table is None and fmt == "jsonl":
        _write_records_jsonl(conn, target)
        return [target] if target else []
    if table is None:
        if target is None:
            raise StoreError(f"exporting every table as {fmt} needs --out DIRECTORY")
        if target.exists() and not target.is_dir():
            raise StoreError(f"{target}: exists and is not a directory")
        written = []
        for name in EXPORT_TABLES:
            path = target / f"{name}.{fmt}"
            _write_table(conn, name, fmt, path)
            written.append(path)
        return written
    if fmt == "parquet" and target is None:
        raise StoreError("parquet export needs --out FILE")
    if table == "records" and fmt == "jsonl":
        _write_records_jsonl(conn, target)
    else:
        _write_table(conn, table, fmt, target)
    return [target] if target else []


# --- the corpus graph -------------------------------------------------------------------


def graph_network(conn: sqlite3.Connection, *, min_weight: int = 1, types: Iterable[str] | None = None,
                  articles: int = EDGE_ARTICLES) -> Any:
    """The corpus graph (``store.graph.corpus_graph``) as a networkx ``MultiDiGraph``.

    Nodes are corpus entity ids with ``label`` and ``name``, ``type``, ``articles``
    and ``mentions``; each edge has ``kind`` (co_mention, relation, event),
    ``weight``, ``polarity`` and ``label`` (an event's predicates; ``""`` when
    none), ``articles`` (up to ``articles`` ids, space-separated) and
    ``article_count``. Its key is the kind, with the polarity for a relation
    (``relation:negative``), so one pair may have one edge of each. Event edges
    go from actor to target, relations as the record states them, co-mentions
    from the lower id to the higher (they have no direction).
    """
    import networkx as nx

    found = corpus_graph(conn, min_weight=min_weight, types=types, articles=articles)
    net = nx.MultiDiGraph(name="newsgraph corpus graph")
    for node in found.nodes:
        net.add_node(node.id, label=node.name, name=node.name, type=node.type or "", articles=node.articles,
                     mentions=node.mentions)
    for edge in found.edges:
        key = edge.kind + (f":{edge.polarity}" if edge.kind == "relation" and edge.polarity else "")
        net.add_edge(edge.source, edge.target, key=key, kind=edge.kind, weight=edge.weight,
                     polarity=edge.polarity or "", label=edge.label or "", articles=" ".join(edge.articles),
                     article_count=edge.article_count)
    return net


def export_graph(conn: sqlite3.Connection, fmt: str, out: str | Path, *, min_weight: int = 1,
                 types: Iterable[str] | None = None) -> Path:
    """Write the corpus graph to ``out`` as GraphML or GEXF (``GRAPH_FORMATS``); returns the path."""
    import networkx as nx

    if fmt not in GRAPH_FORMATS:
        raise StoreError(f"unknown graph format {fmt!r}; formats: {', '.join(GRAPH_FORMATS)}")
    path = Path(out)
    if path.is_dir():
        raise StoreError(f"{path} is a directory: give the file to write")
    net = graph_network(conn, min_weight=min_weight, types=types)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        nx.write_graphml(net, path)
    else:
        nx.write_gexf(net, path)
    return path
