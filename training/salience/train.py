"""Fit the learned salience ranker (``newsgraph.extract.events.ranking``) on the hand-checked development sets.

Runs the pipeline once over the writing sets ``SETS`` (``benchmarks/data/main_events_dev2.json``, ``dev3``,
``dev4``, and from 2026-12-07 round 8 the released report sets ``report2`` and ``report3``; each article's event
context and events cached in ``--cache``, so features are recomputed without a parse), labels each event
positive when it matches a gold event the way
``benchmarks/score_main_events.py`` matches (its trigger in a sentence holding a gold context, its
predicate's first word one of the gold predicates), and fits an L2 logistic regression on standardised
features with numpy. The regularisation and the main-event cut (a probability floor and a share of the
article's best, under salience.py's caps) are chosen by leave-one-set-out cross-validation: fitted on
the other sets, the main events of the one left out are marked and scored as the scorer scores them; the
figures of the held-out folds are pooled. The shipped weights are then fitted on all the writing sets.

The check sets ``CHECK_SETS`` (``dev``, ``main_events_handchecked.json``, and ``report4``) are never read here;
``count.py`` and ``compare.py`` score them for totals only.

Example (from the repository root):
    PYTHONPATH=src NEWSGRAPH_SHARED=/work/shared python training/salience/train.py \\
        --corpus /work/shared/corpus --cache /tmp/salience --write
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from typing import Any

import numpy
from spacy.tokens import Token

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks import score_main_events as scorer  # noqa: E402

from newsgraph.extract.events import core, ranking, salience  # noqa: E402
from newsgraph.record import Event  # noqa: E402

#: The sets the ranker is written and fitted on (errors read); leave-one-set-out folds run over them. From
#: 2026-12-07 round 8 the report sets report2 and report3 are released for development and join dev2-dev4.
SETS = ("dev2", "dev3", "dev4", "report2", "report3")
#: Check sets: scored for totals only, their errors never read; never fitted on.
CHECK_SETS = ("dev", "report4")
#: The gold files by short name (the scorer's, and report2, which it names by path only).
DATA_SETS = {**scorer.DATA_SETS, "report2": scorer.HERE / "data" / "main_events_report2.json"}
#: L2 strengths tried for the signals other than the hand score (on the mean log-loss, standardised features).
LAMBDAS = (0.03, 0.1, 0.3, 1.0, 3.0)
#: The hand score's own features, shrunk only lightly: the hand score was written on these sets, the other
#: signals have to earn a weight against it (one L2 strength for all features fell short of the hand score
#: in cross-validation at every strength tried, 0.0001-1; docs/quality.md, round 7).
HAND_FEATURES = ("hand_score", "log_hand_score", "hand_relative", "hand_rank")
HAND_LAMBDA = 0.001
#: Probability floors and shares of the article's best tried for the main-event cut.
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 13))
RELATIVES = tuple(round(0.1 * i, 1) for i in range(2, 10))
#: Weights kept to the sign of the hand rule they stand for: the hand score itself rises with salience, the
#: discounts lower it. The unit tests of those rules (tests/extract/events/test_salience*.py) hold for the
#: learned ranker too, and a rare discount (a misparsed name, a fragment) is not flipped by a few events.
NON_NEGATIVE = ("hand_score", "log_hand_score", "hand_relative")
NON_POSITIVE = ("hand_rank", "negated", "personal_actor", "in_quote", "generic", "misparsed_name", "non_finite",
                "relative_clause", "fragment", "clause_ccomp", "clause_pcomp", "clause_background")
ITERATIONS = 3000


@dataclass
class Article:
    """One article's events as the ranker and the scorer see them."""

    set_name: str
    x: numpy.ndarray
    hand: numpy.ndarray
    hand_main: numpy.ndarray
    sentence: list[int]
    happening: list[str]
    clause: list[int]
    no_word: numpy.ndarray
    boilerplate: numpy.ndarray
    n_sentences: int
    #: Per event, the indices of the gold events it matches.
    matches: list[set[int]] = field(default_factory=list)
    n_gold: int = 0
    #: Paragraphs of the article (line breaks + 1), for a count by paragraphs (``count.py``).
    n_paragraphs: int = 0

    @property
    def labels(self) -> numpy.ndarray:
        return numpy.array([bool(m) for m in self.matches], dtype=numpy.float64)


