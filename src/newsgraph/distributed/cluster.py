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
#: Dask settings of a cluster started here. The worker's statistical profiler samples every thread
#: ten times a second for the dashboard's Profile page; on a worker that parses all the time that
#: is CPU taken from the parse, so a local cluster runs without it (a running cluster keeps its own).
LOCAL_CONFIG = {"distributed.worker.profile.enabled": False}


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
