"""Looking after a store file: check it (SQLite's integrity and the store's own invariants), back it up.

``check`` is what ``newsgraph check`` prints: SQLite's ``integrity_check``,
then what the store itself promises — every article has its record, raw input
and full-text row, no row points to an article or entity that is not there, no
failure row for a stored article, and corpus entity names are those a refresh
gives. ``backup`` copies a store with SQLite's online backup API: a consistent
snapshot, taken while an ingest goes on writing.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.store import duplicates
from newsgraph.store.entities import expected_names
from newsgraph.store.ingest import pending_refresh
from newsgraph.store.queries import (
    counted_entity_month_tallies,
    counted_entity_name_tallies,
    counted_source_tallies,
    counted_tallies,
    stored_entity_month_tallies,
    stored_entity_name_tallies,
    stored_source_tallies,
    tallied,
)

#: At most this many messages of ``integrity_check`` (and examples of one problem) are reported.
MAX_MESSAGES = 10

#: Article-level rows that must point at an existing parent row beyond the declared foreign keys:
#: (what, SQL counting the orphans).
ORPHANS = (
    ("mentions without their entity",
     "SELECT count(*) FROM mentions m WHERE NOT EXISTS "
     "(SELECT 1 FROM entities e WHERE e.article_id = m.article_id AND e.id = m.entity_id)"),
    ("attributions without their source",
     "SELECT count(*) FROM attributions a WHERE a.source_id IS NOT NULL AND NOT EXISTS "
     "(SELECT 1 FROM sources s WHERE s.article_id = a.article_id AND s.id = a.source_id)"),
    ("sources naming an entity the article lacks",
     "SELECT count(*) FROM sources s WHERE s.entity_id IS NOT NULL AND NOT EXISTS "
     "(SELECT 1 FROM entities e WHERE e.article_id = s.article_id AND e.id = s.entity_id)"),
    ("events whose actor the article lacks",
     "SELECT count(*) FROM events v WHERE v.actor IS NOT NULL AND NOT EXISTS "
     "(SELECT 1 FROM entities e WHERE e.article_id = v.article_id AND e.id = v.actor)"),
    ("entities not resolved to a corpus entity", "SELECT count(*) FROM entities WHERE corpus_entity_id IS NULL"),
    ("failure rows for stored articles",
     "SELECT count(*) FROM failures f WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = f.id)"),
    ("articles without their record",
     "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.id = a.id)"),
)


@dataclass
class CheckReport:
    """What ``Store.check`` found: ``problems`` make it fail; ``notes`` are facts worth knowing."""

    path: str
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "ok": self.ok, "problems": self.problems, "notes": self.notes,
                "counts": self.counts}


def _one(conn: sqlite3.Connection, sql: str) -> int:
    return int(conn.execute(sql).fetchone()[0])


def check(conn: sqlite3.Connection, path: str) -> CheckReport:
    """Check the store on ``conn`` (read-only is enough); never raises for what it finds."""
    report = CheckReport(path)
    try:
        messages = [r[0] for r in conn.execute(f"PRAGMA integrity_check({MAX_MESSAGES})")]
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"SQLite cannot read the file: {exc}")
        return report
    if messages != ["ok"]:
        report.problems.extend(f"integrity_check: {m}" for m in messages)
    try:
        _invariants(conn, report)
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"the store's tables cannot be read: {exc}")
    return report


def _invariants(conn: sqlite3.Connection, report: CheckReport) -> None:
    counts = report.counts
    for table in ("articles", "records", "raw_inputs", "articles_fts_docsize", "corpus_entities", "failures"):
        counts[table.removesuffix("_docsize")] = _one(conn, f"SELECT count(*) FROM {table}")
    if counts["articles_fts"] != counts["articles"]:
        report.problems.append(f"{counts['articles']} articles but {counts['articles_fts']} full-text rows")
    try:
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as exc:
        if "readonly" not in str(exc).lower():  # read-only media: the row counts above stand in
            report.problems.append(f"full-text index: {exc}")
    if counts["raw_inputs"] < counts["articles"]:
        report.notes.append(f"{counts['articles'] - counts['raw_inputs']} articles without a raw input "
                            "(stored by Store.add without one): reprocess cannot rebuild them")
    dangling: dict[tuple[str, str], int] = {}
    for table, _rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
        dangling[(table, parent)] = dangling.get((table, parent), 0) + 1
    for (table, parent), n in sorted(dangling.items()):
        report.problems.append(f"{n} rows of {table} point to no row of {parent}")
    for what, sql in ORPHANS:
        n = _one(conn, sql)
        if n:
            report.problems.append(f"{n} {what}")
    _tallies(conn, report)
    _co_mentions(conn, report)
    _source_tallies(conn, report)
    _entity_name_tallies(conn, report)
    _entity_month_tallies(conn, report)
    _browse_indexes(conn, report)
    _corpus_entities(conn, report)
    _similarity_indexes(conn, report)


def _similarity_indexes(conn: sqlite3.Connection, report: CheckReport) -> None:
    """Near-duplicate and repeated-quote signatures made with other parameters, or missing: a note, since
    the store answers everything else; ``newsgraph dedupe`` rebuilds them."""
    stale = duplicates.stale(conn)
    unindexed = stale.pop("articles_unindexed")
    if any(stale.values()):
        report.notes.append("similarity signatures made with other thresholds ("
                            + ", ".join(f"{name}: {n}" for name, n in stale.items() if n)
                            + "): run newsgraph dedupe")
    if unindexed:
        report.notes.append(f"{unindexed} articles not in the near-duplicate index (stored before it): "
                            "run newsgraph dedupe")


def _co_mentions(conn: sqlite3.Connection, report: CheckReport) -> None:
    """The co-mention counts and the stated edges the graph reads (migration 0008) against the rows themselves."""
    from newsgraph.store.graph import counted_co_mentions, stored_co_mentions

    kept, counted = stored_co_mentions(conn), counted_co_mentions(conn)
    wrong = [f"#{a}–#{b}: kept {kept.get((a, b), 0)}, counted {n}" for (a, b), n in sorted(counted.items())
             if kept.get((a, b), 0) != n]
    wrong += [f"#{a}–#{b}: kept {n}, counted 0" for (a, b), n in sorted(kept.items()) if (a, b) not in counted]
    if wrong:
        report.problems.append(f"{len(wrong)} co-mention counts (co_mentions) disagree with the entity rows, e.g. "
                               + "; ".join(wrong[:MAX_MESSAGES]))
    from newsgraph.store.graph import counted_stated_edges, stored_stated_edges

    stored, joined = stored_stated_edges(conn), counted_stated_edges(conn)
    if stored != joined:
        odd = sorted(stored ^ joined, key=str)
        report.problems.append(f"{len(odd)} rows of stated_edges disagree with events, relations and entities, "
                               "e.g. " + "; ".join(f"{r[0][:12]} {r[1]} {r[2]}" for r in odd[:MAX_MESSAGES]))


def _source_tallies(conn: sqlite3.Connection, report: CheckReport) -> None:
    """The source tallies the unfiltered sourcing report reads (migration 0014) against a recount of the rows."""
    kept, counted = stored_source_tallies(conn), counted_source_tallies(conn)
    wrong = [f"{table} {key}: kept {kept.get((table, key))}, counted {n}"
             for (table, key), n in sorted(counted.items(), key=str) if kept.get((table, key)) != n]
    wrong += [f"{table} {key}: kept {n}, counted none"
              for (table, key), n in sorted(kept.items(), key=str) if (table, key) not in counted]
    if wrong:
        report.problems.append(f"{len(wrong)} source tallies disagree with the sources and attributions, e.g. "
                               + "; ".join(wrong[:MAX_MESSAGES]))


def _kept_against_counted(report: CheckReport, table: str, rows: str, kept: dict, counted: dict,
                          label: Callable[[tuple], str]) -> None:
    """A problem naming the keys whose kept tally row differs from the row counted from ``rows`` (a few shown)."""
    odd = sorted(key for key in kept.keys() | counted.keys() if kept.get(key) != counted.get(key))
    if odd:
        report.problems.append(f"{len(odd)} rows of {table} disagree with the {rows}, e.g. " + "; ".join(
            f"{label(key)}: kept {kept.get(key)}, counted {counted.get(key)}" for key in odd[:MAX_MESSAGES]))


def _entity_name_tallies(conn: sqlite3.Connection, report: CheckReport) -> None:
    """The names, articles, mentions and source rows of each corpus entity (migration 0020) against the rows."""
    _kept_against_counted(report, "entity_name_tallies", "entity and source rows", stored_entity_name_tallies(conn),
                          counted_entity_name_tallies(conn), lambda k: f"#{k[0]} {k[1]!r} {k[2]}")


def _entity_month_tallies(conn: sqlite3.Connection, report: CheckReport) -> None:
    """The mentions and events of each corpus entity per month (migration 0022) against the rows."""
    _kept_against_counted(report, "entity_month_tallies", "entity and event rows", stored_entity_month_tallies(conn),
                          counted_entity_month_tallies(conn), lambda k: f"#{k[0]} {k[1] or 'no month'}")


def _browse_indexes(conn: sqlite3.Connection, report: CheckReport) -> None:
    """The timeline's lead flags (0015) and the articles per source kind (0016) against the rows they follow."""
    from newsgraph.store.migrations import ARTICLES_BY_SOURCE_KIND_COUNTED, EVENT_LEADS_WRONG

    wrong = _one(conn, EVENT_LEADS_WRONG)
    if wrong:
        report.problems.append(f"{wrong} events whose timeline flags (events.hidden) disagree with event_reports")
    kept = {(k, a): int(n) for k, a, n in conn.execute(
        "SELECT kind, article_id, attributions FROM articles_by_source_kind")}
    counted = {(k, a): int(n) for k, a, n in conn.execute(ARTICLES_BY_SOURCE_KIND_COUNTED)}
    odd = sorted(key for key in kept.keys() | counted.keys() if kept.get(key) != counted.get(key))
    if odd:
        report.problems.append(f"{len(odd)} rows of articles_by_source_kind disagree with the attributions, e.g. "
                               + "; ".join(f"{k} {a[:12]}: kept {kept.get((k, a), 0)}, counted {counted.get((k, a), 0)}"
                                           for k, a in odd[:MAX_MESSAGES]))


