"""Benchmark the web app under load: the real server (``newsgraph serve``) over a real store.

Starts ``newsgraph serve`` on 127.0.0.1 (a free port) over ``--db`` and measures:

1. latency (p50/p95/max) of a mix of routes (search, entity profile, timeline, quotes,
   article page, stats) at each ``--clients`` level of concurrent clients, each client
   sending requests back to back until ``--requests`` are done;
2. hostile queries, one at a time: their status and time (1,000 words, 8 KB, the
   largest accepted search of common words, operator soup, huge ids, a 60 KB name);
3. the same route mix at the lowest concurrency while one client keeps sending the
   most expensive accepted search: the server must keep answering the others.

Traffic goes to 127.0.0.1 only, bounded in count and time. ``--scale N`` first copies
the store's articles (``bench_store.scale_up``) into a temporary store of N articles.

Example:
    PYTHONPATH=src:benchmarks python benchmarks/bench_web.py --db /tmp/x.db --clients 50 200 --requests 2000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
from _common import machine

from newsgraph import settings

#: Seconds the server may take to start, and one request may take before it counts as failed.
START_TIMEOUT_S = 60
REQUEST_TIMEOUT_S = 30
#: Entities the route mix opens, by rank of mentions: the busiest one (the costliest profile) and
#: some a reader is more likely to open.
ENTITY_RANKS = (0, 20, 50, 100, 200)
#: Common words: the most expensive accepted search joins SEARCH_MAX_TERMS of them.
COMMON = ["the", "of", "to", "and", "a", "in", "that", "is", "for", "it", "on", "said", "was", "he", "be", "with",
          "as", "by", "at", "have", "from", "are", "not"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def route_mix(db: Path) -> list[str]:
    """URLs a reader would open, drawn from the store: words, the busiest entities, articles."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    ranked = [r[0] for r in conn.execute(
        "SELECT c.name FROM corpus_entities c JOIN entities e ON e.corpus_entity_id = c.id "
        "GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT ?", (max(ENTITY_RANKS) + 1,))]
    names = [ranked[min(rank, len(ranked) - 1)] for rank in ENTITY_RANKS]
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY rowid LIMIT 5")]
    conn.close()
    urls = ["/api/stats"]
    urls += [f"/api/search?q={quote(w)}" for w in ("government", "election", "minister tax", '"prime minister"')]
    urls += [f"/api/entities/{quote(n, safe='')}" for n in names]
    urls += [f"/api/timeline?entity={quote(n)}&limit=50" for n in names[1:3]]
    urls += [f"/api/quotes?by={quote(n)}&limit=50" for n in names[1:3]]
    urls += [f"/articles/{i}" for i in ids[:3]]
    return urls


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values) or [0.0]
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"p50_ms": round(pick(0.5) * 1000, 1), "p95_ms": round(pick(0.95) * 1000, 1),
            "max_ms": round(ordered[-1] * 1000, 1)}


async def load(base: str, urls: list[str], clients: int, requests: int,
               hostile: str | None = None) -> dict[str, Any]:
    """``clients`` concurrent clients send ``requests`` requests in all (round robin over ``urls``)."""
    times: list[float] = []
    statuses: dict[int, int] = {}
    counter = iter(range(requests))
    stop = asyncio.Event()
    limits = httpx.Limits(max_connections=clients + 1, max_keepalive_connections=clients + 1)
    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT_S, limits=limits) as client:

        async def worker() -> None:
            for n in counter:
                url = urls[n % len(urls)]
                start = time.perf_counter()
                try:
                    status = (await client.get(url)).status_code
                except httpx.HTTPError:
                    status = 0
                times.append(time.perf_counter() - start)
                statuses[status] = statuses.get(status, 0) + 1

        async def attacker() -> int:
            sent = 0
            while not stop.is_set():
                await client.get(hostile or "/")
                sent += 1
            return sent

        started = time.perf_counter()
        attack = asyncio.create_task(attacker()) if hostile else None
        await asyncio.gather(*(worker() for _ in range(clients)))
        wall = time.perf_counter() - started
        stop.set()
        sent = await attack if attack else 0
    result = {"clients": clients, "requests": len(times), "statuses": statuses,
              "throughput_rps": round(len(times) / wall, 1), **percentiles(times)}
    if hostile:
        result["hostile_requests_meanwhile"] = sent
    return result


