"""Benchmark the corpus store: ingest throughput, worker scaling, memory, query latency.

Measures, in one run and on the same articles (``newsgraph.evaluate.corpora.mixed``):

1. bare spaCy: ``nlp.pipe`` of the model as it comes (loaded separately) over the cleaned texts;
2. ``Store.ingest`` with 1 worker (hashing, cleaning, all extractors, SQLite writes):
   its articles/s as a ratio to (1), and resident memory sampled as the store grows.
   (1) and (2) alternate over chunks of the articles so both see the same machine load;
3. ``Store.ingest`` with 2 workers into a fresh store: speed-up over (2);
4. a synthetic large store: the 1-worker store's articles copied under new ids until
   it holds ``--scale`` articles (every table and the FTS index, not raw inputs or
   record JSON), then p50/p95 latency of ``Store.entity`` (full profile),
   ``Store.timeline`` and ``Store.search`` for random entity names and words.

With ``--full`` it instead ingests the whole corpus (every loader of
``newsgraph.evaluate.corpora``, about 26,000 articles) with ``--workers`` into
``full.db``, sampling the memory of the main process and of each worker, then
copies it up to ``--scale`` articles and times the queries on both stores.

Examples:
    PYTHONPATH=src python benchmarks/bench_store.py --n 600 --chunks 4 --skip-scale
    PYTHONPATH=src python benchmarks/bench_store.py --full --workers 2 --scale 100000
    PYTHONPATH=src python benchmarks/bench_store.py --busiest /tmp/webrel/large.db
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from _common import peak_rss_mb
from spacy.language import Language

from newsgraph.api import Reader, prepare
from newsgraph.evaluate.corpora import mixed
from newsgraph.nlp.pipeline import load_model
from newsgraph.store import Store

#: Tables copied when the store is scaled up (article rows and everything hanging off them).
CHILD_TABLES = ("entities", "mentions", "times", "sources", "attributions", "events", "relations")


def rss_mb(pid: int | str = "self") -> float:
    """Current resident memory of a process (MB); 0 when it is gone."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return 0.0
    for line in lines:
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def worker_rss_mb() -> list[float]:
    """Resident memory of this process's children (the ingest workers), MB each."""
    pid = os.getpid()
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [round(rss_mb(child), 1) for child in children]


