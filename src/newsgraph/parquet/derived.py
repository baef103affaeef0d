"""Datasets derived from a Parquet corpus so that entity and search queries read only their row groups.

A Parquet corpus has no index: a query that joins an entity's rows to
``sources``, ``attributions``, ``mentions`` or ``events`` by article scans
those columns whole, and a search scans every term of the ``terms`` index.
After the cross-article entities are built (``newsgraph.parquet.entities``),
this job writes the joins' results once, each file sorted by what a query
looks up, in row groups small enough that DuckDB skips all but a few of them
by their min/max statistics:

- ``entity_articles.parquet``  an entity's articles (mentions, salience, date, title), by corpus entity
- ``entity_names.parquet``     the names an entity goes by, with their articles and mentions, by corpus entity
- ``entity_titles.parquet``    an entity's titles with their first and last dates, by corpus entity
- ``entity_co_mentions.parquet`` the entities most often in the same articles, by corpus entity
- ``entity_quotes.parquet``    quotes by (``role = 'by'``) and about the entity, by corpus entity
- ``entity_events.parquet``    the entity's events as actor or target (the timeline), by corpus entity
- ``search_postings.parquet``  the ``terms`` index by term, then latest article first (``corpus_order``)
- ``search_terms.parquet``     each term's document frequency (its postings), by term
- ``_derived.json``            what they were built from (``fingerprint``), the article count and mean length

Every row is computed by the SQL the queries ran before (``DuckCorpus`` over
the views, later copies of an input already dropped), so answers do not
change. ``DuckCorpus`` reads these files only when ``_derived.json`` names
the datasets it sees (the same files): after a new ingest, until the entity
job runs again, it answers from the datasets themselves. A rerun rewrites
every file (each under a temporary name, moved into place), the manifest last.
"""

from __future__ import annotations

import hashlib
import time
from typing import TYPE_CHECKING

from newsgraph.parquet.layout import ORDER, Location
from newsgraph.store import queries as q

if TYPE_CHECKING:
    from newsgraph.parquet.duck import DuckCorpus

#: The manifest, written last: the fingerprint of the datasets the files were built from, and search constants.
MANIFEST = "_derived.json"
#: Rows per row group: the unit DuckDB skips or reads for one entity (or one term).
ROW_GROUP = 16_384
#: Rows per row group of the postings: a term's postings are contiguous, so larger groups cost little.
POSTINGS_ROW_GROUP = 65_536

#: The columns of a quote row, as ``queries._QUOTE_COLUMNS`` names them.
QUOTE_NAMES = ("article_id", "published", "title", "attribution_id", "source", "kind", "quoted", "cue", "content",
               "content_start", "content_end")
#: The columns of a timeline row, as ``queries._TIMELINE_COLUMNS`` names them.
TIMELINE_NAMES = ("date", "date_reason", "actor", "predicate", "predicate_text", "main", "target", "object",
                  "negated", "modality", "code", "source", "article_id", "published", "title", "outlet", "event_id",
                  "evidence", "evidence_start", "evidence_end")

#: The order of an entity's articles in its profile (``queries._ARTICLE_ORDER``) and of its quotes.
ARTICLE_ORDER = f"published IS NULL, published, {ORDER}"
QUOTE_ORDER = f"{ARTICLE_ORDER}, content_start, attribution_id"
#: ``position``: a row's rank in its entity's list (and role), so that a query's ``LIMIT n`` reads only the
#: row groups holding ranks below n (their min/max), not every row of an entity in half the corpus.
ARTICLE_POSITION = f"row_number() OVER (PARTITION BY corpus_entity_id ORDER BY {ARTICLE_ORDER}) - 1"
QUOTE_POSITION = f"row_number() OVER (PARTITION BY corpus_entity_id, role ORDER BY {QUOTE_ORDER}) - 1"
#: The timeline's order (``queries._TIMELINE_ORDER``; undated events by article) and ranks: ``position`` among
#: the entity's dated (or undated) events, ``main_position`` among its main ones (NULL for the others).
EVENT_ORDER = (f"date, CASE WHEN date IS NULL THEN published IS NULL END, published, {ORDER}, evidence_start, "
               f"event_id, role")
