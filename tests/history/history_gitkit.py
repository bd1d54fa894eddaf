"""Helpers for the history tests: real git repositories in temporary folders holding the sample
registry committed on ``main``, with a ``pr`` branch checked out."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

REPO = Path(__file__).resolve().parents[2]
EXPO = "registry/events/2025/2025-yrd-green-building-expo"          # has a certificate.json
SALON = "registry/events/2025/2025-campus-sustainability-salon"     # declaration, no certificate
FORUM = "registry/events/2026/2026-pujiang-low-carbon-forum"        # open: plan, report, retirement, certificate (basic)
FESTIVAL = "registry/events/2026/2026-riverside-light-art-festival"  # plan only
TODAY = "2026-07-01"


class GitRepo:
    def __init__(self, root: Path):
        self.root = root

    def git(self, *args: str) -> str:
        done = subprocess.run(["git", "-C", str(self.root), *args], capture_output=True, text=True, check=True)
        return done.stdout

    def path(self, rel: str) -> Path:
        return self.root / rel

    def write(self, rel: str, text: str) -> Path:
        p = self.path(rel)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        return p

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def edit(self, rel: str, old: str, new: str) -> None:
        text = self.read(rel)
        assert old in text, (rel, old)
        self.write(rel, text.replace(old, new, 1))

    def copy(self, src: str, dst: str) -> None:
        shutil.copytree(self.path(src), self.path(dst))

    def commit(self, message: str = "change") -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--no-verify", "-m", message)
        return self.git("rev-parse", "HEAD").strip()


def make_repo(root: Path) -> GitRepo:
    root.mkdir(parents=True, exist_ok=True)
    repo = GitRepo(root)
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "user.name", "Test Organizer")
    repo.git("config", "user.email", "organizer@example.org")
    repo.git("config", "commit.gpgsign", "false")
    shutil.copytree(pristine_sample(), root / "registry")
    shutil.copytree(REPO / "schemas", root / "schemas")
    repo.write("README.md", "# a registry repository\n")
    repo.commit("sample registry")
    repo.git("checkout", "-q", "-b", "pr")
    return repo
