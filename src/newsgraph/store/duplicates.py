"""Wire copy and repeated quotes: the store's two similarity indexes and the questions asked of them.

``ARTICLES`` groups near-duplicate articles (a syndicated story republished by
several outlets, a story stored twice from two feeds): the first published of a
group is its original, the others are copies of it. ``QUOTES`` groups one quote
(any attribution's content) repeated across articles: one quote with its
appearances, the first to publish it first. Both are kept on ingest, inside
each article's transaction (``index_article``), and ``rebuild`` makes them from
scratch (``newsgraph dedupe``). The thresholds were chosen on BBC News
(development) and checked on FakeNewsNet; see docs/quality.md.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsgraph.store.similar import SimilarIndex, clusters

if TYPE_CHECKING:
    from newsgraph.store.ingest import Progress

#: Articles whose shingle sets are at least this similar (estimated Jaccard) are one story.
ARTICLE_THRESHOLD = 0.7
#: Words per article shingle: five-word runs rarely repeat between two different stories.
ARTICLE_SHINGLE = 5
#: MinHash size for articles (the estimate's standard error at J = 0.7 is about 0.04).
ARTICLE_NUM_PERM = 128
#: Articles shorter than this (in words) are not compared: a one-line brief matches too easily.
ARTICLE_MIN_WORDS = 25

#: Quotes at least this similar are one quote (a longer or shorter cut of the same words still matches).
QUOTE_THRESHOLD = 0.6
#: Words per quote shingle.
QUOTE_SHINGLE = 3
#: MinHash size for quotes (they are short: fewer values suffice).
QUOTE_NUM_PERM = 64
#: Quotes shorter than this match exact repeats of their words only.
QUOTE_EXACT_BELOW = 12
#: Quotes shorter than this are not grouped: "We'll see" said twice is not one quote.
QUOTE_MIN_WORDS = 6

ARTICLES = SimilarIndex("articles", threshold=ARTICLE_THRESHOLD, shingle=ARTICLE_SHINGLE,
                        num_perm=ARTICLE_NUM_PERM, min_words=ARTICLE_MIN_WORDS)
QUOTES = SimilarIndex("quotes", threshold=QUOTE_THRESHOLD, shingle=QUOTE_SHINGLE, num_perm=QUOTE_NUM_PERM,
                      exact_below=QUOTE_EXACT_BELOW, min_words=QUOTE_MIN_WORDS)
INDEXES = (ARTICLES, QUOTES)

#: SQL true for an article ``a`` that is a copy of another (the original of a group is not): what
#: ``sources(dedupe=True)`` leaves out, so each story counts once.
IS_COPY = ("EXISTS (SELECT 1 FROM sim_clusters d WHERE d.article_id = a.id AND d.index_name = 'articles' "
           "AND d.original = 0)")


def quote_item(article_id: str, attribution_id: str) -> str:
    """The item name of an attribution in ``QUOTES``: ``<article id>/<attribution id>``."""
    return f"{article_id}/{attribution_id}"


def index_article(conn: sqlite3.Connection, article_id: str, *, fresh: bool = False) -> None:
    """Add a stored article (its clean text and its attributions) to both indexes, in the caller's transaction.

    ``fresh``: the article is in neither index yet (a rebuild), so nothing is looked up to replace.
    """
    row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return
    ARTICLES.add(conn, article_id, article_id, row[0] or "", fresh=fresh)
    for attribution_id, content in conn.execute(
            "SELECT id, content FROM attributions WHERE article_id = ? AND content IS NOT NULL ORDER BY rowid",
            (article_id,)).fetchall():
        QUOTES.add(conn, quote_item(article_id, attribution_id), article_id, content, fresh=fresh)


def forget(conn: sqlite3.Connection, article_id: str) -> None:
    """Take an article out of both indexes before it is deleted (re-processing), so its groups keep an original."""
    for index in INDEXES:
        items = [r[0] for r in conn.execute("SELECT item FROM sim_clusters WHERE article_id = ? AND index_name = ?",
                                            (article_id, index.name))]
        index.remove(conn, items)


def rebuild(conn: sqlite3.Connection, progress: Progress | None = None) -> int:
    """Empty both indexes and index every article again, in ingest order; returns the articles indexed.

    The caller holds the transaction. The result equals what ingesting the
    articles one by one left (``tests/store/test_duplicates.py``).
    """
    for index in INDEXES:
        index.clear(conn)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY rowid")]
    if progress:
        progress.start(len(ids))
    for article_id in ids:
        index_article(conn, article_id, fresh=True)
        if progress:
            progress.advance()
    return len(ids)


def stale(conn: sqlite3.Connection) -> dict[str, int]:
    """Per index, signatures made with other parameters, and the stored articles with no signature row (an
    article too short to compare has one, with no bands): a few indexed counts."""
    out = {index.name: index.stale(conn) for index in INDEXES}
    out["articles_unindexed"] = int(conn.execute(
        "SELECT count(*) FROM articles a WHERE NOT EXISTS "
        "(SELECT 1 FROM sim_signatures s WHERE s.index_name = 'articles' AND s.item = a.id)").fetchone()[0])
    return out


# --- questions ---------------------------------------------------------------------------------

_ARTICLE_COLUMNS = "a.id, a.title, a.outlet, a.published, a.path, a.url"


def _article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any]:
    row = conn.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?", (article_id,)).fetchone()
    return dict(zip(("id", "title", "outlet", "published", "path", "url"), row, strict=True)) if row else {}


@dataclass
class Group:
    """Near-duplicate articles: the original (first published) and its copies, each with its similarity to the
    article it matched when it arrived."""

    original: dict[str, Any]
    copies: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"original": self.original, "copies": self.copies, "size": 1 + len(self.copies)}


def _signature(conn: sqlite3.Connection, index: SimilarIndex, item: str) -> bytes | None:
    row = conn.execute("SELECT signature FROM sim_signatures WHERE index_name = ? AND item = ?",
                       (index.name, item)).fetchone()
    return row[0] if row else None


def _group(conn: sqlite3.Connection, rows: list[tuple]) -> Group:
    """A group from its ``sim_clusters`` rows, original first; each copy's ``similarity`` is to the original
    (estimated from the stored signatures), ``matched`` the article it matched when it was stored."""
    members = []
    first = _signature(conn, ARTICLES, rows[0][0])
    for item, _article_id, original, match, _similarity in rows:
        info = _article(conn, item)
        score = None if original else round(ARTICLES.similarity(first, _signature(conn, ARTICLES, item)), 4)
        info.update(original=bool(original), matched=match, similarity=score)
        members.append(info)
    return Group(members[0], members[1:])


def groups(conn: sqlite3.Connection, *, limit: int | None = None) -> list[Group]:
    """Groups of near-duplicate articles, largest first, then by the original's date."""
    out = [_group(conn, rows) for rows in clusters(conn, ARTICLES)]
    out.sort(key=lambda g: (-len(g.copies), g.original.get("published") is None, g.original.get("published") or "",
                            g.original.get("id")))
    return out if limit is None else out[:limit]


