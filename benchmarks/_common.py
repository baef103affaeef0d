"""Helpers shared by the benchmark scripts: corpus texts, timing, machine description."""

from __future__ import annotations

import argparse
import cProfile
import gc
import importlib
import json
import os
import platform
import pstats
import resource
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def best_of(repeat: int, fn: Callable[[], T]) -> tuple[T, float]:
    """The fastest of ``repeat`` runs: the least disturbed by other work on the machine."""
    best: tuple[T, float] | None = None
    for _ in range(max(1, repeat)):
        result, seconds = timed(fn)
        if best is None or seconds < best[1]:
            best = (result, seconds)
    assert best is not None
    return best


def same_output_commands(description: str) -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The commands of a stage's same-output check (``compare_entities.py``, ``compare_events.py``): ``parse``
    texts once into a cache, ``dump`` the stage's full output, ``compare`` two dumps, ``time`` the stage alone.
    Each script adds its own options (and commands) to the parsers returned by name."""
    parser = argparse.ArgumentParser(description=description)
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse")
    parse.add_argument("--cache", type=Path, required=True)
    parse.add_argument("--limit", type=int, default=300)
    dump = commands.add_parser("dump")
    dump.add_argument("--cache", type=Path, required=True)
    dump.add_argument("--out", type=Path, required=True)
    compare = commands.add_parser("compare")
    compare.add_argument("before", type=Path)
    compare.add_argument("after", type=Path)
    timing = commands.add_parser("time")
    timing.add_argument("--cache", type=Path, required=True)
    timing.add_argument("--passes", type=int, default=3)
    timing.add_argument("--profile", type=int, default=0, help="print this many cProfile lines of one pass")
    return parser, {"parse": parse, "dump": dump, "compare": compare, "time": timing, "_commands": commands}


def compare_dumps(before: Path, after: Path) -> int:
    """Print how many documents' dumps differ; the exit status: 1 when any does."""
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    differ = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    print(f"{len(old)} docs compared; {len(differ)} differ" + (f": {differ[:20]}" if differ else ""))
    return 1 if differ else 0


def time_passes(run: Callable[[], None], passes: int, profile_lines: int, docs: int) -> None:
    """Time ``run`` (one pass of a stage over cached docs) ``passes`` times in CPU and wall time, then, with
    ``profile_lines``, print that many lines of a cProfile of one more pass (by own time, then cumulative)."""
    for number in range(passes):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        print(f"pass {number + 1}: cpu {time.process_time() - cpu:.3f} s, "
              f"wall {time.perf_counter() - wall:.3f} s over {docs} docs")
    if profile_lines:
        profile = cProfile.Profile()
        profile.enable()
        run()
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(profile_lines)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(profile_lines)


def stage_copy(tree: Path, stage: str, name: str, into: Path) -> Any:
    """The ``core`` module of the extraction stage ``stage`` (e.g. ``"entities"``) in source tree ``tree``
    (a ``src`` directory), importable beside another version of it.

    The tree's ``newsgraph/extract/<stage>`` is copied to ``into/name`` with its own imports renamed, so
    two versions of the stage (their module-level caches apart) run in one process; what the stage
    imports from the rest of the package comes from the installed ``newsgraph``.
    """
    target = into / name
    shutil.copytree(tree / "newsgraph" / "extract" / stage, target)
    for module in target.rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        text = text.replace(f"from newsgraph.extract import {stage}", f"import {name} as {stage}")
        module.write_text(text.replace(f"newsgraph.extract.{stage}", name), encoding="utf-8")
    if str(into) not in sys.path:
        sys.path.insert(0, str(into))
    return importlib.import_module(f"{name}.core")


def stage_pair(first: Path, second: Path, stage: str, into: Path) -> tuple[Any, Any]:
    """The ``core`` modules of the extraction stage ``stage`` in two source trees, importable side by side
    (:func:`stage_copy`), for an A/B run of the two in one process."""
    return (stage_copy(first.resolve(), stage, f"{stage}_first", into),
            stage_copy(second.resolve(), stage, f"{stage}_second", into))


def ab_summary(first: Path, second: Path, a: float, b: float, items: int, passes: int, same: bool) -> str:
    """The one-line result of an A/B run (:func:`interleaved`): each tree's CPU seconds per pass and their ratio."""
    return (f"{first}: {a:.3f} s CPU per pass; {second}: {b:.3f} s CPU per pass; "
            f"ratio {b / a:.3f} ({items} docs, {passes} passes, interleaved; "
            f"outputs {'the same' if same else 'DIFFER'})")


