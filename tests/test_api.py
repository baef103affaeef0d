"""The Python API on texts written for the tests and on the reference article."""

import gzip
import json

import pytest

import newsgraph
from _paths import REFERENCE
from newsgraph.api import record_id
from newsgraph.errors import InputError
from newsgraph.ingest import Item

ARTICLE = (
    "The city council of Springfield voted on Monday to expand the main library.\n\n"
    "Mayor Jane Roe said the project would cost $12 million and open next year."
)



def test_read_text_gives_a_record_with_evidence(reader):
    record = reader.read(ARTICLE, published="2019-03-05")
    assert record.schema_ == newsgraph.SCHEMA
    assert record.meta.published == "2019-03-05" and record.meta.published_from == "given"
    assert len(record.paragraphs) == 2
    assert record.text[record.paragraphs[1].start:].startswith("Mayor Jane Roe")
    for span in record.raw_spans:
        assert record.text[span.start:span.end] == ARTICLE[span.raw_start:span.raw_end]
    assert record.raw_spans and record.generator.newsgraph == newsgraph.__version__


def test_record_id_is_the_sha256_of_the_raw_bytes(reader, tmp_path):
    import hashlib

    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode("cp1252"))
    record = reader.read(path)
    assert record.id == hashlib.sha256(ARTICLE.encode("cp1252")).hexdigest()
    assert record.source.path == str(path) and record.source.format == "text"


@pytest.mark.skipif(not REFERENCE.exists(), reason="reference article not available")
def test_module_level_read_of_the_reference_article():
    record = newsgraph.read(str(REFERENCE))
    assert record.text and record.paragraphs and record.raw_spans
    raw = REFERENCE.read_text(encoding="utf-8")
    for span in record.raw_spans:
        assert record.text[span.start:span.end] == raw[span.raw_start:span.raw_end]
    json.loads(record.to_json())


def test_read_many_keeps_input_order_and_reports_bad_items(reader, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    gz = tmp_path / "z.txt.gz"
    gz.write_bytes(gzip.compress(b"A short wire story about grain prices rising in Chicago on Tuesday."))
    items = [good, tmp_path / "missing.txt", empty, gz, Item(where="<x>", text="Another story, told briefly.")]
    records = list(reader.read_many(items, batch_size=2))
    assert [r.source.error for r in records] == [None, "no such file or directory", "empty input", None, None]
    assert records[3].text.startswith("A short wire story")
    assert records[1].entities == [] and records[1].text == ""


def test_read_raises_a_named_error_for_bad_input(reader, tmp_path):
    with pytest.raises(InputError, match=r"missing\.txt: no such file"):
        reader.read(str(tmp_path / "missing.txt"))
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(InputError, match="binary"):
        reader.read(binary)


def test_jsonl_fields_fill_the_record(reader, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "doc-7", "text": ARTICLE, "published": "March 5, 2019", "title": "Library",
                                "url": "https://example.org/library", "authors": ["Jim Poe"]}) + "\n")
    (record,) = reader.read_many([path])
    assert record.source.id == "doc-7" and record.source.path == str(path) and record.source.format == "jsonl"
    assert record.meta.title == "Library" and record.meta.authors == ["Jim Poe"]
    assert record.meta.published == "2019-03-05" and record.meta.published_from == "metadata"
    assert record.source.url == "https://example.org/library"


def test_read_many_in_two_processes_matches_one(reader, tmp_path):
    paths = []
    for i in range(6):
        path = tmp_path / f"{i}.txt"
        path.write_text(f"Story number {i}. " + ARTICLE)
        paths.append(path)
    paths.insert(2, tmp_path / "missing.txt")
    one = [r.to_dict() for r in reader.read_many(paths)]
    two = [r.to_dict() for r in reader.read_many(paths, n_process=2, batch_size=2)]
    assert one == two


