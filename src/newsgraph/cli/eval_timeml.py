"""``newsgraph eval timeml``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from newsgraph.cli._app import console, eval_app, fail, handle, write_line
from newsgraph.errors import NewsgraphError


@eval_app.command("timeml")
def eval_timeml(
    directory: Annotated[Path, typer.Argument(help="A folder of TimeML (.tml) files, searched recursively.")],
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many files per corpus.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    errors: Annotated[
        Path | None, typer.Option(help="Write every miss, spurious and wrong value to this JSONL file.")
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model package or path.")] = None,
) -> None:
    """Score time expressions against TimeML gold (TempEval-3 extent and value measures), per corpus.

    Example: newsgraph eval timeml ../shared/eval-data/timeml --limit 20
    """
    from dataclasses import asdict

    from newsgraph.evaluate.timeml import evaluate, iter_corpus, spacy_tagger

    if not directory.is_dir():
        fail(f"{directory}: not a directory", 2)
    docs = list(iter_corpus(directory, limit=limit))
    if not docs:
        fail(f"{directory}: no .tml files")
    try:
        tagger = spacy_tagger(model)
    except NewsgraphError as exc:
        handle(exc)
    result = evaluate(docs, tagger, keep_mistakes=errors is not None)
    report = result.report()
    if errors is not None:
        with errors.open("w", encoding="utf-8") as handle_out:
            for mistake in result.mistakes:
                handle_out.write(json.dumps(asdict(mistake)) + "\n")
    if as_json:
        write_line(json.dumps(report, indent=2))
        return
    table = Table(title=f"TimeML time expressions: {directory}")
    for column in ("corpus", "docs", "gold", "system", "strict F1", "relaxed F1", "value F1", "type acc", "value acc"):
        table.add_column(column, justify="right" if column != "corpus" else "left")
    for name, row in report.items():
        table.add_row(
            name, str(row["docs"]), str(row["gold"]), str(row["system"]),
            f"{row['strict_f1']:.3f}", f"{row['relaxed_f1']:.3f}", f"{row['value_f1']:.3f}",
            f"{row['type_accuracy']:.3f}", f"{row['value_accuracy']:.3f}",
        )
    console.print(table)
