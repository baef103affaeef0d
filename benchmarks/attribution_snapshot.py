"""Snapshot of the attribution stage's output, to prove an optimisation changes nothing.

Reads N real documents (``newsgraph.evaluate.corpora.mixed``) through
``Reader.read_many`` and writes each record's sources and attributions as JSON
lines. With ``--check FILE`` it compares against an earlier snapshot instead and
exits 1 on the first difference.

    python benchmarks/attribution_snapshot.py --n 80 --out /tmp/attr.jsonl
    python benchmarks/attribution_snapshot.py --n 80 --check /tmp/attr.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def snapshot(n: int) -> list[str]:
    from newsgraph.api import Reader
    from newsgraph.evaluate.corpora import mixed

    items = [d.item for d in mixed(n)]
    lines: list[str] = []
    for record in Reader().read_many(items):
        part = {
            "sources": [s.model_dump(mode="json") for s in record.sources],
            "attributions": [a.model_dump(mode="json") for a in record.attributions],
        }
        lines.append(json.dumps(part, sort_keys=True))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=80)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--out", type=Path, help="write the snapshot here")
    group.add_argument("--check", type=Path, help="compare with this snapshot")
    args = parser.parse_args()
    lines = snapshot(args.n)
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines)} records to {args.out}")
        return
    old = args.check.read_text(encoding="utf-8").splitlines()
    if len(old) != len(lines):
        sys.exit(f"record count differs: {len(old)} then, {len(lines)} now")
    for i, (a, b) in enumerate(zip(old, lines, strict=True)):
        if a != b:
            sys.exit(f"record {i} differs:\n was {a[:2000]}\n now {b[:2000]}")
    print(f"identical: {len(lines)} records")


if __name__ == "__main__":
    main()
