"""Wire copy and repeated quotes: ``newsgraph dedupe`` (rebuild the indexes) and ``newsgraph duplicates`` (list).

Ingest keeps both indexes current; ``dedupe`` rebuilds them for a store made
before them or after their thresholds changed (``newsgraph check`` says when).
``sources --dedupe`` (in ``corpus.py``) counts each story once.
"""

from __future__ import annotations

import time
from typing import Annotated, Any

import typer
from rich.markup import escape

from newsgraph.cli._app import app, console
from newsgraph.cli.corpus import (
    DEFAULT_DB,
    DbOption,
    JsonOption,
    LimitOption,
    _dump,
    _query,
    _table,
    _writing,
)


def _summary(store: Any) -> tuple[int, int, int]:
    from newsgraph.store import duplicates

    groups, copies = duplicates.copies_count(store.conn)
    quotes = duplicates.repeated_quote_count(store.conn)
    return groups, copies, quotes


@app.command()
def dedupe(
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Rebuild the near-duplicate (wire copy) and repeated-quote indexes of a store from scratch.

    Example: newsgraph dedupe --db news.db
    """

    def run(store: Any, bar: Any) -> dict[str, Any]:
        started = time.perf_counter()
        n = store.dedupe(progress=bar)
        bar.stop()
        groups, copies, quotes = _summary(store)
        return {"articles": n, "groups": groups, "copies": copies, "repeated_quotes": quotes,
                "seconds": round(time.perf_counter() - started, 2)}

    result = _writing(db, "dedupe", run)
    if as_json:
        _dump(result)
        return
    console.print(f"{escape(db)}: {result['articles']:,} articles indexed in {result['seconds']:.1f} s: "
                  f"{result['groups']:,} stories with near-copies ({result['copies']:,} copies), "
                  f"{result['repeated_quotes']:,} quotes repeated across articles", highlight=False)


@app.command()
def duplicates(
    db: DbOption = DEFAULT_DB,
    quotes: Annotated[bool, typer.Option("--quotes", help="List the quotes repeated across articles instead.")]
    = False,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
) -> None:
    """Near-duplicate articles (wire copy, republished stories): each group's original and its copies.

    Example: newsgraph duplicates --db news.db
    """
    import pandas as pd

    if quotes:
        rows = _query(db, lambda store: store.repeated_quotes(limit=limit))
        if as_json:
            _dump(rows)
            return
        _table("Quotes repeated across articles", pd.DataFrame(rows, columns=["quote", "articles", "appearances",
                                                                                "text"]),
               {"quote": 8, "articles": 8, "appearances": 11, "text": 90})
        return
    groups = _query(db, lambda store: store.duplicates(limit=limit))
    if as_json:
        _dump([g.to_dict() for g in groups])
        return
    rows = []
    for g in groups:
        o = g.original
        rows.append({"original": o["id"][:12], "published": o["published"], "outlet": o["outlet"],
                     "copies": len(g.copies), "similarity": min(c["similarity"] for c in g.copies),
                     "title": o["title"] or o["path"] or o["url"]})
    _table("Near-duplicate articles (each group's original; --json lists the copies)",
           pd.DataFrame(rows, columns=["original", "published", "outlet", "copies", "similarity", "title"]),
           {"original": 12, "published": 10, "outlet": 14, "copies": 6, "similarity": 10, "title": 40})
