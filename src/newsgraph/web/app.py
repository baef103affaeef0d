"""The web app: server-rendered pages and a JSON API over one corpus store.

``create_app(db_path)`` builds the FastAPI application. Requests run in a thread
pool sized to the machine (``settings.web_threads``); each thread keeps its own
read-only connection to the store (opened on its first request), so requests
share no lock and an ingest may write while the site is up. Every request runs
under a deadline (``settings.query_deadline``) counted from its arrival, so a
burst cannot leave a backlog of work for clients that gave up; user text is bounded (see
``newsgraph.store.queries``). Library errors become pages: an unknown id or name
is a 404, text over a bound a 400, a query past its deadline a 503 saying so, a
missing or foreign database file a 503 naming the file (by its name only, not
where it lives on the host), never a traceback. The JSON API under ``/api``
returns the same data as the pages (records as ``newsgraph.record/1`` JSON).
"""

from __future__ import annotations

import contextvars
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Annotated, Any

import anyio.to_thread
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph import __version__, settings
from newsgraph.errors import StoreError
from newsgraph.store import Store, queries
from newsgraph.store import graph as graphs
from newsgraph.store.db import MissingRecordError
from newsgraph.store.labels import with_labels
from newsgraph.store.queries import RE_WORD, QueryRejected, QueryTimeout, deadline, records_of
from newsgraph.timeline import readable_date
from newsgraph.web import charts, events, views
from newsgraph.web import duplicates as dup_views
from newsgraph.web import graph as graph_view

TEMPLATES = Path(__file__).parent / "templates"
#: Rows a page shows at most (the API takes ``limit``).
PAGE_ROWS = 200
RECENT_ARTICLES = 20
#: Rows of each list of an entity profile (``queries.entity_profile``'s default).
PROFILE_ROWS = 50
#: The shares the sourcing page shows: by role and by gender, over the filtered articles.
SOURCES_PAGE_SHARES = ("role", "gender")
#: Rows of a browse or search page.
BROWSE_ROWS = 50
#: Characters of an article id (sha256 hex); a longer one names no article (a prefix may be shorter).
ARTICLE_ID_CHARS = 64
#: Seconds a client is told to wait after a query ran past its deadline.
RETRY_AFTER_S = 5
#: The ``limit`` parameter of the API (module level: route annotations are resolved by name).
Limit = Annotated[int, Query(ge=1, le=1000, description="at most this many rows")]
#: ``offset`` of a paged list (module level, as ``Limit``).
Offset = Annotated[int, Query(ge=0, le=queries.MAX_ROW_ID, description="rows skipped before the page")]
#: ``limit`` of a paged list (at most ``queries.BROWSE_MAX_ROWS``).
PageLimit = Annotated[int, Query(ge=1, le=queries.BROWSE_MAX_ROWS, description="rows of the page")]
#: ``limit`` of an entity's graph: neighbours of each kind (module level, as ``Limit``).
GraphLimit = Annotated[int, Query(ge=1, le=graphs.MAX_NEIGHBOURS, description="neighbours of each kind kept")]
#: ``?all=true`` on timelines: every clause event, not only each article's main events.
Every = Annotated[bool, Query(alias="all", description="every clause event, not only each article's main events")]


#: When the request being served arrived (``time.monotonic()``), set by ``ArrivalTime``.
ARRIVED: contextvars.ContextVar[float | None] = contextvars.ContextVar("newsgraph_request_arrived", default=None)


class ArrivalTime:
    """ASGI middleware noting when each request arrived, so its deadline counts the time it waited.

    Under a burst, requests queue for the thread pool; counted from the start of
    their query, the ones whose clients had given up would each still run for a
    whole deadline, and new requests would wait behind that backlog. Counted from
    arrival, a request that waited its deadline away is answered 503 at once.
    The context variable reaches the endpoint's worker thread (anyio copies the
    context into it).
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and ARRIVED.get() is None:  # a server in front may have set it
            ARRIVED.set(time.monotonic())
        await self.app(scope, receive, send)


def time_left(limit: float | None, arrived: float | None, now: float) -> float | None:
    """Seconds of its deadline a request has left (``None``: no deadline)."""
    if limit is None:
        return None
    return limit - (now - arrived) if arrived is not None else limit


class Problem(BaseModel):
    """The body of every error the API answers: one sentence saying what was wrong."""

    detail: str


_ANSWERS = {
    400: "the request cannot be answered as asked (a search over its bounds or without words, a name too long, "
         "an id prefix several articles share); ``detail`` names the bound",
    404: "no article has that id, or no entity matches that name",
    503: "the query ran past its deadline (``Retry-After`` says when to try again), or the store cannot be read",
}


def answers(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The error answers of an API route, for its OpenAPI description."""
    return {status: {"model": Problem, "description": _ANSWERS[status]} for status in statuses}


