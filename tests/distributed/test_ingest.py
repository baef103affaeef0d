"""``newsgraph.distributed.ingest`` on a 2-worker LocalCluster against the local path on the same inputs."""

from __future__ import annotations

import json
import zlib

import pytest

from _scale_corpus import cluster_ingest, table_rows
from newsgraph.parquet.layout import DONE_DIR, Location
from newsgraph.store.rows import COLUMNS


def test_same_record_ids_as_the_local_path(parquet_corpus, local_store, duck):
    store, local = local_store
    ids = {r[0] for r in store.execute("SELECT id FROM articles")}
    assert local.stored == len(ids) > 20
    assert {r[0] for r in duck.rows("SELECT id FROM articles")} == ids


@pytest.mark.parametrize("table", [t for t in COLUMNS if t not in ("raw_inputs",)])
def test_same_rows_in_every_table(table, local_store, duck):
    store, _ = local_store
    assert table_rows(duck, table) == table_rows(store, table)


def test_raw_inputs_are_the_same_bytes(local_store, duck):
    store, _ = local_store
    sql = "SELECT id, item, data FROM raw_inputs"
    mine = {r[0]: (json.loads(r[1]), zlib.decompress(r[2])) for r in store.execute(sql)}
    theirs = {r[0]: (json.loads(r[1]), zlib.decompress(r[2])) for r in duck.rows(sql)}
    assert theirs == mine


def test_failures_recorded_per_input(local_store, duck):
    store, _ = local_store
    mine = sorted(store.execute('SELECT id, "where", reason FROM failures'))
    theirs = sorted(duck.rows('SELECT id, "where", reason FROM failures'))
    assert theirs == mine
    reasons = {r[2] for r in theirs}
    assert "empty input" in reasons and any(r.startswith("malformed JSON line") for r in reasons)


def test_corpus_entities_match_the_store(local_store, duck):
    store, _ = local_store
    mine = sorted(store.execute("SELECT c.name, c.type, e.article_id, e.id FROM entities e "
                                "JOIN corpus_entities c ON c.id = e.corpus_entity_id"))
    theirs = sorted(duck.rows("SELECT c.name, c.type, e.article_id, e.id FROM entities e "
                              "JOIN corpus_entities c ON c.id = e.corpus_entity_id"))
    assert theirs == mine


def test_the_copy_of_an_input_is_kept_once(parquet_corpus, local_store):
    _, report = parquet_corpus
    _, local = local_store
    assert report.duplicates + report.later_copies == local.duplicates == 1


def test_the_sidecar_is_not_read(duck):
    assert not duck.rows("SELECT 1 FROM articles WHERE path LIKE '%.json'")
    assert not duck.rows("SELECT 1 FROM failures WHERE path LIKE '%.json'")


def test_records_are_written_by_partition_with_a_marker(parquet_corpus):
    out, report = parquet_corpus
    loc = Location.of(out)
    assert report.partitions > 4 and not report.errors
    assert len(loc.done()) == report.partitions
    assert loc.files("articles") and all("/month=" in f for f in loc.files("articles"))
    assert not loc.files(suffix=".tmp")


def test_a_rerun_adds_nothing(parquet_corpus, inputs, cluster):
    out, first = parquet_corpus
    loc = Location.of(out)
    before = loc.files()
    again = cluster_ingest([inputs], out, cluster)
    assert again.partitions_skipped == again.partitions == first.partitions
    assert again.stored == again.inputs == 0
    assert loc.files() == before
    assert len(loc.files(DONE_DIR, suffix=".json")) == first.partitions
