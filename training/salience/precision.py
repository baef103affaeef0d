"""Main-event figures of the hand score per set from cached parses, with the round-9 precision rules on or off.

The parses come from ``train.collect_parses`` (one pipeline run per article, pickled per set in ``--cache``), so
the rules of ``salience.py`` are recomputed without a parse; the tally is the scorer's
(``benchmarks/score_main_events.py``). ``--without`` sets ``PRESENT_FACTOR`` and ``HYPOTHETICAL_FACTOR`` to 1,
the score before the rules. ``--classes`` counts, on the writing sets only, the main events after the lead
that match no gold event by the class the rules were written on (simple present, hypothetical, perfect).
The check sets (``CHECK_SETS``) are scored for totals only.

Example (from the repository root):
    PYTHONPATH=src NEWSGRAPH_SHARED=/work/shared python training/salience/precision.py \\
        --corpus /work/shared/corpus --cache /tmp/main9 [--without] [--classes]
"""

from __future__ import annotations

import argparse
from bisect import bisect_right
from collections import Counter
from pathlib import Path
from typing import Any

import numpy
import train  # training/salience/train.py: the cache and the tally

from newsgraph.extract.events import salience

#: The sets the round-9 rules were written on (errors read).
WRITING_SETS = ("dev2", "dev3", "dev4", "report2", "report3", "report4")
#: Scored for totals only, errors never read.
CHECK_SETS = ("report5", "dev")
#: From this many sentences an article counts as long (the length where precision was lowest, round 8).
LONG_ARTICLE = 50
PERFECT_AUXILIARIES = frozenset({"has", "have", "had", "'s", "'ve", "'d"})


def _line(t: dict[str, Any]) -> str:
    return (f"P {t['precision']:.4f} ({t['main_matched']}/{t['main']})  R {t['recall']:.4f} "
            f"({t['gold_recalled']}/{t['gold']})  F1 {t['f1']:.3f}")


def classes(parses: list[train.Parsed], articles: list[train.Article]) -> Counter[str]:
    """Main events after the lead by whether they match a gold event and by class (an event may be in several)."""
    counts: Counter[str] = Counter()
    for parsed, art in zip(parses, articles, strict=True):
        ctx = parsed.ctx
        starts = [start for start, _end in ctx.sent_bounds]
        for r in numpy.flatnonzero(art.hand_main):
            verb = ctx.doc[parsed.verbs[r]]
            if bisect_right(starts, verb.i) - 1 < salience.LEAD_SENTENCES:  # the sentence index, as salience finds it
                continue
            outcome = "matched" if art.matches[r] else "unmatched"
            auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
            counts[f"{outcome} all"] += 1
            if salience._simple_present(verb):
                counts[f"{outcome} simple present"] += 1
            if parsed.events[r].modality in salience.HYPOTHETICAL_MODALITIES:
                counts[f"{outcome} hypothetical"] += 1
            if verb.tag_ == "VBN" and auxiliaries & PERFECT_AUXILIARIES:
                counts[f"{outcome} perfect"] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/salience"))
    parser.add_argument("--without", action="store_true", help="the score before the round-9 rules")
    parser.add_argument("--classes", action="store_true", help="unmatched main events by class, writing sets")
    args = parser.parse_args()
    if args.without:
        salience.PRESENT_FACTOR = salience.HYPOTHETICAL_FACTOR = 1.0
    pooled: list[train.Article] = []
    pooled_parses: list[train.Parsed] = []
    for name in WRITING_SETS + CHECK_SETS:
        parses = train.collect_parses(args.corpus, args.cache, name)
        arts = [train.article(p) for p in parses]
        role = "check" if name in CHECK_SETS else "development"
        print(f"{name:8} ({role}): {_line(train.tally(arts, [a.hand_main for a in arts]))}")
        if name in WRITING_SETS:
            pooled += arts
            pooled_parses += parses
    print(f"writing sets pooled (development): {_line(train.tally(pooled, [a.hand_main for a in pooled]))}")
    long = [a for a in pooled if a.n_sentences >= LONG_ARTICLE]
    print(f"  of them, {LONG_ARTICLE}+ sentences: {_line(train.tally(long, [a.hand_main for a in long]))}")
    if args.classes:
        for key, n in sorted(classes(pooled_parses, pooled).items()):
            print(f"  {key}: {n}")


if __name__ == "__main__":
    main()
