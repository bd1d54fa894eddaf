"""A content-addressed cache of loaded and schema-checked files, so unchanged files are not parsed again.

An entry is keyed by SHA-256 over: the cache format, a digest of the code and schemas that produce
it, the record kind, the path shown in findings and the file's bytes. So a changed file, schema or
loader simply misses. Each entry carries the SHA-256 of its own payload; an entry that does not match
(corrupted, truncated, edited) is removed and rebuilt, never trusted. Entries are JSON (never pickle),
written atomically. Where they live is decided once per run (``generator.caches.Caches``)."""
from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.findings import Finding, Location, Severity
from generator.loading.document import Document

FORMAT = "carbonreg-record-cache/1"
_DECIMAL = "\x00decimal"  # a key no YAML file can hold: the loader refuses control characters


# What each kind of cached result is computed by: a change to any of these files (or libraries)
# invalidates that kind only, so editing a page template does not make every record be parsed again.
SOURCES = {
    "all": ("generator", "signing", "schemas/v1"),
    "records": ("generator/loading", "generator/validation", "generator/findings.py", "schemas/v1"),
    "secrets": ("generator/rules/secrets.py", "signing/secretscan.py", "generator/findings.py"),
    "personal-data": ("generator/rules/personal.py", "generator/privacy", "generator/documents", "generator/loading/safefile.py"),
    "verdicts": ("signing", "generator/publishing", "generator/model/bundles.py"),
    "qr": ("generator/site/qr.py",),
    # the certificate PDF: its layout and fonts, the labels it prints, the QR code it draws
    "pdf": ("generator/site/pdf", "generator/site/qr.py", "generator/site/i18n.py", "generator/model/labels.py"),
}
LIBRARIES = {
    "all": ("ruamel.yaml", "jsonschema", "jsonschema-rs", "pypdf", "cryptography", "rfc8785", "segno", "jinja2", "defusedxml",
            "pillow", "fpdf2", "fonttools", "pylopdf-fonts-zh-cn", "pypdfium2"),
    "records": ("ruamel.yaml", "jsonschema", "jsonschema-rs"),
    "personal-data": ("pypdf", "pypdfium2", "defusedxml", "pillow"),
    "verdicts": ("cryptography", "rfc8785"),
    "qr": ("segno",),
    "pdf": ("fpdf2", "fonttools", "pylopdf-fonts-zh-cn", "segno"),
}


@functools.cache
def code_digest(kind: str = "all") -> str:
    """Digest of the code, schemas and library versions that compute a kind of cached result (see
    ``SOURCES``): any change to them invalidates every entry of that kind."""
    from importlib import metadata

    top = Path(__file__).resolve().parents[2]
    parts: list[Path] = []
    for source in SOURCES.get(kind, SOURCES["all"]):
        path = top / source
        if not path.exists():  # a data folder (schemas): where generator/datadir.py finds it in a wheel
            from generator import datadir

            path = datadir.ROOT / source
        parts += [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.suffix in (".py", ".json"))
    digest = hashlib.sha256(f"{FORMAT}\0{kind}".encode())
    for part in parts:
        digest.update(part.relative_to(top).as_posix().encode() + b"\0" + part.read_bytes())
    for library in LIBRARIES.get(kind, ()):
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"\0{library}={version}".encode())
    return digest.hexdigest()


def _encode(value: Any) -> Any:
    if isinstance(value, Decimal):
        return {_DECIMAL: str(value)}
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1 and _DECIMAL in value:
            return Decimal(value[_DECIMAL])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def _read_entry(path: Path):
    """The payload of a self-checksummed entry; None when missing; a corrupted entry is removed."""
    try:
        entry = json.loads(path.read_bytes())
        payload = entry["payload"]
        if hashlib.sha256(payload.encode("utf-8")).hexdigest() != entry["sha256"]:
            raise ValueError("checksum")
        return json.loads(payload)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        path.unlink(missing_ok=True)  # corrupted: drop it, the caller rebuilds it
        return None


