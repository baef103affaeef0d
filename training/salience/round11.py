"""Round 11: the main-event misses of the writing sets by class, and a grid of the hand score's constants.

Split (written before any figure): rules on the **writing sets** ``WRITING_SETS`` (dev2, dev3, dev4, report2,
report3, report4, report6 and the released report7; errors read); **check sets** ``CHECK_SETS`` (report5 and
dev, ``main_events_handchecked.json``): totals only, never in the grid, their losses never read. A change ships
only if it raises the writing sets' pooled F1 and lowers neither check set's F1.

``--counts`` prints the classes of the writing sets' losses: gold events with no event of the record, gold
events whose best event is not main (by position and tense), and main events that match nothing (by position,
tense and clause). ``--grid`` scores, on the writing sets only, each constant of ``GRID`` over its values,
one at a time from the shipped score; ``--learned``, the learned ranker's (``ranking.py``) leave-one-set-out
cross-validation over the writing sets (``train.cross_validate``). Without any, the shipped score on every set
(check sets: totals).

Example (from the repository root; the parses are those ``train.collect_parses`` caches):
    PYTHONPATH=src NEWSGRAPH_SHARED=/work/shared python training/salience/round11.py \\
        --corpus /work/shared/corpus --cache /tmp/main11 [--counts] [--grid] [--learned]
"""

from __future__ import annotations

import argparse
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy
import train  # training/salience/train.py: the cache and the tally

from newsgraph.extract.events import salience

#: The sets the round-11 rules are written on (errors read).
WRITING_SETS = ("dev2", "dev3", "dev4", "report2", "report3", "report4", "report6", "report7")
#: Scored for totals only, errors and losses never read.
CHECK_SETS = ("report5", "dev")
#: Constants of ``salience`` tried one at a time, each over its values (the shipped value among them).
GRID: dict[str, tuple[float, ...]] = {
    "MAIN_RELATIVE": (0.25, 0.3, 0.35, 0.4),
    "MAX_MAIN": (9, 10, 11, 12),
    "MIN_MAIN": (4, 5, 6),
    "MAX_PER_SENTENCE": (1, 2, 3),
    "POSITION_DECAY": (3.0, 4.0, 5.0, 6.0),
    "PAST_FACTOR": (1.2, 1.3, 1.4, 1.5),
    "PRESENT_FACTOR": (0.5, 0.6, 0.7, 0.8),
    "HYPOTHETICAL_FACTOR": (0.4, 0.6, 0.8),
    "QUOTE_FACTOR": (0.3, 0.4, 0.5),
    "CODED_QUOTE_FACTOR": (0.4, 0.5, 0.6),
    "NON_FINITE_FACTOR": (0.4, 0.5, 0.6),
    "RELATIVE_FACTOR": (0.5, 0.6, 0.7),
    "GENERIC_FACTOR": (0.2, 0.3, 0.4),
    "BACKGROUND_FACTOR": (0.5, 0.6, 0.7),
    "W_REPEAT": (0.0, 0.05, 0.1),
    "W_DATED": (0.05, 0.1, 0.15),
    "W_CODED": (0.05, 0.1, 0.15),
    "W_ACTOR": (0.25, 0.3, 0.35),
    "W_FIGURE": (0.0, 0.05, 0.1),
    "MIN_MAIN_SALIENCE": (0.2, 0.25, 0.3),
    "LEAD_SENTENCES": (1, 2, 3),
}


def mains(parsed: train.Parsed) -> tuple[list[float], numpy.ndarray]:
    """The hand scores and main marks of one cached article under the current constants."""
    found, hand = train.hand_marked(parsed)
    return hand, numpy.array([e.main for e, _v in found], dtype=bool)


def tally(parses: list[train.Parsed]) -> dict[str, Any]:
    """Precision, recall and F1 of the main events over ``parses``, as the scorer counts them."""
    n_main = matched = gold = recalled = 0
    for parsed in parses:
        _hand, main = mains(parsed)
        rows = numpy.flatnonzero(main)
        n_main += len(rows)
        matched += sum(1 for r in rows if parsed.matches[r])
        recalled += len(set().union(*(parsed.matches[r] for r in rows)))
        gold += parsed.n_gold
    p = matched / n_main if n_main else 0.0
    r = recalled / gold if gold else 0.0
    return {"main": n_main, "matched": matched, "gold": gold, "recalled": recalled, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0}


def line(t: dict[str, Any]) -> str:
    return (f"P {t['precision']:.3f} ({t['matched']}/{t['main']})  R {t['recall']:.3f} "
            f"({t['recalled']}/{t['gold']})  F1 {t['f1']:.3f}")


