"""Corpus events: the same event reported by several articles is one event with all its reports.

Three articles that each say "Lord Goldsmith warned Tony Blair" on 7 March 2003
give three article events; the store groups them into one *corpus event*
(``event_clusters``) whose *reports* (``event_reports``) are the article events,
each with its article, the source the article attributes it to, and its
publication date. The report published first names the article that reported
it first; an article that itself says "was first reported by ABC News" near the
event is kept as a claim, with its offsets in the clean text.

What makes a report one more report of a corpus event (each criterion a constant
below; "the corpus event" is compared through its first report, its *seed*):

1. **Who**: the actor and the target resolve to the same corpus entities
   (``entities.corpus_entity_id``); an event with no target ("Jane Roe resigned",
   ``NO_TARGET``) or no actor ("Jane Roe was criticised", ``NO_ACTOR``) is
   compared with those that have none either. This is the *block* of an event:
   events are only ever compared inside their block; an event with neither is
   no report of any corpus event (the timeline shows it alone).
2. **What**: the same predicate lemma as the seed, or a CAMEO code of the same
   root class (``CODE_ROOT_CHARS``), and the same polarity (negated or not).
3. **When**: a date compatible with the corpus event's (the most specific date
   of its reports): equal, either undated, or a coarser one that contains the
   finer ("2003-03" and "2003-03-07"; not "2003-03-07" and "2003-03-08").
4. **Wording**: token-set Jaccard of the two evidence sentences (function words
   and the words of the actor, target and predicate out, since every report of
   the block shares those). It breaks ties among the corpus events a report
   could join, and must reach ``MIN_WORDING`` unless the dates settle the day
   (both dated the same day, ``RE_DAY``, and actor and target named: an actor
   does many things without a target in one day), so two undated "Blair criticised Brown"
   from different weeks stay apart unless they are told alike.
5. **Different articles**: a corpus event has at most one report per article;
   an article that tells an event twice keeps two events.

How the clusters are kept: reports are taken in ingest order (article rowid,
then position in the article); each joins the corpus event of its block it fits
best (closest wording; the older one on a tie) or starts one. An ingest only
appends, so it clusters the new article's reports against the stored corpus
events (a few index lookups), and the store equals one rebuilt by replaying
every report in that order (``rebuild``). When reports go (re-processing,
an entity merge or split), the blocks they were in are replayed the same way.
A corpus event's id stays while its block is not replayed. Like the rest of the
store, this module imports no spaCy.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsgraph.store.labels import with_labels
from newsgraph.store.lexicons import WORDING_STOPWORDS

if TYPE_CHECKING:
    import pandas as pd

#: Characters of a CAMEO code that name its root class ("111" and "112" are both root "11", criticise).
CODE_ROOT_CHARS = 2
#: Token-set Jaccard two evidence sentences must reach when their dates do not fix the same day.
MIN_WORDING = 0.25
#: A date at day precision (``2003-03-07``): two reports dated the same such day need no close wording.
RE_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: Words of an evidence sentence, for the wording comparison (lower-cased; stopwords and words of
#: fewer than ``MIN_TOKEN_CHARS`` characters are left out).
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
#: The target of a block whose events have none ("Jane Roe resigned"), and the actor of one whose
#: events have none ("Jane Roe was criticised"): no corpus entity has id 0.
NO_TARGET = NO_ACTOR = 0

#: The tables, made by migration ``0010_event_clusters``.
SCHEMA = """
CREATE TABLE event_clusters (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    actor INTEGER NOT NULL, target INTEGER NOT NULL,
    predicate TEXT, code_root TEXT, negated INTEGER NOT NULL DEFAULT 0,
    tokens TEXT NOT NULL DEFAULT '',
    date TEXT,
    reports INTEGER NOT NULL,
    first_article_id TEXT, first_event_id TEXT, first_published TEXT, first_order TEXT,
    main_article_id TEXT, main_event_id TEXT, main_order TEXT,
    claimed_first_by TEXT
);
CREATE INDEX event_clusters_predicate ON event_clusters(actor, target, predicate);
CREATE INDEX event_clusters_root ON event_clusters(actor, target, code_root);
CREATE INDEX event_clusters_target ON event_clusters(target);
CREATE TABLE event_reports (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    actor INTEGER NOT NULL, target INTEGER NOT NULL,
    tokens TEXT NOT NULL DEFAULT '',
    cluster_id INTEGER,
    lead INTEGER NOT NULL DEFAULT 0,
    first_by TEXT, first_by_start INTEGER, first_by_end INTEGER,
    PRIMARY KEY (article_id, event_id)
);
CREATE INDEX event_reports_block ON event_reports(actor, target);
CREATE INDEX event_reports_cluster ON event_reports(cluster_id);
"""

Block = tuple[int, int]


@dataclass
class Report:
    """One article event as the clustering sees it."""

    article_id: str
    event_id: str
    actor: int
    target: int
    predicate: str | None
    cameo: str | None
    negated: bool
    date: str | None
    published: str | None
    order: int
    position: int
    tokens: frozenset[str]
    first_by: str | None = None
    main: bool = True

    @property
    def code_root(self) -> str | None:
        return self.cameo[:CODE_ROOT_CHARS] if self.cameo else None

    @property
    def block(self) -> Block:
        return self.actor, self.target

    @property
    def first_order(self) -> str:
        """Sorts as "who published first": publication date (undated last), then ingest order."""
        return json.dumps([self.published is None, self.published or "", self.order, self.position])


@dataclass
class Summary:
    """A corpus event as the clustering compares reports with it: its seed, its date and its first report."""

    id: int | None
    predicate: str | None
    code_root: str | None
    negated: bool
    tokens: frozenset[str]
    date: str | None
    reports: int
    first_article_id: str
    first_event_id: str
    first_published: str | None
    first_order: str
    claimed_first_by: str | None
    has_target: bool
    #: The first of its main reports (``events.main``): the row a timeline of main events shows.
    main_article_id: str | None = None
    main_event_id: str | None = None
    main_order: str | None = None
    #: (actor, target): the block it belongs to.
    block: Block = (0, NO_TARGET)

    @classmethod
    def seeded(cls, report: Report) -> Summary:
        event = cls(None, report.predicate, report.code_root, report.negated, report.tokens, report.date, 0,
                    report.article_id, report.event_id, report.published, report.first_order, report.first_by,
                    report.target != NO_TARGET and report.actor != NO_ACTOR, block=report.block)
        event.join(report)
        return event

    def lead(self, report: Report) -> int:
        """``event_reports.lead`` of one of its reports: 1 for the first report, 2 for the first main one."""
        key = (report.article_id, report.event_id)
        return int(key == (self.first_article_id, self.first_event_id)) | \
            (2 * int(key == (self.main_article_id, self.main_event_id)))

    def join(self, report: Report) -> None:
        """Count ``report`` in: the most specific date, the earliest report, the first claim."""
        if report.date and (not self.date or len(report.date) > len(self.date)):
            self.date = report.date
        if json.loads(report.first_order) < json.loads(self.first_order):
            self.first_article_id, self.first_event_id = report.article_id, report.event_id
            self.first_published, self.first_order = report.published, report.first_order
        if report.main and (self.main_order is None or json.loads(report.first_order) < json.loads(self.main_order)):
            self.main_article_id, self.main_event_id, self.main_order = \
                report.article_id, report.event_id, report.first_order
        self.claimed_first_by = self.claimed_first_by or report.first_by
        self.reports += 1


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


def fits(report: Report, event: Summary) -> float | None:
    """How well ``report`` fits the corpus event (its wording score), or None when a criterion fails."""
    if report.negated != event.negated:
        return None
    if report.predicate != event.predicate and (report.code_root is None or report.code_root != event.code_root):
        return None
    if not dates_compatible(report.date, event.date):
        return None
    score = wording(report.tokens, event.tokens)
    settled = event.has_target and same_day(report.date, event.date)
    if not settled and score < MIN_WORDING:
        return None
    return score


def best_fit(report: Report, candidates: Iterable[Summary]) -> Summary | None:
    """The candidate ``report`` fits best (closest wording; on a tie the first, i.e. the oldest), or None."""
    best, best_score = None, -1.0
    for event in candidates:
        score = fits(report, event)
        if score is not None and score > best_score:
            best, best_score = event, score
    return best


class Replay:
    """Reports given one at a time in ingest order join corpus events held in memory: what a rebuild
    (and the replay of some blocks) does, making the choices ``add_article`` makes one article at a time.

    Only the corpus events' summaries are kept, not the reports, so a rebuild of a large store streams.
    ``first_id``: the id the first corpus event made gets (ids follow in the order they are made).
    """

    def __init__(self, first_id: int = 1) -> None:
        self.events: list[Summary] = []
        self.by_block: dict[Block, list[int]] = {}
        self.first_id = first_id
        self._article: str | None = None
        self._taken: set[int] = set()

    def add(self, report: Report) -> int:
        """Put ``report`` in the corpus event it fits best, or a new one; returns that event's id."""
        if report.article_id != self._article:
            self._article, self._taken = report.article_id, set()
        places = [i for i in self.by_block.get(report.block, []) if i not in self._taken]
        best, best_score = None, -1.0
        for i in places:
            score = fits(report, self.events[i])
            if score is not None and score > best_score:
                best, best_score = i, score
        if best is None:
            best = len(self.events)
            self.events.append(Summary.seeded(report))
            self.events[best].id = self.first_id + best
            self.by_block.setdefault(report.block, []).append(best)
        else:
            self.events[best].join(report)
        self._taken.add(best)
        return self.first_id + best


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


