"""Paths into the shared development data, for every test that reads it.

The data lives in ``$NEWSGRAPH_SHARED`` (default: ``shared/`` beside the checkout,
see :mod:`newsgraph.evaluate.shared`). A fresh clone has none of it, so each
test that needs a path marks itself with :func:`needs_shared` (or calls
:func:`require`) and skips, naming the missing path, instead of erroring.

Test modules import this as ``from _paths import ...``: pytest runs with
``--import-mode=importlib``, which does not make ``conftest`` importable, so
``tests/`` is on pytest's ``pythonpath`` for this one module.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluate.shared import SHARED_ENV, shared_dir

SHARED = shared_dir()
ARTICLES = SHARED / "articles"
REFERENCE = ARTICLES / "wapo-sessions-2017-06-06.txt"
GOLD = SHARED / "gold" / "wapo-sessions-2017-06-06.json"
CORPUS = SHARED / "corpus"
SAMPLE30 = CORPUS / "sample30"
EVAL_DATA = SHARED / "eval-data"


def _reason(missing: list[Path]) -> str:
    names = ", ".join(str(p) for p in missing)
    return f"shared data not available: {names} (set {SHARED_ENV} to the shared data directory)"


def needs_shared(*paths: Path) -> pytest.MarkDecorator:
    """Skip the marked test (or module, as ``pytestmark``) unless every path exists."""
    missing = [p for p in paths if not p.exists()]
    return pytest.mark.skipif(bool(missing), reason=_reason(missing))


def require(*paths: Path) -> None:
    """Skip the running test or fixture unless every path exists."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        pytest.skip(_reason(missing))


#: Held-out sets drawn together from one pool in one round, one of each kind (mentions, main events, quotes),
#: as repository paths. A page may be in each set of its group, since the kinds are scored apart; no other
#: file may name it.
SISTER_SETS: tuple[frozenset[str], ...] = (
    frozenset({"benchmarks/data/mentions_report10.json", "benchmarks/data/main_events_report11.json",
               "tests/extract/attribution/data/handchecked_report10.json"}),
)


def sister_sets(path: str) -> set[str]:
    """The repository paths of the sets drawn with the set at ``path`` (see :data:`SISTER_SETS`), itself excluded."""
    return {other for group in SISTER_SETS if path in group for other in group if other != path}