class RssSampler:
    """Progress hook that samples memory at each tenth of the run (``start`` once with the full total).

    With ``steps`` it samples that many times; each sample is (articles done, main MB, [worker MB]).
    """

    def __init__(self, steps: int = 10) -> None:
        self.total, self.done, self.samples, self.steps = 0, 0, [], steps
        self.started = time.perf_counter()

    def start(self, total: int) -> None:
        self.total = self.total or total

    def advance(self, n: int = 1) -> None:
        self.done += n
        step = max(1, self.total // self.steps)
        if self.done % step == 0 or self.done == self.total:
            self.samples.append((self.done, round(rss_mb(), 1), worker_rss_mb()))


def bare_parse(bare: Language, texts: list[str], batch_size: int) -> float:
    """Seconds for ``nlp.pipe`` of the model exactly as it comes (not newsgraph's accelerated copy)."""
    started = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def copy_ids(base: list[str], copy: int) -> list[tuple[str, str]]:
    """(old id, new id) of copy number ``copy`` of the articles ``base`` (see ``scale_up``)."""
    return [(i, f"{hashlib.sha256(f'{i}/{copy}'.encode()).hexdigest()[:48]}{copy:08x}{n:08x}")
            for n, i in enumerate(base)]


def copy_rows(conn: sqlite3.Connection, columns: dict[str, list[str]], ids: list[tuple[str, str]]) -> None:
    """Copy every row of ``columns``' tables of the articles ``ids`` names under their new ids (through the
    temporary table ``id_map``, which must exist)."""
    conn.execute("DELETE FROM id_map")
    conn.executemany("INSERT INTO id_map VALUES (?, ?)", ids)
    for table, cols in columns.items():
        key = "id" if table == "articles" else "article_id"
        rest = [c for c in cols if c != key]
        quoted = ", ".join(f'"{c}"' for c in rest)
        source = ", ".join(f't."{c}"' for c in rest)
        conn.execute(f'INSERT INTO {table} ("{key}", {quoted}) SELECT m.new, {source} '
                     f"FROM {table} t JOIN id_map m ON m.old = t.{key}")


def scale_up(path: Path, target: int) -> int:
    """Copy the store's articles under new ids until it holds ``target`` (or more) articles."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    base = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY rowid")]
    columns = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in ("articles", *CHILD_TABLES)}
    copy = 0
    while conn.execute("SELECT count(*) FROM articles").fetchone()[0] < target:
        copy += 1
        # New ids begin with 48 characters of a hash of the old id and the copy number, so they differ
        # from their original's (and each other's) from the first characters on, as a real store's do:
        # a 12-character short id names one article (copies that kept the original's first 48
        # characters made /articles/<short id> ambiguous, HTTP 400). The copy and the position end
        # the id, so it stays unique even when the store was scaled up before.
        ids = copy_ids(base, copy)
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (ids[0][1],)).fetchone():
            continue  # a copy number used by an earlier scale-up
        conn.execute("BEGIN")
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS id_map (old TEXT PRIMARY KEY, new TEXT)")
        copy_rows(conn, columns, ids)
        conn.execute("COMMIT")
    conn.execute("ANALYZE")
    n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.close()
    return n


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"p50_ms": round(pick(0.5) * 1000, 1), "p95_ms": round(pick(0.95) * 1000, 1),
            "max_ms": round(ordered[-1] * 1000, 1), "mean_ms": round(statistics.mean(values) * 1000, 1)}


def latency(path: Path, n_queries: int, seed: int) -> dict[str, dict[str, float]]:
    rng = random.Random(seed)
    Store(path).close()  # runs pending migrations (a store from an earlier run), which read-only cannot
    with Store(path, readonly=True) as store:
        names = [r[0] for r in store.execute(
            "SELECT c.name FROM corpus_entities c WHERE c.id IN "
            "(SELECT corpus_entity_id FROM entities GROUP BY corpus_entity_id HAVING count(*) > 1)")]
        words = [w for (t,) in store.execute("SELECT title FROM articles WHERE title IS NOT NULL LIMIT 3000")
                 for w in (t or "").split() if w.isalpha() and len(w) > 3]
        picks = {"entity": rng.sample(names, min(n_queries, len(names))),
                 "timeline": rng.sample(names, min(n_queries, len(names))),
                 "search": rng.sample(words, min(n_queries, len(words)))}
        calls = {"entity": store.entity, "timeline": store.timeline, "search": store.search}
        out = {}
        for kind, queries in picks.items():
            times = []
            for query in queries:
                started = time.perf_counter()
                calls[kind](query)
                times.append(time.perf_counter() - started)
            out[kind] = {"queries": len(times), **(percentiles(times) if times else {})}
        top = store.execute("SELECT c.name FROM corpus_entities c JOIN entities e ON e.corpus_entity_id = c.id "
                            "GROUP BY c.id ORDER BY count(*) DESC LIMIT 1")[0][0]
        started = time.perf_counter()
        profile = store.entity(top)
        out["entity_most_frequent"] = {"name": top, "articles": profile.entity.articles,
                                       "ms": round((time.perf_counter() - started) * 1000, 1)}
    return out


def full_corpus(workdir: Path, args: argparse.Namespace) -> dict:
    """The whole corpus into one store with workers, memory sampled; then the store scaled up."""
    from newsgraph.evaluate.corpora import CORPORA, load

    items = [d.item for name in CORPORA for d in load(name)]
    full = workdir / "full.db"
    for stale in workdir.glob("full.db*"):
        stale.unlink()
    sampler = RssSampler(steps=20)
    with Store(full) as store:
        report = store.ingest(items, Reader(), workers=args.workers, batch_size=args.batch_size, progress=sampler)
    done = report.stored + report.failed
    result: dict = {
        "articles": len(items), "corpora": list(CORPORA), "workers": args.workers,
        "ingest": {**report.to_dict(), "articles_per_s": round(done / report.seconds, 2),
                   "minutes": round(report.seconds / 60, 1)},
        "rss_mb_by_articles_done": sampler.samples,
        "peak_rss_mb": peak_rss(),
        "store_mb": round(full.stat().st_size / 1e6, 1),
        "latency_full_store": latency(full, args.queries, args.seed),
    }
    if not args.skip_scale:
        result.update(scaled_latency(full, workdir / "big.db", args))
    return result


def scaled_latency(source: Path, big: Path, args: argparse.Namespace) -> dict:
    """``source`` copied to ``big`` and scaled up to ``args.scale`` articles, then the queries timed on it."""
    shutil.copy(source, big)
    started = time.perf_counter()
    n_big = scale_up(big, args.scale)
    return {
        "large_store": {"articles": n_big, "build_s": round(time.perf_counter() - started, 1),
                        "store_mb": round(big.stat().st_size / 1e6, 1)},
        "latency_large_store": latency(big, args.queries, args.seed),
    }


def peak_rss() -> dict[str, float]:
    """Peak resident memory (MB) of this process and of its largest child (a worker)."""
    return {"main": round(peak_rss_mb(), 1),
            "largest_worker": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}


def busiest(path: Path, entities: int = 5, runs: int = 5) -> dict:
    """p50 ms of a profile, a timeline (limit 50) and the quotes about (limit 50) of the busiest entities."""
    from newsgraph.store import queries

    out = {}
    with Store(path, readonly=True) as store:
        conn = store.conn
        rows = conn.execute("SELECT c.id, c.name, count(DISTINCT e.article_id) FROM entities e "
                            "JOIN corpus_entities c ON c.id = e.corpus_entity_id GROUP BY c.id "
                            "ORDER BY 3 DESC LIMIT ?", (entities,)).fetchall()
        for _, name, n in rows:
            timed = {}
            for kind, run in (("profile", lambda name=name: queries.entity_profile(conn, name)),
                              ("timeline", lambda name=name: queries.timeline(conn, name, limit=50)),
                              ("quotes_about", lambda name=name: queries.quotes(conn, about=name, limit=50))):
                times = []
                for _ in range(runs):
                    started = time.perf_counter()
                    run()
                    times.append(time.perf_counter() - started)
                timed[f"{kind}_p50_ms"] = round(statistics.median(times) * 1000, 1)
            out[f"{name} ({n} articles)"] = timed
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000, help="articles to parse (mixed corpora)")
    parser.add_argument("--scale", type=int, default=100_000, help="articles in the synthetic store for latency")
    parser.add_argument("--queries", type=int, default=200, help="queries per kind")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--chunks", type=int, default=5, help="bare parse and ingest alternate over this many chunks")
    parser.add_argument("--skip-workers", action="store_true", help="skip the 2-worker run")
    parser.add_argument("--skip-scale", action="store_true", help="skip the large synthetic store")
    parser.add_argument("--workdir", type=Path, default=None, help="where the stores go (default: a temp dir)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--full", action="store_true",
                        help="ingest the whole corpus (every loader of newsgraph.evaluate.corpora) with --workers "
                             "into full.db, then scale it to --scale articles and time the queries")
    parser.add_argument("--workers", type=int, default=2, help="workers for --full")
    parser.add_argument("--latency-only", action="store_true",
                        help="only measure query latency on --workdir's one.db and big.db from an earlier run")
    parser.add_argument("--busiest", type=Path, default=None, metavar="DB",
                        help="only time the profile, timeline and quotes of DB's 5 busiest entities (5 runs, p50)")
    args = parser.parse_args()

    if args.busiest:
        print(json.dumps(busiest(args.busiest), indent=2))
        return
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench-store-"))
    workdir.mkdir(parents=True, exist_ok=True)
    if args.latency_only:
        print(json.dumps({"latency_small_store": latency(workdir / "one.db", args.queries, args.seed),
                          "latency_large_store": latency(workdir / "big.db", args.queries, args.seed)}, indent=2))
        return
    if args.full:
        print(json.dumps(full_corpus(workdir, args), indent=2))
        return
    docs = mixed(args.n)
    items = [d.item for d in docs]
    reader = Reader()
    bare_model = load_model()
    result: dict = {"articles": len(items), "corpora": sorted({d.corpus for d in docs}),
                    "model": reader.generator.model}

    # Bare parse and ingest alternate over chunks of the same articles, so that both
    # see the same load on a shared machine; their times are summed.
    one = workdir / "one.db"
    for stale in workdir.glob("*.db*"):
        stale.unlink()
    sampler = RssSampler()
    sampler.start(len(items))
    bare, n_texts, words = 0.0, 0, 0
    report = None
    chunk = max(1, len(items) // args.chunks)
    with Store(one) as store:
        for start in range(0, len(items), chunk):
            part = items[start:start + chunk]
            texts = [p.cleaned.text for p in (prepare(i) for i in part) if p.cleaned and not p.error]
            n_texts += len(texts)
            words += sum(len(t.split()) for t in texts)
            if start == 0:  # warm up both sides (first-call costs, lexicons loaded lazily) before timing
                bare_parse(bare_model, texts[:10], args.batch_size)
                for _ in reader.read_many(part[:10], batch_size=args.batch_size):
                    pass
            if (start // chunk) % 2 == 0:  # alternate which goes first, to cancel order effects
                bare += bare_parse(bare_model, texts, args.batch_size)
                step = store.ingest(part, reader, batch_size=args.batch_size, progress=sampler)
            else:
                step = store.ingest(part, reader, batch_size=args.batch_size, progress=sampler)
                bare += bare_parse(bare_model, texts, args.batch_size)
            if report is None:
                report = step
            else:
                for name in ("inputs", "stored", "already_stored", "duplicates", "failed", "seconds"):
                    setattr(report, name, getattr(report, name) + getattr(step, name))
    assert report is not None
    result["words"] = words
    result["bare_spacy"] = {"seconds": round(bare, 1), "articles_per_s": round(n_texts / bare, 2)}
    ingest_rate = (report.stored + report.failed + report.already_stored) / report.seconds
    result["ingest_1_worker"] = {**report.to_dict(), "articles_per_s": round(ingest_rate, 2),
                                 "ratio_to_bare_spacy": round(ingest_rate / (n_texts / bare), 3),
                                 "rss_mb_by_articles_done": sampler.samples,
                                 "store_mb": round(one.stat().st_size / 1e6, 1)}
    if not args.skip_workers:
        two = workdir / "two.db"
        with Store(two) as store:
            report2 = store.ingest(items, reader, workers=2, batch_size=args.batch_size)
        rate2 = (report2.stored + report2.failed) / report2.seconds
        result["ingest_2_workers"] = {**report2.to_dict(), "articles_per_s": round(rate2, 2),
                                      "speedup_over_1_worker": round(rate2 / ingest_rate, 3)}
    result["peak_rss_mb"] = peak_rss()
    result["latency_small_store"] = latency(one, args.queries, args.seed)

    if not args.skip_scale:
        result.update(scaled_latency(one, workdir / "big.db", args))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
