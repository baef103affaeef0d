"""Choose how many main events an article gets: ``salience.main_count`` and the relative floor, on data.

The count (one main event per ``SENTENCES_PER_MAIN`` sentences, ``MIN_MAIN``..``MAX_MAIN``) and the floor
(``MAIN_RELATIVE`` x the article's best salience) were set by hand. This script chooses the parameters of a rule
(``--rule``: the shipped count, or a variant by the article's length) by leave-one-set-out cross-validation over
the writing sets ``SETS`` (dev2, dev3, dev4, report2, report3 and, from late in 2026-12-07 round 8, report4 and
report5): for each fold, the setting of the grid that maximises recall subject to precision >= ``MIN_PRECISION``
on the other sets pooled (the best F1 when no setting reaches it; ``--criterion f1``: the best F1) scores the set
left out. The events and their hand salience come from ``train.collect``'s cache (one pipeline run per article,
then no parse), and are marked main by ``train.select``, which mirrors ``salience.select_main`` (the
per-sentence, per-happening and per-clause caps and ``MIN_MAIN_SALIENCE`` unchanged).

The check set ``CHECK_SETS`` (``dev``, ``main_events_handchecked.json``) is scored with the current values and the
values chosen on all the writing sets, totals only; its errors are never printed.

Example (from the repository root):
    PYTHONPATH=src NEWSGRAPH_SHARED=/work/shared python training/salience/count.py \\
        --corpus /work/shared/corpus --cache /tmp/salience
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Any

import numpy

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train  # training/salience/train.py: the cache, the selection and the tally

from newsgraph.extract.events import salience

#: The writing sets of the count: the ranker's (``train.SETS``) and, released for development late in round 8,
#: report4 (mostly long articles) and report5 (mostly short ones), so that a count by length sees both.
SETS = (*train.SETS, "report4", "report5")
#: The check set, scored for totals only: ``dev`` (``main_events_handchecked.json``).
CHECK_SETS = ("dev",)
#: The goal's precision: a setting is eligible when the training sets' pooled precision reaches it.
MIN_PRECISION = 0.6
#: The grid. The record promises 5-12 main events where the article has them, so the cap stays <= 12.
SENTENCES_PER_MAIN = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0)
MAX_MAINS = tuple(range(salience.MIN_MAIN, 13))
RELATIVES = tuple(round(0.05 * i, 2) for i in range(5, 13))  # 0.25 .. 0.6
#: Article lengths (sentences) tried by the ``split`` rule: a relative floor below, another from there on.
SPLIT_LENGTHS = (12, 16, 20, 25, 30, 40)
#: Precisions at which ``frontier`` reports the best in-sample recall.
FRONTIER = (0.5, 0.55, 0.6, 0.65)
Setting = tuple[float, ...]


#: The length rule's grid: articles shorter than ``SHORT_LENGTH`` sentences get their own sentences per main
#: event and relative floor; the others keep ``salience.main_count``'s and ``MAIN_RELATIVE``.
SHORT_LENGTHS = (8, 10, 12, 15, 18, 22, 26, 30)
SHORT_PER_MAIN = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0)
#: The long rule's grid: articles of ``LONG_LENGTH`` sentences or more get their own cap and relative floor.
LONG_LENGTHS = (20, 25, 30, 40, 50)
Figures = tuple[int, int, int]


@dataclass(frozen=True)
class Rule:
    """A way of counting main events: its parameters, their grid and current values."""

    kind: str
    names: tuple[str, ...]
    grid: tuple[tuple[float, ...], ...]
    current: Setting

    def settings(self) -> list[Setting]:
        return list(product(*self.grid))

    def mark(self, articles: list[train.Article], setting: Setting) -> list[numpy.ndarray]:
        """The main events of each article under ``setting``."""
        return [_select(a, *self.cut(a, setting)) for a in articles]

    def figures(self, articles: list[train.Article], setting: Setting) -> dict[str, Any]:
        """``train.tally`` of ``mark`` without recomputing it: the selection is cached per floor and count."""
        n_main = matched = recalled = 0
        for a in articles:
            m, k, r = _counts(a, *self.cut(a, setting))
            n_main, matched, recalled = n_main + m, matched + k, recalled + r
        gold = sum(a.n_gold for a in articles)
        p = matched / n_main if n_main else 0.0
        r = recalled / gold if gold else 0.0
        return {"main": n_main, "main_matched": matched, "gold": gold, "gold_recalled": recalled,
                "precision": round(p, 4), "recall": round(r, 4),
                "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}

    def cut(self, article: train.Article, setting: Setting) -> tuple[float, int]:
        """The relative floor and the count of ``article`` under ``setting``."""
        n = article.n_sentences
        if self.kind == "count":
            per_main, most, relative = setting
            return relative, salience.main_count(n, per_main, int(most))
        if self.kind == "split":
            short, long, length = setting
            return (short if n < length else long), salience.main_count(n, salience.SENTENCES_PER_MAIN)
        if self.kind == "long":
            length, most, long_relative, relative = setting
            if n >= length:
                return long_relative, salience.main_count(n, salience.SENTENCES_PER_MAIN, int(most))
            return relative, salience.main_count(n, salience.SENTENCES_PER_MAIN)
        length, per_main, short_relative, long_relative = setting
        if n < length:
            return short_relative, salience.main_count(n, per_main)
        return long_relative, salience.main_count(n, salience.SENTENCES_PER_MAIN)

    def named(self, setting: Setting) -> dict[str, float]:
        return dict(zip(self.names, setting, strict=True))


_SELECTED: dict[tuple[int, float, int], numpy.ndarray] = {}


def _select(article: train.Article, relative: float, n_main: int) -> numpy.ndarray:
    """``train.select`` under the hand score, cached per article, floor and count (the grid repeats them)."""
    key = (id(article), relative, n_main)
    if key not in _SELECTED:
        _SELECTED[key] = train.select(article, article.hand, salience.MIN_MAIN_SALIENCE, relative, n_main)
    return _SELECTED[key]


_COUNTS: dict[tuple[int, float, int], Figures] = {}


def _counts(article: train.Article, relative: float, n_main: int) -> Figures:
    """Main events, those matched and gold events recalled in ``article`` at this floor and count."""
    key = (id(article), relative, n_main)
    if key not in _COUNTS:
        main = numpy.flatnonzero(_select(article, relative, n_main))
        hit: set[int] = set().union(*(article.matches[r] for r in main))
        _COUNTS[key] = (len(main), sum(1 for r in main if article.matches[r]), len(hit))
    return _COUNTS[key]


RULES = {
    # salience.main_count's parameters and the relative floor (one setting for every length).
    "count": Rule("count", ("SENTENCES_PER_MAIN", "MAX_MAIN", "MAIN_RELATIVE"),
                  (SENTENCES_PER_MAIN, tuple(float(m) for m in MAX_MAINS), RELATIVES),
                  (salience.SENTENCES_PER_MAIN, float(salience.MAX_MAIN), salience.MAIN_RELATIVE)),
    # A variant: one relative floor for articles shorter than LENGTH sentences, another for the rest.
    "split": Rule("split", ("MAIN_RELATIVE_SHORT", "MAIN_RELATIVE_LONG", "LENGTH"),
                  (RELATIVES, RELATIVES, tuple(float(n) for n in SPLIT_LENGTHS)),
                  (salience.MAIN_RELATIVE, salience.MAIN_RELATIVE, float(SPLIT_LENGTHS[0]))),
    # By length: below SHORT_LENGTH sentences, their own sentences per main event and relative floor; the
    # count of the longer articles as shipped, their relative floor chosen with the rest.
    "length": Rule("length", ("SHORT_LENGTH", "SHORT_SENTENCES_PER_MAIN", "SHORT_MAIN_RELATIVE", "MAIN_RELATIVE"),
                   (tuple(float(n) for n in SHORT_LENGTHS), SHORT_PER_MAIN, RELATIVES, RELATIVES),
                   (0.0, float(salience.SENTENCES_PER_MAIN), salience.MAIN_RELATIVE, salience.MAIN_RELATIVE)),
    # By length the other way: from LONG_LENGTH sentences on, their own cap and relative floor (a long article's
    # many clauses above the floor); the shorter articles keep the shipped count, their floor chosen with it.
    "long": Rule("long", ("LONG_LENGTH", "LONG_MAX_MAIN", "LONG_MAIN_RELATIVE", "MAIN_RELATIVE"),
                 (tuple(float(n) for n in LONG_LENGTHS), tuple(float(m) for m in MAX_MAINS), RELATIVES, RELATIVES),
                 (float(LONG_LENGTHS[0]), float(salience.MAX_MAIN), salience.MAIN_RELATIVE, salience.MAIN_RELATIVE)),
}


def choose(rule: Rule, articles: list[train.Article], criterion: str = "goal") -> tuple[Setting, dict[str, Any], str]:
    """The setting of the grid with the best recall at precision >= ``MIN_PRECISION`` (else the best F1);
    with ``criterion="f1"``, the best F1 whatever the precision (a variant, reported apart).

    Ties go to the higher precision, then to the setting nearest the current one (fewer changes).
    """
    rows = []
    for setting in rule.settings():
        figures = rule.figures(articles, setting)
        distance = sum(a != b for a, b in zip(setting, rule.current, strict=True))
        rows.append((setting, figures, distance))
    eligible = [r for r in rows if r[1]["precision"] >= MIN_PRECISION] if criterion == "goal" else []
    if eligible:
        best = max(eligible, key=lambda r: (r[1]["recall"], r[1]["precision"], -r[2]))
        return best[0], best[1], "recall at precision >= 0.6"
    best = max(rows, key=lambda r: (r[1]["f1"], r[1]["recall"], -r[2]))
    return best[0], best[1], "F1" if criterion == "f1" else "F1 (no setting reaches precision 0.6)"


def frontier(rule: Rule, articles: list[train.Article]) -> dict[str, Any]:
    """In sample: the best recall of the grid at each precision of ``FRONTIER`` (how far a count can go)."""
    rows = [(setting, rule.figures(articles, setting)) for setting in rule.settings()]
    out: dict[str, Any] = {}
    for precision in FRONTIER:
        eligible = [r for r in rows if r[1]["precision"] >= precision]
        if eligible:
            setting, figures = max(eligible, key=lambda r: (r[1]["recall"], r[1]["precision"]))
            out[str(precision)] = {"setting": rule.named(setting), **figures}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=train.scorer.CORPUS)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/salience"))
    parser.add_argument("--criterion", choices=("goal", "f1"), default="goal",
                        help="goal: recall at precision >= 0.6 (else F1); f1: F1 alone (a variant)")
    parser.add_argument("--rule", choices=tuple(RULES), default="count",
                        help="count: salience.main_count's parameters and the relative floor; split: a variant, "
                             "one relative floor for short articles and one for long; length: short articles' own "
                             "count and floor; long: long articles' own cap and floor")
    args = parser.parse_args()
    rule = RULES[args.rule]
    articles = train.collect(args.corpus, args.cache, SETS)
    by_set = {name: [a for a in articles if a.set_name == name] for name in SETS}
    folds: dict[str, Any] = {}
    held_before: list[numpy.ndarray] = []
    held_after: list[numpy.ndarray] = []
    ordered: list[train.Article] = []
    for test in SETS:
        training = [a for name in SETS if name != test for a in by_set[name]]
        setting, fitted, how = choose(rule, training, args.criterion)
        before, after = rule.mark(by_set[test], rule.current), rule.mark(by_set[test], setting)
        folds[test] = {"chosen": rule.named(setting), "by": how, "training_sets": fitted,
                       "before": train.tally(by_set[test], before), "after": train.tally(by_set[test], after)}
        held_before += before
        held_after += after
        ordered += by_set[test]
    setting, fitted, how = choose(rule, articles, args.criterion)
    check = train.collect(args.corpus, args.cache, CHECK_SETS)
    result = {
        "current": rule.named(rule.current),
        "folds": folds,
        "pooled_held_out": {"before": train.tally(ordered, held_before), "after": train.tally(ordered, held_after)},
        "all_writing_sets": {"chosen": rule.named(setting), "by": how, "in_sample": fitted,
                      "before": train.tally(articles, rule.mark(articles, rule.current)),
                      "frontier": frontier(rule, articles)},
        "check_sets": {"before": train.tally(check, rule.mark(check, rule.current)),
                      "after": train.tally(check, rule.mark(check, setting))},
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
