"""The corpus store: records in SQLite, cross-article entities, queries, exports.

``Store`` is the door; ``newsgraph.store.ingest`` (the store's side of an
ingest: what is new, one transaction per record), ``entities``, ``queries`` and
``export`` hold the work, each over a plain ``sqlite3`` connection. The store
imports no spaCy and no pandas (queries import it when they return a
DataFrame): reading inputs and parsing them is ``newsgraph.corpus``'s work,
which ``Store.ingest`` calls.
"""

from newsgraph.store.db import TABLES, Store
from newsgraph.store.entities import EntityRef, name_key
from newsgraph.store.ingest import IngestReport
from newsgraph.store.queries import EntityProfile, SourcingReport
from newsgraph.store.rows import RawInput

__all__ = ["TABLES", "EntityProfile", "EntityRef", "IngestReport", "RawInput", "SourcingReport", "Store", "name_key"]