#: The clusterable events (a resolved actor; a resolved target or none) with what clustering reads,
#: in ingest order; ``{where}`` narrows them.
_EVENTS = f"""
SELECT v.article_id, v.id, coalesce(ea.corpus_entity_id, {NO_ACTOR}), coalesce(et.corpus_entity_id, {NO_TARGET}),
       v.predicate, v.cameo, coalesce(v.negated, 0), v.date, a.published, a.rowid, coalesce(v.sentence_start, 0),
       substr(a.text, v.sentence_start + 1, v.sentence_end - v.sentence_start + {FIRST_REPORTED_AFTER}),
       coalesce(v.sentence_end, 0) - coalesce(v.sentence_start, 0),
       v.actor_text, v.target_text, v.predicate_text, v.main
FROM articles a
JOIN events v ON v.article_id = a.id
LEFT JOIN entities ea ON ea.article_id = v.article_id AND ea.id = v.actor
LEFT JOIN entities et ON et.article_id = v.article_id AND et.id = v.target
WHERE {{where}} AND (v.actor IS NULL) = (ea.corpus_entity_id IS NULL)
  AND (v.target IS NULL) = (et.corpus_entity_id IS NULL) AND (v.actor IS NOT NULL OR v.target IS NOT NULL)
ORDER BY a.rowid, v.sentence_start, v.id"""


