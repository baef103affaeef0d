"""The unfiltered sourcing report read from the source tallies (migration 0014) equals the scan of the rows."""

from __future__ import annotations

import pytest

from _migrations import forget_migration
from newsgraph.record import Attribution, GenderEvidence, Record, TextSpan
from newsgraph.store import Store, queries
from newsgraph.store.rows import delete_article

#: (text, entities, quotes, {description: (role, gender)}): invented articles with entity-linked, described,
#: anonymous and pronoun sources; "An official" and "an official" are one described source.
ARTICLES = [
    ("Jane Roe said the plan was fine. An official said it was late. He said it would rain.",
     [("Jane Roe", "PERSON", ["Jane Roe"])],
     [("Jane Roe", "said", "the plan was fine", False), ("An official", "said", "it was late", True),
      ("He", "said", "it would rain", False)],
     {"Jane Roe": ("politician", "female"), "An official": ("official", None)}),
    ("Alan Pike said the bridge was safe. an official said repairs would start. Jane Roe said the vote was close.",
     [("Alan Pike", "PERSON", ["Alan Pike"]), ("Jane Roe", "PERSON", ["Jane Roe"])],
     [("Alan Pike", "said", "the bridge was safe", False), ("an official", "said", "repairs would start", True),
      ("Jane Roe", "said", "the vote was close", False)],
     {"Alan Pike": ("expert", "male")}),
    ("Police said the road was closed. Ann Dale said the road would open.",
     [("Ann Dale", "PERSON", ["Ann Dale"])],
     [("Police", "said", "the road was closed", False), ("Ann Dale", "said", "the road would open", False)],
     {"Ann Dale": ("politician", "female")}),
    ("police said the fire was out. Tom Hale said crews stayed. They said more rain was due.",
     [("Tom Hale", "PERSON", ["Tom Hale"])],
     [("police", "said", "the fire was out", False), ("Tom Hale", "said", "crews stayed", False),
      ("They", "said", "more rain was due", False)],
     {}),
]


def _record(make_record, text, entities, quotes, who, outlet="Herald") -> Record:
    record = make_record(text, entities, quotes=quotes, outlet=outlet, published="2023-05-01")
    for source in record.sources:
        role, gender = who.get(source.description, (None, None))
        start = text.index(source.description)
        span = [TextSpan(start=start, end=start + len(source.description), text=source.description)]
        if role:
            source.role, source.role_evidence = role, span
        if gender:
            source.gender = gender
            source.gender_evidence = [GenderEvidence(start=start, end=start + 2, text=text[start:start + 2],
                                                     gender=gender, cue="honorific")]
    return Record.model_validate(record.model_dump())


def _with_part(record: Record) -> Record:
    """``record`` with a paraphrase of its first source holding a quoted fragment (a claim part)."""
    text = record.text
    whole = text.index("the plan was fine")

    def span(start: int, end: int) -> TextSpan:
        return TextSpan(start=start, end=end, text=text[start:end])

    cue = record.attributions[0].cue
    mixed = Attribution(id="a8", source="s1", cue=cue, content=span(whole - 4, whole + 17), kind="mixed")
    part = Attribution(id="a9", source="s1", cue=cue, content=span(whole + 4, whole + 12), kind="direct",
                       quoted=True)
    return record.model_copy(update={"attributions": [*record.attributions, mixed, part]})


def agree(store: Store) -> None:
    """Every unfiltered report the tallies give is the scan's, and ``check`` finds the tallies exact."""
    conn = store.conn
    for anonymous in (False, True):
        for limit in (0, 1, 2, 3, 50, -1):
            for by in (None, ("role", "gender")):
                kept = queries.sources(conn, anonymous=anonymous, limit=limit, by=by).to_dict()
                scanned = queries.sources(conn, anonymous=anonymous, limit=limit, by=by, scan=True).to_dict()
                assert kept == scanned, (anonymous, limit, by)
    assert queries.stored_source_tallies(conn) == queries.counted_source_tallies(conn)
    assert store.check().ok


@pytest.fixture
def stocked(store, make_record):
    for i, spec in enumerate(ARTICLES):
        record = _record(make_record, *spec)
        assert store.add(_with_part(record) if i == 0 else record)
    return store


def test_the_report_counts_what_the_rows_hold(stocked):
    report = queries.sources(stocked.conn, by=("role", "gender"))
    assert report.articles == 4
    assert report.attributions == 11  # the claim part is not a claim of its own
    assert report.by_kind == {"person": 9, "anonymous": 2}
    assert report.unresolved_pronoun_attributions == 2
    # Jane Roe, Alan Pike, Ann Dale, Tom Hale, police; the anonymous official and the pronouns are not named.
    assert report.named_sources == 5
    top = queries.records_of(report.top_sources)
    # Roe's first quote and the quoted fragment are parts of her paraphrase: one claim there.
    assert top[:3] == [
        {"source": "An official", "kind": "anonymous", "anonymous": 1, "attributions": 2, "articles": 2},
        {"source": "Jane Roe", "kind": "person", "anonymous": 0, "attributions": 2, "articles": 2},
        {"source": "Police", "kind": "person", "anonymous": 0, "attributions": 2, "articles": 2}]
    assert {r["gender"]: r["sources"] for r in report.shares["gender"]} == {"female": 2, "male": 1, "unknown": 8}
    agree(stocked)


def test_the_tallies_follow_reprocessing_deletes_merges_and_splits(stocked, make_record):
    text, entities, quotes, who = ARTICLES[1]
    # Re-processed: Pike is now anonymous and Roe's claim is gone.
    stocked.replace(_record(make_record, text, entities,
                            [("Alan Pike", "said", "the bridge was safe", True), quotes[1]], who))
    agree(stocked)
    delete_article(stocked.conn, stocked.execute("SELECT article_id FROM sources WHERE description = 'police'")[0][0])
    agree(stocked)
    stocked.merge_entities("Jane Roe", "Ann Dale")
    top = {r["source"]: r["attributions"] for r in queries.records_of(queries.sources(stocked.conn).top_sources)}
    assert top["Jane Roe"] == 2 and "Ann Dale" not in top  # her one claim and Dale's
    agree(stocked)
    stocked.split_entity("Jane Roe", names=["Ann Dale"])
    agree(stocked)
    for spec in ARTICLES[2:]:  # stored again, after the decisions
        stocked.replace(_record(make_record, *spec, outlet="Gazette"))
    agree(stocked)


def test_filtered_reports_are_counted_from_the_rows(stocked):
    report = queries.sources(stocked.conn, outlet="Herald", by="gender,outlet")
    assert report.articles == 4 and report.shares["gender"][0]["outlet"] == "Herald"
    assert queries.sources(stocked.conn, outlet="Nowhere").attributions == 0


def test_a_store_made_before_is_counted_by_the_migration(stocked):
    before = queries.stored_source_tallies(stocked.conn)
    path = forget_migration(stocked, "source_", "0014_source_tallies")
    with Store(path) as again:
        assert queries.stored_source_tallies(again.conn) == before
        agree(again)


def test_check_finds_source_tallies_that_disagree_with_the_rows(stocked):
    with stocked.transaction() as conn:
        conn.execute("UPDATE source_ranks SET claims = claims + 1 WHERE anonymous = -1")
    report = stocked.check()
    assert not report.ok and any("source tallies" in p for p in report.problems)
