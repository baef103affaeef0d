"""Corpus events: the same event reported by several articles is one event with all its reports."""

from __future__ import annotations

import pytest

from newsgraph.store import Store
from newsgraph.store import event_clusters as clusters

ROE, PIKE, LANE = ("Jane Roe", "PERSON", ["Jane Roe"]), ("Alan Pike", "PERSON", ["Alan Pike"]), \
    ("Kim Lane", "PERSON", ["Kim Lane"])

#: Three outlets tell Pike warning Roe on 4 March; one tells Pike warning Lane that day (another target);
#: one tells Pike warning Roe on 9 March (another day); one tells it undated, in other words.
REPORTS = {
    "herald": dict(text="Alan Pike warned Jane Roe about the bridge budget on Monday.",
                   entities=[PIKE, ROE], published="2021-03-05", title="Pike warns Roe", outlet="Herald",
                   quotes=[("Alan Pike", "warned", "about the bridge budget", False)],
                   events=[("Alan Pike", "warned", "Jane Roe", "2021-03-04")]),
    "times": dict(text="On Monday Alan Pike warned Jane Roe that the bridge budget would not last. "
                       "The warning was first reported by the Springfield Herald.",
                  entities=[PIKE, ROE], published="2021-03-06", title="A warning", outlet="Times",
                  events=[("Alan Pike", "warned", "Jane Roe", "2021-03-04")]),
    "gazette": dict(text="Alan Pike warned Jane Roe in March over the bridge budget, aides said.",
                    entities=[PIKE, ROE], published="2021-03-04", title="Budget row", outlet="Gazette",
                    events=[("Alan Pike", "warned", "Jane Roe", "2021-03")]),
    "other_target": dict(text="Alan Pike warned Kim Lane about the bridge budget on Monday.",
                         entities=[PIKE, LANE], published="2021-03-05", title="Pike warns Lane",
                         events=[("Alan Pike", "warned", "Kim Lane", "2021-03-04")]),
    "other_day": dict(text="Alan Pike warned Jane Roe about the bridge budget on Tuesday.",
                      entities=[PIKE, ROE], published="2021-03-10", title="Pike warns Roe again",
                      events=[("Alan Pike", "warned", "Jane Roe", "2021-03-09")]),
    "undated_unlike": dict(text="Years ago Alan Pike warned Jane Roe never to trust the harbour pilots.",
                           entities=[PIKE, ROE], title="Harbour memories",
                           events=[("Alan Pike", "warned", "Jane Roe", None)]),
}


@pytest.fixture
def records(make_record):
    return {name: make_record(**spec) for name, spec in REPORTS.items()}


def _groups(store: Store, records) -> set[frozenset[str]]:
    """The corpus events of more than one report, as sets of the reports' names."""
    names = {r.id: name for name, r in records.items()}
    return {frozenset(names[a] for a, _ in group) for group in clusters.memberships(store.conn) if len(group) > 1}


def test_same_event_from_three_articles_is_one_corpus_event_and_near_misses_are_not(store, records):
    for record in records.values():
        store.add(record)
    assert _groups(store, records) == {frozenset({"herald", "times", "gazette"})}
    # The near misses are corpus events of one report each.
    singles = {group for group in clusters.memberships(store.conn) if len(group) == 1}
    assert {next(iter(g))[0] for g in singles} == {records[n].id for n in ("other_target", "other_day",
                                                                          "undated_unlike")}


def test_first_report_is_the_earliest_published_and_a_claim_is_kept_with_offsets(store, records):
    for record in records.values():
        store.add(record)
    cid = store.execute("SELECT cluster_id FROM event_reports WHERE article_id = ?", (records["herald"].id,))[0][0]
    event = store.corpus_event(cid)
    assert event is not None
    assert event.first_article_id == records["gazette"].id  # published 2021-03-04, before the others
    assert list(event.reports["label"]) == ["Budget row", "Pike warns Roe", "A warning"]
    assert event.date == "2021-03-04"  # the most specific date of its reports
    assert event.claimed_first_by == "the Springfield Herald"
    times = event.reports[event.reports["article_id"] == records["times"].id].iloc[0]
    text = records["times"].text
    assert text[int(times["first_by_start"]):int(times["first_by_end"])] == "the Springfield Herald"
    assert set(event.reports["source"].dropna()) == {"Alan Pike"}  # the herald attributes it to Pike
    assert store.corpus_event(cid + 1000) is None


def test_incremental_equals_rebuild_and_after_reprocessing(store, records, make_record):
    for record in records.values():
        store.add(record)
    kept = clusters.memberships(store.conn)
    assert store.rebuild_event_clusters() == len(kept)
    assert clusters.memberships(store.conn) == kept
    # Re-processing an article that now dates the event another month takes it out of the corpus event.
    changed = make_record(**{**REPORTS["gazette"], "events": [("Alan Pike", "warned", "Jane Roe", "2021-02")]})
    store.replace(changed.model_copy(update={"id": records["gazette"].id}))
    kept = clusters.memberships(store.conn)
    assert frozenset({(records["herald"].id, "v1"), (records["times"].id, "v1")}) in kept
    assert frozenset({(records["gazette"].id, "v1")}) in kept
    assert store.execute("SELECT sum(reports) FROM event_clusters")[0][0] == store.count("events")
    store.rebuild_event_clusters()
    assert clusters.memberships(store.conn) == kept


