"""Corpus store commands (ingest, search, entity, timeline, quotes, sources, stats, export)."""
