"""Corpus store commands: ingest, failures, reprocess, search, entity, quotes, sources, stats, export, check, backup.

Each command opens a ``Store``, calls one method, and prints a rich table (or
JSON with ``--json``). ``--db`` defaults to ``news.db`` or ``$NEWSGRAPH_DB``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer
from click import Context
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from newsgraph.cli._app import app, console, err_console, fail, handle, warn, write_line
from newsgraph.cli._reading import ExcludeOption, IncludeOption
from newsgraph.errors import NewsgraphError

DbOption = Annotated[str, typer.Option("--db", envvar="NEWSGRAPH_DB", help="The store (SQLite file).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
LimitOption = Annotated[int, typer.Option(min=1, help="At most this many rows.")]
ParquetOption = Annotated[str | None, typer.Option(
    "--parquet", help="Answer from a Parquet corpus (a directory or URI) through DuckDB instead of --db.")]
DEFAULT_DB = "news.db"
T = TypeVar("T")


# --- shared helpers ----------------------------------------------------------------------


def _open(db: str, *, write: bool = False) -> Any:
    """The store at ``db``: must exist unless writing; queries open it read-only.

    A store made by an older newsgraph is upgraded (its migrations run) first.
    """
    from newsgraph.store import Store
    from newsgraph.store.db import NeedsUpgradeError

    try:
        try:
            return Store(db, readonly=not write, create=write)
        except NeedsUpgradeError:
            Store(db, create=False).close()
            return Store(db, readonly=True)
    except NewsgraphError as exc:
        handle(exc)


def _query(db: str, action: Callable[[Any], T], *, write: bool = False, timed: bool = True,
           parquet: str | None = None) -> T:
    """``action(store)`` on the store at ``db``; a ``NewsgraphError`` becomes the one-line error exit.

    With ``parquet`` the action runs on a ``newsgraph.parquet.DuckCorpus`` instead
    (the same query methods, over a Parquet corpus through DuckDB).

    A read (``timed``, not ``write``) runs under the query deadline (``settings.cli_query_seconds``,
    ``NEWSGRAPH_QUERY_SECONDS``): past it the query is stopped and the command exits 1 saying so.
    """
    from newsgraph import settings
    from newsgraph.store.queries import QueryTimeout, deadline

    try:
        seconds = settings.cli_query_seconds() if timed and not write else None
    except NewsgraphError as exc:
        handle(exc)
    if parquet is not None:
        from newsgraph.parquet import DuckCorpus

        try:
            with DuckCorpus(parquet) as corpus:
                return action(corpus)
        except NewsgraphError as exc:
            handle(exc)
    try:
        with _open(db, write=write) as store, deadline(store.conn, seconds):
            return action(store)
    except QueryTimeout as exc:
        fail(f"{exc} (the limit is NEWSGRAPH_QUERY_SECONDS={seconds:g}; 0 for none)")
    except NewsgraphError as exc:
        handle(exc)


def _dump(data: Any) -> None:
    write_line(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _clip(value: Any, width: int = 80) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(title: str, df: Any, columns: dict[str, int] | None = None, *, total: int | None = None) -> None:
    """A DataFrame as a rich table; ``columns`` picks and clips columns (name → width).

    ``total``: how many rows the whole list has, when ``df`` holds only the first
    of them (the title then says "first 50 of 140"). A ``label`` column is headed
    "article".
    """
    if df is None or len(df) == 0:
        console.print(f"[dim]{title}: none[/]")
        return
    columns = columns or {c: 40 for c in df.columns}
    count = f"first {len(df):,} of {total:,}" if total is not None and total > len(df) else f"{len(df):,}"
    table = Table(title=f"{title} ({count})", title_justify="left")
    for name in columns:
        table.add_column("article" if name == "label" else name, overflow="fold")
    for row in df.itertuples(index=False):
        values = row._asdict()
        table.add_row(*(escape(_clip(values.get(name), width)) for name, width in columns.items()))
    console.print(table)


def _short(df: Any, column: str = "id", width: int = 12) -> Any:
    """Article ids cut to a prefix that ``entity split --article`` and ``Store.get`` accept."""
    if len(df) and column in df.columns:
        df = df.copy()
        df[column] = df[column].str.slice(0, width)
    return df


def _labelled(store: Any, df: Any, column: str = "id") -> Any:
    """``df`` with each article's ``label`` (``newsgraph.store.labels``): the name lists print, never a bare hash."""
    from newsgraph.store.labels import labelled

    return labelled(store, df, column)


