"""What one task does on a worker: read a partition with the worker's ``Reader`` and write its rows.

The records never leave the worker: the task writes one Parquet file per
table (``newsgraph.parquet.layout``) and returns only its counts. The marker
is written last, so a partition is either done (marker) or redone whole.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Any

from newsgraph.api import record_id
from newsgraph.distributed.partition import ORDER_STRIDE, Partition
from newsgraph.distributed.plugin import worker_reader
from newsgraph.parquet.layout import DONE_DIR, TABLES, Location, month_of, write_table
from newsgraph.parquet.terms import article_terms
from newsgraph.store.rows import RawInput, article_rows, failure_row


@dataclass
class PartitionReport:
    """The counts a task sends back to the driver (never the records)."""

    key: str
    inputs: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    already_written: bool = False
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def write_partition(part: Partition, out: str, model: str | None = None, published: str | None = None
                    ) -> PartitionReport:
    """Read ``part`` and write its rows under ``out``; a partition already written is skipped."""
    started = time.perf_counter()
    loc = Location.of(out)
    if loc.exists(DONE_DIR, f"{part.key}.json"):
        done = loc.read_json(DONE_DIR, f"{part.key}.json")
        return PartitionReport(**{**done, "already_written": True, "seconds": 0.0})
    reader = worker_reader(model)
    report = PartitionReport(part.key)
    items = list(part.items(reader.limits))
    rows: dict[tuple[str, str | None], list[tuple]] = {}
    seen: set[str] = set()
    for pos, (item, record) in enumerate(zip(items, reader.read_many(items, published=published), strict=True)):
        report.inputs += 1
        order = part.index * ORDER_STRIDE + pos
        rid = record_id(item)
        if rid in seen:
            report.duplicates += 1
            continue
        seen.add(rid)
        if record.source.error:
            rows.setdefault(("failures", None), []).append((*failure_row(record, item.where), order))
            report.failed += 1
            continue
        month = month_of(record.meta.published)
        for table, table_rows in article_rows(record, RawInput.from_item(item)).items():
            rows.setdefault((table, month), []).extend((*r, order) for r in table_rows)
        terms = article_terms(record.meta.title, record.text)
        n_tokens = sum(terms.values())
        rows.setdefault(("terms", month), []).extend(
            (record.id, term, tf, n_tokens, order) for term, tf in sorted(terms.items()))
        report.stored += 1
    for table in TABLES:
        for (name, month), table_rows in sorted(rows.items(), key=lambda kv: str(kv[0])):
            if name == table:
                write_table(loc, table, table_rows, part.key, month)
    report.seconds = round(time.perf_counter() - started, 3)
    loc.write_json({k: v for k, v in report.to_dict().items() if k not in ("already_written", "seconds")},
                   DONE_DIR, f"{part.key}.json")
    return report
