"""What the running counts (migration ``0006_tallies``) cost a write, and what they save ``stats``.

Copies the first N stored records of a store into two new stores, one made
without the tallies' triggers (every migration run, 0006's triggers then dropped:
later migrations write to its table) and one with them, and times the writes
(``Store.add``, one transaction per record as ingest commits); then times
``stats`` on the source store. The records are not parsed again, so the
ratio is of the store's own work, the part the triggers add to.

    python benchmarks/bench_tallies.py --from /path/to/news.db --n 2000
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _common import migration_write_cost  # noqa: E402  (after the path is set)

from newsgraph.store import Store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="source", type=Path, required=True, help="a store to take records from")
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with Store(args.source, readonly=True) as source:
        start = time.perf_counter()
        source.stats()
        stats_ms = (time.perf_counter() - start) * 1000
        articles = source.stats()["counts"]["articles"]
    # 0012 and 0013 write to the tallies table: the store "without" keeps it and drops 0006's triggers.
    cost = migration_write_cost("0006_tallies", args.source, args.n, args.rounds, "tallies", objects_only=True)
    print(json.dumps({**cost, "stats_ms_on_source": round(stats_ms, 1), "source_articles": articles}, indent=2))

if __name__ == "__main__":
    main()
