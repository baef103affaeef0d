"""newsgraph: turn news articles into structured, auditable records."""

__version__ = "0.1.0"

from newsgraph.api import Reader, read
from newsgraph.errors import InputError, ModelError, NewsgraphError, StoreError
from newsgraph.record import SCHEMA, Record
from newsgraph.store import Store

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