# --- ingest ------------------------------------------------------------------------------


def overall_rate(completed: float, elapsed: float | None) -> float | None:
    """Articles per second since the run started: what was stored over wall time.

    Rich's own ``task.speed`` averages only the last few advances. With workers,
    records come back a batch at a time, so the advances of one batch land within
    milliseconds and that estimate shows hundreds of articles/s while the real rate
    is a few; the rate over the whole run does not jump with the batches.
    """
    if not elapsed or elapsed <= 0 or completed <= 0:
        return None
    return completed / elapsed


def remaining_seconds(total: float | None, completed: float, elapsed: float | None) -> float | None:
    """Seconds left at the overall rate (``None`` before the first article)."""
    rate = overall_rate(completed, elapsed)
    if rate is None or total is None:
        return None
    return max(total - completed, 0) / rate


class _RateColumn(ProgressColumn):
    """Articles per second over the run's wall time (see ``overall_rate``)."""

    def render(self, task: Task) -> Text:
        rate = overall_rate(task.completed, task.elapsed)
        return Text("… articles/s" if rate is None else f"{rate:.1f} articles/s", style="cyan")


class _EtaColumn(ProgressColumn):
    """Time left at the overall rate."""

    def render(self, task: Task) -> Text:
        if task.finished:
            return Text("ETA 0:00:00", style="progress.remaining")
        left = remaining_seconds(task.total, task.completed, task.elapsed)
        if left is None:
            return Text("ETA -:--:--", style="progress.remaining")
        minutes, seconds = divmod(int(left + 0.5), 60)
        hours, minutes = divmod(minutes, 60)
        return Text(f"ETA {hours}:{minutes:02d}:{seconds:02d}", style="progress.remaining")


class _Bar:
    """A rich progress bar on stderr that an ingest (``newsgraph.corpus``) drives.

    ``get_time`` is rich's clock (tests pass a fake one).
    """

    def __init__(self, label: str, get_time: Callable[[], float] | None = None) -> None:
        self.label = label
        self.progress = Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
            TimeElapsedColumn(), _EtaColumn(), console=err_console, transient=False, get_time=get_time,
        )
        self.task: Any = None

    def start(self, total: int) -> None:
        if total:  # nothing to do: no bar
            self.progress.start()
            self.task = self.progress.add_task(self.label, total=total)

    def advance(self, n: int = 1) -> None:
        if self.task is not None:
            self.progress.advance(self.task, n)

    def stop(self) -> None:
        self.progress.stop()


def _writing(db: str, label: str, run: Callable[[Any, _Bar], T]) -> T:
    """``run(store, bar)`` on the store at ``db`` opened for writing, with a progress bar labelled ``label``.

    A ``NewsgraphError`` becomes the one-line error exit; the bar is stopped and the
    store closed either way.
    """
    store = _open(db, write=True)
    bar = _Bar(label)
    try:
        return run(store, bar)
    except NewsgraphError as exc:
        bar.stop()
        handle(exc)
    finally:
        bar.stop()
        store.close()


