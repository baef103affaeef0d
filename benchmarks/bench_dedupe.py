"""Benchmark near-duplicate and repeated-quote detection: a rebuild of a large store, and the cost per ingest.

Builds a synthetic store of ``--n`` articles (``articles`` and ``attributions``
rows only: all the indexes read), of ``--words`` words each drawn from the
vocabulary of the BBC News corpus, with ``--quotes`` attributions each; a share
``--copies`` of them are near-copies of an earlier article (a dateline added,
``--edit`` (2%) of the words replaced, the last sentence cut from half of them; quotes kept).
Then measures:

1. ``duplicates.rebuild`` over the whole store (``newsgraph dedupe``): seconds,
   articles/s, and how many planted copies it groups with their original;
2. the incremental cost on ingest: ``duplicates.index_article`` for ``--extra``
   more articles (same mix) added one per transaction to the full store, per
   article, as a ratio to the bare spaCy parse (``en_core_web_sm`` ``nlp.pipe``)
   of the same texts.

    PYTHONPATH=src python benchmarks/bench_dedupe.py --n 100000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import tempfile
import time
from collections import Counter
from pathlib import Path

from _common import machine, peak_rss_mb

from newsgraph.store import Store
from newsgraph.store import duplicates as dups
from newsgraph.store.similar import normalise

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"


def vocabulary(size: int = 8000) -> tuple[list[str], list[int]]:
    """The ``size`` commonest words of the BBC corpus with their counts (weights for drawing)."""
    counts: Counter[str] = Counter()
    for path in sorted(BBC.rglob("*.txt"))[:1500]:
        counts.update(normalise(path.read_text(encoding="latin-1")))
    common = counts.most_common(size)
    return [w for w, _ in common], [n for _, n in common]


class Texts:
    """Invented articles and quotes from a vocabulary, reproducible from ``seed``."""

    def __init__(self, seed: int, words: int, quotes: int) -> None:
        import numpy as np

        self.rng = random.Random(seed)
        self.np_rng = np.random.default_rng(seed)
        vocab, weights = vocabulary()
        self.vocab = vocab
        self.p = np.array(weights, dtype=float) / sum(weights)
        self.words, self.quotes = words, quotes

    def _draw(self, n: int) -> list[str]:
        return [self.vocab[i] for i in self.np_rng.choice(len(self.vocab), size=n, p=self.p)]

    def article(self) -> tuple[str, list[str]]:
        lengths = [self.rng.randint(8, 30) for _ in range(self.quotes)]
        sentence_lengths = []
        while sum(sentence_lengths) < self.words:
            sentence_lengths.append(self.rng.randint(12, 30))
        drawn = self._draw(sum(lengths) + sum(sentence_lengths))
        pieces, at = [], 0
        for n in lengths + sentence_lengths:
            pieces.append(" ".join(drawn[at:at + n]).capitalize())
            at += n
        quotes, sentences = pieces[:self.quotes], [p + "." for p in pieces[self.quotes:]]
        for q in quotes:
            sentences.insert(self.rng.randrange(len(sentences)), f'"{q}," the minister said.')
        return " ".join(sentences), quotes

    def copy(self, text: str, quotes: list[str], edit: float) -> tuple[str, list[str]]:
        words = text.split(" ")
        for i in self.rng.sample(range(len(words)), int(len(words) * edit)):
            words[i] = self.rng.choice(self.vocab)
        out = " ".join(words)
        kept = [q for q in quotes if q in out]
        if self.rng.random() < 0.5:
            out = out[:out.rstrip(".").rfind(".") + 1] or out
            kept = [q for q in kept if q in out]
        return "LONDON (Wire) - " + out, kept


def fill(conn: sqlite3.Connection, texts: Texts, n: int, copies: float, edit: float = 0.02, start: int = 0,
         pool: list[tuple[str, str, list[str]]] | None = None) -> tuple[list[str], dict[str, str]]:
    """Insert ``n`` articles (ids ``a<start>…``) with their attributions; returns their ids and copy → original."""
    pool = pool if pool is not None else []
    ids, planted = [], {}
    for i in range(start, start + n):
        aid = f"a{i:08d}"
        if pool and texts.rng.random() < copies:
            original, text, quotes = texts.rng.choice(pool)
            text, quotes = texts.copy(text, quotes, edit)
            planted[aid] = original
        else:
            text, quotes = texts.article()
            if len(pool) < 5000:
                pool.append((aid, text, quotes))
            else:
                pool[texts.rng.randrange(len(pool))] = (aid, text, quotes)
        day = f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}"
        conn.execute("INSERT INTO articles (id, text, n_words, published, ingested_at) VALUES (?, ?, ?, ?, 'now')",
                     (aid, text, len(text.split()), day))
        conn.executemany("INSERT INTO attributions (article_id, id, content, kind, quoted) "
                         "VALUES (?, ?, ?, 'direct', 1)", [(aid, f"a{k + 1}", q) for k, q in enumerate(quotes)])
        ids.append(aid)
    return ids, planted


def grouped(conn: sqlite3.Connection, planted: dict[str, str]) -> int:
    """Planted copies found in the same group as their original."""
    found = 0
    for copy, original in planted.items():
        a, b = dups.ARTICLES.cluster_of(conn, copy), dups.ARTICLES.cluster_of(conn, original)
        found += a is not None and a == b
    return found


def bare_parse_seconds(texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of the bare model's ``nlp.pipe`` over ``texts`` (loaded and warmed up first)."""
    from newsgraph.nlp.pipeline import load_model

    nlp = load_model()
    list(nlp.pipe(texts[:5]))  # warm up
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--words", type=int, default=450)
    parser.add_argument("--quotes", type=int, default=4)
    parser.add_argument("--copies", type=float, default=0.1)
    parser.add_argument("--edit", type=float, default=0.02, help="share of a copy's words replaced")
    parser.add_argument("--extra", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", type=Path, help="keep the store here (default: a temporary directory)")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench-dedupe-"))
    path = args.db or workdir / "dedupe.db"
    texts = Texts(args.seed, args.words, args.quotes)
    result: dict = {"machine": machine(), "n": args.n, "words": args.words, "quotes_per_article": args.quotes,
                    "copies_share": args.copies, "edit": args.edit, "load_average": os.getloadavg(),
                    "params": {i.name: i.params for i in dups.INDEXES}}
    with Store(path) as store:
        conn = store.conn
        started = time.perf_counter()
        pool: list[tuple[str, str, list[str]]] = []
        conn.execute("BEGIN")
        _, planted = fill(conn, texts, args.n, args.copies, args.edit, pool=pool)
        conn.execute("COMMIT")
        result["fill_seconds"] = round(time.perf_counter() - started, 1)

        class Every:
            def start(self, total: int) -> None:
                self.total, self.t0 = total, time.perf_counter()

            def advance(self, n: int = 1) -> None:
                self.done = getattr(self, "done", 0) + n
                if self.done % 10_000 == 0:
                    print(f"  {self.done:,}/{self.total:,} in {time.perf_counter() - self.t0:.0f} s", flush=True)

        started, cpu = time.perf_counter(), time.process_time()
        conn.execute("BEGIN")
        dups.rebuild(conn, Every())
        conn.execute("COMMIT")
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        n_groups, n_copies = dups.copies_count(conn)
        result["rebuild"] = {"seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1),
                             "articles_per_second": round(args.n / seconds, 1),
                             "articles_per_cpu_second": round(args.n / cpu, 1),
                             "planted_copies": len(planted), "planted_found": grouped(conn, planted),
                             "groups": n_groups, "copies": n_copies,
                             "repeated_quotes": dups.repeated_quote_count(conn)}
        print(json.dumps(result["rebuild"]), flush=True)

        conn.execute("BEGIN")
        ids, extra_planted = fill(conn, texts, args.extra, args.copies, args.edit, start=args.n, pool=pool)
        conn.execute("COMMIT")
        extra_texts = [r[0] for r in conn.execute(
            f"SELECT text FROM articles WHERE id IN ({', '.join('?' * len(ids))})", ids)]
        times, cpu = [], time.process_time()
        for aid in ids:
            t0 = time.perf_counter()
            with store.transaction() as tx:
                dups.index_article(tx, aid)
            times.append(time.perf_counter() - t0)
        cpu_per_article = (time.process_time() - cpu) / len(ids)
        per_article = sum(times) / len(times)
        parse, parse_cpu = (x / len(extra_texts) for x in bare_parse_seconds(extra_texts))
        times.sort()
        result["incremental"] = {
            "articles": len(ids), "ms_per_article": round(per_article * 1000, 2),
            "p95_ms": round(times[int(len(times) * 0.95)] * 1000, 2),
            "bare_parse_ms_per_article": round(parse * 1000, 2), "ratio_to_bare_parse": round(per_article / parse, 4),
            "cpu_ms_per_article": round(cpu_per_article * 1000, 2),
            "ratio_to_bare_parse_cpu": round(cpu_per_article / parse_cpu, 4),
            "planted_copies": len(extra_planted), "planted_found": grouped(conn, extra_planted)}
        result["db_mb"] = round(path.stat().st_size / 1e6, 1)
        result["sim_rows"] = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                              for t in ("sim_signatures", "sim_bands", "sim_clusters")}
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)
    result["load_average_after"] = os.getloadavg()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
