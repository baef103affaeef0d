"""Round 13: main events in long articles — the writing sets' losses in long articles by class, and the figures
of long and short articles apart.

Split (written before any figure): rules on the **writing sets** ``WRITING_SETS`` (dev2, a long-article set,
dev3, dev4, report2, report3, report4, report6 and the released report7 and report8; errors read); **check sets**
``CHECK_SETS`` (report5 and dev, ``main_events_handchecked.json``): totals only, their losses never read. A change
ships only if it raises the writing sets' F1 (long articles and all) and lowers neither check set's P, R or F1.
A long article is one whose clean text is over ``LONG_CHARS`` (5 kB; the scorer's ``--long``).

``--counts`` prints the classes of the long articles' losses on the writing sets: gold events with no event,
gold events whose best event is not main (by position, tense, speech, rank), and main events that match
nothing (by position, tense, clause, speech). Without it, the shipped score on every set, long and short apart
(check sets: totals).

Example (from the repository root; the parses are those ``train.collect_parses`` caches):
    PYTHONPATH=src NEWSGRAPH_SHARED=/work/shared python training/salience/round13.py \\
        --corpus /work/shared/corpus --cache /tmp/main13 [--counts]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

import round11  # training/salience/round11.py: the hand marks and the tally
import train  # training/salience/train.py: the cache

from newsgraph.extract.events import salience

#: The sets the round-13 rules are written on (errors read).
WRITING_SETS = ("dev2", "dev3", "dev4", "report2", "report3", "report4", "report6", "report7", "report8")
#: Scored for totals only, errors and losses never read.
CHECK_SETS = ("report5", "dev")
#: A long article: clean text over 5 kB, the salience score's own bound (``benchmarks/score_main_events.py``'s too).
LONG_CHARS = salience.LONG_ARTICLE_CHARS


def is_long(parsed: train.Parsed) -> bool:
    return len(parsed.ctx.doc.text) > LONG_CHARS


def _position(k: int) -> str:
    if k < salience.LEAD_SENTENCES:
        return "lead"
    if k < 10:
        return "2-9"
    return "10-19" if k < 20 else ("20-39" if k < 40 else "40+")


def _rank(rank: int) -> str:
    return "rank<=11" if rank < salience.MAX_MAIN else ("rank12-20" if rank < 20 else "rank21+")


def _speech(event: Any, verb: Any, ctx: Any) -> str:
    return "cue" if ctx.is_cue(verb) else "act"


def counts(parses: list[train.Parsed]) -> Counter[tuple[str, ...]]:
    """The losses by class: (kind, position, tense, ...)."""
    out: Counter[tuple[str, ...]] = Counter()
    for parsed in parses:
        ctx = parsed.ctx
        lost = round11.losses(parsed)
        for best in lost.missed:
            if best is None:
                out[("gold missed", "no event")] += 1
                continue
            verb = ctx.doc[parsed.verbs[best]]
            out[("gold missed", _position(lost.sentence[best]), "past" if salience._past(verb) else "other",
                 _speech(parsed.events[best], verb, ctx),
                 "over floor" if lost.hand[best] >= lost.floor else "under floor",
                 _rank(lost.rank[best]))] += 1
        for r in lost.false:
            event, verb = parsed.events[r], ctx.doc[parsed.verbs[r]]
            out[("false main", _position(lost.sentence[r]), "past" if salience._past(verb) else "other",
                 _speech(event, verb, ctx), event.modality, verb.dep_)] += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/main13"))
    parser.add_argument("--counts", action="store_true")
    args = parser.parse_args()
    names = WRITING_SETS if args.counts else WRITING_SETS + CHECK_SETS
    parses = {name: train.collect_parses(args.corpus, args.cache, name) for name in names}
    writing = [p for name in WRITING_SETS for p in parses[name]]
    if args.counts:
        for key, n in sorted(counts([p for p in writing if is_long(p)]).items(), key=lambda kv: -kv[1]):
            print(f"{n:5} {' / '.join(key)}")
        return
    for name in names:
        role = "check" if name in CHECK_SETS else "development"
        line = round11.line(round11.tally(parses[name]))
        if name in CHECK_SETS:  # totals only, long and short apart
            longs = [p for p in parses[name] if is_long(p)]
            print(f"{name:8} ({role}): {line}; {len(longs)} long: "
                  f"{round11.line(round11.tally(longs)) if longs else '-'}")
            continue
        n_long = sum(is_long(p) for p in parses[name])
        print(f"{name:8} ({role}, {n_long} long of {len(parses[name])}): {line}")
    for part, keep in (("long", True), ("short", False)):
        part_parses = [p for p in writing if is_long(p) is keep]
        print(f"writing {part:5} (development): {round11.line(round11.tally(part_parses))}")
    print(f"writing all   (development): {round11.line(round11.tally(writing))}")


if __name__ == "__main__":
    main()
