"""Reading corpora with Dask, for runs that outgrow one process or one machine.

``records_bag`` turns input paths into a ``dask.bag.Bag`` of records. Each
partition reads its own files with a per-worker ``Reader`` (the model is loaded
once per worker process, not per task), so the same code runs on the local
threaded or process scheduler and on a ``dask.distributed`` cluster whose
workers can see the files.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.ingest import iter_items
from newsgraph.record import Record

if TYPE_CHECKING:
    import dask.bag


def expand_paths(paths: Iterable[str | Path]) -> list[str]:
    """Files named by ``paths`` (directories walked), without reading them."""
    out: list[str] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            out.extend(str(p) for p in sorted(path.rglob("*")) if p.is_file() and not p.name.startswith("."))
        else:
            out.append(str(path))
    return out


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
    """
    import dask.bag as db

    files = expand_paths(paths)
    if not files:
        return db.from_sequence([], npartitions=1)
    npartitions = npartitions or min(len(files), 64)
    return db.from_sequence(files, npartitions=npartitions).map_partitions(
        lambda part: list(_read_partition(list(part), model, published))
    )
