from __future__ import annotations

import os

import pytest

from telaah.parallel import fork_map, worker_count


def _square_and_pid(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


@pytest.mark.parametrize(
    ("items", "processes", "expected"),
    [(10, None, 1), (5000, 1, 1), (5000, 2, 2), (1500, 4, 3)],
)
def test_worker_count(items, processes, expected):
    assert worker_count(items, processes=processes, min_items=1000) == expected


def test_fork_map_keeps_order_and_uses_other_processes():
    results = fork_map(_square_and_pid, list(range(8)), processes=2)
    assert [r for r, _ in results] == [x * x for x in range(8)]
    assert {pid for _, pid in results} - {os.getpid()}


def test_one_process_runs_here():
    assert {pid for _, pid in fork_map(_square_and_pid, [1, 2], processes=1)} == {os.getpid()}
