"""``newsgraph timeline``: events of articles (or of a store) in date order."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from newsgraph.cli._app import app, console, fail, warn, write_line
from newsgraph.cli._reading import ReadRun
from newsgraph.timeline import (
    UNDATED,
    TimelineLine,
    check_range_bound,
    in_range,
    line_of_entry,
    line_of_row,
    timeline,
)

#: Evidence sentences are clipped to this many characters in the table (``--json`` has them whole).
EVIDENCE_CHARS = 200


@app.command("timeline")
def timeline_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Articles: files, directories, .jsonl, .csv, .gz, or -; with --db, an entity name."),
    ] = None,
    entity: Annotated[str | None, typer.Option(help="Only events whose actor or target is this entity.")] = None,
    db: Annotated[str | None, typer.Option(help="Draw the events from a corpus store instead of articles.")] = None,
    limit: Annotated[int | None, typer.Option(help="With --db: at most this many events.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the timeline as a JSON array.")] = False,
    dated_only: Annotated[bool, typer.Option("--dated-only", help="Leave out events with no date.")] = False,
    published: Annotated[str | None, typer.Option(help="Publication date to anchor relative times on.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model package or path.")] = None,
    all_events: Annotated[
        bool, typer.Option("--all-events", help="Every clause event, not only each article's main events.")
    ] = False,
    parquet: Annotated[str | None, typer.Option(
        "--parquet", help="Draw the events from a Parquet corpus (through DuckDB) instead of articles.")] = None,
    date_from: Annotated[str | None, typer.Option(
        "--from", help="Only events dated on or after this year, month or day (2017, 2017-03, 2017-03-14).")] = None,
    date_to: Annotated[str | None, typer.Option(
        "--to", help="Only events dated on or before this year, month or day (inclusive).")] = None,
    every_report: Annotated[bool, typer.Option(
        "--every-report", help="With --db: a row per article's report, not one per corpus event "
                               "(a Parquet corpus, which has no corpus events, always lists them so).")] = False,
) -> None:
    """List the events of the given articles (or of a store) in date order, with source and evidence.

    Examples: newsgraph timeline article.txt --entity "Jane Doe";
    newsgraph timeline "Jane Doe" --db news.db --from 2017-01 --to 2017-06
    """
    try:
        check_range_bound(date_from, "--from")
        check_range_bound(date_to, "--to")
    except ValueError as exc:
        fail(str(exc), 2)
    dates = (date_from, date_to)
    if db is not None or parquet is not None:
        _store_timeline(db or "", entity or " ".join(paths or []) or None, limit=limit, as_json=as_json,
                        dated_only=dated_only, all_events=all_events, parquet=parquet, dates=dates,
                        every_report=every_report)
        return
    if not paths:
        fail("name articles to read, or a store with --db", 2)
    run = ReadRun(paths, published=published, model=model)
    records = [record for record in run.records() if not record.source.error]
    if not all_events:  # each article's main events (records made before salience have none marked: all kept)
        records = [
            r.model_copy(update={"events": [e for e in r.events if e.main]}) if any(e.main for e in r.events) else r
            for r in records
        ]
    entries = [e for e in timeline(records, entity, undated=not dated_only) if in_range(e.date, *dates)]
    if as_json:
        write_line(json.dumps([e.to_dict() for e in entries], indent=2, ensure_ascii=False))
    else:
        render_timeline([line_of_entry(e) for e in entries], name=entity)
    if run.failures:
        raise typer.Exit(1)


def render_timeline(lines: list[TimelineLine], *, name: str | None = None) -> None:
    """The one layout of a timeline, for articles (``timeline FILE``) and for a store (``timeline --db``).

    A row per event: its date as a reader writes it (with the TIMEX3 value), the
    event as "actor predicate → target" with the predicate as written (its
    modality and code after it), the source, the evidence sentence and the
    article's label. Undated events come last, marked "undated".
    """
    if not lines:
        console.print("[dim]no events[/]")
        return
    table = Table(title=f"timeline{f' of {name}' if name else ''} ({len(lines)} events)", title_justify="left")
    # A store's timeline has one row per corpus event: the column shows when some event has several reports
    # (otherwise the layout is the one ``timeline FILE`` prints).
    reports = any(line.reports not in (None, "1") for line in lines)
    for column in ("date", "event", "source", "evidence", "article", *(["reports"] if reports else [])):
        table.add_column(column, overflow="fold")
    for line in lines:
        when = escape(line.when) if line.date else f"[dim]{UNDATED}[/]"
        if line.date and line.when != line.date:
            when += f"\n[dim]{escape(line.date)}[/]"
        what = escape(line.event)
        if line.modality != "asserted":
            what += f" [dim]({escape(line.modality)})[/]"
        if line.code:
            what += f" [cyan]{escape(line.code)}[/]"
        evidence = line.evidence if len(line.evidence) <= EVIDENCE_CHARS else line.evidence[: EVIDENCE_CHARS - 1] + "…"
        cells = [when, what, escape(line.source), escape(evidence), escape(line.article)]
        if reports:
            cells.append(escape(line.reports or "1"))
        table.add_row(*cells)
    console.print(table)


def _store_timeline(db: str, name: str | None, *, limit: int | None, as_json: bool, dated_only: bool,
                    all_events: bool = False, parquet: str | None = None,
                    dates: tuple[str | None, str | None] = (None, None), every_report: bool = False) -> None:
    """Events across a store's articles (or a Parquet corpus's), ordered by event date (``timeline --db``):
    main events unless ``all_events``, each with its predicate as the article writes it; one row per corpus
    event unless ``every_report``."""
    from newsgraph.cli.corpus import _dump, _labelled, _query
    from newsgraph.store.queries import records_of

    ranged = any(dates)  # the range is applied to the events, then ``limit``: the query runs without one
    def events(store: Any) -> Any:
        # A store gives one row per corpus event (with ``reports``); a Parquet corpus has no corpus events.
        query = store.timeline if every_report else getattr(store, "event_timeline", store.timeline)
        return _labelled(store, query(name, limit=None if ranged else limit, all_events=all_events), "article_id")

    frame = _query(db, events, parquet=parquet)
    if parquet is not None and not every_report:
        from newsgraph.parquet.duck import NO_CORPUS_EVENTS

        warn(NO_CORPUS_EVENTS)
    if dated_only:
        frame = frame[frame["date"].notna()]
    if ranged:
        frame = frame[[in_range(d, *dates) for d in frame["date"]]]
        frame = frame.head(limit) if limit is not None else frame
    rows = records_of(frame)
    if as_json:
        _dump(rows)
        return
    render_timeline([line_of_row(row) for row in rows], name=name)
