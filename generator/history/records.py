"""What a changed path is in the registry, and which published ids a file carries.

Paths here are relative to the registry root (posix). Ids are read leniently: a file that does not
parse carries no id here (the full check reports why it does not parse)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

# Record kinds that are published once and never edited or deleted: corrections are new records.
IMMUTABLE = {
    "certificate": "证书",
    "declaration-credential": "平台签名的声明",
    "declaration": "自我声明",
    "retirement": "注销证明",
    "revocation": "撤销公告",
}
KIND_EN = {
    "certificate": "certificate",
    "declaration-credential": "signed declaration",
    "declaration": "self-declaration",
    "retirement": "retirement proof",
    "revocation": "revocation notice",
    "event": "event",
}
ID_ZH = {"event": "活动编号", "retirement": "注销证明编号", "declaration": "声明编号",
         "certificate": "证书编号", "revocation": "撤销公告编号"}
ID_EN = {"event": "event id", "retirement": "retirement id", "declaration": "declaration id",
         "certificate": "certificate number", "revocation": "revocation id"}

_EVENT = re.compile(r"^events/([^/]+)/([^/]+)/(.+)$")
_ID_LINE = re.compile(r"""^id:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#'"][^\s#]*))[ \t]*(?:#.*)?$""", re.M)


@dataclass(frozen=True)
class RegistryPath:
    """A path inside the registry: its record kind (or None) and its event folder (or None)."""

    rel: str
    kind: str | None
    event_dir: str | None  # "events/<year>/<event-id>"
    event_id: str | None


def classify(rel: str) -> RegistryPath:
    m = _EVENT.match(rel)
    if m:
        year, event_id, inner = m.groups()
        event_dir = f"events/{year}/{event_id}"
        kind = {"certificate.json": "certificate", "declaration.json": "declaration-credential",
                "declaration.yaml": "declaration", "plan.yaml": "plan", "report.yaml": "report"}.get(inner)
        if kind is None and re.fullmatch(r"retirements/[^/]+\.yaml", inner):
            kind = "retirement"
        return RegistryPath(rel, kind, event_dir, event_id)
    if re.fullmatch(r"revocations/[^/]+\.yaml", rel):
        return RegistryPath(rel, "revocation", None, None)
    return RegistryPath(rel, None, None, None)


@dataclass(frozen=True, order=True)
class PublishedId:
    kind: str  # a key of ID_EN
    value: str
    line: int


def _line_of(text: str, needle: str) -> int:
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def ids_in(path: RegistryPath, raw: bytes) -> list[PublishedId]:
    """The published ids that the file at ``path`` with content ``raw`` defines."""
    text = raw.decode("utf-8", "replace")
    if path.kind in ("retirement", "declaration", "revocation"):
        m = _ID_LINE.search(text)
        if m:
            value = next(g for g in m.groups() if g is not None)
            return [PublishedId(path.kind, value, text.count("\n", 0, m.start()) + 1)]
        return []
    if path.kind in ("certificate", "declaration-credential"):
        try:
            subject = json.loads(text).get("credentialSubject", {})
        except (ValueError, AttributeError):
            return []
        field, kind = (("certificateNumber", "certificate") if path.kind == "certificate"
                       else ("declarationId", "declaration"))
        value = subject.get(field) if isinstance(subject, dict) else None
        if isinstance(value, str) and value:
            return [PublishedId(kind, value, _line_of(text, f'"{field}"'))]
    return []
