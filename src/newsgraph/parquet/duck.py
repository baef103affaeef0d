"""The store's queries over a Parquet corpus, run by DuckDB (embedded, no server).

``DuckCorpus(dir)`` opens a DuckDB connection with one view per table of the
store (``articles``, ``entities`` with their corpus entities, ``mentions``,
``times``, ``sources``, ``attributions``, ``events``, ``relations``,
``warnings``, ``failures``, ``corpus_entities``, ``entity_keys``) over the
Parquet datasets, and answers ``stats``, ``search``, ``entity_profile``,
``timeline``, ``quotes`` and ``sources`` with the same columns, rows and order
as ``newsgraph.store.queries`` gives for a store of the same inputs (the same
dataclasses, so the CLI and the web app print either). The SQL follows the
store's query by query: ``corpus_order`` stands for ``rowid`` and DuckDB sorts
NULLs as SQLite does. Search has its own path, over the ``terms`` index
(``newsgraph.parquet.terms``): the same words, phrases, prefixes and
``AND``/``OR``/``NOT`` match the same articles, ranked by BM25 as FTS5 ranks
them over title and text together; snippets are cut here, not by FTS5.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

import duckdb

from newsgraph.errors import StoreError
from newsgraph.parquet import articlefile, derived, entityfile, postings
from newsgraph.parquet.layout import TABLES, Location, schema
from newsgraph.parquet.postings import BM25_B, BM25_K1, BM25_MIN_IDF
from newsgraph.parquet.terms import stem, tokens
from newsgraph.store import queries as q
from newsgraph.store.entities import RE_ENTITY_ID, EntityRef, name_key

if TYPE_CHECKING:
    import pandas as pd

#: The derived files read by entity through ``entityfile.EntityFile``, with the key columns their sections and
#: ranks need (``derived.FILES`` sorts them so).
ENTITY_FILE_KEYS = {
    "entity_articles": ("position",),
    "entity_quotes": ("role", "position"),
    "entity_events": ("date", "position", "main_position"),
    "entity_names": (),
    "entity_titles": (),
    "entity_co_mentions": (),
}
#: The entity rows with their corpus entities, sorted by them (``newsgraph.parquet.entities``).
RESOLVED = "entities_resolved.parquet"
#: Files at the corpus root the entity job writes, with their empty schemas' columns.
ENTITY_TABLES = {
    "corpus_entities": "corpus_entities.parquet",
    "entity_keys": "entity_keys.parquet",
    "entity_links": "entity_links.parquet",
}
_ENTITY_SCHEMAS = {
    "corpus_entities": "id BIGINT, name VARCHAR, type VARCHAR",
    "entity_keys": "key VARCHAR, corpus_entity_id BIGINT, surname VARCHAR",
    "entity_links": "article_id VARCHAR, entity_id VARCHAR, corpus_entity_id BIGINT",
}


#: What only a store has, said by ``stats --parquet`` (and docs/scale.md): ``newsgraph load`` a corpus to get them.
STORE_ONLY = (
    "corpus events: the same event in several articles as one timeline row (timeline --parquet lists every "
    "article's report, as timeline --db --every-report does)",
    "the near-duplicate and repeated-quote indexes (sources --dedupe, newsgraph duplicates)",
    "the entity graph and the charts' tallies (the web app: serve --parquet loads the corpus into a store)",
    "entity merges and splits (entity merge, entity split; stats --parquet counts 0 decisions)",
)
#: The one line ``timeline --parquet`` prints on stderr (``STORE_ONLY``'s first entry, said where it matters).
NO_CORPUS_EVENTS = ("a Parquet corpus has no corpus events: one row per article's report (as --every-report); "
                    "newsgraph load it into a store for one row per event")


#: DuckDB's join of an article to its authors, one row each (``queries.AUTHOR_JOIN`` in SQLite).
AUTHOR_JOIN = "CROSS JOIN unnest(from_json(a.authors, '[\"VARCHAR\"]')) AS j(value)"


def _sql_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class DuckCorpus:
    """A Parquet corpus opened for queries; use as a context manager, or call ``close()``."""

    def __init__(self, path: str, *, threads: int | None = None, use_derived: bool = True) -> None:
        """Open the corpus at ``path``; ``use_derived=False`` ignores the derived datasets (``parquet.derived``)."""
        self.path = str(path)
        self.loc = Location.of(self.path)
        if not self.loc.exists():
            raise StoreError(f"{self.path}: no such Parquet corpus (make one with: newsgraph ingest PATH "
                             f"--dask local --parquet {self.path})")
        self.con = duckdb.connect()
        if threads:
            self.con.execute(f"SET threads = {int(threads)}")
        # SQLite's order: NULLs first ascending, last descending.
        self.con.execute("SET default_null_order = 'nulls_first_on_asc_last_on_desc'")
        # Footers read once per file, not per statement: choosing an entity's row groups is then cheap.
        self.con.execute("SET parquet_metadata_cache = true")
        self.con.execute("SET enable_progress_bar = false")  # a query layer prints nothing
        # Rows in file order: a search reads a term's latest postings as the first rows, up to a LIMIT.
        self.con.execute("SET preserve_insertion_order = true")
        self._avgdl: float | None = None
        self._n_docs: int | None = None
        self._views()
        #: Whether the queries read the derived datasets (``newsgraph.parquet.derived``): built for these files.
        self.derived = use_derived and self._derived_views()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> DuckCorpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- views ---------------------------------------------------------------------

    def _source(self, files: list[str]) -> str:
        listed = ", ".join(_sql_str(f) for f in files)
        return f"read_parquet([{listed}], hive_partitioning = true, union_by_name = true, file_row_number = true)"

    def _views(self) -> None:
        local = "://" not in self.path
        listed: list[str] = []
        self._article_files: list[str] = []
        for table in TABLES:
            files = self.loc.files(table)
            listed.extend(files)
            if table == "articles":
                self._article_files = files
            if files and local:
                self.con.execute(f"CREATE VIEW written_{table} AS SELECT * FROM {self._source(files)}")
            elif files:
                import pyarrow.dataset as ds

                self.con.register(f"written_{table}", ds.dataset(files, filesystem=self.loc.fs, format="parquet",
                                                                 partitioning="hive"))
            else:
                self.con.register(f"written_{table}", schema(table).empty_table())
        # The same input under two names (two files, two JSONL lines) is written by two tasks: as in a
        # store, the first in input order is the article, the later copies are dropped from every table.
        self.con.execute("""
            CREATE TEMP TABLE later_copies AS
            SELECT id, corpus_order FROM (
                SELECT id, corpus_order, row_number() OVER (PARTITION BY id ORDER BY corpus_order) AS n
                FROM written_articles WHERE id IN (SELECT id FROM written_articles GROUP BY id HAVING count(*) > 1)
            ) WHERE n > 1""")
        self.con.execute("""
            CREATE TEMP TABLE later_failures AS
            SELECT id, corpus_order FROM (
                SELECT id, corpus_order, row_number() OVER (PARTITION BY id ORDER BY corpus_order) AS n
                FROM written_failures WHERE id IN (SELECT id FROM written_failures GROUP BY id HAVING count(*) > 1)
            ) WHERE n > 1""")
        for table in TABLES:
            name = "raw_entities" if table == "entities" else table
            key = "id" if table in ("articles", "records", "raw_inputs", "failures") else "article_id"
            copies = "later_failures" if table == "failures" else "later_copies"
            self.con.execute(f"""CREATE VIEW {name} AS SELECT t.* FROM written_{table} t
                ANTI JOIN {copies} c ON c.id = t.{key} AND c.corpus_order = t.corpus_order""")
        for name, file in ENTITY_TABLES.items():
            if self.loc.exists(file) and local:
                self.con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet({_sql_str(self.loc.path(file))})")
            elif self.loc.exists(file):
                import pyarrow.parquet as pq

                self.con.register(name, pq.read_table(self.loc.path(file), filesystem=self.loc.fs))
            else:
                self.con.execute(f"CREATE TABLE {name} ({_ENTITY_SCHEMAS[name]})")
        resolved = self.loc.path(RESOLVED)
        if local and self.loc.exists(RESOLVED) and self.rows(
                f"SELECT count(*) FROM read_parquet({_sql_str(resolved)})") == self.rows(
                "SELECT count(*) FROM raw_entities"):
            self.con.execute(f"CREATE VIEW entities AS SELECT * FROM read_parquet({_sql_str(resolved)})")
        else:  # not built yet, or older than the entity rows (a run stopped before its entity job)
            self.con.execute("""
                CREATE VIEW entities AS
                SELECT e.* EXCLUDE (corpus_entity_id), l.corpus_entity_id
                FROM raw_entities e LEFT JOIN entity_links l ON l.article_id = e.article_id AND l.entity_id = e.id""")

        #: What the datasets are (``derived.fingerprint``): the derived files are used only if built for them.
        self.fingerprint = derived.fingerprint(listed, self.loc.root)

    def _derived_views(self) -> bool:
        """Views over the derived datasets if they were built from the datasets seen here; whether they were."""
        if "://" in self.path or not self.loc.exists(derived.MANIFEST):
            return False
        manifest = self.loc.read_json(derived.MANIFEST)
        if manifest.get("fingerprint") != self.fingerprint or not all(self.loc.exists(f) for f in derived.FILES):
            return False
        for file in derived.FILES:
            self.con.execute(f"CREATE VIEW {file.removesuffix('.parquet')} AS "
                             f"SELECT * FROM read_parquet({_sql_str(self.loc.path(file))})")
        self._n_docs, self._avgdl = int(manifest["articles"]), float(manifest["mean_tokens"])
        return True

    @cached_property
    def search_files(self) -> postings.SearchFiles:
        """The derived search files, opened once (their footers parsed) for every search of this corpus."""
        from newsgraph.parquet.termfile import TermFile

        return postings.SearchFiles(TermFile(self.loc.path("search_postings.parquet")),
                                    TermFile(self.loc.path("search_terms.parquet")))

    @cached_property
    def article_groups(self) -> articlefile.ArticleGroups:
        """The ``articles`` files' row groups by ``corpus_order`` bounds (footers read once): a search's page of
        hits is read from its few groups, not by a statement over the whole dataset."""
        return articlefile.ArticleGroups(self._article_files)

    def later_copies(self) -> int:
        """Inputs written again under another name (dropped from every view, as a store stores one copy)."""
        return int(self.rows("SELECT count(*) FROM later_copies")[0][0] + self.rows(
            "SELECT count(*) FROM later_failures")[0][0])

    # --- plumbing --------------------------------------------------------------------

    def frame(self, sql: str, params: tuple = ()) -> pd.DataFrame:
        """The rows of one query as a DataFrame with Python values (as the store gives them)."""
        import pandas as pd

        cur = self.con.execute(sql, list(params))
        columns = [d[0] for d in cur.description]
        return pd.DataFrame(cur.fetchall(), columns=columns)

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        return self.con.execute(sql, list(params)).fetchall()

    # --- stats -----------------------------------------------------------------------

    def query_stats(self) -> dict[str, Any]:
        """What ``queries.stats`` gives: row counts, corpus entities, publication range, generators, outlets."""
        counted = ("articles", "failures", "entities", "mentions", "times", "sources", "attributions", "events",
                   "relations", "warnings")
        info: dict[str, Any] = {"counts": {t: self.rows(f"SELECT count(*) FROM {t}")[0][0] for t in counted}}
        info["counts"]["attributions"] = self.rows(f"SELECT count(*) FROM attributions q WHERE {q.IS_CLAIM}")[0][0]
        info["counts"]["articles_with_warnings"] = self.rows("SELECT count(DISTINCT article_id) FROM warnings")[0][0]
        info["counts"]["corpus_entities"] = self.rows("SELECT count(DISTINCT corpus_entity_id) FROM entities")[0][0]
        info["counts"]["entity_decisions"] = 0  # decisions are made in a store, after ``newsgraph load``
        first, last, dated = self.rows("SELECT min(published), max(published), count(published) FROM articles")[0]
        info["published"] = {"first": first, "last": last, "dated_articles": dated}
        info["generators"] = [
            {"newsgraph": r[0], "model": r[1], "pipeline": r[2], "articles": r[3]}
            for r in self.rows("SELECT newsgraph_version, model, pipeline, count(*) FROM articles "
                               "GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2, 3")
        ]
        info["outlets"] = [
            {"outlet": r[0], "articles": r[1]}
            for r in self.rows("SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL "
                               "GROUP BY outlet ORDER BY 2 DESC, 1 LIMIT 10")
        ]
        info["words"] = int(self.rows("SELECT coalesce(sum(n_words), 0) FROM articles")[0][0])
        return info

    def stats(self) -> dict[str, Any]:
        """``Store.stats``: ``query_stats`` with the location and its layout."""
        return {**self.query_stats(), "path": self.path, "migrations": ["parquet corpus"],
                "store_only": list(STORE_ONLY)}

    # --- entities --------------------------------------------------------------------

    def _ref(self, corpus_id: int) -> EntityRef | None:
        if self.derived:  # the entity's articles counted from ``entity_articles``' row groups (``EntityFile``)
            found = self.rows("SELECT id, name, type FROM corpus_entities WHERE id = $1", (corpus_id,))
            return (EntityRef(int(found[0][0]), found[0][1], found[0][2],
                              self.entity_files["entity_articles"].count(corpus_id)) if found else None)
        count = "SELECT count(DISTINCT article_id) FROM entities e WHERE e.corpus_entity_id = $1"
        found = self.rows(f"""SELECT c.id, c.name, c.type, ({count}) FROM corpus_entities c WHERE c.id = $1""",
                          (corpus_id,))
        return EntityRef(int(found[0][0]), found[0][1], found[0][2], int(found[0][3])) if found else None

    def find_entities(self, query: str, limit: int = 10, *, exact_first: bool = True) -> list[EntityRef]:
        """``entities.find`` over the corpus entities the entity job built."""
        q.check_name(query)
        match = RE_ENTITY_ID.match(query.strip())
        if match:
            if int(match.group(1)) > q.MAX_ROW_ID:
                return []
            ref = self._ref(int(match.group(1)))
            return [ref] if ref else []
        key = name_key(query)
        candidates = (key, name_key(query, "PERSON"), name_key(query, "ORG")) if exact_first else ()
        if candidates and self.derived:  # the three keys and their entity in one statement (each costs 4-10 ms)
            found = {r[0]: r[1:] for r in self.rows(
                "SELECT k.key, c.id, c.name, c.type FROM entity_keys k LEFT JOIN corpus_entities c "
                "ON c.id = k.corpus_entity_id WHERE k.key IN (?, ?, ?)", candidates)}
            for candidate in candidates:
                if candidate in found:
                    cid, cname, ctype = found[candidate]
                    return [] if cid is None else [EntityRef(int(cid), cname, ctype,
                                                             self.entity_files["entity_articles"].count(int(cid)))]
        for candidate in candidates if not self.derived else ():
            row = self.rows("SELECT corpus_entity_id FROM entity_keys WHERE key = ?", (candidate,))
            if row:
                ref = self._ref(int(row[0][0]))
                return [ref] if ref else []
        pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        found = self.rows("""
            SELECT c.id, c.name, c.type, count(DISTINCT e.article_id) AS n
            FROM corpus_entities c LEFT JOIN entities e ON e.corpus_entity_id = c.id
            WHERE c.id IN (SELECT corpus_entity_id FROM entity_keys WHERE key LIKE ? ESCAPE '\\')
            GROUP BY c.id, c.name, c.type ORDER BY n DESC, c.name LIMIT ?""", (pattern, limit))
        return [EntityRef(int(r[0]), r[1], r[2], int(r[3])) for r in found]

    def best_entity(self, name: str) -> tuple[EntityRef, list[EntityRef]]:
        found = self.find_entities(name)
        if not found:
            raise StoreError(f"no entity matches {name!r}")
        return found[0], found[1:]

    def _quotes_by(self, cid: int, limit: int | None) -> pd.DataFrame:
        if self.derived:
            return self._derived_quotes(cid, "by", limit)
        return self.frame(f"""{derived.quotes_by_sql("= ?")}
            ORDER BY {_QUOTE_ORDER} LIMIT ?""", (cid, _lim(limit))).drop(columns=["corpus_order"])

    def _quotes_about(self, cid: int, limit: int | None) -> pd.DataFrame:
        if self.derived:
            return self._derived_quotes(cid, "about", limit)
        return self.frame(f"""{derived.quotes_about_sql("= ?")}
            ORDER BY {_QUOTE_ORDER.replace("a.corpus_order", "corpus_order")} LIMIT ?""",
            (cid, _lim(limit))).drop(columns=["corpus_order"])

    def _derived_quotes(self, cid: int, role: str, limit: int | None) -> pd.DataFrame:
        """The entity's quotes of ``role`` (by, about) from ``entity_quotes``: its row groups only."""
        rows = self.entity_files["entity_quotes"].take(
            cid, entityfile.in_section("role", role), entityfile.rank_below("position", _lim(limit)), _enough(limit))
        return _frame_of(rows, derived.QUOTE_NAMES)

    @cached_property
    def entity_files(self) -> dict[str, entityfile.EntityFile]:
        """The derived entity files, opened once (their row groups' bounds read) for every query of this corpus."""
        return {name: entityfile.EntityFile(self.loc.path(f"{name}.parquet"), keys)
                for name, keys in ENTITY_FILE_KEYS.items()}

    def _all_rows(self, name: str, cid: int) -> Any:
        """Every row of entity ``cid`` in the derived file ``name``, in file order (an Arrow table)."""
        return self.entity_files[name].take(cid, entityfile.every_row, entityfile.every_row_wanted)

    def _picked(self, rows: Any, sql: str, params: tuple) -> pd.DataFrame:
        """``sql`` over ``rows`` (an Arrow table read from an entity file, named ``picked``): the derived SQL's own
        columns and expressions, over a few rows."""
        self.con.register("picked", rows)
        try:
            return self.frame(sql, params)
        finally:
            self.con.unregister("picked")

    def _derived_profile(self, ref: EntityRef, others: list[EntityRef], limit: int) -> q.EntityProfile:
        """``entity_profile`` from the derived datasets, each sorted by corpus entity (its row groups only)."""
        cid = ref.id
        # Each file holds an entity's rows in the order its list shows them (``derived``'s ORDER BY).
        names = _frame_of(self._all_rows("entity_names", cid), ("name", "type", "articles", "mentions"))
        titles = _frame_of(self._all_rows("entity_titles", cid), ("title", "first", "last", "articles"))
        rows = self.entity_files["entity_articles"].take(
            cid, entityfile.every_row, entityfile.rank_below("position", _lim(limit)), _enough(limit))
        articles = self._picked(rows, f"""
            SELECT id, published, title, outlet, mentions, {_SALIENCE}
            FROM picked WHERE corpus_entity_id = ? AND position < ?
            ORDER BY position""", (cid, _lim(limit)))
        co_mentioned = _frame_of(self._all_rows("entity_co_mentions", cid), ("id", "name", "type", "articles"))
        return q.EntityProfile(
            entity=ref, other_matches=others, names=names, titles=titles, articles=articles,
            quotes_by=self._quotes_by(cid, limit), quotes_about=self._quotes_about(cid, limit),
            co_mentioned=co_mentioned, co_mention_articles=min(ref.articles, q.CO_MENTION_SAMPLE),
        )

    def entity_profile(self, name: str, *, limit: int = 50) -> q.EntityProfile:
        """``queries.entity_profile`` over the Parquet corpus."""
        ref, others = self.best_entity(name)
        if self.derived:
            return self._derived_profile(ref, others, limit)
        cid = ref.id
        names = self.frame(derived.names_sql("= ?"), (cid,))
        titles = self.frame(derived.titles_sql("= ?"), (cid,))
        # SQLite rounds the decimal form, half away from zero (0.3035 → 0.304): DuckDB does so on a DECIMAL.
        articles = self.frame(f"""
            SELECT id, published, title, outlet, mentions, {_SALIENCE} FROM ({derived.articles_sql("= ?")})
            ORDER BY {derived.ARTICLE_ORDER} LIMIT ?""", (cid, _lim(limit)))
        co_mentioned = self.frame("""
            WITH sample AS (
                SELECT DISTINCT article_id FROM entities WHERE corpus_entity_id = $1 ORDER BY article_id LIMIT $2
            ),
            counts AS (
                SELECT o.corpus_entity_id AS id, count(DISTINCT o.article_id) AS articles
                FROM sample JOIN entities o ON o.article_id = sample.article_id
                WHERE o.corpus_entity_id != $1
                GROUP BY o.corpus_entity_id ORDER BY articles DESC, id LIMIT $3
            )
            SELECT c.id, c.name, c.type, counts.articles
            FROM counts JOIN corpus_entities c ON c.id = counts.id ORDER BY counts.articles DESC, c.name""",
            (cid, q.CO_MENTION_SAMPLE, q.TOP_CO_MENTIONED))
        return q.EntityProfile(
            entity=ref, other_matches=others, names=names, titles=titles, articles=articles,
            quotes_by=self._quotes_by(cid, limit), quotes_about=self._quotes_about(cid, limit),
            co_mentioned=co_mentioned, co_mention_articles=min(ref.articles, q.CO_MENTION_SAMPLE),
        )

    def entity(self, name: str, *, limit: int = 50) -> q.EntityProfile:
        """``Store.entity``: the profile of the entity ``name`` best matches."""
        return self.entity_profile(name, limit=limit)

    def quotes(self, *, by: str | None = None, about: str | None = None, limit: int | None = None) -> pd.DataFrame:
        """``queries.quotes`` over the Parquet corpus."""
        if by is not None:
            return self._quotes_by(self.best_entity(by)[0].id, limit)
        if about is not None:
            return self._quotes_about(self.best_entity(about)[0].id, limit)
        return self.frame(f"""
            SELECT {_QUOTE_COLUMNS}
            FROM attributions q JOIN articles a ON a.id = q.article_id
            LEFT JOIN sources s ON s.article_id = q.article_id AND s.id = q.source_id
            ORDER BY a.published IS NULL, a.published, a.corpus_order, q.content_start LIMIT ?""", (_lim(limit),))

    # --- timeline --------------------------------------------------------------------

    def timeline(self, name: str | None, *, limit: int | None = None, all_events: bool = False) -> pd.DataFrame:
        """``queries.timeline``: the entity's events (all when ``None``), dated by date, then undated by article;
        each article's main events only unless ``all_events``."""
        main = "" if all_events else "AND v.main = 1"
        if name is None:
            return self.frame(f"""
                SELECT {_TIMELINE_COLUMNS}, NULL AS role
                FROM events v JOIN articles a ON a.id = v.article_id
                LEFT JOIN sources s ON s.article_id = v.article_id AND s.id = v.source_id
                WHERE TRUE {main}
                {_TIMELINE_ORDER} LIMIT ?""", (_lim(limit),))
        ref, _ = self.best_entity(name)
        if self.derived:
            return self._derived_timeline(ref.id, limit, all_events)
        body = derived.events_sql("= $1")
        dated = self.frame(f"""{body} WHERE v.date IS NOT NULL {main}
            {_TIMELINE_ORDER} LIMIT $2""", (ref.id, _lim(limit)))
        undated = self.frame(f"""{body} WHERE v.date IS NULL {main}
            ORDER BY a.published IS NULL, a.published, a.corpus_order, v.sentence_start, v.id LIMIT $2""",
            (ref.id, _lim(limit)))
        import pandas as pd

        both = pd.concat([dated, undated], ignore_index=True) if len(undated) else dated
        if limit is not None:
            both = both.head(limit)
        return both.drop(columns=["corpus_order"]).reset_index(drop=True)

    def _derived_timeline(self, cid: int, limit: int | None, all_events: bool) -> pd.DataFrame:
        """The entity's timeline from ``entity_events`` (sorted by corpus entity, then rank): dated events,
        then undated; a rank below the limit reads only the entity's first row groups."""
        rank = "position" if all_events else "main_position"
        events = self.entity_files["entity_events"]
        wanted = entityfile.rank_below(rank, _lim(limit))
        parts = []
        for null in (False, True):  # dated events, then undated (the file's order within an entity)
            if null and _enough(limit) is not None and len(parts[0]) >= _lim(limit):
                rows = events.schema.empty_table()  # the dated ones fill the limit
            else:
                rows = events.take(cid, entityfile.by_null("date", null=null), wanted, _enough(limit))
            parts.append(_frame_of(rows, (*derived.TIMELINE_NAMES, "role")))
        dated, undated = parts
        import pandas as pd

        both = pd.concat([dated, undated], ignore_index=True) if len(undated) else dated
        if limit is not None:
            both = both.head(limit)
        return both.reset_index(drop=True)

    # --- sourcing --------------------------------------------------------------------

    def sources(self, *, anonymous: bool = False, outlet: str | None = None, author: str | None = None,
                limit: int = 20, by: Sequence[str] | str | None = None) -> q.SourcingReport:
        """``queries.sources`` over the Parquet corpus."""
        q.check_name(outlet, "an outlet filter")
        q.check_name(author, "an author filter")
        of, per = q.share_dimensions(by)
        clauses, params = ["TRUE"], []
        if outlet:
            clauses.append("a.outlet ILIKE ? ESCAPE '\\'")
            params.append(_like(outlet))
        if author:
            clauses.append("EXISTS (SELECT 1 FROM unnest(from_json(a.authors, '[\"VARCHAR\"]')) AS j(v) "
                           "WHERE j.v ILIKE ? ESCAPE '\\')")
            params.append(_like(author))
        where = " AND ".join(clauses)
        p = tuple(params)
        n_articles = self.rows(f"SELECT count(*) FROM articles a WHERE {where}", p)[0][0]
        kinds = self.rows(f"""
            SELECT coalesce(s.kind, 'unknown'), count(*), sum(coalesce(s.anonymous, 0)),
                   sum(CASE WHEN {q.UNRESOLVED_SOURCE} THEN 1 ELSE 0 END)
            FROM attributions q JOIN articles a ON a.id = q.article_id
            LEFT JOIN sources s ON s.article_id = q.article_id AND s.id = q.source_id
            WHERE {where} AND {q.IS_CLAIM} GROUP BY 1 ORDER BY 2 DESC, 1""", p)
        total = sum(int(r[1]) for r in kinds)
        anonymous_total = sum(int(r[2] or 0) for r in kinds)
        named = self.rows(f"""
            SELECT count(DISTINCT coalesce('#' || CAST(e.corpus_entity_id AS VARCHAR), lower(s.description)))
            FROM sources s JOIN articles a ON a.id = s.article_id
            LEFT JOIN entities e ON e.article_id = s.article_id AND e.id = s.entity_id
            WHERE {where} AND coalesce(s.anonymous, 0) = 0 AND NOT {q.UNRESOLVED_SOURCE}""", p)[0][0]
        unresolved = sum(int(r[3] or 0) for r in kinds)
        top = self.frame(f"""
            SELECT any_value(coalesce(c.name, s.description)) AS source, s.kind, any_value(s.anonymous) AS anonymous,
                   count(q.id) AS attributions, count(DISTINCT s.article_id) AS articles
            FROM sources s JOIN articles a ON a.id = s.article_id
            LEFT JOIN entities e ON e.article_id = s.article_id AND e.id = s.entity_id
            LEFT JOIN corpus_entities c ON c.id = e.corpus_entity_id
            LEFT JOIN attributions q ON q.article_id = s.article_id AND q.source_id = s.id AND {q.IS_CLAIM}
            WHERE {where} {"AND s.anonymous = 1" if anonymous else ""} AND NOT {q.UNRESOLVED_SOURCE}
            GROUP BY coalesce('#' || CAST(c.id AS VARCHAR), lower(s.description)), s.kind
            -- full ties come out in SQLite's group order (its sort keeps the order of the groups)
            ORDER BY attributions DESC, articles DESC, source,
                     coalesce('#' || CAST(c.id AS VARCHAR), lower(s.description)), s.kind LIMIT ?""", (*p, limit))
        return q.SourcingReport(
            filters={"anonymous": anonymous, "outlet": outlet, "author": author, "dedupe": False,
                     "by": [*of, *([per] if per else [])]},
            articles=int(n_articles), attributions=total, by_kind={str(r[0]): int(r[1]) for r in kinds},
            anonymous_share=round(anonymous_total / total, 4) if total else 0.0, named_sources=int(named),
            top_sources=top, unresolved_pronoun_attributions=int(unresolved),
            shares=q.share_rows(self.rows, where, p, of, per, AUTHOR_JOIN),
        )

    # --- search ----------------------------------------------------------------------

    def search(self, text: str, *, limit: int = 20, window: int = q.SEARCH_RANK_WINDOW) -> pd.DataFrame:
        """``queries.search`` over the ``terms`` index: the same matches, BM25 over title and text."""
        q.match_query(text)  # the same bounds, the same refusals
        groups = _search_groups(text)
        phrases = [t for g in groups for _, t in g]
        n_docs = self._n_docs if self._n_docs is not None else self.rows("SELECT count(*) FROM articles")[0][0]
        avgdl = self._mean_tokens()
        if self.derived:
            # Each term's latest postings, read no deeper than the window needs (``newsgraph.parquet.postings``);
            # an article is named by its corpus_order there (unique once later copies are dropped).
            kept = [(score, order, order) for score, order in postings.ranked(
                self.search_files, groups, limit=limit, window=window, n_docs=n_docs, avgdl=avgdl)]
        else:
            kept = self._scan_ranked(groups, phrases, limit=limit, window=window, n_docs=n_docs, avgdl=avgdl)
        import pandas as pd

        columns = ["id", "published", "title", "outlet", "origin", "snippet", "score"]
        if not kept:
            return pd.DataFrame([], columns=columns)
        info = self._hit_articles([k[2] for k in kept])
        rows = []
        for score, _, article_id in kept:
            aid, published, title, outlet, origin, body = info[article_id]
            rows.append((aid, published, title, outlet, origin, snippet(body or "", phrases), score))
        return pd.DataFrame(rows, columns=columns)

    def _hit_articles(self, keys: list) -> dict[Any, tuple]:
        """A page of hits' (id, published, title, outlet, origin, text), by their key: corpus_order with the
        postings (unique among the rows written: no copies to drop), read from the hits' row groups
        (``ArticleGroups``); else the article id, by one statement over the articles view."""
        if self.derived and self.article_groups.usable:
            found = self.article_groups.rows(keys, ("id", "published", "title", "outlet", "path", "url", "text"))
            return {k: (aid, published, title, outlet, path if path is not None else url, text)
                    for k, (aid, published, title, outlet, path, url, text) in found.items()}
        key, table = ("corpus_order", "written_articles") if self.derived else ("id", "articles")
        return {r[-1]: r[:-1] for r in self.rows(f"""
            SELECT id, published, title, outlet, coalesce(path, url) AS origin, text, {key} FROM {table}
            WHERE {key} IN ({", ".join("?" * len(keys))})""", tuple(keys))}

    def _scan_ranked(self, groups: list[list[tuple[str, SearchTerm]]], phrases: list[SearchTerm], *, limit: int,
                     window: int, n_docs: int, avgdl: float) -> list[tuple[float, int, str]]:
        """The best ``limit`` of the ``window`` latest matches from one scan of the ``terms`` index (a corpus
        without fresh derived datasets): (rounded score, corpus_order, article id), best first."""
        conds = [_term_condition(t) for t in phrases]
        # One scan of the index: every row of any query term, into a small temporary table.
        any_cond = " OR ".join(f"({c})" for c, _ in conds) or "FALSE"
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE search_hits AS SELECT article_id, term, tf, n_tokens "
                         f"FROM terms t WHERE {any_cond}", [p for _, ps in conds for p in ps])
        freq_sql = ", ".join(f"count(DISTINCT article_id) FILTER (WHERE {c})" for c, _ in conds)
        doc_freqs = list(self.rows(f"SELECT {freq_sql} FROM search_hits t", tuple(p for _, ps in conds for p in ps))[0])
        idfs = [max(math.log((n_docs - n + 0.5) / (n + 0.5)), BM25_MIN_IDF) if n_docs else BM25_MIN_IDF
                for n in doc_freqs]
        matched = " UNION ".join(f"({_group_sql(g, 'search_hits')})" for g in groups)
        matched_params = [p for g in groups for _, t in g for p in _term_condition(t)[1]]
        score_sql = ", ".join(f"coalesce(sum(t.tf) FILTER (WHERE {c}), 0)" for c, _ in conds)
        # The ``window`` most recently stored matches, as the store ranks them.
        found = self.rows(f"""
            WITH m AS (SELECT article_id FROM ({matched}) AS u),
            w AS (SELECT a.id AS article_id, a.corpus_order FROM m JOIN articles a ON a.id = m.article_id
                  ORDER BY a.corpus_order DESC LIMIT ?)
            SELECT w.article_id, w.corpus_order, max(t.n_tokens) AS dl, {score_sql}
            FROM w JOIN search_hits t ON t.article_id = w.article_id
            GROUP BY w.article_id, w.corpus_order""",
            (*matched_params, window, *(p for _, ps in conds for p in ps)))
        scored = []
        for article_id, order, dl, *freqs in found:
            score = 0.0
            for idf, f in zip(idfs, freqs, strict=True):
                norm = BM25_K1 * (1 - BM25_B + BM25_B * (dl or 0) / avgdl) if avgdl else BM25_K1
                score -= idf * (f * (BM25_K1 + 1)) / (f + norm) if f else 0.0
            scored.append((score, order, article_id))
        scored.sort()  # by the exact score (as FTS5 orders by rank), then input order
        return [(round(score, 3), order, aid) for score, order, aid in scored[:limit]]

    def _mean_tokens(self) -> float:
        if self._avgdl is None:
            row = self.rows("SELECT avg(n) FROM (SELECT max(n_tokens) AS n FROM terms GROUP BY article_id)")
            self._avgdl = float(row[0][0] or 0.0)
        return self._avgdl