def _reports_from_events(conn: sqlite3.Connection, where: str, params: tuple) -> Iterator[tuple[Report, tuple]]:
    """Reports made from stored events, in ingest order, each with its "first reported by" claim."""
    cur = conn.execute(_EVENTS.format(where=where), params)
    while rows := cur.fetchmany(1000):
        for row in rows:
            window, length = row[11] or "", int(row[12])
            sentence = window[:length]
            told = tokens(" ".join(t for t in (row[4], *row[13:16]) if t))  # predicate, actor, target, as written
            claim = first_reported_by(window, 0, length) if "first" in window else None
            start = int(row[10])
            report = Report(row[0], row[1], int(row[2]), int(row[3]), row[4], row[5], bool(row[6]), row[7], row[8],
                            int(row[9]), start, tokens(sentence) - told, claim[0] if claim else None,
                            bool(row[16]))
            yield report, ((claim[0], start + claim[1], start + claim[2]) if claim else (None, None, None))


def _stored_reports(conn: sqlite3.Connection, blocks: set[Block]) -> list[Report]:
    """The stored reports of ``blocks`` (their tokens as kept), in ingest order."""
    rows = conn.execute("""
        SELECT r.article_id, r.event_id, r.actor, r.target, v.predicate, v.cameo, coalesce(v.negated, 0), v.date,
               a.published, a.rowid, coalesce(v.sentence_start, 0), r.tokens, r.first_by, v.main
        FROM json_each(?) b
        JOIN event_reports r ON r.actor = json_extract(b.value, '$[0]') AND r.target = json_extract(b.value, '$[1]')
        JOIN events v ON v.article_id = r.article_id AND v.id = r.event_id
        JOIN articles a ON a.id = r.article_id
        ORDER BY a.rowid, v.sentence_start, v.id""", (json.dumps(sorted(blocks)),)).fetchall()
    return [Report(r[0], r[1], int(r[2]), int(r[3]), r[4], r[5], bool(r[6]), r[7], r[8], int(r[9]), int(r[10]),
                   frozenset(r[11].split()), r[12], bool(r[13])) for r in rows]