class UserInputError(Exception):
    """A request the store cannot answer as asked (e.g. a search without words): HTTP 400."""


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def create_app(db_path: str | Path) -> FastAPI:
    """The newsgraph web app over the store at ``db_path`` (opened read-only, once per server thread)."""
    db = str(db_path)
    name = Path(db).name
    #: How the host's paths to the store may appear in a message; pages show the file name only.
    host_paths = sorted({db, str(Path(db).resolve()), str(Path(db).absolute())}, key=len, reverse=True)
    per_thread = threading.local()
    limit_deadline = settings.query_deadline()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Sync endpoints run in anyio's default pool: size it to the machine, not anyio's fixed 40.
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.web_threads()
        # The store's queries build pandas frames; importing pandas takes about 0.6 s, which the first
        # request would otherwise pay inside its query deadline.
        import pandas  # noqa: F401
        yield

    # /docs loads Swagger UI from files shipped in fastapi-offline, never from a CDN, so
    # it works on a machine with no network. No /redoc: ReDoc fetches its logo from its CDN.
    app = FastAPIOffline(
        redoc_url=None,
        lifespan=lifespan,
        title="newsgraph",
        version=__version__,
        description="Browse a newsgraph corpus store: search, articles with their evidence, entities, "
        "timelines and sourcing. Records follow the schema newsgraph.record/1.",
    )
    app.add_middleware(ArrivalTime)
    templates = Jinja2Templates(directory=str(TEMPLATES))
    templates.env.globals.update(db_name=name, version=__version__)
    templates.env.filters["entity_url"] = views.entity_url
    templates.env.filters["short"] = views.short_id
    templates.env.filters["snippet"] = views.snippet_html
    templates.env.filters["readable_date"] = readable_date

    def connection() -> Store:
        """This thread's read-only store, opened on its first request (a failed open is retried next time)."""
        opened = getattr(per_thread, "store", None)
        if opened is None:
            opened = per_thread.store = Store(db, readonly=True)
        return opened

    @contextmanager
    def store() -> Iterator[Store]:
        left = time_left(limit_deadline, ARRIVED.get(), time.monotonic())
        if left is not None and left <= 0:
            raise QueryTimeout(f"the server is busy: the request waited longer than {limit_deadline:g} s "
                               "for its turn and was not run")
        opened = connection()
        try:
            with deadline(opened.conn, left):
                yield opened
        except (QueryRejected, QueryTimeout, MissingRecordError):
            raise
        except StoreError:
            per_thread.store = None  # the file may have changed under us: open it afresh next time
            opened.close()
            raise

    def stats_of(s: Store) -> dict[str, Any]:
        return {**s.stats(), "path": name}  # the file name only

    def hide_host(message: str) -> str:
        for path in host_paths:
            message = message.replace(path, name)
        return message

    def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    def error(request: Request, status: int, title: str, message: str,
              headers: dict[str, str] | None = None) -> Response:
        message = hide_host(message)
        if _is_api(request):
            return JSONResponse({"detail": message}, status_code=status, headers=headers)
        response = page(request, "error.html", status, title=title, message=message, status=status)
        response.headers.update(headers or {})
        return response

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return error(request, 503, "The store cannot be read", str(exc))

    @app.exception_handler(MissingRecordError)
    async def missing_record(request: Request, exc: MissingRecordError) -> Response:
        return error(request, 404, "Not found", str(exc))

    @app.exception_handler(QueryRejected)
    async def query_rejected(request: Request, exc: QueryRejected) -> Response:
        return error(request, 400, "Bad request", str(exc))

    @app.exception_handler(QueryTimeout)
    async def query_timeout(request: Request, exc: QueryTimeout) -> Response:
        return error(request, 503, "The query took too long", str(exc), {"Retry-After": str(RETRY_AFTER_S)})

    @app.exception_handler(UserInputError)
    async def input_error(request: Request, exc: UserInputError) -> Response:
        return error(request, 400, "Bad request", str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        title = "Not found" if exc.status_code == 404 else f"Error {exc.status_code}"
        return error(request, exc.status_code, title, str(exc.detail))

    # --- data (shared by pages and API) ------------------------------------------------------

    def get_record(s: Store, article_id: str) -> Any:
        """The record with this id or the one id that starts with it (lists print 12 characters)."""
        found = s.matching_ids(article_id) if len(article_id) <= ARTICLE_ID_CHARS else []
        if not found:
            raise HTTPException(404, f"no article with id {article_id!r}")
        if len(found) > 1:
            raise UserInputError(f"several articles have ids that start with {article_id!r}: give more of the id")
        return s.get(found[0])

    def get_profile(s: Store, name: str) -> Any:
        if not name.strip() or not s.find_entities(name, 1):
            raise HTTPException(404, f"no entity matches {name!r}")
        return s.entity(name)

    def run_search(s: Store, q: str, limit: int, offset: int = 0) -> queries.Page:
        if not RE_WORD.search(q):
            raise UserInputError("search needs at least one word")
        found = queries.search_page(s.conn, q, limit=limit, offset=offset)
        found.rows = with_labels(s.conn, found.rows)
        return found

    def labelled_profile(s: Store, name: str) -> dict[str, Any]:
        profile = get_profile(s, name)
        profile.articles = with_labels(s.conn, profile.articles)
        profile.quotes_by = with_labels(s.conn, profile.quotes_by, "article_id")
        profile.quotes_about = with_labels(s.conn, profile.quotes_about, "article_id")
        return profile.to_dict()

    def browse_articles(s: Store, outlet: str | None, author: str | None, date_from: str | None,
                        date_to: str | None, sort: str, limit: int, offset: int,
                        source_kind: str | None = None) -> queries.Page:
        found = queries.articles_page(s.conn, outlet=outlet or None, author=author or None, date_from=date_from,
                                      date_to=date_to, sort=sort, limit=limit, offset=offset,
                                      source_kind=source_kind or None)
        found.rows = with_labels(s.conn, found.rows)
        return found

    def run_timeline(s: Store, entity: str | None, limit: int, every: bool) -> tuple[Any, list[dict[str, Any]]]:
        # One row per corpus event (the same event from several articles is one row with its reports).
        if entity is None or not entity.strip():
            return None, events.timeline_rows(s, None, limit, every)
        found = s.find_entities(entity, 1)
        if not found:
            raise HTTPException(404, f"no entity matches {entity!r}")
        return found[0], events.timeline_rows(s, entity, limit, every)

    def graph_routes() -> None:
        """``/entities/{name}/graph`` and its API: registered before the profile routes, whose ``{name:path}``
        would otherwise take the ``/graph`` suffix as part of a name."""

        def entity_graph(s: Store, name: str, limit: int) -> graphs.EntityGraph:
            try:
                return s.graph(name, limit=limit)
            except graphs.EntityNotFound as exc:
                raise HTTPException(404, str(exc)) from exc

        @app.get("/entities/{name:path}/graph", response_class=HTMLResponse, include_in_schema=False)
        def graph_page(request: Request, name: str, limit: GraphLimit = graphs.NEIGHBOURS) -> Response:
            with store() as s:
                context = graph_view.graph_context(s.conn, entity_graph(s, name, limit))
            return page(request, "graph.html", **context, kind_names=graph_view.KIND_NAMES,
                        max_limit=graphs.MAX_NEIGHBOURS)

        @app.get("/api/entities/{name:path}/graph", tags=["api"], responses=answers(400, 404, 503),
                 summary="The network of the corpus entity a name matches: neighbours by co-mention, "
                         "stated relation and event, each edge with its weight and articles")
        def api_graph(name: str, limit: GraphLimit = graphs.NEIGHBOURS) -> dict[str, Any]:
            with store() as s:
                return entity_graph(s, name, limit).to_dict()

    graph_routes()

    # --- pages ------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> Response:
        with store() as s:
            stats = stats_of(s)
            # The first page of /articles by date: read from the ``articles_published`` index, not a sort.
            recent = records_of(with_labels(s.conn, queries.articles_page(s.conn, limit=RECENT_ARTICLES).rows))
            drawn = charts.home_charts(s)
        return page(request, "home.html", stats=stats, recent=recent, charts=drawn)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = "", offset: Offset = 0) -> Response:
        if not q.strip():
            return page(request, "search.html", q=q, results=None)
        with store() as s:
            results = run_search(s, q, BROWSE_ROWS, offset)
        return page(request, "search.html", q=q, results=results.to_dict(),
                    pages=views.pager(request, results), window=queries.SEARCH_RANK_WINDOW)

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_list(request: Request, outlet: str = "", author: str = "", date_from: Annotated[str, Query(
            alias="from")] = "", date_to: Annotated[str, Query(alias="to")] = "", sort: str = "date",
            source_kind: str = "", offset: Offset = 0) -> Response:
        with store() as s:
            found = browse_articles(s, outlet, author, date_from, date_to, sort, BROWSE_ROWS, offset, source_kind)
        return page(request, "articles.html", found=found.to_dict(), pages=views.pager(request, found),
                    outlet=outlet, author=author, date_from=date_from, date_to=date_to, sort=sort,
                    sorts=list(queries.ARTICLE_SORTS), source_kind=source_kind, kinds=queries.SOURCE_KINDS)

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_list(request: Request, type: str = "", sort: str = "articles", offset: Offset = 0) -> Response:
        with store() as s:
            found = queries.entities_page(s.conn, type=type or None, sort=sort, limit=BROWSE_ROWS, offset=offset)
            types = queries.entity_types(s.conn)
        return page(request, "entities.html", found=found.to_dict(), pages=views.pager(request, found),
                    type=type, types=types, sort=sort, sorts=list(queries.ENTITY_SORTS))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> Response:
        with store() as s:
            record = get_record(s, article_id)
            corpus_ids = views.corpus_ids(s, record.id)
            marks = dup_views.article_marks(s, record.id)
        return page(request, "article.html", **views.article_context(record, corpus_ids), **marks)

    @app.get("/entities/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, name: str) -> Response:
        with store() as s:
            profile = labelled_profile(s, name)
            drawn = charts.entity_charts(s, f"#{profile['entity']['id']}")
            for key in ("quotes_by", "quotes_about"):
                dup_views.mark_quotes(s, profile[key])
        return page(request, "entity.html", p=profile, query=name, limit=PROFILE_ROWS, charts=drawn)

    @app.get("/quotes/{quote_id}", response_class=HTMLResponse, include_in_schema=False)
    def quote_page(request: Request, quote_id: int) -> Response:
        with store() as s:
            found = dup_views.quote_context(s, quote_id)
        if found is None:
            raise HTTPException(404, f"no quote {quote_id}")
        return page(request, "quote.html", q=found)

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, entity: str | None = None, every: Every = False) -> Response:
        with store() as s:
            ref, rows = run_timeline(s, entity, PAGE_ROWS, every)
        return page(request, "timeline.html", entity=entity or "", ref=ref, rows=rows, limit=PAGE_ROWS,
                    every=every)

    @app.get("/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources_page(
        request: Request, anonymous: bool = False, outlet: str | None = None, author: str | None = None,
        dedupe: bool = False,
    ) -> Response:
        with store() as s:
            report = s.sources(anonymous=anonymous, outlet=outlet or None, author=author or None, limit=50,
                               dedupe=dedupe, by=SOURCES_PAGE_SHARES)
            drawn = charts.sourcing_charts(s, outlet or None, author or None)
        return page(request, "sources.html", r=report.to_dict(), outlet=outlet or "", author=author or "",
                    anonymous=anonymous, dedupe=dedupe, charts=drawn)

    # --- JSON API ---------------------------------------------------------------------------

    @app.get("/api/stats", tags=["api"], responses=answers(503),
             summary="Counts, date range, generators and outlets of the store")
    def api_stats() -> dict[str, Any]:
        with store() as s:
            return stats_of(s)

    @app.get("/api/search", tags=["api"], responses=answers(400, 503),
             summary="Full-text search with snippets ([[ ]] mark matches)",
             description="One page of the matches, best first; the response header ``X-Total-Count`` is the "
                         "exact number of matching articles (``/api/search/page`` returns it in the body).")
    def api_search(response: Response, q: str, limit: Limit = 20, offset: Offset = 0) -> list[dict[str, Any]]:
        with store() as s:
            found = run_search(s, q, limit, offset)
        response.headers["X-Total-Count"] = str(found.total)
        return found.to_dict()["rows"]

    @app.get("/api/search/page", tags=["api"], responses=answers(400, 503),
             summary="One page of search results with the exact total of matching articles")
    def api_search_page(q: str, limit: PageLimit = 20, offset: Offset = 0) -> dict[str, Any]:
        with store() as s:
            return run_search(s, q, limit, offset).to_dict()

    @app.get("/api/articles", tags=["api"], responses=answers(400, 503),
             summary="Stored articles, filtered by outlet, author, date range and source kind, sorted, one page "
                     "at a time")
    def api_articles(outlet: str | None = None, author: str | None = None,
                     date_from: Annotated[str | None, Query(alias="from", description="a year, month or day")] = None,
                     date_to: Annotated[str | None, Query(alias="to", description="a year, month or day")] = None,
                     sort: Annotated[str, Query(description="date, date_asc or title")] = "date",
                     limit: PageLimit = 50, offset: Offset = 0,
                     source_kind: Annotated[str | None, Query(description="articles with an attribution to a "
                                                              "source of this kind: " + ", ".join(
                                                                  queries.SOURCE_KINDS))] = None) -> dict[str, Any]:
        with store() as s:
            return browse_articles(s, outlet, author, date_from, date_to, sort, limit, offset,
                                   source_kind).to_dict()

    @app.get("/api/entities", tags=["api"], responses=answers(400, 503),
             summary="Corpus entities (of one type) by number of articles or mentions, one page at a time")
    def api_entities(type: str | None = None,
                     sort: Annotated[str, Query(description="articles or mentions")] = "articles",
                     limit: PageLimit = 50, offset: Offset = 0) -> dict[str, Any]:
        with store() as s:
            return queries.entities_page(s.conn, type=type, sort=sort, limit=limit, offset=offset).to_dict()

    @app.get("/api/articles/{article_id}", tags=["api"], responses=answers(400, 404, 503),
             summary="The record of one article (newsgraph.record/1)")
    def api_article(article_id: str) -> dict[str, Any]:
        with store() as s:
            return get_record(s, article_id).to_dict()

    @app.get("/api/entities/{name:path}", tags=["api"], responses=answers(400, 404, 503),
             summary="Profile of the corpus entity a name matches")
    def api_entity(name: str) -> dict[str, Any]:
        with store() as s:
            return labelled_profile(s, name)

    @app.get("/api/timeline", tags=["api"], responses=answers(400, 404, 503),
             summary="Events (of one entity, or all) by event date")
    def api_timeline(entity: str | None = None, limit: Limit = 200, every: Every = False) -> dict[str, Any]:
        with store() as s:
            ref, rows = run_timeline(s, entity, limit, every)
        return {"entity": ref.__dict__ if ref else None, "events": rows}

    @app.get("/api/quotes", tags=["api"], responses=answers(400, 404, 503),
             summary="Attributions by an entity, about it, or all")
    def api_quotes(by: str | None = None, about: str | None = None, limit: Limit = 200) -> list[dict[str, Any]]:
        with store() as s:
            for name in (by, about):
                if name is not None and not s.find_entities(name, 1):
                    raise HTTPException(404, f"no entity matches {name!r}")
            return records_of(s.quotes(by=by, about=about, limit=limit))

    @app.get("/api/sources", tags=["api"], responses=answers(400, 503),
             summary="Sourcing statistics over the (filtered) articles")
    def api_sources(
        anonymous: bool = False, outlet: str | None = None, author: str | None = None, limit: Limit = 20,
        dedupe: bool = False,
        by: Annotated[str | None, Query(description="role,gender, optionally with outlet, author, year or month")]
        = None,
    ) -> dict[str, Any]:
        with store() as s:
            return s.sources(anonymous=anonymous, outlet=outlet, author=author, limit=limit, dedupe=dedupe,
                             by=by).to_dict()

    @app.get("/api/duplicates", tags=["api"], responses=answers(503),
             summary="Near-duplicate articles (wire copy): each group's original and its copies")
    def api_duplicates(limit: Limit = 200) -> list[dict[str, Any]]:
        with store() as s:
            return [g.to_dict() for g in s.duplicates(limit=limit)]

    @app.get("/api/quotes/{quote_id}", tags=["api"], responses=answers(404, 503),
             summary="A quote repeated across articles, with its appearances (the first to publish it first)")
    def api_quote(quote_id: int) -> dict[str, Any]:
        with store() as s:
            found = s.quote(quote_id)
        if found is None:
            raise HTTPException(404, f"no quote {quote_id}")
        return found.to_dict()

    charts.add_routes(app, store, answers)
    events.add_routes(app, store, page, answers)  # /events/{id} and /api/events/{id}
    return app

