from __future__ import annotations

import os
import sys

import pytest

from telaah.parallel import fork_map, usable_cores, worker_count


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


def test_usable_cores_counts_the_cores_this_process_may_use():
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert usable_cores() == expected >= 1


@pytest.mark.skipif(sys.platform != "linux", reason="worker processes are used on Linux only")
def test_worker_count_defaults_to_the_usable_cores(monkeypatch):
    import telaah.parallel

    monkeypatch.setattr(telaah.parallel, "usable_cores", lambda: 3)
    assert worker_count(100_000, processes=None, min_items=1000) == 3


@pytest.mark.parametrize(("cores", "threads"), [(1, None), (3, 3), (16, 4)])
def test_choose_k_threads_follow_the_same_core_count(monkeypatch, cores, threads):
    import concurrent.futures

    import telaah.topics.choose
    from telaah.topics import choose_k

    assert telaah.topics.choose.usable_cores is usable_cores  # one count of cores, not a copy
    pools = []
    original = concurrent.futures.ThreadPoolExecutor

    def recording(*args, **kwargs):
        pools.append(kwargs.get("max_workers"))
        return original(*args, **kwargs)

    monkeypatch.setattr(telaah.topics.choose, "usable_cores", lambda: cores)
    monkeypatch.setattr(concurrent.futures, "ThreadPoolExecutor", recording)
    texts = ["Ekspor dan impor naik.", "Tarif impor dan ekspor.", "Rudal dan pasukan.", "Pasukan menembakkan rudal."]
    choose_k(texts, ks=[2], random_states=(0, 1))
    assert pools == ([] if threads is None else [threads])
