"""newsgraph: turn news articles into structured, auditable records."""

__version__ = "0.1.0"

from newsgraph.api import Reader, read
from newsgraph.errors import InputError, ModelError, NewsgraphError
from newsgraph.record import SCHEMA, Record

__all__ = ["SCHEMA", "InputError", "ModelError", "NewsgraphError", "Reader", "Record", "__version__", "read"]
