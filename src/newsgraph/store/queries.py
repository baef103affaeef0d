"""Read-only queries over the store: search, entity profiles, timelines, quotes, sourcing, stats.

Each returns pandas DataFrames (or a small dataclass of them) so the CLI, the
web app and notebooks share one implementation. Offsets in results are
character offsets into the article's ``text``; ``evidence`` columns are the
text at those offsets.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, get_args

from newsgraph import settings
from newsgraph.errors import StoreError
from newsgraph.record import SourceKind
from newsgraph.store import entities as ents
from newsgraph.store.duplicates import IS_COPY
from newsgraph.store.migrations import (
    ENTITY_MONTH_TALLIES_COUNTED,
    ENTITY_NAME_TALLIES_COUNTED,
    HIDDEN_ALL,
    HIDDEN_MAIN,
    MONTH_GLOB,
    OUTLET_SOURCE_TALLY_TABLES,
    SOURCE_TALLY_TABLES,
    TALLIED_TABLES,
    source_tally_selects,
)
from newsgraph.vocab.pronouns import (
    FIRST_PERSON_FORMS,
    NEUTER_PRONOUN_FORMS,
    PERSON_PRONOUN_FORMS,
    PLURAL_PRONOUN_FORMS,
    SECOND_PERSON_FORMS,
)

if TYPE_CHECKING:
    import pandas as pd

#: Marks around matched words in search snippets (the CLI turns them into bold).
SNIPPET_OPEN, SNIPPET_CLOSE = "[[", "]]"
#: Words a search snippet shows around the match.
SNIPPET_WORDS = 16
#: Rows of co-mentioned entities in a profile.
TOP_CO_MENTIONED = 10
#: Co-mentions are counted over at most this many of an entity's articles: those with
#: the lowest ids, a fixed pseudo-random sample (ids are sha256 hashes). Keeps a
#: profile fast for an entity in tens of thousands of articles.
CO_MENTION_SAMPLE = 500
#: Search ranks (BM25) at most this many matches: the most recently stored. Ranking
#: every match of a common word in a 100k-article store takes ~0.2 s.
SEARCH_RANK_WINDOW = 5000
RE_WORD = re.compile(r"\w[\w'’-]*")


def frame(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> pd.DataFrame:
    """The rows of one query as a DataFrame (pandas is imported here, not with the store)."""
    import pandas as pd

    cur = conn.execute(sql, params)
    return pd.DataFrame(cur.fetchall(), columns=[d[0] for d in cur.description])


def records_of(df: pd.DataFrame) -> list[dict[str, Any]]:
    """DataFrame rows as JSON-ready dicts (NaN → None)."""
    return [
        {k: (None if isinstance(v, float) and v != v else v) for k, v in row.items()}
        for row in df.astype(object).to_dict(orient="records")
    ]


# --- search -----------------------------------------------------------------------------

_SEARCH_SQL = f"""
SELECT a.id, a.published, a.title, a.outlet, coalesce(a.path, a.url) AS origin,
       snippet(articles_fts, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', {SNIPPET_WORDS}) AS snippet,
       round(bm25(articles_fts), 3) AS score
FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
WHERE articles_fts MATCH ? AND articles_fts.rowid >= ? ORDER BY rank LIMIT ?
"""
_WINDOW_SQL = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?"


class QueryRejected(StoreError):
    """User text over a query bound (too long, too many words, a short prefix): a bad request."""


class QueryTimeout(StoreError):
    """A query that ran past its deadline and was stopped; the connection stays usable."""


@dataclass(frozen=True)
class MatchQuery:
    """A search turned into a safe FTS5 MATCH expression, with what it costs."""

    expression: str
    terms: int
    prefixes: int


#: A "phrase" (an unclosed quote runs to the end), or a run of other characters.
RE_SEARCH_CHUNK = re.compile(r'"[^"]*"?|[^\s"]+')
#: Operators a search keeps (upper case, between two terms); any other FTS5 syntax is dropped.
SEARCH_OPERATORS = frozenset({"AND", "OR", "NOT"})


def _quoted(words: list[str], prefix: bool) -> str:
    return '"' + " ".join(w.replace('"', '""') for w in words) + '"' + ("*" if prefix else "")


def match_query(text: str) -> MatchQuery:
    """The FTS5 expression for what a user typed, refused (``QueryRejected``) above the bounds.

    Kept: words (all must match), "phrases", ``word*`` prefixes, and ``AND``/``OR``/``NOT``
    between two terms. Everything else FTS5 would read as syntax (``NEAR``, parentheses,
    column filters, ``^``, ``+``) is dropped and its words searched as words: every
    term is quoted, so no user text reaches FTS5 as an operator, and the cost of a
    query is one doclist read per term, bounded by ``SEARCH_MAX_TERMS``.
    """
    if len(text) > settings.SEARCH_MAX_CHARS:
        raise QueryRejected(f"a search may have at most {settings.SEARCH_MAX_CHARS} characters "
                            f"(this one has {len(text)})")
    parts: list[str] = []
    pending: str | None = None
    terms = prefixes = 0
    for chunk in RE_SEARCH_CHUNK.findall(text):
        if chunk in SEARCH_OPERATORS:
            pending = chunk if parts else None  # a leading operator has nothing to join
            continue
        if chunk.startswith('"'):
            words = RE_WORD.findall(chunk)
            found = [(words, False)] if words else []
        else:
            found = [([m.group()], chunk[m.end():m.end() + 1] == "*") for m in RE_WORD.finditer(chunk)]
        for words, prefix in found:
            if prefix and len(words[0]) < settings.SEARCH_MIN_PREFIX_CHARS:
                raise QueryRejected(f"a prefix search needs at least {settings.SEARCH_MIN_PREFIX_CHARS} "
                                    f"letters before * ({words[0]}*)")
            terms += len(words)
            prefixes += prefix
            if parts:
                parts.append(pending or "AND")
            parts.append(_quoted(words, prefix))
            pending = None
    if terms > settings.SEARCH_MAX_TERMS:
        raise QueryRejected(f"a search may have at most {settings.SEARCH_MAX_TERMS} words (this one has {terms})")
    if prefixes > settings.SEARCH_MAX_PREFIXES:
        raise QueryRejected(f"a search may have at most {settings.SEARCH_MAX_PREFIXES} prefix terms (word*)")
    if not terms:
        raise QueryRejected("search needs at least one word")
    return MatchQuery(" ".join(parts), terms, prefixes)


def plain_query(text: str) -> str:
    """An FTS5 query that matches all of the words, whatever characters the text holds."""
    words = RE_WORD.findall(text)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def _search(conn: sqlite3.Connection, query: str, limit: int, window: int) -> pd.DataFrame:
    row = conn.execute(_WINDOW_SQL, (query, window - 1)).fetchone()
    return frame(conn, _SEARCH_SQL, (query, row[0] if row else 0, limit))


def search(conn: sqlite3.Connection, text: str, *, limit: int = 20, window: int = SEARCH_RANK_WINDOW) -> pd.DataFrame:
    """Articles matching ``text`` (words, "phrases", OR, NOT, prefix*), best first.

    ``text`` becomes a safe FTS5 expression (``match_query``), refused above the
    bounds in ``newsgraph.settings``. When more than ``window`` articles match,
    the best are chosen among the ``window`` most recently stored matches.
    """
    return _search(conn, match_query(text).expression, limit, window)


@contextmanager
def deadline(conn: sqlite3.Connection, seconds: float | None, *, steps: int | None = None) -> Iterator[None]:
    """Abort what ``conn`` runs inside the block once ``seconds`` have passed (``QueryTimeout``).

    SQLite's progress handler looks at the clock every ``steps`` virtual-machine
    steps and stops the statement; the connection stays usable for the next query.
    ``None`` runs without a deadline.
    """
    if seconds is None:
        yield
        return
    end = time.monotonic() + seconds
    fired = False

    def check() -> int:
        nonlocal fired
        fired = fired or time.monotonic() > end
        return int(fired)

    conn.set_progress_handler(check, steps or settings.QUERY_DEADLINE_STEPS)
    try:
        yield
    except (sqlite3.Error, StoreError) as exc:
        if fired:
            raise QueryTimeout(f"the query took longer than {seconds:g} s and was stopped; "
                               "try fewer or rarer words") from exc
        raise
    finally:
        conn.set_progress_handler(None, 0)


# --- bounded lookups --------------------------------------------------------------------

#: The largest id SQLite stores (a 64-bit signed integer): ``#`` ids above it name nothing.
MAX_ROW_ID = 2**63 - 1


def check_name(text: str | None, what: str = "an entity name") -> None:
    """Refuse (``QueryRejected``) a name or filter longer than ``NAME_MAX_CHARS``."""
    if text is not None and len(text) > settings.NAME_MAX_CHARS:
        raise QueryRejected(f"{what} may have at most {settings.NAME_MAX_CHARS} characters (this one has {len(text)})")


def find_entities(conn: sqlite3.Connection, query: str, limit: int = 10, *, exact_first: bool = True
                  ) -> list[ents.EntityRef]:
    """``entities.find`` within bounds: a too-long name is refused, an ``#id`` out of range matches nothing."""
    check_name(query)
    match = ents.RE_ENTITY_ID.match(query.strip())
    if match and int(match.group(1)) > MAX_ROW_ID:
        return []
    return ents.find(conn, query, limit, exact_first=exact_first)


# --- entity profile ---------------------------------------------------------------------


@dataclass
class EntityProfile:
    """Everything the store knows about one corpus entity."""

    entity: ents.EntityRef
    other_matches: list[ents.EntityRef]
    names: pd.DataFrame
    titles: pd.DataFrame
    articles: pd.DataFrame
    quotes_by: pd.DataFrame
    quotes_about: pd.DataFrame
    co_mentioned: pd.DataFrame
    #: How many of the entity's articles ``co_mentioned`` counts over (all, up to ``CO_MENTION_SAMPLE``).
    co_mention_articles: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity.__dict__,
            "other_matches": [r.__dict__ for r in self.other_matches],
            "co_mention_articles": self.co_mention_articles,
            **{name: records_of(getattr(self, name)) for name in
               ("names", "titles", "articles", "quotes_by", "quotes_about", "co_mentioned")},
        }


def best_entity(conn: sqlite3.Connection, name: str) -> tuple[ents.EntityRef, list[ents.EntityRef]]:
    """The entity ``name`` best matches (exact name, else most articles) and the other candidates."""
    found = find_entities(conn, name)
    if not found:
        raise StoreError(f"no entity matches {name!r}")
    return found[0], found[1:]


_QUOTE_COLUMNS = """q.article_id, a.published, a.title, q.id AS attribution_id, s.description AS source,
       q.kind, q.quoted, q.cue, q.content, q.content_start, q.content_end"""
#: The order of an entity's articles and quotes: publication date (undated last), then storage order.
_ARTICLE_ORDER = "a.published IS NULL, a.published, a.rowid"
_QUOTE_ORDER = f"{_ARTICLE_ORDER}, q.content_start, q.id"
#: An entity in more articles than this has its articles walked in date order (an index, no sort)
#: until a query's limit is met; a smaller one has its articles sorted (at most this many).
DENSE_ENTITY_ARTICLES = 1000
#: An entity with fewer source rows than this has its quotes sorted in one query (``_quotes_by``).
SPARSE_SOURCE_ROWS = 2000
#: Articles the first batch of a bounded entity query reads; each next batch is twice as large.
FIRST_BATCH = 64
#: The largest batch of articles one bounded entity query reads at a time.
MAX_BATCH = 4096
_IN_BATCH = "a.rowid IN (SELECT value FROM json_each(?1))"


