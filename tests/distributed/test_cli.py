"""The CLI over a Parquet corpus: ``--parquet`` answers as ``--db`` does, ``load`` fills a store."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()


def _json(*args: str):
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# A Parquet corpus has no corpus events (the same event in several articles, a store's timeline rows):
# its timeline is the store's with --every-report.
@pytest.mark.parametrize("command", [["search", "fares"], ["entity", "Mara Voss"],
                                     ["timeline", "Mara Voss", "--every-report"],
                                     ["sources"], ["quotes", "--by", "Mara Voss"], ["entity", "list", "voss"]])
def test_parquet_answers_as_the_store(command, parquet_corpus, local_store):
    store, _ = local_store
    from_db = _json(*command, "--db", store.path)
    from_parquet = _json(*command, "--parquet", str(parquet_corpus[0]))
    if command[0] == "search":  # FTS5 cuts its own snippets; the matches and their order are the same
        from_db = [{k: v for k, v in r.items() if k not in ("snippet", "score")} for r in from_db]
        from_parquet = [{k: v for k, v in r.items() if k not in ("snippet", "score")} for r in from_parquet]
    assert from_parquet == from_db
    assert from_db


def test_stats_counts_as_the_store(parquet_corpus, local_store):
    store, _ = local_store
    assert _json("stats", "--parquet", str(parquet_corpus[0]))["counts"] == _json("stats", "--db", store.path)["counts"]


def test_load_then_rerun(parquet_corpus, tmp_path):
    db = str(tmp_path / "loaded.db")
    first = _json("load", str(parquet_corpus[0]), "--db", db)
    again = _json("load", str(parquet_corpus[0]), "--db", db)
    assert first["stored"] > 20 and again["stored"] == 0 and again["already_stored"] == first["stored"]


def test_a_missing_corpus_is_one_line(tmp_path):
    result = runner.invoke(app, ["stats", "--parquet", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert "no such Parquet corpus" in result.output


def test_dask_needs_parquet(tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path), "--dask", "local:1"])
    assert result.exit_code == 2
    assert "--parquet" in result.output


def test_parquet_says_what_only_a_store_has(parquet_corpus):
    """stats names what a Parquet corpus lacks; a timeline says its rows are every article's report."""
    from newsgraph.parquet.duck import NO_CORPUS_EVENTS, STORE_ONLY

    corpus = str(parquet_corpus[0])
    assert _json("stats", "--parquet", corpus)["store_only"] == list(STORE_ONLY)
    shown = runner.invoke(app, ["stats", "--parquet", corpus])
    assert shown.exit_code == 0 and "only in a store" in shown.stdout
    timeline = runner.invoke(app, ["timeline", "Mara Voss", "--parquet", corpus])
    assert timeline.exit_code == 0 and NO_CORPUS_EVENTS in timeline.stderr
    every = runner.invoke(app, ["timeline", "Mara Voss", "--parquet", corpus, "--every-report"])
    assert every.exit_code == 0 and NO_CORPUS_EVENTS not in every.stderr
