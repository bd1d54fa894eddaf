"""Render the per-event pages (the bulk of a large site) on several cores.

Workers are forked after the model is computed, so they share it without copying or pickling; each
returns the bytes of its pages. The output is the same as rendering in one process (a test checks)."""
from __future__ import annotations

import multiprocessing
import os
from typing import Iterator

from generator.site import pages

_SHARED: dict = {}
MIN_EVENTS_PER_JOB = 100  # below this, starting processes costs more than it saves


def _render(indices: list[int]) -> list[tuple[str, bytes]]:
    model, base_url = _SHARED["model"], _SHARED["base_url"]
    events = [model.events[i] for i in indices]
    return list(pages.event_pages(model, base_url, events)) + list(pages.credential_pages(model, base_url, events))


def per_event_pages(model, base_url: str | None, jobs: int) -> Iterator[tuple[str, bytes]]:
    count = len(model.events)
    jobs = max(1, min(jobs, count // MIN_EVENTS_PER_JOB, os.cpu_count() or 1))
    if jobs == 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from pages.event_pages(model, base_url)
        yield from pages.credential_pages(model, base_url)
        return
    _SHARED.update(model=model, base_url=base_url)
    chunks = [list(range(start, count, jobs * 8)) for start in range(jobs * 8)]
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for result in pool.imap_unordered(_render, chunks):
                yield from result
    finally:
        _SHARED.clear()