EVENT_POSITION = f"row_number() OVER (PARTITION BY corpus_entity_id, date IS NULL ORDER BY {EVENT_ORDER}) - 1"
EVENT_MAIN_POSITION = (f"CASE WHEN main = 1 THEN row_number() OVER (PARTITION BY corpus_entity_id, date IS NULL, "
                       f"main = 1 ORDER BY {EVENT_ORDER}) - 1 END")

# --- one query builder for an entity's rows: ``entity`` is the condition on ``e.corpus_entity_id`` ("= ?" for
# one entity in ``DuckCorpus``, "IS NOT NULL" for every entity here); ``keyed`` selects, groups and sorts by
# the corpus entity too (a derived file holds every entity's rows). ``DuckCorpus`` adds its ORDER BY and LIMIT.


def _key(keyed: bool, prefix: str = "") -> str:
    return f"{prefix}corpus_entity_id, " if keyed else ""


def articles_sql(entity: str, *, keyed: bool = False) -> str:
    """An entity's articles with its mentions and highest salience in each (the profile's article list)."""
    key = _key(keyed, "e.")
    return f"""
        SELECT {key}a.id, a.published, a.title, a.outlet, CAST(sum(e.n_mentions) AS BIGINT) AS mentions,
               max(e.salience) AS salience, a.{ORDER}
        FROM articles a JOIN entities e ON e.article_id = a.id
        WHERE e.corpus_entity_id {entity}
        GROUP BY {key}a.id, a.published, a.title, a.outlet, a.{ORDER}"""


def names_sql(entity: str, *, keyed: bool = False) -> str:
    """The names an entity goes by, with their articles and mentions, most used first."""
    key = _key(keyed)
    return f"""
        SELECT {key}name, type, count(DISTINCT article_id) AS articles, CAST(sum(n_mentions) AS BIGINT) AS mentions
        FROM entities WHERE corpus_entity_id {entity} GROUP BY {key}name, type
        ORDER BY {key}articles DESC, mentions DESC, name, type"""


def titles_sql(entity: str, *, keyed: bool = False) -> str:
    """An entity's titles with their first and last dates, earliest first."""
    key = _key(keyed, "e.")
    return f"""
        SELECT {key}j.title, min(a.published) AS first, max(a.published) AS last,
               count(DISTINCT e.article_id) AS articles
        FROM entities e JOIN articles a ON a.id = e.article_id,
             unnest(from_json(e.titles, '["VARCHAR"]')) AS j(title)
        WHERE e.corpus_entity_id {entity} AND e.titles != '[]'
        GROUP BY {key}j.title ORDER BY {key}first IS NULL, first, articles DESC, j.title"""


def quotes_by_sql(entity: str, *, keyed: bool = False) -> str:
    """The quotes whose source is the entity (``queries._QUOTE_COLUMNS`` and ``corpus_order``)."""
    key = _key(keyed, "e.") + ("'by' AS role, " if keyed else "")
    return f"""
        SELECT {key}{q._QUOTE_COLUMNS}, a.{ORDER}
        FROM articles a
        JOIN entities e ON e.article_id = a.id
        JOIN sources s ON s.article_id = e.article_id AND s.entity_id = e.id
        JOIN attributions q ON q.article_id = s.article_id AND q.source_id = s.id
        WHERE e.corpus_entity_id {entity}"""


def quotes_about_sql(entity: str, *, keyed: bool = False) -> str:
    """The quotes whose content mentions the entity, said by someone else (each once)."""
    key = _key(keyed, "e.") + ("'about' AS role, " if keyed else "")
    return f"""
        SELECT DISTINCT {key}{q._QUOTE_COLUMNS}, a.{ORDER}
        FROM articles a
        JOIN entities e ON e.article_id = a.id
        JOIN attributions q ON q.article_id = e.article_id
        JOIN mentions m ON m.article_id = q.article_id AND m.entity_id = e.id
             AND m.start >= q.content_start AND m."end" <= q.content_end
        LEFT JOIN sources s ON s.article_id = q.article_id AND s.id = q.source_id
        LEFT JOIN entities se ON se.article_id = s.article_id AND se.id = s.entity_id
        WHERE e.corpus_entity_id {entity}
          AND (se.corpus_entity_id IS NULL OR se.corpus_entity_id != e.corpus_entity_id)"""


