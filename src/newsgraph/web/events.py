"""Corpus events in the web app: the timeline's rows (one per corpus event) and ``/events/{id}``.

A corpus event is one event as several articles report it (``newsgraph.store.event_clusters``);
its page lists every report with its article, the source the article attributes
it to, its publication date and evidence, and says which article reported it
first (and which outlet an article says had it first).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from newsgraph.store import Store
from newsgraph.store.labels import with_labels
from newsgraph.store.queries import MAX_ROW_ID, records_of

#: Digits a corpus event id may have (SQLite's largest id has 19).
EVENT_ID_DIGITS = 19


def reports_phrase(row: dict[str, Any]) -> str:
    """How a timeline row says who reported it: "reported by 3 articles, first: Budget row"."""
    n = int(row.get("reports") or 1)
    if n <= 1:
        return ""
    first = row.get("first_label") or (row.get("first_article_id") or "")[:12]
    return f"reported by {n} articles, first: {first}"


def timeline_rows(s: Store, entity: str | None, limit: int, every: bool) -> list[dict[str, Any]]:
    """The store timeline as the pages show it: one row per corpus event, labelled, with its reports phrase."""
    rows = records_of(with_labels(s.conn, s.event_timeline(entity, limit=limit, all_events=every), "article_id"))
    for row in rows:
        row["reports_text"] = reports_phrase(row)
        event = row.get("corpus_event")
        # A frame column with missing values is float: the id in a link must read "39", not "39.0".
        row["corpus_event"] = None if event is None or event != event else int(event)
    return rows


def _event_id(text: str) -> int:
    """The corpus event id of a URL, or a 404 (a corpus event id is a positive integer)."""
    if not text.isdigit() or len(text) > EVENT_ID_DIGITS or int(text) > MAX_ROW_ID:
        raise HTTPException(404, f"no corpus event with id {text!r}")
    return int(text)


def corpus_event(s: Store, text: str) -> dict[str, Any]:
    found = s.corpus_event(_event_id(text))
    if found is None:
        raise HTTPException(404, f"no corpus event with id {text!r}")
    return found.to_dict()


def add_routes(app: FastAPI, store: Callable[[], AbstractContextManager[Store]],
               page: Callable[..., HTMLResponse], answers: Callable[..., dict]) -> None:
    """``/events/{id}`` and ``/api/events/{id}`` on ``app``, through its store context and page renderer."""

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str) -> Response:
        with store() as s:
            event = corpus_event(s, event_id)
        return page(request, "event.html", e=event)

    @app.get("/api/events/{event_id}", tags=["api"], responses=answers(404, 503),
             summary="One corpus event: the same event as every article reports it, first report first")
    def api_event(event_id: str) -> dict[str, Any]:
        with store() as s:
            return corpus_event(s, event_id)
