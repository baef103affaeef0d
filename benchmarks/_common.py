"""Helpers shared by the benchmark scripts: corpus texts, timing, machine description."""

from __future__ import annotations

import os
import platform
import resource
import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def best_of(repeat: int, fn: Callable[[], T]) -> tuple[T, float]:
    """The fastest of ``repeat`` runs: the least disturbed by other work on the machine."""
    best: tuple[T, float] | None = None
    for _ in range(max(1, repeat)):
        result, seconds = timed(fn)
        if best is None or seconds < best[1]:
            best = (result, seconds)
    assert best is not None
    return best


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> dict[str, Any]:
    return {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()}
