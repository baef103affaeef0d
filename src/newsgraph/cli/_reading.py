"""The reading loop that ``read`` and ``timeline`` share: check options, stream records, report failures."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated

import typer

from newsgraph.cli._app import fail, handle, warn
from newsgraph.errors import NewsgraphError
from newsgraph.record import Record

if TYPE_CHECKING:  # the input stage (and trafilatura) load only when a command reads inputs
    from newsgraph.ingest import Item

#: ``--include``/``--exclude`` of ``read`` and ``ingest``: which files of a directory are articles.
IncludeOption = Annotated[list[str] | None, typer.Option(
    "--include", metavar="GLOB",
    help="Read only the files of a directory matching GLOB (name or relative path; repeatable). "
         "Default: .txt, .text, HTML, .jsonl, .csv (also .gz) and files without a suffix, "
         "not hidden, not README*/LICENSE*.")]
ExcludeOption = Annotated[list[str] | None, typer.Option(
    "--exclude", metavar="GLOB", help="Skip the files and folders of a directory matching GLOB (repeatable).")]


def with_warnings(items: Iterable[Item]) -> Iterator[Item]:
    """The items, each one's warnings (metadata dropped) printed on stderr as it passes."""
    for item in items:
        for warning in item.warnings:
            warn(f"{item.where}: warning: {warning}")
        yield item


@dataclass
class ReadRun:
    """Reads the named inputs and keeps count, so the command can set its exit code at the end."""

    paths: list[str]
    published: str | None = None
    model: str | None = None
    workers: int = 1
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
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
            limits = Limits.from_env()
            reader = get_reader(self.model)
        except NewsgraphError as exc:
            handle(exc)
        reader.use_limits(limits)  # the shared reader may have been made under other settings
        # Streamed: memory stays bounded on big corpora.
        items = with_warnings(iter_items(self.paths, limits, include=self.include, exclude=self.exclude))
        for record in reader.read_many(items, published=self.published, n_process=self.workers):
            self.seen += 1
            if record.source.error:
                self.failures += 1
                warn(f"{record.source.where}: {record.source.error}")
            yield record
        if not self.seen:
            fail("no articles found in " + ", ".join(self.paths))
