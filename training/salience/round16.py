"""Round 16: main events in long articles, recall — the long articles' gold events no main event matches, by
class, and the leave-one-set-out choice of the rule kept.

Split (written before any figure): rules on the **writing sets** ``WRITING_SETS`` (dev2, dev3, dev4, report2,
report3, report4, report6, report7, report8, report9 and the released report10; errors read); **check sets**
``CHECK_SETS`` (report5 and dev, ``main_events_handchecked.json``): never loaded here; they are scored with
``benchmarks/score_main_events.py``, once before and once after each rule meant to be kept, never beside a grid.
A change ships only if it raises the writing sets' F1 (long articles and all) and lowers neither check set's P, R
or F1.

``--counts`` prints report10's and report9's long-article misses by class: no event in the gold event's sentence,
events there but none with a gold predicate, or the rank of its best matching event; each by where the gold event
stands in the article (lead, first fifth, middle, last two fifths) and whether its sentence changes the scene.
``--scene`` prints, for the events of the writing sets' long articles after the lead, how often one matches a gold
event in a sentence that changes the scene (``salience.scene_sentences``) and in the others, main and not.
``--loso`` the leave-one-set-out choice of ``salience.SCENE_FACTOR`` on the long articles. Without any, the shipped
score on each writing set, long and all. ``--no-scene`` scores with ``SCENE_FACTOR`` = 1.0 (the figures before).

Precision (the second subsection of the round): ``--false`` prints report10's and report9's long-article main events
by the class of their actor (an abstract subject, ``salience.abstract_subject``; a NORP group; one of the lead's
parties; another entity; an unresolved phrase; none), before or after the lead, and how many match no gold event.
``--no-precision`` scores with ``ABSTRACT_SUBJECT_FACTOR`` and ``GROUP_ACTOR_FACTOR`` at 1.0 (the figures before).

Repeated acts (the third subsection): ``--repeats`` prints, for the writing sets' long articles after the lead,
the events that tell again an act the article told before (``repeats``: the same actor entity, the same predicate
lemma or a CAMEO code of the same root, as the corpus events compare reports, ``store.event_clusters``, and the
same target), main and not, by whether the actor is one of the lead's parties, with how many match a gold event;
then the score with such events at ``REPEAT_GRID``'s factors, for every earlier act and for the lead's acts only.
``--non-finite X`` scores with a base-form or gerund verb (VB, VBG) after the lead of a long article at X (the rule
tested on the check sets and not kept).

Example (from the repository root; the parses are those ``train.collect_parses`` caches):
    PYTHONPATH=src NEWSGRAPH_SHARED=/work/shared python training/salience/round16.py \\
        --corpus /work/shared/corpus --cache /tmp/main16/fresh [--counts] [--scene] [--loso] [--no-scene] \\
        [--false] [--no-precision]
"""

from __future__ import annotations

import argparse
import json
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import round11  # training/salience/round11.py: the hand marks, the tally and the losses
import train  # training/salience/train.py: the cache
from spacy.tokens import Token

from newsgraph.extract.events import salience
from newsgraph.extract.events.context import DocContext
from newsgraph.record import Event
from newsgraph.store.event_clusters import CODE_ROOT_CHARS

#: The sets the round-16 rules are written on (errors read).
WRITING_SETS = ("dev2", "dev3", "dev4", "report2", "report3", "report4", "report6", "report7", "report8", "report9",
                "report10")
#: Scored with the scorer for totals only; never loaded here.
CHECK_SETS = ("report5", "dev")
#: The sets whose long-article misses are counted (the two long-article report sets).
COUNT_SETS = ("report10", "report9")
LONG_CHARS = salience.LONG_ARTICLE_CHARS
#: Where a sentence stands, as a share of the article's sentences: the first fifth, the middle, the rest.
FIRST_PART, MIDDLE_PART = 0.2, 0.6


def is_long(parsed: train.Parsed) -> bool:
    return len(parsed.ctx.doc.text) > LONG_CHARS


def _part(k: int, n: int) -> str:
    if k < salience.LEAD_SENTENCES:
        return "lead"
    share = k / max(1, n)
    return "first fifth" if share < FIRST_PART else ("middle" if share < MIDDLE_PART else "end")


def _rank(rank: int) -> str:
    return "rank<=11" if rank < salience.MAX_MAIN else ("rank12-20" if rank < 20 else "rank21+")


def _norm(text: str) -> str:
    return text.replace("’", "'").replace("“", '"').replace("”", '"')