def group_of(conn: sqlite3.Connection, article_id: str) -> Group | None:
    """The group an article belongs to (``None`` when it has no near-duplicate)."""
    cluster = ARTICLES.cluster_of(conn, article_id)
    if cluster is None:
        return None
    rows = conn.execute(
        "SELECT c.item, c.article_id, c.original, c.match_item, c.similarity FROM sim_clusters c "
        "JOIN articles a ON a.id = c.article_id WHERE c.index_name = 'articles' AND c.cluster = ? "
        "ORDER BY c.original DESC, a.published IS NULL, a.published, a.rowid", (cluster,)).fetchall()
    return _group(conn, rows) if len(rows) > 1 else None


def copies_count(conn: sqlite3.Connection) -> tuple[int, int]:
    """(groups, copies): how many stories have near-duplicates, and how many articles are copies."""
    n_groups = conn.execute("SELECT count(*) FROM (SELECT cluster FROM sim_clusters WHERE index_name = 'articles' "
                            "GROUP BY cluster HAVING count(*) > 1)").fetchone()[0]
    n_copies = conn.execute("SELECT count(*) FROM sim_clusters WHERE index_name = 'articles' AND original = 0"
                            ).fetchone()[0]
    return int(n_groups), int(n_copies)


@dataclass
class Quote:
    """One quote and its appearances (each attribution of it), the first to publish it first."""

    id: int
    text: str
    appearances: list[dict[str, Any]]

    @property
    def first(self) -> dict[str, Any]:
        return self.appearances[0]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "first": self.first, "appearances": self.appearances,
                "articles": len({a["article_id"] for a in self.appearances})}


