"""Cross-article entities of a Parquet corpus, built with the store's own resolution.

Resolution is sequential by nature (an article's entities join the corpus
entities the earlier articles made), so this job replays
``newsgraph.store.entities.resolve`` over the ``entities`` dataset in input
order (``corpus_order``) in an in-memory SQLite database with the store's
schema, then ``refresh`` names them: the corpus entities are those an ingest
into a store makes from the same inputs. It writes ``corpus_entities``,
``entity_keys`` (what ``find`` looks names up in) and ``entity_links`` (article
entity → corpus entity), each one Parquet file at the corpus root. It reads
only the entity columns it needs, a few hundred bytes per article entity, then
writes ``entities_resolved.parquet``: the entity rows with their corpus entity,
sorted by it (entity queries read only that entity's row groups), and last
the datasets derived from them for the entity and search queries
(``newsgraph.parquet.derived``).
"""

from __future__ import annotations

import sqlite3

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.parquet import derived
from newsgraph.parquet.duck import DuckCorpus
from newsgraph.parquet.layout import ORDER, Location
from newsgraph.store import migrations
from newsgraph.store.entities import refresh, resolve
from newsgraph.store.rows import COLUMNS

#: The article entities with their corpus entities, sorted by corpus entity (what entity queries read).
RESOLVED = "entities_resolved.parquet"
#: Rows per row group of ``RESOLVED``: the unit DuckDB skips or reads for one entity.
RESOLVED_ROW_GROUP = 16_384
#: The files this job writes at the corpus root.
OUTPUTS = ("corpus_entities.parquet", "entity_keys.parquet", "entity_links.parquet", RESOLVED, *derived.FILES,
           derived.MANIFEST)


def build(out: str) -> int:
    """Build the cross-article entities of the corpus ``out``; returns how many there are."""
    loc = Location.of(out)
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrations.migrate(conn)
    conn.execute("PRAGMA foreign_keys = OFF")  # the entity rows stand without their articles here
    duck = DuckCorpus(out)
    try:
        # Input order; an article's entities keep their record order (one article lies in one file).
        columns = {d[0] for d in duck.con.execute("SELECT * FROM raw_entities LIMIT 0").description}
        within = "file_row_number" if "file_row_number" in columns else "id"
        cur = duck.con.execute(f"SELECT article_id, id, name, type, n_mentions FROM raw_entities "
                               f"ORDER BY {ORDER}, {within}")
        conn.execute("BEGIN")
        while batch := cur.fetchmany(10_000):
            for article_id, entity_id, name, etype, n_mentions in batch:
                cid = resolve(conn, article_id, name, etype)
                conn.execute(
                    "INSERT INTO entities (article_id, id, name, type, titles, n_mentions, key, corpus_entity_id) "
                    "VALUES (?, ?, ?, ?, '[]', ?, '', ?)", (article_id, entity_id, name, etype, n_mentions, cid))
        refresh(conn)
        conn.execute("COMMIT")
        _write_tables(loc, conn)
        _write_resolved(loc, duck)
    finally:
        duck.close()
    with DuckCorpus(out, use_derived=False) as fresh:  # views over the files just written
        derived.build(fresh)
    n = conn.execute("SELECT count(*) FROM corpus_entities").fetchone()[0]
    conn.close()
    return int(n)


def _write_tables(loc: Location, conn: sqlite3.Connection) -> None:
    """``corpus_entities``, ``entity_keys`` and ``entity_links`` from the replayed resolution."""
    queries = {
        "corpus_entities.parquet": "SELECT id, name, type FROM corpus_entities ORDER BY id",
        "entity_keys.parquet": "SELECT key, corpus_entity_id, surname FROM entity_keys ORDER BY key",
        "entity_links.parquet": "SELECT article_id, id AS entity_id, corpus_entity_id FROM entities",
    }
    schemas = {
        "corpus_entities.parquet": pa.schema([("id", pa.int64()), ("name", pa.string()), ("type", pa.string())]),
        "entity_keys.parquet": pa.schema([("key", pa.string()), ("corpus_entity_id", pa.int64()),
                                          ("surname", pa.string())]),
        "entity_links.parquet": pa.schema([("article_id", pa.string()), ("entity_id", pa.string()),
                                           ("corpus_entity_id", pa.int64())]),
    }
    loc.fs.create_dir(loc.root, recursive=True)
    for name, sql in queries.items():
        cur = conn.execute(sql)
        names = [d[0] for d in cur.description]
        data = pa.Table.from_pylist([dict(zip(names, r, strict=True)) for r in cur.fetchall()],
                                    schema=schemas[name])
        tmp = loc.path(name + ".tmp")
        pq.write_table(data, tmp, filesystem=loc.fs, row_group_size=RESOLVED_ROW_GROUP)  # sorted: lookups prune
        loc.fs.move(tmp, loc.path(name))


def _write_resolved(loc: Location, duck: DuckCorpus) -> None:
    """Every article entity with its corpus entity, sorted by it: what entity queries read.

    Sorted by ``corpus_entity_id`` in row groups of ``RESOLVED_ROW_GROUP`` rows, the
    file lets DuckDB skip every row group but the entity's own (their min/max
    statistics), where a join of the entity rows with their links reads them all.
    """
    import pyarrow.parquet as pq

    duck.con.register("fresh_links", pq.read_table(loc.path("entity_links.parquet"), filesystem=loc.fs))
    columns = ", ".join(f'e."{c}"' for c in COLUMNS["entities"] if c != "corpus_entity_id")
    data = duck.con.sql(f"""
        SELECT {columns}, l.corpus_entity_id, e.{ORDER}, e.month FROM raw_entities e
        JOIN fresh_links l ON l.article_id = e.article_id AND l.entity_id = e.id
        ORDER BY l.corpus_entity_id, e.{ORDER}""").to_arrow_table()
    tmp = loc.path(RESOLVED + ".tmp")
    pq.write_table(data, tmp, filesystem=loc.fs, row_group_size=RESOLVED_ROW_GROUP, compression="zstd")
    loc.fs.move(tmp, loc.path(RESOLVED))
