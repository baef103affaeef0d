"""The evaluation gate: a fast, fixed subset of each evaluation, held to committed floors.

The full evaluations (``newsgraph eval ...``, docs/quality.md) take minutes and
are run by hand. The gate runs the first few documents of each on every test
run, so a change that loses entities, quotes, times, events or page text fails
the suite instead of waiting for the next full evaluation.

The baseline file (``benchmarks/eval-baseline.json``) is data, not code: for
each evaluation it names the data (a path inside the shared data directory),
the subset (the first N documents, in the evaluation's own stable order), and
for each figure the value measured when the floor was set and the floor itself
(measured minus the file's margin). Raising a floor is editing that file::

    python -m newsgraph.evaluate.gate             # measured vs floor, exit 1 below a floor
    python -m newsgraph.evaluate.gate --propose   # the baseline with floors at today's figures

All subsets are development data (CoNLL dev, PolNeAR dev, TimeBank/AQUAINT,
the PLOVER gold sentences, the article-extraction benchmark); nothing held out.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from newsgraph.evaluate.shared import CHECKOUT, shared_dir

#: The committed baseline.
BASELINE = CHECKOUT / "benchmarks" / "eval-baseline.json"

#: An evaluation on its subset: (path of its data, the subset's settings) -> {figure name: value}.
Runner = Callable[[Path, dict[str, Any]], dict[str, float]]


@cache
def _bare_model() -> Any:
    """One spaCy model (with newsgraph's CoNLL NER after its NER) for the evaluations that call a
    stage on a bare parse (loaded once)."""
    from newsgraph.nlp.pipeline import load_ner

    return load_ner()


def _conll(path: Path, subset: dict[str, Any]) -> dict[str, float]:
    from newsgraph.evaluate.conll import evaluate_conll

    result = evaluate_conll(_bare_model(), path, limit_docs=subset["first_docs"]).to_dict()
    ours = result["newsgraph"]
    return {"newsgraph_all_f1": ours["ALL"]["f1"], "newsgraph_per_org_loc_f1": ours["PER+ORG+LOC"]["f1"]}


def _timeml(path: Path, subset: dict[str, Any]) -> dict[str, float]:
    from newsgraph.evaluate.timeml import evaluate, iter_corpus, spacy_tagger

    report = evaluate(iter_corpus(path, limit=subset["first_docs_per_corpus"]), spacy_tagger()).report()["all"]
    return {"relaxed_f1": report["relaxed_f1"], "value_f1": report["value_f1"]}


def _polnear(path: Path, subset: dict[str, Any]) -> dict[str, float]:
    from newsgraph.evaluate.polnear import evaluate

    scores = evaluate(path, split=subset["split"], limit=subset["first_docs"]).to_dict()["scores"]
    return {"content_overlap_f1": scores["content_overlap"]["f1"],
            "attribution_overlap_f1": scores["attribution_overlap"]["f1"]}  # fmt: skip


def _plover(path: Path, subset: dict[str, Any]) -> dict[str, float]:
    from newsgraph.api import Reader
    from newsgraph.evaluate.plover import evaluate

    report = evaluate(path, Reader().nlp, limit=subset["first_sentences"])
    return {"event_type_accuracy": round(report.type_accuracy, 4), "actor_accuracy": round(report.actor_accuracy, 4)}


def _html(path: Path, subset: dict[str, Any]) -> dict[str, float]:
    from newsgraph.evaluate.html import evaluate

    (score,) = evaluate(path, limit=subset["first_pages"], systems=("newsgraph",))
    return {"newsgraph_f1": score.f1}


#: Each evaluation the gate knows, by the name the baseline file uses.
RUNNERS: dict[str, Runner] = {
    "conll": _conll,
    "timeml": _timeml,
    "polnear": _polnear,
    "plover": _plover,
    "html": _html,
}


@dataclass(frozen=True)
class Check:
    """One figure of one evaluation: what it measured now against its floor."""

    evaluation: str
    figure: str
    measured: float
    floor: float
    baseline: float

    @property
    def ok(self) -> bool:
        return self.measured >= self.floor

    def line(self) -> str:
        mark = "ok  " if self.ok else "FAIL"
        return (f"{mark} {self.evaluation}.{self.figure}: measured {self.measured:.4f}, floor {self.floor:.4f}"
                f" (baseline {self.baseline:.4f})")  # fmt: skip


def load_baseline(path: Path = BASELINE) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def data_path(entry: dict[str, Any], shared: Path | None = None) -> Path:
    """Where an evaluation's data is: its ``data`` path inside the shared data directory."""
    return (shared or shared_dir()) / entry["data"]


def measure(name: str, entry: dict[str, Any], shared: Path | None = None) -> dict[str, float]:
    """The evaluation's figures on its subset (the data must exist)."""
    return RUNNERS[name](data_path(entry, shared), entry["subset"])


def check(name: str, entry: dict[str, Any], shared: Path | None = None) -> list[Check]:
    """Each figure of the evaluation measured against its floor (figures the baseline does not list are ignored)."""
    figures = measure(name, entry, shared)
    return [Check(name, figure, figures[figure], spec["floor"], spec["measured"])
            for figure, spec in entry["figures"].items()]  # fmt: skip


def propose(baseline: dict[str, Any], shared: Path | None = None) -> dict[str, Any]:
    """The baseline with every figure re-measured and its floor set to measured minus the margin."""
    margin = baseline["margin"]
    out = json.loads(json.dumps(baseline))
    for name, entry in out["evaluations"].items():
        for figure, value in measure(name, entry, shared).items():
            entry["figures"][figure] = {"measured": value, "floor": round(max(0.0, value - margin), 4)}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsgraph.evaluate.gate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", type=Path, default=BASELINE)
    parser.add_argument("--only", nargs="+", choices=sorted(RUNNERS), help="run only these evaluations")
    parser.add_argument("--propose", action="store_true",
                        help="print the baseline with floors re-set to today's figures minus the margin")
    args = parser.parse_args(argv)
    baseline = load_baseline(args.baseline)
    missing = [str(data_path(e)) for e in baseline["evaluations"].values() if not data_path(e).exists()]
    if missing:
        print(f"shared data not available: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.propose:
        print(json.dumps(propose(baseline), indent=2))
        return 0
    failed = False
    for name, entry in baseline["evaluations"].items():
        if args.only and name not in args.only:
            continue
        started = time.process_time()
        checks = check(name, entry)
        for item in checks:
            print(item.line())
            failed = failed or not item.ok
        print(f"     {name}: {time.process_time() - started:.1f} s CPU")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
