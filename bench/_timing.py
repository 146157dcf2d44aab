"""The one timing helper of the bench scripts (imported as ``from _timing import best_of``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def best_of(func: Callable[[], T], repeat: int) -> tuple[float, T]:
    """Run ``func`` ``repeat`` times (at least once): the best time in seconds and the last result."""
    best, result = float("inf"), None
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - started)
    return best, result  # type: ignore[return-value]
