"""Shared fixtures: the model is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# A stage that gives up on a sentence raises under test instead of thinning the output.
os.environ.setdefault("NEWSGRAPH_STRICT", "1")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REFERENCE = SHARED / "articles" / "wapo-sessions-2017-06-06.txt"
GOLD = SHARED / "gold" / "wapo-sessions-2017-06-06.json"
CORPUS = SHARED / "corpus"
EVAL_DATA = SHARED / "eval-data"


def needs_shared(path: Path) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not available")


@pytest.fixture(scope="session")
def reader():
    from newsgraph import Reader

    return Reader()


@pytest.fixture(scope="session")
def nlp(reader):
    return reader.nlp


@pytest.fixture(scope="session")
def reference_text() -> str:
    """The reference article as cleaning should leave it: byline and blog boilerplate dropped, lines joined.

    Built by hand, not by the cleaning stage, so each extractor's reference test checks that stage alone.
    """
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    return " ".join(line.strip() for line in lines[3:-2] if line.strip())


@pytest.fixture(scope="session")
def reference_record(reader):
    return reader.read(REFERENCE)


@pytest.fixture(scope="session")
def gold() -> dict:
    import json

    return json.loads(GOLD.read_text(encoding="utf-8"))