@dataclass
class Parsed:
    """One article as the pipeline left it before salience: its event context, events and gold matches.

    Cached once per set (``--cache``), so that features and rules of the ranking can be recomputed without
    a parse (the context's Doc pickles with its vocabulary).
    """

    set_name: str
    ctx: Any
    events: list[Any]
    verbs: list[int]
    matches: list[set[int]]
    n_gold: int


def collect_parses(corpus: Path, cache: Path, set_name: str) -> list[Parsed]:
    """Run the pipeline once per article of ``set_name`` (or read the cache): the context and events."""
    cache_file = cache / f"parses_{set_name}.pkl"
    if cache_file.exists():
        cached_parses: list[Parsed] = pickle.loads(cache_file.read_bytes())
        for parsed in cached_parses:
            if not parsed.ctx.tokens:
                parsed.ctx.tokens = list(parsed.ctx.doc)
        return cached_parses
    from newsgraph import Reader

    captured: dict[str, Any] = {}

    def capture(ctx, found) -> None:
        captured.clear()
        if not found:
            return
        hand = salience.hand_saliences(ctx, found)  # the record is marked as by the hand ranking
        for (event, _verb), score in zip(found, hand, strict=True):
            event.salience = score
        salience.select_main(ctx, found, salience.MIN_MAIN_SALIENCE, salience.MAIN_RELATIVE)
        captured.update(ctx=ctx, found=list(found))

    saved = core.mark_main
    core.mark_main = capture
    try:
        reader = Reader()
        parses = []
        gold = json.loads(DATA_SETS[set_name].read_text(encoding="utf-8"))
        for entry in gold["articles"]:
            captured.clear()
            record = reader.read(scorer.load_article(entry, corpus))
            if not captured:
                continue
            found = captured["found"]
            matches: list[set[int]] = [set() for _ in found]
            for g_index, g in enumerate(entry["events"]):
                contexts = g["context"] if isinstance(g["context"], list) else [g["context"]]
                spans = scorer._sentence_spans(record, contexts)
                for r, (event, _verb) in enumerate(found):
                    if scorer._matches(g, event, spans):
                        matches[r].add(g_index)
            ctx = captured["ctx"]
            for cached in (ctx.own_tokens_cache, ctx.own_times_cache, ctx.clause_word_times_cache,
                           ctx.lead_days, ctx.clause_of_time, ctx.time_roots):
                cached.clear()  # per-verb caches of the event stage: they hold Tokens, which do not pickle
            ctx.tokens = []  # the document's Token per position: rebuilt from the Doc when the cache is read
            for event, _verb in found:
                event.salience, event.main = None, False
            parses.append(Parsed(set_name=set_name, ctx=ctx, events=[e for e, _v in found],
                                 verbs=[v.i for _e, v in found], matches=matches, n_gold=len(entry["events"])))
    finally:
        core.mark_main = saved
    cache.mkdir(parents=True, exist_ok=True)
    cache_file.write_bytes(pickle.dumps(parses))
    return parses


def hand_marked(parsed: Parsed) -> tuple[list[tuple[Event, Token]], list[float]]:
    """One cached article's events with their verbs and hand scores under the current constants, each event's
    ``salience`` and ``main`` set as the hand ranking marks them."""
    ctx = parsed.ctx
    found = [(event, ctx.doc[i]) for event, i in zip(parsed.events, parsed.verbs, strict=True)]
    hand = salience.hand_saliences(ctx, found)
    for (event, _verb), score in zip(found, hand, strict=True):
        event.salience, event.main = score, False
    salience.select_main(ctx, found, salience.MIN_MAIN_SALIENCE, salience.MAIN_RELATIVE)
    return found, hand


