"""A worker killed mid-run (SIGKILL of its process) loses and doubles nothing: its task runs again elsewhere."""

from __future__ import annotations

import os
import signal

from _scale_corpus import cluster_ingest, table_rows
from newsgraph.store.rows import COLUMNS


def _kill_a_busy_worker(client) -> bool:
    """SIGKILL the process of a worker that is running a task now; False when none is."""
    busy = [addr for addr, keys in client.processing().items() if keys]
    if not busy:
        return False
    pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
    os.kill(pid, signal.SIGKILL)
    return True


def test_a_killed_worker_loses_and_doubles_nothing(cluster, inputs, local_store, tmp_path):
    from newsgraph.parquet import DuckCorpus

    killed: list[bool] = []

    def progress(report) -> None:
        if not killed and report.stored:  # one partition is written: kill a worker busy with another
            killed.append(_kill_a_busy_worker(cluster))

    out = tmp_path / "corpus"
    report = cluster_ingest([inputs], out, cluster, progress=progress, files_per_partition=1)
    assert killed == [True]
    assert not report.errors
    store, _ = local_store
    with DuckCorpus(str(out)) as duck:
        for table in COLUMNS:
            assert table_rows(duck, table) == table_rows(store, table), table
        written = duck.rows("SELECT count(*) FROM written_articles")[0][0]
        assert written == store.count() + duck.later_copies()
