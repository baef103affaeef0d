"""Every corpus store command is documented in docs/store.md (with an example)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.cli import corpus

DOC = Path(__file__).resolve().parents[2] / "docs" / "store.md"
COMMANDS = ["ingest", "failures", "reprocess", "search", "quotes", "sources", "stats", "export"]
ENTITY_COMMANDS = ["list", "merge", "split"]


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_a_section_with_real_output(name):
    text = DOC.read_text(encoding="utf-8")
    assert f"## {name}" in text
    assert f"$ newsgraph {name}" in text


@pytest.mark.parametrize("name", ENTITY_COMMANDS)
def test_entity_subcommands_are_documented(name):
    assert f"newsgraph entity {name}" in DOC.read_text(encoding="utf-8")


def test_documented_commands_are_the_registered_ones():
    registered = {c.name or c.callback.__name__ for c in corpus.app.registered_commands}
    assert set(COMMANDS) <= registered
    sub = {c.name for c in corpus.entity_app.registered_commands}
    assert sub == {"show", *ENTITY_COMMANDS}