def hostile_queries() -> dict[str, str]:
    words = " ".join(COMMON[i % len(COMMON)] + ("" if i < len(COMMON) else str(i)) for i in range(1000))
    return {
        "1000 words": "/api/search?q=" + quote(words),
        "8 KB": "/api/search?q=" + quote(("government " * 800)[:8192]),
        f"{settings.SEARCH_MAX_TERMS} common words (largest accepted)":
            "/api/search?q=" + quote(" ".join(COMMON[: settings.SEARCH_MAX_TERMS])),
        f"{settings.SEARCH_MAX_TERMS} common words OR": "/api/search?q=" + quote(
            " OR ".join(COMMON[: settings.SEARCH_MAX_TERMS // 2])),
        f"{settings.SEARCH_MAX_PREFIXES} prefixes": "/api/search?q=" + quote(
            " OR ".join(["the*", "gov*", "min*", "ele*"][: settings.SEARCH_MAX_PREFIXES])),
        "operator soup": "/api/search?q=" + quote('"a" OR (b NEAR c)* ^d NOT OR (((('),
        "huge id (timeline)": "/api/timeline?entity=" + quote("#99999999999999999999999"),
        "huge id (entity)": "/api/entities/" + quote("#99999999999999999999999", safe=""),
        "60 KB name": "/api/quotes?by=" + "x" * 60_000,
    }


def time_one_by_one(base: str, queries: dict[str, str]) -> dict[str, Any]:
    """Status and time of each request sent alone (the second of two: the first warms the cache)."""
    out = {}
    with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT_S) as client:
        for label, url in queries.items():
            client.get(url)
            start = time.perf_counter()
            try:
                status: int | str = client.get(url).status_code
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            out[label] = {"status": status, "ms": round((time.perf_counter() - start) * 1000, 1)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a store (not modified; --scale copies it)")
    parser.add_argument("--scale", type=int, default=0, help="copy the articles up to this many first")
    parser.add_argument("--clients", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--requests", type=int, default=2000, help="requests per concurrency level")
    parser.add_argument("--light", action="store_true",
                        help="only the cheap routes (searches, article pages, quotes of less busy entities)")
    parser.add_argument("--out", type=Path, help="write the results as JSON here too")
    args = parser.parse_args()

    db, tmp = args.db, None
    if args.scale:
        from bench_store import scale_up  # imports spaCy: only when asked

        tmp = Path(tempfile.mkdtemp(prefix="bench-web-"))
        db = tmp / "scaled.db"
        shutil.copy(args.db, db)
        scale_up(db, args.scale)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.close()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(db, port)
    try:
        urls = route_mix(db)
        if args.light:
            urls = [u for u in urls if u.startswith(("/api/search", "/articles/", "/api/quotes"))]
        asyncio.run(load(base, urls, 10, len(urls) * 2))  # warm the page cache and every thread's connection
        results: dict[str, Any] = {
            "machine": machine(), "articles": articles, "web_threads": settings.web_threads(),
            "query_deadline_s": settings.query_deadline(), "routes": urls,
            "load": [asyncio.run(load(base, urls, n, args.requests)) for n in args.clients],
            "single": time_one_by_one(base, {url[:80]: url for url in urls}),
            "hostile": time_one_by_one(base, hostile_queries()),
        }
        worst = hostile_queries()[f"{settings.SEARCH_MAX_TERMS} common words (largest accepted)"]
        results["load_during_attack"] = asyncio.run(load(base, urls, min(args.clients), args.requests // 2, worst))
    finally:
        server.terminate()
        server.wait(timeout=30)
        if tmp:
            shutil.rmtree(tmp)
    text = json.dumps(results, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
