"""``newsgraph eval qasrl``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from newsgraph.cli._app import console, eval_app, fail, handle, write_line
from newsgraph.errors import NewsgraphError


@eval_app.command("qasrl")
def eval_qasrl(
    directory: Annotated[Path, typer.Argument(help="The qasrl-wikinews directory (wikinews.dev.gold.csv, .full.csv).")],
    half: Annotated[str, typer.Option(help="dev (rules written on it), report (figures), or all.")] = "report",
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="Score only the first N articles of the half.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model package or path.")] = None,
) -> None:
    """Actor, patient and time accuracy and predicate recall on QA-SRL Wikinews, beside a naive SVO baseline.

    Example: newsgraph eval qasrl ../shared/eval-data/qasrl-wikinews --half report
    """
    from newsgraph.api import Reader
    from newsgraph.evaluate.qasrl import FULL_FILE, GOLD_FILE, evaluate

    if half not in ("dev", "report", "all"):
        fail("--half is dev, report or all", 2)
    for name in (GOLD_FILE, FULL_FILE):
        if not (directory / name).is_file():
            fail(f"{directory / name}: not found")
    try:
        report = evaluate(directory, Reader(model), half=half, limit=limit)
    except NewsgraphError as exc:
        handle(exc)
    except (ValueError, KeyError) as exc:
        fail(f"{directory}: not QA-SRL gold ({exc})")
    if as_json:
        write_line(json.dumps(report.to_dict(), indent=2))
        return
    table = Table(title=f"QA-SRL Wikinews ({report.half} half, {report.articles} articles)")
    for col in ("measure", "newsgraph", "SVO baseline", "baseline on newsgraph's predicates"):
        table.add_column(col, justify="right")
    systems = (report.newsgraph, report.baseline, report.baseline_on_newsgraph_predicates)
    table.add_row("reported predicates", *(str(s.reported) for s in systems))
    for role in ("actor", "patient", "time"):
        table.add_row(f"{role} accuracy", *(f"{getattr(s, role).value:.1%} ({getattr(s, role).total})"
                                            for s in systems))
    console.print(table)
    console.print(f"predicate recall (no speech verbs, states, infinitive complements): {report.recall:.1%} "
                  f"({report.recalled}/{report.eligible})")
