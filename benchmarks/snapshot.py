"""Snapshot of the records' extracted parts, to prove an optimisation changes nothing.

Reads N real documents (``newsgraph.evaluate.corpora.mixed``) through
``Reader.read_many`` and writes the chosen parts of each record (all of them but
``generator`` by default) as JSON lines. With ``--check FILE`` it compares
against an earlier snapshot instead and exits 1 on the first difference.

    python benchmarks/snapshot.py --n 80 --out /tmp/before.jsonl
    python benchmarks/snapshot.py --n 80 --check /tmp/before.jsonl
    python benchmarks/snapshot.py --n 80 --parts sources attributions --out /tmp/attr.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


from newsgraph.record import Record  # noqa: E402  (after the path is set)

#: Every part of a record but its schema tag and the generator, which names the code that made it.
PARTS = tuple(
    field.alias or name for name, field in Record.model_fields.items() if name not in ("schema_", "generator")
)


def snapshot(n: int, parts: tuple[str, ...] = PARTS) -> list[str]:
    from newsgraph.api import Reader
    from newsgraph.evaluate.corpora import mixed

    items = [d.item for d in mixed(n)]
    lines: list[str] = []
    for record in Reader().read_many(items):
        data = record.to_dict()
        lines.append(json.dumps({name: data[name] for name in parts}, sort_keys=True))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=80)
    parser.add_argument("--parts", nargs="+", default=list(PARTS), choices=PARTS, help="record parts to compare")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--out", type=Path, help="write the snapshot here")
    group.add_argument("--check", type=Path, help="compare with this snapshot")
    args = parser.parse_args()
    lines = snapshot(args.n, tuple(args.parts))
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
