"""What the running counts (migration ``0006_tallies``) cost a write, and what they save ``stats``.

Copies the first N stored records of a store into two new stores, one made
without the tallies' triggers and one with them, and times the writes
(``Store.add``, one transaction per record as ingest commits); then times
``stats`` on the source store. The records are not parsed again, so the
ratio is of the store's own work, the part the triggers add to.

    python benchmarks/bench_tallies.py --from /path/to/news.db --n 2000
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.record import Record  # noqa: E402  (after the path is set)
from newsgraph.store import Store, migrations  # noqa: E402


def _write(records: list[Record], path: Path, with_tallies: bool) -> float:
    kept = migrations.MIGRATIONS
    if not with_tallies:
        migrations.MIGRATIONS = tuple(m for m in kept if m.name != "0006_tallies")
    try:
        with Store(path) as store:
            start = time.perf_counter()
            for record in records:
                store.add(record)
            return time.perf_counter() - start
    finally:
        migrations.MIGRATIONS = kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="source", type=Path, required=True, help="a store to take records from")
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with Store(args.source, readonly=True) as source:
        rows = source.execute("SELECT json FROM records ORDER BY rowid LIMIT ?", (args.n,))
        records = [Record.from_json(r[0]) for r in rows]
        start = time.perf_counter()
        source.stats()
        stats_ms = (time.perf_counter() - start) * 1000
        articles = source.stats()["counts"]["articles"]
    times = {"without": [], "with": []}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.rounds):  # alternate, so drift in the machine's speed falls on both
            for key, flag in (("without", False), ("with", True)):
                times[key].append(_write(records, Path(tmp) / f"{key}{i}.db", flag))
    best = {k: min(v) for k, v in times.items()}
    print(json.dumps({
        "records": len(records),
        "ms_per_record_without_tallies": round(best["without"] / len(records) * 1000, 3),
        "ms_per_record_with_tallies": round(best["with"] / len(records) * 1000, 3),
        "write_ratio": round(best["with"] / best["without"], 3),
        "stats_ms_on_source": round(stats_ms, 1), "source_articles": articles,
    }, indent=2))


if __name__ == "__main__":
    main()
