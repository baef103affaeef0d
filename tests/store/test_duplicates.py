"""Near-duplicate articles and repeated quotes: found on ingest, kept when reopened, equal to a rebuild."""

from __future__ import annotations

import pytest

from newsgraph.store import Store
from newsgraph.store import duplicates as dups
from newsgraph.store.similar import SimilarIndex, normalise, shingles
from store.conftest import build_record

QUOTE = "We will rebuild the harbour wall before the winter storms reach the bay"

STORY = (
    "Fishermen in the coastal town of Brinmouth met on Tuesday to demand repairs to the harbour wall, "
    "which collapsed during a storm last month and left forty boats without shelter. The council said "
    "engineers would survey the damage this week and that funding from the regional government was "
    "expected before the end of the year. Harbour master Ellen Voss said: \"" + QUOTE + ".\" "
    "Several families have already moved their boats to a marina twenty miles along the coast, and local "
    "traders say the loss of the fish market has cut their takings by half since the storm."
)
# The same wire story as another outlet runs it: a dateline, a word changed, a credit line added.
COPY = (
    "BRINMOUTH (Coastal Wire) - Fishermen in the coastal town of Brinmouth met on Tuesday to demand repairs to "
    "the harbour wall, which collapsed during a storm last month and left forty boats without shelter. The council "
    "said engineers would survey the damage this week and that money from the regional government was expected "
    "before the end of the year. Harbour master Ellen Voss said: \"" + QUOTE + ".\" Several families have "
    "already moved their boats to a marina twenty miles along the coast, and local traders say the loss of the fish "
    "market has cut their takings by half since the storm. Reporting by Coastal Wire staff."
)
# Another story about the same town and person, in other words: not a copy.
OTHER = (
    "Brinmouth council approved a plan on Thursday to widen the coastal road between the harbour and the "
    "railway station, a project that residents have asked for since the bridge closed two years ago. "
    "Harbour master Ellen Voss welcomed the decision, but said: \"" + QUOTE + ".\" Work on the road is due to "
    "start in the spring and will cost about four million pounds, according to the council's own figures, "
    "which opponents say underestimate the price of moving the water main."
)
UNRELATED = (
    "The national orchestra announced its new season on Monday, with twelve concerts in the capital and a tour "
    "of four northern cities. The conductor said the programme would mix well known symphonies with new work by "
    "young composers, and that ticket prices would stay the same as last year for students and pensioners."
)


def record(text: str, published: str | None = None, outlet: str | None = None):
    quotes = [("Ellen Voss", "said", QUOTE, False)] if QUOTE in text else []
    entities = [("Ellen Voss", "PERSON", ["Ellen Voss"])] if "Ellen Voss" in text else []
    return build_record(text, entities, published=published, outlet=outlet, quotes=quotes)


def partition(store: Store, index: str) -> set[frozenset[str]]:
    rows = store.execute("SELECT cluster, item FROM sim_clusters WHERE index_name = ?", (index,))
    out: dict[int, set[str]] = {}
    for cluster, item in rows:
        out.setdefault(cluster, set()).add(item)
    return {frozenset(v) for v in out.values()}


def test_normalise_and_shingles_ignore_typography():
    assert normalise("“Done,” she SAID.") == normalise('"done" she said')
    assert shingles(["a", "b", "c"], 2) == {b"a b", b"b c"}
    assert shingles(["a"], 3) == {b"a"}


def test_a_near_copy_is_grouped_with_its_original_and_other_stories_are_not(store):
    original, copy = record(STORY, "2026-03-03", "Daily"), record(COPY, "2026-03-02", "Wire")
    other, unrelated = record(OTHER, "2026-03-05"), record(UNRELATED)
    for r in (original, other, unrelated, copy):
        store.add(r)
    groups = store.duplicates()
    assert len(groups) == 1
    # The copy was published a day earlier: it is the group's original although stored last.
    assert groups[0].original["id"] == copy.id
    assert [c["id"] for c in groups[0].copies] == [original.id]
    assert groups[0].copies[0]["similarity"] >= dups.ARTICLE_THRESHOLD
    assert store.duplicate_group(other.id) is None
    assert store.duplicate_group(original.id[:12]).original["id"] == copy.id


def test_an_exact_copy_and_an_undated_copy_follow_ingest_order(store):
    first, second = record(STORY), record(STORY + " ")
    store.add(first)
    store.add(second)
    (group,) = store.duplicates()
    assert group.original["id"] == first.id and group.copies[0]["similarity"] == 1.0


