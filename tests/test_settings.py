"""``newsgraph.settings``: a bad size setting is a one-line error naming the variable, never a traceback."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.settings import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, Limits, SettingsError


@pytest.mark.parametrize(("value", "reason"), [("abc", "not a whole number"), ("1.5", "not a whole number"),
                                               ("0", "at least 1"), ("-3", "at least 1")])
def test_a_bad_limit_names_the_variable(monkeypatch, value, reason):
    monkeypatch.setenv("NEWSGRAPH_MAX_BYTES", value)
    with pytest.raises(SettingsError, match=f"NEWSGRAPH_MAX_BYTES='{value}'.*{reason}"):
        Limits.from_env()


def test_limits_from_the_environment(monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_MAX_BYTES", raising=False)
    monkeypatch.delenv("NEWSGRAPH_MAX_CHARS", raising=False)
    assert Limits.from_env() == Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS)
    monkeypatch.setenv("NEWSGRAPH_MAX_BYTES", "2_000")
    monkeypatch.setenv("NEWSGRAPH_MAX_CHARS", " 500 ")
    assert Limits.from_env() == Limits(2000, 500)


@pytest.mark.parametrize("command", ["read", "ingest"])
def test_the_cli_says_which_setting_is_wrong_in_one_line(monkeypatch, tmp_path, command):
    (tmp_path / "a.txt").write_text("An invented story about a bridge.\n")
    monkeypatch.setenv("NEWSGRAPH_MAX_CHARS", "lots")
    args = [command, str(tmp_path / "a.txt")] + (["--db", str(tmp_path / "n.db")] if command == "ingest" else [])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert lines == ["newsgraph: NEWSGRAPH_MAX_CHARS='lots' is not a whole number"], lines