def _entity_article_rowids(conn: sqlite3.Connection, corpus_id: int, dense: bool) -> Iterator[int]:
    """The rowids of the entity's articles in ``_ARTICLE_ORDER``, read lazily.

    A dense entity walks ``articles_published`` (dated, then undated articles,
    each already in order) and keeps the articles the entity is in; a sparse one
    sorts its own articles. Either way a caller that stops early reads no further.
    """
    has = "EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id AND e.corpus_entity_id = ?)"
    if dense:
        statements = [
            f"SELECT a.rowid FROM articles a WHERE a.published IS NOT NULL AND {has} ORDER BY a.published, a.rowid",
            f"SELECT a.rowid FROM articles a WHERE a.published IS NULL AND {has} ORDER BY a.rowid",
        ]
    else:
        statements = [f"""SELECT a.rowid FROM entities e JOIN articles a ON a.id = e.article_id
                          WHERE e.corpus_entity_id = ? GROUP BY a.rowid ORDER BY {_ARTICLE_ORDER}"""]
    for sql in statements:
        cur = conn.execute(sql, (corpus_id,))
        try:
            while rows := cur.fetchmany(256):
                yield from (r[0] for r in rows)
        finally:
            cur.close()  # a walk stopped early ends its statement (and its read of the snapshot) now


def _store_article_rowids(conn: sqlite3.Connection) -> Iterator[int]:
    """The rowids of every article in ``_ARTICLE_ORDER`` (dated from ``articles_published``, then undated), lazily."""
    for sql in ("SELECT a.rowid FROM articles a INDEXED BY articles_published WHERE a.published IS NOT NULL "
                "ORDER BY a.published, a.rowid",
                "SELECT a.rowid FROM articles a WHERE a.published IS NULL ORDER BY a.rowid"):
        cur = conn.execute(sql)
        try:
            while rows := cur.fetchmany(256):
                yield from (r[0] for r in rows)
        finally:
            cur.close()


def _by_article_batches(conn: sqlite3.Connection, corpus_id: int | None, sql: str, params: tuple,
                        limit: int | None, *, dense: bool | None = None, first: list[tuple] | None = None,
                        rowids: Iterator[int] | None = None) -> pd.DataFrame:
    """Rows of ``sql`` for the entity's articles, taken in article order in growing batches until ``limit``.

    ``sql`` must keep ``_IN_BATCH`` (its first parameter, the batch's rowids) and end
    in ``ORDER BY`` whose leading keys are ``_ARTICLE_ORDER`` and ``LIMIT ?``: the
    batches are consecutive runs of articles, so their rows, one after another, are
    the rows of the query over all the entity's articles. The work is proportional
    to the articles read before ``limit`` rows are found, not to the entity's size.
    ``first``: rows that come before all of these (they count towards ``limit``). ``rowids``: the
    articles to read instead of the entity's (``_store_article_rowids``: every article).
    """
    import json

    import pandas as pd

    if rowids is None and dense is None:
        dense = conn.execute("SELECT count(*) > ? FROM (SELECT 1 FROM entities WHERE corpus_entity_id = ? "
                             "GROUP BY article_id LIMIT ?)",
                             (DENSE_ENTITY_ARTICLES, corpus_id, DENSE_ENTITY_ARTICLES + 1)).fetchone()[0]
    want = -1 if limit is None else limit
    rows: list[tuple] = list(first or [])
    columns: list[str] | None = None
    size = FIRST_BATCH
    if rowids is None:
        assert corpus_id is not None
        rowids = _entity_article_rowids(conn, corpus_id, bool(dense))
    try:
        while want < 0 or len(rows) < want:
            batch = [r for _, r in zip(range(size), rowids, strict=False)]
            if not batch:
                break
            cur = conn.execute(sql, (json.dumps(batch), *params, -1 if want < 0 else want - len(rows)))
            rows += cur.fetchall()
            columns = [d[0] for d in cur.description]
            size = min(size * 2, MAX_BATCH)
    finally:
        close = getattr(rowids, "close", None)
        if close is not None:
            close()
    if columns is None:
        columns = [d[0] for d in conn.execute(sql, ("[]", *params, 0)).description]
    return pd.DataFrame(rows, columns=columns)


def _quotes_by(conn: sqlite3.Connection, corpus_id: int, limit: int | None) -> pd.DataFrame:
    """The entity's own attributions in article order.

    An entity that is seldom a named source (a country, a party named in passing)
    has its few sources found straight from its entity rows and sorted: walking
    its articles until ``limit`` quotes turn up would read every one of them
    (2.2 s for "Europe", never a source, in the 100k store). A frequent source
    walks its articles in batches and stops early. The source rows are read from
    ``entity_name_tallies`` (migration 0020): counted from the rows, up to
    ``SPARSE_SOURCE_ROWS`` of them, they took 40-130 ms for the busiest entity.
    """
    sources = conn.execute(ENTITY_SOURCE_ROWS_SQL, (corpus_id,)).fetchone()[0]
    if sources < SPARSE_SOURCE_ROWS:
        return frame(conn, f"""
            SELECT {_QUOTE_COLUMNS}
            FROM entities e
            JOIN sources s ON s.article_id = e.article_id AND s.entity_id = e.id
            JOIN attributions q ON q.article_id = s.article_id AND q.source_id = s.id
            JOIN articles a ON a.id = q.article_id
            WHERE e.corpus_entity_id = ?
            ORDER BY {_QUOTE_ORDER}
            LIMIT ?""", (corpus_id, -1 if limit is None else limit))
    return _by_article_batches(conn, corpus_id, f"""
        SELECT {_QUOTE_COLUMNS}
        FROM articles a
        JOIN entities e ON e.article_id = a.id
        JOIN sources s ON s.article_id = e.article_id AND s.entity_id = e.id
        JOIN attributions q ON q.article_id = s.article_id AND q.source_id = s.id
        WHERE {_IN_BATCH} AND e.corpus_entity_id = ?2
        ORDER BY {_QUOTE_ORDER}
        LIMIT ?3""", (corpus_id,), limit)


def _quotes_about(conn: sqlite3.Connection, corpus_id: int, limit: int | None) -> pd.DataFrame:
    """Attributions whose content mentions the entity, except the entity's own words.

    Run over the entity's articles in batches (``_by_article_batches``). The
    CROSS JOINs fix the join order: the batch's articles, the entity in each, its
    attributions, then the entity's mentions inside each (an index lookup).
    """
    return _by_article_batches(conn, corpus_id, f"""
        SELECT DISTINCT {_QUOTE_COLUMNS}
        FROM articles a
        CROSS JOIN entities e ON e.article_id = a.id
        CROSS JOIN attributions q ON q.article_id = e.article_id
        CROSS JOIN mentions m ON m.article_id = q.article_id AND m.entity_id = e.id
             AND m.start >= q.content_start AND m."end" <= q.content_end
        LEFT JOIN sources s ON s.article_id = q.article_id AND s.id = q.source_id
        LEFT JOIN entities se ON se.article_id = s.article_id AND se.id = s.entity_id
        WHERE {_IN_BATCH} AND e.corpus_entity_id = ?2
          AND (se.corpus_entity_id IS NULL OR se.corpus_entity_id != e.corpus_entity_id)
        ORDER BY {_QUOTE_ORDER}
        LIMIT ?3""", (corpus_id,), limit)


def _entity_articles(conn: sqlite3.Connection, corpus_id: int, limit: int | None) -> pd.DataFrame:
    return _by_article_batches(conn, corpus_id, f"""
        SELECT a.id, a.published, a.title, a.outlet, sum(e.n_mentions) AS mentions,
               round(max(e.salience), 3) AS salience
        FROM articles a JOIN entities e ON e.article_id = a.id AND e.corpus_entity_id = ?2
        WHERE {_IN_BATCH}
        GROUP BY a.rowid ORDER BY {_ARTICLE_ORDER} LIMIT ?3""", (corpus_id,), limit)


#: The names an entity (the parameter) goes by, with their articles and mentions: read from the tallies
#: (``entity_name_tallies``, migration 0020), not counted from every row of the entity.
PROFILE_NAMES_SQL = """
    SELECT name, nullif(type, '') AS type, articles, mentions FROM entity_name_tallies
    WHERE corpus_entity_id = ? ORDER BY articles DESC, mentions DESC, name, type"""
#: ``PROFILE_NAMES_SQL`` counted from the entity rows (what the tallies must equal; the tests).
PROFILE_NAMES_COUNTED_SQL = """
    SELECT name, type, count(DISTINCT article_id) AS articles, sum(n_mentions) AS mentions
    FROM entities WHERE corpus_entity_id = ? GROUP BY name, type
    ORDER BY articles DESC, mentions DESC, name, coalesce(type, '')"""
#: How many source rows name an entity (the parameter), from ``entity_name_tallies``.
ENTITY_SOURCE_ROWS_SQL = "SELECT coalesce(sum(sources), 0) FROM entity_name_tallies WHERE corpus_entity_id = ?"
#: The titles an entity (the parameter) was given, first and last dated use: read from the titled rows only
#: (``entities_titled``, migration 0017), not every row of the entity.
PROFILE_TITLES_SQL = """
    SELECT j.value AS title, min(a.published) AS first, max(a.published) AS last,
           count(DISTINCT e.article_id) AS articles
    FROM entities e JOIN articles a ON a.id = e.article_id, json_each(e.titles) j
    WHERE e.corpus_entity_id = ? AND e.titles != '[]'
    GROUP BY j.value ORDER BY first IS NULL, first, articles DESC"""


def entity_profile(conn: sqlite3.Connection, name: str, *, limit: int = 50) -> EntityProfile:
    """Names, titles over time, articles, quotes by and about, and top co-mentioned entities.

    ``articles``, ``quotes_by`` and ``quotes_about`` hold the first ``limit`` rows
    by publication date; co-mentions are counted over up to ``CO_MENTION_SAMPLE``
    of the entity's articles.
    """
    ref, others = best_entity(conn, name)
    cid = ref.id
    names = frame(conn, PROFILE_NAMES_SQL, (cid,))
    titles = frame(conn, PROFILE_TITLES_SQL, (cid,))
    articles = _entity_articles(conn, cid, limit)
    co_mentioned = frame(conn, """
        WITH sample AS (
            SELECT DISTINCT article_id FROM entities WHERE corpus_entity_id = ?1 ORDER BY article_id LIMIT ?2
        ),
        counts AS (
            SELECT o.corpus_entity_id AS id, count(DISTINCT o.article_id) AS articles
            FROM sample JOIN entities o ON o.article_id = sample.article_id
            WHERE o.corpus_entity_id != ?1
            GROUP BY o.corpus_entity_id ORDER BY articles DESC, id LIMIT ?3
        )
        SELECT c.id, c.name, c.type, counts.articles
        FROM counts JOIN corpus_entities c ON c.id = counts.id ORDER BY counts.articles DESC, c.name""",
        (cid, CO_MENTION_SAMPLE, TOP_CO_MENTIONED))
    return EntityProfile(
        entity=ref, other_matches=others, names=names, titles=titles, articles=articles,
        quotes_by=_quotes_by(conn, cid, limit), quotes_about=_quotes_about(conn, cid, limit),
        co_mentioned=co_mentioned, co_mention_articles=min(ref.articles, CO_MENTION_SAMPLE),
    )


