import csv
import gzip
import json

import pytest

from newsgraph.ingest import iter_items
from newsgraph.settings import Limits


def test_directory_is_walked_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("First article text.")
    (tmp_path / "b" / "c.txt").write_text("Second article text.")
    (tmp_path / "b" / "meta.json").write_text("{}")
    items = list(iter_items([str(tmp_path)]))
    assert [i.path.rsplit("/", 1)[-1] for i in items] == ["a.txt", "c.txt"]
    assert all(i.error is None for i in items)


def test_jsonl_lines_become_items_and_a_bad_line_is_reported(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": "Hello world.", "published": "2017-06-06", "authors": ["A B"]}),
        "{not json",
        json.dumps({"id": "x3", "html": "<html><body><p>Hi</p></body></html>", "url": "http://e.com/a"}),
        json.dumps({"id": "x4", "title": "no body"}),
        json.dumps([1, 2]),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = list(iter_items([str(path)]))
    assert [i.id for i in items] == ["x1", None, "x3", "x4", None]
    assert items[0].text == "Hello world." and items[0].published == "2017-06-06" and items[0].authors == ["A B"]
    assert items[1].error.startswith("malformed JSON line") and items[1].where.endswith(":2")
    assert items[2].format == "html" and items[2].url == "http://e.com/a"
    assert items[3].error == "no 'text' or 'html' field"
    assert items[4].error == "JSON line is not an object"


def test_csv_rows_become_items(tmp_path):
    path = tmp_path / "in.csv"
    with path.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "title", "text", "authors"])
        writer.writeheader()
        body = "Body, with a comma.\nAnd a newline."
        writer.writerow({"id": "r1", "title": "T", "text": body, "authors": "A B, C D"})
    (item,) = iter_items([str(path)])
    assert item.id == "r1" and item.title == "T" and item.authors == ["A B", "C D"]
    assert item.text == "Body, with a comma.\nAnd a newline."


def test_csv_without_text_column_is_an_error(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("id,title\n1,x\n")
    (item,) = iter_items([str(path)])
    assert "no 'text' or 'html' column" in item.error


def test_gzip_files_are_read_by_their_inner_suffix(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"Plain text article."))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(b"<html><body><p>x</p></body></html>"))
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(b'{"text": "one"}\n{"text": "two"}\n'))
    items = list(iter_items([str(tmp_path)]))
    assert [i.format for i in items] == ["text", "html", "jsonl", "jsonl"]
    assert items[0].data == b"Plain text article."


def test_corrupt_gzip_is_reported(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (item,) = iter_items([str(tmp_path / "a.txt.gz")])
    assert "corrupt gzip" in item.error


def test_missing_file_is_reported_not_raised(tmp_path):
    (item,) = iter_items([str(tmp_path / "nope.txt")])
    assert item.error == "no such file or directory"


def test_size_limit_is_configurable(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    (item,) = iter_items([str(path)], Limits(max_bytes=100))
    assert "over the limit of 100" in item.error
    (item,) = iter_items([str(path)], Limits(max_bytes=10_000))
    assert item.error is None


def test_size_limit_from_environment(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    monkeypatch.setenv("NEWSGRAPH_MAX_BYTES", "50")
    (item,) = iter_items([str(path)])
    assert "over the limit of 50" in item.error


def _lines(tmp_path, *objects):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(o if isinstance(o, str) else json.dumps(o) for o in objects) + "\n")
    return list(iter_items([str(path)]))


def test_each_bad_jsonl_line_is_its_own_one_line_error(tmp_path):
    items = _lines(tmp_path, "[" * 100_000 + "]" * 100_000, '{"text": "x", "n": ' + "1" * 5000 + "}",
                   '{"text": "half \\udc80 a pair"}', {"text": "A fine line."})
    assert [i.error for i in items] == [
        "malformed JSON line (nested too deep)",
        "malformed JSON line (a number of 5000 digits (at most 100))",
        "field 'text' holds a lone surrogate escape (not valid Unicode)",
        None,
    ]


@pytest.mark.parametrize(("obj", "error"), [
    ({"title": ["x"]}, "field 'title' must be text, not a list"),
    ({"authors": {"name": "Jo"}}, "field 'authors' must be a list of names or text, not an object"),
    ({"authors": [{"name": "Jo"}]}, "field 'authors' must list names as text, not an object"),
    ({"url": 5}, "field 'url' must be text, not a number"),
    ({"published": True}, "field 'published' must be a date as text, not true/false"),
    ({"text": ["a"]}, "field 'text' must be text, not a list"),
])
def test_a_field_of_the_wrong_type_is_an_error_naming_it(tmp_path, obj, error):
    (item,) = _lines(tmp_path, {"text": "A fine line.", **obj})
    assert item.error == error


@pytest.mark.parametrize("published", ["not a date", "9999-99-99"])
def test_a_published_that_is_no_date_is_dropped_with_a_warning(tmp_path, published):
    (item,) = _lines(tmp_path, {"text": "A fine line.", "published": published, "id": 7})
    assert item.error is None and item.published is None and item.id == "7"
    assert item.warnings == [f"field 'published': {published!r} is not a date; ignored"]


def test_a_csv_quote_left_open_is_reported_on_its_line_and_the_next_rows_are_read(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text('id,text\n1,"Fine."\n2,"Opened, never closed\n3,"Read again."\n4,"swallowed\n5,x",y\n')
    items = list(iter_items([str(path)]))
    assert [(i.line, i.error is None) for i in items] == [(2, True), (3, False), (4, True), (5, False)]
    assert items[1].error.startswith("CSV row on line 3 has an unbalanced quote")
    assert items[3].error == "CSV row on lines 5-6 has 3 fields, the header 2 (an unbalanced quote?)"


def test_a_truncated_gzip_is_reported(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"Plain text article. " * 50)[:-10])
    (tmp_path / "b.txt.gz").write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\xff" * 30)
    a, b = iter_items([str(tmp_path)])
    assert a.error.startswith("corrupt gzip") and b.error.startswith("corrupt gzip")


def test_a_records_jsonl_line_becomes_a_record_item(tmp_path):
    (item,) = _lines(tmp_path, {"schema": "newsgraph.record/1", "id": "ab" * 32, "text": "x"})
    assert item.format == "record" and item.record["id"] == "ab" * 32 and item.error is None
