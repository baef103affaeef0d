"""Every route of the web app through FastAPI's TestClient, on a store built with the real pipeline."""

from __future__ import annotations

import html
import sqlite3
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from newsgraph.record import Record
from newsgraph.store import Store
from newsgraph.web import create_app
from web.pages import elements, links

TRACEBACK = "Traceback (most recent call last)"


@pytest.fixture(scope="module")
def records(web_db: Path) -> list[Record]:
    with Store(web_db, readonly=True) as store:
        return list(store.records())


def by_title(records: list[Record], title: str) -> Record:
    return next(r for r in records if r.meta.title == title)


# --- pages ---------------------------------------------------------------------------------


def test_home_shows_stats_search_box_and_articles(client: TestClient, records: list[Record]) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = elements(response.text)
    assert ("input", {"type": "search", "name": "q", "id": "q",
                      "placeholder": 'Search the articles (words, "phrases", OR, NOT, prefix*)', "autofocus": None}) \
        in page.elements
    assert f"{len(records)}articles" in page.text.replace("\n", "").replace(" ", "")
    for record in records:
        assert f"/articles/{record.id}" in links(response.text)
    assert "http://" not in response.text and "https://" not in response.text  # no external assets


@pytest.mark.parametrize(("query", "titles"), [
    ("library", {"Springfield council expands library", "Library to reopen, mayor says"}),
    ("flooded", {"Flood forces evacuations"}),
    ('"public library"', {"Springfield council expands library"}),
    ("Acme OR rain", {"Acme shares fall", "Flood forces evacuations"}),
    ("zebra", set()),
])
def test_search(client: TestClient, records: list[Record], query: str, titles: set[str]) -> None:
    response = client.get("/search", params={"q": query})
    assert response.status_code == 200
    found = {r.meta.title for r in records if f"/articles/{r.id}" in links(response.text)}
    assert found == titles
    if titles:
        assert "<mark>" in response.text  # FTS snippets with the match marked


def test_search_snippet_is_escaped(client: TestClient) -> None:
    response = client.get("/search", params={"q": "open again"})
    assert "&lt;library&gt;" in response.text
    assert "<library>" not in response.text


def test_search_without_query_shows_the_form(client: TestClient) -> None:
    response = client.get("/search")
    assert response.status_code == 200
    assert 'id="search-form"' in response.text
    assert 'id="result-count"' not in response.text


def test_search_without_words_is_a_bad_request(client: TestClient) -> None:
    response = client.get("/search", params={"q": '"" ...'})
    assert response.status_code == 400
    assert "at least one word" in response.text and TRACEBACK not in response.text


def test_article_page_highlights_evidence(client: TestClient, quoted: Record) -> None:
    response = client.get(f"/articles/{quoted.id}")
    assert response.status_code == 200
    page = elements(response.text)
    spans = [a for tag, a in page.elements if tag == "span" and "hl" in a.get("class", "").split() and "id" in a]
    mentions = sorted(a["id"] for a in spans if "data-entity" in a and "id" in a)
    assert mentions == sorted(f"{e.id}-m{i}" for e in quoted.entities for i in range(len(e.mentions)))
    assert {a["id"] for a in spans if "quote" in a["class"].split()} == {"a1", "a2"}
    assert {a["id"] for a in spans if "time" in a["class"].split()} == {"t1", "t2"}
    # the text is shown once, escaped: "<library>" is text, not a tag
    assert "&lt;library&gt;" in response.text
    assert not any(tag == "library" for tag, _ in page.elements)
    text_start = response.text.index('id="article-text">') + len('id="article-text">')
    body = response.text[text_start:response.text.index("</div>", text_start)]
    assert elements(body).text == quoted.text


def test_article_page_tables(client: TestClient, quoted: Record) -> None:
    text = client.get(f"/articles/{quoted.id}").text
    for table in ("entities", "sources", "attributions", "times", "events"):
        assert f'<table id="{table}">' in text
    assert "reason for anonymity: the talks are private" in text  # the anonymous source characterised
    assert "anonymous</span>" in text
    assert "#ev-v1" in text and 'id="ev-v1"' in text  # evidence link and its target
    assert "/entities/%23" in text  # entities link to their corpus profile


