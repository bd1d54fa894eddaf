"""Every git call of the history check, through ``subprocess`` (no library): what changed since a
base, and what a file held at a commit."""
from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.errors import CarbonregError

_TIMEOUT = 120
_ENV = {"GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}


class GitError(CarbonregError):
    """A git command failed: not a repository, unknown base, or git missing."""
    exit_code = 2


@dataclass(frozen=True)
class Change:
    """One changed file, paths relative to the repository root (posix).

    ``status`` is one of A (added), M (modified), D (deleted), R (renamed: ``old`` -> ``path``),
    T (type changed), C (copied)."""

    status: str
    path: str
    old: str | None = None


def _git(repo: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], input=stdin, capture_output=True,
                              timeout=_TIMEOUT, env={**os.environ, **_ENV}, check=False)
    except FileNotFoundError:
        raise GitError("找不到 git 命令", "the git command is not installed") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} 超时", f"git {args[0]} timed out") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        last = detail[-1] if detail else f"exit {done.returncode}"
        raise GitError(f"git {args[0]} 失败：{last}", f"git {args[0]} failed: {last}")
    return done.stdout


def repo_root(path: Path) -> Path:
    """The top folder of the git work tree that holds ``path``."""
    try:
        out = _git(path, "rev-parse", "--show-toplevel")
    except GitError:
        raise GitError(f"{path} 不在 git 仓库中", f"{path} is not inside a git repository") from None
    return Path(out.decode("utf-8").strip()).resolve()


def base_commit(repo: Path, ref: str) -> str:
    """The commit to compare with: the merge base of ``ref`` and HEAD (what a pull request adds),
    or ``ref`` itself when there is no common history (e.g. a shallow clone)."""
    if ref.startswith("-"):
        raise GitError(f"无效的基准引用：{ref!r}", f"invalid base ref: {ref!r}")
    try:
        commit = _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"找不到基准引用 {ref!r}（在 CI 中请先 fetch 基准分支，例如 actions/checkout 的 fetch-depth: 0）",
                       f"base ref {ref!r} not found (in CI fetch the base branch first, e.g. fetch-depth: 0 in actions/checkout)") from None
    try:
        return _git(repo, "merge-base", commit, "HEAD").decode().strip()
    except GitError:
        return commit


def changes(repo: Path, base: str) -> list[Change]:
    """Files that differ between ``base`` and the work tree (staged, unstaged and untracked)."""
    out = _git(repo, "diff", "--name-status", "-M", "-z", "--no-ext-diff", base, "--")
    fields = out.decode("utf-8", "surrogateescape").split("\0")
    found: list[Change] = []
    i = 0
    while i < len(fields) and fields[i]:
        status = fields[i][0]
        if status in "RC":
            found.append(Change(status, fields[i + 2], fields[i + 1]))
            i += 3
        else:
            found.append(Change(status, fields[i + 1]))
            i += 2
    untracked = _git(repo, "ls-files", "--others", "--exclude-standard", "-z")
    for path in untracked.decode("utf-8", "surrogateescape").split("\0"):
        if path:
            found.append(Change("A", path))
    return sorted(found, key=lambda c: (c.path, c.status))


def first_changed_line(repo: Path, base: str, path: str) -> int:
    """The first line of ``path`` in the work tree that differs from ``base`` (1 when unknown)."""
    out = _git(repo, "diff", "-U0", "--no-ext-diff", "--no-color", base, "--", path)
    for line in out.decode("utf-8", "replace").splitlines():
        if line.startswith("@@"):
            try:
                start = line.split("+", 1)[1].split(" ", 1)[0].split(",", 1)[0]
                return max(int(start), 1)
            except (IndexError, ValueError):
                return 1
    return 1


def blobs_at(repo: Path, commit: str, under: str = "") -> list[tuple[str, str]]:
    """(path, blob id) of every file in ``commit`` (below ``under`` when given)."""
    args = ["ls-tree", "-r", "-z", commit]
    if under not in ("", "."):
        args += ["--", under]
    out = _git(repo, *args).decode("utf-8", "surrogateescape")
    entries = []
    for item in out.split("\0"):
        if item:
            meta, path = item.split("\t", 1)
            _, kind, blob = meta.split(" ")
            if kind == "blob":
                entries.append((path, blob))
    return entries


