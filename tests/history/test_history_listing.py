"""``check --base`` keys files from git's index instead of stat-ing each one: the ids, memo keys and
findings are the ones the full scan gives (real git repositories in temporary folders)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from history_gitkit import FESTIVAL, FORUM, TODAY

from generator.caches import Caches
from generator.findings import sorted_findings
from generator.history import check_change, check_with_base, git_listing
from generator.incremental.check import check_incremental
from generator.incremental.fileids import FileIds
from generator.incremental.listed import ListedFileIds
from generator.incremental.store import Store
from generator.pipeline import check_whole

DAY = date.fromisoformat(TODAY)
NEW = "registry/events/2026/2026-riverside-light-art-festival-encore"


def _change(repo) -> None:
    """A pull request: one added event (committed), one edited event (edited without staging: its
    index blob is the base's, whose SHA-256 the cache knows, so only git's stat check of the work tree
    tells it changed), an untracked file, an ignored stray file and a staged-then-reverted file."""
    repo.copy(FESTIVAL, NEW)
    repo.edit(f"{NEW}/plan.yaml", "id: 2026-riverside-light-art-festival", "id: 2026-riverside-light-art-festival-encore")
    repo.write(".gitignore", "*.bak\n")
    repo.commit("add an event")
    repo.edit(f"{FORUM}/plan.yaml", "on_site_participants: 1200", "on_site_participants: -5")  # a finding
    repo.write(f"{NEW}/notes.txt", "untracked\n")
    repo.write(f"{FORUM}/plan.yaml.bak", "ignored by .gitignore, still a stray file\n")
    before = repo.read(f"{FESTIVAL}/plan.yaml")
    repo.edit(f"{FESTIVAL}/plan.yaml", "kind: performance", "kind: exhibition")
    repo.git("add", f"{FESTIVAL}/plan.yaml")
    repo.write(f"{FESTIVAL}/plan.yaml", before)  # the index holds a blob the work tree does not


def _messages(findings) -> list:
    return [(f.code, f.message, f.location, f.related) for f in findings]


def test_same_keys_and_findings_as_the_full_scan(repo, tmp_path, monkeypatch):
    monkeypatch.setenv("CARBONREG_CACHE", str(tmp_path / "cache"))
    registry = repo.path("registry")
    check_incremental(registry, DAY, "registry")  # the memo a build of the base branch leaves (CI cache)
    _change(repo)
    with_git = check_with_base(registry, DAY, "registry", "main")
    scanned = check_incremental(registry, DAY, "registry", caches=Caches(tmp_path / "other-cache"))
    assert with_git.keys == scanned.keys
    whole = check_whole(registry, DAY, "registry")
    reference = sorted_findings([*whole.findings, *check_change(registry, "main")])
    assert _messages(with_git.findings) == _messages(reference)
    codes = {f.code for f in with_git.findings}
    assert any(f.location.path.endswith("plan.yaml.bak") for f in with_git.findings)  # the ignored stray file
    assert any(f.code == "S208" and f.location.path == f"{FORUM}/plan.yaml" for f in with_git.findings), codes  # the unstaged edit (a negative count)


def test_unchanged_files_are_not_read_once_their_blobs_are_known(repo, tmp_path):
    registry = repo.path("registry")
    store = Store(tmp_path / "cache")
    try:
        full = FileIds(registry, store)
        full.tree(str(registry))
        full.save()  # every hash also fills the blob table (git blob id -> SHA-256)
        _change(repo)
        listed = ListedFileIds(registry, store, git_listing(registry))
        got = listed.tree(str(registry))
        assert got == FileIds(registry, Store(None)).tree(str(registry))  # a fresh scan, no cache at all
        read = {Path(p).relative_to(registry.resolve()).as_posix() for p in listed.read}
        events = "events/2026/2026-"
        assert read == {f"{events}pujiang-low-carbon-forum/plan.yaml",      # edited, not staged
                        f"{events}pujiang-low-carbon-forum/plan.yaml.bak",  # ignored
                        f"{events}riverside-light-art-festival/plan.yaml",  # its index blob is not the work tree's
                        f"{events}riverside-light-art-festival-encore/plan.yaml",  # a blob never seen
                        f"{events}riverside-light-art-festival-encore/notes.txt"}  # untracked
        assert len(got) > 3 * len(read)
    finally:
        store.close()