def test_pipeline_article_page(client: TestClient, records: list[Record]) -> None:
    record = by_title(records, "Acme shares fall")
    response = client.get(f"/articles/{record.id}")
    assert response.status_code == 200
    marked = [a for tag, a in elements(response.text).elements if tag == "span" and "data-entity" in a]
    assert len(marked) == sum(len(e.mentions) for e in record.entities) > 0


@pytest.mark.parametrize("article_id", ["0" * 64, "nope", "x'; DROP TABLE articles; --"])
def test_unknown_article_is_404(client: TestClient, article_id: str) -> None:
    response = client.get("/articles/" + quote(article_id, safe=""))
    assert response.status_code == 404
    assert "no article" in response.text and TRACEBACK not in response.text
    assert response.headers["content-type"].startswith("text/html")


def test_an_article_stored_without_its_record_is_404_not_500(web_db: Path, tmp_path: Path) -> None:
    # A damaged store (``newsgraph check`` reports it): the article row stays, its record is gone.
    damaged = tmp_path / "damaged.db"
    with Store(web_db, readonly=True) as store:
        store.conn.execute("VACUUM INTO ?", (str(damaged),))
    conn = sqlite3.connect(damaged)
    article_id = conn.execute("SELECT id FROM articles ORDER BY rowid LIMIT 1").fetchone()[0]
    conn.execute("DELETE FROM records WHERE id = ?", (article_id,))
    conn.commit()
    conn.close()
    with TestClient(create_app(damaged)) as damaged_client:
        for route in (f"/articles/{article_id}", f"/articles/{article_id[:12]}", f"/api/articles/{article_id}"):
            response = damaged_client.get(route)
            assert response.status_code == 404, route
            assert "without its record" in response.text and TRACEBACK not in response.text
        assert damaged_client.get("/api/stats").status_code == 200  # the rest of the store still answers


def test_entity_page(client: TestClient, records: list[Record]) -> None:
    response = client.get("/entities/Jane Roe")
    assert response.status_code == 200
    text = response.text
    assert '<h1 id="entity-name">Jane Roe' in text
    with_roe = [r for r in records if any(e.name == "Jane Roe" for e in r.entities)]
    assert len(with_roe) >= 3
    for record in with_roe:
        assert f"/articles/{record.id}" in links(text)
    assert 'id="quotes_by"' in text and "open again" in text  # a quote by her
    assert 'id="quotes_about"' in text and "met the governor" in text  # a quote about her
    assert 'id="co_mentioned"' in text and "Springfield" in text


def test_entity_page_by_corpus_id_matches_name(client: TestClient) -> None:
    by_name = client.get("/entities/Jane Roe").text
    href = next(h for h in links(by_name) if h.startswith("/api/entities/"))
    by_id = client.get(href.replace("/api", "", 1))
    assert by_id.status_code == 200
    assert '<h1 id="entity-name">Jane Roe' in by_id.text


@pytest.mark.parametrize("name", ["Nobody Atall", "%", " "])
def test_unknown_entity_is_404(client: TestClient, name: str) -> None:
    response = client.get("/entities/" + quote(name, safe=""))
    assert response.status_code == 404
    assert TRACEBACK not in response.text


def test_timeline_is_in_event_date_order(client: TestClient, quoted: Record) -> None:
    response = client.get("/timeline", params={"entity": "Jane Roe"})
    assert response.status_code == 200
    assert "met the governor" in response.text or "meet" in response.text
    assert f"/articles/{quoted.id}#ev-v1" in links(response.text)
    every = client.get("/timeline").text
    rows = every.split('<table id="timeline">')[1].split("<tr>")[2:]
    # Each row's cell shows the date as a reader writes it and keeps the TIMEX value it is sorted by.
    dates = [row.split('<td data-date="')[1].split('"')[0] for row in rows]
    dated = [d for d in dates if d]
    assert dated == sorted(dated)
    assert dates == dated + [""] * (len(dates) - len(dated))
    shown = [row.split('">')[1].split("<")[0] for row in rows]
    assert all(s == "undated" for d, s in zip(dates, shown, strict=True) if not d)
    assert any(s != d for d, s in zip(dates, shown, strict=True) if d)  # "7 March 2017", not 2017-03-07


