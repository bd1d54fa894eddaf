"""Private keys and access tokens never enter the public registry (any file, attachments included)."""
from __future__ import annotations

import os
import re
from pathlib import Path

from generator.findings import Location, error
from generator.rules.attachments import sha256_file
from generator.rules.context import CheckContext
from signing.secretscan import find_private_key_material

MAX_SCAN_BYTES = 25 * 1024 * 1024
_TOKENS = (
    ("GitHub token", re.compile(r"\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{60,}")),
    ("AWS access key", re.compile(r"\bAKIA[0-9A-Z]{16}\b")),
    ("Slack token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}")),
)


def _walk(top: Path, skip: frozenset[str] = frozenset(), root: Path | None = None):
    for folder, dirs, files in os.walk(top):  # os.walk does not follow symlinked folders
        rel = Path(folder).relative_to(root).as_posix() if root is not None else "."
        dirs[:] = sorted(d for d in dirs if d != ".git" and (d if rel == "." else f"{rel}/{d}") not in skip)
        for name in sorted(files):
            path = Path(folder, name)
            if not path.is_symlink():
                yield path


def _files(ctx: CheckContext):
    """Every file of the events in focus; with ``whole``, every other file of the registry too."""
    for event in ctx.registry.events:
        yield from _walk(event.dir)
    if ctx.whole:
        events = frozenset(f.rel_dir for f in ctx.all_facts())
        yield from _walk(ctx.registry.root, events, ctx.registry.root)


def _shown(ctx: CheckContext, path: Path) -> str:
    rel = path.relative_to(ctx.registry.root).as_posix()
    root = ctx.registry.shown_root
    return rel if root in ("", ".") else f"{root.rstrip('/')}/{rel}"


def scan_text(text: str):
    """(line, zh, en) for each secret found in ``text``."""
    for hit in find_private_key_material(text):
        yield hit.line, "R901", f"发现私钥（{hit.kind}）", f"private key material found ({hit.kind})"
    for number, line in enumerate(text.splitlines(), start=1):
        for name, pattern in _TOKENS:
            if pattern.search(line):
                yield number, "R902", f"发现访问令牌（{name}）", f"access token found ({name})"


def no_secrets(ctx: CheckContext):
    from generator.loading.cache import DerivedCache, default_folder

    cache = DerivedCache(default_folder(), "secrets")
    for path in _files(ctx):
        try:
            if path.stat().st_size > MAX_SCAN_BYTES:
                continue
            key = cache.key("secrets", sha256_file(path))
        except OSError:
            continue
        hits = cache.get_or_compute(
            key, lambda: [list(h) for h in scan_text(path.read_bytes().decode("utf-8", errors="replace"))])
        for line, code, zh, en in hits:
            yield error(code, Location(_shown(ctx, path), line, 1),
                        f"{zh}：登记库是公开的，私钥和令牌绝不能提交；请删除该文件或该行，并立即作废（轮换）这把密钥",
                        f"{en}: the registry is public, keys and tokens must never be committed; remove it and revoke (rotate) that key at once")