def read_objects(repo: Path, ids: list[str], limit: int = 25 * 1024 * 1024) -> dict[str, bytes]:
    """The contents of blobs by id, in one ``git cat-file --batch`` call (missing or larger than
    ``limit``: left out)."""
    return _batch(repo, ids, [f"{i}\n" for i in ids], limit)


def read_at(repo: Path, commit: str, paths: list[str], limit: int = 25 * 1024 * 1024) -> dict[str, bytes]:
    """The contents of ``paths`` at ``commit`` in one ``git cat-file --batch`` call; paths that are
    missing, not files, or larger than ``limit`` are left out."""
    wanted = [p for p in paths if "\n" not in p]
    return _batch(repo, wanted, [f"{commit}:{p}\n" for p in wanted], limit)


def _batch(repo: Path, names: list[str], lines: list[str], limit: int) -> dict[str, bytes]:
    if not names:
        return {}
    out = _git(repo, "cat-file", "--batch", stdin="".join(lines).encode("utf-8", "surrogateescape"))
    blobs: dict[str, bytes] = {}
    pos = 0
    for name in names:
        end = out.index(b"\n", pos)
        header = out[pos:end].split(b" ")
        pos = end + 1
        if len(header) != 3:  # "<object> missing"
            continue
        size = int(header[2])
        if header[1] == b"blob" and size <= limit:
            blobs[name] = out[pos:pos + size]
        pos += size + 1
    return blobs


def commits_since(repo: Path, base: str) -> list[str]:
    """Commits on HEAD that are not in ``base``, oldest first."""
    out = _git(repo, "rev-list", "--reverse", f"{base}..HEAD")
    return out.decode().split()


def files_changed_in(repo: Path, commit: str) -> list[str]:
    """Files added or modified by ``commit`` (against its first parent)."""
    out = _git(repo, "diff-tree", "-r", "-z", "--no-commit-id", "--name-status", "--diff-filter=AMRCT",
               "-M", "--root", commit)
    fields = out.decode("utf-8", "surrogateescape").split("\0")
    paths: list[str] = []
    i = 0
    while i < len(fields) and fields[i]:
        step = 3 if fields[i][0] in "RC" else 2
        paths.append(fields[i + step - 1])
        i += step
    return paths


def init_repository(path: Path) -> None:
    """``git init`` with ``main`` as the first branch (carbonreg init)."""
    _git(path, "init", "-q")
    _git(path, "symbolic-ref", "HEAD", "refs/heads/main")


def index_listing(repo: Path, under: str = "") -> tuple[dict[str, str | None], list[str]]:
    """The files git knows below ``under`` without reading them: (path -> blob id, or None where the
    work tree's content is not known to equal a blob in the index, and the untracked folders git does
    not list file by file, e.g. nested repositories).

    A tracked regular file keeps its index blob id unless ``git diff-files`` (git's own stat check of
    the work tree against the index, racy-clean rule included) lists it, it is flagged
    assume-unchanged or skip-worktree, or it is unmerged; symbolic links, submodules and untracked
    files (ignored ones included) are listed with None."""
    spec = ["--", under] if under not in ("", ".") else []
    listing: dict[str, str | None] = {}
    out = _git(repo, "ls-files", "-s", "-v", "-z", *spec).decode("utf-8", "surrogateescape")
    for item in out.split("\0"):
        if not item:
            continue
        meta, path = item.split("\t", 1)
        tag, mode, blob, stage = meta.split(" ")
        trusted = tag == "H" and stage == "0" and mode in ("100644", "100755")
        listing[path] = blob if trusted and listing.get(path, blob) == blob else None
    changed = _git(repo, "diff-files", "--name-only", "-z", *spec).decode("utf-8", "surrogateescape")
    for path in changed.split("\0"):
        if path in listing:
            listing[path] = None
    folders: list[str] = []
    others = _git(repo, "ls-files", "--others", "-z", *spec).decode("utf-8", "surrogateescape")
    for path in others.split("\0"):
        if path.endswith("/"):
            folders.append(path.rstrip("/"))
        elif path:
            listing[path] = None
    return listing, folders