def test_dates_are_shown_as_a_reader_writes_them() -> None:
    from newsgraph.web.app import readable_date

    assert [readable_date(v) for v in ("1996-05-02", "196", "2003-Q1", None)] == [
        "2 May 1996", "the 1960s", "2003-Q1", "undated"]


def test_timeline_unknown_entity_is_404(client: TestClient) -> None:
    assert client.get("/timeline", params={"entity": "Nobody Atall"}).status_code == 404


@pytest.mark.parametrize(("params", "present", "absent"), [
    ({}, ["A city official", "Jane Roe"], []),
    ({"anonymous": "true"}, ["A city official"], ["<td>Jane Roe"]),
    ({"outlet": "Ledger"}, ["A city official"], []),
    ({"outlet": "No Such Outlet"}, ["No sources."], ["A city official"]),
])
def test_sources_page(client: TestClient, params: dict, present: list[str], absent: list[str]) -> None:
    response = client.get("/sources", params=params)
    assert response.status_code == 200
    for text in present:
        assert text in response.text
    for text in absent:
        assert text not in response.text


def test_sources_page_shows_shares_by_role_and_gender(client: TestClient) -> None:
    import re

    page = client.get("/sources").text
    for name in ("role", "gender"):
        table = re.search(rf'<table id="by-{name}".*?</table>', page, re.S)
        assert table is not None, name
        assert ">unknown</td>" in table.group(0)  # the unknowns are always a row
    role_table = re.search(r'<table id="by-role".*?</table>', page, re.S).group(0)
    assert ">official</td>" in role_table and ">business</td>" in role_table  # "Mayor Jane Roe", "Chief executive"
    api = client.get("/api/sources", params={"by": "role,gender"}).json()["shares"]
    assert {r["role"] for r in api["role"]} >= {"official", "business", "unknown"}
    assert client.get("/api/sources", params={"by": "colour"}).status_code == 400


# --- JSON API --------------------------------------------------------------------------------


def test_api_article_is_the_record(client: TestClient, records: list[Record]) -> None:
    for record in records:
        response = client.get(f"/api/articles/{record.id}")
        assert response.status_code == 200
        assert Record.from_dict(response.json()) == record


def test_api_search_stats_entity_timeline_quotes_sources(client: TestClient, records: list[Record]) -> None:
    stats = client.get("/api/stats").json()
    assert stats["counts"]["articles"] == len(records)
    hits = client.get("/api/search", params={"q": "flooded"}).json()
    assert [h["title"] for h in hits] == ["Flood forces evacuations"]
    assert "[[flooded]]" in hits[0]["snippet"]
    profile = client.get("/api/entities/Jane Roe").json()
    assert profile["entity"]["name"] == "Jane Roe"
    assert {"names", "titles", "articles", "quotes_by", "quotes_about", "co_mentioned"} <= set(profile)
    timeline = client.get("/api/timeline", params={"entity": "Jane Roe"}).json()
    assert timeline["entity"]["name"] == "Jane Roe"
    dates = [e["date"] for e in timeline["events"] if e["date"]]
    assert dates == sorted(dates) and "2021-05-18" in dates
    quotes = client.get("/api/quotes", params={"by": "Jane Roe"}).json()
    contents = [q["content"] for q in quotes]
    assert "Springfield & its <library> will open again on June 1." in contents  # the hand-built record
    assert any("a win for every reader in town" in c for c in contents)  # read by the attribution stage
    sources = client.get("/api/sources", params={"anonymous": "true"}).json()
    assert [s["source"] for s in sources["top_sources"]] == ["A city official"]
    assert 0 < sources["anonymous_share"] < 1


