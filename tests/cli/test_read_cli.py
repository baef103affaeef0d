"""``newsgraph read`` and ``newsgraph schema`` as a user runs them."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _paths import REFERENCE
from newsgraph.cli import app

ARTICLE = "The council voted on Monday to expand the library, Mayor Jane Roe said.\n"

runner = CliRunner()


def invoke(*args, stdin=None):
    return runner.invoke(app, list(args), input=stdin)


@pytest.mark.skipif(not REFERENCE.exists(), reason="reference article not available")
def test_read_reference_article_as_json_is_a_valid_record():
    result = invoke("read", str(REFERENCE), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "newsgraph.record/1"
    assert data["source"]["path"] == str(REFERENCE)
    assert data["text"] and data["paragraphs"] and data["raw_spans"]
    from newsgraph.record import Record

    Record.model_validate(data)


def test_readable_view_shows_metadata_and_tables(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    result = invoke("read", str(path), "--published", "2019-03-05")
    assert result.exit_code == 0, result.output
    assert "published" in result.stdout and "2019-03-05" in result.stdout
    assert "paragraphs" in result.stdout
    assert "Entities" in result.stdout


def test_jsonl_prints_one_record_per_line_in_input_order_with_errors(tmp_path):
    (tmp_path / "a.txt").write_text("First story about the harbour opening on Friday.")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "c.txt").write_text("Third story about the bridge closing for repairs.")
    result = invoke("read", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "c.txt"), "--jsonl")
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["source"]["path"]).name for r in lines] == ["a.txt", "b.txt", "c.txt"]
    assert lines[1]["source"]["error"].startswith("binary")
    assert lines[0]["text"].startswith("First story") and lines[2]["text"].startswith("Third story")
    assert "b.txt: binary" in result.stderr


def test_stdin_is_read_with_dash():
    result = invoke("read", "-", "--json", "--published", "2017-06-06", stdin=ARTICLE)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["meta"]["published"] == "2017-06-06"
    assert data["source"]["path"] == "-"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: None, "no such file or directory"),
        (lambda p: p.write_text(""), "empty input"),
        (lambda p: p.write_bytes(bytes(range(256)) * 4), "binary"),
        (lambda p: p.write_bytes(b"<html><body><nav>x</nav></body></html>"), "no article text"),
    ],
    ids=["missing", "empty", "binary", "html-without-article"],
)
def test_single_bad_input_gives_one_line_and_nonzero_exit(tmp_path, make, reason):
    path = tmp_path / ("page.html" if "html" in reason or "article" in reason else "a.txt")
    make(path)
    result = invoke("read", str(path), "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(path) in lines[0] and reason in lines[0]
    assert "Traceback" not in result.output


def test_file_over_the_size_limit(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    monkeypatch.setenv("NEWSGRAPH_MAX_BYTES", "1000")
    result = invoke("read", str(path))
    assert result.exit_code == 1 and "over the limit of 1000" in result.stderr


def test_malformed_jsonl_line_is_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "1", "text": "One good story."}) + "\n{broken\n"
                    + json.dumps({"id": "3", "text": "Another good story."}) + "\n")
    result = invoke("read", str(path), "--jsonl")
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"]["id"] for r in records] == ["1", None, "3"]
    assert "malformed JSON line" in records[1]["source"]["error"]
    assert "in.jsonl:2: malformed JSON line" in result.stderr


def test_bad_published_and_unknown_model_are_clear_errors(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    result = invoke("read", str(path), "--published", "not a date")
    assert result.exit_code == 2 and "not a date" in result.stderr
    result = invoke("read", str(path), "--model", "no_such_model_xyz")
    assert result.exit_code == 1
    assert "no_such_model_xyz" in result.stderr and "pip install" in result.stderr


def test_schema_prints_the_json_schema():
    result = invoke("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$id"] == "newsgraph.record/1"


def test_console_script_runs_as_a_process(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    proc = subprocess.run([sys.executable, "-m", "newsgraph", "read", str(path), "--jsonl"],
                          capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")})
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["text"].startswith("The council voted")


def test_include_and_exclude_choose_the_files_of_a_directory(tmp_path):
    (tmp_path / "a.txt").write_text("First story about the harbour opening on Friday.")
    (tmp_path / "notes.md").write_text("A story kept as Markdown about the bridge closing.")
    (tmp_path / "README.md").write_text("About this folder.")
    default = invoke("read", str(tmp_path), "--jsonl")
    assert [Path(json.loads(line)["source"]["path"]).name for line in default.stdout.splitlines()] == ["a.txt"]
    chosen = invoke("read", str(tmp_path), "--include", "*.md", "--exclude", "README*", "--jsonl")
    assert chosen.exit_code == 0, chosen.output
    assert [Path(json.loads(line)["source"]["path"]).name for line in chosen.stdout.splitlines()] == ["notes.md"]