def events_sql(entity: str, *, keyed: bool = False) -> str:
    """The entity's events as actor, or as target of another's (the timeline's rows, with ``role`` and
    ``corpus_order``; ``v``, ``a`` and ``s`` for the caller's WHERE and ORDER BY)."""
    key = _key(keyed, "chosen.")
    return f"""
        WITH chosen AS (
            SELECT e.corpus_entity_id, v.article_id, v.id, 'actor' AS role FROM entities e
            JOIN events v ON v.article_id = e.article_id AND v.actor = e.id WHERE e.corpus_entity_id {entity}
            UNION ALL
            SELECT e.corpus_entity_id, v.article_id, v.id, 'target' FROM entities e
            JOIN events v ON v.article_id = e.article_id AND v.target = e.id
            WHERE e.corpus_entity_id {entity} AND v.actor IS DISTINCT FROM e.id
        )
        SELECT {key}{q._TIMELINE_COLUMNS}, chosen.role, a.{ORDER}
        FROM chosen JOIN events v ON v.article_id = chosen.article_id AND v.id = chosen.id
        JOIN articles a ON a.id = v.article_id
        LEFT JOIN sources s ON s.article_id = v.article_id AND s.id = v.source_id"""


EVERY = "IS NOT NULL"
_ARTICLES = f"""
    SELECT *, {ARTICLE_POSITION} AS position FROM ({articles_sql(EVERY, keyed=True)})
    ORDER BY corpus_entity_id, position"""
_NAMES = names_sql(EVERY, keyed=True)
_TITLES = titles_sql(EVERY, keyed=True)

# The profile's co-mentions: over the entity's first ``CO_MENTION_SAMPLE`` articles by id, the
# ``TOP_CO_MENTIONED`` other entities in most of them (ties by id), as ``queries.entity_profile`` counts.
_CO_MENTIONS = f"""
    WITH ea AS (SELECT DISTINCT corpus_entity_id AS cid, article_id FROM entities WHERE corpus_entity_id IS NOT NULL),
    sample AS (
        SELECT cid, article_id FROM (
            SELECT cid, article_id, row_number() OVER (PARTITION BY cid ORDER BY article_id) AS n FROM ea)
        WHERE n <= {q.CO_MENTION_SAMPLE}
    ),
    counts AS (
        SELECT s.cid, o.corpus_entity_id AS id, count(DISTINCT o.article_id) AS articles
        FROM sample s JOIN entities o ON o.article_id = s.article_id
        WHERE o.corpus_entity_id != s.cid
        GROUP BY s.cid, o.corpus_entity_id
    ),
    top AS (
        SELECT * FROM (
            SELECT *, row_number() OVER (PARTITION BY cid ORDER BY articles DESC, id) AS r FROM counts)
        WHERE r <= {q.TOP_CO_MENTIONED}
    )
    SELECT top.cid AS corpus_entity_id, c.id, c.name, c.type, top.articles
    FROM top JOIN corpus_entities c ON c.id = top.id
    ORDER BY corpus_entity_id, top.articles DESC, c.name, c.id"""

_QUOTES = f"""
    SELECT *, {QUOTE_POSITION} AS position FROM (
        {quotes_by_sql(EVERY, keyed=True)}
        UNION ALL
        {quotes_about_sql(EVERY, keyed=True)}
    ) ORDER BY corpus_entity_id, role, position"""

_EVENTS = f"""
    SELECT *, {EVENT_POSITION} AS position, {EVENT_MAIN_POSITION} AS main_position FROM (
        {events_sql(EVERY, keyed=True)}
    ) ORDER BY corpus_entity_id, date IS NULL, position"""

_POSTINGS = f"SELECT term, {ORDER}, tf, n_tokens FROM terms ORDER BY term, {ORDER} DESC"
# One ``terms`` row per article and term: a term's rows are its postings, their count its document frequency.
_TERMS = "SELECT term, count(*) AS df FROM terms GROUP BY term ORDER BY term"