# --- quotes -----------------------------------------------------------------------------


def quotes(
    conn: sqlite3.Connection, *, by: str | None = None, about: str | None = None, limit: int | None = None
) -> pd.DataFrame:
    """Attributions by the entity ``by``, about the entity ``about``, or all of them."""
    if by is not None:
        return _quotes_by(conn, best_entity(conn, by)[0].id, limit)
    if about is not None:
        return _quotes_about(conn, best_entity(conn, about)[0].id, limit)
    # Every attribution: the store's articles in date order, in batches, until the limit (no sort of the table).
    return _by_article_batches(conn, None, f"""
        SELECT {_QUOTE_COLUMNS}
        FROM articles a
        CROSS JOIN attributions q ON q.article_id = a.id
        LEFT JOIN sources s ON s.article_id = q.article_id AND s.id = q.source_id
        WHERE {_IN_BATCH}
        ORDER BY {_QUOTE_ORDER} LIMIT ?2""", (), limit, rowids=_store_article_rowids(conn))


# --- timeline ---------------------------------------------------------------------------

_TIMELINE_COLUMNS = """v.date, v.date_reason, v.actor_text AS actor, v.predicate,
       CASE WHEN v.predicate_text IS NOT NULL THEN v.predicate_text WHEN v.negated = 1 THEN 'not ' || v.predicate
            ELSE v.predicate END AS predicate_text, v.main, v.target_text AS target,
       v.object_text AS object, v.negated, v.modality, v.code, s.description AS source,
       v.article_id, a.published, a.title, a.outlet, v.id AS event_id,
       substr(a.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) AS evidence,
       v.sentence_start AS evidence_start, v.sentence_end AS evidence_end"""
_TIMELINE_ORDER = "ORDER BY v.date IS NULL, v.date, a.published, a.rowid, v.sentence_start, v.id"


def _timeline_sql(chosen: str) -> str:
    """The timeline rows of the events ``chosen`` selects (``vr``, ``ar``, ``role``; ordered and limited).

    Only the sort keys are read for every candidate event; the columns, and the
    evidence cut from the article's text, are read for the rows kept.
    """
    return f"""
        WITH chosen AS ({chosen})
        SELECT {_TIMELINE_COLUMNS}, chosen.role
        FROM chosen CROSS JOIN events v ON v.rowid = chosen.vr CROSS JOIN articles a ON a.rowid = chosen.ar
        LEFT JOIN sources s ON s.article_id = v.article_id AND s.id = v.source_id
        {_TIMELINE_ORDER}"""


#: SQL true for an event that is a report of a corpus event but not the one its timeline row shows
#: (``event_clusters``: bit 1 of ``event_reports.lead`` marks the first report, bit 2 the first main one).
_NOT_LEAD = ("EXISTS (SELECT 1 FROM event_reports r WHERE r.article_id = v.article_id AND r.event_id = v.id "
             "AND (r.lead & {bit}) = 0)")


def timeline(conn: sqlite3.Connection, name: str | None, *, limit: int | None = None,
             all_events: bool = False, corpus_events: bool = False) -> pd.DataFrame:
    """Events whose actor or target is the entity ``name`` (all events when ``None``), by event date.

    Each row carries its article, the source the event is attributed to, and the
    sentence it was read from (``evidence`` with its offsets). Undated events come last.
    Only each article's main events (``events.main``, migration 0007) unless ``all_events``.
    ``corpus_events``: one row per corpus event (migration 0010), its first report's
    (its first main report's, without ``all_events``); see ``event_clusters.compact_timeline``.
    """
    lim = -1 if limit is None else limit
    if name is None:
        return _store_timeline(conn, lim, all_events=all_events, corpus_events=corpus_events)
    main = "" if all_events else "AND v.main = 1"
    if corpus_events:
        main += " AND NOT " + _NOT_LEAD.format(bit=1 if all_events else 2)
    ref, _ = best_entity(conn, name)
    # Dated events first, by date: the entity's own events (``events_actor``, ``events_target``, which
    # hold the date), sorted by their keys. An event whose actor and target are both the entity's row
    # counts once, as its actor, as with ``actor = e.id OR target = e.id``.
    cur = conn.execute(_timeline_sql(f"""
            SELECT c.vr, a.rowid AS ar, c.role FROM (
                SELECT v.rowid AS vr, 'actor' AS role FROM entities e
                CROSS JOIN events v ON v.article_id = e.article_id AND v.actor = e.id
                WHERE e.corpus_entity_id = ?1 AND v.date IS NOT NULL {main}
                UNION ALL
                SELECT v.rowid, 'target' FROM entities e
                CROSS JOIN events v ON v.article_id = e.article_id AND v.target = e.id
                WHERE e.corpus_entity_id = ?1 AND v.actor IS NOT e.id AND v.date IS NOT NULL {main}
            ) c CROSS JOIN events v ON v.rowid = c.vr CROSS JOIN articles a ON a.id = v.article_id
            {_TIMELINE_ORDER} LIMIT ?2"""), (ref.id, lim))
    dated = cur.fetchall()
    # Then the undated ones, in article order: the entity's articles in batches until the limit is met.
    return _by_article_batches(conn, ref.id, f"""
        WITH batch AS (SELECT a.rowid AS ar, a.id AS aid FROM articles a WHERE {_IN_BATCH}),
        chosen AS (
            SELECT v.rowid AS vr, batch.ar, 'actor' AS role FROM batch
            CROSS JOIN entities e ON e.article_id = batch.aid AND e.corpus_entity_id = ?2
            CROSS JOIN events v ON v.article_id = e.article_id AND v.actor = e.id
            WHERE v.date IS NULL {main}
            UNION ALL
            SELECT v.rowid, batch.ar, 'target' FROM batch
            CROSS JOIN entities e ON e.article_id = batch.aid AND e.corpus_entity_id = ?2
            CROSS JOIN events v ON v.article_id = e.article_id AND v.target = e.id
            WHERE v.date IS NULL AND v.actor IS NOT e.id {main}
        )
        SELECT {_TIMELINE_COLUMNS}, chosen.role
        FROM chosen CROSS JOIN events v ON v.rowid = chosen.vr CROSS JOIN articles a ON a.rowid = chosen.ar
        LEFT JOIN sources s ON s.article_id = v.article_id AND s.id = v.source_id
        {_TIMELINE_ORDER} LIMIT ?3""", (ref.id,), None if lim < 0 else lim, first=dated)


def _store_timeline(conn: sqlite3.Connection, limit: int, *, all_events: bool, corpus_events: bool) -> pd.DataFrame:
    """The timeline of every event (``timeline(None, …)``): the first ``limit`` rows without sorting the store.

    The events it may show are read by date from an index: with ``corpus_events``
    the partial indexes of the shown events (``events.hidden``, migration 0015), else
    ``events_main_date`` (main events). The date of the ``limit``-th dated one is the
    cut: every row of the answer is dated on or before it (undated rows come last),
    so only those rows are sorted by the full order, ties at the cut included. Fewer
    dated rows than ``limit``: the undated ones follow, sorted (a store with few dates).
    Every event without ``corpus_events`` and with ``all_events`` has no date index: sorted whole.
    """
    if corpus_events:
        bit = HIDDEN_ALL if all_events else HIDDEN_MAIN
        shown = f"(v.hidden & {bit}) = 0" + ("" if all_events else " AND v.main = 1")
        index = "events_shown_all" if all_events else "events_shown_main"
    elif not all_events:
        shown, index = "v.main = 1", "events_main_date"
    else:
        shown, index = "1", None

    def rows(where: str, params: tuple) -> pd.DataFrame:
        return frame(conn, _timeline_sql(f"""
            SELECT v.rowid AS vr, a.rowid AS ar, NULL AS role
            FROM events v {f"INDEXED BY {index}" if index else ""} CROSS JOIN articles a ON a.id = v.article_id
            WHERE {shown} AND {where}
            {_TIMELINE_ORDER} LIMIT ?"""), (*params, limit))

    if index is None or limit < 0:
        return rows("1", ())
    cut = conn.execute(f"SELECT v.date FROM events v INDEXED BY {index} WHERE {shown} AND v.date IS NOT NULL "
                       "ORDER BY v.date LIMIT 1 OFFSET ?", (max(0, limit - 1),)).fetchone()
    if limit == 0 or cut is not None:
        return rows("v.date IS NOT NULL AND v.date <= ?", (cut[0] if cut else "",))
    return rows("1", ())


# --- sourcing ---------------------------------------------------------------------------


@dataclass
class SourcingReport:
    """How the (filtered) articles source their claims."""

    filters: dict[str, Any]
    articles: int
    attributions: int
    by_kind: dict[str, int]
    anonymous_share: float
    named_sources: int
    top_sources: pd.DataFrame = field(default_factory=lambda: _empty_frame())
    #: Attributions whose source is a pronoun the article left unresolved ("he", "it", "they"): counted
    #: here, never ranked among the named sources (``UNRESOLVED_SOURCE``).
    unresolved_pronoun_attributions: int = 0
    #: Shares by role and by gender (``--by role,gender``), unknowns included: see ``share_rows``.
    shares: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k != "top_sources"}
        data["top_sources"] = records_of(self.top_sources)
        return data


def _empty_frame() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame()


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


#: An author filter made of these characters only is found as it is in the authors' JSON text (JSON escapes
#: none of them), so that text can be tested before the array is parsed.
PLAIN_FILTER = re.compile(r"[ !#-\[\]-~]+")


def _article_filter(outlet: str | None, author: str | None) -> tuple[str, tuple]:
    """SQL over ``articles a`` keeping the articles whose outlet, and one of whose authors, contain the texts.

    An author filter of plain ASCII (``PLAIN_FILTER``) first tests the authors' JSON
    text with the same ``LIKE``: an author containing the text means the JSON holds it,
    so only the articles that pass have their array parsed (the parse of every article's
    authors was most of the author filter's time: 60 ms a statement at 100,000 articles).
    """
    clauses, params = ["1"], []
    if outlet:
        clauses.append("a.outlet LIKE ? ESCAPE '\\'")
        params.append(_like(outlet))
    if author:
        if PLAIN_FILTER.fullmatch(author):
            clauses.append("a.authors LIKE ? ESCAPE '\\'")
            params.append(_like(author))
        clauses.append("EXISTS (SELECT 1 FROM json_each(a.authors) j WHERE j.value LIKE ? ESCAPE '\\')")
        params.append(_like(author))
    return " AND ".join(clauses), tuple(params)


