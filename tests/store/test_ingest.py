"""Ingest and re-processing through the real model: idempotent, failures kept, in place."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from _paths import REFERENCE, SAMPLE30
from newsgraph.store import Store


class Recorder:
    def __init__(self) -> None:
        self.total, self.done = None, 0

    def start(self, total: int) -> None:
        self.total = total

    def advance(self, n: int = 1) -> None:
        self.done += n


def _assert_consistent(store: Store) -> None:
    """Every article is whole: record, raw input, FTS entry; no row without its article."""
    n = store.count()
    assert store.count("records") == n and store.count("raw_inputs") == n
    assert store.execute("SELECT count(*) FROM articles_fts")[0][0] == n
    store.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    for table in ("entities", "mentions", "times", "sources", "attributions", "events", "relations"):
        orphans = store.execute(f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)")
        assert orphans[0][0] == 0, table
    assert store.execute("SELECT count(*) FROM entities WHERE corpus_entity_id IS NULL")[0][0] == 0


def test_ingest_is_idempotent_and_keeps_failures(tmp_path, reader, article_dir):
    (article_dir / "empty.txt").write_text("   \n")
    (article_dir / "binary.txt").write_bytes(bytes(range(256)) * 4)
    shutil.copy(article_dir / "council.txt", article_dir / "council-copy.txt")  # same bytes twice
    with Store(tmp_path / "news.db") as store:
        progress = Recorder()
        report = store.ingest([str(article_dir)], reader, progress=progress)
        assert (report.inputs, report.stored, report.failed, report.duplicates) == (9, 6, 2, 1)
        assert progress.total == 8 and progress.done == 8
        assert store.count() == 6
        failures = store.failures()
        assert set(failures["where"].map(lambda w: Path(w).name)) == {"empty.txt", "binary.txt"}
        assert all(failures.reason.str.len() > 0)
        _assert_consistent(store)

        again = store.ingest([str(article_dir)], reader)
        assert (again.stored, again.already_stored, again.skipped_failed, again.failed) == (0, 7, 2, 0)
        retried = store.ingest([str(article_dir)], reader, retry_failed=True)
        assert (retried.stored, retried.failed) == (0, 2)
        assert set(store.failures().attempts) == {2}

        (article_dir / "empty.txt").write_text("The mayor of Springfield, Jane Roe, resigned on Sunday.\n")
        fixed = store.ingest([str(article_dir)], reader)
        assert fixed.stored == 1 and store.count() == 7
        assert list(store.failures()["where"].map(lambda w: Path(w).name)) == ["binary.txt"]
        _assert_consistent(store)


def test_ingest_accepts_every_input_read_accepts(tmp_path, reader):
    lines = [json.dumps({"text": "Jane Roe, the mayor of Springfield, opened a library on Monday.",
                         "title": "Library opens", "published": "2021-04-05", "authors": ["Kim Lane"]}),
             "{not json",
             json.dumps({"html": "<html><body><article><p>Alan Pike was elected governor of Oregon on "
                                 "Tuesday, officials said.</p></article></body></html>"})]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n")
    gz = tmp_path / "story.txt.gz"
    gz.write_bytes(gzip.compress(b"Paul Stone resigned as chief executive of Acme Corp on Friday."))
    csv_path = tmp_path / "rows.csv"
    csv_path.write_text('text,title\n"Maria Gomez led a strike of teachers in Denver.",Strike\n')
    with Store(tmp_path / "news.db") as store:
        report = store.ingest([str(feed), str(gz), str(csv_path)], reader)
        assert (report.stored, report.failed) == (4, 1)
        assert store.failures()["where"][0].endswith("feed.jsonl:2")
        titles = dict(store.execute("SELECT title, published FROM articles WHERE title IS NOT NULL"))
        assert titles["Library opens"] == "2021-04-05" and "Strike" in titles
        record = store.get(store.search("library").id[0])
        assert record.meta.authors == ["Kim Lane"] and record.source.line == 1
        _assert_consistent(store)


def test_reprocess_rebuilds_older_records_in_place_and_keeps_decisions(tmp_path, reader, article_dir):
    with Store(tmp_path / "news.db") as store:
        store.ingest([str(article_dir)], reader)
        ids = sorted(r[0] for r in store.execute("SELECT id FROM articles"))
        roe = store.find_entities("Jane Roe")
        pike = store.find_entities("Alan Pike")
        assert roe and pike
        store.merge_entities("Jane Roe", "Alan Pike")  # a (wrong, but deliberate) user decision
        merged_articles = store.entity("Jane Roe").entity.articles
        # Pretend two records were made by an older newsgraph.
        store.execute("UPDATE articles SET newsgraph_version = '0.0.1' WHERE id IN (?, ?)", ids[:2])
        assert store.reprocess(reader).rebuilt == 2
        assert sorted(r[0] for r in store.execute("SELECT id FROM articles")) == ids
        assert store.reprocess(reader).rebuilt == 0  # nothing older left
        everything = store.reprocess(reader, everything=True)
        assert everything.rebuilt == len(ids)
        assert store.count() == len(ids)
        assert store.entity("Jane Roe").entity.articles == merged_articles
        assert not store.find_entities("#" + str(pike[0].id))
        _assert_consistent(store)


def test_two_workers_store_the_same_records(tmp_path, reader, article_dir):
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "two.db") as two:
        one.ingest([str(article_dir)], reader)
        report = two.ingest([str(article_dir)], reader, workers=2, batch_size=2)
        assert report.stored == len(list(article_dir.iterdir()))
        assert [r.to_dict() for r in one.records()] == [r.to_dict() for r in two.records()]


@pytest.mark.skipif(not REFERENCE.exists(), reason="reference article not available")
def test_reference_article_round_trips_and_its_people_resolve(tmp_path, reader, reference_record, gold):
    with Store(tmp_path / "news.db") as store:
        store.ingest([str(REFERENCE)], reader)
        stored = store.get(reference_record.id)
        assert stored == reference_record
        # Every gold person the extractor found is a corpus entity findable by any of its gold names.
        found = {e.name for e in reference_record.entities}
        for entity in gold["entities"]:
            if entity["type"] != "PERSON" or not any(n in found for n in entity["names"]):
                continue
            refs = {tuple(r.id for r in store.find_entities(n)) for n in entity["names"] if n in found}
            assert len(refs) == 1 and len(next(iter(refs))) == 1, entity["names"]
        assert not store.search('"special counsel"').empty


@pytest.mark.skipif(not SAMPLE30.exists(), reason="sample30 not available")
def test_real_articles_from_sample30(tmp_path, reader):
    files = sorted(SAMPLE30.glob("*.txt"))[:4]
    with Store(tmp_path / "news.db") as store:
        report = store.ingest([str(f) for f in files], reader)
        assert report.stored == 4 and report.failed == 0
        assert store.stats()["counts"]["entities"] > 0
        _assert_consistent(store)


def test_reprocess_rebuilds_records_of_another_pipeline_fingerprint_only(tmp_path, reader, article_dir):
    with Store(tmp_path / "news.db") as store:
        store.ingest([str(article_dir)], reader)
        current = reader.generator.pipeline
        assert current
        assert {r[0] for r in store.execute("SELECT pipeline FROM articles")} == {current}
        assert store.reprocess(reader).rebuilt == 0  # every record is current
        ids = sorted(r[0] for r in store.execute("SELECT id FROM articles"))
        # Same version and model, other code: only these two are stale.
        store.execute("UPDATE articles SET pipeline = 'an-older-build' WHERE id IN (?, ?)", ids[:2])
        store.execute("UPDATE articles SET pipeline = NULL WHERE id = ?", ids[2:3])  # made before fingerprints
        before = dict(store.execute("SELECT id, ingested_at FROM articles"))
        report = store.reprocess(reader)
        assert report.rebuilt == 3
        assert sorted(r[0] for r in store.execute("SELECT id FROM articles")) == ids
        assert {r[0] for r in store.execute("SELECT pipeline FROM articles")} == {current}
        rebuilt = {r[0] for r in store.execute("SELECT id FROM articles WHERE rowid > ?",
                                               (max(r[0] for r in store.execute("SELECT rowid FROM articles"))
                                                - 3,))}
        assert rebuilt == set(ids[:3])
        assert all(before[i] == at for i, at in store.execute("SELECT id, ingested_at FROM articles")
                   if i not in rebuilt)
        assert store.get(ids[0]).generator.pipeline == current
        gens = store.stats()["generators"]
        assert gens == [{"newsgraph": reader.generator.newsgraph, "model": reader.generator.model,
                         "pipeline": current, "articles": len(ids)}]
        _assert_consistent(store)
