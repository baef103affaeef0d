"""``newsgraph eval cleaning``: authors/dates recovered and Reuters sentences kept intact."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from newsgraph.cli._app import console, eval_app, fail, write_line


@eval_app.command("cleaning")
def eval_cleaning(
    corpus_dir: Annotated[Path | None, typer.Option(help="The shared corpus/ folder (default: ../shared/corpus).")]
    = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N documents of each corpus.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Score cleaning: author/date precision-recall (FakeNewsNet, BuzzFeed-Webis) and Reuters intact share.

    Example: newsgraph eval cleaning --limit 500
    """
    from newsgraph.evaluate.cleaning import as_dict, evaluate
    from newsgraph.evaluate.corpora import default_corpus_dir

    root = corpus_dir or default_corpus_dir()
    if not (root / "reuters21578").exists():
        fail(f"{root}: no reuters21578/ folder (expected the shared corpus folder)")
    report = evaluate(root, limit=limit)
    if as_json:
        write_line(json.dumps(as_dict(report), indent=2))
        return
    meta = Table(title="Authors and dates read from the text vs corpus metadata")
    for column in ("corpus", "docs", "author P", "author R", "R recoverable", "date P", "date R", "span errors",
                   "removed lines (prose-like)"):
        meta.add_column(column)
    for m in report.metadata:
        meta.add_row(m.corpus, str(m.documents),
                     f"{m.author_precision:.3f} ({m.correct_authors}/{m.predicted_authors})",
                     f"{m.author_recall:.3f} ({m.found_gold_authors}/{m.gold_authors})",
                     f"{m.author_recall_recoverable:.3f} ({m.found_recoverable_authors}/{m.recoverable_authors})",
                     f"{m.date_precision:.3f} ({m.correct_dates}/{m.predicted_dates})",
                     f"{m.date_recall:.3f} ({m.correct_dates}/{m.with_date})", str(m.span_problems),
                     f"{m.removed_lines} ({m.removed_prose})")
    console.print(meta)
    r = report.reuters
    wire = Table(title=f"Reuters-21578, {r.documents} stories")
    wire.add_column("measure")
    wire.add_column("value")
    wire.add_row("all sentences intact + dateline + sign-off removed", f"{r.share_all_good:.4f} ({r.all_good})")
    wire.add_row("stories with every sentence intact", f"{r.docs_sentences_intact}/{r.documents}")
    wire.add_row("sentences intact", f"{r.sentences_intact}/{r.sentences}")
    wire.add_row("sentences dropped", str(r.sentences_dropped))
    wire.add_row("dateline removed", f"{r.dateline_removed}/{r.with_dateline}")
    wire.add_row("sign-off removed", f"{r.signoff_removed}/{r.with_signoff}")
    wire.add_row("titles read correctly", f"{r.titles_correct}/{r.documents}")
    wire.add_row("span errors", str(r.span_problems))
    console.print(wire)
    b = report.bbc_titles
    console.print(f"BBC News headlines read: {b.correct}/{b.documents} correct, {b.predicted} read")
