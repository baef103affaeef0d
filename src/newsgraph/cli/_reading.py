"""The reading loop that ``read`` and ``timeline`` share: check options, stream records, report failures."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from newsgraph.cli._app import fail, handle, warn
from newsgraph.errors import NewsgraphError
from newsgraph.record import Record


@dataclass
class ReadRun:
    """Reads the named inputs and keeps count, so the command can set its exit code at the end."""

    paths: list[str]
    published: str | None = None
    model: str | None = None
    workers: int = 1
    seen: int = 0
    failures: int = 0
    _started: bool = field(default=False, repr=False)

    def records(self) -> Iterator[Record]:
        """Every record in input order; a bad input is reported on stderr and still yielded."""
        from newsgraph.api import get_reader
        from newsgraph.dates import normalize_published
        from newsgraph.ingest import iter_items
        from newsgraph.settings import Limits

        if self.published is not None and normalize_published(self.published) is None:
            fail(f"--published: not a date: {self.published!r}", 2)
        try:
            reader = get_reader(self.model)
        except NewsgraphError as exc:
            handle(exc)
        items = iter_items(self.paths, Limits.from_env())  # streamed: memory stays bounded on big corpora
        for record in reader.read_many(items, published=self.published, n_process=self.workers):
            self.seen += 1
            if record.source.error:
                self.failures += 1
                warn(f"{record.source.where}: {record.source.error}")
            yield record
        if not self.seen:
            fail("no articles found in " + ", ".join(self.paths))
