"""Benchmark corpus events (``newsgraph.store.event_clusters``) on a synthetic large store.

1. ``--base`` (a store ingested from real articles) is copied and scaled up to
   ``--scale`` articles with ``bench_store.scale_up`` (the same articles under new
   ids: every corpus event gets one more report per copy, a worst case for the
   number of reports per corpus event), then its corpus events are rebuilt
   (``Store.rebuild_event_clusters``), timed;
2. ingest: ``--articles`` records of the base, each stored again under a new id
   with ``Store.add`` into the large store (every copy joins the corpus events of
   its originals); the time of ``event_clusters.add_article`` alone, and of the
   whole ``add``, per article; with ``--parse`` the bare spaCy parse
   (``nlp.pipe`` of the model as it comes) of the same texts, for the ratio;
3. the web app on the large store (``TestClient``, one thread): ``/timeline`` of
   ``--queries`` random entities (those with events), ``/timeline`` of every
   event, ``/api/timeline`` and ``/events/{id}`` of random corpus events, p50/p95.

Example:
    PYTHONPATH=src python benchmarks/bench_event_clusters.py --base /tmp/bbc.db --scale 100000 --articles 100
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_store import percentiles, scale_up

from newsgraph.store import Store
from newsgraph.store import event_clusters as clusters


def build(base: Path, big: Path, scale: int) -> dict:
    """The scaled-up store and its corpus events rebuilt (the copies bypass the write path)."""
    shutil.copy(base, big)
    started = time.perf_counter()
    scale_up(big, scale)
    built = time.perf_counter() - started
    return {**rebuild(big), "scale_up_s": round(built, 1)}


def rebuild(big: Path) -> dict:
    """Rebuild the corpus events of the large store (a scale-up copies events, not their reports)."""
    with Store(big) as store:
        n = store.count()
        started = time.perf_counter()
        events = store.rebuild_event_clusters()
        rebuild = time.perf_counter() - started
        reports = store.execute("SELECT count(*) FROM event_reports")[0][0]
        stored_events = store.execute("SELECT count(*) FROM events")[0][0]
    return {"articles": n, "events": stored_events, "reports": reports,
            "corpus_events": events, "rebuild_s": round(rebuild, 1), "store_mb": round(big.stat().st_size / 1e6)}


def ingest_cost(base: Path, big: Path, n: int, parse: bool) -> dict:
    """Per-article cost of keeping the corpus events on ingest (and of the whole ``Store.add``)."""
    with Store(base, readonly=True) as source:
        records = [r for _, r in zip(range(n), source.records(), strict=False)]
    copies = [r.model_copy(update={"id": "f" * 8 + r.id[8:]}) for r in records]
    spent: list[float] = []
    original = clusters.add_article

    def timed(conn, article_id, also=()):
        started = time.perf_counter()
        original(conn, article_id, also)
        spent.append(time.perf_counter() - started)

    totals = []
    clusters.add_article = timed
    try:
        with Store(big) as store:
            for record in copies:
                started = time.perf_counter()
                store.add(record)
                totals.append(time.perf_counter() - started)
    finally:
        clusters.add_article = original
    out = {"articles": len(copies), "add_article": percentiles(spent), "store_add": percentiles(totals)}
    if parse:
        from newsgraph.nlp.pipeline import load_model

        nlp = load_model()
        texts = [r.text for r in records]
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        per_article = (time.perf_counter() - started) / len(texts)
        out["bare_parse_ms_per_article"] = round(per_article * 1000, 1)
        out["add_article_over_parse"] = round(sum(spent) / len(spent) / per_article, 4)
    return out


def latency(big: Path, n_queries: int, seed: int) -> dict:
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    rng = random.Random(seed)
    with Store(big, readonly=True) as store:
        names = [r[0] for r in store.execute(
            "SELECT '#' || c.id FROM corpus_entities c WHERE c.id IN (SELECT actor FROM event_clusters "
            "GROUP BY actor HAVING count(*) > 1)")]
        ids = [r[0] for r in store.execute("SELECT id FROM event_clusters WHERE reports > 1")]
    picks = {"timeline_entity": [f"/timeline?entity={n.replace('#', '%23')}" for n in rng.sample(names, n_queries)],
             "api_timeline_entity": [f"/api/timeline?entity={n.replace('#', '%23')}&limit=50"
                                     for n in rng.sample(names, n_queries)],
             "event_page": [f"/events/{i}" for i in rng.sample(ids, n_queries)],
             "api_event": [f"/api/events/{i}" for i in rng.sample(ids, n_queries)],
             "timeline_all": ["/timeline"] * min(n_queries, 10)}
    out = {}
    with TestClient(create_app(big)) as client:
        client.get("/api/stats")
        for kind, urls in picks.items():
            times, statuses = [], Counter()
            for url in urls:
                started = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - started)
                statuses[response.status_code] += 1  # 503: past the web app's deadline
            out[kind] = {"requests": len(times), "statuses": dict(statuses), **percentiles(times)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=Path, required=True, help="an ingested store to scale up")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench-event-clusters"))
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=100, help="articles stored again for the ingest cost")
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--parse", action="store_true", help="also time the bare spaCy parse of those articles")
    parser.add_argument("--reuse", action="store_true", help="keep an existing large store (skip the build)")
    parser.add_argument("--rebuild", action="store_true", help="with --reuse: rebuild its corpus events, timed")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    big = args.workdir / "large.db"
    result: dict = {"base": str(args.base)}
    if not (args.reuse and big.exists()):
        for stale in args.workdir.glob("large.db*"):
            stale.unlink()
        result["large_store"] = build(args.base, big, args.scale)
        print(json.dumps(result, indent=2), file=sys.stderr, flush=True)  # progress; stdout gets the whole
    elif args.rebuild:
        result["large_store"] = rebuild(big)
        print(json.dumps(result, indent=2), file=sys.stderr, flush=True)
    result["latency"] = latency(big, args.queries, args.seed)
    print(json.dumps(result, indent=2), file=sys.stderr, flush=True)
    result["ingest"] = ingest_cost(args.base, big, args.articles, args.parse)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