def article(parsed: Parsed) -> Article:
    """The features, hand scores and hand main events of one cached article, computed with the current code."""
    ctx = parsed.ctx
    found, hand = hand_marked(parsed)
    return Article(
        set_name=parsed.set_name, x=ranking.features(ctx, found, hand), hand=numpy.array(hand),
        hand_main=numpy.array([e.main for e, _v in found]), sentence=[e.sentence.start for e, _v in found],
        happening=[_happening(e) for e, _v in found], clause=[v.i for _e, v in found],
        no_word=numpy.array([not any(ch.isalpha() for ch in e.predicate) for e, _v in found]),
        boilerplate=numpy.array([salience._boilerplate(v) for _e, v in found]),
        n_sentences=len(ctx.sent_bounds), matches=parsed.matches, n_gold=parsed.n_gold,
        n_paragraphs=1 + sum("\n" in t.text for t in ctx.doc if t.is_space))


def collect(corpus: Path, cache: Path, sets: tuple[str, ...] = SETS) -> list[Article]:
    """The articles of ``sets`` with their features and hand scores (parses cached per set in ``cache``)."""
    return [article(p) for name in sets for p in collect_parses(corpus, cache, name)]


def _happening(event) -> str:
    happening = event.predicate.split()[0] if event.predicate else ""
    return f"{happening} {event.actor}" if event.actor is not None else happening


def fit(x: numpy.ndarray, y: numpy.ndarray, lam: float, signs: bool = True) -> dict[str, Any]:
    """L2 logistic regression on standardised features by accelerated projected gradient (FISTA).

    ``lam`` shrinks the features outside ``HAND_FEATURES``; those get ``HAND_LAMBDA``.
    """
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = numpy.hstack([(x - mean) / scale, numpy.ones((len(x), 1))])
    n, d = z.shape
    penalty = numpy.array([HAND_LAMBDA if name in HAND_FEATURES else lam for name in ranking.FEATURE_NAMES] + [0.0])
    lipschitz = 0.25 * numpy.linalg.eigvalsh(z.T @ z / n).max() + penalty.max()
    step = 1.0 / lipschitz
    low = numpy.full(d, -numpy.inf)
    high = numpy.full(d, numpy.inf)
    if signs:
        for name in NON_NEGATIVE:
            low[ranking.FEATURE_NAMES.index(name)] = 0.0
        for name in NON_POSITIVE:
            high[ranking.FEATURE_NAMES.index(name)] = 0.0
    w = numpy.zeros(d)
    v = w.copy()
    t = 1.0
    for _ in range(ITERATIONS):
        p = 1.0 / (1.0 + numpy.exp(-(z @ v)))
        grad = z.T @ (p - y) / n + penalty * v  # the bias (last) is not shrunk
        w_next = numpy.clip(v - step * grad, low, high)
        t_next = (1.0 + (1.0 + 4.0 * t * t) ** 0.5) / 2.0
        v = w_next + (t - 1.0) / t_next * (w_next - w)
        w, t = w_next, t_next
    return {"mean": mean, "scale": scale, "weights": w[:-1], "bias": float(w[-1])}


def probabilities(model: dict[str, Any], article: Article) -> numpy.ndarray:
    """The salience the runtime gives: the probability, zero without a word, boilerplate discounted, rounded."""
    ranker = ranking.Ranker(features=ranking.FEATURE_NAMES, mean=model["mean"], scale=model["scale"],
                            weights=model["weights"], bias=model["bias"], threshold=0.0, relative=0.0)
    p = ranker.probability(article.x)
    p = numpy.where(article.no_word, 0.0, numpy.where(article.boilerplate, p * salience.BOILERPLATE_FACTOR, p))
    return numpy.round(p, 3)


