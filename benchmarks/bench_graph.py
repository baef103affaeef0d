"""What the entity graph costs: a write with the co-mention triggers (migration ``0008_graph``), and a graph.

1. Copies the first N stored records of a store into new stores, one made
   without migration 0008 and one with it, and times the writes (``Store.add``,
   one transaction per record as ingest commits), best of ``--rounds``; the
   records are not parsed again, so the ratio is of the store's own work.
2. Times ``store.graph.entity_graph`` for the ``--entities`` entities with the
   most co-mention neighbours (``limit`` 25; the first run, then the median of
   ``--repeat``), and ``corpus_graph`` once with ``--min-weight``.

    PYTHONPATH=src python benchmarks/bench_graph.py --from /path/to/news.db --n 400
    PYTHONPATH=src python benchmarks/bench_graph.py --graphs-only --from /tmp/graph/large.db
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _common import migration_write_cost  # noqa: E402  (after the path is set)

from newsgraph.store import Store, graph  # noqa: E402


def write_cost(source: Path, n: int, rounds: int) -> dict:
    return migration_write_cost("0008_graph", source, n, rounds, "graph")


def graph_latency(source: Path, entities: int, repeat: int, min_weight: int) -> dict:
    out: dict = {}
    with Store(source, readonly=True) as store:
        conn = store.conn
        out["articles"] = store.stats()["counts"]["articles"]
        top = conn.execute("SELECT a, count(*) FROM co_mentions GROUP BY a ORDER BY 2 DESC LIMIT ?",
                           (entities,)).fetchall()
        for cid, neighbours in top:
            times = []
            for _ in range(repeat + 1):
                start = time.perf_counter()
                found = graph.entity_graph(conn, f"#{cid}")
                times.append((time.perf_counter() - start) * 1000)
            out[f"#{cid} {found.entity.name} ({found.entity.articles} articles, {neighbours} neighbours)"] = {
                "first_ms": round(times[0], 1), "median_ms": round(statistics.median(times[1:]), 1),
                "edges": len(found.edges)}
        start = time.perf_counter()
        whole = graph.corpus_graph(conn, min_weight=min_weight)
        out[f"corpus_graph(min_weight={min_weight})"] = {"s": round(time.perf_counter() - start, 2),
                                                         "nodes": len(whole.nodes), "edges": len(whole.edges)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="source", type=Path, required=True, help="a store to take records from")
    parser.add_argument("--n", type=int, default=400, help="records written per store")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--entities", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--min-weight", type=int, default=3)
    parser.add_argument("--graphs-only", action="store_true", help="skip the write cost")
    args = parser.parse_args()
    result = {} if args.graphs_only else {"write": write_cost(args.source, args.n, args.rounds)}
    result["graphs"] = graph_latency(args.source, args.entities, args.repeat, args.min_weight)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