@pytest.mark.parametrize(("url", "status"), [
    ("/api/articles/nope", 404),
    ("/api/entities/Nobody%20Atall", 404),
    ("/api/timeline?entity=Nobody%20Atall", 404),
    ("/api/quotes?by=Nobody%20Atall", 404),
    ("/api/search?q=...", 400),
    ("/api/search", 422),
    ("/api/search?q=a&limit=0", 422),
])
def test_api_errors_are_json(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert "detail" in response.json()


def test_openapi_lists_the_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert schema["info"]["title"] == "newsgraph"
    assert {"/api/stats", "/api/search", "/api/articles/{article_id}", "/api/entities/{name}", "/api/timeline",
            "/api/quotes", "/api/sources"} <= set(schema["paths"])
    assert not any(path in schema["paths"] for path in ("/", "/search", "/sources"))  # pages stay out


def test_unknown_page_is_404_html(client: TestClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")


# --- a store that cannot be read ----------------------------------------------------------------


def _sqlite_not_newsgraph(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize(("make", "message"), [
    (lambda d: d / "missing.db", "no such store"),
    (lambda d: (d / "junk.db").write_bytes(b"not a database at all" * 50) and d / "junk.db", "not a newsgraph store"),
    (lambda d: _sqlite_not_newsgraph(d / "other.db"), "not a newsgraph store"),
    (lambda d: (d / "empty.db").write_bytes(b"") == 0 and d / "empty.db", "not a newsgraph store"),
    (lambda d: d, "directory"),
])
@pytest.mark.parametrize("url", ["/", "/search?q=x", "/articles/abc", "/entities/x", "/timeline", "/sources",
                                 "/api/stats"])
def test_unreadable_store_gives_a_clear_error(tmp_path: Path, make, message: str, url: str) -> None:
    db = make(tmp_path)
    client = TestClient(create_app(db), raise_server_exceptions=False)
    response = client.get(url)
    assert response.status_code == 503
    assert message in response.text
    assert TRACEBACK not in response.text
    if url.startswith("/api/"):
        assert message in response.json()["detail"]
    else:
        assert 'id="error"' in response.text


def test_short_ids_open_articles_in_pages_and_api(client: TestClient, records: list[Record]) -> None:
    """The 12 characters lists print (``views.short_id``) open the article, in the page and the API."""
    record = records[0]
    short = record.id[:12]
    page = client.get(f"/articles/{short}")
    assert page.status_code == 200 and record.text[:40] in html.unescape(page.text)
    assert client.get(f"/api/articles/{short}").json()["id"] == record.id
    assert client.get(f"/api/articles/{short}zz").status_code == 404


def test_an_id_prefix_of_several_articles_is_a_bad_request(tmp_path: Path) -> None:
    from store.conftest import build_record  # hand-built records: ids chosen to share a start

    db = tmp_path / "news.db"
    with Store(db) as store:
        for n, text in enumerate(["Jane Roe spoke.", "Alan Pike spoke."]):
            store.add(build_record(text).model_copy(update={"id": f"beef{n}" + "0" * 59}))
    with TestClient(create_app(db)) as fresh:
        response = fresh.get("/api/articles/beef")
        assert response.status_code == 400 and "give more of the id" in response.json()["detail"]
        assert fresh.get("/api/articles/beef1").json()["text"] == "Alan Pike spoke."


def test_the_openapi_lists_each_routes_error_answers(client: TestClient) -> None:
    """What the routes answer on bad input (tested above and in test_hostile.py) is in the OpenAPI too."""
    spec = client.get("/openapi.json").json()
    listed = {path: set(op["get"]["responses"]) for path, op in spec["paths"].items()}
    assert {"400", "404", "503"} <= listed["/api/articles/{article_id}"]
    assert {"400", "404", "503"} <= listed["/api/timeline"]
    assert {"400", "503"} <= listed["/api/search"]
    body = spec["paths"]["/api/search"]["get"]["responses"]["400"]["content"]["application/json"]["schema"]
    assert body["$ref"].endswith("/Problem") and "detail" in spec["components"]["schemas"]["Problem"]["properties"]
    assert client.get("/api/articles/nope").json().keys() == {"detail"}