def _insert_event(conn: sqlite3.Connection, report: Report, event: Summary) -> int:
    cur = conn.execute(
        "INSERT INTO event_clusters (actor, target, predicate, code_root, negated, tokens, date, reports, "
        "first_article_id, first_event_id, first_published, first_order, main_article_id, main_event_id, "
        "main_order, claimed_first_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (report.actor, report.target, event.predicate, event.code_root, int(event.negated),
         " ".join(sorted(event.tokens)), event.date, event.reports, event.first_article_id, event.first_event_id,
         event.first_published, event.first_order, event.main_article_id, event.main_event_id, event.main_order,
         event.claimed_first_by))
    return int(cur.lastrowid or 0)


def _update_event(conn: sqlite3.Connection, event: Summary) -> None:
    conn.execute(
        "UPDATE event_clusters SET date = ?, reports = ?, first_article_id = ?, first_event_id = ?, "
        "first_published = ?, first_order = ?, main_article_id = ?, main_event_id = ?, main_order = ?, "
        "claimed_first_by = ? WHERE id = ?",
        (event.date, event.reports, event.first_article_id, event.first_event_id, event.first_published,
         event.first_order, event.main_article_id, event.main_event_id, event.main_order, event.claimed_first_by,
         event.id))
    # Its first (and first main) report may have changed: the flags of its reports follow.
    conn.execute("UPDATE event_reports SET lead = ((article_id = ?1 AND event_id = ?2) | "
                 "(2 * (article_id IS ?3 AND event_id IS ?4))) WHERE cluster_id = ?5",
                 (event.first_article_id, event.first_event_id, event.main_article_id, event.main_event_id, event.id))


def _next_id(conn: sqlite3.Connection) -> int:
    """The id the next corpus event gets: past every id ever given (``AUTOINCREMENT``'s sequence)."""
    seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'event_clusters'").fetchone()
    top = conn.execute("SELECT max(id) FROM event_clusters").fetchone()[0]
    return max(int(seq[0]) if seq else 0, int(top or 0)) + 1


def _write_replay(conn: sqlite3.Connection, replay: Replay) -> None:
    """Store the corpus events a ``Replay`` made (the reports already point to their ids) and their leads."""
    for event in replay.events:
        conn.execute(
            "INSERT INTO event_clusters (id, actor, target, predicate, code_root, negated, tokens, date, reports, "
            "first_article_id, first_event_id, first_published, first_order, main_article_id, main_event_id, "
            "main_order, claimed_first_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (event.id, *event.block, event.predicate, event.code_root, int(event.negated),
             " ".join(sorted(event.tokens)), event.date, event.reports, event.first_article_id,
             event.first_event_id, event.first_published, event.first_order, event.main_article_id,
             event.main_event_id, event.main_order, event.claimed_first_by))
    if not replay.events:
        return
    low, high = replay.first_id, replay.first_id + len(replay.events) - 1
    conn.execute("UPDATE event_reports SET lead = 0 WHERE cluster_id BETWEEN ? AND ?", (low, high))
    conn.execute("UPDATE event_reports SET lead = lead | 1 WHERE (article_id, event_id) IN "
                 "(SELECT first_article_id, first_event_id FROM event_clusters WHERE id BETWEEN ? AND ?)", (low, high))
    conn.execute("UPDATE event_reports SET lead = lead | 2 WHERE (article_id, event_id) IN "
                 "(SELECT main_article_id, main_event_id FROM event_clusters WHERE id BETWEEN ? AND ? "
                 "AND main_article_id IS NOT NULL)", (low, high))


def _replay(conn: sqlite3.Connection, blocks: set[Block]) -> None:
    """Build the corpus events of ``blocks`` again from their stored reports, in ingest order."""
    if not blocks:
        return
    # By block, not by report: a corpus event whose only report went has no report left to find it by.
    conn.executemany("DELETE FROM event_clusters WHERE actor = ? AND target = ?", sorted(blocks))
    _run_replay(conn, _stored_reports(conn, blocks), store=False)


