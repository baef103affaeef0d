"""Leave-one-set-out cross-validation of the round-11 constants over the writing sets of ``round11.py``.

Each configuration of ``CHOICES`` (every combination) is scored on each writing set; for each set left out the
configuration with the best pooled F1 on the seven others is chosen and scored on the one left out. The pooled
held-out figures are printed with each fold's choice. The check sets are not read.

Example (from the repository root):
    PYTHONPATH=src NEWSGRAPH_SHARED=/work/shared python training/salience/loso11.py --cache /tmp/main11
"""

from __future__ import annotations

import argparse
from itertools import product
from pathlib import Path

import round11
import train

from newsgraph.extract.events import salience

#: The constants chosen together, each over its values (the round-10 values first).
CHOICES: dict[str, tuple[float, ...]] = {
    "MAX_PER_SENTENCE": (2, 3),
    "POSITION_DECAY": (4.0, 5.0),
    "CODED_QUOTE_FACTOR": (0.5, 0.4),
}


def _f1(counts: list[dict[str, int]]) -> float:
    matched = sum(c["matched"] for c in counts)
    n_main = sum(c["main"] for c in counts)
    recalled = sum(c["recalled"] for c in counts)
    gold = sum(c["gold"] for c in counts)
    p = matched / n_main if n_main else 0.0
    r = recalled / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/main11"))
    args = parser.parse_args()
    parses = {name: train.collect_parses(args.corpus, args.cache, name) for name in round11.WRITING_SETS}
    names = list(CHOICES)
    configs = list(product(*CHOICES.values()))
    table: dict[tuple[float, ...], dict[str, dict[str, int]]] = {}
    shipped = {name: getattr(salience, name) for name in names}
    for config in configs:
        for name, value in zip(names, config, strict=True):
            setattr(salience, name, value)
        table[config] = {s: round11.tally(parses[s]) for s in round11.WRITING_SETS}
    for name, value in shipped.items():
        setattr(salience, name, value)
    held_out = []
    for left in round11.WRITING_SETS:
        rest = [s for s in round11.WRITING_SETS if s != left]
        best = max(configs, key=lambda c: _f1([table[c][s] for s in rest]))
        held_out.append(table[best][left])
        print(f"{left:8} chose {dict(zip(names, best, strict=True))}: held out F1 {_f1([table[best][left]]):.3f}"
              f" (round 10 values {_f1([table[configs[0]][left]]):.3f})")
    baseline = [table[configs[0]][s] for s in round11.WRITING_SETS]
    print(f"pooled held out F1 {_f1(held_out):.4f} against {_f1(baseline):.4f} with the round-10 values")


if __name__ == "__main__":
    main()