def picked_articles(where: str) -> str:
    """``WITH picked``: the articles a filter keeps (``where`` over ``articles a``), found once, before any join.

    Joined as ``picked a CROSS JOIN sources s`` (or ``attributions q``) the rows of
    the kept articles only are read. Joined the other way, as the planner chose for
    ``sources s JOIN articles a`` with a substring filter no index serves, every
    source or attribution of the store was read and its article looked up before the
    filter dropped it: 1.7 s for one outlet of a 40,900-article store. MATERIALIZED
    keeps the planner from folding the filter back into the join. The columns are the
    ones the statements group by (``SHARE_PER``); ``articles_filtered`` (migration
    ``0018_sourcing_filters``) holds them all, so finding the articles reads an index,
    not the article rows and their texts.
    """
    return f"""WITH picked AS MATERIALIZED (
        SELECT a.id, a.outlet, a.published, a.authors FROM articles a WHERE {where})"""


#: The join of a picked article to its sources and to its attributions (``picked_articles``).
PICKED_SOURCE = "s.article_id = a.id"
PICKED_ATTRIBUTION = "q.article_id = a.id"


#: Words a source may be named by when the attribution stage could not resolve who they are.
UNRESOLVED_SOURCE_WORDS = tuple(sorted(
    PERSON_PRONOUN_FORMS | NEUTER_PRONOUN_FORMS | PLURAL_PRONOUN_FORMS | FIRST_PERSON_FORMS | SECOND_PERSON_FORMS))
#: SQL true for a source that is such a pronoun with no entity behind it (both backends run it).
#: SQL true for an attribution row (``q``) that is a claim of its own, not a quoted fragment of one
#: (``record.claim_parts``): what every count of attributions counts.
IS_CLAIM = "q.part_of IS NULL"
UNRESOLVED_SOURCE = ("(s.entity_id IS NULL AND lower(trim(s.description)) IN ("
                     + ", ".join(f"'{w}'" for w in UNRESOLVED_SOURCE_WORDS) + "))")


#: What sourcing shares are taken of (``--by role,gender``): the sources column, and the source kinds
#: counted. A role is read for people and organisations; a gender for people only (an organisation has
#: none, so it would only swell the unknowns).
SHARE_OF: dict[str, tuple[str, tuple[str, ...]]] = {
    "role": ("s.role", ("person", "anonymous", "organization", "media")),
    "gender": ("s.gender", ("person", "anonymous")),
}
#: What shares may be taken per (``--by role,outlet``): an SQL expression over the article ``a`` (both
#: backends run it). ``author`` needs each backend's own way to read the authors' JSON array.
SHARE_PER: dict[str, str] = {"outlet": "a.outlet", "year": "substr(a.published, 1, 4)",
                             "month": "substr(a.published, 1, 7)", "author": "j.value"}
#: SQLite's join of an article to its authors, one row each (an article without authors drops out).
AUTHOR_JOIN = "JOIN json_each(a.authors) j"
#: The value a share gives a source with no role or no gender.
UNKNOWN_SHARE = "unknown"


def share_dimensions(by: Sequence[str] | str | None) -> tuple[list[str], str | None]:
    """``"role,gender,outlet"`` → (``["role", "gender"]``, ``"outlet"``): what to share, and per what.

    Refuses (``QueryRejected``) a name that is neither, or more than one grouping.
    """
    names = [n.strip() for n in (by.split(",") if isinstance(by, str) else by or ()) if n.strip()]
    unknown = [n for n in names if n not in SHARE_OF and n not in SHARE_PER]
    if unknown:
        raise QueryRejected(f"--by takes {', '.join([*SHARE_OF, *SHARE_PER])}; not {', '.join(unknown)}")
    per = [n for n in names if n in SHARE_PER]
    if len(per) > 1:
        raise QueryRejected(f"shares are taken per one grouping at a time, not {', '.join(per)}")
    of = [n for n in dict.fromkeys(names) if n in SHARE_OF]
    return (of or (list(SHARE_OF) if per else [])), (per[0] if per else None)


def share_rows(fetch: Callable[[str, tuple], list[tuple]], where: str, params: tuple, of: list[str],
               per: str | None, author_join: str = AUTHOR_JOIN, *, picked: bool = False
               ) -> dict[str, list[dict[str, Any]]]:
    """Sources and their attributions by role or gender (per outlet, author, year or month), with shares.

    One row per value, ``unknown`` always among them (a source the article gives
    no role or no gender, or conflicting genders): ``sources`` counts source rows
    (one person in three articles is three), ``attributions`` their claims, each
    ``*_share`` a fraction of its group's total. ``fetch(sql, params)`` runs the
    SQL on either backend; only the authors' join differs between them.
    ``picked`` (SQLite) reads the filtered articles first (``picked_articles``).
    """
    out: dict[str, list[dict[str, Any]]] = {}
    head, articles, cond = ((picked_articles(where), f"picked a CROSS JOIN sources s ON {PICKED_SOURCE}", "1")
                            if picked else ("", "sources s JOIN articles a ON a.id = s.article_id", where))
    if not of:
        return out
    group = SHARE_PER[per] if per else "NULL"
    join = author_join if per == "author" else ""
    # One statement for every dimension (each source row has one kind, role and gender, so the counts of
    # its groups add up per dimension): the rows are read once, not once a dimension.
    values = ", ".join(f"coalesce({SHARE_OF[name][0]}, '{UNKNOWN_SHARE}')" for name in of)
    kind_list = ", ".join(f"'{k}'" for k in dict.fromkeys(k for name in of for k in SHARE_OF[name][1]))
    rows = fetch(f"""{head}
        SELECT {group} AS grp, s.kind, {values},
               count(DISTINCT s.article_id || '/' || s.id) AS sources, count(q.id) AS attributions
        FROM {articles} {join}
        LEFT JOIN attributions q ON q.article_id = s.article_id AND q.source_id = s.id AND {IS_CLAIM}
        WHERE {cond} AND s.kind IN ({kind_list})
        GROUP BY {", ".join(str(i) for i in range(1, len(of) + 3))}""", params)
    for i, name in enumerate(of):
        kinds = SHARE_OF[name][1]
        summed: dict[tuple[Any, Any], list[int]] = {}
        for row in rows:
            if row[1] in kinds:
                counts = summed.setdefault((row[0], row[2 + i]), [0, 0])
                counts[0] += int(row[-2])
                counts[1] += int(row[-1])
        out[name] = share_table(name, per, [(grp, value, n, c) for (grp, value), (n, c) in summed.items()])
    return out


def share_table(name: str, per: str | None, rows: Iterable[tuple]) -> list[dict[str, Any]]:
    """The share rows of one dimension from (group, value, sources, attributions) counts (see ``share_rows``)."""
    groups: dict[Any, dict[str, tuple[int, int]]] = {}
    for grp, value, n_sources, n_attributions in rows:
        groups.setdefault(grp, {})[str(value)] = (int(n_sources), int(n_attributions))
    table: list[dict[str, Any]] = []
    for grp in sorted(groups, key=lambda g: (g is not None, str(g or ""))):
        counts = groups[grp]
        counts.setdefault(UNKNOWN_SHARE, (0, 0))
        total_s = sum(c[0] for c in counts.values())
        total_a = sum(c[1] for c in counts.values())
        for value, (n_s, n_a) in sorted(counts.items(), key=lambda kv: (kv[0] == UNKNOWN_SHARE, -kv[1][0],
                                                                        -kv[1][1], kv[0])):
            row: dict[str, Any] = {per: grp} if per else {}
            row.update({name: value, "sources": n_s,
                        "sources_share": round(n_s / total_s, 4) if total_s else 0.0,
                        "attributions": n_a,
                        "attributions_share": round(n_a / total_a, 4) if total_a else 0.0})
            table.append(row)
    return table


def sources(
    conn: sqlite3.Connection, *, anonymous: bool = False, outlet: str | None = None, author: str | None = None,
    limit: int = 20, dedupe: bool = False, by: Sequence[str] | str | None = None, scan: bool = False,
) -> SourcingReport:
    """Attributions by source kind, anonymous share, named sources and the most cited sources.

    ``outlet`` and ``author`` keep articles whose outlet or an author contains
    the text (case-insensitive); ``anonymous`` lists only anonymous sources;
    ``dedupe`` leaves out the copies of near-duplicate articles, so a wire story
    republished five times counts once (its original stands for it).
    ``by`` ("role,gender", optionally with one of outlet, author, year, month)
    adds the shares of ``share_rows``.

    Without a filter (outlet, author, dedupe) or a share grouping, the report is
    read from the source tallies (migration ``0014_source_tallies``): a few index
    ranges however large the store; with ``dedupe`` alone, from the tallies less
    the copies' share (``_deduped_sources``); with ``outlet`` alone, from the
    tallies of the outlets it keeps (``_outlet_sources``). Otherwise, or with ``scan``, it is
    counted from the rows of the kept articles (``picked_articles``); all give the
    same report (``tests/store/test_source_tallies.py``, ``test_sources_filtered.py``).
    """
    import pandas as pd

    check_name(outlet, "an outlet filter")
    check_name(author, "an author filter")
    of, per = share_dimensions(by)
    filters = {"anonymous": anonymous, "outlet": outlet, "author": author, "dedupe": dedupe,
               "by": [*of, *([per] if per else [])]}
    if not (scan or outlet or author or dedupe or per):
        return _tallied_sources(conn, filters, anonymous=anonymous, limit=limit, of=of)
    if dedupe and not (scan or outlet or author or per):
        return _deduped_sources(conn, filters, anonymous=anonymous, limit=limit, of=of)
    if outlet and not (scan or author or dedupe or per):
        return _outlet_sources(conn, filters, outlet, anonymous=anonymous, limit=limit, of=of)
    where, params = _article_filter(outlet, author)
    if dedupe:
        where += f" AND NOT {IS_COPY}"
    # The kept articles are found once, by rowid; every statement below reads them first. (Each statement
    # testing the filter again, over every article, cost 60 ms a time at 100,000 articles.)
    kept = [r[0] for r in conn.execute(f"SELECT a.rowid FROM articles a WHERE {where}", params)]
    n_articles = len(kept)
    where, params = "a.rowid IN (SELECT value FROM json_each(?))", (json.dumps(kept),)
    picked = picked_articles(where)
    kinds = conn.execute(f"""{picked}
        SELECT coalesce(s.kind, 'unknown'), count(*), sum(coalesce(s.anonymous, 0)),
               sum(CASE WHEN {UNRESOLVED_SOURCE} THEN 1 ELSE 0 END)
        FROM picked a CROSS JOIN attributions q ON {PICKED_ATTRIBUTION}
        LEFT JOIN sources s ON s.article_id = q.article_id AND s.id = q.source_id
        WHERE {IS_CLAIM} GROUP BY 1 ORDER BY 2 DESC, 1""", params).fetchall()
    # The display name and the anonymous flag are the group's least name and its greatest flag (a
    # described source's rows may differ in case), so the tallies can give the same ones. Without the
    # anonymous filter every group is read: the named sources are the keys of the groups with a row
    # that is not anonymous, so they need no statement of their own.
    key = "coalesce('#' || c.id, lower(s.description))"
    cur = conn.execute(f"""{picked}
        SELECT min(coalesce(c.name, s.description)) AS source, s.kind, max(coalesce(s.anonymous, 0)) AS anonymous,
               count(q.id) AS attributions, count(DISTINCT s.article_id) AS articles,
               min(coalesce(s.anonymous, 0)) AS any_named, {key} AS key
        FROM picked a CROSS JOIN sources s ON {PICKED_SOURCE}
        LEFT JOIN entities e ON e.article_id = s.article_id AND e.id = s.entity_id
        LEFT JOIN corpus_entities c ON c.id = e.corpus_entity_id
        LEFT JOIN attributions q ON q.article_id = s.article_id AND q.source_id = s.id AND {IS_CLAIM}
        WHERE 1 {"AND s.anonymous" if anonymous else ""} AND NOT {UNRESOLVED_SOURCE}
        GROUP BY {key}, s.kind
        ORDER BY attributions DESC, articles DESC, source, {key}, s.kind
        LIMIT ?""", (*params, limit if anonymous else -1))
    groups = cur.fetchall()
    if anonymous:
        named = conn.execute(f"""{picked}
            SELECT count(DISTINCT {key})
            FROM picked a CROSS JOIN sources s ON {PICKED_SOURCE}
            LEFT JOIN entities e ON e.article_id = s.article_id AND e.id = s.entity_id
            LEFT JOIN corpus_entities c ON c.id = e.corpus_entity_id
            WHERE NOT coalesce(s.anonymous, 0) AND NOT {UNRESOLVED_SOURCE}""", params).fetchone()[0]
    else:
        named = len({g[6] for g in groups if g[5] == 0 and g[6] is not None})
    top = pd.DataFrame([g[:5] for g in (groups if limit < 0 else groups[:limit])],
                       columns=[d[0] for d in cur.description[:5]])
    return _report(filters, n_articles, kinds, named, top,
                   share_rows(lambda sql, p: conn.execute(sql, p).fetchall(), where, params, of, per, picked=True))


