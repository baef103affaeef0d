"""How central the participants of the main events and of the missed gold events are, from cached parses.

Round 9 found the gold events the hand score misses in long articles to be past-tense acts of people and
organisations it does not rank as central. This counts, on the writing sets only (``WRITING_SETS``, errors
read), the main events that match a gold event, those that match none and the gold events no main event
matches, by the centrality of the event's participants (``participant_centrality``: the actor's or target's
mentions against the article's most mentioned entity, at least ``LEAD_CENTRALITY`` when the headline or lead
names it, 1 for the article's main entity) and by position (lead, sentences 2-9, 10 on); and all events, by
position, centrality and tense (``salience._past``). A missed gold event is counted by the best-scored event
that matches it (none: ``no event``). ``--grid`` scores the hand score on the writing sets only (nothing is
chosen on the check sets) under the centrality factors tried (``FORMS``) and ``salience.PAST_FACTOR``
over ``PAST_GRID``; without it the shipped score is scored on every set, the check sets (``CHECK_SETS``) for
totals only. ``--without`` sets ``PAST_FACTOR`` to 1, the score before round 10.

Example (from the repository root):
    PYTHONPATH=src NEWSGRAPH_SHARED=/work/shared python training/salience/centrality.py \\
        --corpus /work/shared/corpus --cache /tmp/main10 [--grid] [--without]
"""

from __future__ import annotations

import argparse
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy
import train  # training/salience/train.py: the cache and the tally

from newsgraph.extract.events import salience

#: The sets the round-10 rule is written on (errors read).
WRITING_SETS = ("dev2", "dev3", "dev4", "report2", "report3", "report4")
#: Scored for totals only, errors and losses never read.
CHECK_SETS = ("report5", "report6", "dev")
#: An entity the headline or lead names is central to at least this much.
LEAD_CENTRALITY = 0.5
#: ``PAST_FACTOR`` values tried.
PAST_GRID = (1.0, 1.1, 1.2, 1.3, 1.4, 1.5)
#: Position classes by sentence index: the lead, the first paragraphs after it, the rest.
POSITION_CLASSES = ((salience.LEAD_SENTENCES, "lead"), (10, "2-9"), (10**9, "10+"))


def participant_table(ctx: Any) -> dict[str, float]:
    """Each entity's centrality to the article (0-1): its mentions over the most mentioned entity's, at least
    ``LEAD_CENTRALITY`` when the headline or lead names it, 1 for the main (most salient) entity."""
    entities = {m.entity.id: m.entity for m in ctx.mentions_by_token.values()}
    if not entities:
        return {}
    most = max(len(entity.mentions) for entity in entities.values()) or 1
    lead_end = ctx.sent_bounds[min(salience.LEAD_SENTENCES, len(ctx.sent_bounds)) - 1][1]
    main_entity = max(entities.values(), key=lambda entity: entity.salience).id
    table = {}
    for entity_id, entity in entities.items():
        share = len(entity.mentions) / most
        first = ctx.first_mentions.get(entity_id)
        if first is not None and first.start < lead_end:
            share = max(share, LEAD_CENTRALITY)
        table[entity_id] = 1.0 if entity_id == main_entity else min(1.0, share)
    return table


def participant_centrality(event: Any, table: dict[str, float]) -> float:
    """The best centrality of the event's actor and target entities (0 when neither is an entity)."""
    return max(table.get(event.actor or "", 0.0), table.get(event.target or "", 0.0))


#: A centrality factor over the shipped score: (score, centrality, sentence index, past tense) -> new score.
Form = Callable[[float, float, int, bool], float]


def _after_lead(k: int) -> bool:
    return k >= salience.LEAD_SENTENCES


#: The centrality factors tried over the shipped hand score, by name.
FORMS: dict[str, Form] = {
    **{f"add {w}": (lambda s, c, k, p, w=w: s + w * c) for w in (0.05, 0.1, 0.15)},
    **{f"scale after lead 1+{b}c": (lambda s, c, k, p, b=b: s * (1 + b * c) if _after_lead(k) else s)
       for b in (-0.1, 0.1, 0.2)},
    **{f"peripheral c<{low} x{f}": (lambda s, c, k, p, low=low, f=f: s * f if _after_lead(k) and c < low else s)
       for low in (0.01, 0.2, 0.3) for f in (0.9, 0.8, 0.7)},
    **{f"central past x{m}": (lambda s, c, k, p, m=m: s * m if p and c >= LEAD_CENTRALITY else s) for m in (1.1, 1.2)},
}


def _with_form(form: Form, shipped: Callable[..., list[float]]) -> Callable[..., list[float]]:
    """The hand score ``shipped`` (``salience.hand_saliences``) with ``form`` applied to each event's score."""

    def scores(ctx: Any, found: list[Any]) -> list[float]:
        table = participant_table(ctx)
        starts = [start for start, _end in ctx.sent_bounds]
        return [min(1.0, form(score, participant_centrality(event, table), max(0, bisect_right(starts, verb.i) - 1),
                              salience._past(verb)))
                for score, (event, verb) in zip(shipped(ctx, found), found, strict=True)]

    return scores


def _position(k: int) -> str:
    return next(name for bound, name in POSITION_CLASSES if k < bound)


def _class(centrality: float) -> str:
    """A bin of the participant centrality."""
    if centrality <= 0.0:
        return "c=0"
    if centrality < 0.25:
        return "c<.25"
    if centrality < 0.5:
        return "c<.5"
    if centrality < 1.0:
        return "c<1"
    return "c=1"


def _line(t: dict[str, Any]) -> str:
    return (f"P {t['precision']:.4f} ({t['main_matched']}/{t['main']})  R {t['recall']:.4f} "
            f"({t['gold_recalled']}/{t['gold']})  F1 {t['f1']:.3f}")


