"""The speed benchmarks run end to end on a few articles (their figures live in docs/performance.md).

Only that they run and report sane numbers is checked here: speed is measured
by running them in full, never in timed tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.evaluate.corpora import default_corpus_dir

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not default_corpus_dir().exists(), reason="../shared/corpus not available")


def _run(script: str, *args: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_bench_store_measures_ratio_scaling_memory_and_latency(tmp_path):
    result = _run(
        "bench_store.py", "--n", "8", "--chunks", "2", "--skip-scale", "--queries", "5", "--workdir", str(tmp_path)
    )
    one, two = result["ingest_1_worker"], result["ingest_2_workers"]
    assert one["stored"] + one["already_stored"] + one["failed"] == 8
    assert two["stored"] + two["duplicates"] + two["failed"] == 8
    assert one["ratio_to_bare_spacy"] > 0 and two["speedup_over_1_worker"] > 0
    assert one["rss_mb_by_articles_done"] and all(mb > 0 for _, mb, _ in one["rss_mb_by_articles_done"])
    assert {"entity", "timeline", "search"} <= set(result["latency_small_store"])


def test_bench_parse_finds_the_stand_ins_identical():
    result = _run("bench_parse.py", "--n", "6", "--chunks", "2")
    assert result["swapped"] == ["attribute_ruler", "lemmatizer"]
    assert result["documents_with_any_difference"] == 0 and result["tokens"] > 100


def test_bench_long_reads_a_text_under_the_limit_and_refuses_one_over_it():
    result = _run("bench_long.py", "--chars", "3000", "400000", "--json")
    short, long = result["runs"]
    assert short["error"] is None and short["words"] > 300 and short["peak_rss_mb"] > short["rss_after_model_mb"] > 0
    assert "over the parse limit of 300,000" in long["error"] and long["words"] == 0


def test_interleaved_lets_each_stage_read_a_new_item_first_as_often() -> None:
    """The A/B loop of ``compare_entities.py ab`` and ``compare_events.py ab``: each item runs twice under each
    stage, the stage run first alternating from item to item, and the outputs are compared."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from _common import interleaved

    calls: list[tuple[str, int]] = []

    def stage(name: str):
        return lambda item: calls.append((name, item)) or item * 2

    _, _, same = interleaved([0, 1, 2, 3], stage("a"), stage("b"), passes=1)
    assert same
    firsts = [calls[k][0] for k in range(0, len(calls), 4)]  # the first run on each item
    assert firsts == ["a", "b", "a", "b"]
    assert sorted(calls) == sorted([(name, item) for item in range(4) for name in "ab" for _ in range(2)])
    _, _, same = interleaved([1], lambda item: item, lambda item: item + 1, passes=1)
    assert not same