def _run_replay(conn: sqlite3.Connection, reports: Iterable[Report | tuple[Report, tuple]], *,
                store: bool) -> None:
    """Replay ``reports`` (with their claims, when ``store`` writes them to ``event_reports`` first)."""
    replay = Replay(_next_id(conn))
    batch: list[tuple] = []
    new: list[tuple[Report, tuple]] = []

    def flush() -> None:
        if new:
            _store_reports(conn, new)
            new.clear()
        conn.executemany("UPDATE event_reports SET cluster_id = ? WHERE article_id = ? AND event_id = ?", batch)
        batch.clear()

    for item in reports:
        report, claim = item if isinstance(item, tuple) else (item, None)
        if store:
            new.append((report, claim))
        cid = replay.add(report)
        batch.append((cid, report.article_id, report.event_id))
        if len(batch) >= 5000:
            flush()
    flush()
    _write_replay(conn, replay)


_SUMMARY_COLUMNS = ("id, predicate, code_root, negated, tokens, date, reports, first_article_id, first_event_id, "
                    "first_published, first_order, claimed_first_by, main_article_id, main_event_id, main_order")


def _candidates(conn: sqlite3.Connection, report: Report) -> list[Summary]:
    """The stored corpus events of the report's block with its predicate or its code root, oldest first."""
    rows = conn.execute(f"""
        SELECT {_SUMMARY_COLUMNS} FROM event_clusters WHERE actor = ?1 AND target = ?2 AND predicate = ?3
        UNION SELECT {_SUMMARY_COLUMNS} FROM event_clusters WHERE actor = ?1 AND target = ?2 AND code_root = ?4
        ORDER BY id""",
        (report.actor, report.target, report.predicate, report.code_root)).fetchall()
    return [Summary(int(r[0]), r[1], r[2], bool(r[3]), frozenset(r[4].split()), r[5], int(r[6]), r[7], r[8], r[9],
                    r[10], r[11], report.target != NO_TARGET and report.actor != NO_ACTOR, r[12], r[13], r[14],
                    report.block) for r in rows]