def _write_entry(path: Path, value) -> None:
    """Write ``value`` with the SHA-256 of its payload, atomically; a cache that cannot be written
    only costs time."""
    payload = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    entry = json.dumps({"format": FORMAT, "sha256": hashlib.sha256(payload.encode("utf-8")).hexdigest(),
                        "payload": payload}, ensure_ascii=False)
    _write_file(path, entry.encode("utf-8"))


def _write_file(path: Path, data: bytes) -> None:
    """``data`` to ``path`` atomically (a temporary file renamed over it); a cache that cannot be
    written only costs time, so an OSError is ignored."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except OSError:
        pass


def _finding_out(f: Finding) -> list:
    loc = lambda where: [where.path, where.line, where.column]  # noqa: E731
    return [f.code, f.severity.value, loc(f.location), f.zh, f.en, [loc(r) for r in f.related]]


def _finding_in(raw: list) -> Finding:
    code, severity, loc, zh, en, related = raw
    return Finding(code, Severity(severity), Location(*loc), zh, en, tuple(Location(*r) for r in related))


class RecordCache:
    def __init__(self, folder: Path | None):
        self.folder = folder / "records" if folder is not None else None

    def key(self, kind: str, shown: str, raw: bytes) -> str:
        digest = hashlib.sha256()
        for part in (code_digest("records").encode(), kind.encode(), shown.encode("utf-8", "surrogatepass")):
            digest.update(len(part).to_bytes(8, "big") + part)
        digest.update(raw)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        assert self.folder is not None  # get and put return first without a cache folder
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[Document | None, list[Finding]] | None:
        if self.folder is None:
            return None
        body = _read_entry(self._path(key))
        if not isinstance(body, dict):
            return None
        findings = [_finding_in(f) for f in body["findings"]]
        doc = body["doc"]
        if doc is None:
            return None, findings
        # Location tables are not rebuilt from the entry: the caller reads them again from the file
        # if a rule ever needs to point into it (see Document.slim).
        return Document(doc["path"], _decode(doc["data"]), None, None, doc["sha256"]), findings

    def put(self, key: str, doc: Document | None, findings: list[Finding]) -> None:
        if self.folder is None:
            return
        body = {"doc": None if doc is None else {
            "path": doc.path, "data": _encode(doc.data), "sha256": doc.sha256},
            "findings": [_finding_out(f) for f in findings]}
        _write_entry(self._path(key), body)


class DerivedCache:
    """Results computed from bytes (text extracted from a PDF, a secret scan, a verification verdict),
    keyed by the SHA-256 of everything they depend on. Same integrity rules as :class:`RecordCache`."""

    def __init__(self, folder: Path | None, namespace: str):
        self.folder = folder / namespace if folder is not None else None
        self.namespace = namespace

    def key(self, *parts: bytes | str) -> str:
        digest = hashlib.sha256(code_digest(self.namespace).encode())
        for part in parts:
            data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "big") + data)
        return digest.hexdigest()

    def get(self, key: str):
        if self.folder is None:
            return None
        return _read_entry(self.folder / key[:2] / f"{key}.json")

    def put(self, key: str, value) -> None:
        if self.folder is None:
            return
        _write_entry(self.folder / key[:2] / f"{key}.json", value)

    def get_or_compute(self, key: str, compute):
        value = self.get(key)
        if value is None:
            value = compute()
            self.put(key, value)
        return value

    def bytes_or_compute(self, key: str, compute) -> bytes:
        """Like :meth:`get_or_compute` for a result that is bytes (a PDF): kept as they are, after the
        SHA-256 of the bytes, instead of inside JSON; a damaged entry is removed and computed again."""
        if self.folder is None:
            return compute()
        path = self.folder / key[:2] / f"{key}.bin"
        try:
            raw = path.read_bytes()
            if hashlib.sha256(raw[64:]).hexdigest().encode() == raw[:64]:
                return raw[64:]
            path.unlink(missing_ok=True)
        except OSError:
            pass
        value = compute()
        _write_file(path, hashlib.sha256(value).hexdigest().encode() + value)
        return value