def _tallies(conn: sqlite3.Connection, report: CheckReport) -> None:
    """The running counts ``stats`` shows against the tables themselves."""
    kept = {k: n for k, n in tallied(conn).items() if n}
    counted = {k: n for k, n in counted_tallies(conn).items() if n}
    wrong = [f"{kind} {key}: kept {kept.get((kind, key), 0)}, counted {n}"
             for (kind, key), n in sorted(counted.items()) if kept.get((kind, key), 0) != n]
    wrong += [f"{kind} {key}: kept {n}, counted 0"
              for (kind, key), n in sorted(kept.items()) if (kind, key) not in counted]
    if wrong:
        report.problems.append(f"{len(wrong)} running counts (tallies) disagree with the tables, e.g. "
                               + "; ".join(wrong[:MAX_MESSAGES]))


def _corpus_entities(conn: sqlite3.Connection, report: CheckReport) -> None:
    """Stored names and types against what a refresh gives; names a user chose (pinned) keep theirs."""
    waiting = pending_refresh(conn)
    if waiting:
        report.problems.append(f"{len(waiting)} corpus entities wait for their names to be refreshed "
                               "(an ingest was interrupted): run the ingest again")
    stored = {int(r[0]): (r[1], r[2], bool(r[3])) for r in conn.execute(
        "SELECT id, name, type, pinned FROM corpus_entities")}
    wrong = []
    for cid, (name, etype) in expected_names(conn).items():
        if cid in waiting or cid not in stored:
            continue
        have_name, have_type, pinned = stored[cid]
        if have_type != etype or (not pinned and have_name != name):
            wrong.append(f"#{cid} {have_name!r} ({have_type}) should be {name!r} ({etype})")
    if wrong:
        report.problems.append(f"{len(wrong)} corpus entities with stale names or types, e.g. "
                               + "; ".join(wrong[:MAX_MESSAGES]))


def backup(conn: sqlite3.Connection, out: str | Path) -> Path:
    """Copy the store on ``conn`` to a new file ``out`` (SQLite online backup), checked, in one piece.

    The copy is made in one backup step, so it is the snapshot of one read
    transaction: an ingest in another process goes on writing (WAL), and the
    copy holds whole articles only. It is written next to ``out`` and renamed
    into place once ``quick_check`` passes, so ``out`` is never half a store;
    it is in rollback-journal mode, one self-contained file (no -wal or -shm),
    ready to move or to put on read-only media.
    """
    target = Path(out)
    if target.exists():
        raise StoreError(f"{target}: already exists; back up to a new file")
    if not target.parent.is_dir():
        raise StoreError(f"{target.parent}: no such directory")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        dest = sqlite3.connect(partial, isolation_level=None)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
            verdict = dest.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dest.close()
        if verdict != "ok":
            raise StoreError(f"{target}: the copy failed its check ({verdict}); the store may be corrupt")
        os.replace(partial, target)
    except sqlite3.Error as exc:
        raise StoreError(f"{target}: back-up failed ({exc})") from exc
    finally:
        partial.unlink(missing_ok=True)
    return target
