"""``newsgraph eval polnear`` through the CLI, on a tiny brat data set."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app

TEXT = "Taxes will rise next year, the minister said.\n"
ANN = "T1\tSource 27 39\tthe minister\nT2\tCue 40 44\tsaid\nT3\tContent 0 25\tTaxes will rise next year\n" \
      "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"  # fmt: skip


def make_data(root: Path) -> Path:
    base = root / "data" / "dev"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    (base / "text" / "one.txt").write_text(TEXT, encoding="utf-8")
    (base / "attributions" / "one_abcd.ann").write_text(ANN, encoding="utf-8")
    return root


def test_eval_polnear_json(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "polnear", str(make_data(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["articles"] == 1
    assert data["scores"]["attribution_exact"]["f1"] == 1.0


def test_eval_polnear_bad_split_and_dir(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["eval", "polnear", str(tmp_path), "--split", "test"]).exit_code == 2
    assert runner.invoke(app, ["eval", "polnear", str(tmp_path / "missing")]).exit_code == 1
