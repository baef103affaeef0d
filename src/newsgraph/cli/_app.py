"""The typer applications and helpers every command module shares."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer
from rich.console import Console

from newsgraph.errors import NewsgraphError

app = typer.Typer(
    name="newsgraph",
    help="Turn news articles into structured, auditable records, and a corpus of them into a store.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure newsgraph against public gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

console = Console()
err_console = Console(stderr=True)


def warn(message: str) -> None:
    """One unwrapped line on stderr, so scripts can grep it."""
    sys.stderr.write(f"newsgraph: {message}\n")
    sys.stderr.flush()


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line to stderr and exit: never a traceback."""
    warn(message)
    raise typer.Exit(code)


def handle(exc: NewsgraphError) -> NoReturn:
    fail(str(exc))


def write_line(text: str) -> None:
    sys.stdout.write(text + "\n")
