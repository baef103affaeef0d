"""Benchmark ingest throughput: the local path (1 and 2 workers) against a Dask LocalCluster (1 and 2 workers).

All four runs read the same ``--n`` articles (plain-text files of the BBC
corpus under ../shared/corpus/bbc, sorted by path) and write a fresh output
each: the local path into a new SQLite store (``newsgraph.corpus.ingest``), the
Dask path into a new Parquet corpus (``newsgraph.distributed.ingest``, cross-
article entities included). Model loading is left out of every figure: the
local reader is loaded before its clock starts, and each cluster reads one
article first so its workers' plugins have loaded their model.

Example:
    PYTHONPATH=src python benchmarks/bench_dask.py --n 2000 --out bench-dask.json
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from _common import machine

from newsgraph.evaluate.shared import shared_dir

#: The runs ``--runs`` names: (path, workers).
RUNS = {"local1": ("local", 1), "local2": ("local", 2), "dask1": ("dask", 1), "dask2": ("dask", 2)}


def bbc_files(n: int) -> list[str]:
    root = shared_dir() / "corpus" / "bbc"
    files = sorted(str(p) for p in root.rglob("*.txt") if p.name[0].isdigit())
    if len(files) < n:
        raise SystemExit(f"only {len(files)} BBC articles under {root}")
    return files[:n]


def local_run(files: list[str], workers: int, tmp: Path) -> dict:
    from newsgraph.api import get_reader
    from newsgraph.corpus import ingest
    from newsgraph.store import Store

    reader = get_reader()
    with Store(tmp / f"local-{workers}.db") as store:
        started = time.perf_counter()
        report = ingest(store, files, reader, workers=workers)
        seconds = time.perf_counter() - started
    return {"path": f"local, {workers} worker(s)", "articles": report.stored, "failed": report.failed,
            "seconds": round(seconds, 1), "per_second": round(report.stored / seconds, 2)}


def dask_run(files: list[str], workers: int, tmp: Path) -> dict:
    from newsgraph.distributed import ingest
    from newsgraph.distributed.cluster import connect

    with connect(f"local:{workers}", dashboard=False) as client:
        ingest(files[:1], tmp / f"warm-{workers}", client)  # loads the model on every worker (the plugin)
        started = time.perf_counter()
        report = ingest(files, tmp / f"dask-{workers}", client)
        seconds = time.perf_counter() - started
    unique = report.stored - report.later_copies
    return {"path": f"Dask LocalCluster, {workers} worker(s)", "articles": unique, "failed": report.failed,
            "seconds": round(seconds, 1), "per_second": round(unique / seconds, 2),
            "partitions": report.partitions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=2000, help="articles (BBC plain-text files)")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    parser.add_argument("--only", choices=("local", "dask"), help="run one path only")
    parser.add_argument("--runs", default=",".join(RUNS),
                        help=f"the runs, comma-separated, of {', '.join(RUNS)} (the goals need local2, dask1, dask2)")
    args = parser.parse_args()
    chosen = [r.strip() for r in args.runs.split(",") if r.strip()]
    if unknown := sorted(set(chosen) - set(RUNS)):
        parser.error(f"--runs: unknown {', '.join(unknown)} (choose from {', '.join(RUNS)})")
    files = bbc_files(args.n)
    runs = []
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        for name, (kind, workers) in RUNS.items():
            if (args.only and kind != args.only) or name not in chosen:
                continue
            run = (local_run if kind == "local" else dask_run)(files, workers, tmp)
            runs.append(run)
            print(json.dumps(run), flush=True)
    by = {r["path"]: r["per_second"] for r in runs}
    result = {"n": args.n, "machine": machine(), "runs": runs}
    d1, d2 = by.get("Dask LocalCluster, 1 worker(s)"), by.get("Dask LocalCluster, 2 worker(s)")
    l2 = by.get("local, 2 worker(s)")
    if d1 and d2:
        result["dask_2_over_1"] = round(d2 / d1, 2)
    if d2 and l2:
        result["dask_2_over_local_2"] = round(d2 / l2, 2)
    print(json.dumps(result, indent=2))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
