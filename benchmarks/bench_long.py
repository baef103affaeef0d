"""Benchmark: one very long text through ``Reader.read_many``: seconds and peak memory by length.

Builds a text of N characters by repeating the shared reference article (real prose,
paragraph by paragraph) and reads it in a fresh process per length, so each peak RSS is
that length's alone. A text over the parse limit (``NEWSGRAPH_MAX_CHARS``, default
``settings.DEFAULT_MAX_CHARS``) is refused with a one-line error; ``--max-chars`` sets the
limit for the run (to measure what reading a longer text would cost).

    python benchmarks/bench_long.py --chars 100000 300000 10000000 [--max-chars N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from _common import machine  # noqa: E402  (after the path is set)

_ONE = """
import json, sys, time
sys.path.insert(0, {src!r})
sys.path.insert(0, {bench!r})
from _common import peak_rss_mb
from newsgraph.api import Reader
from newsgraph.evaluate.shared import shared_dir
from newsgraph.ingest import Item
n = {n}
article = (shared_dir() / "articles" / "wapo-sessions-2017-06-06.txt").read_text(encoding="utf-8")
text = ((article.strip() + "\\n\\n") * (n // len(article) + 1))[:n]
reader = Reader()
loaded = peak_rss_mb()
start = time.perf_counter()
(record,) = reader.read_many([Item(where="long", data=text.encode("utf-8"))])
print(json.dumps({{"chars": n, "seconds": round(time.perf_counter() - start, 1), "peak_rss_mb": round(peak_rss_mb()),
                  "rss_after_model_mb": round(loaded), "words": len(record.text.split()),
                  "entities": len(record.entities), "error": record.source.error}}))
"""


def measure(n: int, max_chars: int | None) -> dict:
    env = dict(os.environ)
    if max_chars is not None:
        env["NEWSGRAPH_MAX_CHARS"] = str(max_chars)
    code = _ONE.format(src=str(ROOT / "src"), bench=str(ROOT / "benchmarks"), n=n)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, nargs="+", default=[100_000, 300_000, 10_000_000])
    parser.add_argument("--max-chars", type=int, default=None, help="parse limit for the run (NEWSGRAPH_MAX_CHARS)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = [measure(n, args.max_chars) for n in args.chars]
    if args.json:
        print(json.dumps({"machine": machine(), "max_chars": args.max_chars, "runs": rows}, indent=2))
        return
    for row in rows:
        print(f"{row['chars']:>11,} chars  {row['seconds']:>6} s  peak {row['peak_rss_mb']:>5} MB  "
              f"(model {row['rss_after_model_mb']} MB)  {row['error'] or 'read'}")


if __name__ == "__main__":
    main()
