"""newsgraph: turn news articles into structured, auditable records.

``Reader``, ``read`` and ``Store`` are loaded on first use (module
``__getattr__``), so ``import newsgraph.store`` or ``newsgraph serve`` never
pays for spaCy, and ``import newsgraph.record`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from newsgraph.errors import InputError, ModelError, NewsgraphError, StoreError
from newsgraph.record import SCHEMA, Record

if TYPE_CHECKING:
    from newsgraph.api import Reader, read
    from newsgraph.store import Store

#: Public names loaded lazily, and the module each comes from.
_LAZY = {"Reader": "newsgraph.api", "read": "newsgraph.api", "Store": "newsgraph.store"}


def __getattr__(name: str) -> Any:
    """Import ``newsgraph.api`` (spaCy) or ``newsgraph.store`` when one of their names is first used."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "SCHEMA",
    "InputError",
    "ModelError",
    "NewsgraphError",
    "Reader",
    "Record",
    "Store",
    "StoreError",
    "__version__",
    "read",
]
