"""Ingest on a Dask cluster into a Parquet corpus, and reading corpora as a Dask bag.

``ingest(paths, out, client=...)`` cuts the inputs into partitions
(``partition``), has every worker read its partitions with its own ``Reader``
(loaded once per worker by ``plugin.ReaderPlugin``) and write the rows itself
(``write``): only counts come back to the driver. The Parquet corpus
(``newsgraph.parquet``) is queried with DuckDB or loaded into a store
(``newsgraph load``). A rerun skips the partitions already written; a task lost
with its worker is run again elsewhere and replaces its own files.

``records_bag`` turns input paths into a ``dask.bag.Bag`` of records, for
analyses that want the records themselves.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.ingest import iter_items
from newsgraph.ingest.inputs import list_files
from newsgraph.record import Record

if TYPE_CHECKING:
    import dask.bag

    from distributed import Client
    from newsgraph.distributed.write import PartitionReport

#: Times a task is retried when it fails (a worker lost mid-task counts separately, see docs/scale.md).
TASK_RETRIES = 2


@dataclass
class DistributedReport:
    """What a cluster ingest did, from the tasks' counts."""

    out: str
    partitions: int = 0
    partitions_skipped: int = 0
    inputs: int = 0
    stored: int = 0
    duplicates: int = 0
    #: Inputs written by two tasks under two names (the same bytes): every query and ``load`` keep the first.
    later_copies: int = 0
    failed: int = 0
    already_written: int = 0
    seconds: float = 0.0
    workers: int = 0
    dashboard: str | None = None
    entities: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        return (self.stored + self.failed) / self.seconds if self.seconds > 0 else 0.0

    def add(self, part: PartitionReport) -> None:
        if part.already_written:
            self.partitions_skipped += 1
            self.already_written += part.stored + part.failed
            return
        self.inputs += part.inputs
        self.stored += part.stored
        self.duplicates += part.duplicates
        self.failed += part.failed

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "per_second": round(self.per_second, 2)}


def ingest(
    paths: Iterable[str | Path],
    out: str | Path,
    client: Client | None = None,
    *,
    model: str | None = None,
    published: str | None = None,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    progress: Callable[[DistributedReport], None] | None = None,
    build_entities: bool = True,
    files_per_partition: int | None = None,
    lines_per_partition: int | None = None,
) -> DistributedReport:
    """Read every input under ``paths`` on the cluster of ``client`` into the Parquet corpus ``out``.

    Without ``client`` a ``LocalCluster`` (one worker per core) runs the job.
    ``progress`` is called with the report after each finished partition.
    With ``build_entities`` the cross-article entities are built at the end
    (``newsgraph.parquet.entities``).
    """
    if client is None:
        from newsgraph.distributed.cluster import LOCAL, connect

        with connect(LOCAL, dashboard=False) as local:
            return ingest(paths, out, local, model=model, published=published, include=include,
                          exclude=exclude, progress=progress, build_entities=build_entities,
                          files_per_partition=files_per_partition, lines_per_partition=lines_per_partition)
    from distributed import as_completed
    from newsgraph.distributed.partition import FILES_PER_PARTITION, LINES_PER_PARTITION, partitions
    from newsgraph.distributed.plugin import ReaderPlugin
    from newsgraph.distributed.write import write_partition
    from newsgraph.parquet.layout import Location

    started = time.perf_counter()
    out = str(out)
    loc = Location.of(out)
    loc.fs.create_dir(loc.root, recursive=True)
    parts = partitions([str(p) for p in paths], include=include, exclude=exclude,
                       files_per_partition=files_per_partition or FILES_PER_PARTITION,
                       lines_per_partition=lines_per_partition or LINES_PER_PARTITION)
    done = loc.done()
    report = DistributedReport(out=out, partitions=len(parts), dashboard=client.dashboard_link,
                               workers=len(client.scheduler_info(n_workers=-1).get("workers", {})))
    todo = []
    for part in parts:
        if part.key in done:
            report.partitions_skipped += 1
        else:
            todo.append(part)
    if todo and _needs_plugin(client, model):
        client.register_plugin(ReaderPlugin(model))
    futures = [client.submit(write_partition, part, out, model, published, key=f"newsgraph-{part.key}",
                             retries=TASK_RETRIES, pure=False) for part in todo]
    for future in as_completed(futures):
        try:
            report.add(future.result())
        except Exception as exc:  # a partition that failed after its retries: the others go on
            report.errors.append(f"{future.key}: {exc}")
        future.release()
        if progress is not None:
            report.seconds = time.perf_counter() - started
            progress(report)
    from newsgraph.parquet.duck import DuckCorpus

    with DuckCorpus(out) as duck:
        report.later_copies = duck.later_copies()
    if build_entities and (todo or not loc.exists("corpus_entities.parquet")):
        from newsgraph.parquet.entities import build

        report.entities = build(out)
    report.seconds = time.perf_counter() - started
    return report


def _needs_plugin(client: Client, model: str | None) -> bool:
    """Whether some worker lacks a reader for ``model`` (registering again would reload every model)."""
    from newsgraph.distributed.plugin import PLUGIN_NAME

    def loaded(dask_worker) -> tuple[bool, str | None]:
        plugin = dask_worker.plugins.get(PLUGIN_NAME)
        return plugin is not None and getattr(plugin, "reader", None) is not None, getattr(plugin, "model", None)

    found = client.run(loaded)
    return not found or any(not ok or name != model for ok, name in found.values())


def expand_paths(paths: Iterable[str | Path]) -> list[str]:
    """Files named by ``paths``, listed as ``newsgraph read`` lists them (``ingest.inputs.list_files``)."""
    return [str(p) for p in list_files([str(p) for p in paths])]


def _read_partition(files: list[str], model: str | None, published: str | None) -> Iterator[Record]:
    from newsgraph.api import get_reader

    reader = get_reader(model)
    yield from reader.read_many(iter_items(files), published=published)


def records_bag(
    paths: Iterable[str | Path],
    *,
    model: str | None = None,
    published: str | None = None,
    npartitions: int | None = None,
) -> dask.bag.Bag:
    """A Dask bag of records for every article under ``paths``.

    Bad inputs become records with ``source.error`` as in ``Reader.read_many``.
    ``bag.compute()`` brings every record to the caller: for a large corpus,
    use ``ingest`` (records written by the workers) or ``bag.map``/``bag.to_textfiles``.
    """
    import dask.bag as db

    files = expand_paths(paths)
    if not files:
        return db.from_sequence([], npartitions=1)
    npartitions = npartitions or min(len(files), 64)
    return db.from_sequence(files, npartitions=npartitions).map_partitions(
        lambda part: list(_read_partition(list(part), model, published))
    )


__all__ = ["DistributedReport", "expand_paths", "ingest", "records_bag"]
