"""The corpus store: SQLite-backed ingest, cross-article entities, queries, exports.

``Store`` is the door; ``newsgraph.store.ingest``, ``entities``, ``queries`` and
``export`` hold the work, each over a plain ``sqlite3`` connection.
"""

from newsgraph.store.db import TABLES, Store
from newsgraph.store.entities import EntityRef, name_key
from newsgraph.store.ingest import IngestReport
from newsgraph.store.queries import EntityProfile, SourcingReport
from newsgraph.store.rows import RawInput

__all__ = ["TABLES", "EntityProfile", "EntityRef", "IngestReport", "RawInput", "SourcingReport", "Store", "name_key"]
