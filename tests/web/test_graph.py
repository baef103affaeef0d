"""The entity graph page and its API through FastAPI's TestClient, on the shared web store."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from newsgraph.store import Store, graph
from web.pages import elements, links


@pytest.fixture(scope="module")
def roe(web_db: Path) -> graph.EntityGraph:
    with Store(web_db, readonly=True) as store:
        return graph.entity_graph(store.conn, "Jane Roe")


def test_the_api_returns_the_store_graph(client: TestClient, roe: graph.EntityGraph) -> None:
    answer = client.get("/api/entities/Jane%20Roe/graph")
    assert answer.status_code == 200
    assert answer.json() == roe.to_dict()
    assert roe.edges, "Jane Roe shares articles with other entities in the web store"
    for ref in (f"%23{roe.entity.id}", str(roe.entity.id)):
        assert client.get(f"/api/entities/{ref}/graph").json()["entity"]["id"] == roe.entity.id
    one = client.get("/api/entities/Jane%20Roe/graph?limit=1").json()
    assert one["limit"] == 1 and len(one["nodes"]) <= 1 + len(graph.EDGE_KINDS)


def test_the_page_draws_every_node_and_lists_every_edge(client: TestClient, roe: graph.EntityGraph) -> None:
    answer = client.get(f"/entities/%23{roe.entity.id}/graph")
    assert answer.status_code == 200
    page = answer.text
    assert "http://" not in page and "https://" not in page and "<script" not in page
    found = elements(page)
    drawn = [a for tag, a in found.elements if tag == "a" and "node" in a.get("class", "").split()]
    assert sorted(int(a["data-id"]) for a in drawn) == sorted(n.id for n in roe.nodes)
    for a in drawn:
        if int(a["data-id"]) != roe.entity.id:
            assert a["href"] == "/entities/" + quote(f"#{a['data-id']}", safe="") + "/graph"
    paths = [a for tag, a in found.elements if tag == "path" and "edge" in a.get("class", "").split()]
    assert len(paths) == len(roe.edges)
    kinds = {e.kind for e in roe.edges}
    assert {c for a in paths for c in a["class"].split() if c.startswith("edge-")} == {f"edge-{k}" for k in kinds}
    rows = [a for tag, a in found.elements if tag == "tr" and "edge-row" in a.get("class", "")]
    assert len(rows) == len(roe.edges)
    # An edge's articles are linked by short id, and the link opens the article.
    article = next(h for h in links(page) if h.startswith("/articles/"))
    assert len(article) == len("/articles/") + 12
    assert client.get(article).status_code == 200
    co_only = {e.target for e in roe.edges} - {e.target for e in roe.edges if e.kind != "co_mention"} - {
        e.source for e in roe.edges if e.kind != "co_mention"}
    pale = {int(a["data-id"]) for a in drawn if "doubtful" in a["class"].split()}
    assert pale == co_only


def test_the_profile_links_to_the_graph(client: TestClient, roe: graph.EntityGraph) -> None:
    page = client.get("/entities/Jane%20Roe").text
    assert f"/entities/%23{roe.entity.id}/graph" in links(page)


def test_errors(client: TestClient) -> None:
    assert client.get("/entities/Nobody%20Known%20Here/graph").status_code == 404
    assert client.get("/api/entities/Nobody%20Known%20Here/graph").status_code == 404
    assert client.get("/api/entities/%2399999999999999999999999/graph").status_code == 404
    assert client.get(f"/api/entities/Jane%20Roe/graph?limit={graph.MAX_NEIGHBOURS + 1}").status_code == 422
    assert client.get("/api/entities/" + "x" * 5000 + "/graph").status_code == 400


def test_openapi_lists_the_graph_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    answers = paths["/api/entities/{name}/graph"]["get"]["responses"]
    assert {"200", "400", "404", "503"} <= set(answers)