_APPEARANCE_SQL = """
    SELECT c.item, q.article_id, q.id, q.content, q.content_start, q.content_end, q.kind, q.quoted,
           coalesce(ce.name, s.description) AS source, a.title, a.outlet, a.published, c.original, c.similarity
    FROM sim_clusters c
    JOIN articles a ON a.id = c.article_id
    JOIN attributions q ON q.article_id = c.article_id AND c.item = q.article_id || '/' || q.id
    LEFT JOIN sources s ON s.article_id = q.article_id AND s.id = q.source_id
    LEFT JOIN entities e ON e.article_id = s.article_id AND e.id = s.entity_id
    LEFT JOIN corpus_entities ce ON ce.id = e.corpus_entity_id
    WHERE c.index_name = 'quotes' AND c.cluster = ?
    ORDER BY c.original DESC, a.published IS NULL, a.published, a.rowid, q.content_start
"""
_APPEARANCE_KEYS = ("item", "article_id", "attribution_id", "content", "start", "end", "kind", "quoted", "source",
                    "title", "outlet", "published", "first", "similarity")


def quote(conn: sqlite3.Connection, quote_id: int) -> Quote | None:
    """The quote ``quote_id`` (a ``QUOTES`` cluster id) with its appearances, or ``None``."""
    rows = conn.execute(_APPEARANCE_SQL, (int(quote_id),)).fetchall()
    if not rows:
        return None
    appearances = []
    for row in rows:
        info = dict(zip(_APPEARANCE_KEYS, row, strict=True))
        info["first"], info["quoted"] = bool(info["first"]), bool(info["quoted"])
        appearances.append(info)
    return Quote(int(quote_id), appearances[0]["content"], appearances)


def repeated_quotes(conn: sqlite3.Connection, article_id: str) -> dict[str, dict[str, Any]]:
    """For each attribution of an article quoted in other articles too: its quote id, how many other articles,
    and whether this article published it first."""
    out: dict[str, dict[str, Any]] = {}
    for item, cluster, original, others in conn.execute(
            "SELECT c.item, c.cluster, c.original, (SELECT count(DISTINCT o.article_id) FROM sim_clusters o "
            "WHERE o.index_name = 'quotes' AND o.cluster = c.cluster AND o.article_id != c.article_id) "
            "FROM sim_clusters c WHERE c.article_id = ? AND c.index_name = 'quotes'", (article_id,)):
        if others:
            attribution_id = item.split("/", 1)[1]
            out[attribution_id] = {"quote": int(cluster), "other_articles": int(others), "first": bool(original)}
    return out


def repeated_quote_count(conn: sqlite3.Connection) -> int:
    """How many quotes appear in more than one article (one grouped count, for summaries)."""
    return int(conn.execute(
        "SELECT count(*) FROM (SELECT cluster FROM sim_clusters WHERE index_name = 'quotes' GROUP BY cluster "
        "HAVING count(DISTINCT article_id) > 1)").fetchone()[0])


def repeated_quote_groups(conn: sqlite3.Connection, *, limit: int = 50) -> list[dict[str, Any]]:
    """The quotes that appear in most articles: id, text of the first appearance, articles, appearances."""
    rows = conn.execute(
        "SELECT cluster, count(DISTINCT article_id) AS n, count(*) FROM sim_clusters WHERE index_name = 'quotes' "
        "GROUP BY cluster HAVING n > 1 ORDER BY n DESC, cluster LIMIT ?", (limit,)).fetchall()
    out = []
    for cluster, n_articles, n_items in rows:
        first = conn.execute(
            "SELECT q.content FROM sim_clusters c JOIN attributions q ON q.article_id = c.article_id "
            "AND c.item = q.article_id || '/' || q.id WHERE c.index_name = 'quotes' AND c.cluster = ? "
            "AND c.original = 1", (cluster,)).fetchone()
        out.append({"quote": int(cluster), "text": first[0] if first else None, "articles": int(n_articles),
                    "appearances": int(n_items)})
    return out
