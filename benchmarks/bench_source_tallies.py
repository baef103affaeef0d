"""What the source tallies cost and give: a write with their triggers (``0014_source_tallies``), and ``sources``.

1. Copies the first N stored records of a store into new stores, one made
   without migration 0014 and one with it, and times the writes (``Store.add``,
   one transaction per record as ingest commits), best of ``--rounds``; the
   records are not parsed again, so the ratio is of the store's own work.
2. Times the unfiltered ``queries.sources`` as the ``/sources`` page asks for it
   (``limit`` 50, the role and gender shares), anonymous and not, from the
   tallies and by the scan (``scan=True``, what every call did before): the
   first run of each, then the median of ``--repeat`` (the scan once unless
   ``--scan-repeat``), and checks that both give the same report.

    PYTHONPATH=src python benchmarks/bench_source_tallies.py --from /path/to/news.db --n 200 --rounds 2
    PYTHONPATH=src python benchmarks/bench_source_tallies.py --queries-only --from /tmp/srcspeed/large.db
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

from newsgraph.store import Store, queries  # noqa: E402
from newsgraph.web.app import SOURCES_PAGE_SHARES  # noqa: E402

MIGRATION = "0014_source_tallies"


def write_cost(source: Path, n: int, rounds: int) -> dict:
    return migration_write_cost(MIGRATION, source, n, rounds, "source_tallies")


def _timed(call, repeat: int) -> tuple[dict, float, float]:
    start = time.perf_counter()
    result = call().to_dict()
    first = (time.perf_counter() - start) * 1000
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        runs.append((time.perf_counter() - start) * 1000)
    return result, round(first, 1), round(statistics.median(runs), 1) if runs else round(first, 1)


def query_latency(path: Path, repeat: int, scan_repeat: int) -> dict:
    out = {}
    with Store(path, readonly=True) as store:
        conn = store.conn
        for anonymous in (False, True):
            def ask(scan: bool, anonymous: bool = anonymous):
                return lambda: queries.sources(conn, anonymous=anonymous, limit=50, by=SOURCES_PAGE_SHARES,
                                               scan=scan)
            kept, k_first, k_median = _timed(ask(False), repeat)
            scanned, s_first, s_median = _timed(ask(True), scan_repeat)
            out["anonymous" if anonymous else "all"] = {
                "tallies_first_ms": k_first, "tallies_median_ms": k_median,
                "scan_first_ms": s_first, "scan_median_ms": s_median, "same_report": kept == scanned}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="source", type=Path, required=True, help="a store to read records from")
    parser.add_argument("--n", type=int, default=200, help="records to write")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=20, help="timed runs of the tallied report")
    parser.add_argument("--scan-repeat", type=int, default=0, help="timed runs of the scan after its first")
    parser.add_argument("--queries-only", action="store_true", help="skip the write cost")
    parser.add_argument("--writes-only", action="store_true", help="skip the query timings")
    args = parser.parse_args()
    result = {}
    if not args.queries_only:
        result["write"] = write_cost(args.source, args.n, args.rounds)
    if not args.writes_only:
        result["sources"] = query_latency(args.source, args.repeat, args.scan_repeat)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
