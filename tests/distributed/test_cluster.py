"""A cluster started by ``newsgraph.distributed.cluster.connect``: its workers' settings."""

from __future__ import annotations

from newsgraph.distributed.cluster import connect


def _profiler_on() -> bool:
    import dask

    return bool(dask.config.get("distributed.worker.profile.enabled"))


def test_a_local_clusters_workers_run_without_the_profiler():
    with connect("local:1", dashboard=False) as client:
        assert list(client.run(_profiler_on).values()) == [False]
    assert _profiler_on()  # the setting is the cluster's, not left behind in this process
