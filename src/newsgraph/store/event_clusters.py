"""Corpus events: the same event reported by several articles is one event with all its reports.

Three articles that each say "Lord Goldsmith warned Tony Blair" on 7 March 2003
give three article events; the store groups them into one *corpus event*
(``event_clusters``) whose *reports* (``event_reports``) are the article events,
each with its article, the source the article attributes it to, and its
publication date. The report published first names the article that reported
it first; an article that itself says "was first reported by ABC News" near the
event is kept as a claim, with its offsets in the clean text.

What makes two reports one event (each criterion a constant below):

1. **Who**: their actor and their target resolve to the same corpus entities
   (``entities.corpus_entity_id``), or both have no target ("Jane Roe resigned",
   target ``NO_TARGET``). This is the *block* of an event: events are only ever
   compared inside their block, and an event without a resolved actor is no
   report of any corpus event (the timeline shows it alone).
2. **What**: the same predicate lemma, or CAMEO codes of the same root class
   (``CODE_ROOT_CHARS``), and the same polarity (negated or not).
3. **When**: compatible dates: equal, one of them undated, or a coarser one that
   contains the finer ("2003-03" and "2003-03-07"; not "2003-03-07" and "2003-03-08").
4. **Wording** (token-set Jaccard of the two evidence sentences, function words
   and the words of the actor, target and predicate out, since every report of the
   block shares those): the tie-breaker among the corpus events a report could join, and
   required to reach ``MIN_WORDING`` unless the dates settle the day (both
   reports dated the same day, ``RE_DAY``, and a target named: an actor does many
   things without a target in one day), so two undated "Blair criticised Brown"
   from different weeks stay apart unless they are told alike.
5. Reports of one corpus event come from different articles (``events of
   different articles``): an article that tells an event twice keeps two events.

How clusters are kept: each block is clustered from scratch (a greedy pass over
its reports in publication order, ``cluster_reports``) whenever one of its reports
comes or goes: on ingest, on re-processing and on an entity merge or split. The
result depends only on the reports of the block, so a store kept incrementally
equals one rebuilt (``rebuild``), whatever the order the articles came in;
corpus event ids are kept across reclustering where a cluster keeps a member.
Like the rest of the store, this module imports no spaCy.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsgraph.store.labels import with_labels
from newsgraph.store.lexicons import WORDING_STOPWORDS

if TYPE_CHECKING:
    import pandas as pd

#: Characters of a CAMEO code that name its root class ("111" and "112" are both root "11", criticise).
CODE_ROOT_CHARS = 2
#: Token-set Jaccard two evidence sentences must reach when their dates do not fix the same day.
MIN_WORDING = 0.25
#: A report is compared with at most this many reports of a corpus event (its first ones) for wording:
#: a corpus event of hundreds of copies of one story costs no more than one of a few.
WORDING_MEMBERS = 8
#: A date at day precision (``2003-03-07``): two reports dated the same such day need no close wording.
RE_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: Words of an evidence sentence, for the wording comparison (lower-cased; stopwords and words of
#: fewer than 3 characters are left out).
RE_TOKEN = re.compile(r"\w+")
MIN_TOKEN_CHARS = 3
#: "was first reported by ABC News", "first reported by the Times", "first reported in Le Monde":
#: an article saying which outlet had the story first. ``outlet`` is the capitalised name after it.
RE_FIRST_REPORTED = re.compile(
    r"\bfirst\s+reported\s+(?:by|in|on)\s+"
    r"(?P<outlet>(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w&'’.-]*)*)"
)
#: Characters after an event's sentence searched for a "first reported by" phrase (about the next
#: sentence: "The memo was first reported by ABC News." usually follows the event it is about).
FIRST_REPORTED_AFTER = 300
#: Rows of the store timeline read for each row it returns, at first (duplicates of a corpus event are
#: dropped, so more rows than asked are read; the read doubles until enough are found).
TIMELINE_OVERREAD = 2

#: The tables, made by migration ``0010_event_clusters``.
SCHEMA = """
CREATE TABLE event_clusters (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    actor INTEGER NOT NULL, target INTEGER NOT NULL,
    predicate TEXT, code_root TEXT, negated INTEGER NOT NULL DEFAULT 0,
    date TEXT,
    reports INTEGER NOT NULL,
    first_article_id TEXT, first_event_id TEXT, first_published TEXT,
    claimed_first_by TEXT
);
CREATE INDEX event_clusters_block ON event_clusters(actor, target);
CREATE TABLE event_reports (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    actor INTEGER NOT NULL, target INTEGER NOT NULL,
    cluster_id INTEGER,
    first_by TEXT, first_by_start INTEGER, first_by_end INTEGER,
    PRIMARY KEY (article_id, event_id)
);
CREATE INDEX event_reports_block ON event_reports(actor, target);
CREATE INDEX event_reports_cluster ON event_reports(cluster_id);
"""

Block = tuple[int, int]
#: The target of a block whose events have none ("Jane Roe resigned"): no corpus entity has id 0.
NO_TARGET = 0

#: The clusterable events (actor and target resolved) as ``event_reports`` rows; ``{where}`` narrows them.
_REPORTS_OF = f"""
INSERT INTO event_reports (article_id, event_id, actor, target)
SELECT v.article_id, v.id, ea.corpus_entity_id, coalesce(et.corpus_entity_id, {NO_TARGET})
FROM events v
JOIN entities ea ON ea.article_id = v.article_id AND ea.id = v.actor
LEFT JOIN entities et ON et.article_id = v.article_id AND et.id = v.target
WHERE {{where}} AND ea.corpus_entity_id IS NOT NULL AND (v.target IS NULL) = (et.corpus_entity_id IS NULL)"""


@dataclass
class Report:
    """One article event as the clustering sees it."""

    article_id: str
    event_id: str
    predicate: str | None
    cameo: str | None
    negated: bool
    date: str | None
    published: str | None
    order: int
    position: int
    tokens: frozenset[str]
    first_by: str | None = None
    has_target: bool = True

    @property
    def code_root(self) -> str | None:
        return self.cameo[:CODE_ROOT_CHARS] if self.cameo else None

    @property
    def key(self) -> tuple[str, str]:
        return self.article_id, self.event_id


@dataclass
class Cluster:
    """Reports that are one corpus event, first published first."""

    reports: list[Report] = field(default_factory=list)

    @property
    def date(self) -> str | None:
        """The most specific date among the reports (the others are its prefixes, or undated)."""
        dated = [r.date for r in self.reports if r.date]
        return max(dated, key=len) if dated else None


def tokens(text: str | None) -> frozenset[str]:
    """The words an evidence sentence is compared by (``RE_TOKEN``, lower case, no stopwords)."""
    words = (w.lower() for w in RE_TOKEN.findall(text or ""))
    return frozenset(w for w in words if len(w) >= MIN_TOKEN_CHARS and w not in WORDING_STOPWORDS)


def wording(a: frozenset[str], b: frozenset[str]) -> float:
    """Token-set Jaccard of two evidence sentences: shared words over all their words (0 when both empty)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Whether two event dates may name the same occasion: one undated, equal, or one a coarser prefix.

    >>> dates_compatible("2003-03", "2003-03-07"), dates_compatible("2003-03-07", "2003-03-08")
    (True, False)
    """
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def same_day(a: str | None, b: str | None) -> bool:
    """Both dated at day precision, on the same day."""
    return bool(a and b and RE_DAY.match(a) and RE_DAY.match(b) and a[:10] == b[:10])


def _fits(report: Report, cluster: Cluster) -> float | None:
    """How well ``report`` fits ``cluster`` (its closest wording), or None when a criterion fails."""
    if any(r.article_id == report.article_id for r in cluster.reports):
        return None
    seed = cluster.reports[0]
    if report.negated != seed.negated:
        return None
    predicates = {r.predicate for r in cluster.reports}
    roots = {r.code_root for r in cluster.reports} - {None}
    if report.predicate not in predicates and (report.code_root is None or report.code_root not in roots):
        return None
    date = cluster.date
    if not dates_compatible(report.date, date):
        return None
    score = max(wording(report.tokens, r.tokens) for r in cluster.reports[:WORDING_MEMBERS])
    settled = report.has_target and same_day(report.date, date)
    if not settled and score < MIN_WORDING:
        return None
    return score


def report_order(report: Report) -> tuple:
    """Publication date (undated last), then storage order and position: the first report comes first."""
    return report.published is None, report.published or "", report.order, report.position, report.event_id


def cluster_reports(reports: Iterable[Report]) -> list[Cluster]:
    """The corpus events of one block's reports: each report, in ``report_order``, joins the corpus event
    it fits best (closest wording; the earlier one on a tie), or starts one."""
    clusters: list[Cluster] = []
    for report in sorted(reports, key=report_order):
        best: Cluster | None = None
        best_score = -1.0
        for cluster in clusters:
            score = _fits(report, cluster)
            if score is not None and score > best_score:
                best, best_score = cluster, score
        if best is None:
            clusters.append(Cluster([report]))
        else:
            best.reports.append(report)
    return clusters


# --- writing -----------------------------------------------------------------------------------


def first_reported_by(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """A "first reported by X" phrase in the event's sentence or just after it: (outlet, start, end).

    Offsets are into ``text`` (the article's clean text) and cover the outlet's name.

    >>> first_reported_by("Ferries stopped. It was first reported by Harbour Radio.", 0, 16)
    ('Harbour Radio', 42, 55)
    """
    window = text[start:end + FIRST_REPORTED_AFTER]
    match = RE_FIRST_REPORTED.search(window)
    if match is None:
        return None
    outlet = match.group("outlet").rstrip(".’'")
    begin = start + match.start("outlet")
    return outlet, begin, begin + len(outlet)


def _note_claims(conn: sqlite3.Connection, where: str, params: tuple) -> None:
    """Find the "first reported by" phrases of the reports ``where`` selects and store them."""
    rows = conn.execute(f"""
        SELECT r.article_id, r.event_id, v.sentence_start, v.sentence_end,
               substr(a.text, v.sentence_start + 1, v.sentence_end - v.sentence_start + {FIRST_REPORTED_AFTER})
        FROM event_reports r JOIN events v ON v.article_id = r.article_id AND v.id = r.event_id
        JOIN articles a ON a.id = r.article_id WHERE {where}""", params).fetchall()
    found = []
    for article_id, event_id, start, end, window in rows:
        if start is None or not window or "first" not in window:
            continue
        claim = first_reported_by(window, 0, (end or start) - start)
        if claim is not None:
            found.append((claim[0], start + claim[1], start + claim[2], article_id, event_id))
    conn.executemany("UPDATE event_reports SET first_by = ?, first_by_start = ?, first_by_end = ? "
                     "WHERE article_id = ? AND event_id = ?", found)


def _block_reports(conn: sqlite3.Connection, block: Block) -> list[Report]:
    rows = conn.execute("""
        SELECT r.article_id, r.event_id, v.predicate, v.cameo, coalesce(v.negated, 0), v.date, a.published,
               a.rowid, coalesce(v.sentence_start, 0),
               substr(a.text, v.sentence_start + 1, v.sentence_end - v.sentence_start), r.first_by,
               v.actor_text, v.target_text, v.predicate, v.predicate_text
        FROM event_reports r JOIN events v ON v.article_id = r.article_id AND v.id = r.event_id
        JOIN articles a ON a.id = r.article_id
        WHERE r.actor = ? AND r.target = ?""", block).fetchall()
    return [Report(r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6], int(r[7]), int(r[8]),
                   tokens(r[9]) - tokens(" ".join(t for t in r[11:] if t)), r[10], block[1] != NO_TARGET)
            for r in rows]


def _write_block(conn: sqlite3.Connection, block: Block) -> None:
    """Cluster one block afresh and store its corpus events, keeping the ids of those that keep a report.

    A corpus event keeps the id most of its reports had (the smallest on a tie); a new one gets a new id
    (``AUTOINCREMENT``: never one a deleted corpus event had, so an old ``/events/{id}`` link never
    names another event).
    """
    reports = _block_reports(conn, block)
    old = {(r[0], r[1]): r[2] for r in conn.execute(
        "SELECT article_id, event_id, cluster_id FROM event_reports WHERE actor = ? AND target = ? "
        "AND cluster_id IS NOT NULL", block)}
    conn.execute("DELETE FROM event_clusters WHERE actor = ? AND target = ?", block)
    used: set[int] = set()
    assigned = []
    for cluster in cluster_reports(reports):
        votes = Counter(old[r.key] for r in cluster.reports if r.key in old and old[r.key] not in used)
        keep = min(votes, key=lambda i: (-votes[i], i)) if votes else None
        first = cluster.reports[0]
        seed_root = next((r.code_root for r in cluster.reports if r.code_root), None)
        claimed = next((r.first_by for r in cluster.reports if r.first_by), None)
        cur = conn.execute(
            "INSERT INTO event_clusters (id, actor, target, predicate, code_root, negated, date, reports, "
            "first_article_id, first_event_id, first_published, claimed_first_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (keep, *block, first.predicate, seed_root, int(first.negated), cluster.date, len(cluster.reports),
             first.article_id, first.event_id, first.published, claimed))
        cid = int(cur.lastrowid if keep is None else keep)
        used.add(cid)
        assigned += [(cid, r.article_id, r.event_id) for r in cluster.reports]
    conn.executemany("UPDATE event_reports SET cluster_id = ? WHERE article_id = ? AND event_id = ?", assigned)


def _recluster(conn: sqlite3.Connection, blocks: Iterable[Block]) -> None:
    for block in sorted(set(blocks)):
        _write_block(conn, block)


def blocks_of(conn: sqlite3.Connection, article_id: str) -> set[Block]:
    """The blocks (actor, target corpus entities) an article's stored reports are in."""
    return {(int(a), int(t)) for a, t in conn.execute(
        "SELECT DISTINCT actor, target FROM event_reports WHERE article_id = ?", (article_id,))}


def add_article(conn: sqlite3.Connection, article_id: str, also: Iterable[Block] = ()) -> None:
    """After an article's rows are written: its events become reports, and their blocks are clustered again.

    ``also``: blocks to cluster again as well (those of the article's previous version, when it was
    re-processed: ``blocks_of`` read before the delete). The caller holds the transaction.
    """
    conn.execute(_REPORTS_OF.format(where="v.article_id = ?"), (article_id,))
    _note_claims(conn, "r.article_id = ?", (article_id,))
    _recluster(conn, blocks_of(conn, article_id) | set(also))


def entities_changed(conn: sqlite3.Connection, ids: Iterable[int], also: Iterable[Block] = ()) -> None:
    """After a merge or split moved article entities between corpus entities ``ids``: the reports of the
    articles those entities are in are derived again, and every block they left or joined is clustered again."""
    ids = sorted({int(i) for i in ids})
    if not ids:
        return
    chosen = json.dumps(ids)
    articles = [r[0] for r in conn.execute("""
        SELECT article_id FROM event_reports WHERE actor IN (SELECT value FROM json_each(?1))
            OR target IN (SELECT value FROM json_each(?1))
        UNION SELECT article_id FROM entities WHERE corpus_entity_id IN (SELECT value FROM json_each(?1))""",
        (chosen,))]
    blocks = set(also)
    for article_id in articles:
        blocks |= blocks_of(conn, article_id)
        conn.execute("DELETE FROM event_reports WHERE article_id = ?", (article_id,))
        conn.execute(_REPORTS_OF.format(where="v.article_id = ?"), (article_id,))
        _note_claims(conn, "r.article_id = ?", (article_id,))
        blocks |= blocks_of(conn, article_id)
    _recluster(conn, blocks)


def block_ids_of_entities(conn: sqlite3.Connection, ids: Iterable[int]) -> set[Block]:
    """The blocks whose actor or target is one of the corpus entities ``ids`` (read before a merge deletes one)."""
    chosen = json.dumps(sorted({int(i) for i in ids}))
    return {(int(a), int(t)) for a, t in conn.execute(
        "SELECT DISTINCT actor, target FROM event_reports WHERE actor IN (SELECT value FROM json_each(?1)) "
        "OR target IN (SELECT value FROM json_each(?1))", (chosen,))}


def rebuild(conn: sqlite3.Connection) -> int:
    """Every corpus event made again from the stored events; returns how many there are.

    The same result as the incremental upkeep (each block is clustered from its reports
    alone); ids start afresh. The caller holds the transaction.
    """
    conn.execute("DELETE FROM event_clusters")
    conn.execute("DELETE FROM event_reports")
    conn.execute(_REPORTS_OF.format(where="1"))
    _note_claims(conn, "1", ())
    _recluster(conn, [(int(a), int(t)) for a, t in conn.execute("SELECT DISTINCT actor, target FROM event_reports")])
    return int(conn.execute("SELECT count(*) FROM event_clusters").fetchone()[0])


def memberships(conn: sqlite3.Connection) -> set[frozenset[tuple[str, str]]]:
    """Every corpus event as the set of its reports' (article id, event id): what two stores compare by."""
    groups: dict[int, set[tuple[str, str]]] = {}
    for cid, article_id, event_id in conn.execute(
            "SELECT cluster_id, article_id, event_id FROM event_reports WHERE cluster_id IS NOT NULL"):
        groups.setdefault(int(cid), set()).add((article_id, event_id))
    return {frozenset(g) for g in groups.values()}


# --- reading -----------------------------------------------------------------------------------


def _first_labels(conn: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    """Article id → the article's label (``labels.article_label``), for the first reports named in a list."""
    import pandas as pd

    if not ids:
        return {}
    rows = conn.execute("SELECT id, title FROM articles WHERE id IN (SELECT value FROM json_each(?))",
                        (json.dumps(sorted(set(ids))),)).fetchall()
    labelled = with_labels(conn, pd.DataFrame(rows, columns=["id", "title"]))
    return dict(zip(labelled["id"], labelled["label"], strict=True))


def _corpus_events_of(conn: sqlite3.Connection, keys: list[tuple[str, str]]) -> dict[tuple[str, str], tuple]:
    """(article id, event id) → (corpus event id, reports, first article, first published, claimed first by)."""
    if not keys:
        return {}
    rows = conn.execute("""
        SELECT r.article_id, r.event_id, c.id, c.reports, c.first_article_id, c.first_published, c.claimed_first_by
        FROM json_each(?) j
        JOIN event_reports r ON r.article_id = json_extract(j.value, '$[0]')
             AND r.event_id = json_extract(j.value, '$[1]')
        JOIN event_clusters c ON c.id = r.cluster_id""", (json.dumps(keys),)).fetchall()
    return {(r[0], r[1]): r[2:] for r in rows}


def compact(conn: sqlite3.Connection, frame: pd.DataFrame) -> pd.DataFrame:
    """Timeline rows with one row per corpus event (its first row in timeline order) and its reports.

    Added columns: ``corpus_event`` (the id of ``/events/{id}``; None for an event that is no report of
    one), ``reports`` (articles that report it; 1 alone), ``first_article_id``, ``first_label`` and
    ``first_published`` (the article that reported it first), ``first_reported_by`` (an outlet a report
    says had it first).
    """
    keys = [(str(a), str(e)) for a, e in zip(frame["article_id"], frame["event_id"], strict=True)]
    found = _corpus_events_of(conn, keys)
    seen: set[int] = set()
    keep, columns = [], {n: [] for n in ("corpus_event", "reports", "first_article_id", "first_published",
                                          "first_reported_by")}
    for key in keys:
        info = found.get(key)
        if info is not None and info[0] in seen:
            keep.append(False)
            continue
        keep.append(True)
        if info is None:
            info = (None, 1, key[0], None, None)
        else:
            seen.add(info[0])
        for name, value in zip(columns, info, strict=True):
            columns[name].append(value)
    out = frame[keep].reset_index(drop=True).copy()
    for name, values in columns.items():
        out[name] = values
    out["reports"] = out["reports"].astype(int)
    if out.empty:
        out["first_label"] = []
        return out
    labels = _first_labels(conn, [i for i in out["first_article_id"] if i])
    published = dict(zip(out["article_id"], out["published"], strict=True))
    out["first_published"] = [fp if cid is not None else published.get(aid) for cid, fp, aid in
                              zip(out["corpus_event"], out["first_published"], out["first_article_id"], strict=True)]
    out["first_label"] = [labels.get(i) for i in out["first_article_id"]]
    return out


def compact_timeline(conn: sqlite3.Connection, name: str | None, *, limit: int | None = None,
                     all_events: bool = False) -> pd.DataFrame:
    """``queries.timeline`` with one row per corpus event (``compact``), the first ``limit`` of them.

    The plain timeline is read ``TIMELINE_OVERREAD`` times the limit, then twice as far each time,
    until ``limit`` corpus events are found or the timeline ends.
    """
    from newsgraph.store.queries import timeline

    if limit is None:
        return compact(conn, timeline(conn, name, all_events=all_events))
    read = max(1, limit) * TIMELINE_OVERREAD
    while True:
        rows = timeline(conn, name, limit=read, all_events=all_events)
        out = compact(conn, rows)
        if len(out) >= limit or len(rows) < read:
            return out.head(limit).reset_index(drop=True)
        read *= 2


@dataclass
class CorpusEvent:
    """One corpus event and its reports, for ``/events/{id}``."""

    id: int
    actor: dict[str, Any]
    target: dict[str, Any]
    predicate: str | None
    code_root: str | None
    negated: bool
    date: str | None
    first_article_id: str | None
    first_published: str | None
    claimed_first_by: str | None
    reports: pd.DataFrame

    def to_dict(self) -> dict[str, Any]:
        from newsgraph.store.queries import records_of

        data = {k: v for k, v in self.__dict__.items() if k != "reports"}
        data["reports"] = records_of(self.reports)
        data["n_reports"] = len(self.reports)
        return data


def corpus_event(conn: sqlite3.Connection, cluster_id: int) -> CorpusEvent | None:
    """The corpus event with this id and its reports (first published first), or None."""
    from newsgraph.store.queries import frame

    row = conn.execute("""
        SELECT c.id, c.actor, ca.name, c.target, ct.name, c.predicate, c.code_root, c.negated, c.date,
               c.first_article_id, c.first_published, c.claimed_first_by
        FROM event_clusters c LEFT JOIN corpus_entities ca ON ca.id = c.actor
        LEFT JOIN corpus_entities ct ON ct.id = c.target WHERE c.id = ?""", (cluster_id,)).fetchone()
    if row is None:
        return None
    reports = frame(conn, """
        SELECT r.article_id, a.title, a.published, a.outlet, r.event_id, v.date, v.date_reason,
               v.actor_text AS actor, coalesce(v.predicate_text, v.predicate) AS predicate_text,
               v.target_text AS target, v.object_text AS object, v.modality, v.code, v.cameo,
               s.description AS source, s.kind AS source_kind, s.anonymous AS source_anonymous,
               substr(a.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) AS evidence,
               v.sentence_start AS evidence_start, v.sentence_end AS evidence_end,
               r.first_by AS first_reported_by, r.first_by_start, r.first_by_end,
               coalesce(a.path, a.url) AS origin
        FROM event_reports r JOIN events v ON v.article_id = r.article_id AND v.id = r.event_id
        JOIN articles a ON a.id = r.article_id
        LEFT JOIN sources s ON s.article_id = v.article_id AND s.id = v.source_id
        WHERE r.cluster_id = ?
        ORDER BY a.published IS NULL, a.published, a.rowid, v.sentence_start""", (cluster_id,))
    return CorpusEvent(
        id=int(row[0]), actor={"id": row[1], "name": row[2]}, target={"id": row[3], "name": row[4]},
        predicate=row[5], code_root=row[6], negated=bool(row[7]), date=row[8], first_article_id=row[9],
        first_published=row[10], claimed_first_by=row[11], reports=with_labels(conn, reports, "article_id"),
    )