def interleaved(items: list[Any], first: Callable[[Any], Any], second: Callable[[Any], Any],
                passes: int) -> tuple[float, float, bool]:
    """CPU seconds per pass of two stages run on each item in turn, and whether their outputs (what
    ``first`` and ``second`` return, compared with ``==``) were the same on every item.

    Why interleaved: on a shared machine the load then falls on both alike. The order alternates from
    item to item (first, second, second, first; then second, first, first, second), so that each stage
    is the first to read a new item as often as the other: with one fixed order, two copies of the same
    tree differed by 2-12% (the event stage: 1.116, and 1.127 the other way round).

    The objects alive when it starts (the loaded items, both stages' tables) are moved out of the
    collector's generations (``gc.freeze``): a full collection over them (about 160 ms over the event
    stage's 300 cached docs, one in a pass or so) would otherwise land on one stage at random; the
    stages' own garbage is collected as before.
    """
    gc.collect()
    gc.freeze()
    clock = time.process_time
    spent = [0.0, 0.0]
    same = True
    for _ in range(passes):
        for number, item in enumerate(items):
            for run in (((0, 1), (1, 0)) if number % 2 == 0 else ((1, 0), (0, 1))):
                outputs = []
                for k in run:
                    start = clock()
                    outputs.append((first, second)[k](item))
                    spent[k] += clock() - start
                same = same and outputs[0] == outputs[1]
    gc.unfreeze()
    return spent[0] / (2 * passes), spent[1] / (2 * passes), same


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> dict[str, Any]:
    return {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()}


def migration_objects(migration: str) -> list[tuple[str, str]]:
    """The (type, name) of the triggers and indexes ``migration`` creates, found by running it on an empty store."""
    import sqlite3

    from newsgraph.store import migrations

    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        names = [m.name for m in migrations.MIGRATIONS]
        kept = migrations.MIGRATIONS
        migrations.MIGRATIONS = kept[:names.index(migration)]
        try:
            migrations.migrate(conn)
        finally:
            migrations.MIGRATIONS = kept
        query = "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'index') AND sql IS NOT NULL"
        before = set(conn.execute(query).fetchall())
        conn.execute("BEGIN")
        kept[names.index(migration)].apply(conn)
        conn.execute("COMMIT")
        return sorted(set(conn.execute(query).fetchall()) - before)
    finally:
        conn.close()


def migration_write_cost(migration: str, source: Any, n: int, rounds: int, label: str, *,
                         objects_only: bool = False) -> dict[str, Any]:
    """What one migration's triggers add to the store's write work: the same records written with and without it.

    The first ``n`` records of the store ``source`` are written into fresh stores,
    ``rounds`` times each way, alternating (so drift in the machine's speed falls
    on both), without parsing; the best of each is kept. ``label`` names the keys
    (``ms_per_record_with_{label}``). ``objects_only``: the store "without" has every
    migration but the triggers and indexes this one creates dropped (its tables stay),
    for a migration later ones build on (``0006_tallies``: 0012 and 0013 write to its table).
    """
    import tempfile
    from pathlib import Path

    from newsgraph.record import Record
    from newsgraph.store import Store, migrations

    dropped = migration_objects(migration) if objects_only else []

    def write(records: list[Record], path: Path, with_it: bool) -> float:
        kept = migrations.MIGRATIONS
        if not with_it and not objects_only:
            migrations.MIGRATIONS = tuple(m for m in kept if m.name != migration)
        try:
            with Store(path) as store:
                if not with_it:
                    for kind, name in dropped:
                        store.conn.execute(f'DROP {kind.upper()} "{name}"')
                start = time.perf_counter()
                for record in records:
                    store.add(record)
                return time.perf_counter() - start
        finally:
            migrations.MIGRATIONS = kept

    with Store(source, readonly=True) as store:
        rows = store.execute("SELECT json FROM records ORDER BY rowid LIMIT ?", (n,))
    records = [Record.from_json(r[0]) for r in rows]
    times: dict[str, list[float]] = {"without": [], "with": []}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(rounds):
            for key, flag in (("without", False), ("with", True)):
                times[key].append(write(records, Path(tmp) / f"{key}{i}.db", flag))
    best = {k: min(v) for k, v in times.items()}
    return {"records": len(records),
            f"ms_per_record_without_{label}": round(best["without"] / len(records) * 1000, 3),
            f"ms_per_record_with_{label}": round(best["with"] / len(records) * 1000, 3),
            "write_ratio": round(best["with"] / best["without"], 3)}