# --- SQL pieces shared by the queries above -------------------------------------------------

_QUOTE_COLUMNS = q._QUOTE_COLUMNS
_QUOTE_ORDER = q._QUOTE_ORDER.replace("a.rowid", "a.corpus_order")
_TIMELINE_COLUMNS = q._TIMELINE_COLUMNS
_TIMELINE_ORDER = q._TIMELINE_ORDER.replace("a.rowid", "a.corpus_order")
#: An entity's salience in an article as the store shows it: SQLite rounds the decimal form, half away from zero.
_SALIENCE = "CAST(round(CAST(salience AS DECIMAL(18, 15)), 3) AS DOUBLE) AS salience"


def _lim(limit: int | None) -> int:
    return 2**62 if limit is None or limit < 0 else limit


def _frame_of(rows: Any, names: Sequence[str]) -> pd.DataFrame:
    """The ``names`` columns of ``rows`` (an Arrow table read from an entity file, in rank order) as a DataFrame
    of Python values, as ``frame`` gives a query's (each a DuckDB statement of its own, 6-12 ms, saved)."""
    import pandas as pd

    return pd.DataFrame(list(zip(*(rows.column(n).to_pylist() for n in names), strict=True)), columns=list(names))


def _enough(limit: int | None) -> int | None:
    """The rows an ``EntityFile.take`` may stop at: a limit's, or none (every row)."""
    return None if limit is None or limit < 0 else limit


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


