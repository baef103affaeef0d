"""``newsgraph eval reference``: one article's record against its hand-made reference record."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from newsgraph.cli._app import console, eval_app, fail, handle, write_line
from newsgraph.errors import NewsgraphError


@eval_app.command("reference")
def eval_reference(
    gold: Annotated[Path, typer.Argument(help="Reference record (JSON, the shape of shared/gold/*.json).")],
    article: Annotated[Path | None, typer.Option(help="The raw article (default: the reference's 'article').")] = None,
    failed_only: Annotated[bool, typer.Option("--failed", help="List only failed checks.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the checks as JSON.")] = False,
    model: Annotated[str | None, typer.Option(help="spaCy model package or path.")] = None,
) -> None:
    """Check every part of an article's record against its reference.

    Example: newsgraph eval reference ../shared/gold/wapo-sessions-2017-06-06.json
    """
    from newsgraph.api import get_reader
    from newsgraph.evaluate.reference import compare, summary

    try:
        reference = json.loads(gold.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        fail(f"{gold}: cannot read reference ({exc})")
    path = article or gold.parent.parent / reference.get("article", "")
    try:
        record = get_reader(model).read(path)
    except NewsgraphError as exc:
        handle(exc)
    checks = compare(record, reference)
    if as_json:
        write_line(json.dumps([c.__dict__ for c in checks], indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{path.name} against {gold.name}")
    for column in ("part", "check", "", "detail"):
        table.add_column(column, overflow="fold")
    for c in checks:
        if failed_only and c.passed:
            continue
        table.add_row(c.part, c.name, "[green]✓[/]" if c.passed else "[red]✗[/]", "" if c.passed else c.detail)
    console.print(table)
    for part, (passed, total) in summary(checks).items():
        console.print(f"{part:14} {passed}/{total}")
