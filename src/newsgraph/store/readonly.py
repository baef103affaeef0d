"""How a store is opened for reading only, also where nothing may be written.

Standard library only (it is loaded on its own by a test that runs as an
unprivileged user, with no newsgraph dependencies installed for that user).
"""

from __future__ import annotations

import os
from pathlib import Path


def readonly_uri(path: str | Path) -> str:
    """The SQLite URI that opens ``path`` for queries only.

    ``mode=ro`` never writes the store, but a WAL store still needs its ``-shm``
    file, which SQLite cannot create in a read-only directory (or on read-only
    media): "attempt to write a readonly database". There, when no ``-wal`` file
    holds commits the main file lacks, the store is opened ``immutable=1`` —
    nobody can be writing it, so SQLite may skip the shared memory and locks.
    """
    file = Path(path).resolve()
    wal = file.with_name(file.name + "-wal")
    unwritable = not os.access(file.parent, os.W_OK)
    settled = not wal.exists() or wal.stat().st_size == 0
    return file.as_uri() + ("?mode=ro&immutable=1" if unwritable and settled else "?mode=ro")