#: A search term: its words (a phrase has several) and whether the last is a prefix (``word*``).
SearchTerm = tuple[tuple[str, ...], bool]


def _search_groups(text: str) -> list[list[tuple[str, SearchTerm]]]:
    """What ``match_query`` keeps, as OR-groups of (AND|NOT, term): FTS5's precedence, NOT/AND over OR."""
    groups: list[list[tuple[str, SearchTerm]]] = [[]]
    pending: str | None = None
    for chunk in q.RE_SEARCH_CHUNK.findall(text):
        if chunk in q.SEARCH_OPERATORS:
            pending = chunk if groups[-1] else None
            continue
        if chunk.startswith('"'):
            words = q.RE_WORD.findall(chunk)
            found = [(tuple(words), False)] if words else []
        else:
            found = [((m.group(),), chunk[m.end():m.end() + 1] == "*") for m in q.RE_WORD.finditer(chunk)]
        for term in found:
            if pending == "OR":
                groups.append([])
                pending = None
            groups[-1].append((pending or "AND", term))
            pending = None
    return [g for g in groups if g]


def _term_condition(term: SearchTerm) -> tuple[str, list[str]]:
    """A condition on ``terms t`` rows matching one search term (a phrase: every word)."""
    words, prefix = term
    folded = [tok for w in words for tok in tokens(w)]
    if not folded:
        return "FALSE", []
    if prefix and len(folded) == 1:
        return "t.term LIKE ? ESCAPE '\\'", [_like(folded[0])[1:]]
    return f"t.term IN ({', '.join('?' * len(folded))})", [stem(w) for w in folded]