#: Each derived file: the query that computes it, its row group size, and the columns it is sorted by (the
#: only ones given min/max statistics: the statistics of long text columns would make every footer, which
#: DuckDB reads to choose row groups, megabytes long).
FILES: dict[str, tuple[str, int, tuple[str, ...]]] = {
    "entity_articles.parquet": (_ARTICLES, ROW_GROUP, ("corpus_entity_id", "position")),
    "entity_names.parquet": (_NAMES, ROW_GROUP, ("corpus_entity_id",)),
    "entity_titles.parquet": (_TITLES, ROW_GROUP, ("corpus_entity_id",)),
    "entity_co_mentions.parquet": (_CO_MENTIONS, ROW_GROUP, ("corpus_entity_id",)),
    "entity_quotes.parquet": (_QUOTES, ROW_GROUP, ("corpus_entity_id", "role", "position")),
    "entity_events.parquet": (_EVENTS, ROW_GROUP, ("corpus_entity_id", "position", "main_position")),
    # ``corpus_order`` too: a search reads a term's postings from the latest down, a range at a time.
    "search_postings.parquet": (_POSTINGS, POSTINGS_ROW_GROUP, ("term", ORDER)),
    "search_terms.parquet": (_TERMS, ROW_GROUP, ("term",)),
}
#: Rows DuckDB hands to the writer at a time: the job's memory for one file.
WRITE_BATCH = 65_536


def fingerprint(files: list[str], root: str) -> str:
    """What a corpus's datasets are: the hash of their files' paths under ``root`` (file names are content keys)."""
    listed = "\n".join(sorted(f[len(root):] if f.startswith(root) else f for f in files))
    return hashlib.sha256(listed.encode("utf-8")).hexdigest()


def write_sorted(duck: DuckCorpus, sql: str, loc: Location, name: str, row_group: int,
                 sorted_by: tuple[str, ...]) -> None:
    """Write the rows of ``sql`` (already sorted) as ``name`` at the corpus root, streamed from DuckDB.

    Row groups of ``row_group`` rows, statistics for ``sorted_by`` only; written
    under a temporary name and moved into place.
    """
    import pyarrow.parquet as pq

    reader = duck.con.sql(sql).to_arrow_reader(WRITE_BATCH)
    final = loc.path(name)
    tmp = final + ".tmp"
    with pq.ParquetWriter(tmp, reader.schema, filesystem=loc.fs, compression="zstd",
                          write_statistics=list(sorted_by)) as writer:
        for batch in reader:
            writer.write_batch(batch, row_group_size=row_group)
    loc.fs.move(tmp, final)


def build(duck: DuckCorpus) -> dict:
    """Write every derived file of the corpus ``duck`` is open on, then the manifest; returns the manifest.

    ``duck`` must see the corpus entities the entity job has just written (its
    ``entities`` view over ``entities_resolved.parquet``). The rows stream from
    DuckDB to the file (``write_sorted``), so the driver holds one batch. A
    remote corpus (``s3://…``) gets none: its queries read the datasets.
    """
    loc: Location = duck.loc
    if "://" in duck.path:  # a remote corpus is queried through pyarrow datasets, without these files
        return {}
    started = time.perf_counter()
    for name, (sql, row_group, sorted_by) in FILES.items():
        write_sorted(duck, sql, loc, name, row_group, sorted_by)
    return write_manifest(duck, started)


def write_manifest(duck: DuckCorpus, started: float) -> dict:
    """Write ``MANIFEST`` (last: it declares the derived files fresh for the datasets ``duck`` sees)."""
    n_docs = int(duck.rows("SELECT count(*) FROM articles")[0][0])
    avgdl = duck.rows("SELECT avg(n) FROM (SELECT max(n_tokens) AS n FROM terms GROUP BY article_id)")[0][0]
    manifest = {"fingerprint": duck.fingerprint, "articles": n_docs, "mean_tokens": float(avgdl or 0.0),
                "seconds": round(time.perf_counter() - started, 1)}
    duck.loc.write_json(manifest, MANIFEST)
    return manifest