def _report_line(report: Any, db: str, *, rebuilding: bool = False) -> str:
    parts = [f"{report.rebuilt} rebuilt"] if rebuilding else [f"{report.stored} stored"]
    for label, value in (("already stored", report.already_stored), ("duplicate inputs", report.duplicates),
                         ("skipped (failed before; --retry-failed)", report.skipped_failed),
                         ("failed (newsgraph failures)", report.failed), ("without raw input", report.no_raw_input)):
        if value:
            parts.append(f"{value} {label}")
    rate = f" ({report.per_second:.1f} articles/s)" if report.per_second else ""
    return f"{db}: " + ", ".join(parts) + f" in {report.seconds:.1f} s{rate}"


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, .jsonl, .csv, .gz, or - for stdin.")],
    db: DbOption = DEFAULT_DB,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes that parse (one writer).")] = 1,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Retry inputs that failed before.")] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per parse batch.")] = 16,
    model: Annotated[str | None, typer.Option(help="spaCy model package or path.")] = None,
    as_json: JsonOption = False,
    include: IncludeOption = None,
    exclude: ExcludeOption = None,
    reparse: Annotated[bool, typer.Option(
        "--reprocess", help="Parse the lines of a records JSONL again instead of storing them as they are.")] = False,
    dask: Annotated[str | None, typer.Option(
        "--dask", help="Read on a Dask cluster: tcp://HOST:8786, or local[:N] to start N workers here "
        "(needs --parquet).")] = None,
    parquet: Annotated[str | None, typer.Option(
        "--parquet", help="With --dask: the Parquet corpus to write (a directory or URI).")] = None,
) -> None:
    """Read articles and store the new ones; rerun it to resume after a crash. Exits 1 when an input failed.

    Example: newsgraph ingest articles/ feed.jsonl --db news.db --workers 2;
    on a cluster: newsgraph ingest articles/ --dask local:2 --parquet corpus/
    """
    if dask is not None or parquet is not None:
        from newsgraph.cli.scale import ingest_on_cluster

        ingest_on_cluster(paths, dask, parquet, model=model, as_json=as_json, include=include, exclude=exclude)
        return
    from newsgraph.api import get_reader
    from newsgraph.corpus import ingest as ingest_into
    from newsgraph.settings import Limits

    def run(store: Any, bar: _Bar) -> Any:
        limits = Limits.from_env()  # a bad NEWSGRAPH_MAX_* is one line naming it
        reader = get_reader(model)
        reader.use_limits(limits)  # the shared reader may have been made under other settings
        return ingest_into(store, paths, reader, workers=workers, retry_failed=retry_failed,
                           batch_size=batch_size, progress=bar, include=include or (), exclude=exclude or (),
                           reparse_records=reparse, on_warning=lambda line: warn(f"warning: {line}"))

    report = _writing(db, "ingest", run)
    if report.inputs == 0:
        fail("no articles found in " + ", ".join(paths))
    if as_json:
        _dump(report.to_dict())
    else:
        err_console.print(_report_line(report, db), highlight=False)
    if report.failed:
        raise typer.Exit(1)  # like ``read``: a script sees that some input was not stored


@app.command()
def failures(db: DbOption = DEFAULT_DB, as_json: JsonOption = False, limit: LimitOption = 100) -> None:
    """List inputs that could not be stored, with the reason.

    Example: newsgraph failures --db news.db
    """
    df, warned = _query(db, lambda store: (store.failures(), store.stats()["counts"]["articles_with_warnings"]))
    if as_json:
        _dump(_records(df.head(limit)))
        return
    _table("Failures", _short(df.head(limit)), {"id": 12, "where": 50, "reason": 60, "attempts": 8, "failed_at": 20})
    if warned:
        # Stored, not failed: but a stage gave up on part of each (Record.warnings).
        err_console.print(f"{warned:,} stored article{'s carry' if warned != 1 else ' carries'} stage warnings "
                          "(newsgraph export --table warnings)", highlight=False)


