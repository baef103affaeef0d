"""``newsgraph serve``: checks the store before starting, then runs uvicorn with the app (uvicorn stubbed here;
``test_browser.py`` runs the real server)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from typer.testing import CliRunner

from newsgraph.cli import app

DOC = Path(__file__).resolve().parents[2] / "docs" / "web.md"


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: calls.append({"app": application, **kw}))
    return calls


def test_serve_runs_the_app_on_loopback(web_db: Path, runs: list[dict[str, Any]]) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(web_db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert len(runs) == 1
    assert runs[0]["host"] == "127.0.0.1" and runs[0]["port"] == 8123
    assert isinstance(runs[0]["app"], FastAPI)


def test_serve_warns_off_loopback(web_db: Path, runs: list[dict[str, Any]]) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(web_db), "--host", "0.0.0.0"])
    assert result.exit_code == 0
    assert "readable by anyone" in result.output
    assert runs[0]["host"] == "0.0.0.0"


@pytest.mark.parametrize(("args", "message"), [
    (["--db", "{tmp}/missing.db"], "no such store"),
    (["--db", "{tmp}/junk.db"], "not a newsgraph store"),
    (["--db", "{tmp}/ok.db", "--port", "70000"], "65535"),
])
def test_serve_refuses_bad_input(tmp_path: Path, runs: list[dict[str, Any]], args: list[str], message: str) -> None:
    (tmp_path / "junk.db").write_bytes(b"junk" * 500)
    result = CliRunner().invoke(app, ["serve", *(a.format(tmp=tmp_path) for a in args)])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert runs == []


def test_web_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert "$ newsgraph serve" in text
    for route in ("/search", "/articles/", "/entities/", "/timeline", "/sources", "/api/", "/openapi.json"):
        assert route in text
