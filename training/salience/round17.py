"""Round 17: main-event precision and recall on every article — candidate factors scored on the cached writing sets,
chosen leave-one-writing-set-out, and report11's losses read.

Split (written before any figure): rules on the **writing sets** ``WRITING_SETS`` (round 16's writing sets and the
released report11; errors read; development figures); **check sets** ``CHECK_SETS`` (report5 and dev,
``main_events_handchecked.json``): never loaded here; they are scored with ``benchmarks/score_main_events.py``, once
before and once after each rule meant to be kept, never beside a grid. A change ships only if it raises the writing
sets' F1 (all articles, and long or short as it targets) and lowers neither check set's P, R or F1; a factor is
chosen leave-one-writing-set-out (``--loso NAME``) and the pooled held-out-fold figure is reported.

Without options, the shipped score on each writing set, all, long and short. ``--grid NAME`` scores the candidate
``NAME`` of ``CANDIDATES`` at each factor of its grid on top of the shipped hand score (``round16.with_extra``);
``--loso NAME`` chooses its factor on every fold (ties to the one nearest 1.0, no rule) by the F1 of its scope.
The candidates: ``non-finite-long`` and ``non-finite-all`` (a base form or gerund, VB or VBG, after the lead),
``scene-short`` (round 16's change-of-scene boost in short articles), ``first-statement-all`` and
``first-statement-short`` (a party's first "say" or "tell", ``first_statements``), ``repeat-long`` and
``repeat-all`` (round 16's acts told again, ``round16.repeats``); none was kept (docs/quality.md, "2026-12-08,
round 17: main events").
``--losses SET`` prints the main events that match nothing and the gold events missed of one writing set's
articles (``--short`` for its short articles only), with their sentence, score and rank.

Example (from the repository root; the parses are those ``train.collect_parses`` caches):
    PYTHONPATH=src NEWSGRAPH_SHARED=/work/shared python training/salience/round17.py \\
        --corpus /work/shared/corpus --cache /tmp/main17/fresh [--grid NAME] [--loso NAME] [--losses report11]
"""

from __future__ import annotations

import argparse
import json
from bisect import bisect_right
from collections.abc import Callable
from pathlib import Path

import round11  # training/salience/round11.py: the hand marks, the tally and the losses
import round16  # training/salience/round16.py: long articles, the extra factor, the repeated acts
import train  # training/salience/train.py: the cache

from newsgraph.extract.events import salience

#: The sets the round-17 rules are written on (errors read): round 16's and the released report11.
WRITING_SETS = (*round16.WRITING_SETS, "report11")
#: Scored with the scorer for totals only; never loaded here.
CHECK_SETS = ("report5", "dev")
#: A candidate: (scope it targets, its factor grid with 1.0 first, the factor of one event at x).
Extra = Callable[..., float]


def _after_lead(k: int) -> bool:
    return k >= salience.LEAD_SENTENCES


def _non_finite_long(x: float) -> Extra:
    return lambda parsed, r, k, event, verb: x if round16.is_long(parsed) and _after_lead(k) \
        and verb.tag_ in round16.NON_FINITE_TAGS else 1.0


def _non_finite_all(x: float) -> Extra:
    return lambda parsed, r, k, event, verb: x if _after_lead(k) and verb.tag_ in round16.NON_FINITE_TAGS else 1.0


def _scene_short(x: float) -> Extra:
    scenes: dict[int, set[int]] = {}

    def extra(parsed, r, k, event, verb) -> float:
        if round16.is_long(parsed) or not _after_lead(k):
            return 1.0
        if id(parsed) not in scenes:
            scenes[id(parsed)] = salience.scene_sentences(parsed.ctx)
        return x if k in scenes[id(parsed)] else 1.0
    return extra


def _repeat(x: float, long_only: bool) -> Extra:
    rows: dict[int, set[int]] = {}

    def extra(parsed, r, k, event, verb) -> float:
        if long_only and not round16.is_long(parsed):
            return 1.0
        if id(parsed) not in rows:
            rows[id(parsed)] = round16.repeats(parsed)
        return x if r in rows[id(parsed)] else 1.0
    return extra


#: Predicates of a statement ("said", "told"): uncoded speech, which ``GENERIC_PREDICATES`` discounts.
SPEECH_HEADS = frozenset({"say", "tell"})


def first_statements(parsed: train.Parsed) -> set[int]:
    """The rows of the events that are a party's first statement in the article: a "say" or "tell" whose actor
    entity has no earlier such event."""
    spoke: set[str] = set()
    out: set[int] = set()
    for r in sorted(range(len(parsed.events)), key=lambda r: parsed.verbs[r]):
        event = parsed.events[r]
        if event.actor is None or round16._head(event.predicate) not in SPEECH_HEADS:
            continue
        if event.actor not in spoke:
            out.add(r)
        spoke.add(event.actor)
    return out


def _first_statement(x: float, scope: str) -> Extra:
    rows: dict[int, set[int]] = {}

    def extra(parsed, r, k, event, verb) -> float:
        if scope != "all" and round16.is_long(parsed) != (scope == "long"):
            return 1.0
        if id(parsed) not in rows:
            rows[id(parsed)] = first_statements(parsed)
        return x if r in rows[id(parsed)] else 1.0
    return extra


