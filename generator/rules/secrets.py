"""Private keys and access tokens never enter the public registry (any file, attachments included)."""
from __future__ import annotations

import functools
import re

from generator.findings import Location, error
from generator.loading.safefile import read_regular
from generator.rules.context import EventContext, RegistryContext
from generator.rules.files import regular_files, shown
from signing.secretscan import find_private_key_material

MAX_SCAN_BYTES = 25 * 1024 * 1024
_TOKENS = (
    ("GitHub token", re.compile(r"\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{60,}")),
    ("AWS access key", re.compile(r"\bAKIA[0-9A-Z]{16}\b")),
    ("Slack token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}")),
)


def scan_text(text: str):
    """(line, zh, en) for each secret found in ``text``."""
    for hit in find_private_key_material(text):
        yield hit.line, "R901", f"发现私钥（{hit.kind}）", f"private key material found ({hit.kind})"
    for number, line in enumerate(text.splitlines(), start=1):
        for name, pattern in _TOKENS:
            if pattern.search(line):
                yield number, "R902", f"发现访问令牌（{name}）", f"access token found ({name})"


def _scan_file(path) -> list[list]:
    return [list(h) for h in scan_text(read_regular(path, MAX_SCAN_BYTES).decode("utf-8", errors="replace"))]


def no_secrets(ctx: EventContext | RegistryContext):
    """R901/R902, as an event rule (the event's folder) and as a registry rule (everything else)."""
    cache = ctx.caches.derived("secrets")
    for path in regular_files(ctx):
        try:
            if path.stat().st_size > MAX_SCAN_BYTES:
                continue
            key = cache.key("secrets", ctx.caches.sha256(path))
        except OSError:
            continue
        hits = cache.get_or_compute(key, functools.partial(_scan_file, path))
        for line, code, zh, en in hits:
            yield error(code, Location(shown(ctx, path), line, 1),
                        f"{zh}：登记库是公开的，私钥和令牌绝不能提交；请删除该文件或该行，并立即作废（轮换）这把密钥",
                        f"{en}: the registry is public, keys and tokens must never be committed; remove it and revoke (rotate) that key at once")
