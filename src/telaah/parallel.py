"""Spread a batch of work over the machine's cores with forked worker processes.

Forking shares the parent's loaded state (Sastrawi's dictionary, compiled
regular expressions) without pickling it, so workers start at once.  It is
used on Linux only; elsewhere, and for small batches, work stays in one
process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import TypeVar

__all__ = ["usable_cores", "worker_count", "fork_map"]

T = TypeVar("T")
R = TypeVar("R")


def usable_cores() -> int:
    """The number of CPU cores this process may run on (its affinity mask where the OS has one).

    The one count of cores every parallel part of Telaah uses: the forked
    workers of :func:`worker_count` and the threads of
    :func:`telaah.topics.choose_k`.

    Returns
    -------
    int
        At least 1.

    Examples
    --------
    >>> usable_cores() >= 1
    True
    """
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def worker_count(items: int, *, processes: int | None, min_items: int) -> int:
    """How many processes to use for ``items`` units of work.

    ``processes=1`` or fewer than ``min_items`` units: one.  Otherwise up to
    ``processes`` (default: the usable cores), at most one per ``min_items // 2``
    units, and only where forking is safe (Linux).

    Examples
    --------
    >>> worker_count(10, processes=None, min_items=1000)
    1
    """
    if processes == 1 or items < min_items:
        return 1
    if sys.platform != "linux" or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(processes or usable_cores(), items // max(1, min_items // 2)))


def fork_map(func: Callable[[T], R], chunks: Sequence[T], *, processes: int) -> list[R]:
    """``[func(c) for c in chunks]``, over ``processes`` forked workers when more than one.

    ``func`` must be a module-level function; it sees the parent's state as
    it was at the fork.  If the workers cannot be started, the work is done
    in this process with a ``RuntimeWarning``.
    """
    if processes > 1 and len(chunks) > 1:
        try:
            with multiprocessing.get_context("fork").Pool(processes) as pool:
                return pool.map(func, chunks)
        except OSError as exc:  # e.g. no more processes allowed
            warnings.warn(f"working in one process: could not start {processes} ({exc})", RuntimeWarning, stacklevel=2)
    return [func(chunk) for chunk in chunks]
