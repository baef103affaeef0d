"""What the pages show of wire copy and repeated quotes (``newsgraph.store.duplicates``), kept out of ``app.py``.

The article page says "copy of …" or "also published as …" and marks each
attribution quoted in other articles too; the entity page marks its quotes the
same way; ``/quotes/{id}`` lists a quote's appearances, the first to publish it
first.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from newsgraph.store import Store
from newsgraph.store import duplicates as dups
from newsgraph.store.db import explain
from newsgraph.store.labels import with_labels


def _run(store: Store, fn: Any, *args: Any) -> Any:
    try:
        return fn(store.conn, *args)
    except sqlite3.Error as exc:
        raise explain(store.path, exc) from exc


def _labelled(store: Store, rows: list[dict[str, Any]], key: str = "id") -> list[dict[str, Any]]:
    import pandas as pd

    if not rows:
        return rows
    frame = with_labels(store.conn, pd.DataFrame(rows), key)
    return [{**row, "label": label} for row, label in zip(rows, frame["label"], strict=True)]


def article_marks(store: Store, article_id: str) -> dict[str, Any]:
    """``copies``: the article's near-duplicate group (original and copies, labelled), else ``None``;
    ``repeats``: attribution id → its quote id and how many other articles carry it."""
    group = _run(store, dups.group_of, article_id)
    copies = None
    if group is not None:
        members = _labelled(store, [group.original, *group.copies])
        copies = {"original": members[0], "copies": members[1:], "is_original": members[0]["id"] == article_id}
    return {"copies": copies, "repeats": _run(store, dups.repeated_quotes, article_id)}


def mark_quotes(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each quote row (``article_id``, ``attribution_id``) with ``repeat``: its quote id and other articles, or
    ``None`` when no other article carries it."""
    by_article: dict[str, dict[str, Any]] = {}
    for row in rows:
        article_id = row.get("article_id")
        if article_id and article_id not in by_article:
            by_article[article_id] = _run(store, dups.repeated_quotes, article_id)
        row["repeat"] = by_article.get(article_id, {}).get(row.get("attribution_id"))
    return rows


def quote_context(store: Store, quote_id: int) -> dict[str, Any] | None:
    """The quote page: the quote and its appearances (labelled), or ``None`` when there is no such quote."""
    found = _run(store, dups.quote, quote_id)
    if found is None:
        return None
    data = found.to_dict()
    data["appearances"] = _labelled(store, data["appearances"], "article_id")
    data["first"] = data["appearances"][0]
    return data
