"""``newsgraph eval polnear``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from newsgraph.cli._app import console, eval_app, fail, handle, write_line
from newsgraph.errors import NewsgraphError


@eval_app.command("polnear")
def eval_polnear(
    directory: Annotated[Path, typer.Argument(help="The PolNeAR folder (with data/train, data/dev).")],
    split: Annotated[str, typer.Option(help="train or dev.")] = "dev",
    limit: Annotated[int | None, typer.Option(min=1, help="Score only the first N articles.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model package or path.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score attribution (content, source, cue) against PolNeAR's gold spans.

    Example: newsgraph eval polnear ../shared/eval-data/polnear --split dev --limit 20
    """
    from newsgraph.evaluate.polnear import SPLITS, evaluate

    if split not in SPLITS:
        fail(f"--split must be one of: {', '.join(SPLITS)}", 2)
    try:
        report = evaluate(directory, split=split, limit=limit, model=model)
    except FileNotFoundError as exc:
        fail(str(exc))
    except NewsgraphError as exc:
        handle(exc)
    if report.articles == 0:
        fail(f"{directory}: no annotated articles in split {split!r}")
    data = report.to_dict()
    if as_json:
        write_line(json.dumps(data, indent=2))
        return
    table = Table(title=f"PolNeAR {split}: {report.articles} articles")
    for column in ("measure", "precision", "recall", "F1", "tp", "predicted", "gold"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    for name, s in data["scores"].items():  # type: ignore[union-attr]
        table.add_row(name, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}",
                      str(s["tp"]), str(s["predicted"]), str(s["gold"]))  # fmt: skip
    console.print(table)
