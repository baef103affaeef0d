"""Corpus events on the web: one timeline row per corpus event, and ``/events/{id}`` with every report.

A store of hand-built records (no model): two outlets report the same warning on
the same day, a third tells it with "first reported by" in its text, and a near
miss (another target) stays apart. The pages are read through the app
(``TestClient``) and in a real headless Chromium (``newsgraph serve``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.record import Entity, Event, Generator, Mention, Meta, Offsets, Record, Source, SourceInfo
from newsgraph.store import Store
from newsgraph.web.app import create_app
from web._harness import NO_CHROMIUM, NO_CHROMIUM_REASON, chromium, served, wait_for

#: (title, published, outlet, text, target name, event date, source description or None)
REPORTS = [
    ("Pike warns Roe over budget", "2021-03-05", "Herald",
     "Alan Pike warned Jane Roe about the ferry budget on Thursday.", "Jane Roe", "2021-03-04", "Alan Pike"),
    ("Ferry budget warning", "2021-03-04", "Gazette",
     "On Thursday Alan Pike warned Jane Roe that the ferry budget would run out.", "Jane Roe", "2021-03-04", None),
    ("A warning, retold", "2021-03-08", "Times",
     "Alan Pike warned Jane Roe about the ferry budget on Thursday. It was first reported by the Gazette.",
     "Jane Roe", "2021-03-04", None),
    ("Pike warns Lane", "2021-03-05", "Herald",
     "Alan Pike warned Kim Lane about the ferry budget on Thursday.", "Kim Lane", "2021-03-04", None),
]


def _record(title: str, published: str, outlet: str, text: str, target: str, date: str,
            source: str | None) -> Record:
    def mention(name: str) -> Mention:
        start = text.index(name)
        return Mention(start=start, end=start + len(name), text=name)

    sentence_end = text.index(".") + 1
    sources = [Source(id="s1", entity="e1", description=source, kind="person")] if source else []
    return Record(
        id=hashlib.sha256(text.encode()).hexdigest(),
        source=SourceInfo(path=f"{outlet.lower()}-{published}.txt", format="text"),
        meta=Meta(title=title, published=published, outlet=outlet), text=text,
        entities=[Entity(id="e1", name="Alan Pike", type="PERSON", mentions=[mention("Alan Pike")]),
                  Entity(id="e2", name=target, type="PERSON", mentions=[mention(target)])],
        sources=sources,
        events=[Event(id="v1", actor="e1", actor_text="Alan Pike", predicate="warn", predicate_text="warned",
                      target="e2", target_text=target, date=date, source="s1" if source else None, main=True,
                      sentence=Offsets(start=0, end=sentence_end))],
        generator=Generator(newsgraph="0.1.0", model="hand-built"),
    )


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return [_record(*spec) for spec in REPORTS]


@pytest.fixture(scope="module")
def event_db(tmp_path_factory: pytest.TempPathFactory, records: list[Record]) -> Path:
    db = tmp_path_factory.mktemp("events") / "news.db"
    with Store(db) as store:
        for record in records:
            assert store.add(record)
    return db


@pytest.fixture(scope="module")
def client(event_db: Path) -> TestClient:
    return TestClient(create_app(event_db))


def _warning_id(client: TestClient) -> int:
    rows = client.get("/api/timeline", params={"entity": "Jane Roe"}).json()["events"]
    assert len(rows) == 1  # three reports, one row
    return int(rows[0]["corpus_event"])


def test_timeline_has_one_row_per_corpus_event_with_its_reports(client: TestClient) -> None:
    rows = client.get("/api/timeline").json()["events"]
    assert sorted(r["reports"] for r in rows) == [1, 3]
    row = next(r for r in rows if r["reports"] == 3)
    assert row["first_label"] == "Ferry budget warning"
    assert row["reports_text"] == "reported by 3 articles, first: Ferry budget warning"
    page = client.get("/timeline", params={"entity": "Jane Roe"}).text
    assert page.count('class="small reports"') == 1
    assert "reported by 3 articles, first: Ferry budget warning" in page
    # Every event link of the whole timeline is a corpus event id that answers (not "/events/7.0").
    links = re.findall(r'href="(/events/[^"]+)"', client.get("/timeline").text)
    assert links and all(re.fullmatch(r"/events/\d+", link) for link in links), links
    assert all(client.get(link).status_code == 200 for link in links)


def test_api_event_lists_every_report_first_published_first(client: TestClient, records: list[Record]) -> None:
    event = client.get(f"/api/events/{_warning_id(client)}").json()
    assert [r["label"] for r in event["reports"]] == ["Ferry budget warning", "Pike warns Roe over budget",
                                                      "A warning, retold"]
    assert event["first_article_id"] == records[1].id
    assert event["claimed_first_by"] == "the Gazette"
    assert [r["source"] for r in event["reports"]] == [None, "Alan Pike", None]
    assert event["actor"]["name"] == "Alan Pike" and event["target"]["name"] == "Jane Roe"


@pytest.mark.parametrize("bad", ["0", "999999", "abc", "9" * 30])
def test_unknown_event_is_404(client: TestClient, bad: str) -> None:
    assert client.get(f"/api/events/{bad}").status_code == 404
    assert client.get(f"/events/{bad}").status_code == 404


# --- in a real browser --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(event_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if NO_CHROMIUM:
        pytest.skip(NO_CHROMIUM_REASON)
    with served(event_db, tmp_path_factory.mktemp("serve") / "serve.log") as base:
        yield base


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


def test_event_page_in_chromium_from_the_timeline(server: str, browser, records: list[Record],
                                                  tmp_path_factory: pytest.TempPathFactory) -> None:
    """Follow the timeline's reports link to the event page; every report, its source and the first are there."""
    from selenium.webdriver.common.by import By

    browser.get(server + "/timeline?entity=Jane+Roe")
    wait_for(browser, "#timeline")
    link = browser.find_element(By.CSS_SELECTOR, "td.reports a")
    assert link.text == "reported by 3 articles, first: Ferry budget warning"
    link.click()
    wait_for(browser, "#reports")
    assert "/events/" in browser.current_url
    rows = browser.find_elements(By.CSS_SELECTOR, "#reports tbody tr")
    assert len(rows) == 3
    assert rows[0].get_attribute("class") == "first"
    assert "Ferry budget warning" in rows[0].text and "Gazette" in rows[0].text
    assert "Alan Pike" in rows[1].find_elements(By.TAG_NAME, "td")[2].text  # the herald's source
    assert browser.find_element(By.ID, "first-report").text == "Ferry budget warning"
    assert browser.find_element(By.ID, "claimed-first").text == "first reported by the Gazette"
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    shot = tmp_path_factory.mktemp("screenshots") / "event.png"
    assert browser.save_screenshot(str(shot))
    # The evidence link lands on the report's sentence in its article.
    rows[2].find_element(By.CSS_SELECTOR, "a.evidence").click()
    wait_for(browser, "#article-text")
    assert browser.current_url.endswith(f"/articles/{records[2].id}#ev-v1")
