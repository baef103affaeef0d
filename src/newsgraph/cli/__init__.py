"""The ``newsgraph`` command line: a thin layer over ``newsgraph.api``, ``newsgraph.corpus`` and ``newsgraph.store``.

Each command lives in its own module of this package and registers itself on
``app`` (or ``eval_app``); this module only imports them. Errors from
``newsgraph.errors`` become a one-line message and a non-zero exit code.
Commands import the reader (and spaCy) only when they read, so ``--help``,
the queries and ``serve`` start fast.
"""

from __future__ import annotations

import sys

from newsgraph.cli import corpus as _corpus  # noqa: F401
from newsgraph.cli import dedupe as _dedupe  # noqa: F401
from newsgraph.cli import evaluate as _evaluate  # noqa: F401

# Command modules register themselves on import.
from newsgraph.cli import read as _read  # noqa: F401
from newsgraph.cli import scale as _scale  # noqa: F401
from newsgraph.cli import serve as _serve  # noqa: F401
from newsgraph.cli import timeline as _timeline  # noqa: F401
from newsgraph.cli._app import app, eval_app
from newsgraph.errors import NewsgraphError


def main() -> None:
    """Console entry point."""
    try:
        app()
    except NewsgraphError as exc:  # one a command did not catch itself: still one line, no traceback
        sys.stderr.write(f"newsgraph: {exc}\n")
        sys.exit(1)
    except KeyboardInterrupt:
        sys.stderr.write("newsgraph: interrupted\n")
        sys.exit(130)


__all__ = ["app", "eval_app", "main"]