@app.command()
def reprocess(
    db: DbOption = DEFAULT_DB,
    everything: Annotated[bool, typer.Option("--all", help="Rebuild every record, not only older ones.")] = False,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes that parse.")] = 1,
    model: Annotated[str | None, typer.Option(help="spaCy model package or path.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Rebuild records made by another newsgraph version, model or pipeline fingerprint, in place.

    Example: newsgraph reprocess --db news.db
    """
    from newsgraph.api import get_reader
    from newsgraph.corpus import reprocess as reprocess_in

    report = _writing(db, "reprocess", lambda store, bar: reprocess_in(
        store, get_reader(model), everything=everything, workers=workers, progress=bar))
    if as_json:
        _dump(report.to_dict())
    else:
        err_console.print(_report_line(report, db, rebuilding=True), highlight=False)


# --- queries -----------------------------------------------------------------------------


def _records(df: Any) -> list[dict[str, Any]]:
    from newsgraph.store.queries import records_of

    return records_of(df)


def _snippet(text: str) -> str:
    """Rich markup for a search snippet: matches in bold, the rest escaped."""
    from newsgraph.store.queries import SNIPPET_CLOSE, SNIPPET_OPEN

    out, rest = [], " ".join(str(text).split())
    while SNIPPET_OPEN in rest:
        before, _, after = rest.partition(SNIPPET_OPEN)
        match, _, rest = after.partition(SNIPPET_CLOSE)
        out.append(escape(before) + "[bold yellow]" + escape(match) + "[/]")
    return "".join(out) + escape(rest)


@app.command()
def search(
    text: Annotated[str, typer.Argument(help='Words, "a phrase", OR, NOT, prefix* (SQLite FTS5).')],
    db: DbOption = DEFAULT_DB,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
    parquet: ParquetOption = None,
) -> None:
    """Full-text search over article titles and texts, best match first, with snippets.

    Example: newsgraph search '"special counsel" recusal' --db news.db
    """
    df = _query(db, lambda store: _labelled(store, store.search(text, limit=limit)), parquet=parquet)
    if as_json:
        _dump(_records(df))
        return
    if not len(df):
        console.print(f"[dim]no article matches {escape(text)!s}[/]")
        return
    table = Table(title=f"Search: {escape(text)} ({len(df)})", title_justify="left")
    for name in ("id", "published", "article", "snippet"):
        table.add_column(name, overflow="fold")
    for row in df.itertuples(index=False):
        table.add_row(row.id[:12], _clip(row.published), escape(row.label), _snippet(_clip(row.snippet, 1000)))
    console.print(table)


class _EntityGroup(TyperGroup):
    """``newsgraph entity NAME`` shows a profile; ``entity merge|split|list …`` run subcommands."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        if args and args[0] not in ("--help", "-h") and not any(a in self.commands for a in args):
            args = ["show", *args]
        return super().parse_args(ctx, args)


entity_app = typer.Typer(
    cls=_EntityGroup, no_args_is_help=True,
    help="Corpus entities: `entity NAME` shows a profile; `entity merge A B`, `entity split NAME …` fix them.",
)
app.add_typer(entity_app, name="entity")


def _ref_line(ref: Any) -> str:
    return f"#{ref.id} {ref.name} ({ref.type or '?'}, {ref.articles:,} article{'' if ref.articles == 1 else 's'})"


@entity_app.command("show")
def entity_show(
    name: Annotated[str, typer.Argument(help="A name, part of one, or #id.")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
    parquet: ParquetOption = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Rows of each list: articles, quotes by, quotes about.")
                     ] = 50,
) -> None:
    """Profile of an entity: names, titles over time, articles, quotes by and about, co-mentioned.

    Example: newsgraph entity "Jane Roe" --db news.db --limit 10
    """
    def labelled_profile(store: Any) -> Any:
        profile = store.entity(name, limit=limit)
        profile.articles = _labelled(store, profile.articles)
        profile.quotes_by = _labelled(store, profile.quotes_by, "article_id")
        profile.quotes_about = _labelled(store, profile.quotes_about, "article_id")
        return profile

    profile = _query(db, labelled_profile, parquet=parquet)
    if as_json:
        _dump(profile.to_dict())
        return
    console.print(f"[bold]{escape(_ref_line(profile.entity))}[/]")
    if profile.other_matches:
        console.print("[dim]also matching: " + escape("; ".join(_ref_line(r) for r in profile.other_matches[:5]))
                      + "[/]")
    _table("Names", profile.names)
    _table("Titles over time", profile.titles)
    _table("Articles", _short(profile.articles), {"id": 12, "published": 10, "label": 50, "outlet": 20,
                                                  "mentions": 8}, total=profile.entity.articles)
    quote_columns = {"published": 10, "source": 30, "cue": 12, "content": 70, "label": 40}
    _table("Quotes by", profile.quotes_by, quote_columns)
    _table("Quotes about", profile.quotes_about, quote_columns)
    scope = "" if profile.co_mention_articles >= profile.entity.articles else (
        f" in a sample of {profile.co_mention_articles} of its {profile.entity.articles:,} articles")
    _table("Co-mentioned" + scope, profile.co_mentioned, {"id": 6, "name": 40, "type": 10, "articles": 8})


@entity_app.command("merge")
def entity_merge(
    keep: Annotated[str, typer.Argument(help="The entity that stays (name or #id).")],
    other: Annotated[str, typer.Argument(help="The entity folded into it (name or #id).")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Merge entity OTHER into KEEP; the decision survives re-processing.

    Example: newsgraph entity merge "Jane Roe" "Jane Ann Roe" --db news.db
    """
    ref = _query(db, lambda store: store.merge_entities(keep, other), write=True)
    if as_json:
        _dump(ref.__dict__)
    else:
        console.print(f"merged into {escape(_ref_line(ref))}")


@entity_app.command("split")
def entity_split(
    name: Annotated[str, typer.Argument(help="The entity to split (name or #id).")],
    names: Annotated[list[str] | None, typer.Option("--name", help="A name variant that moves (repeatable).")] = None,
    articles: Annotated[
        list[str] | None, typer.Option("--article", help="An article (id or prefix) whose mentions move.")
    ] = None,
    new_name: Annotated[str | None, typer.Option(help="Name of the new entity.")] = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Move name variants (everywhere) or an entity's mentions in some articles into a new entity.

    Example: newsgraph entity split Washington --name "George Washington" --db news.db
    """
    ref = _query(
        db, lambda store: store.split_entity(name, names=names, articles=articles, new_name=new_name), write=True
    )
    if as_json:
        _dump(ref.__dict__)
    else:
        console.print(f"split off {escape(_ref_line(ref))}")


@entity_app.command("list")
def entity_list(
    query: Annotated[str, typer.Argument(help="A name or part of one.")],
    db: DbOption = DEFAULT_DB,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
    parquet: ParquetOption = None,
) -> None:
    """Entities whose names contain QUERY, most articles first (to pick one by #id).

    Example: newsgraph entity list roe --db news.db
    """
    refs = _query(db, lambda store: store.find_entities(query, limit=limit, exact_first=False), parquet=parquet)
    if as_json:
        _dump([r.__dict__ for r in refs])
        return
    import pandas as pd

    _table("Entities", pd.DataFrame([r.__dict__ for r in refs]), {"id": 8, "name": 40, "type": 10, "articles": 8})


@app.command()
def quotes(
    by: Annotated[str | None, typer.Option(help="Only what this entity said (name or #id).")] = None,
    about: Annotated[str | None, typer.Option(help="Only quotes mentioning this entity.")] = None,
    db: DbOption = DEFAULT_DB,
    limit: LimitOption = 50,
    as_json: JsonOption = False,
    parquet: ParquetOption = None,
) -> None:
    """Quotes and paraphrases across the corpus, by or about an entity.

    Example: newsgraph quotes --by "Jane Roe" --db news.db
    """
    if by and about:
        fail("--by and --about exclude each other", 2)
    df = _query(db, lambda store: _labelled(store, store.quotes(by=by, about=about, limit=limit), "article_id"),
                parquet=parquet)
    if as_json:
        _dump(_records(df))
        return
    title = f"Quotes by {by}" if by else f"Quotes about {about}" if about else "Quotes"
    _table(title, _short(df, "article_id"), {"article_id": 12, "published": 10, "source": 30, "kind": 8,
                                             "content": 70, "label": 40})


@app.command()
def sources(
    anonymous: Annotated[bool, typer.Option("--anonymous", help="Only anonymous sources.")] = False,
    outlet: Annotated[str | None, typer.Option(help="Only articles whose outlet contains this.")] = None,
    author: Annotated[str | None, typer.Option(help="Only articles with an author containing this.")] = None,
    dedupe: Annotated[bool, typer.Option("--dedupe", help="Count each story once: leave out near-copies of "
                                         "an article (wire copy; newsgraph duplicates lists them).")] = False,
    db: DbOption = DEFAULT_DB,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
    parquet: ParquetOption = None,
    by: Annotated[str | None, typer.Option(
        "--by", help="Shares by role and/or gender, optionally per outlet, author, year or month: "
                     "role,gender or gender,outlet.")] = None,
) -> None:
    """Sourcing statistics: attributions by source kind, anonymous share, most cited sources; shares by role
    and gender (unknowns included) with --by.

    Example: newsgraph sources --anonymous --outlet "Washington Post" --db news.db
    Example: newsgraph sources --by role,gender --db news.db
    """
    if dedupe and parquet is not None:
        fail("--dedupe needs a store (--db): a Parquet corpus keeps no near-duplicate index", 2)
    extra = {"dedupe": True} if dedupe else {}

    def run(store: Any) -> Any:
        if dedupe:
            from newsgraph.store.duplicates import stale

            missing = stale(store.conn)["articles_unindexed"]
            if missing:
                warn(f"{missing} articles are not in the near-duplicate index (stored before it), so their "
                     f"copies are counted: run newsgraph dedupe --db {db}")
        return store.sources(anonymous=anonymous, outlet=outlet, author=author, limit=limit, by=by, **extra)

    report = _query(db, run, parquet=parquet)
    if as_json:
        _dump(report.to_dict())
        return
    filters = ", ".join(f"{k}={','.join(v) if isinstance(v, list) else v}" for k, v in report.filters.items()
                        if v) or "all articles"
    console.print(
        f"[bold]Sourcing[/] ({escape(filters)}): {report.articles} articles, {report.attributions} attributions, "
        f"{report.anonymous_share:.0%} anonymous, {report.named_sources} named sources"
    )
    if report.by_kind:
        console.print("by source kind: " + ", ".join(f"{k} {v}" for k, v in report.by_kind.items()))
    if report.unresolved_pronoun_attributions:
        n = report.unresolved_pronoun_attributions
        console.print(f"[yellow]{n} attribution{'' if n == 1 else 's'} to a pronoun the article left unresolved "
                      "(he, it, they …): not ranked among the sources below[/]")
    _table("Top sources", report.top_sources, {"source": 50, "kind": 12, "anonymous": 9, "attributions": 12,
                                               "articles": 8})
    _share_tables(report.shares)


def _share_tables(shares: dict[str, list[dict[str, Any]]]) -> None:
    """One table per share (role, gender): each value's sources and attributions, as counts and shares."""
    import pandas as pd

    for name, rows in shares.items():
        df = pd.DataFrame(rows)
        for column in ("sources_share", "attributions_share"):
            if column in df.columns:
                df[column] = df[column].map(lambda v: f"{v:.1%}")
        widths = {c: 40 if c in ("outlet", "author") else 12 for c in df.columns}
        _table(f"Sources by {name}", df, widths)


@app.command()
def stats(db: DbOption = DEFAULT_DB, as_json: JsonOption = False, parquet: ParquetOption = None) -> None:
    """Counts, publication dates, generators and size of the store.

    Example: newsgraph stats --db news.db
    """
    info = _query(db, lambda store: store.stats(), parquet=parquet)
    if as_json:
        _dump(info)
        return
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_row("store", escape(info["path"]) + (f" ({info['bytes'] / 1e6:.1f} MB)" if "bytes" in info else ""))
    for name, value in info["counts"].items():
        grid.add_row(name.replace("_", " "), f"{value:,}")
    grid.add_row("words", f"{info['words']:,}")
    pub = info["published"]
    grid.add_row("published", f"{pub['first'] or '—'} … {pub['last'] or '—'} ({pub['dated_articles']:,} dated)")
    for gen in info["generators"]:
        pipeline = f", pipeline {gen['pipeline']}" if gen.get("pipeline") else ""
        grid.add_row("made by", f"newsgraph {gen['newsgraph']}, {gen['model']}{pipeline}: {gen['articles']:,} articles")
    if info["outlets"]:
        grid.add_row("top outlets", escape(", ".join(f"{o['outlet']} {o['articles']}" for o in info["outlets"])))
    grid.add_row("schema", ", ".join(info["migrations"]))
    for i, missing in enumerate(info.get("store_only", ())):  # a Parquet corpus says what only a store has
        grid.add_row("only in a store" if i == 0 else "", escape(missing))
    console.print(grid)


@app.command()
def export(
    target: Annotated[str | None, typer.Argument(
        metavar="[OUT]", help="Where to write (as --out); the file a graphml or gexf export needs.")] = None,
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet; graphml or gexf for the corpus "
                                                       "graph.")] = "jsonl",
    table: Annotated[str | None, typer.Option(help="One table (articles, entities, mentions, attributions, "
                                                   "sources, times, events, relations, warnings, corpus_entities, "
                                                   "failures, records); default: whole records (jsonl) or every "
                                                   "table.")] = None,
    out: Annotated[str | None, typer.Option(help="File, or directory for every table; default stdout.")] = None,
    min_weight: Annotated[int | None, typer.Option(
        min=1, help="Graph only: leave out edges lighter than this (shared articles, relations, events).")] = None,
    types: Annotated[str | None, typer.Option(
        help="Graph only: entity types to keep, comma-separated (PERSON,ORG,GPE).")] = None,
) -> None:
    """Export whole records (JSONL), tables (JSONL, CSV, Parquet for pandas and DuckDB) or the corpus graph.

    Example: newsgraph export --db news.db --format parquet --out news-parquet/
    Example: newsgraph export --format graphml news.graphml --db news.db --min-weight 2 --types PERSON,ORG
    """
    from newsgraph.store.export import GRAPH_FORMATS

    if target is not None and out is not None and target != out:
        fail("give the output once: OUT or --out", 2)
    out = target if target is not None else out
    if fmt in GRAPH_FORMATS:
        if table is not None:
            fail(f"--table does not apply to --format {fmt} (the graph is the whole corpus)", 2)
        if out is None:
            fail(f"--format {fmt} writes a file: give OUT (e.g. news.{fmt})", 2)
        chosen = [t.strip() for t in types.split(",") if t.strip()] if types is not None else None
        path = _query(db, lambda store: store.export_graph(fmt, out, min_weight=min_weight or 1, types=chosen),
                      timed=False)
        err_console.print(f"wrote {escape(str(path))}", highlight=False)
        return
    if min_weight is not None or types is not None:
        fail(f"--min-weight and --types apply to --format {' or '.join(GRAPH_FORMATS)} only", 2)
    written = _query(db, lambda store: store.export(fmt, out, table=table), timed=False)
    for path in written:
        err_console.print(f"wrote {escape(str(path))}", highlight=False)


# --- upkeep: check and back up -----------------------------------------------------------


@app.command()
def check(db: DbOption = DEFAULT_DB, as_json: JsonOption = False) -> None:
    """Check the store: SQLite's integrity_check and the store's own invariants; exit 1 on any problem.

    Example: newsgraph check --db news.db
    """
    from newsgraph.store import Store

    try:
        # Read-only, and without the schema check of _open: a corrupt file must still get its report.
        with Store(db, readonly=True) as store:
            report = store.check()
    except NewsgraphError as exc:
        handle(exc)
    if as_json:
        _dump(report.to_dict())
    else:
        for problem in report.problems:
            err_console.print(f"problem: {escape(problem)}", highlight=False, soft_wrap=True)
        for note in report.notes:
            err_console.print(f"note: {escape(note)}", highlight=False, soft_wrap=True)
        counts = ", ".join(f"{value:,} {name.replace('_', ' ')}" for name, value in report.counts.items())
        verdict = "ok" if report.ok else f"{len(report.problems)} problem{'s' if len(report.problems) != 1 else ''}"
        summary = f"{escape(db)}: {verdict}" + (f" ({counts})" if counts else "")
        err_console.print(summary, highlight=False, soft_wrap=True)
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def backup(
    out: Annotated[str, typer.Argument(help="The new file to write (must not exist).")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Copy the store to a new file, safely while an ingest writes (SQLite online backup).

    Example: newsgraph backup --db news.db news-2026-12-01.db
    """
    written = _query(db, lambda store: store.backup(out), timed=False)
    size = written.stat().st_size / 1e6
    err_console.print(f"{escape(db)} → {escape(str(written))} ({size:.1f} MB, checked)", highlight=False,
                      soft_wrap=True)


# --- show ---------------------------------------------------------------------------------


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="An article id, or the start of one (lists print 12 characters).")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
    sections: Annotated[str | None, typer.Option(
        help="The view's tables, comma-separated: entities,quotes,sources,sourcing,times,events,relations.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many rows per table.")] = None,
    all_events: Annotated[
        bool, typer.Option("--all-events", help="The view lists every clause event, not only the main ones.")
    ] = False,
) -> None:
    """Print one stored article's record: the readable view of `newsgraph read`, or its JSON.

    Example: newsgraph show 3f2a9c01b7de --db news.db --sections entities,quotes
    """
    from newsgraph.cli.view import parse_sections, render_record

    try:
        chosen = parse_sections(sections)
    except ValueError as exc:
        fail(str(exc), 2)
    if not article_id.strip():
        fail("give an article id (or the start of one)", 2)

    def fetch(store: Any) -> Any:
        found = store.matching_ids(article_id.strip())
        if not found:
            fail(f"no article with id {article_id!r} in {db}")
        if len(found) > 1:
            fail(f"several articles have ids that start with {article_id!r}: give more of the id")
        if not store.execute("SELECT 1 FROM records WHERE id = ?", (found[0],)):
            # rows without their record JSON: a store copied table by table (benchmarks do)
            fail(f"article {found[0][:12]} has rows but no stored record in {db}; re-ingest it to show it")
        return store.get(found[0])

    record = _query(db, fetch)
    if as_json:
        write_line(json.dumps(record.to_dict(), indent=2, ensure_ascii=False))
        return
    render_record(console, record, all_events=all_events, sections=chosen, limit=limit)