def _report(filters: dict[str, Any], n_articles: int, kinds: list[tuple], named: int, top: pd.DataFrame,
            shares: dict[str, list[dict[str, Any]]]) -> SourcingReport:
    """The report from its counts: ``kinds`` are (kind, claims, anonymous ones, unresolved ones), most first."""
    total = sum(int(r[1]) for r in kinds)
    anonymous_total = sum(int(r[2] or 0) for r in kinds)
    return SourcingReport(
        filters=filters,
        articles=int(n_articles),
        attributions=total,
        by_kind={str(r[0]): int(r[1]) for r in kinds},
        anonymous_share=round(anonymous_total / total, 4) if total else 0.0,
        named_sources=int(named),
        top_sources=top,
        unresolved_pronoun_attributions=sum(int(r[3] or 0) for r in kinds),
        shares=shares,
    )


def _tallied_sources(conn: sqlite3.Connection, filters: dict[str, Any], *, anonymous: bool, limit: int,
                     of: list[str]) -> SourcingReport:
    """``sources`` of the whole store from the source tallies (``migrations._source_tallies``).

    The most cited sources are a walk of ``source_ranks_top`` from the top; the
    sources tied with the last one are all read, so the order among them (by
    name, then key and kind) is the scan's.
    """

    n_articles = conn.execute("SELECT n FROM tallies WHERE kind = 'rows' AND key = 'articles'").fetchone()[0]
    kinds = conn.execute("SELECT kind, claims, anonymous, unresolved FROM source_kind_tallies WHERE claims > 0 "
                         "ORDER BY claims DESC, kind").fetchall()
    named = conn.execute("SELECT n FROM source_named").fetchone()[0]
    flag = 1 if anonymous else -1
    ranked = conn.execute("SELECT key, kind, claims, articles FROM source_ranks INDEXED BY source_ranks_top "
                          "WHERE anonymous = ? AND articles > 0 ORDER BY claims DESC, articles DESC LIMIT ?",
                          (flag, limit)).fetchall()  # a negative limit is no limit, as in the scan's SQL
    if 0 < limit == len(ranked):
        _, _, claims, articles = ranked[-1]
        ranked = conn.execute("SELECT key, kind, claims, articles FROM source_ranks INDEXED BY source_ranks_top "
                              "WHERE anonymous = ? AND articles > 0 AND (claims > ? OR (claims = ? AND articles >= ?))",
                              (flag, claims, claims, articles)).fetchall()
    rows = []
    for key, kind, claims, articles in ranked:
        name, anon = conn.execute(
            "SELECT min(name), max(anonymous) FROM source_tallies WHERE key = ? AND kind = ? AND sources > 0"
            + (" AND anonymous" if anonymous else ""), (key, kind)).fetchone()
        rows.append((name, kind or None, anon, claims, articles, key))
    top, shares = _tallied_top_and_shares(conn, rows, limit, of, "source_share_tallies", "", ())
    return _report(filters, n_articles, kinds, named, top, shares)


def _tallied_top_and_shares(conn: sqlite3.Connection, rows: list[tuple], limit: int, of: list[str], table: str,
                            where: str, params: tuple) -> tuple[Any, dict[str, Any]]:
    """The most cited sources (``rows``: name, kind, anonymous, claims, articles, key) in the scan's order, and
    the shares ``of`` read from the share tallies ``table`` (``where``: a condition on its rows, with ``AND``)."""
    import pandas as pd

    rows.sort(key=lambda r: (-r[3], -r[4], r[0], r[5], r[1] or ""))
    top = pd.DataFrame([r[:5] for r in (rows if limit < 0 else rows[:limit])],
                       columns=["source", "kind", "anonymous", "attributions", "articles"])
    shares = {}
    for name in of:
        column, share_kinds = SHARE_OF[name]
        marks = ", ".join("?" * len(share_kinds))
        shares[name] = share_table(name, None, conn.execute(
            f"SELECT NULL, {column.removeprefix('s.')}, sum(sources), sum(claims) FROM {table} "
            f"WHERE {where}kind IN ({marks}) GROUP BY 2 HAVING sum(sources) > 0", (*params, *share_kinds)).fetchall())
    return top, shares


def _outlet_sources(conn: sqlite3.Connection, filters: dict[str, Any], outlet: str, *, anonymous: bool,
                    limit: int, of: list[str]) -> SourcingReport:
    """``sources(outlet=...)`` from the source tallies per outlet (``migrations._outlet_source_tallies``).

    The filter keeps the articles whose outlet contains the text; the outlets that do
    are read from ``tallies`` (kind ``outlet``, one row each) with the scan's own
    ``LIKE``, and every figure is the sum of their tallies: an article has one outlet,
    so its rows are counted in exactly one. The most cited sources are the groups of
    those outlets' ranks, ordered as the scan orders them (claims, articles, display
    name, key, kind). Equal to the scan (``tests/store/test_sources_filtered.py``).
    """

    outlets = [r[0] for r in conn.execute("SELECT key FROM tallies WHERE kind = 'outlet' AND n > 0 "
                                          "AND key LIKE ? ESCAPE '\\'", (_like(outlet),))]
    marks = ", ".join("?" * len(outlets)) or "NULL"
    picked = f"outlet IN ({marks})"
    params = tuple(outlets)
    n_articles = conn.execute(f"SELECT coalesce(sum(n), 0) FROM tallies WHERE kind = 'outlet' AND key IN ({marks})",
                              params).fetchone()[0]
    kinds = conn.execute(f"""SELECT kind, sum(claims), sum(anonymous), sum(unresolved) FROM outlet_source_kind_tallies
        WHERE {picked} GROUP BY kind HAVING sum(claims) > 0 ORDER BY 2 DESC, 1""", params).fetchall()
    named = conn.execute(f"""SELECT count(*) FROM (SELECT key FROM outlet_source_named_keys WHERE {picked}
        GROUP BY key HAVING sum(articles) > 0)""", params).fetchone()[0]
    ranked = conn.execute(f"""SELECT key, kind, sum(claims) AS claims, sum(articles) AS articles
        FROM outlet_source_ranks WHERE {picked} AND anonymous = ? GROUP BY key, kind HAVING sum(articles) > 0
        ORDER BY claims DESC, articles DESC""", (*params, 1 if anonymous else -1)).fetchall()
    if limit == 0:
        ranked = []
    elif 0 < limit < len(ranked):  # the first ``limit`` and every source tied with the last of them
        last = ranked[limit - 1][2:]
        ranked = [r for r in ranked if tuple(r[2:]) >= tuple(last)]
    rows = []
    for key, kind, claims, articles in ranked:
        name, anon = conn.execute(f"""SELECT min(name), max(anonymous) FROM (
            SELECT name, anonymous FROM outlet_source_tallies WHERE {picked} AND key = ? AND kind = ?
            {"AND anonymous" if anonymous else ""} GROUP BY anonymous, name HAVING sum(sources) > 0)""",
                                  (*params, key, kind)).fetchone()
        rows.append((name, kind or None, anon, claims, articles, key))
    top, shares = _tallied_top_and_shares(conn, rows, limit, of, "outlet_source_share_tallies", f"{picked} AND ",
                                          params)
    return _report(filters, n_articles, kinds, named, top, shares)


#: SQL true for an article (``a``) that is a copy: ``IS_COPY`` as a list of ids, so a statement over the copies
#: looks them up from ``sim_clusters_copies`` instead of testing every article.
IS_LISTED_COPY = ("a.id IN (SELECT d.article_id FROM sim_clusters d WHERE d.index_name = 'articles' "
                  "AND d.original = 0)")


#: The share columns in ``source_share_tallies``' key, after its kind.
SHARE_TALLY_VALUES = ("s.role", "s.gender")