def select(article: Article, scores: numpy.ndarray, minimum: float, relative: float,
           n_main: int | None = None) -> numpy.ndarray:
    """salience.select_main over cached events: which are main (``n_main`` at most, by default
    ``salience.main_count`` of the article's sentences)."""
    if n_main is None:
        n_main = salience.main_count(article.n_sentences)
    floor = max(minimum, relative * float(scores.max()))
    main = numpy.zeros(len(scores), dtype=bool)
    per_sentence: dict[int, int] = {}
    per_happening: dict[str, int] = {}
    per_clause: dict[int, int] = {}
    chosen = 0
    for r in sorted(range(len(scores)), key=lambda i: -scores[i]):
        if chosen >= n_main or scores[r] < floor:
            break
        s, h, c = article.sentence[r], article.happening[r], article.clause[r]
        if per_sentence.get(s, 0) >= salience.MAX_PER_SENTENCE or per_happening.get(h, 0) >= salience.MAX_PER_PREDICATE:
            continue
        if per_clause.get(c, 0) >= salience.MAX_PER_CLAUSE:
            continue
        per_sentence[s] = per_sentence.get(s, 0) + 1
        per_happening[h] = per_happening.get(h, 0) + 1
        per_clause[c] = per_clause.get(c, 0) + 1
        main[r] = True
        chosen += 1
    return main


