"""Every command the CLI registers is in docs/cli.md, and every doc page it links exists."""

import re
from pathlib import Path

import typer

from newsgraph.cli import app

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _command_paths(command, prefix=()):
    for name, sub in getattr(command, "commands", {}).items():
        path = (*prefix, name)
        yield " ".join(path)
        yield from _command_paths(sub, path)


COMMANDS = sorted(_command_paths(typer.main.get_command(app)))


def test_there_are_commands():
    assert {"read", "schema", "ingest", "eval html"} <= set(COMMANDS)


def test_every_command_is_in_the_reference():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    missing = [c for c in COMMANDS if c != "eval" and f"`newsgraph {c}" not in text]
    assert not missing


def test_links_point_to_existing_pages():
    for page in DOCS.glob("*.md"):
        for target in re.findall(r"\]\(([^)#]+\.md)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"
