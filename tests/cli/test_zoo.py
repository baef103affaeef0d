"""The bad-input zoo (``tests/zoo/make_zoo.py``) through ``newsgraph read`` and ``newsgraph ingest``.

Every bad input gets one clear line naming it, the good ones are read and stored, the
walk skips what is not an article, and nothing ends in a traceback.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from zoo.make_zoo import ZOO_MAX_CHARS, make_zoo

runner = CliRunner()


@pytest.fixture
def zoo(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_MAX_CHARS", str(ZOO_MAX_CHARS))
    folder = tmp_path / "zoo"
    return folder, make_zoo(folder)


def _no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


def test_read_gives_each_bad_input_one_line_and_reads_the_good_ones(zoo):
    folder, expected = zoo
    result = runner.invoke(app, ["read", str(folder), "--jsonl"])
    _no_traceback(result)
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    got = {(r["source"]["path"] + (f":{r['source']['line']}" if r["source"]["line"] else "")): r for r in records}
    assert sorted(got) == sorted(e.where for e in expected), "the walk read a file it should skip, or lost one"
    for entry in expected:
        error = got[entry.where]["source"]["error"]
        if entry.error is None:
            assert error is None and got[entry.where]["text"], entry
        else:
            assert error and entry.error in error, (entry, error)
            assert "\n" not in error and "[" not in error and "{" not in error, error  # no repr, one line
            lines = [line for line in result.stderr.splitlines() if line.startswith(f"newsgraph: {entry.where}: ")]
            assert len(lines) == 1, (entry, lines)
    sidecar = got[str(folder / "a-sidecar.txt")]
    assert sidecar["meta"]["title"] == "Ferry timetable changes" and sidecar["meta"]["authors"] == ["Ines Varga"]
    assert sidecar["meta"]["published"] == "2024-03-14T07:06:40"
    assert "is not a date; ignored" in result.stderr


def test_ingest_stores_the_good_inputs_records_the_bad_and_exits_1(zoo, tmp_path):
    folder, expected = zoo
    db = tmp_path / "news.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--json"])
    _no_traceback(result)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    good = [e for e in expected if e.error is None]
    assert report["stored"] == len(good) and report["failed"] == len(expected) - len(good), report
    with sqlite3.connect(db) as conn:
        failures = dict(conn.execute('SELECT "where", reason FROM failures'))
        titles = {row[0] for row in conn.execute("SELECT title FROM articles")}
    for entry in expected:
        if entry.error is not None:
            assert entry.error in failures[entry.where], (entry, failures.get(entry.where))
    assert "Ferry timetable changes" in titles
    # The rerun skips what is stored and what failed, and says nothing failed this time.
    again = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--json"])
    _no_traceback(again)
    assert again.exit_code == 0 and json.loads(again.stdout)["stored"] == 0
