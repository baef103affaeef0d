"""Charts: the store's counts per month and per outlet, their JSON, the pages that draw them, the source-kind filter.

Counts are checked on small stores of hand-built records (so each figure is
known), the pages and routes on the session store and on a store with no dates.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.record import (
    Attribution,
    Entity,
    Event,
    Generator,
    Mention,
    Meta,
    Offsets,
    Record,
    Source,
    SourceInfo,
    TextSpan,
)
from newsgraph.store import Store, queries
from newsgraph.web import create_app

SENTENCE = "Ada Brook said the port will reopen. "


def _record(n: int, *, published: str | None, outlet: str | None, kinds: list[str], mentions: int = 1,
            events: int = 0, with_entity: bool = True) -> Record:
    """A record whose entity ``Ada Brook`` has ``mentions`` mentions and ``events`` main events as actor,
    and one attribution per item of ``kinds`` (that source kind; ``anonymous`` sources flagged)."""
    text = SENTENCE * max(mentions, len(kinds), events, 1) + f"Item {n}."
    starts = [i * len(SENTENCE) for i in range(max(mentions, len(kinds), events, 1))]
    entity = Entity(id="e1", name="Ada Brook", type="PERSON",
                    mentions=[Mention(start=s, end=s + 9, text="Ada Brook") for s in starts[:mentions]])
    sources = [Source(id=f"s{i}", description="Ada Brook" if kind == "person" else f"a {kind} source", kind=kind,
                      anonymous=kind == "anonymous", entity="e1" if kind == "person" and with_entity else None)
               for i, kind in enumerate(kinds)]
    attributions = [Attribution(id=f"a{i}", source=f"s{i}", kind="indirect",
                                cue=TextSpan(start=s + 10, end=s + 14, text="said"),
                                content=TextSpan(start=s + 15, end=s + 35, text="the port will reopen"))
                    for i, s in enumerate(starts[:len(kinds)])]
    evs = [Event(id=f"v{i}", actor="e1", actor_text="Ada Brook", predicate="say", main=True,
                 sentence=Offsets(start=s, end=s + len(SENTENCE) - 1)) for i, s in enumerate(starts[:events])]
    return Record(
        id=hashlib.sha256(text.encode()).hexdigest(), text=text, source=SourceInfo(path=f"r{n}.txt", format="text"),
        meta=Meta(title=f"Port story {n}", published=published, outlet=outlet),
        entities=[entity] if with_entity else [], sources=sources, attributions=attributions,
        events=evs if with_entity else [], generator=Generator(newsgraph="0.1.0", model="hand-built"),
    )


@pytest.fixture()
def dated_store(tmp_path: Path) -> Path:
    records = [
        _record(1, published="2021-03-02", outlet="Ledger", kinds=["person", "anonymous"], mentions=2, events=1),
        _record(2, published="2021-03-30", outlet="Ledger", kinds=["anonymous"], mentions=1, events=2),
        _record(3, published="2021-05-04", outlet="Courier", kinds=["person", "document", "person"], mentions=3),
        _record(4, published=None, outlet="Courier", kinds=["anonymous"], mentions=1, events=1),
        _record(5, published="2021", outlet=None, kinds=["media"], with_entity=False),
    ]
    db = tmp_path / "dated.db"
    with Store(db) as store:
        for r in records:
            assert store.add(r)
    return db


def test_articles_by_month_counts_each_month_and_what_no_month_places(dated_store: Path) -> None:
    with Store(dated_store, readonly=True) as store:
        counts = queries.articles_by_month(store.conn)
    assert queries.records_of(counts.rows) == [{"month": "2021-03", "articles": 2}, {"month": "2021-05", "articles": 1}]
    assert counts.unplaced == {"articles": 2}  # one undated, one dated by its year only


def test_entity_by_month_counts_mentions_and_events_as_the_profile_and_timeline_do(dated_store: Path) -> None:
    with Store(dated_store, readonly=True) as store:
        ref, counts = queries.entity_by_month(store.conn, "Ada Brook")
        profile = store.entity("Ada Brook")
        timeline = store.timeline("Ada Brook")
    assert ref.name == "Ada Brook"
    assert queries.records_of(counts.rows) == [{"month": "2021-03", "mentions": 3, "events": 3},
                                               {"month": "2021-05", "mentions": 3, "events": 0}]
    assert counts.unplaced == {"mentions": 1, "events": 1}
    assert sum(counts.rows["mentions"]) + counts.unplaced["mentions"] == int(profile.names["mentions"].sum())
    assert sum(counts.rows["events"]) + counts.unplaced["events"] == len(timeline)


def test_sourcing_breakdown_adds_up_to_the_sources_report(dated_store: Path) -> None:
    with Store(dated_store, readonly=True) as store:
        breakdown = queries.sourcing_breakdown(store.conn)
        ledger = store.sources(outlet="Ledger")
        everything = store.sources()
        only = queries.sourcing_breakdown(store.conn, outlet="cour")
    rows = queries.records_of(breakdown.by_outlet)
    assert [r["outlet"] for r in rows][:1] == ["Courier"]  # the outlet with the most attributions first
    assert {r["kind"]: r["attributions"] for r in rows if r["outlet"] == "Ledger"} == ledger.by_kind
    assert sum(r["attributions"] for r in rows) == everything.attributions
    months = queries.records_of(breakdown.by_month.rows)
    assert months == [
        {"month": "2021-03", "attributions": 3, "anonymous": 2, "anonymous_share": 0.6667},
        {"month": "2021-05", "attributions": 3, "anonymous": 0, "anonymous_share": 0.0},
    ]
    assert breakdown.by_month.unplaced == {"attributions": 2, "anonymous": 1}
    assert {r["outlet"] for r in queries.records_of(only.by_outlet)} == {"Courier"}


def test_outlets_beyond_the_chart_limit_are_summed(dated_store: Path) -> None:
    with Store(dated_store, readonly=True) as store:
        rows = queries.records_of(queries.sourcing_breakdown(store.conn, outlets=1).by_outlet)
    others = [r for r in rows if r["outlet"] != "Courier"]
    assert {r["outlet"] for r in others} == {queries.OTHER_OUTLETS}  # Ledger and the articles with no outlet
    assert {r["kind"]: r["attributions"] for r in others} == {"anonymous": 2, "person": 1, "media": 1}
    assert sum(r["attributions"] for r in rows) == 8


def test_source_kind_filter_keeps_articles_with_an_attribution_of_that_kind(dated_store: Path) -> None:
    client = TestClient(create_app(dated_store))
    anonymous = client.get("/api/articles", params={"source_kind": "anonymous"}).json()
    assert anonymous["total"] == 3
    assert sorted(r["title"] for r in anonymous["rows"]) == ["Port story 1", "Port story 2", "Port story 4"]
    both = client.get("/api/articles", params={"source_kind": "person", "outlet": "ledger"}).json()
    assert [r["title"] for r in both["rows"]] == ["Port story 1"]
    assert client.get("/api/articles", params={"source_kind": "social"}).json()["total"] == 0
    bad = client.get("/api/articles", params={"source_kind": "rumour"})
    assert bad.status_code == 400 and "source_kind" in bad.json()["detail"]
    page = client.get("/articles", params={"source_kind": "document"})
    assert page.status_code == 200 and "1 article matches the filters" in page.text
    assert '<option value="document" selected>' in page.text


def test_chart_routes_return_the_counts_the_pages_draw(dated_store: Path) -> None:
    client = TestClient(create_app(dated_store))
    articles = client.get("/api/charts/articles").json()
    assert articles == {"months": [{"month": "2021-03", "articles": 2}, {"month": "2021-05", "articles": 1}],
                        "unplaced": {"articles": 2}}
    entity = client.get("/api/charts/entity", params={"entity": "ada brook"}).json()
    assert entity["entity"]["name"] == "Ada Brook" and entity["months"][0] == {"month": "2021-03", "mentions": 3,
                                                                              "events": 3}
    assert client.get("/api/charts/entity", params={"entity": "Nobody Here"}).status_code == 404
    sourcing = client.get("/api/charts/sourcing", params={"outlet": "Ledger"}).json()
    assert {r["kind"] for r in sourcing["by_outlet"]} == {"person", "anonymous"}
    assert client.get("/api/charts/sourcing", params={"outlet": "x" * 500}).status_code == 400
    home = client.get("/").text
    figure = re.search(r'<figure class="chart" id="articles-by-month">.*?</figure>', home, re.S)
    assert figure and "<svg" in figure.group() and 'role="img"' in figure.group()
    assert "<td>2021-03</td><td>2</td>" in figure.group()  # the text alternative holds the same figures
    assert "2 articles without a month of publication" in figure.group()


def test_pages_draw_svg_with_no_script_and_no_external_reference(dated_store: Path) -> None:
    client = TestClient(create_app(dated_store))
    for url, keys in [("/", ["articles-by-month"]), ("/entities/Ada%20Brook", ["entity-by-month"]),
                      ("/sources", ["sourcing-by-outlet", "anonymous-share-by-month"])]:
        page = client.get(url)
        assert page.status_code == 200, url
        for key in keys:
            assert f'id="{key}"' in page.text, (url, key)
        assert page.text.count("<svg") == len(keys), url
        assert "<script" not in page.text, url
        external = re.findall(r'(?:href|src)="(?!/|#|data:)([^"]+)"', page.text)
        assert not external, (url, external)


def test_without_dates_the_pages_say_so_instead_of_drawing(tmp_path: Path) -> None:
    db = tmp_path / "undated.db"
    with Store(db) as store:
        store.add(_record(1, published=None, outlet="Ledger", kinds=["anonymous"], mentions=2, events=1))
    client = TestClient(create_app(db))
    home = client.get("/").text
    assert "No stored article has a month of publication (1 article without one)" in home
    entity = client.get("/entities/Ada%20Brook").text
    assert "None of the articles that mention Ada Brook has a month of publication" in entity
    sources = client.get("/sources").text
    assert "No attribution is in an article with a month of publication" in sources
    assert sources.count("<svg") == 1  # sourcing per outlet needs no date
    assert "<svg" not in home and "<svg" not in entity


def test_the_session_store_charts(web_db: Path) -> None:
    client = TestClient(create_app(web_db))
    with Store(web_db, readonly=True) as store:
        months = sorted({r.meta.published[:7] for r in store.records() if r.meta.published})
    assert [m["month"] for m in client.get("/api/charts/articles").json()["months"]] == months
    page = client.get("/entities/Jane%20Roe")
    assert page.status_code == 200 and 'id="entity-by-month"' in page.text and "<svg" in page.text


def _both(conn) -> tuple[list[tuple], list[tuple]]:
    """The sourcing rows from the trigger-kept tallies and counted from the attributions, comparable."""
    def norm(rows: list[tuple]) -> list[tuple]:
        return sorted(((o or "", m or "", k, int(n), int(a)) for o, m, k, n, a in rows), key=str)

    return norm(queries._sourcing_rows(conn, None, None)), norm(queries._sourcing_rows(conn, None, None, scan=True))


def test_sourcing_tallies_follow_every_write(dated_store: Path) -> None:
    """Adding, re-dating, moving to another outlet and deleting articles, and deleting one attribution."""
    with Store(dated_store) as store:
        tallied, counted = _both(store.conn)
        assert tallied == counted and len(counted) > 4
        store.add(_record(6, published="2021-07-01", outlet="Ledger", kinds=["anonymous", "social"]))
        store.conn.execute("UPDATE articles SET outlet = 'Gazette', published = '2020-01-09' "
                           "WHERE title = 'Port story 1'")
        store.conn.execute("UPDATE articles SET published = NULL WHERE title = 'Port story 3'")
        store.conn.execute("DELETE FROM attributions WHERE id = 'a0' AND article_id = "
                           "(SELECT id FROM articles WHERE title = 'Port story 2')")
        store.conn.execute("DELETE FROM articles WHERE title = 'Port story 4'")
        tallied, counted = _both(store.conn)
        assert tallied == counted
        assert ("Gazette", "2020-01", "anonymous", 1, 1) in tallied
        assert all(row[1] != "2021-05" for row in tallied if row[3])  # story 3 undated now
        assert sum(r[3] for r in tallied) == store.sources().attributions == 8


def test_entity_counts_follow_a_write(dated_store: Path) -> None:
    with Store(dated_store) as store:
        before = queries.records_of(queries.entity_by_month(store.conn, "Ada Brook")[1].rows)
        store.add(_record(7, published="2021-05-20", outlet="Ledger", kinds=[], mentions=4, events=1))
        again = queries.records_of(queries.entity_by_month(store.conn, "Ada Brook")[1].rows)
    assert before[-1] == {"month": "2021-05", "mentions": 3, "events": 0}
    assert again[-1] == {"month": "2021-05", "mentions": 7, "events": 1}


def test_month_tallies_follow_writes_and_agree_with_a_count(dated_store: Path) -> None:
    with Store(dated_store) as store:
        store.conn.execute("UPDATE articles SET published = '2021-08-15' WHERE title = 'Port story 3'")
        store.conn.execute("DELETE FROM articles WHERE title = 'Port story 2'")
        store.add(_record(8, published="2021-08-01", outlet=None, kinds=[]))
        months = queries.records_of(queries.articles_by_month(store.conn).rows)
        kept = {k: n for k, n in queries.tallied(store.conn).items() if n}
        counted = {k: n for k, n in queries.counted_tallies(store.conn).items() if n}
    assert months == [{"month": "2021-03", "articles": 1}, {"month": "2021-08", "articles": 2}]
    assert kept == counted  # what ``newsgraph check`` compares


def test_sourcing_charts_are_drawn_again_when_their_counts_change(dated_store: Path) -> None:
    from newsgraph.web import charts

    with Store(dated_store) as store:
        first = charts.sourcing_charts(store, None, None)
        assert charts.sourcing_charts(store, None, None) is first  # the same counts: the pictures drawn before
        ledger = charts.sourcing_charts(store, "Ledger", None)
        assert ledger is not first and "Courier" not in ledger[0].svg
        assert store.add(_record(6, published="2022-01-05", outlet="Gazette", kinds=["anonymous"]))
        again = charts.sourcing_charts(store, None, None)
        assert again is not first and "Gazette" in again[0].svg and "Gazette" not in first[0].svg
        drawn = queries.sourcing_breakdown(store.conn)
        assert again[0].rows == charts.sourcing_kind_chart(drawn).rows  # what a fresh drawing shows


def _legend_colours(svg: str) -> dict[str, str]:
    """Each series' legend text → its fill colour, read from the SVG pygal wrote."""
    fills = dict(re.findall(r"\.color-(\d+),[^{]*\{[^}]*fill:(#[0-9a-fA-F]+)", svg))
    names = re.findall(r'id="activate-serie-(\d+)".*?<text[^>]*>([^<]+)</text>', svg)
    return {name: fills[i] for i, name in names}


