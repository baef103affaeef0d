"""``newsgraph eval html`` and ``newsgraph eval reference`` as a user runs them."""

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _paths import EVAL_DATA, GOLD
from newsgraph.cli import app
from newsgraph.evaluate.html import evaluate

BENCHMARK = EVAL_DATA / "article-extraction-benchmark"

runner = CliRunner()

PAGE = """<html><head><title>Bridge reopens</title></head><body><nav><a href="/">Home</a> <a href="/x">World</a></nav>
<article><h1>Bridge reopens after repairs</h1>
<p>The old river bridge reopened on Monday after eight months of repairs, city officials said at a ceremony.</p>
<p>Traffic was light in the morning but grew through the day as commuters returned to their usual route.</p>
</article><footer>Subscribe to our newsletter. Copyright 2020.</footer></body></html>"""


def _benchmark(tmp_path: Path, body: str) -> Path:
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "ground-truth.json").write_text(json.dumps({"p1": {"articleBody": body, "url": "http://e.org/a"}}))
    return tmp_path


def test_eval_html_scores_pages_against_their_gold_body(tmp_path):
    gold = ("The old river bridge reopened on Monday after eight months of repairs, city officials said at a "
            "ceremony.\n\nTraffic was light in the morning but grew through the day as commuters returned to "
            "their usual route.")
    folder = _benchmark(tmp_path, gold)
    result = runner.invoke(app, ["eval", "html", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    scores = {s["system"]: s for s in json.loads(result.stdout)}
    assert scores["newsgraph"]["pages"] == 1
    assert scores["newsgraph"]["recall"] == 1.0 and scores["newsgraph"]["precision"] >= 0.85
    assert "Subscribe" not in gold


def test_eval_html_averages_per_page(tmp_path):
    folder = _benchmark(tmp_path, "Zebra quantum marmalade xylophone jubilee.")
    (score, *_) = evaluate(folder, systems=("newsgraph",))
    assert score.recall == 0.0 and score.f1 == 0.0 and score.accuracy == 0.0


def test_eval_html_needs_the_benchmark_folder(tmp_path):
    result = runner.invoke(app, ["eval", "html", str(tmp_path)])
    assert result.exit_code == 1 and "ground-truth.json" in result.stderr


@pytest.mark.skipif(not GOLD.exists(), reason="reference article not available")
def test_eval_reference_reports_every_check():
    result = runner.invoke(app, ["eval", "reference", str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    checks = json.loads(result.stdout)
    parts = {c["part"] for c in checks}
    assert {"meta", "text", "entities", "times", "sources", "attributions", "quotes", "events"} <= parts
    assert sum(c["passed"] for c in checks) >= 0.95 * len(checks)
    table = runner.invoke(app, ["eval", "reference", str(GOLD), "--failed"])
    assert table.exit_code == 0 and "entities" in table.stdout


def test_eval_reference_with_an_unreadable_gold_is_one_line(tmp_path):
    bad = tmp_path / "gold.json"
    bad.write_text("{not json")
    result = runner.invoke(app, ["eval", "reference", str(bad)])
    assert result.exit_code == 1 and "cannot read reference" in result.stderr
