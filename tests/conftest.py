"""Shared fixtures: the model is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from _paths import CORPUS, EVAL_DATA, GOLD, REFERENCE, SAMPLE30, SHARED, needs_shared, require

# A stage that gives up on a sentence raises under test instead of thinning the output.
os.environ.setdefault("NEWSGRAPH_STRICT", "1")

ROOT = Path(__file__).resolve().parents[1]
# The paths into the shared data live in _paths (test modules import them from there); re-exported here.
__all__ = ["CORPUS", "EVAL_DATA", "GOLD", "REFERENCE", "ROOT", "SAMPLE30", "SHARED", "needs_shared", "require"]


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
    require(REFERENCE)
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    return " ".join(line.strip() for line in lines[3:-2] if line.strip())


@pytest.fixture(scope="session")
def reference_record(reader):
    require(REFERENCE)
    return reader.read(REFERENCE)


@pytest.fixture(scope="session")
def gold() -> dict:
    import json

    require(GOLD)
    return json.loads(GOLD.read_text(encoding="utf-8"))
