"""``newsgraph load``: a Parquet corpus into the SQLite store, through the store's own write path.

Each article comes back from its ``records`` row (the full record JSON) and its
``raw_inputs`` row (the raw bytes and item fields), in input order, and goes
through ``store.ingest.write`` as an ingest would write it: its rows, its raw
input (so ``reprocess`` can rebuild it) and its corpus entities, one
transaction per article. Articles already in the store are counted, not
written again; failed inputs become ``failures`` rows.
"""

from __future__ import annotations

import time

from newsgraph.parquet.duck import DuckCorpus
from newsgraph.record import Record
from newsgraph.store.db import Store, lock_timeout
from newsgraph.store.ingest import IngestReport, Progress, finish, writing_run
from newsgraph.store.rows import RawInput, record_failure

#: Articles fetched from DuckDB at a time: bounds the loader's memory.
LOAD_BATCH = 256


def load(corpus: str, store: Store, *, progress: Progress | None = None) -> IngestReport:
    """Load every article and failure of the Parquet corpus ``corpus`` into ``store``."""
    from newsgraph.store.ingest import write

    with writing_run(store, "load into", lock_timeout()):
        started = time.perf_counter()
        report = IngestReport()
        touched: set[int] = set()
        with DuckCorpus(corpus) as duck:
            total = duck.con.execute("SELECT count(*) FROM records").fetchone()[0]
            if progress is not None:
                progress.start(int(total))
            cur = duck.con.execute("""
                SELECT r.id, r.json, w.item, w.data FROM records r LEFT JOIN raw_inputs w ON w.id = r.id
                ORDER BY r.corpus_order""")
            try:
                while batch := cur.fetchmany(LOAD_BATCH):
                    for rid, data, item, raw_data in batch:
                        report.inputs += 1
                        if store.conn.execute("SELECT 1 FROM articles WHERE id = ?", (rid,)).fetchone():
                            report.already_stored += 1
                        else:
                            raw = RawInput.from_row(item, raw_data) if item is not None else None
                            where = (raw.item.get("where") if raw else None) or rid
                            write(store, Record.from_json(data), raw, where, report, touched, replace=False)
                        if progress is not None:
                            progress.advance()
                failures = duck.con.execute(
                    'SELECT id, "where", path, line, reason, newsgraph_version FROM failures '
                    "ORDER BY corpus_order").fetchall()
                for fid, where, path, line, reason, version in failures:
                    report.inputs += 1
                    if store.conn.execute("SELECT 1 FROM articles WHERE id = ? UNION ALL "
                                          "SELECT 1 FROM failures WHERE id = ?", (fid, fid)).fetchone():
                        report.skipped_failed += 1
                        continue
                    with store.transaction() as conn:
                        record_failure(conn, fid, where, path, line, reason, version)
                    report.failed += 1
            finally:
                finish(store, report, started, touched)
        return report