CANDIDATES: dict[str, tuple[str, tuple[float, ...], Callable[[float], Extra]]] = {
    "non-finite-long": ("long", (1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4), _non_finite_long),
    "non-finite-all": ("all", (1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4), _non_finite_all),
    "scene-short": ("short", (1.0, 1.1, 1.2, 1.25, 1.3, 1.4), _scene_short),
    "first-statement-all": ("all", (1.0, 1.25, 1.5, 2.0, 2.5, 3.0), lambda x: _first_statement(x, "all")),
    "first-statement-short": ("short", (1.0, 1.25, 1.5, 2.0, 2.5, 3.0), lambda x: _first_statement(x, "short")),
    "repeat-long": ("long", (1.0, 0.9, 0.8, 0.7, 0.5), lambda x: _repeat(x, True)),
    "repeat-all": ("all", (1.0, 0.9, 0.8, 0.7, 0.5), lambda x: _repeat(x, False)),
}


def scoped(parses: list[train.Parsed], scope: str) -> list[train.Parsed]:
    if scope == "all":
        return parses
    return [p for p in parses if round16.is_long(p) == (scope == "long")]


def counts(parses: list[train.Parsed]) -> list[int]:
    t = round11.tally(parses)
    return [t["main"], t["matched"], t["gold"], t["recalled"]]


def summary(parses: list[train.Parsed]) -> str:
    return "; ".join(f"{scope} {round11.line(round11.tally(scoped(parses, scope)))}"
                     for scope in ("all", "long", "short"))


def grid(parses: dict[str, list[train.Parsed]], name: str) -> None:
    writing = [p for ps in parses.values() for p in ps]
    _scope, factors, make = CANDIDATES[name]
    for x in factors:
        round16.with_extra(writing, make(x))
        print(f"{name} x{x}: {summary(writing)}")
        report11 = parses["report11"]
        print(f"    report11: {summary(report11)}")


def loso(parses: dict[str, list[train.Parsed]], name: str) -> None:
    """Leave one writing set out: the factor chosen on the others by the F1 of the candidate's scope (ties to the
    factor nearest 1.0), scored on the one left out; the held-out folds pooled, in scope and on all articles."""
    scope, factors, make = CANDIDATES[name]
    writing = [p for ps in parses.values() for p in ps]
    table: dict[tuple[str, float, str], list[int]] = {}
    for x in factors:
        round16.with_extra(writing, make(x))
        for set_name, ps in parses.items():
            for s in {scope, "all"}:
                table[(set_name, x, s)] = counts(scoped(ps, s))
    pooled = {s: ([0, 0, 0, 0], [0, 0, 0, 0]) for s in {scope, "all"}}
    for held in parses:
        def others(x: float, held: str = held) -> float:
            return round(round16._f1([sum(table[(n, x, scope)][i] for n in parses if n != held)
                                      for i in range(4)]), 4)
        best = max(factors, key=lambda x: (others(x), -abs(x - 1.0)))
        for s, (before, after) in pooled.items():
            for i in range(4):
                before[i] += table[(held, 1.0, s)][i]
                after[i] += table[(held, best, s)][i]
        print(f"{held:8} chose {best}: {scope} {table[(held, 1.0, scope)]} -> {table[(held, best, scope)]}"
              " ([main, matched, gold, recalled])")
    for s, (before, after) in pooled.items():
        print(f"pooled held-out {s}: {before} F1 {round16._f1(before):.3f} -> {after} F1 {round16._f1(after):.3f}")


def show_losses(parsed: train.Parsed, entry: dict) -> None:
    """One article's main events that match nothing and gold events missed, with sentence, score and rank."""
    ctx = parsed.ctx
    lost = round11.losses(parsed)
    starts = [s for s, _e in ctx.sent_bounds]
    print(f"== {entry.get('id') or entry.get('path') or entry.get('file')} ({len(ctx.doc.text)} chars, "
          f"{len(starts)} sentences)")
    for r in lost.false:
        event = parsed.events[r]
        print(f"  FALSE s{lost.sentence[r]} {lost.hand[r]:.3f} #{lost.rank[r]} {event.predicate!r} "
              f"actor={event.actor_text!r} tag={ctx.doc[parsed.verbs[r]].tag_}")
    missed_gold = [g for g in range(parsed.n_gold)
                   if g not in set().union(*(parsed.matches[r] for r, m in enumerate(round11.mains(parsed)[1]) if m))]
    for g, r in zip(missed_gold, lost.missed, strict=True):
        gold = entry["events"][g]
        where = f"s{max(0, bisect_right(starts, parsed.verbs[r]) - 1)} {lost.hand[r]:.3f} #{lost.rank[r]} " \
                f"{parsed.events[r].predicate!r} tag={ctx.doc[parsed.verbs[r]].tag_}" if r is not None else "no event"
        print(f"  MISS  {gold.get('predicate')!r} {gold.get('actor')!r}: {where}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/main17/fresh"))
    parser.add_argument("--grid", choices=sorted(CANDIDATES))
    parser.add_argument("--loso", choices=sorted(CANDIDATES))
    parser.add_argument("--losses", choices=WRITING_SETS)
    parser.add_argument("--short", action="store_true", help="with --losses: the short articles only")
    args = parser.parse_args()

    parses = {name: train.collect_parses(args.corpus, args.cache, name) for name in WRITING_SETS}
    if args.grid:
        grid(parses, args.grid)
        return
    if args.loso:
        loso(parses, args.loso)
        return
    if args.losses:
        entries = json.loads(train.DATA_SETS[args.losses].read_text(encoding="utf-8"))["articles"]
        for parsed, entry in zip(parses[args.losses], entries, strict=True):
            if not (args.short and round16.is_long(parsed)):
                show_losses(parsed, entry)
        return
    for name, ps in parses.items():
        print(f"{name:8} ({sum(map(round16.is_long, ps))} long of {len(ps)}): {summary(ps)}")
    print(f"writing sets: {summary([p for ps in parses.values() for p in ps])}")


if __name__ == "__main__":
    main()
