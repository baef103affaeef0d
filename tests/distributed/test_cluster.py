"""A cluster started by ``newsgraph.distributed.cluster.connect``: its workers' settings."""

from __future__ import annotations

from newsgraph.distributed.cluster import LOCAL_MEMORY_CHECK, LOCAL_SYSTEM_SAMPLE, LOCAL_TICK, connect


def _profiler_on() -> bool:
    import dask

    return bool(dask.config.get("distributed.worker.profile.enabled"))


def test_a_local_clusters_workers_run_without_the_profiler():
    with connect("local:1", dashboard=False) as client:
        assert list(client.run(_profiler_on).values()) == [False]
    assert _profiler_on()  # the setting is the cluster's, not left behind in this process


def _intervals() -> tuple[str, str, str]:
    import dask

    return (dask.config.get("distributed.admin.tick.interval"),
            dask.config.get("distributed.worker.memory.monitor-interval"),
            dask.config.get("distributed.admin.system-monitor.interval"))


def test_a_local_clusters_workers_check_themselves_less_often_than_dasks_defaults():
    defaults = _intervals()
    with connect("local:1", dashboard=False) as client:
        assert list(client.run(_intervals).values()) == [(LOCAL_TICK, LOCAL_MEMORY_CHECK, LOCAL_SYSTEM_SAMPLE)]
    assert _intervals() == defaults