def _deduped_sources(conn: sqlite3.Connection, filters: dict[str, Any], *, anonymous: bool, limit: int,
                     of: list[str]) -> SourcingReport:
    """``sources(dedupe=True)`` of the whole store: the source tallies less the copies' share of them.

    Counting the report from the rows of every original reads nearly the whole store
    (more than 2 s at 40,900 articles, the web's deadline). The copies are few, and
    every figure of the tallies is a sum over articles (``migrations._source_tallies``),
    so the copies' share, counted by the tallies' own SELECTs over the copies only, is
    taken away. The most cited sources: a source the copies do not cite keeps its rank,
    so the first ``limit`` + (sources the copies cite) of the ranks' index, with those
    the copies cite recounted, hold the answer; ties with the last one are all read, as
    in ``_tallied_sources``. Equal to the scan (``tests/store/test_source_tallies.py``).
    """
    import pandas as pd

    from newsgraph.store.migrations import source_tally_selects

    copied = source_tally_selects(IS_LISTED_COPY)
    n_articles = (conn.execute("SELECT n FROM tallies WHERE kind = 'rows' AND key = 'articles'").fetchone()[0]
                  - conn.execute(f"SELECT count(*) FROM articles a WHERE {IS_LISTED_COPY}").fetchone()[0])
    kind_counts = {str(k): [int(c), int(a), int(u)] for k, c, a, u in conn.execute(
        "SELECT kind, claims, anonymous, unresolved FROM source_kind_tallies")}
    for k, c, a, u in conn.execute(copied["source_kind_tallies"]):
        counts = kind_counts.setdefault(str(k), [0, 0, 0])
        for i, n in enumerate((c, a, u)):
            counts[i] -= int(n or 0)
    kinds = sorted(((k, *c) for k, c in kind_counts.items() if c[0] > 0), key=lambda r: (-r[1], r[0]))

    named = conn.execute("SELECT n FROM source_named").fetchone()[0] - conn.execute(f"""
        WITH c(key, articles) AS ({copied["source_named_keys"]})
        SELECT count(*) FROM c JOIN source_named_keys k ON k.key = c.key
        WHERE k.articles > 0 AND k.articles <= c.articles""").fetchone()[0]  # named in copies only

    flag = 1 if anonymous else -1
    # The copies' sources with their counts less the copies' share; 0 articles: cited by copies only.
    less = {(key, kind): (claims, articles) for key, kind, claims, articles in conn.execute(f"""
        WITH c(key, kind, anonymous, claims, articles) AS ({copied["source_ranks"]})
        SELECT c.key, c.kind, r.claims - c.claims, r.articles - c.articles
        FROM c JOIN source_ranks r ON r.key = c.key AND r.kind = c.kind AND r.anonymous = c.anonymous
        WHERE c.anonymous = ?""", (flag,))}
    walk = "SELECT key, kind, claims, articles FROM source_ranks INDEXED BY source_ranks_top WHERE anonymous = ? " \
           "AND articles > 0"
    if limit < 0:
        ranked = conn.execute(walk, (flag,)).fetchall()
    else:
        ranked = conn.execute(walk + " ORDER BY claims DESC, articles DESC LIMIT ?",
                              (flag, limit + len(less))).fetchall()
        if ranked and len(ranked) == limit + len(less):
            _, _, claims, articles = ranked[-1]
            ranked = conn.execute(walk + " AND (claims > ? OR (claims = ? AND articles >= ?))",
                                  (flag, claims, claims, articles)).fetchall()
    rows = {(key, kind): (claims, articles) for key, kind, claims, articles in ranked if (key, kind) not in less}
    rows.update({k: counts for k, counts in less.items() if counts[1] > 0})
    order = sorted(rows, key=lambda r: (-rows[r][0], -rows[r][1]))
    if 0 <= limit < len(order):  # the first ``limit`` and every source tied with the last of them
        last = rows[order[limit - 1]] if limit else None
        order = [r for r in order if last is not None and rows[r] >= last]
    less_names: dict[tuple[str, str], dict[tuple[int, str], int]] = {}
    for key, kind, anon, name, n, _ in conn.execute(copied["source_tallies"]):
        if (key, kind) in rows:
            less_names.setdefault((key, kind), {})[(int(anon), str(name))] = int(n)
    top_rows = []
    for key, kind in order:
        left = less_names.get((key, kind), {})
        names = [(name, anon) for anon, name, n in conn.execute(
            "SELECT anonymous, name, sources FROM source_tallies WHERE key = ? AND kind = ?", (key, kind))
            if n - left.get((int(anon), str(name)), 0) > 0 and (anon or not anonymous)]
        claims, articles = rows[key, kind]
        top_rows.append((min(n for n, _ in names), kind or None, max(a for _, a in names), claims, articles, key))
    top_rows.sort(key=lambda r: (-r[3], -r[4], r[0], r[5], r[1] or ""))
    top = pd.DataFrame([r[:5] for r in (top_rows if limit < 0 else top_rows[:limit])],
                       columns=["source", "kind", "anonymous", "attributions", "articles"])

    share_counts = {(k, r, g): [int(n), int(c)] for k, r, g, n, c in conn.execute(
        "SELECT kind, role, gender, sources, claims FROM source_share_tallies")}
    for k, r, g, n, c in conn.execute(copied["source_share_tallies"]):
        counts = share_counts.setdefault((k, r, g), [0, 0])
        counts[0] -= int(n)
        counts[1] -= int(c or 0)
    shares = {}
    for name in of:
        column, share_kinds = SHARE_OF[name]
        summed: dict[str, list[int]] = {}
        for (k, *values), (n, c) in share_counts.items():
            if k in share_kinds:
                totals = summed.setdefault(values[SHARE_TALLY_VALUES.index(column)], [0, 0])
                totals[0] += n
                totals[1] += c
        shares[name] = share_table(name, None, [(None, v, n, c) for v, (n, c) in summed.items() if n > 0])
    return _report(filters, n_articles, kinds, named, top, shares)


# --- stats ------------------------------------------------------------------------------

#: How many outlets ``stats`` lists.
TOP_OUTLETS = 10