def test_a_short_text_is_not_compared():
    index = SimilarIndex("t", threshold=0.7, shingle=3, min_words=10)
    assert index.signature("only five words here now") is None


def test_incremental_ingest_equals_a_rebuild_and_survives_reopening(tmp_path):
    path = tmp_path / "news.db"
    texts = [STORY, UNRELATED, COPY, OTHER, COPY + " More to follow."]
    with Store(path) as store:
        for i, text in enumerate(texts[:3]):
            store.add(record(text, f"2026-03-0{i + 1}"))
    with Store(path) as store:  # reopened: the index continues from its stored bands
        for i, text in enumerate(texts[3:], 3):
            store.add(record(text, f"2026-03-0{i + 1}"))
        incremental = {name: partition(store, name) for name in ("articles", "quotes")}
        originals = store.execute("SELECT item FROM sim_clusters WHERE original = 1 ORDER BY item")
        assert len(store.duplicates()) == 1 and len(store.duplicates()[0].copies) == 2
        assert store.dedupe() == len(texts)
        assert {name: partition(store, name) for name in ("articles", "quotes")} == incremental
        assert store.execute("SELECT item FROM sim_clusters WHERE original = 1 ORDER BY item") == originals


def test_a_repeated_quote_is_one_quote_with_its_appearances(store):
    a, b, c = record(STORY, "2026-03-03", "Daily"), record(OTHER, "2026-03-01", "Gazette"), record(UNRELATED)
    for r in (a, b, c):
        store.add(r)
    repeated = store.repeated_quotes(a.id)
    assert list(repeated) == ["a1"] and repeated["a1"]["other_articles"] == 1
    assert repeated["a1"]["first"] is False  # the Gazette published it two days earlier
    quote = store.quote(repeated["a1"]["quote"])
    assert [x["article_id"] for x in quote.appearances] == [b.id, a.id]
    assert quote.first["outlet"] == "Gazette" and quote.first["source"] == "Ellen Voss"
    assert QUOTE in quote.text
    assert store.repeated_quotes(c.id) == {}
    assert store.repeated_quotes()[0]["articles"] == 2
    assert dups.repeated_quote_count(store.conn) == 1


def test_sources_dedupe_counts_each_story_once(store):
    for r in (record(STORY, "2026-03-01"), record(COPY, "2026-03-02"), record(UNRELATED)):
        store.add(r)
    plain, once = store.sources(), store.sources(dedupe=True)
    assert (plain.articles, plain.attributions) == (3, 2)
    assert (once.articles, once.attributions) == (2, 1)
    assert once.filters["dedupe"] is True


def test_reprocessing_an_original_keeps_its_group_with_an_original(store):
    original, copy = record(STORY, "2026-03-01"), record(COPY, "2026-03-02")
    store.add(original)
    store.add(copy)
    store.replace(original)
    (group,) = store.duplicates()
    assert group.original["id"] == original.id and [c["id"] for c in group.copies] == [copy.id]


@pytest.mark.parametrize("changed", ["threshold", "shingle"])
def test_stale_signatures_are_counted(store, monkeypatch, changed):
    store.add(record(STORY))
    assert dups.stale(store.conn) == {"articles": 0, "quotes": 0, "articles_unindexed": 0}
    fields = {"threshold": 0.5, "shingle": 4}
    monkeypatch.setattr(dups, "ARTICLES", SimilarIndex("articles", **{
        "threshold": dups.ARTICLE_THRESHOLD, "shingle": dups.ARTICLE_SHINGLE, "min_words": dups.ARTICLE_MIN_WORDS,
        changed: fields[changed]}))
    monkeypatch.setattr(dups, "INDEXES", (dups.ARTICLES, dups.QUOTES))
    assert dups.stale(store.conn)["articles"] == 1


def test_check_notes_articles_missing_from_the_index_until_dedupe(store):
    store.add(record(STORY))
    store.add(build_record("Too short to compare."))
    assert not [n for n in store.check().notes if "dedupe" in n]
    store.conn.execute("DELETE FROM sim_signatures")
    assert any("2 articles not in the near-duplicate index" in n for n in store.check().notes)
    store.dedupe()
    assert not [n for n in store.check().notes if "dedupe" in n]