def test_merge_and_split_recluster(store, make_record):
    a = make_record(text="Alan Pike warned Jane Roe about the bridge budget.", entities=[PIKE, ROE],
                    events=[("Alan Pike", "warned", "Jane Roe", "2021-03-04")])
    b = make_record(text="A. Pike warned Jane Roe about the bridge budget.",
                    entities=[("A. Pike", "PERSON", ["A. Pike"]), ROE],
                    events=[("A. Pike", "warned", "Jane Roe", "2021-03-04")])
    store.add(a)
    store.add(b)
    assert all(len(g) == 1 for g in clusters.memberships(store.conn))  # two Pikes: two corpus events
    store.merge_entities("Alan Pike", "A. Pike")
    merged = clusters.memberships(store.conn)
    assert {len(g) for g in merged} == {2}
    store.rebuild_event_clusters()
    assert clusters.memberships(store.conn) == merged
    store.split_entity("Alan Pike", names=["A. Pike"])
    split = clusters.memberships(store.conn)
    assert {len(g) for g in split} == {1}
    store.rebuild_event_clusters()
    assert clusters.memberships(store.conn) == split


def test_timeline_shows_one_row_per_corpus_event_with_its_reports(store, records):
    for record in records.values():
        store.add(record)
    plain = store.timeline("Jane Roe")
    compact = store.event_timeline("Jane Roe")
    assert len(plain) == 5 and len(compact) == 3  # herald, times and gazette are one row
    row = compact[compact["reports"] > 1].iloc[0]
    assert row["reports"] == 3
    assert row["first_label"] == "Budget row"
    assert row["first_reported_by"] == "the Springfield Herald"
    assert set(compact["reports"]) == {3, 1}
    assert len(store.event_timeline("Jane Roe", limit=1)) == 1
    assert len(store.event_timeline(None, limit=2)) == 2


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("2003-03-07", "2003-03-07", True),
    ("2003-03", "2003-03-07", True),
    ("2003", "2003-03-07", True),
    (None, "2003-03-07", True),
    ("2003-03-07", "2003-03-08", False),
    ("2003-04", "2003-03-07", False),
])
def test_dates_compatible(a, b, expected):
    assert clusters.dates_compatible(a, b) is expected
    assert clusters.dates_compatible(b, a) is expected


@pytest.mark.parametrize(("text", "outlet"), [
    ("The story was first reported by ABC News.", "ABC News"),
    ("It was first reported by the Times on Sunday.", "the Times"),
    ("The plan, first reported in Le Monde, was dropped.", "Le Monde"),
    ("The memo was reported by ABC News first.", None),
    ("She first reported the leak to her editor.", None),
])
def test_first_reported_by_phrase(text, outlet):
    found = clusters.first_reported_by(text, 0, len(text))
    assert (found[0] if found else None) == outlet
    if found:
        assert text[found[1]:found[2]] == outlet


def test_wording_is_a_token_set_jaccard_without_function_words():
    a = clusters.tokens("Pike warned Roe about the budget")
    b = clusters.tokens("The budget: Pike warned Roe")
    assert clusters.wording(a, b) == 1.0
    assert clusters.wording(a, clusters.tokens("harbour pilots")) == 0.0


def test_cli_timeline_db_shows_a_reports_column(store, records):
    import json

    from typer.testing import CliRunner

    from newsgraph.cli import app

    for record in records.values():
        store.add(record)
    runner = CliRunner()
    rows = json.loads(runner.invoke(app, ["timeline", "Jane Roe", "--db", store.path, "--json"]).stdout)
    assert sorted(r["reports"] for r in rows) == [1, 1, 3]
    table = runner.invoke(app, ["timeline", "Jane Roe", "--db", store.path], env={"COLUMNS": "200"})
    assert table.exit_code == 0, table.output
    assert "reports" in table.stdout and "3, first: Budget row" in table.stdout


def test_events_without_a_target_need_close_wording_even_on_the_same_day(store, make_record):
    same = "Jane Roe resigned from the harbour board after the ferry audit"
    a = make_record(text=f"{same} on Monday.", entities=[ROE], events=[("Jane Roe", "resigned", None, "2021-03-01")])
    b = make_record(text=f"Yesterday {same}.", entities=[ROE], events=[("Jane Roe", "resigned", None, "2021-03-01")])
    c = make_record(text="Jane Roe resigned as choir director on Monday.", entities=[ROE],
                    events=[("Jane Roe", "resigned", None, "2021-03-01")])
    for record in (a, b, c):
        store.add(record)
    groups = {frozenset(x for x, _ in g) for g in clusters.memberships(store.conn)}
    assert groups == {frozenset({a.id, b.id}), frozenset({c.id})}


@pytest.mark.parametrize("every", [False, True])
def test_entity_timeline_from_corpus_events_equals_the_filtered_event_walk(store, records, make_record, every):
    """An entity's corpus-event timeline is read from ``event_clusters``; it has the rows of the plain
    timeline with every non-lead report left out (an event with no actor included)."""
    from newsgraph.store import queries

    for record in records.values():
        store.add(record)
    store.add(make_record(text="The harbour board thanked Jane Roe.", entities=[ROE],
                          events=[("Jane Roe", "thanked", None, None)]))
    # An event with no actor whose target is Roe: no report of any corpus event, still on her timeline.
    no_actor = make_record(text="Someone praised Jane Roe warmly.", entities=[ROE])
    no_actor = no_actor.model_copy(update={"events": [records["herald"].events[0].model_copy(update={
        "actor": None, "actor_text": "Someone", "target": "e1", "target_text": "Jane Roe", "predicate": "praised"})]})
    store.add(no_actor)
    for name in ("Jane Roe", "Alan Pike", "Kim Lane"):
        walked = queries.timeline(store.conn, name, all_events=every, corpus_events=True)
        read = clusters.compact_timeline(store.conn, name, all_events=every)
        assert list(zip(read["article_id"], read["event_id"], strict=True)) == \
            list(zip(walked["article_id"], walked["event_id"], strict=True)), name
    assert no_actor.id in set(clusters.compact_timeline(store.conn, "Jane Roe")["article_id"])
