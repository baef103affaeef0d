"""The web app in a real headless Chromium: ``newsgraph serve`` on a loopback port, driven by Selenium.

Skipped only when Debian's Chromium is not installed (``.ci/run`` installs it:
``apt-get install chromium chromium-driver``). Selenium is pointed at
``/usr/bin/chromedriver`` explicitly, so it never looks for or downloads a
driver; the browser runs with a fresh profile and no background networking.
Every wait is bounded, and the server process is stopped by the fixture.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.record import Record
from newsgraph.store import Store
from web._harness import NO_CHROMIUM, NO_CHROMIUM_REASON, chromium, served, wait_for

pytestmark = pytest.mark.skipif(NO_CHROMIUM, reason=NO_CHROMIUM_REASON)


@pytest.fixture(scope="module")
def server(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of ``newsgraph serve --db web_db`` running in a child process on a free loopback port."""
    with served(web_db, tmp_path_factory.mktemp("serve") / "serve.log") as base:
        yield base


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


@pytest.fixture(scope="module")
def records(web_db: Path) -> list[Record]:
    with Store(web_db, readonly=True) as store:
        return list(store.records())




def test_home_search_and_article(server: str, browser, records: list[Record], quoted: Record,
                                 tmp_path_factory: pytest.TempPathFactory) -> None:
    """Load the home page, submit a search, open a result, and find the highlighted evidence in the DOM."""
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    stats = wait_for(browser, "#stats")
    assert f"{len(records)}\narticles" in stats.text or f"{len(records)} articles" in stats.text.replace("\n", " ")

    box = browser.find_element(By.CSS_SELECTOR, "#search-form input[name=q]")
    box.send_keys("reopen library")
    box.submit()
    wait_for(browser, "#result-count")
    assert "/search?q=reopen+library" in browser.current_url
    results = browser.find_elements(By.CSS_SELECTOR, ".result a.result-link")
    assert [r.text for r in results] == ["Library to reopen, mayor says"]
    assert browser.find_elements(By.CSS_SELECTOR, ".result .snippet mark")

    results[0].click()
    wait_for(browser, "#article-text")
    assert browser.current_url == f"{server}/articles/{quoted.id}"
    text = browser.find_element(By.ID, "article-text")
    assert text.text.replace("\n", " ") == quoted.text.replace("\n", " ")
    mentions = text.find_elements(By.CSS_SELECTOR, "span.hl.entity[data-entity]")
    expected = sorted((e.id, m.text) for e in quoted.entities for m in e.mentions)
    assert sorted((m.get_attribute("data-entity"), m.text) for m in mentions) == expected
    quotes = text.find_elements(By.CSS_SELECTOR, "span.hl.quote")
    assert [q.text for q in quotes] == [a.content.text for a in quoted.attributions]
    # a mention inside a quote is a child of the quote element
    assert text.find_elements(By.CSS_SELECTOR, "span.hl.quote span.hl.entity[data-entity=e2]")
    # highlights are visibly styled (inline CSS applied)
    background = mentions[0].value_of_css_property("background-color")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")

    shot = tmp_path_factory.mktemp("screenshots") / "article.png"
    assert browser.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


def test_pipeline_article_mentions(server: str, browser, records: list[Record]) -> None:
    from selenium.webdriver.common.by import By

    record = next(r for r in records if r.meta.title == "Acme shares fall")
    browser.get(f"{server}/articles/{record.id}")
    text = wait_for(browser, "#article-text")
    marked = sorted(m.text for m in text.find_elements(By.CSS_SELECTOR, "span.hl.entity[data-entity]"))
    assert marked == sorted(m.text for e in record.entities for m in e.mentions)


def test_timeline_evidence_link_lands_on_the_sentence(server: str, browser, quoted: Record) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + "/timeline?entity=Jane+Roe")
    wait_for(browser, "#timeline")
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "a.evidence")
                if a.get_attribute("href").endswith(f"/articles/{quoted.id}#ev-v1"))
    link.click()
    target = wait_for(browser, "#ev-v1")
    assert browser.current_url.endswith("#ev-v1")
    assert target.text.startswith("A city official")


def test_entity_and_error_pages(server: str, browser) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + "/entities/Jane%20Roe")
    assert wait_for(browser, "#entity-name").text.startswith("Jane Roe")
    assert browser.find_elements(By.CSS_SELECTOR, "#quotes_by tbody tr")
    browser.get(server + "/articles/" + "0" * 64)
    assert "no article" in wait_for(browser, "#error").text
    assert browser.title.startswith("Not found")


