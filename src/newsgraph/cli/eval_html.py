"""``newsgraph eval html``: main-text extraction on the article-extraction benchmark."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from newsgraph.cli._app import console, eval_app, fail, write_line


@eval_app.command("html")
def eval_html(
    directory: Annotated[Path, typer.Argument(help="Benchmark folder with html/ and ground-truth.json.")],
    limit: Annotated[int | None, typer.Option(help="Only the first N pages.")] = None,
    split: Annotated[str, typer.Option(help="Pages: develop (rules were written on it), report, or all.")] = "all",
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score main-text extraction (token P/R/F1), newsgraph beside bare trafilatura.

    Example: newsgraph eval html ../shared/eval-data/article-extraction-benchmark
    """
    from newsgraph.evaluate.html import SPLITS, as_dicts, evaluate

    if not (directory / "ground-truth.json").exists():
        fail(f"{directory}: no ground-truth.json (expected the article-extraction benchmark folder)")
    if split not in SPLITS:
        fail(f"--split must be one of {', '.join(SPLITS)}, not {split!r}")
    scores = evaluate(directory, limit=limit, split=split)
    if as_json:
        write_line(json.dumps(as_dicts(scores), indent=2))
        return
    table = Table(title=f"Main-text extraction, {scores[0].pages if scores else 0} pages ({split})")
    for column in ("system", "precision", "recall", "F1", "accuracy", "failures"):
        table.add_column(column)
    for s in scores:
        table.add_row(s.system, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", f"{s.accuracy:.3f}",
                      str(s.failures))
    console.print(table)
    fields = next((s.fields for s in scores if s.fields), {})
    if not fields:
        console.print("No author, title or date gold in ground-truth.json: metadata not scored.")
    for name, score in fields.items():
        console.print(f"newsgraph {name}: accuracy {score['accuracy']:.3f} on {int(score['pages'])} pages with gold")
