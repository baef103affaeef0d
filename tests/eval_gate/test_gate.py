"""The evaluation gate: each evaluation's fixed subset of development data stays above its committed floor.

The floors are in benchmarks/eval-baseline.json (docs/quality.md, "The evaluation
gate", says how to raise one). Without the shared data the gate skips.
"""

from __future__ import annotations

import pytest

from _paths import SHARED, require
from newsgraph.evaluate import gate

BASELINE = gate.load_baseline()
EVALUATIONS = BASELINE["evaluations"]

pytestmark = pytest.mark.eval_gate


@pytest.mark.parametrize("name", sorted(EVALUATIONS))
def test_figures_stay_above_their_floors(name):
    entry = EVALUATIONS[name]
    data = gate.data_path(entry, SHARED)
    require(data)
    checks = gate.check(name, entry, SHARED)
    report = "\n".join(c.line() for c in checks)
    print(report)
    assert checks and all(c.ok for c in checks), f"below the floor (benchmarks/eval-baseline.json):\n{report}"


def test_the_baseline_covers_every_evaluation_and_keeps_floors_under_the_measured_values():
    assert set(EVALUATIONS) == set(gate.RUNNERS)
    for name, entry in EVALUATIONS.items():
        assert entry["figures"], name
        # The gate measures public development data only: every path lies under eval-data/.
        assert entry["data"].startswith("eval-data/") and ".." not in entry["data"], name
        for figure, spec in entry["figures"].items():
            assert 0 <= spec["floor"] <= spec["measured"] <= 1, f"{name}.{figure}"


def test_a_figure_below_its_floor_fails(monkeypatch, tmp_path):
    monkeypatch.setitem(gate.RUNNERS, "fake", lambda path, subset: {"f1": 0.5 + subset["first_docs"] / 100})
    entry = {"data": "x", "subset": {"first_docs": 1}, "figures": {"f1": {"measured": 0.6, "floor": 0.55}}}
    (check,) = gate.check("fake", entry, tmp_path)
    assert not check.ok and "FAIL" in check.line() and "floor 0.5500" in check.line()
    entry["subset"]["first_docs"] = 10
    (check,) = gate.check("fake", entry, tmp_path)
    assert check.ok


def test_propose_sets_floors_at_measured_minus_margin(monkeypatch, tmp_path):
    monkeypatch.setattr(gate, "RUNNERS", {"fake": lambda path, subset: {"f1": 0.8}})
    baseline = {"margin": 0.02, "evaluations": {"fake": {"data": "x", "subset": {}, "figures": {}}}}
    proposed = gate.propose(baseline, tmp_path)
    assert proposed["evaluations"]["fake"]["figures"] == {"f1": {"measured": 0.8, "floor": 0.78}}
    assert baseline["evaluations"]["fake"]["figures"] == {}  # the input is left alone
