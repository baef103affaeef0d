"""A quoted fragment of a paraphrase is part of that claim: every count of attributions counts the claim once."""

from __future__ import annotations

import sqlite3

from newsgraph.record import Attribution, TextSpan, claim_parts
from newsgraph.store import Store
from newsgraph.store.labels import record_counts
from store.conftest import build_record

TEXT = ('Mayor Jane Roe said the plan was "a gift to every reader" and would pass. '
        '"We will vote," Roe said.')


def _span(piece: str) -> TextSpan:
    start = TEXT.index(piece)
    return TextSpan(start=start, end=start + len(piece), text=piece)


def paraphrase_record():
    """Roe's paraphrase with a quoted fragment inside it (same source), and a quote of her own."""
    record = build_record(TEXT, [("Jane Roe", "PERSON", ["Jane Roe", "Roe"])],
                          quotes=[("Jane Roe", "said", "We will vote,", False)], title="Vote")
    mixed = Attribution(id="a2", source="s1", cue=_span("said"),
                        content=_span('the plan was "a gift to every reader" and would pass'), kind="mixed")
    fragment = Attribution(id="a3", source="s1", cue=_span("said"), content=_span("a gift to every reader"),
                           kind="direct", quoted=True)
    return record.model_copy(update={"attributions": [*record.attributions, mixed, fragment]})


def test_claim_parts_maps_a_fragment_to_its_widest_holder_of_the_same_source():
    record = paraphrase_record()
    assert claim_parts(record.attributions) == {"a3": "a2"}
    other = record.attributions[2].model_copy(update={"source": "s9"})  # another source's words: no part
    assert claim_parts([*record.attributions[:2], other]) == {}
    same_span = record.attributions[1].model_copy(update={"id": "a4"})  # the very same span: no part either
    assert "a4" not in claim_parts([*record.attributions, same_span])


def test_views_and_store_count_claims(tmp_path):
    record = paraphrase_record()
    counts = record_counts(record)
    assert counts["attributions"] == 2 and counts["fragments"] == 1
    with Store(tmp_path / "news.db") as store:
        store.add(record)
        report = store.sources()
        assert report.attributions == 2 and report.by_kind == {"person": 2}
        assert int(report.top_sources["attributions"].iloc[0]) == 2
        assert store.stats()["counts"]["attributions"] == 2
        assert store.check().ok, store.check().problems  # the claims tally agrees with the rows
        rows = store.conn.execute("SELECT id, part_of FROM attributions ORDER BY id").fetchall()
        assert rows == [("a1", None), ("a2", None), ("a3", "a2")]


def test_the_migration_marks_the_parts_of_stored_rows(tmp_path):
    path = tmp_path / "news.db"
    with Store(path) as store:
        store.add(paraphrase_record())
    conn = sqlite3.connect(path)
    # Back to a store of before 0012: no part_of column, no claims tally. The triggers that read the column
    # (the claims tally's, the sourcing charts' and the source tallies', per outlet too) go first, so the column
    # can be dropped.
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'sourc%' "
                                "OR name LIKE 'outlet_sourc%' OR name LIKE 'tally_claims_%')").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.executescript("""
        DELETE FROM tallies WHERE kind = 'rows' AND key = 'claims';
        ALTER TABLE attributions DROP COLUMN part_of;
        DELETE FROM _migrations WHERE name = '0012_attribution_parts';
    """)
    conn.close()
    with Store(path) as store:  # opening migrates
        assert store.conn.execute("SELECT part_of FROM attributions WHERE id = 'a3'").fetchone()[0] == "a2"
        assert store.stats()["counts"]["attributions"] == 2
