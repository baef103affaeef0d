"""The CLI's query commands run under a deadline (``NEWSGRAPH_QUERY_SECONDS``): past it, one line and exit 1."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newsgraph import settings
from newsgraph.cli import app
from newsgraph.store import Store


@pytest.fixture
def db(tmp_path, make_record):
    """A real store of 120 articles, each with an entity, a quote and an event."""
    path = tmp_path / "news.db"
    with Store(path) as store:
        for i in range(120):
            text = f"Story {i}. Mayor Jane Roe spoke. \"We build {i},\" Roe said."
            store.add(make_record(text, [("Jane Roe", "PERSON", ["Jane Roe", "Roe"])], title=f"T{i}",
                                  quotes=[("Jane Roe", "Roe said", f"We build {i}", False)],
                                  # a year each: 120 corpus events, not one event 120 articles report
                                  events=[("Jane Roe", "spoke", None, str(1900 + i))]))
    return str(path)


COMMANDS = [
    ["search", "Roe", "--db", "{db}", "--json"],
    ["timeline", "--db", "{db}", "--json"],
    ["quotes", "--db", "{db}", "--json"],
    ["quotes", "--db", "{db}", "--about", "Jane Roe", "--json"],
    ["entity", "show", "Jane Roe", "--db", "{db}", "--json"],
    # Shares per year are counted from the rows (the unfiltered report reads a few tally rows: too quick).
    ["sources", "--db", "{db}", "--by", "gender,year", "--json"],
    ["stats", "--db", "{db}", "--json"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_query_past_the_deadline_is_one_line_and_exit_1(db, monkeypatch, command):
    args = [a.format(db=db) for a in command]
    # A deadline of a microsecond, and the clock read every 100 SQLite VM steps: the handler's first
    # look at the clock (every one of these commands runs well over 100 steps) stops the query.
    monkeypatch.setattr(settings, "QUERY_DEADLINE_STEPS", 100)
    monkeypatch.setenv("NEWSGRAPH_QUERY_SECONDS", "0.000001")
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "took longer than" in lines[0] and "NEWSGRAPH_QUERY_SECONDS" in lines[0], lines
    assert "Traceback" not in result.output
    # The same command with no deadline (0) or the default one answers.
    for value in ("0", ""):
        monkeypatch.setenv("NEWSGRAPH_QUERY_SECONDS", value)
        assert CliRunner().invoke(app, args).exit_code == 0


def test_the_setting(monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_QUERY_SECONDS", raising=False)
    assert settings.cli_query_seconds() == settings.CLI_QUERY_SECONDS == 30.0
    for value, expected in (("0", None), ("-1", None), ("2.5", 2.5)):
        monkeypatch.setenv("NEWSGRAPH_QUERY_SECONDS", value)
        assert settings.cli_query_seconds() == expected
    for bad in ("soon", "nan", "inf"):  # a mistyped setting is said, not replaced by the default
        monkeypatch.setenv("NEWSGRAPH_QUERY_SECONDS", bad)
        with pytest.raises(settings.SettingsError, match="NEWSGRAPH_QUERY_SECONDS"):
            settings.cli_query_seconds()


def test_a_bad_setting_is_one_line_naming_it(db, monkeypatch):
    for name, bad in (("NEWSGRAPH_QUERY_SECONDS", "soon"), ("NEWSGRAPH_LOCK_TIMEOUT", "abc")):
        monkeypatch.setenv(name, bad)
        args = ["stats", "--db", db] if name == "NEWSGRAPH_QUERY_SECONDS" else ["ingest", db + ".none", "--db", db]
        result = CliRunner().invoke(app, args)
        assert result.exit_code != 0 and "Traceback" not in result.output
        assert name in result.output and len([x for x in result.output.splitlines() if x.strip()]) == 1
        monkeypatch.delenv(name)


def test_the_default_period_stops_a_long_query_too(db, monkeypatch):
    """At the default period (10,000 VM steps) a full timeline of this store is stopped as well."""
    monkeypatch.setenv("NEWSGRAPH_QUERY_SECONDS", "0.000001")
    result = CliRunner().invoke(app, ["timeline", "--db", db, "--json"])
    assert result.exit_code == 1 and "took longer than" in result.output