def _store_reports(conn: sqlite3.Connection, found: list[tuple[Report, tuple]]) -> None:
    conn.executemany(
        "INSERT INTO event_reports (article_id, event_id, actor, target, tokens, first_by, first_by_start, "
        "first_by_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(r.article_id, r.event_id, r.actor, r.target, " ".join(sorted(r.tokens)), *claim) for r, claim in found])


def blocks_of(conn: sqlite3.Connection, article_id: str) -> set[Block]:
    """The blocks (actor, target corpus entities) an article's stored reports are in."""
    return {(int(a), int(t)) for a, t in conn.execute(
        "SELECT DISTINCT actor, target FROM event_reports WHERE article_id = ?", (article_id,))}


def add_article(conn: sqlite3.Connection, article_id: str, also: Iterable[Block] = ()) -> None:
    """After an article's rows are written (the newest article): its events join or start corpus events.

    ``also``: blocks whose reports went (those of the article's previous version, when it was
    re-processed: ``blocks_of`` read before the delete); they are replayed, with the article's
    own blocks. The caller holds the transaction.
    """
    found = list(_reports_from_events(conn, "a.id = ?", (article_id,)))
    _store_reports(conn, found)
    gone = set(also)
    if gone:
        _replay(conn, gone | {r.block for r, _ in found})
        return
    taken: set[int] = set()
    for report, _ in found:
        event = best_fit(report, (c for c in _candidates(conn, report) if c.id not in taken))
        if event is None:
            event = Summary.seeded(report)
            event.id = _insert_event(conn, report, event)
            conn.execute("UPDATE event_reports SET cluster_id = ?, lead = ? WHERE article_id = ? AND event_id = ?",
                         (event.id, event.lead(report), report.article_id, report.event_id))
        else:
            event.join(report)
            conn.execute("UPDATE event_reports SET cluster_id = ? WHERE article_id = ? AND event_id = ?",
                         (event.id, report.article_id, report.event_id))
            _update_event(conn, event)
        taken.add(int(event.id or 0))


def entities_changed(conn: sqlite3.Connection, ids: Iterable[int], also: Iterable[Block] = ()) -> None:
    """After a merge or split moved article entities between corpus entities ``ids``: the reports of the
    articles those entities are in are made again, and every block they left or joined is replayed."""
    chosen = json.dumps(sorted({int(i) for i in ids}))
    articles = [r[0] for r in conn.execute("""
        SELECT article_id FROM event_reports WHERE actor IN (SELECT value FROM json_each(?1))
            OR target IN (SELECT value FROM json_each(?1))
        UNION SELECT article_id FROM entities WHERE corpus_entity_id IN (SELECT value FROM json_each(?1))""",
        (chosen,))]
    blocks = set(also)
    for article_id in articles:
        blocks |= blocks_of(conn, article_id)
        conn.execute("DELETE FROM event_reports WHERE article_id = ?", (article_id,))
        _store_reports(conn, list(_reports_from_events(conn, "a.id = ?", (article_id,))))
        blocks |= blocks_of(conn, article_id)
    _replay(conn, blocks)


def block_ids_of_entities(conn: sqlite3.Connection, ids: Iterable[int]) -> set[Block]:
    """The blocks whose actor or target is one of the corpus entities ``ids`` (read before a merge deletes one)."""
    chosen = json.dumps(sorted({int(i) for i in ids}))
    return {(int(a), int(t)) for a, t in conn.execute(
        "SELECT DISTINCT actor, target FROM event_reports WHERE actor IN (SELECT value FROM json_each(?1)) "
        "OR target IN (SELECT value FROM json_each(?1))", (chosen,))}


def rebuild(conn: sqlite3.Connection) -> int:
    """Every corpus event made again from the stored events, replayed in ingest order; returns how many.

    The same corpus events the incremental upkeep keeps (ids start afresh). The caller holds the
    transaction.
    """
    conn.execute("DELETE FROM event_clusters")
    conn.execute("DELETE FROM event_reports")
    _run_replay(conn, _reports_from_events(conn, "1", ()), store=True)
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
    """Timeline rows (one per corpus event: ``queries.timeline(corpus_events=True)``) with their reports.

    Added columns: ``corpus_event`` (the id of ``/events/{id}``; None for an event that is no report of
    one), ``reports`` (articles that report it; 1 alone), ``first_article_id``, ``first_label`` and
    ``first_published`` (the article that reported it first), ``first_reported_by`` (an outlet a report
    says had it first).
    """
    keys = [(str(a), str(e)) for a, e in zip(frame["article_id"], frame["event_id"], strict=True)]
    found = _corpus_events_of(conn, keys)
    out = frame.reset_index(drop=True).copy()
    rows = [found.get(key) or (None, 1, key[0], published, None)
            for key, published in zip(keys, out["published"], strict=True)]
    for i, name in enumerate(("corpus_event", "reports", "first_article_id", "first_published",
                              "first_reported_by")):
        out[name] = [r[i] for r in rows]
    out["reports"] = out["reports"].astype(int)
    labels = _first_labels(conn, [i for i in out["first_article_id"] if i])
    out["first_label"] = [labels.get(i) for i in out["first_article_id"]]
    return out


def compact_timeline(conn: sqlite3.Connection, name: str | None, *, limit: int | None = None,
                     all_events: bool = False) -> pd.DataFrame:
    """``queries.timeline`` with one row per corpus event (its first report, or first main report
    without ``all_events``) and the corpus event's reports (``compact``).

    Every event of an entity's timeline is a report (its actor or its target is the entity), so an
    entity's timeline is read from its corpus events (``event_clusters`` by actor and by target: one
    row each, however many articles report it); the timeline of every event walks the events in
    date order and skips the reports that are not their event's lead.
    """
    from newsgraph.store import queries

    if name is None:
        return compact(conn, queries.timeline(conn, None, limit=limit, all_events=all_events, corpus_events=True))
    ref, _ = queries.best_entity(conn, name)
    lead = "first" if all_events else "main"
    chosen = f"""
        SELECT vr, ar, role FROM (
            SELECT v.rowid AS vr, a.rowid AS ar, CASE WHEN c.actor = ?1 THEN 'actor' ELSE 'target' END AS role,
                   v.date, a.published, v.sentence_start, v.id
            FROM event_clusters c
            CROSS JOIN events v ON v.article_id = c.{lead}_article_id AND v.id = c.{lead}_event_id
            CROSS JOIN articles a ON a.id = v.article_id
            WHERE (c.actor = ?1 OR c.target = ?1) AND c.{lead}_article_id IS NOT NULL
        ) ORDER BY date IS NULL, date, published, ar, sentence_start, id LIMIT ?2"""
    rows = queries.frame(conn, queries._timeline_sql(chosen), (ref.id, -1 if limit is None else limit))
    return compact(conn, rows)


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