def test_a_source_kind_has_one_colour_whichever_kinds_are_drawn(dated_store: Path) -> None:
    from newsgraph.web import charts

    with Store(dated_store, readonly=True) as store:
        every = _legend_colours(charts.sourcing_charts(store, None, None)[0].svg)
        ledger = _legend_colours(charts.sourcing_charts(store, "Ledger", None)[0].svg)
    assert set(ledger) < set(every)  # the Ledger's articles have fewer kinds (no document or media source)
    assert all(every[kind] == colour for kind, colour in ledger.items())
    assert len(set(every.values())) == len(every)


def test_a_charts_figures_table_is_what_the_template_wrote_cell_by_cell():
    """``Chart.table`` (built once per kept chart) gives the rows the template's own cell expression gives."""
    from jinja2 import Environment
    from markupsafe import Markup

    from newsgraph.web.charts import Chart

    rows = [["2003-04", 12345, 0.0417, None], ["<b>Outlet & Co</b>", 7, 1.5, True], [Markup("<i>x</i>"), 0, -2, "a"]]
    chart = Chart(key="k", title="t", note="n", svg=Markup("<svg></svg>"), columns=["a", "b", "c", "d"], rows=rows)
    cell_by_cell = Environment(autoescape=True).from_string(
        '{% for row in rows %}<tr>{% for v in row %}<td>{{ "{:,}".format(v) if v is number else v }}</td>'
        "{% endfor %}</tr>{% endfor %}").render(rows=rows)
    assert str(chart.table) == cell_by_cell
    assert "&lt;b&gt;Outlet &amp; Co&lt;/b&gt;" in chart.table and "<td>12,345</td>" in chart.table
