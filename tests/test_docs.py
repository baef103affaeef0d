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


ROOT = DOCS.parent
README = ROOT / "README.md"
#: A bash block in a Markdown page.
_BASH_BLOCK = re.compile(r"```bash\n(.*?)```", re.S)
#: The paths a ``newsgraph read`` command reads (up to the first option, pipe or comment).
_READ_ARGS = re.compile(r"newsgraph read ((?:[^\s|#>-][^\s|#>]*\s*)+)")


def _read_inputs(command: str) -> list[str]:
    return [arg for match in _READ_ARGS.finditer(command) for arg in match.group(1).split()]


def test_the_readmes_first_command_reads_a_file_in_the_repository():
    """A fresh clone has no ../shared: the Quick start must run on what the repository ships."""
    first = _BASH_BLOCK.search(README.read_text(encoding="utf-8")).group(1)
    inputs = _read_inputs(first)
    assert inputs, f"the first command reads nothing: {first!r}"
    for name in inputs:
        path = (ROOT / name).resolve()
        assert path.is_relative_to(ROOT), f"{name} is outside the repository"
        assert path.is_file(), f"{name} does not exist"


def test_every_example_the_docs_read_exists():
    pages = [README, ROOT / "examples" / "README.md"]
    named = [(page.name, name) for page in pages for block in _BASH_BLOCK.findall(page.read_text(encoding="utf-8"))
             for name in _read_inputs(block) if name.startswith("examples/")]
    assert named
    missing = [(page, name) for page, name in named if not (ROOT / name).is_file()]
    assert not missing