def _position(k: int) -> str:
    return "lead" if k < salience.LEAD_SENTENCES else ("2-9" if k < 10 else "10+")


@dataclass
class Losses:
    """One cached article's main-event losses under the current constants, for counting them by class."""

    hand: list[float]
    #: Each event's place in the hand ranking (0 the best).
    rank: dict[int, int]
    #: The score a main event needs at least: the floor and the share of the article's best.
    floor: float
    #: For each gold event no main event matches, the best-scored event that matches it (None if none does).
    missed: list[int | None]
    #: The main events that match no gold event.
    false: list[int]
    #: The sentence of each event's verb.
    sentence: dict[int, int] = field(default_factory=dict)


def losses(parsed: train.Parsed) -> Losses:
    """The gold events ``parsed`` misses and its main events that match none, as both rounds' counts read them."""
    ctx = parsed.ctx
    starts = [start for start, _end in ctx.sent_bounds]
    hand, main = mains(parsed)
    order = numpy.argsort(-numpy.array(hand))
    hit: set[int] = set().union(*(parsed.matches[r] for r in numpy.flatnonzero(main)))
    missed: list[int | None] = []
    for g in range(parsed.n_gold):
        if g in hit:
            continue
        rows = [r for r, m in enumerate(parsed.matches) if g in m]
        missed.append(max(rows, key=lambda r: hand[r]) if rows else None)
    false = [int(r) for r in numpy.flatnonzero(main) if not parsed.matches[r]]
    sentence = {r: max(0, bisect_right(starts, parsed.verbs[r]) - 1) for r in [*missed, *false] if r is not None}
    return Losses(hand, {int(r): n for n, r in enumerate(order)},
                  max(salience.MIN_MAIN_SALIENCE, salience.MAIN_RELATIVE * max(hand, default=0.0)), missed, false,
                  sentence)


def counts(parses: list[train.Parsed]) -> Counter[tuple[str, ...]]:
    """The writing sets' losses by class: (kind, position, tense or clause, ...)."""
    out: Counter[tuple[str, ...]] = Counter()
    for parsed in parses:
        lost = losses(parsed)
        for best in lost.missed:
            if best is None:
                out[("gold missed", "no event")] += 1
                continue
            verb = parsed.ctx.doc[parsed.verbs[best]]
            blocked = "over floor" if lost.hand[best] >= lost.floor else "under floor"
            out[("gold missed", _position(lost.sentence[best]), "past" if salience._past(verb) else "other",
                 blocked, "rank<11" if lost.rank[best] < salience.MAX_MAIN else "rank11+")] += 1
        for r in lost.false:
            event, verb = parsed.events[r], parsed.ctx.doc[parsed.verbs[r]]
            out[("false main", _position(lost.sentence[r]), "past" if salience._past(verb) else "other",
                 event.modality, verb.dep_)] += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/main11"))
    parser.add_argument("--counts", action="store_true")
    parser.add_argument("--grid", action="store_true")
    parser.add_argument("--learned", action="store_true", help="the learned ranker's leave-one-set-out figures")
    args = parser.parse_args()
    if args.learned:  # train.py's cross-validation over this round's writing sets (no nested loop)
        cv = train.cross_validate(train.collect(args.corpus, args.cache, WRITING_SETS), True, WRITING_SETS)
        print({key: cv[key] for key in ("lambda", "threshold", "relative", "pooled")})
        return
    names = WRITING_SETS if (args.grid or args.counts) else WRITING_SETS + CHECK_SETS
    parses = {name: train.collect_parses(args.corpus, args.cache, name) for name in names}
    writing = [p for name in WRITING_SETS for p in parses[name]]
    if args.counts:
        for key, n in sorted(counts(writing).items(), key=lambda kv: -kv[1]):
            print(f"{n:5} {' / '.join(key)}")
        return
    if args.grid:
        print(f"shipped: {line(tally(writing))}", flush=True)
        defaults = salience.main_count.__defaults__
        for name, values in GRID.items():
            shipped = getattr(salience, name)
            for value in values:
                setattr(salience, name, value)
                if name == "MAX_MAIN":  # main_count binds the cap as its default argument
                    salience.main_count.__defaults__ = (defaults[0], value)
                print(f"{name} {value}: {line(tally(writing))}", flush=True)
            setattr(salience, name, shipped)
            salience.main_count.__defaults__ = defaults
        return
    for name in names:
        role = "check" if name in CHECK_SETS else "development"
        print(f"{name:8} ({role}): {line(tally(parses[name]))}")
    print(f"writing  (development): {line(tally(writing))}")


if __name__ == "__main__":
    main()
