"""``newsgraph dedupe``, ``duplicates`` and ``sources --dedupe`` on a store of hand-built records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Store
from store.test_duplicates import COPY, OTHER, STORY, UNRELATED, record

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "news.db"
    with Store(path) as store:
        for r in (record(STORY, "2026-03-03", "Daily Post"), record(COPY, "2026-03-02", "Coastal Wire"),
                  record(OTHER, "2026-03-01", "Gazette"), record(UNRELATED)):
            store.add(r)
    return str(path)


def test_duplicates_lists_the_group_original_first(db: str) -> None:
    (group,) = json.loads(invoke("duplicates", "--db", db, "--json").stdout)
    assert group["original"]["outlet"] == "Coastal Wire" and [c["outlet"] for c in group["copies"]] == ["Daily Post"]
    table = invoke("duplicates", "--db", db)
    assert table.exit_code == 0 and "Coastal" in table.stdout and group["original"]["id"][:12] in table.stdout
    (quote,) = json.loads(invoke("duplicates", "--db", db, "--quotes", "--json").stdout)
    assert quote["articles"] == 3 and quote["text"].startswith("We will rebuild")


def test_sources_dedupe_counts_each_story_once(db: str) -> None:
    plain = json.loads(invoke("sources", "--db", db, "--json").stdout)
    once = json.loads(invoke("sources", "--db", db, "--json", "--dedupe").stdout)
    assert (plain["articles"], once["articles"]) == (4, 3)
    assert "dedupe=True" in invoke("sources", "--db", db, "--dedupe").stdout
    refused = invoke("sources", "--parquet", db, "--dedupe")
    assert refused.exit_code == 2 and "needs a store" in refused.output


def test_dedupe_rebuilds_what_ingest_kept(db: str) -> None:
    before = json.loads(invoke("duplicates", "--db", db, "--json").stdout)
    with Store(db) as store:
        store.conn.execute("DELETE FROM sim_signatures")
        store.conn.execute("DELETE FROM sim_clusters")
    assert json.loads(invoke("duplicates", "--db", db, "--json").stdout) == []
    assert "4 articles are not in the near-duplicate index" in invoke("sources", "--db", db, "--dedupe").stderr
    result = invoke("dedupe", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"] == 4 and json.loads(result.stdout)["groups"] == 1
    assert json.loads(invoke("duplicates", "--db", db, "--json").stdout) == before
    assert "1 stories with near-copies" in invoke("dedupe", "--db", db).stdout
    assert "not in the near-duplicate index" not in invoke("sources", "--db", db, "--dedupe").stderr
