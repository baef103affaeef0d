"""The store knows nothing of spaCy: importing it (or using it without ingesting) loads no model code.

Each check runs in a fresh interpreter, since this test process has long
imported spaCy for the other tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a new interpreter with this worktree's ``src`` first on the path."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, capture_output=True, text=True,
                          timeout=120)


def assert_runs(code: str) -> None:
    result = run_python(code)
    assert result.returncode == 0, result.stderr


def test_the_check_can_fail() -> None:
    """The subprocess really imports from ``src``: importing the reader does pull spaCy in."""
    result = run_python("import newsgraph.api, sys; assert 'spacy' not in sys.modules")
    assert result.returncode != 0 and "AssertionError" in result.stderr


def test_import_store_loads_neither_spacy_nor_the_extractors() -> None:
    assert_runs("""
        import sys
        import newsgraph.store
        loaded = [m for m in ("spacy", "thinc", "newsgraph.api", "newsgraph.extract", "newsgraph.nlp",
                              "newsgraph.clean") if m in sys.modules]
        assert not loaded, loaded
    """)


def test_import_store_does_not_load_pandas_or_the_input_stage() -> None:
    assert_runs("""
        import sys
        import newsgraph.store
        loaded = [m for m in ("pandas", "pyarrow", "newsgraph.ingest") if m in sys.modules]
        assert not loaded, loaded
    """)


def test_queries_load_pandas_only_when_a_dataframe_is_returned(tmp_path: Path) -> None:
    assert_runs(f"""
        import sys
        from newsgraph.store import Store
        with Store({str(tmp_path / "s.db")!r}) as store:
            store.stats()
            assert "pandas" not in sys.modules
            store.search("library")
            assert "pandas" in sys.modules
        assert "spacy" not in sys.modules
    """)


def test_import_newsgraph_is_light_and_its_names_load_on_use() -> None:
    assert_runs("""
        import sys
        import newsgraph
        assert "spacy" not in sys.modules and "newsgraph.store" not in sys.modules
        assert newsgraph.Record.__name__ == "Record" and newsgraph.SCHEMA == "newsgraph.record/1"
        from newsgraph import Store
        assert Store.__module__ == "newsgraph.store.db" and "spacy" not in sys.modules
        assert newsgraph.Reader.__name__ == "Reader" and callable(newsgraph.read)
        assert "spacy" in sys.modules
        assert sorted(newsgraph.__all__) == sorted(n for n in newsgraph.__all__ if n in dir(newsgraph))
        try:
            newsgraph.nothing
        except AttributeError as exc:
            assert "nothing" in str(exc)
        else:
            raise AssertionError("no AttributeError")
    """)


def test_cli_help_imports_no_reader() -> None:
    assert_runs("""
        import sys
        from typer.testing import CliRunner
        from newsgraph.cli import app
        result = CliRunner().invoke(app, ["--help"])
        assert result.exit_code == 0 and "ingest" in result.output, result.output
        loaded = [m for m in ("spacy", "pandas", "newsgraph.api") if m in sys.modules]
        assert not loaded, loaded
    """)
