"""The event stage's full output on a fixed set of parsed docs: cache, dump, compare, time.

A speed change to ``newsgraph.extract.events`` must leave every event and relation as it was.
This script parses the benchmark's articles once (the bare model, as ``bench_events.py`` runs it),
runs the entity, time and attribution stages on each doc and pickles docs and their inputs, so that
the event stage alone can be run again and again on identical input:

    PYTHONPATH=src python benchmarks/compare_events.py parse --cache /tmp/ev/inputs.pkl --limit 300
    # every event (trigger, arguments, offsets, codes, dates, salience, main flag) and relation
    PYTHONPATH=src python benchmarks/compare_events.py dump --cache /tmp/ev/inputs.pkl --out before.json
    PYTHONPATH=src python benchmarks/compare_events.py compare before.json after.json
    # the stage alone (CPU and wall time), three passes, and optionally a cProfile of one pass
    PYTHONPATH=src python benchmarks/compare_events.py time --cache /tmp/ev/inputs.pkl --passes 3
    # two versions of the stage (e.g. ``git archive BASE src`` unpacked in /tmp/base) in one process,
    # interleaved doc by doc, in CPU time: on a shared machine the load then falls on both alike
    PYTHONPATH=src python benchmarks/compare_events.py ab --cache /tmp/ev/inputs.pkl /tmp/base/src src

The record's ``model_dump`` of each event is its full output, so the dump holds every field.
"""

from __future__ import annotations

import json
import pickle
import sys
import tempfile
from pathlib import Path

from newsgraph.evaluate.shared import shared_dir
from newsgraph.extract.attribution.core import attributions
from newsgraph.extract.entities.core import entities
from newsgraph.extract.events.core import events
from newsgraph.extract.time.core import time_expressions
from newsgraph.nlp.pipeline import load_model

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from _common import (  # noqa: E402
    ab_summary,
    compare_dumps,
    interleaved,
    same_output_commands,
    stage_pair,
    time_passes,
)
from bench_events import texts  # noqa: E402  (the benchmark's own article list)

#: One doc with the other stages' outputs, as ``events()`` takes them.
Inputs = tuple


def load_inputs(cache: Path) -> list[Inputs]:
    """The pickled docs with their entities, times, sources and attributions."""
    with cache.open("rb") as handle:
        return pickle.load(handle)


def record(inputs: Inputs) -> dict:
    """Everything the stage outputs for one doc."""
    found, rels = events(*inputs)
    return {"events": [e.model_dump(mode="json") for e in found],
            "relations": [r.model_dump(mode="json") for r in rels]}


def run_all(all_inputs: list[Inputs]) -> None:
    """One pass of the stage over every doc."""
    for inputs in all_inputs:
        events(*inputs)


def main() -> None:
    parser, command = same_output_commands(__doc__.split("\n")[0])
    command["parse"].add_argument("--corpus", type=Path, default=shared_dir() / "corpus" / "bbc")
    ab = command["_commands"].add_parser("ab", help="two source trees' stages, interleaved doc by doc, in CPU time")
    ab.add_argument("--cache", type=Path, required=True)
    ab.add_argument("--passes", type=int, default=2)
    ab.add_argument("first", type=Path, help="a src directory (the version timed first)")
    ab.add_argument("second", type=Path, help="a src directory")
    args = parser.parse_args()

    if args.command == "parse":
        nlp = load_model(None)
        out = []
        for doc in nlp.pipe(texts(args.corpus, args.limit), batch_size=32):
            ents = entities(doc)
            times = time_expressions(doc, None)
            sources, attrs = attributions(doc, ents)
            out.append((doc, ents, times, sources, attrs))
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        with args.cache.open("wb") as handle:
            pickle.dump(out, handle)
        print(f"{len(out)} docs parsed to {args.cache}")
    elif args.command == "dump":
        out = [record(inputs) for inputs in load_inputs(args.cache)]
        args.out.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
        print(f"{len(out)} docs, {sum(len(r['events']) for r in out)} events, "
              f"{sum(len(r['relations']) for r in out)} relations -> {args.out}")
    elif args.command == "compare":
        sys.exit(compare_dumps(args.before, args.after))
    elif args.command == "ab":
        all_inputs = load_inputs(args.cache)
        with tempfile.TemporaryDirectory() as into:
            stages = [core.events for core in stage_pair(args.first, args.second, "events", Path(into))]
            for stage in stages:
                stage(*all_inputs[0])  # the dictionaries loaded outside the timing

            def output(stage: int, inputs: Inputs) -> tuple[list[dict], list[dict]]:
                found, rels = stages[stage](*inputs)
                return [e.model_dump() for e in found], [r.model_dump() for r in rels]

            a, b, same = interleaved(all_inputs, lambda inputs: output(0, inputs),
                                     lambda inputs: output(1, inputs), args.passes)
        print(ab_summary(args.first, args.second, a, b, len(all_inputs), args.passes, same))
    else:
        all_inputs = load_inputs(args.cache)
        events(*all_inputs[0])  # loads the dictionaries once, outside the timing
        time_passes(lambda: run_all(all_inputs), args.passes, args.profile, len(all_inputs))


if __name__ == "__main__":
    main()