def tally(articles: list[Article], mains: list[numpy.ndarray]) -> dict[str, Any]:
    """Precision and recall of the main events as benchmarks/score_main_events.py counts them."""
    n_main = matched = gold = recalled = 0
    for article, main in zip(articles, mains, strict=True):
        n_main += int(main.sum())
        matched += sum(1 for r in numpy.flatnonzero(main) if article.matches[r])
        hit: set[int] = set().union(*(article.matches[r] for r in numpy.flatnonzero(main)))
        recalled += len(hit)
        gold += article.n_gold
    p = matched / n_main if n_main else 0.0
    r = recalled / gold if gold else 0.0
    return {"main": n_main, "main_matched": matched, "gold": gold, "gold_recalled": recalled,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def cross_validate(articles: list[Article], signs: bool, sets: tuple[str, ...] = SETS) -> dict[str, Any]:
    """Leave one of ``sets`` out: per λ, the held-out probabilities; per cut, the pooled held-out figures."""
    by_set = {name: [a for a in articles if a.set_name == name] for name in sets}
    ordered = [a for name in sets for a in by_set[name]]
    held_out: dict[float, list[numpy.ndarray]] = {}
    for lam in LAMBDAS:
        held_out[lam] = []
        for test in sets:
            train = [a for a in articles if a.set_name in sets and a.set_name != test]
            model = fit(numpy.vstack([a.x for a in train]), numpy.concatenate([a.labels for a in train]), lam, signs)
            held_out[lam] += [probabilities(model, a) for a in by_set[test]]
    best: tuple[float, tuple[float, float, float]] | None = None
    for lam, threshold, relative in product(LAMBDAS, THRESHOLDS, RELATIVES):
        figures = tally(ordered, [select(a, p, threshold, relative)
                                  for a, p in zip(ordered, held_out[lam], strict=True)])
        if best is None or figures["f1"] > best[0]:
            best = (figures["f1"], (lam, threshold, relative))
    assert best is not None
    lam, threshold, relative = best[1]
    mains = [select(a, p, threshold, relative) for a, p in zip(ordered, held_out[lam], strict=True)]
    folds = {}
    for test in sets:
        rows = [r for r, a in enumerate(ordered) if a.set_name == test]
        folds[test] = {"before": tally(by_set[test], [by_set[test][i].hand_main for i in range(len(rows))]),
                       "after": tally(by_set[test], [mains[r] for r in rows])}
    return {"lambda": lam, "threshold": threshold, "relative": relative, "folds": folds,
            "pooled": {"before": tally(ordered, [a.hand_main for a in ordered]), "after": tally(ordered, mains)}}


def nested(articles: list[Article], signs: bool, sets: tuple[str, ...] = SETS) -> dict[str, Any]:
    """Each set held out of everything: λ and the cut chosen by cross-validation over the other two sets
    (fitted on one, scored on the other), the model fitted on both, the held-out set scored once."""
    folds = {}
    mains: list[numpy.ndarray] = []
    ordered: list[Article] = []
    for test in sets:
        others = tuple(name for name in sets if name != test)
        inner = cross_validate(articles, signs, others)
        train = [a for a in articles if a.set_name in others]
        model = fit(numpy.vstack([a.x for a in train]), numpy.concatenate([a.labels for a in train]),
                    inner["lambda"], signs)
        held = [a for a in articles if a.set_name == test]
        chosen = [select(a, probabilities(model, a), inner["threshold"], inner["relative"]) for a in held]
        folds[test] = {"lambda": inner["lambda"], "threshold": inner["threshold"], "relative": inner["relative"],
                       "before": tally(held, [a.hand_main for a in held]), "after": tally(held, chosen)}
        mains += chosen
        ordered += held
    return {"folds": folds, "pooled": {"before": tally(ordered, [a.hand_main for a in ordered]),
                                       "after": tally(ordered, mains)}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=scorer.CORPUS)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/salience"))
    parser.add_argument("--no-nested", action="store_true", help="skip the nested cross-validation")
    parser.add_argument("--no-signs", action="store_true", help="fit without the sign constraints")
    parser.add_argument("--write", action="store_true", help=f"write {ranking.WEIGHTS_FILE.name}")
    args = parser.parse_args()
    articles = collect(args.corpus, args.cache)
    signs = not args.no_signs
    cv = cross_validate(articles, signs)
    print(json.dumps(cv, indent=1))
    outer = None if args.no_nested else nested(articles, signs)
    print(json.dumps(outer, indent=1))
    model = fit(numpy.vstack([a.x for a in articles]), numpy.concatenate([a.labels for a in articles]),
                cv["lambda"], signs)
    weights = dict(zip(ranking.FEATURE_NAMES, numpy.round(model["weights"], 4).tolist(), strict=True))
    print(json.dumps(dict(sorted(weights.items(), key=lambda kv: -abs(kv[1]))), indent=1))
    if args.write:
        out = {
            "description": "Learned salience ranker of newsgraph.extract.events.ranking: an L2 logistic regression "
                           "over standardised features (z = (x - mean) / scale; p = 1 / (1 + exp(-(z . weights + "
                           "bias)))); a main event has p >= threshold and p >= relative x the article's best, "
                           "under salience.py's caps.",
            "command": "PYTHONPATH=src NEWSGRAPH_SHARED=/work/shared python training/salience/train.py "
                       "--corpus /work/shared/corpus --cache /tmp/salience --write",
            "data": ", ".join(DATA_SETS[name].name for name in SETS) + " "
                    f"({len(articles)} articles, {sum(len(a.matches) for a in articles)} events, "
                    f"{int(sum(a.labels.sum() for a in articles))} matching a gold event)",
            "selection": "lambda, threshold and relative by leave-one-set-out cross-validation over "
                         + "/".join(SETS) + " (pooled held-out F1 of main-event precision and recall)",
            "sign_constraints": signs,
            "lambda": cv["lambda"],
            "cross_validation": {"folds": cv["folds"], "pooled": cv["pooled"]},
            "nested_cross_validation": outer,
            "features": list(ranking.FEATURE_NAMES),
            "mean": numpy.round(model["mean"], 6).tolist(),
            "scale": numpy.round(model["scale"], 6).tolist(),
            "weights": numpy.round(model["weights"], 6).tolist(),
            "bias": round(model["bias"], 6),
            "threshold": cv["threshold"],
            "relative": cv["relative"],
        }
        ranking.WEIGHTS_FILE.parent.mkdir(parents=True, exist_ok=True)
        ranking.WEIGHTS_FILE.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
