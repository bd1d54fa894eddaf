"""Independent work items on several forked processes: the one place that decides how many
processes, how the items are split, and how the shared read-only state reaches the workers.

The state (the registry-wide records, a build's job) is handed to each worker once by the pool's
initializer; with the ``fork`` start method it is inherited, not pickled. Without ``fork`` (or with
few items) everything runs in this process, with the same results."""
from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Sequence, TypeVar

from generator.progress import QUIET, Progress

MIN_ITEMS_PER_JOB = 50  # below this, starting processes costs more than it saves
CHUNKS_PER_JOB = 4      # several chunks per process, so one slow chunk does not idle the others

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")


def processes_for(items: int, jobs: int) -> int:
    """How many processes ``items`` work items are worth, at most ``jobs`` and the cores."""
    return max(1, min(jobs, items // MIN_ITEMS_PER_JOB, os.cpu_count() or 1))


def chunked(items: Sequence[T], jobs: int) -> list[list[T]]:
    """``items`` dealt round-robin into ``jobs * CHUNKS_PER_JOB`` chunks (a mix of sizes in each)."""
    n = jobs * CHUNKS_PER_JOB
    return [list(items[i::n]) for i in range(n)]


def fork_map(work: Callable[[S, list[T]], R], shared: S, items: Sequence[T], jobs: int,
             progress: Progress = QUIET, label: str = "") -> list[R]:
    """``work(shared, chunk)`` for chunks of ``items``, on up to ``jobs`` forked processes; one
    result per chunk, in chunk order. In this process (one job or no fork), each item is its own
    chunk when progress is shown, else all items are one chunk."""
    jobs = processes_for(len(items), jobs)
    if jobs == 1 or "fork" not in multiprocessing.get_all_start_methods():
        chunks = [[item] for item in items] if progress is not QUIET else [list(items)]
        out = []
        for done, chunk in enumerate(chunks, 1):
            progress.tick(done, len(chunks), label)
            out.append(work(shared, chunk))
        return out
    chunks = chunked(items, jobs)
    out = []
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_start_worker, initargs=(work, shared)) as pool:
        for done, part in enumerate(pool.imap(_run_chunk, chunks), 1):
            progress.tick(done, len(chunks), label)
            out.append(part)
    return out


# In a worker process only: what its pool's initializer was given (never set in the parent).
_worker: tuple = ()


def _start_worker(work, shared) -> None:
    global _worker
    _worker = (work, shared)


def _run_chunk(chunk):
    work, shared = _worker
    return work(shared, chunk)