def test_api_docs_render_offline(server: str, browser) -> None:
    """/docs draws the API from files the server itself serves: no CDN, no request elsewhere."""
    from selenium.webdriver.common.by import By

    browser.get(server + "/docs")
    wait_for(browser, ".swagger-ui .opblock")
    paths = {e.text for e in browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")}
    assert {"/api/stats", "/api/search", "/api/timeline"} <= {p.replace("\u200b", "") for p in paths}
    fetched = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert fetched and all(url.startswith(server) for url in fetched), fetched


def test_browse_pages_from_the_header(server: str, browser, records: list[Record]) -> None:
    """The header leads to /articles and /entities; each lists rows, pages, and fetches nothing elsewhere."""
    from selenium.webdriver.common.by import By

    browser.get_log("browser")  # drop what earlier tests logged (the 404 page they open on purpose)
    browser.get(server + "/")
    wait_for(browser, "header nav")
    browser.find_element(By.LINK_TEXT, "Articles").click()
    assert f"{len(records)} articles" in wait_for(browser, "#article-count").text
    rows = browser.find_elements(By.CSS_SELECTOR, "#articles tbody tr a")
    assert sorted(a.text for a in rows) == sorted(r.meta.title for r in records)
    browser.get(server + "/articles?sort=title&limit=2")
    select = browser.find_element(By.CSS_SELECTOR, "#article-filters select[name=sort]")
    assert select.get_attribute("value") == "title"
    browser.find_element(By.LINK_TEXT, "Entities").click()
    wait_for(browser, "#entity-count")
    names = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#entities tbody tr a")]
    assert "Jane Roe" in names
    browser.find_element(By.LINK_TEXT, "Jane Roe").click()
    assert wait_for(browser, "#articles-heading").text.startswith("Articles (")
    fetched = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert all(url.startswith(server) for url in fetched), fetched
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors


def test_graph_click_a_neighbour_to_move_to_its_graph(server: str, browser,
                                                      tmp_path_factory: pytest.TempPathFactory) -> None:
    """The profile links to the graph; clicking a neighbour's node opens that neighbour's graph, offline."""
    from selenium.webdriver.common.by import By

    browser.get_log("browser")  # drop what earlier tests logged
    browser.get(server + "/entities/Jane%20Roe")
    wait_for(browser, "#graph-link").click()
    assert wait_for(browser, "#graph-name").text.startswith("Graph of Jane Roe")
    assert browser.find_elements(By.CSS_SELECTOR, "#edges tbody tr.edge-row")
    shot = tmp_path_factory.mktemp("screenshots") / "graph.png"
    assert browser.save_screenshot(str(shot)) and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    neighbour = wait_for(browser, "svg#graph a.node:not(.centre)")
    target_id = neighbour.get_attribute("data-id")
    name = neighbour.find_element(By.CSS_SELECTOR, "text").text
    neighbour.find_element(By.CSS_SELECTOR, "circle").click()
    assert wait_for(browser, "#graph-name").text.startswith(f"Graph of {name}")
    assert browser.current_url == f"{server}/entities/%23{target_id}/graph"
    drawn = browser.find_elements(By.CSS_SELECTOR, "svg#graph path.edge")
    assert drawn and all(p.get_attribute("d").startswith("M") for p in drawn)
    fetched = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert all(url.startswith(server) for url in fetched), fetched
def test_chart_pages_draw_inline_svg_offline(server: str, browser, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Home, sources and entity pages draw their charts as inline SVG, log no error and fetch nothing elsewhere."""
    from selenium.webdriver.common.by import By

    shots = tmp_path_factory.mktemp("chart-screenshots")
    browser.get_log("browser")  # drop what earlier tests logged
    for name, path, keys in [("home", "/", ["articles-by-month"]),
                             ("sources", "/sources", ["sourcing-by-outlet", "anonymous-share-by-month"]),
                             ("entity", "/entities/Jane%20Roe", ["entity-by-month"])]:
        browser.get(server + path)
        for key in keys:
            figure = wait_for(browser, f"figure#{key}")
            drawn = figure.find_element(By.CSS_SELECTOR, "div.chart-svg[role=img] svg")
            assert drawn.size["width"] > 300 and drawn.size["height"] > 80, (path, key, drawn.size)
            label = figure.find_element(By.CSS_SELECTOR, "div.chart-svg").get_attribute("aria-label")
            assert label and label.startswith(figure.find_element(By.TAG_NAME, "b").text), (path, key)
            assert figure.find_elements(By.CSS_SELECTOR, "table.chart-table tbody tr"), (path, key)
        assert browser.save_screenshot(str(shots / f"{name}.png"))
        fetched = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        assert all(url.startswith(server) for url in fetched), (path, fetched)
        assert not browser.execute_script("return document.scripts.length"), path
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors
