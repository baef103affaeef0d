"""``newsgraph eval conll``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from newsgraph.cli._app import console, eval_app, fail, write_line
from newsgraph.errors import NewsgraphError

_ROWS = ("PER", "ORG", "LOC", "MISC", "PER+ORG+LOC", "ALL")
_SHORT = {"bare": "bare", "newsgraph": "ng"}


@eval_app.command("conll")
def eval_conll(
    file: Annotated[Path, typer.Argument(help="a CoNLL-2003 file, e.g. eng.testa")],
    bare: Annotated[bool, typer.Option("--bare", help="score bare spaCy only")] = False,
    limit_docs: Annotated[int | None, typer.Option("--limit-docs", help="score only the first N documents")] = None,
    model: Annotated[str | None, typer.Option("--model", help="spaCy model (default: best installed)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
) -> None:
    """Entity mentions against CoNLL-2003 gold, bare spaCy and newsgraph side by side.

    Example: newsgraph eval conll ../shared/eval-data/conll2003/eng.testa --limit-docs 50
    """
    from newsgraph.evaluate.conll import evaluate_conll
    from newsgraph.nlp.pipeline import load_ner

    if not file.exists():
        fail(f"{file}: no such file")
    try:
        nlp = load_ner(model)
        result = evaluate_conll(nlp, file, limit_docs=limit_docs, bare_only=bare)
    except NewsgraphError as exc:
        fail(str(exc))
    data = result.to_dict()
    if as_json:
        write_line(json.dumps(data, indent=2))
        return
    table = Table(
        title=f"CoNLL-2003 {file.name}: {result.documents} documents, {result.tokens} tokens",
        caption="bare = spaCy doc.ents; ng = newsgraph entity stage",
    )
    table.add_column("type", no_wrap=True)
    systems = ["bare"] if bare else ["bare", "newsgraph"]
    for system in systems:
        for measure in ("P", "R", "F1"):
            table.add_column(f"{_SHORT[system]} {measure}", justify="right", no_wrap=True)
    table.add_column("gold", justify="right", no_wrap=True)
    for row in _ROWS:
        cells = []
        for system in systems:
            s = data[system][row]
            cells += [f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}"]
        table.add_row(row, *cells, str(data["bare"][row]["support"]))
    console.print(table)
