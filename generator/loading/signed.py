"""Read the signed JSON documents of a registry (credentials and trust files) with the strict loader."""
from __future__ import annotations

import re
from pathlib import Path

from generator.findings import Finding, Location, error
from generator.model.records import TrustDocuments

_ROOT = re.compile(r"^([1-9][0-9]*)\.root\.json$")


# The publication log grows by about 200 bytes per published credential: it gets a larger cap
# than the 1 MB of every other signed document (a city registry publishes thousands a year).
LOG_MAX_BYTES = 256 * 1024 * 1024


def load_signed(path: Path, shown: str, max_bytes: int | None = None) -> tuple[dict | None, list[Finding]]:
    """A signed JSON document, or None with a finding saying why it cannot be read."""
    if not path.is_file() or path.is_symlink():
        return None, []
    from signing.errors import SigningError
    from signing.strictjson import load_path

    try:
        data = load_path(path, **({"max_bytes": max_bytes} if max_bytes else {}))
    except SigningError as exc:
        return None, [error("C100", Location(shown, 1, 1), f"签名文件无法读取：{exc.zh}", f"signed file cannot be read: {exc.en}")]
    if not isinstance(data, dict):
        return None, [error("C100", Location(shown, 1, 1), "签名文件顶层应为 JSON 对象", "a signed file must be a JSON object")]
    return data, []


def load_trust(folder: Path, shown: str) -> tuple[TrustDocuments | None, list[Finding]]:
    if not folder.is_dir():
        return None, []
    findings: list[Finding] = []

    def one(name: str):
        limit = LOG_MAX_BYTES if name == "log.json" else None
        doc, found = load_signed(folder / name, f"{shown}/{name}", limit)
        findings.extend(found)
        return doc

    versions = sorted((int(m.group(1)), p.name) for p in folder.glob("*.root.json") if (m := _ROOT.match(p.name)))
    chain = tuple(doc for _, name in versions if (doc := one(name)) is not None)
    log = one("log.json")
    leaves = tuple(log.get("leaves", ())) if isinstance(log, dict) else ()
    return TrustDocuments(chain, one("authorizations.json"), one("status.json"), leaves, one("checkpoint.json")), findings
