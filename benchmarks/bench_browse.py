"""A few timed requests to the browse pages and their APIs (``/articles``, ``/entities``, paged search, graphs).

The graph routes are those of the store's most connected entities: the one
with the most co-mention neighbours and the one with the most shared articles
(``co_mentions``). Starts ``newsgraph serve --db DB`` on a loopback port, warms each route once,
then times ``--repeat`` requests of each and prints a Markdown table (median and
slowest, in ms). The store is opened read-only; use a copy of a large store.

    PYTHONPATH=src python benchmarks/bench_browse.py --db /tmp/views/large.db
"""

from __future__ import annotations

import argparse
import socket
import sqlite3
import statistics
import subprocess
import sys
import time

import httpx

ROUTES = (
    "/articles", "/articles?sort=title&offset=10000", "/articles?from=2004&to=2005-06", "/entities",
    "/entities?type=PERSON&sort=mentions&offset=100", "/search?q=minister", "/search?q=minister&offset=2000",
    "/api/articles?limit=50", "/api/articles?sort=title&offset=19950", "/api/entities?limit=50",
    "/api/search/page?q=government&limit=50&offset=100",
)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--graph-only", action="store_true", help="time the graph routes only")
    args = parser.parse_args()
    routes = (() if args.graph_only else ROUTES) + graph_routes(args.db)
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
        print("| route | first (ms) | median (ms) | slowest (ms) |\n|---|---|---|---|")
        with httpx.Client(base_url=base, timeout=30) as client:
            for route in routes:
                times = []
                for _ in range(args.repeat + 1):
                    start = time.perf_counter()
                    answer = client.get(route)
                    times.append((time.perf_counter() - start) * 1000)
                    if answer.status_code != 200:
                        raise SystemExit(f"{route}: HTTP {answer.status_code}")
                first, rest = times[0], times[1:]
                print(f"| `{route}` | {first:.0f} | {statistics.median(rest):.0f} | {max(rest):.0f} |")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
