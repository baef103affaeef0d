"""The corpus store: SQLite-backed ingest, cross-article entities, queries, exports."""
