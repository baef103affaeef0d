"""A few timed requests to the browse pages and their APIs (``/articles``, ``/entities``, paged search, charts,
graphs).

The graph routes are those of the store's most connected entities: the one
with the most co-mention neighbours and the one with the most shared articles
(``co_mentions``).

Starts ``newsgraph serve --db DB`` on a loopback port, warms each route once,
then times ``--repeat`` requests of each and prints a Markdown table (median,
p95 and slowest, in ms). The chart pages (``/``, ``/sources``, the profiles of
the entities in the most and in a middling number of articles) and their
``/api/charts/...`` routes are timed too. The store is opened read-only; use a
copy of a large store. ``--spread-dates`` first gives every article of the
store (it is modified) a publication day and one of 20 outlets, spread by
rowid over 2000-2019, so a store of undated copies has charts to draw.

    PYTHONPATH=src python benchmarks/bench_browse.py --db /tmp/views/large.db
    PYTHONPATH=src python benchmarks/bench_browse.py --db /tmp/wp/big.db --every-route --repeat 20
    PYTHONPATH=src:benchmarks python benchmarks/bench_browse.py --db - --write-cost /tmp/wp/bbc.db
"""

from __future__ import annotations

import argparse
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from urllib.parse import quote

import httpx

ROUTES = (
    "/articles", "/articles?sort=title&offset=10000", "/articles?from=2004&to=2005-06", "/entities",
    "/entities?type=PERSON&sort=mentions&offset=100", "/search?q=minister", "/search?q=minister&offset=2000",
    "/api/articles?limit=50", "/api/articles?sort=title&offset=19950", "/api/entities?limit=50",
    "/api/search/page?q=government&limit=50&offset=100",
)
#: Chart routes that need no name from the store.
CHART_ROUTES = (
    "/", "/api/charts/articles", "/api/charts/sourcing", "/api/charts/sourcing?outlet=Outlet%2007",
    "/articles?source_kind=anonymous", "/api/articles?source_kind=anonymous&limit=50",
    "/articles?source_kind=social&sort=date_asc",
)
#: The unfiltered sourcing pages (``queries.sources`` from the source tallies, migration 0014).
SOURCES_ROUTES = ("/sources", "/sources?anonymous=true", "/api/sources?limit=50")
#: The migrations that keep what the browse views read (``--write-cost``), with the label of their figures.
BROWSE_MIGRATIONS = {"0015_event_leads": "event_leads",
                     "0016_articles_by_source_kind": "articles_by_source_kind",
                     "0017_browse_indexes": "browse_indexes",
                     "0020_entity_name_tallies": "entity_name_tallies", "0021_chart_indexes": "chart_indexes",
                     "0022_entity_month_tallies": "entity_month_tallies"}
#: Outlets ``spread_dates`` gives the articles.
SPREAD_OUTLETS = 20
#: A route whose requests have taken this long in all (ms) stops after ``SLOW_REPEAT`` timed requests.
SLOW_ROUTE_MS = 20_000
SLOW_REPEAT = 3
#: Seconds to wait for the server to answer.
START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def graph_routes(db: str) -> tuple[str, ...]:
    """The graph page and API of the entities with the most co-mention neighbours and shared articles."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        top = [conn.execute(f"SELECT a FROM co_mentions GROUP BY a ORDER BY {order} DESC LIMIT 1").fetchone()
               for order in ("count(*)", "sum(n)")]
    finally:
        conn.close()
    ids = list(dict.fromkeys(row[0] for row in top if row))
    return tuple(route for cid in ids for route in (f"/entities/%23{cid}/graph", f"/api/entities/%23{cid}/graph"))
def spread_dates(db: str) -> None:
    """Give every article a publication day in 2000-2019 and one of ``SPREAD_OUTLETS`` outlets, by rowid."""
    conn = sqlite3.connect(db, isolation_level=None)
    n = conn.execute("SELECT max(rowid) FROM articles").fetchone()[0] or 1
    conn.execute("BEGIN")
    conn.execute(f"""UPDATE articles SET
        published = date('2000-01-01', '+' || (rowid * 7300 / ?) || ' days'),
        outlet = printf('Outlet %02d', rowid % {SPREAD_OUTLETS})""", (n,))
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def entity_routes(db: str) -> list[str]:
    """The profile and chart of the entity in the most articles, and of one in about a hundredth as many."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    ranked = conn.execute("SELECT corpus_entity_id, count(*) AS n FROM entities WHERE corpus_entity_id IS NOT NULL "
                          "GROUP BY corpus_entity_id ORDER BY n DESC").fetchall()
    conn.close()
    if not ranked:
        return []
    busiest = ranked[0]
    middling = min(ranked, key=lambda r: abs(r[1] - busiest[1] / 100))
    routes = []
    for cid, _ in (busiest, middling):
        key = quote(f"#{cid}", safe="")
        routes += [f"/entities/{key}", f"/api/charts/entity?entity={key}"]
    return routes


