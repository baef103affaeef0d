"""``newsgraph timeline``: events of articles (or of a store) in date order."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from newsgraph.cli._app import app, console, err_console, fail, handle, write_line
from newsgraph.errors import NewsgraphError
from newsgraph.timeline import TimelineEntry, timeline

#: Evidence sentences are clipped to this many characters in the table (``--json`` has them whole).
EVIDENCE_CHARS = 200


@app.command("timeline")
def timeline_command(
    paths: Annotated[list[str], typer.Argument(help="Articles: files, directories, .jsonl, .csv, .gz, or -.")],
    entity: Annotated[str | None, typer.Option(help="Only events whose actor or target is this entity.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the timeline as a JSON array.")] = False,
    dated_only: Annotated[bool, typer.Option("--dated-only", help="Leave out events with no date.")] = False,
    published: Annotated[str | None, typer.Option(help="Publication date to anchor relative times on.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model package or path.")] = None,
) -> None:
    """List the events of the given articles in date order, with source and evidence.

    Example: newsgraph timeline article.txt --entity "Jane Doe"
    """
    from newsgraph.api import Reader
    from newsgraph.dates import normalize_published
    from newsgraph.ingest import iter_items

    if published is not None and normalize_published(published) is None:
        fail(f"--published: not a date: {published!r}", 2)
    try:
        reader = Reader(model)
    except NewsgraphError as exc:
        handle(exc)
    items = list(iter_items(paths, reader.limits))
    if not items:
        fail("no articles found in " + ", ".join(paths))
    records = []
    failures = 0
    for record in reader.read_many(items, published=published):
        if record.source.error:
            failures += 1
            where = record.source.path or record.source.id or "<input>"
            err_console.print(f"[bold red]newsgraph:[/] {where}: {record.source.error}", highlight=False)
            continue
        records.append(record)
    entries = timeline(records, entity, undated=not dated_only)
    if as_json:
        write_line(json.dumps([e.to_dict() for e in entries], indent=2, ensure_ascii=False))
    else:
        render_timeline(entries, multiple=len(records) > 1)
    if failures:
        raise typer.Exit(1)


def render_timeline(entries: list[TimelineEntry], *, multiple: bool = False) -> None:
    """A rich table of timeline entries (shared with ``timeline --db``)."""
    if not entries:
        console.print("[dim]no events[/]")
        return
    table = Table(title=f"timeline ({len(entries)} events)", title_justify="left")
    table.add_column("date", no_wrap=True)
    table.add_column("event", overflow="fold")
    table.add_column("source", overflow="fold")
    table.add_column("evidence", overflow="fold")
    if multiple:
        table.add_column("article", overflow="fold")
    for e in entries:
        when = e.date or "—"
        if e.date and e.date_reason:
            when += f"\n[dim]{e.date_reason}: {e.time_text or ''}[/]"
        what = e.summary
        if e.event.modality != "asserted":
            what += f" [dim]({e.event.modality})[/]"
        if e.event.code:
            what += f" [cyan]{e.event.code}[/]"
        evidence = e.evidence if len(e.evidence) <= EVIDENCE_CHARS else e.evidence[: EVIDENCE_CHARS - 1] + "…"
        row = [when, what, e.source, evidence]
        if multiple:
            row.append(e.title or e.record_id[:12])
        table.add_row(*row)
    console.print(table)
