"""``newsgraph read`` and ``newsgraph schema``."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from newsgraph.cli._app import app, console, fail, write_line
from newsgraph.cli._reading import ExcludeOption, IncludeOption, ReadRun
from newsgraph.cli.view import SECTIONS, parse_sections, render_record
from newsgraph.record import schema_json


@app.command()
def read(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, .jsonl, .csv, .gz, or - for stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the record as JSON (an array for several).")] = False,
    as_jsonl: Annotated[bool, typer.Option("--jsonl", help="Print one record per line, in input order.")] = False,
    published: Annotated[str | None, typer.Option(help="Publication date to anchor relative times on.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model package or path.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    all_events: Annotated[
        bool, typer.Option("--all-events", help="The view lists every clause event, not only the main ones.")
    ] = False,
    include: IncludeOption = None,
    exclude: ExcludeOption = None,
    sections: Annotated[str | None, typer.Option(
        help=f"The view's tables, comma-separated: {','.join(SECTIONS)} (default: all).")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="The view lists at most this many rows per table.")] = None,
) -> None:
    """Read articles and print their records.

    Example: newsgraph read article.txt --json
    """
    if as_json and as_jsonl:
        fail("--json and --jsonl exclude each other", 2)
    try:
        chosen = parse_sections(sections)
    except ValueError as exc:
        fail(str(exc), 2)
    run = ReadRun(paths, published=published, model=model, workers=workers, include=include or [],
                  exclude=exclude or [])
    collected = []
    for record in run.records():
        if as_jsonl:
            write_line(record.to_json())
        elif record.source.error:
            continue
        elif as_json:
            collected.append(record.to_dict())
        else:
            render_record(console, record, all_events=all_events, sections=chosen, limit=limit)
    if as_json and collected:
        write_line(json.dumps(collected[0] if run.seen == 1 else collected, indent=2, ensure_ascii=False))
    if run.failures:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record (newsgraph.record/1).

    Example: newsgraph schema > record.schema.json
    """
    write_line(schema_json())
