"""``newsgraph show``, the readable view's width, sections and limits, and article labels in CLI lists."""

from __future__ import annotations

import io
import json
import re

import pytest
from rich.console import Console
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.cli.view import SECTIONS, parse_sections, render_record
from newsgraph.record import Record
from newsgraph.store import Store
from newsgraph.store.labels import article_label
from web.conftest import quoted_record

runner = CliRunner()
LONG_WORDS = "relationship investigation extraordinarily characterisation"


def _records() -> list[Record]:
    base = quoted_record()
    text = f"Officials described the {LONG_WORDS} as routine. " + base.text
    shift = len(text) - len(base.text)
    untitled = _shifted(base, text, shift)
    other = base.model_copy(update={"id": base.id[:10] + "0" * 54})
    return [untitled, other]


def _shifted(record: Record, text: str, shift: int) -> Record:
    """``record`` with ``text`` in front of its text: every offset moves by ``shift`` (via the JSON)."""
    data = record.to_dict()

    def move(node):
        if isinstance(node, dict):
            return {k: (v + shift if k in ("start", "end") and isinstance(v, int) else move(v))
                    for k, v in node.items()}
        if isinstance(node, list):
            return [move(v) for v in node]
        return node

    data = move(data)
    data["text"] = text
    data["id"] = record.id[:10] + "1" * 54
    data["meta"]["title"] = None
    data["paragraphs"] = [{"start": 0, "end": len(text)}] if data.get("paragraphs") else data.get("paragraphs", [])
    return Record.model_validate(data)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> tuple[str, list[Record]]:
    records = _records()
    path = tmp_path_factory.mktemp("show") / "news.db"
    with Store(path) as store:
        for record in records:
            assert store.add(record)
    return str(path), records


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_show_prints_the_record_by_a_prefix(db) -> None:
    path, records = db
    untitled = records[0]
    result = invoke("show", untitled.id[:12], "--db", path, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == json.loads(json.dumps(untitled.to_dict()))
    view = invoke("show", untitled.id[:12], "--db", path)
    assert view.exit_code == 0 and "Entities (" in view.stdout and untitled.entities[0].name in view.stdout


def test_show_refuses_unknown_and_shared_prefixes(db) -> None:
    path, records = db
    assert "no article" in invoke("show", "f" * 12, "--db", path).stderr
    shared = invoke("show", records[0].id[:10], "--db", path)
    assert shared.exit_code == 1 and "several articles" in shared.stderr
    assert invoke("show", records[0].id[:12], "--db", path, "--sections", "people").exit_code == 2


def test_sections_and_limit(db) -> None:
    path, records = db
    result = invoke("show", records[0].id[:12], "--db", path, "--sections", "entities", "--limit", "1")
    assert result.exit_code == 0, result.output
    assert f"Entities (first 1 of {len(records[0].entities)})" in result.stdout
    assert "Events" not in result.stdout and "Quotes and attributions" not in result.stdout
    assert parse_sections(None) == SECTIONS
    with pytest.raises(ValueError, match="unknown section"):
        parse_sections("entities,nope")


def _rendered(record: Record, width: int) -> str:
    out = io.StringIO()
    render_record(Console(file=out, width=width, color_system=None), record)
    return out.getvalue()


@pytest.mark.parametrize("width", [40, 60, 80])
def test_view_wraps_without_breaking_words(db, width: int) -> None:
    """Every word printed at ``width`` is a whole word: of the record, or of the view printed wide."""
    record = db[1][0]
    text = _rendered(record, width)
    assert max(len(line) for line in text.splitlines()) <= width
    whole = set(re.findall(r"[A-Za-z]+", record.to_json())) | set(re.findall(r"[A-Za-z]+", _rendered(record, 400)))
    printed = set(re.findall(r"[A-Za-z]+", text))
    assert printed <= whole, sorted(printed - whole)


def test_sourcing_line_counts_the_rows(db) -> None:
    record = db[1][0]
    out = io.StringIO()
    render_record(Console(file=out, width=200, color_system=None), record)
    n = len(record.attributions)
    assert f"Sourcing: {n} attribution{'' if n == 1 else 's'}" in out.getvalue()
    assert f"Quotes and attributions ({n})" in out.getvalue()


def test_lists_name_articles_by_label(db) -> None:
    path, records = db
    label = article_label(None, records[0].text)
    assert label.startswith("Officials described the")
    for args in (["search", "officials", "--db", path], ["entity", "Jane Roe", "--db", path],
                 ["quotes", "--db", path]):
        result = runner.invoke(app, args, env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        assert label[:30] in result.stdout, args


def test_show_says_when_a_record_is_missing(tmp_path) -> None:
    record = quoted_record()
    path = tmp_path / "rows-only.db"
    with Store(path) as store:
        store.add(record)
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM records")
    result = invoke("show", record.id[:12], "--db", str(path))
    assert result.exit_code == 1 and "no stored record" in result.stderr
