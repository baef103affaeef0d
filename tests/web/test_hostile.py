"""Hostile requests against the real app over a real store: each answered within its bound,
with the right status and a message naming the bound, never a 500 or a host path (issue 14)."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from newsgraph import settings
from newsgraph.web import create_app
from newsgraph.web.app import ARRIVED, time_left

#: Wall-clock seconds one hostile request may take on the small test store.
BOUND_S = 2.0
TRACEBACK = "Traceback (most recent call last)"
HUGE_ID = "#99999999999999999999999"
LONG_NAME = "JaneRoe" * 8500  # ~60 KB (httpx refuses URLs over 64 KB)
SOUP = '"a" OR (b NEAR c)* ^d'


@pytest.fixture(scope="module")
def client(web_db: Path) -> TestClient:
    return TestClient(create_app(web_db), raise_server_exceptions=False)


def _get(client: TestClient, url: str, **params: str):
    start = time.monotonic()
    response = client.get(url, params=params or None)
    assert time.monotonic() - start < BOUND_S, url
    assert response.status_code < 500 or response.status_code == 503, (url, response.text[:300])
    assert TRACEBACK not in response.text
    return response


@pytest.mark.parametrize(("url", "params", "status"), [
    ("/api/timeline", {"entity": HUGE_ID}, 404),
    ("/api/quotes", {"by": HUGE_ID}, 404),
    ("/api/quotes", {"about": HUGE_ID}, 404),
    ("/api/entities/" + quote(HUGE_ID, safe=""), {}, 404),
    ("/entities/" + quote(HUGE_ID, safe=""), {}, 404),
    ("/timeline", {"entity": HUGE_ID}, 404),
    ("/api/timeline", {"entity": "#" + "9" * 5000}, 400),  # over NAME_MAX_CHARS
    ("/api/entities/" + quote("#-1", safe=""), {}, 404),
    ("/api/articles/" + "f" * 60_000, {}, 404),
    ("/articles/" + "f" * 60_000, {}, 404),
    ("/api/search", {"q": HUGE_ID}, 200),
], ids=lambda v: str(v)[:40] if isinstance(v, str) else None)
def test_huge_ids_are_not_found(client: TestClient, url: str, params: dict[str, str], status: int) -> None:
    response = _get(client, url, **params)
    assert response.status_code == status


@pytest.mark.parametrize(("url", "params"), [
    ("/api/entities/" + quote(LONG_NAME, safe=""), {}),
    ("/entities/" + quote(LONG_NAME, safe=""), {}),
    ("/api/timeline", {"entity": LONG_NAME}),
    ("/timeline", {"entity": LONG_NAME}),
    ("/api/quotes", {"by": LONG_NAME}),
    ("/api/quotes", {"about": LONG_NAME}),
    ("/api/sources", {"outlet": LONG_NAME}),
    ("/sources", {"author": LONG_NAME}),
], ids=lambda v: str(v)[:30])
def test_a_long_name_is_a_bad_request_naming_the_bound(client: TestClient, url: str, params: dict[str, str]) -> None:
    response = _get(client, url, **params)
    assert response.status_code == 400
    assert f"at most {settings.NAME_MAX_CHARS} characters" in response.text


@pytest.mark.parametrize(("q", "bound"), [
    ("x" * (settings.SEARCH_MAX_CHARS + 1), f"at most {settings.SEARCH_MAX_CHARS} characters"),
    ("x" * 8192, f"at most {settings.SEARCH_MAX_CHARS} characters"),
    (" ".join(f"w{i}" for i in range(1000)), f"at most {settings.SEARCH_MAX_CHARS} characters"),
    (" ".join(["flood"] * (settings.SEARCH_MAX_TERMS + 1)), f"at most {settings.SEARCH_MAX_TERMS} words"),
    (" ".join(["flood*"] * (settings.SEARCH_MAX_PREFIXES + 1)), f"at most {settings.SEARCH_MAX_PREFIXES} prefix"),
    ("f*", f"at least {settings.SEARCH_MIN_PREFIX_CHARS} letters"),
], ids=["chars", "8KB", "1000-words", "words", "prefixes", "short-prefix"])
@pytest.mark.parametrize("url", ["/api/search", "/search"])
def test_a_search_over_a_bound_is_a_bad_request_naming_it(client: TestClient, url: str, q: str, bound: str) -> None:
    response = _get(client, url, q=q)
    assert response.status_code == 400
    assert bound in (response.json()["detail"] if url.startswith("/api/") else response.text)


@pytest.mark.parametrize("q", [SOUP, "flood\x00ed", "\x00", "NEAR(flooded rain, 2)", "title:flooded", "((((", '"""',
                               "flooded OR OR NOT", "-flooded", "^flooded", "flooded AND NOT OR rain"])
