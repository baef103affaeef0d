"""``newsgraph serve``: browse a store in a web browser (the FastAPI app of ``newsgraph.web``)."""

from __future__ import annotations

from typing import Annotated

import typer

from newsgraph.cli._app import app, fail, warn

#: Hosts that keep the server on this machine; any other is served with a warning.
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


@app.command("serve")
def serve(
    db: Annotated[str, typer.Option("--db", envvar="NEWSGRAPH_DB", help="The store (SQLite file).")] = "news.db",
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on (0: any free port).")] = 8000,
    parquet: Annotated[str | None, typer.Option(
        "--parquet", help="Serve a Parquet corpus: loaded (new articles only) into the store --db names, "
        "by default DIR/store.db.")] = None,
) -> None:
    """Serve the store as a small web site with a JSON API (read-only).

    Example: newsgraph serve --db news.db --port 8000, then open http://127.0.0.1:8000/
    """
    if parquet is not None:
        from newsgraph.cli.scale import store_of_parquet

        db = store_of_parquet(parquet, None if db == "news.db" else db)
    try:
        import uvicorn
    except ImportError:
        fail("newsgraph serve needs the web extra: pip install 'newsgraph[web]'")
    from newsgraph.cli.corpus import _open
    from newsgraph.web import create_app

    _open(db).close()  # a missing or foreign file fails here, in one line, before the server starts
    if host not in LOOPBACK:
        warn(f"serving on {host}: the store is readable by anyone who can reach this address")
    uvicorn.run(create_app(db), host=host, port=port, log_level="info")