def counts(parses: list[train.Parsed], articles: list[train.Article]) -> Counter[tuple[str, str, str]]:
    """(outcome, position, centrality class) counts over the articles."""
    out: Counter[tuple[str, str, str]] = Counter()
    for parsed, art in zip(parses, articles, strict=True):
        ctx = parsed.ctx
        starts = [start for start, _end in ctx.sent_bounds]
        table = participant_table(ctx)
        ks = [max(0, bisect_right(starts, v) - 1) for v in parsed.verbs]
        cents = [participant_centrality(e, table) for e in parsed.events]
        hit: set[int] = set()
        for r in numpy.flatnonzero(art.hand_main):
            outcome = "main matched" if art.matches[r] else "main unmatched"
            out[(outcome, _position(ks[r]), _class(cents[r]))] += 1
            hit |= art.matches[r]
        for g in range(art.n_gold):
            if g in hit:
                continue
            rows = [r for r, m in enumerate(art.matches) if g in m]
            if not rows:
                out[("gold missed", "-", "no event")] += 1
                continue
            best = max(rows, key=lambda r: art.hand[r])
            out[("gold missed", _position(ks[best]), _class(cents[best]))] += 1
    return out


def rates(parses: list[train.Parsed], articles: list[train.Article]) -> Counter[tuple[str, str, bool, str]]:
    """All events after the lead by (position, centrality class, past tense, "events" | "gold" | "main" |
    "main gold"): how many there are, match a gold event, are main, are main and match."""
    out: Counter[tuple[str, str, bool, str]] = Counter()
    for parsed, art in zip(parses, articles, strict=True):
        ctx = parsed.ctx
        starts = [start for start, _end in ctx.sent_bounds]
        table = participant_table(ctx)
        for r, (event, i) in enumerate(zip(parsed.events, parsed.verbs, strict=True)):
            k = max(0, bisect_right(starts, i) - 1)
            if not _after_lead(k):
                continue
            key = (_position(k), _class(participant_centrality(event, table)), salience._past(ctx.doc[i]))
            out[(*key, "events")] += 1
            out[(*key, "gold")] += bool(art.matches[r])
            out[(*key, "main")] += bool(art.hand_main[r])
            out[(*key, "main gold")] += bool(art.hand_main[r] and art.matches[r])
    return out


def _rates_table(c: Counter[tuple[str, str, bool, str]]) -> None:
    print("events after the lead matching a gold event / events (main events matching / main events)")
    for pos in ("2-9", "10+"):
        for past in (True, False):
            cells = [f"{k} {c[(pos, k, past, 'gold')]}/{c[(pos, k, past, 'events')]} "
                     f"({c[(pos, k, past, 'main gold')]}/{c[(pos, k, past, 'main')]})"
                     for k in ("c=0", "c<.25", "c<.5", "c<1", "c=1")]
            print(f"{pos:4} {'past' if past else 'other':5} " + "  ".join(cells))


def _table(c: Counter[tuple[str, str, str]]) -> None:
    classes = ("c=0", "c<.25", "c<.5", "c<1", "c=1")
    print(f"{'outcome':16} {'position':8} " + " ".join(f"{k:>6}" for k in classes))
    for outcome in ("main matched", "main unmatched", "gold missed"):
        for _bound, pos in POSITION_CLASSES:
            print(f"{outcome:16} {pos:8} " + " ".join(f"{c[(outcome, pos, k)]:6}" for k in classes))
    print(f"gold missed with no event: {c[('gold missed', '-', 'no event')]}")


def _score_sets(parses: dict[str, list[train.Parsed]], names: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    out = {}
    pooled: list[train.Article] = []
    for name in names:
        arts = [train.article(p) for p in parses[name]]
        out[name] = train.tally(arts, [a.hand_main for a in arts])
        pooled += arts if name in WRITING_SETS else []
    out["writing"] = train.tally(pooled, [a.hand_main for a in pooled])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/main10"))
    parser.add_argument("--without", action="store_true", help="the hand score without the centrality factor")
    parser.add_argument("--grid", action="store_true", help="score a grid of the factor's weights")
    args = parser.parse_args()
    if args.without:
        salience.PAST_FACTOR = 1.0
    names = WRITING_SETS if args.grid else WRITING_SETS + CHECK_SETS
    parses = {name: train.collect_parses(args.corpus, args.cache, name) for name in names}
    if args.grid:
        shipped_scores, shipped_past = salience.hand_saliences, salience.PAST_FACTOR

        def show(label: str) -> None:
            figures = _score_sets(parses, WRITING_SETS)
            print(f"{label}: " + "  ".join(
                f"{name} {figures[name]['precision']:.3f}/{figures[name]['recall']:.3f}/{figures[name]['f1']:.3f}"
                for name in ("writing", *WRITING_SETS)), flush=True)

        for past in PAST_GRID:
            salience.PAST_FACTOR = past
            show(f"PAST_FACTOR {past}")
        salience.PAST_FACTOR = shipped_past
        for label, form in FORMS.items():
            salience.hand_saliences = _with_form(form, shipped_scores)
            show(f"PAST_FACTOR {shipped_past}, {label}")
        salience.hand_saliences = shipped_scores
        return
    figures = _score_sets(parses, WRITING_SETS + CHECK_SETS)
    for name in (*WRITING_SETS, "writing", *CHECK_SETS):
        role = "check" if name in CHECK_SETS else "development"
        print(f"{name:8} ({role}): {_line(figures[name])}")
    writing = [p for name in WRITING_SETS for p in parses[name]]
    arts = [train.article(p) for p in writing]
    _table(counts(writing, arts))
    _rates_table(rates(writing, arts))


if __name__ == "__main__":
    main()