def gold_sentences(parsed: train.Parsed, entry: dict) -> list[list[int]]:
    """Per gold event, the sentences (token bounds' numbers) holding one of its contexts, as the scorer finds them."""
    ctx = parsed.ctx
    text = _norm(ctx.text or ctx.doc.text)
    char_starts = [ctx.doc[s].idx for s, _e in ctx.sent_bounds]
    out = []
    for g in entry["events"]:
        contexts = g["context"] if isinstance(g["context"], list) else [g["context"]]
        ks: list[int] = []
        for c in contexts:
            pos = text.find(_norm(c))
            if pos >= 0:
                ks.append(max(0, bisect_right(char_starts, pos) - 1))
        out.append(ks)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/main16/fresh"))
    parser.add_argument("--counts", action="store_true")
    parser.add_argument("--scene", action="store_true")
    parser.add_argument("--loso", action="store_true")
    parser.add_argument("--no-scene", action="store_true", help="without the round-16 rule: the figures before")
    parser.add_argument("--false", action="store_true", help="the long articles' main events by actor class")
    parser.add_argument("--no-precision", action="store_true", help="without the round-16 precision rules")
    parser.add_argument("--repeats", action="store_true", help="acts told again after the lead, and their grid")
    parser.add_argument("--non-finite", type=float, default=None, metavar="X",
                        help="a base form or gerund after the lead of a long article at X (not shipped)")
    args = parser.parse_args()

    if args.no_scene:
        salience.SCENE_FACTOR = 1.0
    if args.no_precision:
        salience.ABSTRACT_SUBJECT_FACTOR = salience.GROUP_ACTOR_FACTOR = 1.0
    parses = {name: train.collect_parses(args.corpus, args.cache, name) for name in WRITING_SETS}
    writing = [p for name in WRITING_SETS for p in parses[name]]
    if args.non_finite is not None:
        with_extra(writing, lambda parsed, r, k, event, verb: args.non_finite
                   if is_long(parsed) and k >= salience.LEAD_SENTENCES and verb.tag_ in NON_FINITE_TAGS else 1.0)
    if args.scene:
        for key, (n, m, n_main, m_main) in sorted(scene_rates(writing).items()):
            print(f"{key:14} events {n:5}, {m:4} match ({m / n:.3f}); main {n_main:4}, {m_main:4} match; "
                  f"not main: {(m - m_main) / max(1, n - n_main):.3f} match")
        return
    if args.loso:
        loso(parses)
        return
    if args.repeats:
        repeat_table(writing)
        for scope in ("earlier", "lead"):
            for factor in REPEAT_GRID:
                rows = {id(p): repeats(p, lead_only=scope == "lead") for p in writing if is_long(p)}
                with_extra(writing, lambda parsed, r, k, event, verb, rows=rows, factor=factor:
                           factor if r in rows.get(id(parsed), ()) else 1.0)
                print(f"repeats of {scope} acts x{factor}: long "
                      f"{round11.line(round11.tally([p for p in writing if is_long(p)]))}; all "
                      f"{round11.line(round11.tally(writing))}")
        return
    if args.false:
        false_mains([p for name in COUNT_SETS for p in parses[name] if is_long(p)])
        return
    if args.counts:
        out: Counter[tuple[str, ...]] = Counter()
        for name in COUNT_SETS:
            entries = json.loads(train.DATA_SETS[name].read_text(encoding="utf-8"))["articles"]
            assert len(entries) == len(parses[name]), name
            for parsed, entry in zip(parses[name], entries, strict=True):
                if not is_long(parsed):
                    continue
                out.update(_misses(parsed, entry))
        for key, n in sorted(out.items(), key=lambda kv: -kv[1]):
            print(f"{n:5} {' / '.join(key)}")
        return
    for name in WRITING_SETS:
        longs = [p for p in parses[name] if is_long(p)]
        print(f"{name:8} ({len(longs)} long of {len(parses[name])}): {round11.line(round11.tally(parses[name]))}"
              f"; long {round11.line(round11.tally(longs)) if longs else '-'}")
    print(f"writing long: {round11.line(round11.tally([p for p in writing if is_long(p)]))}")
    print(f"writing all : {round11.line(round11.tally(writing))}")


#: The scene factors tried by ``--loso``, 1.0 (no rule) among them.
SCENE_GRID = (1.0, 1.1, 1.2, 1.25, 1.3, 1.4, 1.5)