def _term_sql(term: SearchTerm, source: str) -> str:
    cond, params = _term_condition(term)
    if len(params) > 1:  # a phrase: every word in the article
        return f"SELECT article_id FROM {source} t WHERE {cond} GROUP BY article_id " \
               f"HAVING count(DISTINCT term) = {len(set(params))}"
    return f"SELECT DISTINCT article_id FROM {source} t WHERE {cond}"


def _group_sql(group: list[tuple[str, SearchTerm]], source: str) -> str:
    sql = _term_sql(group[0][1], source)
    for op, term in group[1:]:
        joiner = "EXCEPT" if op == "NOT" else "INTERSECT"
        sql = f"SELECT article_id FROM ({sql}) {joiner} SELECT article_id FROM ({_term_sql(term, source)})"
    return sql


def snippet(text: str, phrases: list[SearchTerm]) -> str:
    """About ``SNIPPET_WORDS`` words around the first match, matched words in ``[[`` ``]]`` (as FTS5 marks them)."""
    wanted = {stem(t) for words, prefix in phrases if not prefix for w in words for t in tokens(w)}
    prefixes = tuple(t for words, prefix in phrases if prefix for w in words[-1:] for t in tokens(w))
    words = text.split()
    seen: dict[str, bool] = {}  # a long article repeats its words: each distinct one is tokenized once

    def hit(word: str) -> bool:
        found = seen.get(word)
        if found is None:
            toks = tokens(word)
            found = seen[word] = any(stem(t) in wanted or t.startswith(prefixes) if prefixes else stem(t) in wanted
                                     for t in toks)
        return found

    first = next((i for i, w in enumerate(words) if hit(w)), 0)
    start = max(0, first - q.SNIPPET_WORDS // 4)
    shown = words[start:start + q.SNIPPET_WORDS]
    marked = [f"{q.SNIPPET_OPEN}{w}{q.SNIPPET_CLOSE}" if hit(w) else w for w in shown]
    return ("…" if start else "") + " ".join(marked) + ("…" if start + q.SNIPPET_WORDS < len(words) else "")

