"""Scale-out commands: ``ingest --dask … --parquet …`` (on a Dask cluster) and ``load`` (Parquet → store).

The cluster work lives in ``newsgraph.distributed``, the Parquet corpus in
``newsgraph.parquet``; this module parses, shows progress from the Dask
futures and prints the report.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsgraph.cli._app import app, err_console, fail, handle, write_line
from newsgraph.errors import NewsgraphError


def ingest_on_cluster(paths: list[str], dask: str | None, parquet: str | None, *, model: str | None,
                      as_json: bool, include: list[str] | None = None, exclude: list[str] | None = None) -> None:
    """``newsgraph ingest PATH… --dask ADDRESS --parquet OUT``."""
    if dask is None or parquet is None:
        fail("--dask and --parquet go together: --dask names the cluster, --parquet the corpus it writes", 2)
    try:
        from newsgraph.distributed import DistributedReport, ingest
        from newsgraph.distributed.cluster import connect
    except ImportError as exc:
        fail(f"ingest --dask needs the dask extra: pip install 'newsgraph[dask]' ({exc})")
    bar = Progress(TextColumn("[bold]dask ingest[/]"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[info]}"), TimeElapsedColumn(), console=err_console, transient=True)
    task = bar.add_task("partitions", total=None, info="")

    def progress(report: DistributedReport) -> None:
        bar.update(task, total=report.partitions, advance=1, info=(
            f"{report.stored} articles, {report.per_second:.1f}/s, {report.failed} failed"))

    try:
        with connect(dask) as client:
            err_console.print(f"dashboard: {client.dashboard_link}", highlight=False)
            with bar:
                report = ingest(paths, parquet, client, model=model, progress=progress,
                                include=include or (), exclude=exclude or ())
    except NewsgraphError as exc:
        handle(exc)
    except (OSError, ValueError) as exc:
        fail(str(exc))
    if report.partitions == 0:
        fail("no articles found in " + ", ".join(paths))
    if as_json:
        write_line(json.dumps(report.to_dict(), indent=2))
        return
    parts = [f"{report.stored} written", f"{report.failed} failed"]
    if report.partitions_skipped:
        parts.append(f"{report.partitions_skipped} of {report.partitions} partitions already written")
    if report.later_copies:
        parts.append(f"{report.later_copies} inputs repeat an earlier one (kept once)")
    if report.errors:
        parts.append(f"{len(report.errors)} partitions lost: " + "; ".join(report.errors[:3]))
    err_console.print(f"{parquet}: " + ", ".join(parts) + f" in {report.seconds:.1f} s "
                      f"({report.per_second:.1f} articles/s on {report.workers} workers), "
                      f"{report.entities} corpus entities", highlight=False)
    if report.errors:
        raise typer.Exit(1)


@app.command("load")
def load(
    corpus: Annotated[str, typer.Argument(help="A Parquet corpus (written by ingest --dask … --parquet).")],
    db: Annotated[str, typer.Option("--db", envvar="NEWSGRAPH_DB", help="The store (SQLite file).")] = "news.db",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a line.")] = False,
) -> None:
    """Load a Parquet corpus into the store, raw inputs kept (so reprocess works); rerun adds nothing.

    Example: newsgraph load corpus/ --db news.db
    """
    from newsgraph.cli.corpus import _report_line, _writing
    from newsgraph.parquet.load import load as load_into

    report = _writing(db, "load", lambda store, bar: load_into(corpus, store, progress=bar))
    if as_json:
        write_line(json.dumps(report.to_dict(), indent=2))
    else:
        err_console.print(_report_line(report, db), highlight=False)


#: The store ``serve --parquet DIR`` loads a local corpus into (beside its datasets) unless ``--db`` names one.
SERVED_STORE = "store.db"


def store_of_parquet(corpus: str, db: str | None) -> str:
    """The store that serves the Parquet corpus ``corpus``, brought up to date with it (``load``).

    The web app reads a store: its pages run the store's queries, with the
    SQLite deadline and full-text snippets. Loading adds only the articles the
    store lacks, so a second ``serve`` of the same corpus starts at once.
    """
    from newsgraph.cli.corpus import _open
    from newsgraph.parquet.load import load as load_into

    if db is None:
        if "://" in corpus:
            fail("serve --parquet of a remote corpus needs --db, the local store to load it into", 2)
        db = str(Path(corpus) / SERVED_STORE)
    store = _open(db, write=True)
    try:
        report = load_into(corpus, store)
    except NewsgraphError as exc:
        handle(exc)
    finally:
        store.close()
    err_console.print(f"{db}: {report.stored} articles loaded from {corpus}, {report.already_stored} there already",
                      highlight=False)
    return db
