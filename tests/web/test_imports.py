"""``newsgraph serve`` and the web app run without spaCy: the store's pages never need the model.

Run in a fresh interpreter (this test process has imported spaCy for the
other tests); the store is the session's ``web_db``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"


def assert_runs(code: str) -> None:
    """Run ``code`` in a new interpreter with this worktree's ``src`` first on the path; it must succeed."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr


def test_web_app_serves_pages_without_importing_spacy(web_db: Path) -> None:
    assert_runs(f"""
        import sys
        from fastapi.testclient import TestClient
        from newsgraph.web import create_app
        client = TestClient(create_app({str(web_db)!r}))
        for url in ("/", "/search?q=library", "/entities/Jane%20Roe", "/timeline", "/sources", "/api/stats",
                    "/api/quotes"):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        article = client.get("/api/search", params={{"q": "library"}}).json()[0]["id"]
        assert client.get(f"/articles/{{article}}").status_code == 200
        loaded = [m for m in ("spacy", "newsgraph.api", "newsgraph.extract") if m in sys.modules]
        assert not loaded, loaded
    """)


def test_serve_command_path_imports_no_spacy(web_db: Path) -> None:
    # The server loop itself is test_browser.py's; here only what ``serve`` imports before it.
    assert_runs(f"""
        import sys
        import uvicorn
        from typer.testing import CliRunner
        from newsgraph.cli import app
        started = []
        uvicorn.run = lambda application, **kw: started.append(application)
        result = CliRunner().invoke(app, ["serve", "--db", {str(web_db)!r}])
        assert result.exit_code == 0 and len(started) == 1, result.output
        loaded = [m for m in ("spacy", "newsgraph.api", "newsgraph.extract") if m in sys.modules]
        assert not loaded, loaded
    """)
