"""Score the check sets under the ranking variants, totals only (their errors are never printed).

The variants: the hand score with the shipped count and floor; the hand score with a count and floor
given on the command line (as ``count.py`` chose them on the writing sets); the learned ranker of the
shipped weights file with its fitted cut. The check sets (``train.CHECK_SETS``: ``dev``, the hand-checked
set, and ``report4``) are never fitted on; their parses are cached in ``--cache`` like the writing sets'.

Example (from the repository root):
    PYTHONPATH=src NEWSGRAPH_SHARED=/work/shared python training/salience/compare.py \\
        --corpus /work/shared/corpus --cache /tmp/salience --count 1 11 0.3
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train  # training/salience/train.py: the cache, the selection and the tally

from newsgraph.extract.events import ranking, salience


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=train.scorer.CORPUS)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/salience"))
    parser.add_argument("--sets", default=",".join(train.CHECK_SETS), help="sets to score, joined by commas")
    parser.add_argument("--count", nargs=3, type=float, metavar=("SENTENCES_PER_MAIN", "MAX_MAIN", "MAIN_RELATIVE"),
                        help="a count and relative floor to score the hand score with, besides the shipped ones")
    args = parser.parse_args()
    ranker = ranking.load_ranker()
    out = {}
    sets = tuple(args.sets.split(","))
    for name in (*sets, "+".join(sets)):
        articles = train.collect(args.corpus, args.cache, tuple(name.split("+")))
        row = {"hand": train.tally(articles, [a.hand_main for a in articles])}
        if args.count:
            per_main, most, relative = args.count
            row["hand, count " + " ".join(map(str, args.count))] = train.tally(articles, [
                train.select(a, a.hand, salience.MIN_MAIN_SALIENCE, relative,
                             salience.main_count(a.n_sentences, per_main, int(most))) for a in articles])
        if ranker is not None:
            model = {"mean": ranker.mean, "scale": ranker.scale, "weights": ranker.weights, "bias": ranker.bias}
            row["learned"] = train.tally(articles, [
                train.select(a, train.probabilities(model, a), ranker.threshold, ranker.relative) for a in articles])
        out[name] = row
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