def tallied(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
    """The ``tallies`` rows: (kind, key) → count. A store is migrated before it is read, so the table is there."""
    return {(str(k), str(key)): int(n) for k, key, n in conn.execute("SELECT kind, key, n FROM tallies")}


def counted_tallies(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
    """What the tallies should hold, counted from the tables (slow on a big store: ``check`` and old stores)."""
    out = {("rows", t): conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TALLIED_TABLES}
    words, dated = conn.execute("SELECT coalesce(sum(n_words), 0), count(published) FROM articles").fetchone()
    out[("articles", "words")], out[("articles", "dated")] = int(words), int(dated)
    out[("corpus", "entities")] = conn.execute("SELECT count(DISTINCT corpus_entity_id) FROM entities").fetchone()[0]
    out[("rows", "claims")] = conn.execute("SELECT count(*) FROM attributions WHERE part_of IS NULL").fetchone()[0]
    for key, n in conn.execute("SELECT json_array(newsgraph_version, model, pipeline), count(*) FROM articles "
                               "GROUP BY newsgraph_version, model, pipeline"):
        out[("generator", key)] = n
    for key, n in conn.execute("SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet"):
        out[("outlet", key)] = n
    for key, n in conn.execute(f"SELECT substr(published, 1, 7), count(*) FROM articles WHERE published GLOB "
                               f"'{MONTH_GLOB}' GROUP BY 1"):
        out[("month", key)] = n
    return out


#: (corpus entity, name, type) → (articles, mentions, source rows): the rows of ``entity_name_tallies``.
EntityNameTallies = dict[tuple[int, str, str], tuple[int, int, int]]


def stored_entity_name_tallies(conn: sqlite3.Connection) -> EntityNameTallies:
    """The rows of ``entity_name_tallies`` (migration 0020)."""
    return {(int(c), str(n), str(t)): (int(a), int(m), int(s)) for c, n, t, a, m, s in conn.execute(
        "SELECT corpus_entity_id, name, type, articles, mentions, sources FROM entity_name_tallies")}


def counted_entity_name_tallies(conn: sqlite3.Connection) -> EntityNameTallies:
    """What ``entity_name_tallies`` should hold, counted from the entity and source rows (slow: ``check``)."""
    return {(int(c), str(n), str(t)): (int(a), int(m), int(s))
            for c, n, t, a, m, s in conn.execute(ENTITY_NAME_TALLIES_COUNTED)}


EntityMonthTallies = dict[tuple[int, str], tuple[int, int, int]]


def stored_entity_month_tallies(conn: sqlite3.Connection) -> EntityMonthTallies:
    """The rows of ``entity_month_tallies`` (migration 0022) that count something: (entity, month) → counts."""
    return {(int(c), str(m)): (int(n), int(e), int(v)) for c, m, n, e, v in conn.execute(
        "SELECT corpus_entity_id, month, mentions, events, main_events FROM entity_month_tallies")
        if n or e or v}


def counted_entity_month_tallies(conn: sqlite3.Connection) -> EntityMonthTallies:
    """What ``entity_month_tallies`` should hold, counted from the entity and event rows (slow: ``check``)."""
    return {(int(c), str(m)): (int(n), int(e), int(v))
            for c, m, n, e, v in conn.execute(ENTITY_MONTH_TALLIES_COUNTED) if n or e or v}


SourceTallies = dict[tuple[str, tuple], tuple[int, ...]]


def stored_source_tallies(conn: sqlite3.Connection) -> SourceTallies:
    """The source tallies (migrations ``0014_source_tallies``, ``0019_outlet_source_tallies``): (table, key) → counts.

    Rows of all zeros are left out; ``source_named`` is given as ``("source_named", ())``.
    """
    out: SourceTallies = {}
    for table, (keys, counts) in {**SOURCE_TALLY_TABLES, **OUTLET_SOURCE_TALLY_TABLES}.items():
        for row in conn.execute(f"SELECT {', '.join(keys + counts)} FROM {table}"):
            if any(row[len(keys):]):
                out[(table, tuple(row[:len(keys)]))] = tuple(int(n) for n in row[len(keys):])
    out[("source_named", ())] = (int(conn.execute("SELECT n FROM source_named").fetchone()[0]),)
    return out


def counted_source_tallies(conn: sqlite3.Connection) -> SourceTallies:
    """What the source tallies should hold, counted from the rows by the triggers' own SELECTs (slow: ``check``)."""
    out: SourceTallies = {}
    for per_outlet in (False, True):
        for table, select in source_tally_selects("1", per_outlet=per_outlet).items():
            n_keys = len(SOURCE_TALLY_TABLES[table][0]) + per_outlet
            name = f"outlet_{table}" if per_outlet else table
            for row in conn.execute(select):
                if any(row[n_keys:]):
                    out[(name, tuple(row[:n_keys]))] = tuple(int(n) for n in row[n_keys:])
    out[("source_named", ())] = (sum(1 for (table, _), n in out.items() if table == "source_named_keys" and n[0] > 0),)
    return out


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Row counts (with the articles carrying stage warnings), corpus entities, publication range, generators
    and top outlets.

    The counts come from ``tallies``, which triggers keep current, so the answer
    costs a few index lookups however large the store (see migration 0006).
    """
    tallies = {k: n for k, n in tallied(conn).items() if n}
    info: dict[str, Any] = {"counts": {t: tallies.get(("rows", t), 0) for t in TALLIED_TABLES}}
    # An attribution is a claim: a quoted fragment of a paraphrase is part of it (``record.claim_parts``).
    info["counts"]["attributions"] = tallies.get(("rows", "claims"), 0)
    # Stored, but a stage gave up on part of them (``Record.warnings``); the table is small.
    info["counts"]["articles_with_warnings"] = conn.execute(
        "SELECT count(DISTINCT article_id) FROM warnings").fetchone()[0]
    info["counts"]["corpus_entities"] = tallies.get(("corpus", "entities"), 0)
    info["counts"]["entity_decisions"] = conn.execute("SELECT count(*) FROM entity_decisions").fetchone()[0]
    # min and max each take one step of the index ``articles_published``.
    first = conn.execute("SELECT min(published) FROM articles").fetchone()[0]
    last = conn.execute("SELECT max(published) FROM articles").fetchone()[0]
    info["published"] = {"first": first, "last": last, "dated_articles": tallies.get(("articles", "dated"), 0)}
    generators = sorted(((json.loads(key), n) for (kind, key), n in tallies.items() if kind == "generator"),
                        key=lambda g: -g[1])
    info["generators"] = [{"newsgraph": g[0], "model": g[1], "pipeline": g[2], "articles": n} for g, n in generators]
    outlets = sorted(((key, n) for (kind, key), n in tallies.items() if kind == "outlet"), key=lambda o: (-o[1], o[0]))
    info["outlets"] = [{"outlet": key, "articles": n} for key, n in outlets[:TOP_OUTLETS]]
    info["words"] = tallies.get(("articles", "words"), 0)
    return info


# --- browsing (paged lists with exact totals) -----------------------------------------------

#: Rows a browse page holds at most, whatever ``limit`` asks.
BROWSE_MAX_ROWS = 200
#: A date filter: a year, a month or a day (``2017``, ``2017-03``, ``2017-03-07``).
RE_DATE_FILTER = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
#: How ``articles_page`` may sort: name → ORDER BY (undated and untitled articles last).
ARTICLE_SORTS = {
    "date": "a.published IS NULL, a.published DESC, a.rowid DESC",
    "date_asc": "a.published IS NULL, a.published, a.rowid",
    "title": "a.title IS NULL, a.title COLLATE NOCASE, a.rowid",
}
#: The kinds a source may have (``record.SourceKind``): the values of the ``source_kind`` filter.
SOURCE_KINDS: tuple[str, ...] = get_args(SourceKind)
#: SQL true for an article (``a``) with an attribution whose source is of the kind given as the next parameter:
#: a primary-key probe of ``articles_by_source_kind`` (migration 0016).
_HAS_SOURCE_KIND = ("EXISTS (SELECT 1 FROM articles_by_source_kind k WHERE k.kind = ? AND k.article_id = a.id)")
#: How ``entities_page`` may sort: name → ORDER BY.
ENTITY_SORTS = {"articles": "articles DESC, mentions DESC, c.id", "mentions": "mentions DESC, articles DESC, c.id"}


@dataclass
class Page:
    """One page of a list: its rows, the exact number of rows of the whole list, and where the page starts."""

    rows: pd.DataFrame
    total: int
    offset: int
    limit: int

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "offset": self.offset, "limit": self.limit, "rows": records_of(self.rows)}


#: Rows one search page holds at most (as the search API's ``limit``).
SEARCH_MAX_ROWS = 1000


def _page_bounds(limit: int, offset: int, most: int = BROWSE_MAX_ROWS) -> tuple[int, int]:
    if offset < 0:
        raise QueryRejected("offset may not be negative")
    if offset > MAX_ROW_ID:
        raise QueryRejected("offset is too large")
    return max(1, min(limit, most)), offset


def _date_filter(text: str | None, what: str) -> str | None:
    if text is None or not text.strip():
        return None
    if not RE_DATE_FILTER.fullmatch(text.strip()):
        raise QueryRejected(f"{what} must be a year, month or day (2017, 2017-03, 2017-03-07), not {text!r}")
    return text.strip()


def search_page(conn: sqlite3.Connection, text: str, *, limit: int = 20, offset: int = 0,
                window: int = SEARCH_RANK_WINDOW) -> Page:
    """One page of ``search`` results and the exact number of matching articles (``total``).

    Pages are cut from the ranked matches (the best among the ``window`` most
    recently stored when more match), so a page past ``window`` is empty even
    when ``total`` is larger; the count itself is exact.
    """
    limit, offset = _page_bounds(limit, offset, SEARCH_MAX_ROWS)
    query = match_query(text).expression
    total = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (query,)).fetchone()[0]
    row = conn.execute(_WINDOW_SQL, (query, window - 1)).fetchone()
    rows = frame(conn, _SEARCH_SQL.replace("LIMIT ?", "LIMIT ? OFFSET ?"), (query, row[0] if row else 0, limit, offset))
    return Page(rows, int(total), offset, limit)


def articles_page(conn: sqlite3.Connection, *, outlet: str | None = None, author: str | None = None,
                  date_from: str | None = None, date_to: str | None = None, sort: str = "date",
                  limit: int = 50, offset: int = 0, source_kind: str | None = None) -> Page:
    """The stored articles, filtered and sorted, one page at a time (with the exact number that match).

    ``outlet`` and ``author`` keep articles whose outlet or an author contains
    the text (as ``sources`` does); ``date_from``/``date_to`` keep articles
    published in that range, each end a year, month or day, both ends included.
    A date filter leaves undated articles out. ``source_kind`` keeps articles
    with at least one attribution whose source is of that kind (``SOURCE_KINDS``).
    """
    if sort not in ARTICLE_SORTS:
        raise QueryRejected(f"sort must be one of {', '.join(ARTICLE_SORTS)}, not {sort!r}")
    check_name(outlet, "an outlet filter")
    check_name(author, "an author filter")
    limit, offset = _page_bounds(limit, offset)
    where, params = _article_filter(outlet, author)
    if source_kind and source_kind not in SOURCE_KINDS:
        raise QueryRejected(f"source_kind must be one of {', '.join(SOURCE_KINDS)}, not {source_kind!r}")
    start, end = _date_filter(date_from, "from"), _date_filter(date_to, "to")
    if start:
        where += " AND a.published >= ?"
        params += (start,)
    if end:
        where += " AND a.published <= ?"
        params += (end + "~",)  # "~" sorts after every digit, "-" and "T": the whole month or day counts
    total = _count_articles(conn, where, params, source_kind)
    base_where, base_params = where, params
    if source_kind:
        where += f" AND {_HAS_SOURCE_KIND}"
        params += (source_kind,)
    rowids = _article_page_rowids(conn, where, params, sort, limit, offset, count=lambda has: _count_articles(
        conn, f"{base_where} AND {has}", base_params, source_kind))
    # The columns of the page's rows only: the sort reads its keys alone (``text`` and what follows
    # it in a row, ``n_words``, would be read for every article otherwise).
    rows = frame(conn, """
        SELECT a.id, a.published, a.title, a.outlet, a.authors, a.n_words AS words,
               coalesce(a.path, a.url) AS origin, a.rowid AS _rowid
        FROM articles a WHERE a.rowid IN (SELECT value FROM json_each(?))""", (json.dumps(rowids),))
    place = {r: i for i, r in enumerate(rowids)}
    rows = rows.sort_values("_rowid", key=lambda c: c.map(place)).drop(columns="_rowid").reset_index(drop=True)
    return Page(rows, int(total), offset, limit)


def _count_articles(conn: sqlite3.Connection, where: str, params: tuple, source_kind: str | None = None) -> int:
    """How many articles (``a``) ``where`` keeps, of those with a source of ``source_kind`` when given.

    With a kind the count runs over that kind's range of ``articles_by_source_kind``
    (only its articles are read; none at all when nothing else filters).
    """
    if not source_kind:
        return int(conn.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[0])
    if where == "1":
        return int(conn.execute("SELECT count(*) FROM articles_by_source_kind WHERE kind = ?",
                                (source_kind,)).fetchone()[0])
    sql = (f"SELECT count(*) FROM articles_by_source_kind k CROSS JOIN articles a ON a.id = k.article_id "
           f"WHERE k.kind = ? AND {where}")
    return int(conn.execute(sql, (source_kind, *params)).fetchone()[0])


def _article_page_rowids(conn: sqlite3.Connection, where: str, params: tuple, sort: str, limit: int,
                         offset: int, count: Callable[[str], int] | None = None) -> list[int]:
    """The rowids of one page of articles in ``ARTICLE_SORTS[sort]`` order.

    By date, the dated articles come from the ``articles_published`` index, by
    title the titled ones from ``articles_title`` (migration 0017), both already
    in order (no sort); then the undated (untitled) ones by storage order. A page
    costs its offset and size, not a sort of the store. ``count(condition)``
    counts the articles ``where`` keeps that meet ``condition``; it runs only for
    a page that reaches past the indexed part.
    """
    if sort == "title":
        indexed = (f"SELECT a.rowid FROM articles a INDEXED BY articles_title WHERE {where} AND a.title IS NOT NULL "
                   "ORDER BY a.title COLLATE NOCASE, a.rowid LIMIT ? OFFSET ?")
        has, rest, direction = "a.title IS NOT NULL", "a.title IS NULL", ""
    else:
        direction = "DESC" if sort == "date" else ""
        indexed = (f"SELECT a.rowid FROM articles a INDEXED BY articles_published WHERE {where} "
                   f"AND a.published IS NOT NULL ORDER BY a.published {direction}, a.rowid {direction} "
                   "LIMIT ? OFFSET ?")
        has, rest = "a.published IS NOT NULL", "a.published IS NULL"
    out = [r[0] for r in conn.execute(indexed, (*params, limit, offset))]
    if len(out) < limit:
        before = count(has) if count else conn.execute(
            f"SELECT count(*) FROM articles a WHERE {where} AND {has}", params).fetchone()[0]
        out += [r[0] for r in conn.execute(
            f"SELECT a.rowid FROM articles a WHERE {where} AND {rest} ORDER BY a.rowid {direction} "
            "LIMIT ? OFFSET ?", (*params, limit - len(out), max(0, offset - before)))]
    return out


def entities_page(conn: sqlite3.Connection, *, type: str | None = None, sort: str = "articles",
                  limit: int = 50, offset: int = 0) -> Page:
    """The corpus entities (of one ``type``), by number of articles or mentions, one page at a time.

    ``articles`` counts the articles an entity is in (the figure its profile
    shows), ``mentions`` its mentions over all of them.
    """
    if sort not in ENTITY_SORTS:
        raise QueryRejected(f"sort must be one of {', '.join(ENTITY_SORTS)}, not {sort!r}")
    check_name(type, "a type filter")
    limit, offset = _page_bounds(limit, offset)
    counted = _entity_counts(conn)
    chosen = [row for row in counted if not type or row[1] == type]
    key = (lambda r: (-r[2], -r[3], r[0])) if sort == "articles" else (lambda r: (-r[3], -r[2], r[0]))
    ids = [row[0] for row in sorted(chosen, key=key)[offset:offset + limit]]
    found = {r[0]: r for r in conn.execute(
        "SELECT id, name, type FROM corpus_entities WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(ids),))}
    by_id = {row[0]: row for row in chosen}
    import pandas as pd

    rows = pd.DataFrame([(i, found[i][1], found[i][2], by_id[i][2], by_id[i][3]) for i in ids if i in found],
                        columns=["id", "name", "type", "articles", "mentions"])
    total = len(chosen)
    return Page(rows, int(total), offset, limit)


#: (id, type, articles, mentions) of every corpus entity, read from the tallies: its articles the diagonal of
#: ``co_mentions`` (as ``EntityRef.articles``), its mentions the sum of its ``entity_name_tallies`` rows.
ENTITY_COUNTS_SQL = f"""
    SELECT c.id, c.type, {ents.ARTICLES_OF},
           coalesce((SELECT sum(t.mentions) FROM entity_name_tallies t WHERE t.corpus_entity_id = c.id), 0)
    FROM corpus_entities c"""
#: The same counted from the entity rows (what the tallies must give; the tests).
ENTITY_COUNTS_COUNTED_SQL = """
    WITH counts AS (
        SELECT corpus_entity_id AS id, count(DISTINCT article_id) AS articles, sum(n_mentions) AS mentions
        FROM entities WHERE corpus_entity_id IS NOT NULL GROUP BY corpus_entity_id
    )
    SELECT c.id, c.type, coalesce(counts.articles, 0), coalesce(counts.mentions, 0)
    FROM corpus_entities c LEFT JOIN counts ON counts.id = c.id"""


def _entity_counts(conn: sqlite3.Connection) -> list[tuple[int, str | None, int, int]]:
    """(id, type, articles, mentions) of every corpus entity, for the entity list's sorts.

    Counted from the entity rows this walked every row (1.7-1.9 s at 100,000
    articles under load, past the 2 s deadline with the page's other work), so the
    list's first view after a server start or a write failed; read from the tallies
    it is two index lookups per corpus entity.
    """
    return [(int(r[0]), r[1], int(r[2]), int(r[3])) for r in conn.execute(ENTITY_COUNTS_SQL)]


def entity_types(conn: sqlite3.Connection) -> list[str]:
    """The types corpus entities have (for the type filter)."""
    return [r[0] for r in conn.execute("SELECT DISTINCT type FROM corpus_entities WHERE type IS NOT NULL ORDER BY 1")]


# --- counts over time (charts) ----------------------------------------------------------------

@dataclass
class MonthlyCounts:
    """Counts per month of publication, and how many of the counted things no month places.

    ``rows`` has a ``month`` column (``YYYY-MM``, ascending, months with nothing
    left out) and one column per count. ``unplaced`` holds, per count, what has
    no month: an undated article, or one dated by a year only. The web app's
    charts, ``/api/charts/...`` and the CLI read these, so each figure has one
    definition.
    """

    rows: pd.DataFrame
    unplaced: dict[str, int]

    @property
    def dated(self) -> bool:
        """Whether any month holds anything (a chart has something to draw)."""
        return len(self.rows) > 0

    def to_dict(self) -> dict[str, Any]:
        return {"months": records_of(self.rows), "unplaced": self.unplaced}


def _monthly(rows: list[tuple], columns: list[str], unplaced: dict[str, int]) -> MonthlyCounts:
    import pandas as pd

    frame_ = pd.DataFrame([r for r in rows if r[0] is not None], columns=["month", *columns])
    for column in columns:
        frame_[column] = frame_[column].astype(int)
    return MonthlyCounts(frame_.reset_index(drop=True), unplaced)


def articles_by_month(conn: sqlite3.Connection) -> MonthlyCounts:
    """Stored articles per month of publication (``unplaced``: articles no month places).

    Read from the trigger-kept ``tallies`` (kind ``month``, migration 0013), as the total is.
    """
    rows = conn.execute("SELECT key, n FROM tallies WHERE kind = 'month' AND n != 0 ORDER BY key").fetchall()
    total = tallied(conn).get(("rows", "articles"), 0)
    return _monthly(rows, ["articles"], {"articles": int(total) - sum(int(r[1]) for r in rows)})


def entity_by_month(conn: sqlite3.Connection, name: str, *, all_events: bool = False
                    ) -> tuple[ents.EntityRef, MonthlyCounts]:
    """The entity ``name`` best matches, and per month of publication its mentions and its events.

    ``mentions`` sums the entity's mentions over its articles of that month (the
    figure of its profile's ``names``); ``events`` counts the events whose actor
    or target is the entity (each event once), main events unless ``all_events``
    — the events ``timeline`` lists, counted by when their article was
    published (an event's own date may be a year, a decade or none). Read from
    ``entity_month_tallies`` (migration 0022): one index range, however many
    articles the entity is in.
    """
    ref, _ = best_entity(conn, name)
    return ref, _entity_months(conn.execute(ENTITY_MONTHS_SQL, (ref.id,)).fetchall(), all_events)


#: An entity's (the parameter) rows of ``entity_month_tallies``: month ('' for none), mentions, events, main events.
ENTITY_MONTHS_SQL = ("SELECT month, mentions, events, main_events FROM entity_month_tallies "
                     "WHERE corpus_entity_id = ? ORDER BY month")
#: The same counted from the entity and event rows (what the tallies must equal; the tests and ``check``).
ENTITY_MONTHS_COUNTED_SQL = f"SELECT * FROM ({ENTITY_MONTH_TALLIES_COUNTED}) WHERE cid = ? ORDER BY month"


def counted_entity_months(conn: sqlite3.Connection, corpus_id: int, *, all_events: bool = False) -> MonthlyCounts:
    """``entity_by_month``'s counts for one corpus entity, counted from the rows.

    Slow on a large store: SQLite counts every entity before keeping this one (the tests' check of the tallies).
    """
    rows = [r[1:] for r in conn.execute(ENTITY_MONTHS_COUNTED_SQL, (corpus_id,))]
    return _entity_months(rows, all_events)


def _entity_months(rows: list[tuple], all_events: bool) -> MonthlyCounts:
    """MonthlyCounts of (month, mentions, events, main events) rows; months with nothing to count left out."""
    counted = [(m, int(mentions), int(every if all_events else main)) for m, mentions, every, main in rows]
    unplaced = next(((n, v) for m, n, v in counted if m == ""), (0, 0))
    placed = [r for r in counted if r[0] != "" and (r[1] or r[2])]
    return _monthly(placed, ["mentions", "events"], {"mentions": unplaced[0], "events": unplaced[1]})


@dataclass
class SourcingBreakdown:
    """Attributions by source kind per outlet, and per month with their anonymous share.

    Counted as ``sources`` counts ``by_kind`` (an attribution without a source
    is of kind ``unknown``; ``anonymous`` counts attributions whose source is
    anonymous), over the same filtered articles, so per outlet the kinds add up
    to that outlet's ``sources(outlet=…)`` total.
    """

    #: ``outlet`` (``None``: articles with no outlet), ``kind``, ``attributions``; outlets by total, then kind.
    by_outlet: pd.DataFrame
    #: ``MonthlyCounts`` of ``attributions`` and ``anonymous`` (plus ``anonymous_share``, 0–1, 4 places).
    by_month: MonthlyCounts

    def to_dict(self) -> dict[str, Any]:
        return {"by_outlet": records_of(self.by_outlet), **self.by_month.to_dict()}


def _sourcing_rows(conn: sqlite3.Connection, outlet: str | None, author: str | None, *, scan: bool = False
                   ) -> list[tuple]:
    """(outlet, month, kind, attributions, anonymous) of the filtered articles; ``None`` for no outlet or month.

    Without an author filter they are read from ``sourcing_tallies`` (migration
    ``0013_charts``: a few hundred rows however large the store; the outlet filter
    applies to the tallies' outlet as to the articles'); with one, or ``scan``,
    they are counted from the attributions.
    """
    if author is None and not scan:
        where, params = ("outlet LIKE ? ESCAPE '\\'", (_like(outlet),)) if outlet else ("1", ())
        return conn.execute(f"""
            SELECT nullif(outlet, ''), nullif(month, ''), kind, attributions, anonymous FROM sourcing_tallies
            WHERE attributions != 0 AND {where}""", params).fetchall()
    where, params = _article_filter(outlet, author)
    return conn.execute(f"""{picked_articles(where)}
        SELECT nullif(a.outlet, ''), CASE WHEN a.published GLOB '{MONTH_GLOB}' THEN substr(a.published, 1, 7) END
               AS month, coalesce(s.kind, 'unknown') AS source_kind, count(*), sum(coalesce(s.anonymous, 0))
        FROM picked a CROSS JOIN attributions q ON {PICKED_ATTRIBUTION}
        LEFT JOIN sources s ON s.article_id = q.article_id AND s.id = q.source_id
        GROUP BY 1, month, source_kind""", params).fetchall()


#: Outlets ``sourcing_breakdown`` lists one by one; the others are summed as ``other outlets``.
CHART_OUTLETS = 12
OTHER_OUTLETS = "other outlets"


def sourcing_breakdown(conn: sqlite3.Connection, *, outlet: str | None = None, author: str | None = None,
                       outlets: int = CHART_OUTLETS) -> SourcingBreakdown:
    """Sourcing by kind per outlet and per month of publication (``sourcing_tallies``; by author, one scan).

    ``outlet`` and ``author`` filter as in ``sources``. The ``outlets`` outlets with
    the most attributions are listed; the rest are summed under ``OTHER_OUTLETS``.
    """

    return breakdown_of(sourcing_breakdown_rows(conn, outlet=outlet, author=author), outlets=outlets)


def sourcing_breakdown_rows(conn: sqlite3.Connection, *, outlet: str | None = None, author: str | None = None
                            ) -> tuple[list[tuple], list[tuple]]:
    """The (outlet, month, kind, attributions, anonymous) rows ``sourcing_breakdown`` sums: per outlet and kind,
    and per month. A chart drawn from them is kept by them (``web.charts``), so a page reads only these."""
    check_name(outlet, "an outlet filter")
    check_name(author, "an author filter")
    if author is None:  # the tallies, summed in SQL: one row per (outlet, kind) and per month
        where, params = ("outlet LIKE ? ESCAPE '\\'", (_like(outlet),)) if outlet else ("1", ())
        by_outlet = [(o, None, k, n, 0) for o, k, n in conn.execute(f"""
            SELECT nullif(outlet, ''), kind, sum(attributions) FROM sourcing_tallies
            WHERE attributions != 0 AND {where} GROUP BY outlet, kind""", params)]
        by_month = [(None, m, "", n, a) for m, n, a in conn.execute(f"""
            SELECT nullif(month, ''), sum(attributions), sum(anonymous) FROM sourcing_tallies
            WHERE attributions != 0 AND {where} GROUP BY month""", params)]
        return by_outlet, by_month
    rows = _sourcing_rows(conn, outlet, author)
    return rows, rows


def breakdown_of(rows: tuple[list[tuple], list[tuple]], *, outlets: int = CHART_OUTLETS) -> SourcingBreakdown:
    """``SourcingBreakdown`` of ``sourcing_breakdown_rows``' rows."""
    by_outlet, by_month = rows
    return _breakdown(outlets, by_outlet_rows=by_outlet, by_month_rows=by_month)


def _breakdown(outlets: int, *, by_outlet_rows: list[tuple], by_month_rows: list[tuple]
               ) -> SourcingBreakdown:
    """``SourcingBreakdown`` of (outlet, month, kind, attributions, anonymous) rows: ``by_outlet_rows`` summed per
    outlet and kind, ``by_month_rows`` per month."""
    import pandas as pd

    per_outlet: dict[tuple[str | None, str], int] = {}
    per_month: dict[str | None, list[int]] = {}
    for out, _, kind, n, _ in by_outlet_rows:
        per_outlet[(out, kind)] = per_outlet.get((out, kind), 0) + int(n)
    for _, month, _, n, anon in by_month_rows:
        counts = per_month.setdefault(month, [0, 0])
        counts[0] += int(n)
        counts[1] += int(anon or 0)
    totals: dict[str | None, int] = {}
    for (out, _), n in per_outlet.items():
        totals[out] = totals.get(out, 0) + n
    ranked = sorted(totals, key=lambda o: (-totals[o], o is None, o or ""))
    kept = set(ranked[:outlets])
    merged: dict[tuple[str | None, str], int] = {}
    for (out, kind), n in per_outlet.items():
        key = (out if out in kept else OTHER_OUTLETS, kind)
        merged[key] = merged.get(key, 0) + n
    order = {o: i for i, o in enumerate([*ranked[:outlets], OTHER_OUTLETS])}
    by_outlet = pd.DataFrame(sorted(((o, k, n) for (o, k), n in merged.items()),
                                    key=lambda r: (order[r[0]], -r[2], r[1])),
                             columns=["outlet", "kind", "attributions"])
    months = sorted((m, c[0], c[1], round(c[1] / c[0], 4) if c[0] else 0.0)
                    for m, c in per_month.items() if m is not None)
    unplaced = per_month.get(None, [0, 0])
    frame_ = pd.DataFrame(months, columns=["month", "attributions", "anonymous", "anonymous_share"])
    frame_[["attributions", "anonymous"]] = frame_[["attributions", "anonymous"]].astype(int)
    return SourcingBreakdown(by_outlet, MonthlyCounts(frame_, {"attributions": unplaced[0],
                                                               "anonymous": unplaced[1]}))
