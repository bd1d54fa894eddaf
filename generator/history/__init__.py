"""Comparing a change with its base branch (``carbonreg check --base REF``).

``git.py`` is the only module that runs git; ``context.py`` reads the change once; ``rules.py``
holds one function per rule (codes H1xx); :func:`check_change` runs them all."""
from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

from generator.caches import Caches
from generator.findings import Finding, sorted_findings
from generator.history.context import read_change
from generator.history.git import GitError
from generator.history.rules import HISTORY_RULES

__all__ = ["GitError", "check_change", "check_with_base", "git_listing"]


def check_change(registry: Path, base_ref: str, caches: Caches | None = None) -> list[Finding]:
    """Findings on the change from ``base_ref`` to the work tree, for the registry at ``registry``."""
    ctx = read_change(registry, base_ref, Caches.from_environment() if caches is None else caches)
    findings: list[Finding] = []
    for rule in HISTORY_RULES:
        findings.extend(rule(ctx))
    return findings


def git_listing(registry: Path):
    """Every file of the registry from git's index (unchanged files with their blob ids), for the
    incremental check to key files without stat-ing each one."""
    from generator.history import git
    from generator.incremental.listed import Listing

    repo = git.repo_root(registry.resolve())
    rel = Path(os.path.relpath(registry.resolve(), repo)).as_posix()
    prefix = "" if rel == "." else rel + "/"
    files, folders = git.index_listing(repo, "" if rel == "." else rel)
    return Listing({p[len(prefix):]: blob for p, blob in files.items() if p.startswith(prefix)},
                   tuple(f[len(prefix):] for f in folders if f.startswith(prefix)))


def check_with_base(registry: Path, today: date, shown_root: str | None, base_ref: str, review: bool = False,
                    caches: Caches | None = None):
    """The full registry check (double counting spans every event) plus the change rules; with
    ``review``, also what the change is (its files, and its events' totals) for the review comment."""
    from generator.incremental.check import check_incremental

    caches = Caches.from_environment() if caches is None else caches
    ctx = read_change(registry, base_ref, caches)  # first: a bad base fails before the long check
    history = [finding for rule in HISTORY_RULES for finding in rule(ctx)]
    result = check_incremental(registry, today, shown_root, caches=caches, jobs=os.cpu_count() or 1,
                               listing=git_listing(registry))
    result = replace(result, findings=tuple(sorted_findings([*result.findings, *history])))
    if review:
        from generator.history.review import review_of

        result = replace(result, review=review_of(ctx, registry, today, shown_root or str(registry)))
    return result
