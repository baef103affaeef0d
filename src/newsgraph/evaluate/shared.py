"""Where the shared development data is: ``$NEWSGRAPH_SHARED``, else ``shared/`` beside the checkout.

The evaluations, the benchmarks and the tests read corpora, gold files and
evaluation data from one directory that a plain clone does not have. One
function says where it is, so pointing ``NEWSGRAPH_SHARED`` elsewhere (or at
nothing) moves every reader of it at once.
"""

from __future__ import annotations

import os
from pathlib import Path

#: The environment variable naming the shared data directory.
SHARED_ENV = "NEWSGRAPH_SHARED"
#: The checkout this module lives in (``src/newsgraph/evaluate/`` is three levels down).
CHECKOUT = Path(__file__).resolve().parents[3]


def shared_dir() -> Path:
    """``$NEWSGRAPH_SHARED`` when set, else the ``shared`` directory beside the checkout."""
    env = os.environ.get(SHARED_ENV)
    return Path(env) if env else CHECKOUT.parent / "shared"
