"""Connecting to a Dask cluster: a running scheduler (``tcp://host:8786``) or a ``LocalCluster``.

``local`` starts one worker process per core, ``local:N`` N of them, each with
one thread (spaCy holds the GIL: threads would not add throughput). A script
that starts a ``LocalCluster`` itself must do it under
``if __name__ == "__main__":`` (worker processes re-import the main module);
the ``newsgraph`` command does it for you.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from distributed import Client

#: What ``--dask`` takes for a cluster started here.
LOCAL = "local"
#: Memory each local worker may use before Dask pauses it (the model takes ~0.5 GB, see docs/scale.md).
LOCAL_WORKER_MEMORY = "2GiB"
#: How often a local cluster's processes check their event loop and their memory and sample the system.
#: Dask's defaults (20 ms, 100 ms, 500 ms) suit a dashboard someone watches; on two cores shared by the
#: driver, the scheduler and the workers, an idle 2-worker cluster spent about 12% of one core on them
#: (driver 1.4 s, each worker 0.5 s of CPU in 20 s), 2% with these (0.2 s and 0.1 s): CPU given back to
#: the parse. Memory is still checked every second, well within the time a parse takes to grow.
LOCAL_TICK, LOCAL_MEMORY_CHECK, LOCAL_SYSTEM_SAMPLE = "500ms", "1s", "5s"
#: Dask settings of a cluster started here (a running cluster keeps its own). The worker's statistical
#: profiler samples every thread ten times a second for the dashboard's Profile page; on a worker that
#: parses all the time that is CPU taken from the parse, so a local cluster runs without it.
LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": LOCAL_TICK,
    "distributed.worker.memory.monitor-interval": LOCAL_MEMORY_CHECK,
    "distributed.admin.system-monitor.interval": LOCAL_SYSTEM_SAMPLE,
}


def local_workers(address: str) -> int | None:
    """The number of workers ``local:N`` asks for (``local``: one per core); None for a remote address."""
    if address == LOCAL:
        return os.cpu_count() or 1
    if address.startswith(LOCAL + ":"):
        n = int(address.split(":", 1)[1])
        if n < 1:
            raise ValueError(f"{address}: a local cluster needs at least one worker")
        return n
    return None


@contextmanager
def connect(address: str, *, dashboard: bool = True) -> Iterator[Client]:
    """A client of the cluster ``address`` names; a local cluster is closed again at the end."""
    import dask

    from distributed import Client, LocalCluster

    n = local_workers(address)
    if n is None:
        with Client(address) as client:
            yield client
        return
    with dask.config.set(LOCAL_CONFIG), LocalCluster(
        n_workers=n, threads_per_worker=1, processes=True, memory_limit=LOCAL_WORKER_MEMORY,
        dashboard_address=":0" if dashboard else None,
    ) as cluster, Client(cluster) as client:
        yield client
