"""Fixtures shared by the entity tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def parse(nlp):
    """The model's own parse, without the other newsgraph stages (they are tested elsewhere)."""
    later = [name for name in nlp.pipe_names if name.startswith("newsgraph_")]
    return lambda text: nlp(text, disable=later)
