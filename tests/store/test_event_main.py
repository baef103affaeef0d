"""Timelines show each article's main events by default (``events.main``, migration 0007_event_main)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from newsgraph.store import Store, migrations
from newsgraph.web import create_app


def _marked(make_record):
    """One record marking its first event main, one (made before salience) marking none."""
    text = "Jane Roe visited Springfield. Jane Roe praised Alan Pike. Alan Pike thanked Jane Roe."
    people = [("Jane Roe", "PERSON", ["Jane Roe", "Jane Roe", "Jane Roe"]), ("Alan Pike", "PERSON", ["Alan Pike"] * 2)]
    marked = make_record(text, people, events=[("Jane Roe", "visited", None, "2024-05-01"),
                                               ("Jane Roe", "praised", "Alan Pike", None),
                                               ("Alan Pike", "thanked", "Jane Roe", "2024-05-02")])
    marked.events[0] = marked.events[0].model_copy(update={"main": True, "salience": 0.9,
                                                          "predicate_text": "visited"})
    marked.events[2] = marked.events[2].model_copy(update={"predicate_text": "thanked warmly"})
    older = make_record("Jane Roe resigned on Friday. Alan Pike stayed.",
                        [("Jane Roe", "PERSON", ["Jane Roe"]), ("Alan Pike", "PERSON", ["Alan Pike"])],
                        events=[("Jane Roe", "resigned", None, "2024-06-07"), ("Alan Pike", "stayed", None, None)])
    return marked, older


def test_timelines_keep_main_events_unless_asked_for_all(tmp_path, make_record):
    marked, older = _marked(make_record)
    with Store(tmp_path / "news.db") as store:
        store.add(marked)
        store.add(older)
        main = store.timeline(None)
        every = store.timeline(None, all_events=True)
        roe = store.timeline("Jane Roe")
        roe_every = store.timeline("Jane Roe", all_events=True)
    # the marked record keeps its main event only; the one that marks none keeps all of its events
    assert sorted(main["predicate"]) == ["resigned", "stayed", "visited"]
    assert sorted(every["predicate"]) == ["praised", "resigned", "stayed", "thanked", "visited"]
    assert sorted(roe["predicate"]) == ["resigned", "visited"]
    assert sorted(roe_every["predicate"]) == ["praised", "resigned", "thanked", "visited"]
    shown = dict(zip(every["predicate"], every["predicate_text"], strict=True))
    assert shown["thanked"] == "thanked warmly" and shown["stayed"] == "stayed"  # as written, else the lemma


def test_the_migration_keeps_every_stored_event(tmp_path, monkeypatch):
    """Rows stored before 0007 are of records that mark no main event: they all stay in timelines."""
    path = tmp_path / "news.db"
    monkeypatch.setattr(migrations, "MIGRATIONS", tuple(m for m in migrations.MIGRATIONS if m.name < "0007"))
    with Store(path) as old:  # rows as the code before 0007 wrote them (its row builder is gone: plain SQL)
        old.conn.execute("BEGIN")
        old.conn.execute("INSERT INTO articles (id, text, ingested_at) VALUES ('a1', 'Jane Roe resigned.', 'now')")
        old.conn.executemany("INSERT INTO events (article_id, id, predicate, date) VALUES ('a1', ?, ?, ?)",
                             [("v1", "resign", "2024-06-07"), ("v2", "leave", None)])
        old.conn.execute("COMMIT")
    monkeypatch.undo()
    with Store(path) as store:
        assert "0007_event_main" in store.migrations()  # later migrations run too
        assert store.execute("SELECT id, main FROM events ORDER BY id") == [("v1", 1), ("v2", 1)]
        assert sorted(store.timeline(None)["predicate"]) == ["leave", "resign"]


def test_the_web_timeline_takes_all(tmp_path, make_record):
    path = tmp_path / "news.db"
    with Store(path) as store:
        for record in _marked(make_record):
            store.add(record)
    with TestClient(create_app(path)) as client:
        assert len(client.get("/api/timeline").json()["events"]) == 3
        assert len(client.get("/api/timeline?all=true").json()["events"]) == 5
        assert len(client.get("/api/timeline?entity=Jane+Roe&all=true").json()["events"]) == 4
        page = client.get("/timeline?entity=Jane+Roe")
        assert "main events" in page.text and "thanked warmly" not in page.text
        assert "thanked warmly" in client.get("/timeline?entity=Jane+Roe&all=true").text


def test_timeline_db_takes_a_date_range(tmp_path, make_record):
    import json

    from typer.testing import CliRunner

    from newsgraph.cli import app

    path = tmp_path / "news.db"
    with Store(path) as store:
        for record in _marked(make_record):
            store.add(record)
    args = ["timeline", "--db", str(path), "--json", "--all-events"]
    may = json.loads(CliRunner().invoke(app, [*args, "--from", "2024-05", "--to", "2024-05"]).stdout)
    dates = [r["date"] for r in may]
    assert dates == ["2024-05-01", "2024-05-02"]
    one = json.loads(CliRunner().invoke(app, [*args, "--from", "2024-05-02", "--limit", "1"]).stdout)
    assert [r["date"] for r in one] == ["2024-05-02"]  # the range first, then the limit