def test_read_many_in_two_processes_keeps_order_past_the_first_window(reader):
    # batch_size=1 gives more batches than are ever in flight, so later ones are sent as
    # earlier ones come back; the records must still come out in input order.
    texts = [f"Mayor Jane Roe number {i} opened library {i} in Springfield on Monday." for i in range(14)]
    records = list(reader.read_many(texts, n_process=2, batch_size=1))
    assert [r.text for r in records] == texts


def test_byline_date_becomes_the_publication_time_with_raw_offsets(reader):
    raw = ("By Jane Roe and Jim Poe\nMarch 3, 2019\n\n"
           "The city council voted on Monday to expand the main library, officials said.\n\n"
           "The project will cost $12 million.")
    record = reader.read(raw)
    assert record.meta.published == "2019-03-03" and record.meta.published_from == "text"
    publication = [t for t in record.times if t.role == "publication"]
    assert len(publication) == 1
    (time,) = publication
    assert time.value == "2019-03-03" and time.id == "t0"
    assert raw[time.raw_start:time.raw_end] == "March 3, 2019"
    assert (time.start, time.end) == (0, 0)


def test_no_publication_time_without_evidence_in_the_text(reader):
    record = reader.read(ARTICLE, published="2019-03-05")
    assert not [t for t in record.times if t.role == "publication"]


def test_generator_names_version_model_and_a_pipeline_fingerprint(reader):
    from newsgraph.api import pipeline_fingerprint

    record = reader.read(ARTICLE)
    assert record.generator.newsgraph == newsgraph.__version__
    assert record.generator.model.startswith("en_")
    assert record.generator.pipeline == pipeline_fingerprint() and len(record.generator.pipeline) == 16


def test_a_long_single_line_text_is_read_as_text_not_a_path(reader):
    text = "The council met again to discuss the budget and the bridge. " * 60
    record = reader.read(text.strip())
    assert record.text.startswith("The council met again")
    assert newsgraph.read(text[:300]).source.format == "text"


def test_forked_workers_reuse_the_parents_loaded_reader(reader, monkeypatch):
    import newsgraph.api as api

    monkeypatch.setattr(api, "_WORKER", reader)
    api._init_worker(reader.model_name)  # what a forked worker runs first
    assert api._WORKER is reader  # no second model load
    monkeypatch.setattr(api, "_WORKER", None)
    list(reader.read_many(["Mayor Jane Roe opened the library on Monday."] * 3, n_process=2, batch_size=1))
    assert api._WORKER is None  # the parent's global is restored once the workers are forked


def test_a_text_over_the_parse_limit_is_refused_alone(reader, monkeypatch):
    from dataclasses import replace

    story = "The harbour board voted on Tuesday to rebuild the north pier, chair Mara Olen said. "
    monkeypatch.setattr(reader, "limits", replace(reader.limits, max_chars=2_000))
    long_item, short_item = Item(where="long", text=story * 40), Item(where="short", text=story)
    long_rec, short_rec = reader.read_many([long_item, short_item])
    assert long_rec.source.error == (f"clean text is {len(story * 40) - 1:,} characters, over the parse limit "
                                     "of 2,000 (NEWSGRAPH_MAX_CHARS)")
    assert short_rec.source.error is None and short_rec.entities


def test_a_lone_surrogate_still_gets_a_record_id():
    assert len(record_id(Item(where="x", text="half \ud800 a pair"))) == 64


def test_an_unexpected_failure_is_the_inputs_error_outside_strict_mode(monkeypatch):
    from pydantic import ValidationError

    from newsgraph.api import prepare

    # An API caller's mistake: a title that is no string.
    odd = Item(where="odd", text="An invented story about a bridge.", title=["x"])  # type: ignore[arg-type]
    monkeypatch.setenv("NEWSGRAPH_STRICT", "0")
    assert prepare(odd).error.startswith("cannot prepare this input (ValidationError: ")
    monkeypatch.setenv("NEWSGRAPH_STRICT", "1")
    with pytest.raises(ValidationError):
        prepare(odd)
