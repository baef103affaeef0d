"""Build a large store for the browse benchmarks in one command: ingest a corpus, copy it up, spread dates.

The latency goal of the web app (every route p95 < 200 ms) is stated at 100,000
articles, more than the development corpora hold. This script makes such a store:

1. ``newsgraph ingest`` of the given inputs (the real pipeline) into ``BASE`` (kept,
   reused when it exists);
2. a copy of ``BASE`` to ``OUT``, whose articles are copied under new ids until it
   holds ``--target`` articles (every article table and the full-text index; not
   raw inputs, records, similarity or corpus-event rows), as ``bench_store.scale_up``
   does, but in bulk: the triggers and secondary indexes are dropped while the rows
   are copied, the derived tables (tallies, co-mentions, stated edges, sourcing and
   source tallies, articles by source kind) are then counted again by their own
   migrations from the rows, and the indexes and triggers put back. Row by row,
   the triggers made the copy about 1,100 articles a minute on the shared machine
   (90 minutes for 100,000); in bulk it is a few minutes;
3. with ``--spread-dates``, every article a publication day in 2000-2019 and one of
   20 outlets by rowid (``bench_browse.spread_dates``'s rule, applied before the
   tallies are counted), so the charts have something to draw;
4. the pending migrations, ``ANALYZE`` and ``newsgraph check``'s invariants on the result
   (``--check``).

    PYTHONPATH=src python benchmarks/build_store.py ../shared/corpus/bbc/bbc/politics \\
        --base /tmp/store/base.db --out /tmp/store/big.db --target 100000 --spread-dates --check
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bench_store import copy_ids, copy_rows

from newsgraph.store import migrations as m

#: Tables whose rows are copied under the new article id (``article_id``; ``id`` for ``articles``).
COPIED_TABLES = ("articles", "entities", "mentions", "times", "sources", "attributions", "events", "relations")
#: Tables counted from the rows by migrations, dropped and counted again after the copy.
DERIVED_TABLES = ("tallies", "co_mentions", "stated_edges", "sourcing_tallies", *m.SOURCE_TALLY_TABLES,
                  "source_named", "articles_by_source_kind", *m.OUTLET_SOURCE_TALLY_TABLES, "entity_name_tallies",
                  "entity_month_tallies")
#: Indexes a derived migration creates on a copied table (dropped with the others, made again by it).
DERIVED_INDEXES = ("articles_id_published", "sources_kind")
#: Outlets ``spread_dates`` gives the articles (as ``bench_browse.SPREAD_OUTLETS``).
SPREAD_OUTLETS = 20


def log(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", flush=True)


def ingest(inputs: list[str], base: Path) -> None:
    """Read ``inputs`` into ``base`` with the real pipeline (a subprocess: this script imports no NLP)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, ["src", os.environ.get("PYTHONPATH")]))}
    subprocess.run([sys.executable, "-m", "newsgraph", "ingest", *inputs, "--db", str(base)], check=True, env=env)


def _recount(conn: sqlite3.Connection) -> None:
    """Count every derived table again from the rows, with the migrations that made it (their triggers too)."""
    for table in DERIVED_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    for index in DERIVED_INDEXES:
        conn.execute(f"DROP INDEX IF EXISTS {index}")
    done = set(m.applied(conn))
    steps = {"0006_tallies": m._tallies, "0008_graph": m._graph, "0013_charts": m._charts,
             "0014_source_tallies": m._source_tallies, "0016_articles_by_source_kind": m._articles_by_source_kind,
             "0019_outlet_source_tallies": m._outlet_source_tallies, "0020_entity_name_tallies": m._entity_name_tallies,
             "0021_chart_indexes": m._chart_indexes, "0022_entity_month_tallies": m._entity_month_tallies}
    for migration in m.MIGRATIONS:
        if migration.name in steps and migration.name in done:
            started = time.perf_counter()
            steps[migration.name](conn)
            log(f"  {migration.name} counted again ({time.perf_counter() - started:.0f} s)")
        if migration.name == "0012_attribution_parts" and migration.name in done:
            # Its column stays; its tally row went with ``tallies`` (its triggers are put back with the others).
            conn.execute("INSERT INTO tallies SELECT 'rows', 'claims', count(*) FROM attributions "
                         "WHERE part_of IS NULL")


