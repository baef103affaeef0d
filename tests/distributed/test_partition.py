"""Cutting inputs into partitions (no cluster): grouping, line ranges, keys, the listing ``read`` uses."""

from __future__ import annotations

import json

from newsgraph.distributed.partition import partitions
from newsgraph.ingest import iter_items


def _files(tmp_path, n: int) -> None:
    for i in range(n):
        (tmp_path / f"a{i:02d}.txt").write_text(f"Story {i} about a harbour.")


def test_small_files_are_grouped_in_input_order(tmp_path):
    _files(tmp_path, 7)
    parts = partitions([tmp_path], files_per_partition=3)
    assert [len(p.spans) for p in parts] == [3, 3, 1]
    assert [p.index for p in parts] == [0, 1, 2]
    assert [s.path for p in parts for s in p.spans] == sorted(str(p) for p in tmp_path.iterdir())


def test_a_large_jsonl_is_cut_into_line_ranges_that_hold_each_line_once(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"id": str(i), "text": f"Story {i}."}) for i in range(10)) + "\n")
    parts = partitions([feed], lines_per_partition=4)
    assert len(parts) >= 3 and all(len(p.spans) == 1 for p in parts)
    items = [item.id for p in parts for item in p.items()]
    assert items == [item.id for item in iter_items([str(feed)])]


def test_keys_are_stable_and_change_with_the_file(tmp_path):
    _files(tmp_path, 2)
    first = [p.key for p in partitions([tmp_path])]
    assert [p.key for p in partitions([tmp_path])] == first
    (tmp_path / "a00.txt").write_text("A longer story about another harbour.")
    assert [p.key for p in partitions([tmp_path])] != first


def test_sidecars_and_hidden_files_are_not_inputs(tmp_path):
    _files(tmp_path, 1)
    (tmp_path / "a00.json").write_text("{}")
    (tmp_path / ".hidden.txt").write_text("x")
    assert [s.path.rsplit("/", 1)[-1] for p in partitions([tmp_path]) for s in p.spans] == ["a00.txt"]
