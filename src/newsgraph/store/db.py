"""``Store``: the corpus store on SQLite (WAL mode, versioned migrations, FTS5).

One ``Store`` is one connection. Writes go through ``transaction()`` (``BEGIN
IMMEDIATE`` … ``COMMIT``), one per article, so a crash leaves whole articles or
nothing; WAL lets readers in other processes query while an ingest writes.
Every SQLite failure a user can cause (a corrupt, read-only or locked file)
becomes one ``StoreError`` naming the file.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from newsgraph.errors import StoreError
from newsgraph.record import Record
from newsgraph.settings import env_float
from newsgraph.store import duplicates as dups
from newsgraph.store import entities as ents
from newsgraph.store import event_clusters as clusters
from newsgraph.store import export as exports
from newsgraph.store import migrations, upkeep
from newsgraph.store import queries as q
from newsgraph.store.ingest import IngestReport, Progress
from newsgraph.store.readonly import readonly_uri
from newsgraph.store.rows import RawInput, delete_article, insert_record

if TYPE_CHECKING:
    import pandas as pd

    from newsgraph.api import Reader
    from newsgraph.ingest import Item

P = ParamSpec("P")
T = TypeVar("T")

#: Seconds a write waits for another writer before the store reports it locked
#: (``NEWSGRAPH_LOCK_TIMEOUT`` overrides it).
DEFAULT_TIMEOUT = 10.0


def lock_timeout() -> float:
    """Seconds a write waits for another writer (``NEWSGRAPH_LOCK_TIMEOUT``, else ``DEFAULT_TIMEOUT``)."""
    return env_float("NEWSGRAPH_LOCK_TIMEOUT", DEFAULT_TIMEOUT)

#: Tables a user may list, query or export, in the order ``stats`` and ``export`` show them.
TABLES = (
    "articles", "entities", "mentions", "attributions", "sources", "times", "events", "relations", "warnings",
    "corpus_entities", "failures",
)


class NeedsUpgradeError(StoreError):
    """A store opened read-only was made by an older newsgraph: open it once for writing."""


class MissingRecordError(StoreError):
    """An article row is stored without its record (``newsgraph check`` lists such articles).

    Its own class so that a reader can answer "not found" for that article (the
    web app: 404) rather than "the store cannot be read" for the whole store.
    """


def explain(path: str, exc: sqlite3.Error) -> StoreError:
    """A one-line ``StoreError`` for an SQLite failure, saying what the user can do."""
    message = str(exc)
    low = message.lower()
    if "locked" in low or "busy" in low:
        return StoreError(f"{path}: database is locked by another process; try again when it finishes")
    if "readonly" in low or "read-only" in low:
        return StoreError(f"{path}: database is read-only; cannot write to it")
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return StoreError(f"{path}: not a newsgraph store, or the file is corrupt ({message})")
    if "unable to open" in low:
        return StoreError(f"{path}: cannot open the database file (check the path and permissions)")
    if "disk" in low and "full" in low:
        return StoreError(f"{path}: the disk is full")
    return StoreError(f"{path}: {message}")


def guarded(method: Callable[P, T]) -> Callable[P, T]:
    """Turn SQLite errors raised in a ``Store`` method into ``StoreError``."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return method(*args, **kwargs)
        except sqlite3.Error as exc:
            store = args[0]
            raise explain(str(getattr(store, "path", "store")), exc) from exc

    return wrapper


