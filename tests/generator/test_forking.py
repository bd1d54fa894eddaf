"""generator/forking.py: work items on forked processes give what one process gives, the shared
state reaches every worker through the pool's initializer, and the parent keeps no copy of it."""
from __future__ import annotations

import os

import pytest

from generator import forking


def _square_chunk(shared, chunk):
    offset, seen_by = shared
    return [(item, item * item + offset, os.getpid()) for item in chunk]


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_item_once_with_the_shared_state(monkeypatch, jobs):
    monkeypatch.setattr(forking, "MIN_ITEMS_PER_JOB", 5)
    items = list(range(40))
    parts = forking.fork_map(_square_chunk, (1000, "parent"), items, jobs)
    done = sorted(row[:2] for part in parts for row in part)
    assert done == [(i, i * i + 1000) for i in range(40)]
    pids = {row[2] for part in parts for row in part}
    if jobs == 1 or "fork" not in __import__("multiprocessing").get_all_start_methods():
        assert pids == {os.getpid()}
    else:
        assert os.getpid() not in pids and len(parts) == jobs * forking.CHUNKS_PER_JOB
    assert forking._worker == ()  # only workers hold the shared state


def test_how_many_processes():
    assert forking.processes_for(10, 8) == 1                      # too few items for a second process
    assert forking.processes_for(100, 1) == 1                     # never more than asked
    assert forking.processes_for(100, 2) == min(2, os.cpu_count() or 1)


def test_chunks_deal_items_round_robin():
    assert forking.chunked(list(range(10)), 1) == [[0, 4, 8], [1, 5, 9], [2, 6], [3, 7]]
