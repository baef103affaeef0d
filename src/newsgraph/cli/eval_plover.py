"""``newsgraph eval plover``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from newsgraph.cli._app import console, eval_app, fail, handle, write_line
from newsgraph.errors import NewsgraphError


@eval_app.command("plover")
def eval_plover(
    path: Annotated[Path, typer.Argument(help="PLOVER_GSR_CAMEO.txt (CAMEO2PLOVER-2021.txt next to it).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="Score only the first N sentences.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model package or path.")] = None,
) -> None:
    """Event-type, actor and target accuracy on the PLOVER gold sentences.

    Example: newsgraph eval plover ../shared/eval-data/plover/PLOVER_GSR_CAMEO.txt
    """
    from newsgraph.api import Reader
    from newsgraph.evaluate.plover import MAPPING_FILE, evaluate

    if not path.is_file():
        fail(f"{path}: no such file")
    if not (path.parent / MAPPING_FILE).is_file():
        fail(f"{path.parent / MAPPING_FILE}: mapping file not found next to the gold file")
    try:
        reader = Reader(model)
        report = evaluate(path, reader.nlp, limit=limit)
    except NewsgraphError as exc:
        handle(exc)
    except (ValueError, KeyError) as exc:
        fail(f"{path}: not a PLOVER gold file ({exc})")
    if as_json:
        write_line(json.dumps(report.to_dict(), indent=2))
        return
    table = Table(title=f"PLOVER gold: {report.sentences} sentences")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("event-type accuracy", f"{report.type_accuracy:.1%}")
    table.add_row("sentences with a coded event", f"{report.coded / max(report.sentences, 1):.1%}")
    table.add_row(f"actor accuracy ({report.actor_total})", f"{report.actor_accuracy:.1%}")
    table.add_row(f"target accuracy ({report.target_total})", f"{report.target_accuracy:.1%}")
    table.add_row("target or object accuracy", f"{report.target_loose_accuracy:.1%}")
    console.print(table)
    per_type = Table(title="by gold type")
    for col in ("type", "gold", "correct"):
        per_type.add_column(col)
    for kind, stats in sorted(report.by_type.items()):
        per_type.add_row(kind, str(stats["gold"]), str(stats["correct"]))
    console.print(per_type)
