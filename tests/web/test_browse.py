"""Browse pages and their JSON twins: /articles, /entities and paged search, with exact totals.

On the session store (three articles through the real pipeline and one built by
hand) plus, for labels, a store of untitled records.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.record import Record
from newsgraph.store import Store
from newsgraph.store.labels import article_label, record_counts
from newsgraph.web import create_app
from web.conftest import quoted_record

RE_HASH = re.compile(r"\b[0-9a-f]{12}\b")


@pytest.fixture(scope="module")
def records(web_db: Path) -> list[Record]:
    with Store(web_db, readonly=True) as store:
        return list(store.records())


def test_articles_lists_every_article_once_across_pages(client: TestClient, records: list[Record]) -> None:
    seen: list[str] = []
    offset = 0
    while True:
        page = client.get("/api/articles", params={"limit": 3, "offset": offset}).json()
        assert page["total"] == len(records)
        seen += [r["id"] for r in page["rows"]]
        if not page["rows"]:
            break
        offset += 3
    assert sorted(seen) == sorted(r.id for r in records)


def test_articles_sort_and_filters(client: TestClient, records: list[Record]) -> None:
    newest = client.get("/api/articles").json()["rows"]
    dates = [r["published"] for r in newest if r["published"]]
    assert dates == sorted(dates, reverse=True)
    titled = client.get("/api/articles", params={"sort": "title"}).json()["rows"]
    assert [r["title"] for r in titled] == sorted((r.meta.title for r in records), key=str.lower)
    april_may = client.get("/api/articles", params={"from": "2021-04", "to": "2021-05"}).json()
    expected = {r.id for r in records if r.meta.published and "2021-04" <= r.meta.published[:7] <= "2021-05"}
    assert {r["id"] for r in april_may["rows"]} == expected and april_may["total"] == len(expected)
    by = client.get("/api/articles", params={"author": "ann writer"}).json()
    assert by["total"] == sum(any("ann writer" in a.lower() for a in r.meta.authors) for r in records) == 1


@pytest.mark.parametrize("params", [{"from": "May 2021"}, {"to": "2021-5-1"}, {"sort": "words"}])
def test_articles_refuse_bad_filters(client: TestClient, params: dict) -> None:
    assert client.get("/api/articles", params=params).status_code == 400
    assert client.get("/articles", params=params).status_code == 400


def test_articles_page_shows_labels_count_and_pager(client: TestClient, records: list[Record]) -> None:
    page = client.get("/articles").text
    assert f"{len(records)} articles." in page
    for r in records:
        assert article_label(r.meta.title) in page
    assert '<a href="/articles">Articles</a><a href="/entities">Entities</a>' in page  # in the header


def test_entities_page_and_api(client: TestClient, web_db: Path) -> None:
    with Store(web_db, readonly=True) as store:
        n = store.execute("SELECT count(*) FROM corpus_entities")[0][0]
        people = store.execute("SELECT count(*) FROM corpus_entities WHERE type = 'PERSON'")[0][0]
    found = client.get("/api/entities", params={"limit": 200}).json()
    assert found["total"] == n == len(found["rows"])
    counts = [r["articles"] for r in found["rows"]]
    assert counts == sorted(counts, reverse=True)
    by_mentions = [r["mentions"] for r in client.get("/api/entities", params={"sort": "mentions"}).json()["rows"]]
    assert by_mentions == sorted(by_mentions, reverse=True)
    persons = client.get("/api/entities", params={"type": "PERSON"}).json()
    assert persons["total"] == people and all(r["type"] == "PERSON" for r in persons["rows"])
    # an entity's count here is the count its profile shows
    top = found["rows"][0]
    assert client.get(f"/api/entities/%23{top['id']}").json()["entity"]["articles"] == top["articles"]
    page = client.get("/entities", params={"type": "PERSON"}).text
    assert f"{people:,} PERSON entit" in page


def test_search_reports_the_exact_total_and_pages(client: TestClient, records: list[Record]) -> None:
    expected = sum("roe" in (r.text + (r.meta.title or "")).lower() for r in records)
    assert expected >= 2
    first = client.get("/api/search/page", params={"q": "Roe", "limit": 1})
    assert first.json()["total"] == expected and len(first.json()["rows"]) == 1
    ids = {row["id"] for off in range(expected)
           for row in client.get("/api/search/page", params={"q": "Roe", "limit": 1, "offset": off}).json()["rows"]}
    assert len(ids) == expected
    listed = client.get("/api/search", params={"q": "Roe", "limit": 1})
    assert listed.headers["x-total-count"] == str(expected) and len(listed.json()) == 1
    page = client.get("/search", params={"q": "Roe"}).text
    assert f"{expected} articles match" in page


def test_article_page_counts_agree(client: TestClient, quoted) -> None:
    page = client.get(f"/articles/{quoted.id}").text
    n = record_counts(quoted)["attributions"]
    assert f"{n} attribution{'' if n == 1 else 's'}" in page
    assert f"Attributions ({len(quoted.attributions)})" in page and n == len(quoted.attributions)


def test_entity_page_says_how_many_articles(client: TestClient) -> None:
    profile = client.get("/api/entities/Jane%20Roe").json()
    page = client.get("/entities/Jane%20Roe").text
    n = profile["entity"]["articles"]
    assert len(profile["articles"]) == n  # a small store: every article is listed
    assert f"Articles ({n})" in page


def test_untitled_articles_are_named_by_their_first_sentence(tmp_path: Path) -> None:
    base = quoted_record()
    made = []
    for i, text in enumerate(["Ferries stopped at the harbour on Tuesday. Crews walked out.",
                              "A long-awaited report on the harbour was published today by the port board."]):
        made.append(base.model_copy(update={
            "id": f"{i:02d}" + "f" * 62, "text": text + " " + base.text,
            "meta": base.meta.model_copy(update={"title": None}),
            "entities": base.entities if i == 0 else [], "attributions": [], "sources": [], "events": [],
            "times": [], "relations": []}))
    db = tmp_path / "untitled.db"
    with Store(db) as store:
        for record in made:
            store.add(record)
    client = TestClient(create_app(db))
    labels = [article_label(None, r.text) for r in made]
    assert labels[0] == "Ferries stopped at the harbour on Tuesday."
    for url in ("/", "/articles", "/search?q=harbour", "/entities/Jane%20Roe"):
        page = client.get(url).text
        assert all(label in page for label in labels[: 1 if "entities" in url else 2]), url
        assert not RE_HASH.search(re.sub(r'href="[^"]*"', "", page)), url


def test_article_pages_run_dated_then_undated(tmp_path: Path) -> None:
    """Newest first: dated articles by date, then the undated; oldest first the reverse dates; no row twice."""
    base = quoted_record()
    dates = ["2020-01-05", None, "2022-07-01", None, "2021-03-09"]
    made = [base.model_copy(update={"id": f"{i:02d}" + "e" * 62,
                                    "meta": base.meta.model_copy(update={"published": d})})
            for i, d in enumerate(dates)]
    db = tmp_path / "dates.db"
    with Store(db) as store:
        for record in made:
            store.add(record)
    client = TestClient(create_app(db))
    for sort, expected in [("date", ["2022-07-01", "2021-03-09", "2020-01-05", None, None]),
                           ("date_asc", ["2020-01-05", "2021-03-09", "2022-07-01", None, None])]:
        got = [row["published"] for off in range(0, 5, 2)
               for row in client.get("/api/articles", params={"sort": sort, "limit": 2, "offset": off}).json()["rows"]]
        assert got == expected, sort
    ids = [row["id"] for off in range(0, 5, 2)
           for row in client.get("/api/articles", params={"limit": 2, "offset": off}).json()["rows"]]
    assert sorted(ids) == sorted(r.id for r in made)


def test_entity_counts_follow_the_store(tmp_path: Path) -> None:
    """The counts /entities keeps are counted again once an article is stored."""
    base = quoted_record()
    db = tmp_path / "grow.db"
    with Store(db) as store:
        store.add(base)
        client = TestClient(create_app(db))
        before = {r["name"]: r["articles"] for r in client.get("/api/entities").json()["rows"]}
        store.add(base.model_copy(update={"id": "ab" * 32}))
    after = {r["name"]: r["articles"] for r in client.get("/api/entities").json()["rows"]}
    assert before["Jane Roe"] == 1 and after["Jane Roe"] == 2


def test_openapi_lists_the_browse_routes_and_their_errors(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for route in ("/api/articles", "/api/entities", "/api/search/page"):
        assert {"400", "503"} <= set(paths[route]["get"]["responses"]), route
    names = {p["name"] for p in paths["/api/articles"]["get"]["parameters"]}
    assert {"outlet", "author", "from", "to", "sort", "limit", "offset"} <= names