def test_operator_soup_and_nul_bytes_are_answered(client: TestClient, q: str) -> None:
    response = _get(client, "/api/search", q=q)
    assert response.status_code in (200, 400)


def test_operator_soup_finds_the_words(client: TestClient) -> None:
    assert _get(client, "/api/search", q="(flooded) ^valley:").json()[0]["title"] == "Flood forces evacuations"


def test_a_query_past_its_deadline_is_a_503_saying_so(web_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_QUERY_DEADLINE", "0")
    monkeypatch.setattr(settings, "QUERY_DEADLINE_STEPS", 1)  # look at the clock at every step
    client = TestClient(create_app(web_db), raise_server_exceptions=False)
    response = _get(client, "/api/search", q="flooded")
    assert response.status_code == 503
    assert "longer than 0 s" in response.json()["detail"]  # waited or ran past it: both the deadline
    assert response.headers["Retry-After"]
    page = _get(client, "/timeline", entity="Jane Roe")
    assert page.status_code == 503
    assert "The query took too long" in page.text


def test_stats_and_errors_name_the_file_not_where_it_lives(client: TestClient, web_db: Path, tmp_path: Path) -> None:
    stats = _get(client, "/api/stats").json()
    assert stats["path"] == web_db.name
    assert str(web_db.parent) not in _get(client, "/").text
    missing = TestClient(create_app(tmp_path / "gone.db"), raise_server_exceptions=False)
    for url in ("/api/stats", "/", "/search?q=x"):
        response = _get(missing, url)
        assert response.status_code == 503
        assert "gone.db" in response.text
        assert str(tmp_path) not in response.text


def test_stats_are_counted_again_after_a_commit(tmp_path: Path, web_db: Path) -> None:
    """The per-thread stats cache follows ``PRAGMA data_version``: a commit by another connection shows."""
    import shutil

    from newsgraph.store import Store

    db = tmp_path / "copy.db"
    shutil.copy(web_db, db)
    client = TestClient(create_app(db))
    before = client.get("/api/stats").json()["counts"]["failures"]
    assert client.get("/api/stats").json()["counts"]["failures"] == before
    with Store(db) as store, store.transaction() as conn:
        conn.execute("INSERT INTO failures (id, \"where\", reason, attempts, failed_at) "
                     "VALUES ('x', 'x.txt', 'test', 1, '2026-01-01')")
    assert client.get("/api/stats").json()["counts"]["failures"] == before + 1


class _Backdated:
    """ASGI middleware in front of the app: its requests arrived ``waited`` seconds ago (queued behind a burst)."""

    def __init__(self, app, waited: float) -> None:
        self.app, self.waited = app, waited

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            ARRIVED.set(time.monotonic() - self.waited)
        await self.app(scope, receive, send)


def test_a_request_that_waited_out_its_deadline_is_not_run(web_db: Path) -> None:
    app = create_app(web_db)
    app.add_middleware(_Backdated, waited=settings.query_deadline() + 1)
    with TestClient(app, raise_server_exceptions=False) as late:
        for url in ("/api/stats", "/api/search?q=council", "/"):
            response = late.get(url)
            assert response.status_code == 503, url
            assert "waited longer than" in response.text and response.headers["retry-after"]
    app = create_app(web_db)
    app.add_middleware(_Backdated, waited=settings.query_deadline() / 4)  # a short wait: still answered
    with TestClient(app, raise_server_exceptions=False) as prompt:
        assert prompt.get("/api/stats").status_code == 200


def test_time_left_counts_from_arrival() -> None:
    assert time_left(2.0, 10.0, 10.5) == 1.5
    assert time_left(2.0, 10.0, 13.0) == -1.0
    assert time_left(2.0, None, 13.0) == 2.0  # not served through the middleware: the whole deadline
    assert time_left(None, 10.0, 99.0) is None