def every_route(db: str) -> list[str]:
    """One URL of every page and API route of the web app, the costliest variants the store offers.

    The busiest entity (most articles) for the profile, timeline, quotes and chart
    routes, and a middling one; the graphs of the most connected entities; the corpus
    event with the most reports; the timeline of every event; filtered and
    unfiltered sourcing; a stored article; a repeated quote when the store has one.
    """
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        article = conn.execute("SELECT id FROM articles ORDER BY rowid LIMIT 1").fetchone()[0]
        event = conn.execute("SELECT id FROM event_clusters ORDER BY reports DESC, id LIMIT 1").fetchone()
        quote_row = conn.execute("SELECT cluster FROM sim_clusters WHERE index_name = 'quotes' GROUP BY cluster "
                                 "ORDER BY count(*) DESC LIMIT 1").fetchone()
        outlet = conn.execute("SELECT outlet FROM articles WHERE outlet IS NOT NULL LIMIT 1").fetchone()
    finally:
        conn.close()
    profiles = entity_routes(db)
    busiest = profiles[0].removeprefix("/entities/") if profiles else "Labour"
    routes = [
        "/", "/api/stats", "/search?q=minister", "/api/search?q=minister", "/api/search/page?q=government&limit=50",
        *ROUTES[:5], *ROUTES[7:10],
        f"/articles/{article[:12]}", f"/api/articles/{article}",
        *profiles, f"/api/entities/{busiest}",
        *graph_routes(db),
        "/timeline", "/timeline?all=true", "/api/timeline?limit=50", f"/timeline?entity={busiest}",
        f"/api/timeline?entity={busiest}&limit=50",
        f"/api/quotes?about={busiest}&limit=50", f"/api/quotes?by={busiest}&limit=50",
        *([f"/events/{event[0]}", f"/api/events/{event[0]}"] if event else []),
        *([f"/quotes/{quote_row[0]}", f"/api/quotes/{quote_row[0]}"] if quote_row else []),
        "/api/duplicates?limit=50",
        *CHART_ROUTES[1:],
        *SOURCES_ROUTES,
    ]
    if outlet:
        key = quote(outlet[0], safe="")
        routes += [f"/sources?outlet={key}", f"/api/sources?outlet={key}&limit=50",
                   f"/api/charts/sourcing?outlet={key}", f"/articles?outlet={key}"]
    routes += ["/sources?author=Smith", "/sources?dedupe=true"]
    return list(dict.fromkeys(routes))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--spread-dates", action="store_true", help="date every article first (modifies the store)")
    parser.add_argument("--charts-only", action="store_true", help="time the chart routes only")
    parser.add_argument("--graph-only", action="store_true", help="time the graph routes only")
    parser.add_argument("--sources", action="store_true",
                        help="time the /sources pages too (a filtered one counts from the rows)")
    parser.add_argument("--sources-only", action="store_true",
                        help="time the unfiltered /sources pages only (read from the source tallies)")
    parser.add_argument("--every-route", action="store_true",
                        help="time one URL of every page and API route (``every_route``)")
    parser.add_argument("--only", nargs="+", metavar="URL", help="time these URLs only")
    parser.add_argument("--allow-errors", action="store_true",
                        help="report a route's failed answer (its status) instead of stopping")
    parser.add_argument("--write-cost", metavar="STORE", default=None,
                        help="only measure what the browse migrations' triggers and indexes (0015-0017) add to "
                             "writing STORE's first --n records (best of --rounds), and exit")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--migration", nargs="+", choices=list(BROWSE_MIGRATIONS), metavar="NAME",
                        help="with --write-cost: these migrations only (default: every one of BROWSE_MIGRATIONS)")
    args = parser.parse_args()
    if args.write_cost:
        import json

        from _common import migration_write_cost

        for migration, label in BROWSE_MIGRATIONS.items():
            if args.migration and migration not in args.migration:
                continue
            print(json.dumps({"migration": migration, **migration_write_cost(
                migration, args.write_cost, args.n, args.rounds, label)}), flush=True)
        return
    if args.spread_dates:
        spread_dates(args.db)
    if args.only:
        routes = list(args.only)
    elif args.every_route:
        routes = every_route(args.db)
    elif args.graph_only:
        routes = list(graph_routes(args.db))
    elif args.sources_only:
        routes = list(SOURCES_ROUTES)
    else:
        routes = [*([] if args.charts_only else (*ROUTES, *graph_routes(args.db))), *CHART_ROUTES,
                  *entity_routes(args.db), *((*SOURCES_ROUTES, "/sources?outlet=Outlet%2007") if args.sources else ())]
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "serve", "--db", args.db, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                if httpx.get(base + "/api/stats").status_code == 200:
                    break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise SystemExit("the server did not answer") from None
                time.sleep(0.2)
        print("| route | first (ms) | median (ms) | p95 (ms) | slowest (ms) |\n|---|---|---|---|---|")
        with httpx.Client(base_url=base, timeout=90) as client:
            for route in routes:
                times: list[float] = []
                for i in range(args.repeat + 1):
                    if i > SLOW_REPEAT and sum(times) > SLOW_ROUTE_MS:
                        break  # a route far past the goal: a few requests say so
                    start = time.perf_counter()
                    answer = client.get(route)
                    times.append((time.perf_counter() - start) * 1000)
                    if answer.status_code != 200:
                        if not args.allow_errors:
                            raise SystemExit(f"{route}: HTTP {answer.status_code}")
                        break
                if answer.status_code != 200:
                    print(f"| `{route}` | HTTP {answer.status_code} after {times[-1]:.0f} ms | | | |", flush=True)
                    continue
                first, rest = times[0], sorted(times[1:])
                p95 = rest[min(len(rest) - 1, int(0.95 * len(rest)))]
                print(f"| `{route}` | {first:.0f} | {statistics.median(rest):.0f} | {p95:.0f} | {max(rest):.0f} |"
                      + ("" if len(rest) == args.repeat else f" ({len(rest)} requests)"), flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