def bulk_scale_up(path: Path, target: int, *, spread: bool) -> int:
    """Copy the store's articles under new ids until it holds ``target`` (or more), then count again.

    The new ids are ``bench_store.scale_up``'s (48 characters of a hash of the old id
    and the copy number, then the copy and the position), so a 12-character short id
    names one article.
    """
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -2000000")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("BEGIN")
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    indexes = conn.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                           f"AND tbl_name IN ({', '.join('?' * len(COPIED_TABLES))})", COPIED_TABLES).fetchall()
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    base = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY rowid")]
    columns = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in COPIED_TABLES}
    n = len(base)
    copy = 0
    started = time.perf_counter()
    conn.execute("CREATE TEMP TABLE id_map (old TEXT PRIMARY KEY, new TEXT)")
    while n < target:
        copy += 1
        ids = copy_ids(base, copy)
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (ids[0][1],)).fetchone():
            continue  # a copy number used by an earlier scale-up
        copy_rows(conn, columns, ids)
        n += len(base)
        if copy % 20 == 0:
            log(f"  {n:,} articles ({time.perf_counter() - started:.0f} s)")
    log(f"copied: {n:,} articles ({time.perf_counter() - started:.0f} s)")
    if spread:
        conn.execute(f"""UPDATE articles SET
            published = date('2000-01-01', '+' || (rowid * 7300 / (SELECT max(rowid) FROM articles)) || ' days'),
            outlet = printf('Outlet %02d', rowid % {SPREAD_OUTLETS})""")
        log("dates and outlets spread")
    for name, sql in indexes:
        if name not in DERIVED_INDEXES:
            conn.execute(sql)
    log(f"indexes made again ({time.perf_counter() - started:.0f} s)")
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    log(f"full-text index rebuilt ({time.perf_counter() - started:.0f} s)")
    _recount(conn)
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for name, sql in triggers:
        if name not in present:
            conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    log(f"counted again and analysed ({time.perf_counter() - started:.0f} s)")
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", help="inputs of newsgraph ingest (not needed when BASE exists)")
    parser.add_argument("--base", type=Path, required=True, help="the store of the ingested inputs (kept)")
    parser.add_argument("--out", type=Path, required=True, help="the large store (overwritten)")
    parser.add_argument("--target", type=int, default=100_000, help="articles in the large store")
    parser.add_argument("--spread-dates", action="store_true", help="dates in 2000-2019 and 20 outlets, by rowid")
    parser.add_argument("--check", action="store_true", help="run newsgraph check's invariants on the result")
    args = parser.parse_args()
    if not args.base.exists():
        if not args.inputs:
            parser.error("BASE does not exist: give the inputs to ingest")
        log(f"ingest {' '.join(args.inputs)} -> {args.base}")
        ingest(args.inputs, args.base)
    from newsgraph.store import Store

    Store(str(args.base)).close()  # migrations, and the WAL folded into the file before it is copied
    args.out.unlink(missing_ok=True)
    shutil.copyfile(args.base, args.out)
    log(f"scale up {args.out} to {args.target:,}")
    n = bulk_scale_up(args.out, args.target, spread=args.spread_dates)
    Store(str(args.out)).close()
    log(f"{n:,} articles in {args.out} ({args.out.stat().st_size / 1e9:.1f} GB)")
    if args.check:
        from newsgraph.store import upkeep

        conn = sqlite3.connect(f"file:{args.out}?mode=ro", uri=True)
        report = upkeep.check(conn, str(args.out))
        log(f"check: {'ok' if report.ok else 'PROBLEMS'}")
        for line in report.problems + report.notes:
            print(f"  {line}")


if __name__ == "__main__":
    main()