def scene_rates(parses: list[train.Parsed]) -> dict[str, list[int]]:
    """[events, matching a gold event, main, main and matching] of the long articles' events after the lead, in a
    sentence that changes the scene and in the others."""
    out = {"scene": [0, 0, 0, 0], "no scene": [0, 0, 0, 0]}
    for parsed in parses:
        if not is_long(parsed):
            continue
        _hand, main = round11.mains(parsed)
        scene = salience.scene_sentences(parsed.ctx)
        starts = [s for s, _e in parsed.ctx.sent_bounds]
        for r, verb in enumerate(parsed.verbs):
            k = max(0, bisect_right(starts, verb) - 1)
            if k < salience.LEAD_SENTENCES:
                continue
            counts = out["scene" if k in scene else "no scene"]
            hit = bool(parsed.matches[r])
            counts[0] += 1
            counts[1] += hit
            counts[2] += bool(main[r])
            counts[3] += hit and bool(main[r])
    return out


def _counts(t: dict) -> list[int]:
    return [t["main"], t["matched"], t["gold"], t["recalled"]]


def _f1(c: list[int]) -> float:
    p, r = (c[1] / c[0] if c[0] else 0.0), (c[3] / c[2] if c[2] else 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def loso(parses: dict[str, list[train.Parsed]]) -> None:
    """Leave one writing set with long articles out: the factor chosen on the others' long articles (ties to the
    smaller), scored on the one left out; the held-out folds pooled."""
    longs = {name: [p for p in ps if is_long(p)] for name, ps in parses.items()}
    longs = {name: ps for name, ps in longs.items() if ps}
    saved = salience.SCENE_FACTOR
    table: dict[tuple[str, float], list[int]] = {}
    try:
        for factor in SCENE_GRID:
            salience.SCENE_FACTOR = factor
            for name, ps in longs.items():
                table[(name, factor)] = _counts(round11.tally(ps))
    finally:
        salience.SCENE_FACTOR = saved
    before, after = [0, 0, 0, 0], [0, 0, 0, 0]
    for held in longs:
        def others(factor: float, held: str = held) -> float:
            return round(_f1([sum(table[(n, factor)][i] for n in longs if n != held) for i in range(4)]), 4)
        best = max(SCENE_GRID, key=lambda f: (others(f), -f))
        before = [x + y for x, y in zip(before, table[(held, 1.0)], strict=True)]
        after = [x + y for x, y in zip(after, table[(held, best)], strict=True)]
        print(f"{held:8} chose {best}: {table[(held, 1.0)]} -> {table[(held, best)]} ([main, matched, gold, recalled])")
    print(f"pooled held-out long articles: {before} F1 {_f1(before):.3f} -> {after} F1 {_f1(after):.3f}")


#: The factors ``--repeats`` tries on the acts told again, 1.0 (no rule) among them.
REPEAT_GRID = (1.0, 0.85, 0.7, 0.5)
#: The verb tags of ``--non-finite``.
NON_FINITE_TAGS = frozenset({"VB", "VBG"})


def _head(predicate: str) -> str:
    return predicate.split()[0] if predicate else ""


def repeats(parsed: train.Parsed, lead_only: bool = False) -> set[int]:
    """The rows of the events after the lead that tell again an act told before them (in the lead only with
    ``lead_only``): the same actor entity, the same predicate lemma or CAMEO root, and the same target (or none)."""
    starts = [s for s, _e in parsed.ctx.sent_bounds]
    ks = [max(0, bisect_right(starts, v) - 1) for v in parsed.verbs]
    out: set[int] = set()
    for r, event in enumerate(parsed.events):
        if ks[r] < salience.LEAD_SENTENCES or event.actor is None:
            continue
        for q, told in enumerate(parsed.events):
            if not (ks[q] < salience.LEAD_SENTENCES if lead_only else ks[q] < ks[r]):
                continue
            same_what = _head(told.predicate) == _head(event.predicate) or bool(
                told.cameo and event.cameo and told.cameo[:CODE_ROOT_CHARS] == event.cameo[:CODE_ROOT_CHARS])
            if told.actor == event.actor and same_what and told.target == event.target:
                out.add(r)
                break
    return out


def repeat_table(parses: list[train.Parsed]) -> None:
    """The long articles' events after the lead by told again or new, lead party or not, main or not, and how many
    match a gold event."""
    total: Counter[tuple[str, str, str]] = Counter()
    hit: Counter[tuple[str, str, str]] = Counter()
    for parsed in parses:
        if not is_long(parsed):
            continue
        _hand, main = round11.mains(parsed)
        told = repeats(parsed)
        starts = [s for s, _e in parsed.ctx.sent_bounds]
        lead = salience._lead_entities(parsed.ctx)
        for r, event in enumerate(parsed.events):
            if max(0, bisect_right(starts, parsed.verbs[r]) - 1) < salience.LEAD_SENTENCES:
                continue
            key = ("told again" if r in told else "new", "lead party" if event.actor in lead else "other",
                   "main" if main[r] else "not main")
            total[key] += 1
            hit[key] += bool(parsed.matches[r])
    for key in sorted(total):
        print(f"{' / '.join(key):36} {total[key]:5} events, {hit[key]:4} match a gold event")


def with_extra(parses: list[train.Parsed], extra: Callable[..., float]) -> None:
    """Score every cached article with ``extra``'s factor on top of the shipped hand score (for rules tried
    without changing ``salience.py``): ``train.hand_marked`` reads ``salience.hand_saliences``, replaced here."""
    shipped = getattr(salience.hand_saliences, "shipped", salience.hand_saliences)
    by_ctx = {id(p.ctx): p for p in parses}

    def hand_saliences(ctx: DocContext, found: list[tuple[Event, Token]]) -> list[float]:
        parsed = by_ctx[id(ctx)]
        starts = [s for s, _e in ctx.sent_bounds]
        scores = shipped(ctx, found)
        return [round(min(1.0, score * extra(parsed, r, max(0, bisect_right(starts, verb.i) - 1), event, verb)), 3)
                for r, ((event, verb), score) in enumerate(zip(found, scores, strict=True))]

    hand_saliences.shipped = shipped  # type: ignore[attr-defined]
    salience.hand_saliences = hand_saliences


def actor_class(parsed: train.Parsed, event_row: int, lead: set[str]) -> str:
    """The class of an event's actor: an abstract subject, a NORP group, a lead party, another entity, an
    unresolved phrase, or none."""
    ctx = parsed.ctx
    event = parsed.events[event_row]
    verb = ctx.doc[parsed.verbs[event_row]]
    if event.actor is not None:
        types = {m.entity.id: m.entity.type for m in ctx.mentions_by_token.values()}
        if types.get(event.actor) in salience.GROUP_ACTOR_TYPES:
            return "group (NORP)"
        return "lead party" if event.actor in lead else "other entity"
    if salience.abstract_subject(ctx, event, verb):
        return "abstract subject"
    return "unresolved phrase" if event.actor_text else "no actor"


def false_mains(parses: list[train.Parsed]) -> None:
    """The main events of ``parses`` by actor class and place (lead or after), with how many match nothing."""
    total: Counter[tuple[str, str]] = Counter()
    false: Counter[tuple[str, str]] = Counter()
    for parsed in parses:
        _hand, main = round11.mains(parsed)
        starts = [s for s, _e in parsed.ctx.sent_bounds]
        lead = salience._lead_entities(parsed.ctx)
        for r, is_main in enumerate(main):
            if not is_main:
                continue
            k = max(0, bisect_right(starts, parsed.verbs[r]) - 1)
            key = ("lead" if k < salience.LEAD_SENTENCES else "after the lead", actor_class(parsed, r, lead))
            total[key] += 1
            false[key] += not parsed.matches[r]
    for key in sorted(total, key=lambda k: -false[k]):
        print(f"{false[key]:4} of {total[key]:4} match nothing: {' / '.join(key)}")
    print(f"{sum(false.values()):4} of {sum(total.values()):4} match nothing: all")


def _misses(parsed: train.Parsed, entry: dict) -> Counter[tuple[str, ...]]:
    ctx = parsed.ctx
    lost = round11.losses(parsed)
    n = len(ctx.sent_bounds)
    starts = [s for s, _e in ctx.sent_bounds]
    event_sentences = {max(0, bisect_right(starts, v) - 1) for v in parsed.verbs}
    sentences = gold_sentences(parsed, entry)
    scene = salience.scene_sentences(ctx)
    hand, main = round11.mains(parsed)
    hit = set().union(*(parsed.matches[r] for r in range(len(main)) if main[r]))
    out: Counter[tuple[str, ...]] = Counter()
    for g in range(parsed.n_gold):
        ks = sentences[g]
        where = _part(min(ks), n) if ks else "context not found"
        changed = "scene" if any(k in scene for k in ks) else "same scene"
        if g in hit:
            out[("recalled", where, changed)] += 1
            continue
        rows = [r for r, m in enumerate(parsed.matches) if g in m]
        if rows:
            best = max(rows, key=lambda r: hand[r])
            kind = _rank(lost.rank[best])
            if kind == "rank<=11":
                kind += " (caps)" if hand[best] >= lost.floor else " (floor)"
        elif any(k in event_sentences for k in ks):
            kind = "predicate mismatch"
        else:
            kind = "no event in its sentence"
        out[("missed", kind, where, changed)] += 1
    return out


if __name__ == "__main__":
    main()