class Store:
    """A corpus of records in one SQLite file.

    ``Store("news.db")`` creates the file if needed (``create=False`` refuses),
    upgrades its schema, and keeps one connection. ``readonly=True`` opens it
    for queries only. Use it as a context manager, or call ``close()``.

    Example::

        with Store("news.db") as store:
            store.ingest(["articles/"])
            store.search("special counsel")          # DataFrame with snippets
            store.entity("Jane Roe").articles   # DataFrame
            store.get(article_id)                    # Record
    """

    def __init__(
        self, path: str | Path, *, readonly: bool = False, create: bool = True, timeout: float | None = None
    ) -> None:
        self.path = str(path)
        self.readonly = readonly
        memory = self.path == ":memory:"
        if not memory and not Path(self.path).exists() and (readonly or not create):
            raise StoreError(f"{self.path}: no such store (create it with: newsgraph ingest PATH --db {self.path})")
        if not memory and Path(self.path).is_dir():
            raise StoreError(f"{self.path}: is a directory, not a store file")
        try:
            self.conn = self._connect(memory, lock_timeout() if timeout is None else timeout)
            self._prepare()
        except sqlite3.Error as exc:
            raise explain(self.path, exc) from exc

    def _connect(self, memory: bool, timeout: float) -> sqlite3.Connection:
        if memory:
            conn = sqlite3.connect(":memory:", isolation_level=None)
        elif self.readonly:
            uri = readonly_uri(self.path)
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=timeout)
        else:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=timeout)
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def _prepare(self) -> None:
        conn = self.conn
        # Reading the schema fails fast on a file that is not SQLite at all.
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and "_migrations" not in tables:
            raise StoreError(f"{self.path}: an SQLite file, but not a newsgraph store")
        if not self.readonly and self.path != ":memory:":
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"{self.path}: cannot switch the store to WAL mode (got {mode})")
            conn.execute("PRAGMA synchronous = NORMAL")
        if self.readonly:
            if not tables:
                raise StoreError(f"{self.path}: an empty file, not a newsgraph store")
            todo = [m.name for m in migrations.pending(conn)] if "_migrations" in tables else ["all"]
            if todo:
                raise NeedsUpgradeError(f"{self.path}: the store needs upgrading; open it once for writing")
        else:
            migrations.migrate(conn)
        newer = migrations.unknown(conn)
        if newer:
            raise StoreError(f"{self.path}: made by a newer newsgraph (migrations {', '.join(newer)}); upgrade")

    # --- plumbing -------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; rolled back whole on any error."""
        if self.readonly:
            raise StoreError(f"{self.path}: opened read-only; cannot write to it")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise explain(self.path, exc) from exc
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise explain(self.path, exc) from exc
            raise

    @guarded
    def execute(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        """Rows of one SQL statement (reads; writes belong in ``transaction``)."""
        return self.conn.execute(sql, tuple(params)).fetchall()

    @guarded
    def frame(self, sql: str, params: Iterable[Any] = ()) -> pd.DataFrame:
        """The result of one SQL query as a pandas DataFrame."""
        import pandas as pd

        cur = self.conn.execute(sql, tuple(params))
        columns = [d[0] for d in cur.description]
        return pd.DataFrame(cur.fetchall(), columns=columns)

    @guarded
    def migrations(self) -> list[str]:
        """Names of the schema migrations this store has run."""
        return migrations.applied(self.conn)

    # --- records ----------------------------------------------------------------------

    @guarded
    def add(self, record: Record, raw: RawInput | None = None) -> bool:
        """Store one record (and its raw input) in one transaction; ``False`` if it is already there."""
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (record.id,)).fetchone():
                return False
            ents.refresh(conn, insert_record(conn, record, raw))
            clusters.add_article(conn, record.id)
            dups.index_article(conn, record.id)
            conn.execute("DELETE FROM failures WHERE id = ?", (record.id,))
        return True

    @guarded
    def replace(self, record: Record, raw: RawInput | None = None) -> None:
        """Store ``record`` in place of the one with its id (re-processing), in one transaction."""
        with self.transaction() as conn:
            old_raw = None
            if raw is None:
                row = conn.execute("SELECT item, data FROM raw_inputs WHERE id = ?", (record.id,)).fetchone()
                old_raw = RawInput.from_row(row[0], row[1]) if row else None
            # The entities the old record named lose an article: their names are refreshed too.
            before = {int(r[0]) for r in conn.execute(
                "SELECT corpus_entity_id FROM entities WHERE article_id = ? AND corpus_entity_id IS NOT NULL",
                (record.id,))}
            blocks = clusters.blocks_of(conn, record.id)
            dups.forget(conn, record.id)
            delete_article(conn, record.id)
            ents.refresh(conn, insert_record(conn, record, raw or old_raw) | before)
            clusters.add_article(conn, record.id, blocks)
            dups.index_article(conn, record.id)
            conn.execute("DELETE FROM failures WHERE id = ?", (record.id,))

    @guarded
    def has(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    @guarded
    def matching_ids(self, prefix: str, limit: int = 2) -> list[str]:
        """Up to ``limit`` article ids that start with ``prefix`` (a full id matches itself alone)."""
        return ents.article_ids(self.conn, prefix, limit)

    @guarded
    def get(self, article_id: str) -> Record:
        """The record with this id (or a unique prefix of it)."""
        full = ents._article_id(self.conn, article_id)
        row = self.conn.execute("SELECT json FROM records WHERE id = ?", (full,)).fetchone()
        if row is None:
            raise MissingRecordError(f"article {full[:12]} is stored without its record (see newsgraph check)")
        return Record.from_json(row[0])

    @guarded
    def records(self, ids: Iterable[str] | None = None) -> Iterator[Record]:
        """Every stored record (or those with ``ids``), in ingest order, streamed."""
        if ids is None:
            cur = self.conn.execute("SELECT r.json FROM articles a JOIN records r ON r.id = a.id ORDER BY a.rowid")
            for (text,) in cur:
                yield Record.from_json(text)
            return
        for article_id in ids:
            yield self.get(article_id)

    @guarded
    def raw_input(self, article_id: str) -> RawInput | None:
        row = self.conn.execute("SELECT item, data FROM raw_inputs WHERE id = ?", (article_id,)).fetchone()
        return RawInput.from_row(row[0], row[1]) if row else None

    @guarded
    def count(self, table: str = "articles") -> int:
        if table not in TABLES and table not in ("records", "raw_inputs", "entity_keys", "entity_decisions"):
            raise StoreError(f"no table {table!r}; tables: {', '.join(TABLES)}")
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    @guarded
    def table(self, name: str, limit: int | None = None) -> pd.DataFrame:
        """One table as a DataFrame (``articles`` without the text column)."""
        sql = exports.table_query(name)
        return self.frame(sql + (f" LIMIT {int(limit)}" if limit is not None else ""))

    # --- ingest and re-processing --------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str | Item],
        reader: Reader | None = None,
        *,
        workers: int = 1,
        retry_failed: bool = False,
        batch_size: int = 16,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Read every article ``paths`` name (or the ``Item``s given) and store the new ones.

        Idempotent and resumable: inputs already stored are skipped, failed ones
        too unless ``retry_failed``. Reading and parsing are not the store's
        work: this calls ``newsgraph.corpus.ingest`` (which loads the reader,
        and spaCy, only now).
        """
        from newsgraph.corpus import ingest

        return ingest(self, list(paths), reader, workers=workers, retry_failed=retry_failed,
                      batch_size=batch_size, progress=progress)

    def reprocess(
        self,
        reader: Reader | None = None,
        *,
        everything: bool = False,
        workers: int = 1,
        batch_size: int = 16,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Rebuild records made by another newsgraph version, model or pipeline fingerprint, in place.

        Calls ``newsgraph.corpus.reprocess``, as ``ingest`` does.
        """
        from newsgraph.corpus import reprocess

        return reprocess(self, reader, everything=everything, workers=workers, batch_size=batch_size,
                         progress=progress)

    @guarded
    def failures(self) -> pd.DataFrame:
        """Inputs that could not be read, with the reason, newest first."""
        return self.frame(
            'SELECT id, "where", path, line, reason, attempts, newsgraph_version, failed_at FROM failures '
            "ORDER BY failed_at DESC, rowid DESC"
        )

    @guarded
    def warnings(self) -> pd.DataFrame:
        """Stage warnings of stored articles (a stage gave up on part of one), by article in ingest order.

        Unlike ``failures`` these articles are stored; their records miss what
        the stage skipped, and ``Record.warnings`` says where.
        """
        return self.frame(
            "SELECT w.article_id, coalesce(a.path, a.url, a.input_id) AS origin, w.stage, w.message "
            "FROM warnings w JOIN articles a ON a.id = w.article_id ORDER BY a.rowid, w.position"
        )

    # --- entities ------------------------------------------------------------------------

    @guarded
    def find_entities(self, query: str, limit: int = 10, *, exact_first: bool = True) -> list[ents.EntityRef]:
        """Entities ``query`` names: ``#id``, an exact name, else names containing it (most articles first)."""
        return q.find_entities(self.conn, query, limit, exact_first=exact_first)

    @guarded
    def entity(self, name: str, *, limit: int = 50) -> q.EntityProfile:
        """The profile of the corpus entity ``name`` best matches (see ``queries.entity_profile``):
        its articles and quotes by and about it, the first ``limit`` of each."""
        return q.entity_profile(self.conn, name, limit=limit)

    @guarded
    def merge_entities(self, keep: str, other: str) -> ents.EntityRef:
        """Merge entity ``other`` into ``keep`` (names or ``#id``s); the decision is kept."""
        with self.transaction() as conn:
            a, b = ents.find_one(conn, keep), ents.find_one(conn, other)
            blocks = clusters.block_ids_of_entities(conn, {a.id, b.id})
            merged = ents.merge(conn, a, b)
            clusters.entities_changed(conn, {a.id, b.id}, blocks)
            return merged

    @guarded
    def split_entity(
        self, name: str, *, names: list[str] | None = None, articles: list[str] | None = None,
        new_name: str | None = None,
    ) -> ents.EntityRef:
        """Move name variants or articles of an entity into a new one; the decision is kept."""
        with self.transaction() as conn:
            ref = ents.find_one(conn, name)
            new = ents.split(conn, ref, names=names, articles=articles, new_name=new_name)
            clusters.entities_changed(conn, {ref.id, new.id})
            return new

    @guarded
    def entity_decisions(self) -> pd.DataFrame:
        return self.frame("SELECT id, action, detail, made_at FROM entity_decisions ORDER BY id")

    # --- queries ---------------------------------------------------------------------------

    @guarded
    def search(self, text: str, *, limit: int = 20) -> pd.DataFrame:
        """Full-text search (FTS5 syntax, or plain words) over titles and texts, best first, with snippets."""
        return q.search(self.conn, text, limit=limit)

    @guarded
    def graph(self, name: str, *, limit: int | None = None) -> Any:
        """The network of the entity ``name``: its heaviest neighbours by co-mention, relation and event
        (``newsgraph.store.graph.entity_graph``; ``limit`` per kind, default ``NEIGHBOURS``)."""
        from newsgraph.store import graph

        return graph.entity_graph(self.conn, name, limit=graph.NEIGHBOURS if limit is None else limit)

    @guarded
    def timeline(self, name: str | None, *, limit: int | None = None, all_events: bool = False) -> pd.DataFrame:
        """Events involving entity ``name`` (every entity: ``None``) across articles, by event date.

        Each article's main events only, unless ``all_events``.
        """
        return q.timeline(self.conn, name, limit=limit, all_events=all_events)

    @guarded
    def event_timeline(self, name: str | None, *, limit: int | None = None,
                       all_events: bool = False) -> pd.DataFrame:
        """``timeline`` with one row per corpus event: the same event from several articles is one row,
        with its number of reports and the article that reported it first (``event_clusters.compact``)."""
        return clusters.compact_timeline(self.conn, name, limit=limit, all_events=all_events)

    @guarded
    def corpus_event(self, event_id: int) -> clusters.CorpusEvent | None:
        """One corpus event with every report of it (article, source, date, evidence), or None."""
        return clusters.corpus_event(self.conn, event_id)

    @guarded
    def rebuild_event_clusters(self) -> int:
        """Make every corpus event again from the stored events (in one transaction); returns how many."""
        with self.transaction() as conn:
            return clusters.rebuild(conn)

    @guarded
    def quotes(self, *, by: str | None = None, about: str | None = None, limit: int | None = None) -> pd.DataFrame:
        """Attributions (quotes and paraphrases) by an entity or about it, with their articles."""
        return q.quotes(self.conn, by=by, about=about, limit=limit)

    @guarded
    def sources(
        self, *, anonymous: bool = False, outlet: str | None = None, author: str | None = None, limit: int = 20,
        dedupe: bool = False,
        by: Sequence[str] | str | None = None,
    ) -> q.SourcingReport:
        """Sourcing statistics over the (filtered) articles; ``dedupe`` counts each story once (copies left out),
        ``by`` adds shares by role and gender."""
        return q.sources(self.conn, anonymous=anonymous, outlet=outlet, author=author, limit=limit, dedupe=dedupe,
                         by=by)

    # --- near-duplicates and repeated quotes (``newsgraph.store.duplicates``) -----------------

    @guarded
    def duplicates(self, *, limit: int | None = None) -> list[dups.Group]:
        """Groups of near-duplicate articles (wire copy), largest first: the original and its copies."""
        return dups.groups(self.conn, limit=limit)

    @guarded
    def duplicate_group(self, article_id: str) -> dups.Group | None:
        """The near-duplicate group of an article (id or unique prefix), ``None`` when it has no copy."""
        return dups.group_of(self.conn, ents._article_id(self.conn, article_id))

    @guarded
    def dedupe(self, progress: Progress | None = None) -> int:
        """Rebuild the near-duplicate and repeated-quote indexes from scratch, in one transaction; returns the
        articles indexed.

        Ingest keeps them current; this is for a store made before them, or after
        the thresholds changed (``check`` reports stale signatures). It holds the
        writer lock, as an ingest does.
        """
        from newsgraph.store.ingest import writing_run

        with writing_run(self, "dedupe", lock_timeout()), self.transaction() as conn:
            return dups.rebuild(conn, progress)

    @guarded
    def quote(self, quote_id: int) -> dups.Quote | None:
        """A quote repeated across articles (its id from ``repeated_quotes``) with its appearances."""
        return dups.quote(self.conn, quote_id)

    @guarded
    def repeated_quotes(self, article_id: str | None = None, *, limit: int = 50) -> Any:
        """The quotes found in most articles; with ``article_id``, that article's attributions quoted elsewhere."""
        if article_id is None:
            return dups.repeated_quote_groups(self.conn, limit=limit)
        return dups.repeated_quotes(self.conn, ents._article_id(self.conn, article_id))

    @guarded
    def stats(self) -> dict[str, Any]:
        """Counts, date range, generators and size of the store."""
        info = q.stats(self.conn)
        info["path"] = self.path
        info["migrations"] = migrations.applied(self.conn)
        if self.path != ":memory:" and Path(self.path).exists():
            info["bytes"] = Path(self.path).stat().st_size
        return info

    # --- upkeep: check and back up the file --------------------------------------------------

    def check(self) -> upkeep.CheckReport:
        """SQLite's ``integrity_check`` and the store's own invariants; see ``newsgraph.store.upkeep``.

        Never raises for what it finds: a corrupt file is a report with problems.
        """
        return upkeep.check(self.conn, self.path)

    def backup(self, out: str | Path) -> Path:
        """Copy the store to the new file ``out`` (online backup: safe while an ingest writes)."""
        return upkeep.backup(self.conn, out)

    # --- exports ---------------------------------------------------------------------------

    def export_graph(self, fmt: str, out: str | Path, *, min_weight: int = 1,
                     types: Iterable[str] | None = None) -> Path:
        """Write the corpus graph as graphml or gexf; see ``newsgraph.store.export.export_graph``."""
        try:
            return exports.export_graph(self.conn, fmt, out, min_weight=min_weight, types=types)
        except sqlite3.Error as exc:
            raise explain(self.path, exc) from exc

    def export(self, fmt: str, out: str | Path | None, *, table: str | None = None) -> list[Path]:
        """Write records or tables as jsonl, csv or parquet; see ``newsgraph.store.export``."""
        try:
            return exports.export(self.conn, fmt, out, table=table)
        except sqlite3.Error as exc:
            raise explain(self.path, exc) from exc
