"""Wire copy and repeated quotes on the pages: "copy of …", "also quoted in N other articles", /quotes/{id}.

A store of hand-built records (invented texts): one wire story as two outlets
ran it, a later story repeating the same quote, and an unrelated article.
Through FastAPI's TestClient, then in headless Chromium (the harness of
``test_browser.py``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.store import Store
from store.test_duplicates import COPY, OTHER, STORY, UNRELATED, record
from web._harness import NO_CHROMIUM, NO_CHROMIUM_REASON, wait_for
from web.test_browser import browser, server  # noqa: F401 - fixtures used by name

QUOTE_LINK = re.compile(r'href="/quotes/(\d+)"')


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("dupweb") / "news.db"
    with Store(db) as store:
        for r in built().values():
            store.add(r)
    return db


def built() -> dict[str, object]:
    return {"story": record(STORY, "2026-03-03", "Daily Post"), "copy": record(COPY, "2026-03-02", "Coastal Wire"),
            "other": record(OTHER, "2026-03-01", "Gazette"), "unrelated": record(UNRELATED, "2026-03-04")}


def test_the_article_pages_say_copy_of_and_also_published_as(client: TestClient) -> None:
    r = built()
    story = client.get(f"/articles/{r['story'].id}").text
    assert 'id="copies"' in story and "Copy of" in story and f'href="/articles/{r["copy"].id}"' in story
    wire = client.get(f"/articles/{r['copy'].id}").text
    assert "Also published as" in wire and f'href="/articles/{r["story"].id}"' in wire
    assert 'id="copies"' not in client.get(f"/articles/{r['unrelated'].id}").text


def test_a_repeated_quote_is_marked_and_its_page_lists_the_appearances(client: TestClient) -> None:
    r = built()
    story = client.get(f"/articles/{r['story'].id}").text
    assert "also quoted in 2 other articles" in story
    quote_id = QUOTE_LINK.search(story).group(1)
    page = client.get(f"/quotes/{quote_id}").text
    assert "One quote, 3 articles" in page and "Gazette" in page.split('id="quote-first"')[1].split("</p>")[0]
    api = client.get(f"/api/quotes/{quote_id}").json()
    assert [a["article_id"] for a in api["appearances"]] == [r["other"].id, r["copy"].id, r["story"].id]
    assert client.get("/quotes/999999").status_code == 404
    entity = client.get("/entities/Ellen Voss").text
    assert entity.count("also quoted in 2 other articles") >= 1


def test_sourcing_counts_each_story_once_on_request(client: TestClient) -> None:
    plain, once = client.get("/api/sources").json(), client.get("/api/sources?dedupe=true").json()
    assert (plain["articles"], once["articles"]) == (4, 3)
    assert plain["attributions"] - once["attributions"] == 1
    page = client.get("/sources?dedupe=true").text
    assert 'name="dedupe" value="true" checked' in page and "<b>3</b>" in page
    (group,) = client.get("/api/duplicates").json()
    assert group["original"]["id"] == built()["copy"].id and group["size"] == 2


@pytest.mark.skipif(NO_CHROMIUM, reason=NO_CHROMIUM_REASON)
def test_the_marks_lead_from_copy_to_original_to_the_quote_in_a_browser(server: str, browser) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By

    r = built()
    browser.get(f"{server}/articles/{r['story'].id}")
    line = wait_for(browser, "#copies")
    assert line.text.startswith("Copy of")
    line.find_element(By.TAG_NAME, "a").click()
    wait_for(browser, "#article-text")
    assert browser.current_url == f"{server}/articles/{r['copy'].id}"
    assert browser.find_element(By.ID, "copies").text.startswith("Also published as")
    browser.find_element(By.CSS_SELECTOR, "#attributions .repeat a").click()
    first = wait_for(browser, "#quote-first")
    assert "Gazette" in first.text
    rows = browser.find_elements(By.CSS_SELECTOR, "#appearances tbody tr")
    assert len(rows) == 3 and "first" in rows[0].text
