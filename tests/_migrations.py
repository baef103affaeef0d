"""Undo one derived-table migration in a test store, as if the store had been made before it existed."""

from __future__ import annotations

from pathlib import Path

from newsgraph.store import Store


def forget_migration(store: Store, prefix: str, migration: str) -> Path:
    """Drop the tables and triggers named ``prefix…`` and the record of ``migration``, then close ``store``.

    Reopening the returned path runs the migration again, which must count the derived table from the
    rows; the tests compare what it counts with what the triggers kept. ``prefix`` is matched literally
    (``_`` is no wildcard), and triggers go before their tables.
    """
    pattern = prefix.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + "%"
    with store.transaction() as c:
        found = c.execute("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'trigger') "
                          "AND name LIKE ? ESCAPE '\\' ORDER BY type = 'table'", (pattern,)).fetchall()
        assert found, f"no table or trigger named {prefix}…"
        for kind, name in found:
            c.execute(f"DROP {kind} {name}")
        c.execute("DELETE FROM _migrations WHERE name = ?", (migration,))
    path = store.path
    store.close()
    return path
