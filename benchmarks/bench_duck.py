"""Benchmark DuckDB queries over a large Parquet corpus: entity profile, timeline, search; driver memory.

A base corpus (a directory ``newsgraph ingest … --dask … --parquet`` wrote) is
copied under new article ids in whole copies until it holds about ``--scale`` articles: every
dataset a query reads (articles, entities and their links to corpus entities,
mentions, times, sources, attributions, events, relations, warnings, terms),
not ``records`` and ``raw_inputs``; the articles sorted by ``corpus_order`` in row groups of
``ARTICLE_ROW_GROUP`` (worker files each hold a narrow range of it). Copies keep their originals' entities and
months, as ``bench_store.py`` copies a store: an entity in 4 % of the base
articles is in 4 % of the large corpus. Then, in a fresh ``DuckCorpus``,
``--queries`` random entity profiles (``entity``), entity timelines (limit
50) and searches (one or two random words of the base texts) are timed after
one warm-up query each; the process's resident memory is sampled after each.
The derived datasets the entity job writes last (``newsgraph.parquet.derived``)
are copied from the base's in the same way (``copy_derived``; names, titles and
co-mentions computed on the large corpus by the job's SQL) and timed
(``derived_s``); ``--no-derived`` leaves them out (queries join the datasets).
``--rewrite-postings`` rewrites only ``search_postings.parquet`` of a corpus built before in
``derived.POSTINGS_ROW_GROUP``-row groups (the same rows in the same order; ``rewrite_postings``), so
a change of its layout is timed without building the rest again.

Example:
    PYTHONPATH=src python benchmarks/bench_duck.py --base corpus/ --scale 1000000 --out bench-duck.json
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import shutil
import statistics
import time
from pathlib import Path

import duckdb

from newsgraph.parquet.layout import ORDER, TABLES

#: Datasets copied (what the queries read).
COPIED = tuple(t for t in TABLES if t not in ("records", "raw_inputs", "failures"))
#: Rows per row group of the copied articles (sorted by ``corpus_order``).
ARTICLE_ROW_GROUP = 2048
#: ``corpus_order`` of copy k = original + k × this (beyond any base corpus order).
COPY_STRIDE = 10**12
#: Searches ``--fixed`` always times besides its random ones: a rare word with a word in most articles, and
#: two mid-frequency words, the slowest kinds (words of the BBC politics base corpus of docs/performance.md).
FIXED_SEARCHES = ("Plaid said", "Plaid people", "Kennedy said", "Howard government")
#: Runs of each ``--fixed`` search; the best is kept (a steadier figure on a shared machine than one run).
FIXED_RUNS = 3


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _new_id(column: str) -> str:
    return f"CASE WHEN k = 0 THEN {column} ELSE substr({column}, 1, 48) || printf('%016x', k) END"


def scale_up(base: Path, out: Path, target: int, *, with_derived: bool = True) -> dict:
    """Copy ``base`` into ``out`` until ``target`` articles; returns what was built."""
    con = duckdb.connect()
    n_base = con.execute(f"SELECT count(DISTINCT id) FROM read_parquet('{base}/articles/**/*.parquet')").fetchone()[0]
    copies = max(1, target // n_base)  # whole copies: every article keeps all its rows
    started = time.perf_counter()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for table in COPIED:
        if not list((base / table).rglob("*.parquet")):
            continue
        src = f"read_parquet('{base}/{table}/**/*.parquet', hive_partitioning = true, union_by_name = true)"
        columns = [d[0] for d in con.execute(f"SELECT * FROM {src} LIMIT 0").description]
        key = "id" if table == "articles" else "article_id"
        select = ", ".join(
            f"{_new_id(c)} AS {c}" if c == key else f"{c} + k * {COPY_STRIDE} AS {c}" if c == ORDER else f'"{c}"'
            for c in columns)
        # Articles in input order, in small row groups, as the workers write them (a file per partition of
        # 16 inputs, so each file covers a narrow range of corpus_order): a search fetches its page's
        # articles by corpus_order, which then reads their row groups, not every article's.
        sort, groups = ((f" ORDER BY {ORDER}", f", ROW_GROUP_SIZE {ARTICLE_ROW_GROUP}") if table == "articles"
                        else ("", ""))
        con.execute(f"""COPY (SELECT {select} FROM {src}, range({copies}) AS r(k){sort})
                        TO '{out}/{table}' (FORMAT parquet, PARTITION_BY (month), COMPRESSION zstd{groups})""")
    for name in ("corpus_entities.parquet", "entity_keys.parquet"):
        shutil.copy(base / name, out / name)
    con.execute(f"""COPY (SELECT {_new_id("article_id")} AS article_id, entity_id, corpus_entity_id
                    FROM read_parquet('{base}/entity_links.parquet'), range({copies}) AS r(k))
                    TO '{out}/entity_links.parquet' (FORMAT parquet)""")
    src = f"read_parquet('{base}/entities_resolved.parquet')"
    columns = [d[0] for d in con.execute(f"SELECT * FROM {src} LIMIT 0").description]
    select = ", ".join(f"{_new_id(c)} AS {c}" if c == "article_id" else
                       f"{c} + k * {COPY_STRIDE} AS {c}" if c == ORDER else f'"{c}"' for c in columns)
    con.execute(f"""COPY (SELECT {select} FROM {src}, range({copies}) AS r(k) ORDER BY corpus_entity_id, {ORDER})
                    TO '{out}/entities_resolved.parquet' (FORMAT parquet, ROW_GROUP_SIZE 16384, COMPRESSION zstd)""")
    copied = time.perf_counter() - started
    derived_s = copy_derived(base, out, copies) if with_derived else None
    size = sum(p.stat().st_size for p in out.rglob("*.parquet"))
    return {"base_articles": n_base, "copies": copies, "articles": n_base * copies,
            "build_s": round(copied, 1), "derived_s": derived_s, "parquet_mb": round(size / 1e6, 1)}


def copy_derived(base: Path, out: Path, copies: int) -> float:
    """The derived datasets of the large corpus: the base's copied as the datasets are, ranks recomputed,
    re-sorted; names, titles and co-mentions computed on the large corpus by the entity job's own SQL.
    Returns the seconds taken. (Running the whole job on the copies would join every quote and event of
    the large corpus again: its cost is in docs/performance.md, measured on a 100,000-article corpus.)"""
    from newsgraph.parquet import DuckCorpus, derived

    started = time.perf_counter()
    order_k = f"{ORDER} + k * {COPY_STRIDE}"
    copied = {
        "entity_articles.parquet": (f"""SELECT *, {derived.ARTICLE_POSITION} AS position FROM (
            SELECT * EXCLUDE (position, k) REPLACE ({_new_id("id")} AS id, {order_k} AS {ORDER})
            FROM read_parquet('{base}/entity_articles.parquet'), range({copies}) AS r(k)) t
            ORDER BY corpus_entity_id, position"""),
        "entity_quotes.parquet": (f"""SELECT *, {derived.QUOTE_POSITION} AS position FROM (
            SELECT * EXCLUDE (position, k) REPLACE ({_new_id("article_id")} AS article_id, {order_k} AS {ORDER})
            FROM read_parquet('{base}/entity_quotes.parquet'), range({copies}) AS r(k)) t
            ORDER BY corpus_entity_id, role, position"""),
        "entity_events.parquet": (f"""SELECT *, {derived.EVENT_POSITION} AS position,
                   {derived.EVENT_MAIN_POSITION} AS main_position FROM (
            SELECT * EXCLUDE (position, main_position, k)
                   REPLACE ({_new_id("article_id")} AS article_id, {order_k} AS {ORDER})
            FROM read_parquet('{base}/entity_events.parquet'), range({copies}) AS r(k))
            ORDER BY corpus_entity_id, date IS NULL, position"""),
        "search_postings.parquet": (f"""SELECT term, {order_k} AS {ORDER}, tf, n_tokens
            FROM read_parquet('{base}/search_postings.parquet'), range({copies}) AS r(k)
            ORDER BY term, {ORDER} DESC"""),
        # Whole copies: a term is in ``copies`` times the base articles it is in.
        "search_terms.parquet": (f"""SELECT term, df * {copies} AS df
            FROM read_parquet('{base}/search_terms.parquet') ORDER BY term"""),
    }
    with DuckCorpus(str(out), use_derived=False) as duck:
        duck.con.execute("SET memory_limit = '6GB'")
        duck.con.execute(f"SET temp_directory = '{out}/.duck-tmp'")
        for name, (sql, row_group, sorted_by) in derived.FILES.items():
            derived.write_sorted(duck, copied.get(name, sql), duck.loc, name, row_group, sorted_by)
        derived.write_manifest(duck, started)
    shutil.rmtree(out / ".duck-tmp", ignore_errors=True)
    return round(time.perf_counter() - started, 1)


def rewrite_postings(corpus: Path) -> dict:
    """``corpus``'s ``search_postings.parquet`` written again, row for row, in groups of
    ``derived.POSTINGS_ROW_GROUP`` rows with the statistics ``derived.FILES`` gives it (streamed; the new file
    under a temporary name, then moved into place, so a hard-linked copy of the corpus keeps the old one)."""
    import pyarrow.parquet as pq

    from newsgraph.parquet import derived

    name = "search_postings.parquet"
    _, row_group, sorted_by = derived.FILES[name]
    started = time.perf_counter()
    source = pq.ParquetFile(corpus / name)
    tmp = corpus / (name + ".tmp")
    with pq.ParquetWriter(tmp, source.schema_arrow, compression="zstd", write_statistics=list(sorted_by)) as writer:
        for batch in source.iter_batches(batch_size=derived.WRITE_BATCH):
            writer.write_batch(batch, row_group_size=row_group)
    before = (corpus / name).stat().st_size
    tmp.replace(corpus / name)
    meta = pq.ParquetFile(corpus / name).metadata
    return {"postings_rewrite_s": round(time.perf_counter() - started, 1), "row_group": row_group,
            "row_groups": meta.num_row_groups, "rows": meta.num_rows, "mb_before": round(before / 1e6, 1),
            "mb_after": round((corpus / name).stat().st_size / 1e6, 1)}


def _pct(values: list[float]) -> dict:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]
    return {"n": len(values), "p50_ms": round(statistics.median(ordered) * 1000, 1),
            "p95_ms": round(p95 * 1000, 1), "max_ms": round(ordered[-1] * 1000, 1)}


def _sample_words(duck, seed: int) -> list[str]:
    """The words (alphabetic, longer than 3) of 50 article texts sampled with ``seed``: search terms."""
    texts = [r[0] for r in duck.rows(
        f"SELECT text FROM articles USING SAMPLE reservoir(50 ROWS) REPEATABLE ({int(seed)})")]
    return [w for t in texts for w in t.split() if w.isalpha() and len(w) > 3]


def fixed_searches(duck, n: int, seed: int) -> dict:
    """``n`` searches of one or two words of 50 texts sampled with ``seed``, plus ``FIXED_SEARCHES``: the
    same searches on every run and every code, each timed as the best of ``FIXED_RUNS``."""
    rng = random.Random(seed)
    words = sorted(set(_sample_words(duck, seed)))
    searches = [" ".join(rng.sample(words, rng.choice((1, 2)))) for _ in range(n)] + list(FIXED_SEARCHES)
    best = []
    for text in searches:
        duck.search(text, limit=20)  # warm-up
        runs = []
        for _ in range(FIXED_RUNS):
            t = time.perf_counter()
            duck.search(text, limit=20)
            runs.append(time.perf_counter() - t)
        best.append(min(runs))
    two = [b for b, text in zip(best, searches, strict=True) if " " in text]
    return {"all": _pct(best), "two_words": _pct(two) if two else None,
            "slowest": [searches[i] for i in sorted(range(len(best)), key=lambda i: -best[i])[:5]]}


def latency(corpus: Path, queries: int, seed: int, fixed: int = 0) -> dict:
    from newsgraph.parquet import DuckCorpus

    rng = random.Random(seed)
    before = rss_mb()
    started = time.perf_counter()
    duck = DuckCorpus(str(corpus))
    opened = time.perf_counter() - started
    n = duck.rows("SELECT count(*) FROM articles")[0][0]
    names = [r[0] for r in duck.rows("SELECT name FROM corpus_entities ORDER BY id")]
    words = _sample_words(duck, seed)
    memory = [rss_mb()]
    out: dict = {"articles": n, "open_s": round(opened, 2)}
    jobs = {
        "entity": lambda: duck.entity(rng.choice(names)),
        "timeline": lambda: duck.timeline(rng.choice(names), limit=50),
        "search": lambda: duck.search(" ".join(rng.sample(words, rng.choice((1, 2)))), limit=20),
    }
    for label, job in jobs.items():
        job()  # warm-up
        seconds = []
        for _ in range(queries):
            t = time.perf_counter()
            job()
            seconds.append(time.perf_counter() - t)
            memory.append(rss_mb())
        out[label] = _pct(seconds)
    if fixed:
        out["fixed_searches"] = fixed_searches(duck, fixed, seed=11)
    duck.close()
    out["driver_rss_mb"] = {"before_open": round(before, 1), "after_open": round(memory[0], 1),
                            "first_query": round(memory[1], 1), "last_query": round(memory[-1], 1),
                            "max": round(max(memory), 1),
                            "peak_maxrss": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--base", type=Path, required=True, help="a Parquet corpus to copy")
    parser.add_argument("--scale", type=int, default=1_000_000, help="articles in the large corpus")
    parser.add_argument("--big", type=Path, default=Path("/tmp/newsgraph-bench-duck"), help="where to build it")
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reuse", action="store_true", help="query --big as it is (built before)")
    parser.add_argument("--fixed", type=int, default=0, metavar="N",
                        help="also time N seeded searches and FIXED_SEARCHES, each the best of FIXED_RUNS")
    parser.add_argument("--rewrite-postings", action="store_true",
                        help="with --reuse: first rewrite --big's search_postings.parquet in the current row groups")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--no-derived", action="store_true",
                        help="build no derived datasets (queries join the datasets, as before they existed)")
    args = parser.parse_args()
    result = {} if args.reuse else {"build": scale_up(args.base, args.big, args.scale,
                                                      with_derived=not args.no_derived)}
    if args.rewrite_postings:
        result["rewrite"] = rewrite_postings(args.big)
    print(json.dumps(result), flush=True)
    result["latency"] = latency(args.big, args.queries, args.seed, args.fixed)
    print(json.dumps(result, indent=2))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
