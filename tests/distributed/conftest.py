"""One 2-worker ``LocalCluster`` (processes) and one small corpus for every cluster test.

The same inputs are ingested three ways, once per session: the local path into
a store, the Dask path into a Parquet corpus, and that corpus loaded into a
second store; the tests compare them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("duckdb")

from _scale_corpus import cluster_ingest, write_inputs


@pytest.fixture(scope="session")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      memory_limit="2GiB") as local, Client(local) as client:
        yield client


@pytest.fixture(scope="session")
def inputs(tmp_path_factory) -> Path:
    return write_inputs(tmp_path_factory.mktemp("dask"))


@pytest.fixture(scope="session")
def parquet_corpus(cluster, inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("pq") / "corpus"
    report = cluster_ingest([inputs], out, cluster)
    return out, report


@pytest.fixture(scope="session")
def local_store(reader, inputs, tmp_path_factory):
    from newsgraph.corpus import ingest
    from newsgraph.store import Store

    store = Store(tmp_path_factory.mktemp("db") / "local.db")
    report = ingest(store, [str(inputs)], reader)
    yield store, report
    store.close()


@pytest.fixture(scope="session")
def duck(parquet_corpus):
    from newsgraph.parquet import DuckCorpus

    with DuckCorpus(str(parquet_corpus[0])) as corpus:
        yield corpus
