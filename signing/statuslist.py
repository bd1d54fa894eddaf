"""The signed revocation (status) list, signed under the root's ``status`` role.

``signed`` holds ``_type: status``, ``version``, ``issued``, ``expires`` (days, not
months), ``registryVersion`` and ``entries``: each revoked certificate or declaration with
its ``id``, ``reason`` and optionally the time it was ``revoked``. A list is only used
while fresh (``issued`` ≤ time < ``expires``, or issued later than the time asked about);
a stale list or one older than a list already seen is refused. An optional ``registry``
names the registry the list belongs to; when the root names one, the list must repeat it.

``snapshot`` (required; TUF's snapshot and timestamp roles in one document) names the trust
documents current when the list was signed: the newest root and the authorization document by
``version`` and ``sha256`` (of the JCS bytes of their ``signed`` part), and the log checkpoint
by its tree head, ``size`` and ``rootHash`` (the Merkle tree's SHA-256 root: the log's state,
whenever the checkpoint was signed). ``verify`` refuses a bundle whose root or authorizations are older
than those named, or differ from them at the same version (mix-and-match: an old authorization
document without a ``compromisedSince`` mark served beside a fresh list), and a receipt against
a checkpoint of the named size whose tree head differs (a forked log). A receipt against an
older, smaller checkpoint still proves inclusion (the log is append-only), so it is accepted.

``site`` (optional) is the base URL of the registry's site: ``verify`` says where the current
list is published (``<site>trust/status.json``) when the one it has is stale.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Mapping

from .errors import StaleStatusError, TrustError
from .jcs import canonicalize
from .records import record
from .sha256 import sha256_hex
from .timefmt import format_timestamp, parse_timestamp
from .trust import Root, verify_threshold
from .verifier_spec import text as spec_text

MAX_VALIDITY = timedelta(days=31)


@record
class StatusEntry:
    """One revoked certificate or declaration."""

    id: str
    reason: str
    revoked: datetime | None


@record
class Snapshot:
    """The trust documents a status list names as current (see the module docstring)."""

    root_version: int
    root_sha256: str
    authorizations_version: int
    authorizations_sha256: str
    checkpoint_size: int
    checkpoint_root_hash: str


@record
class StatusList:
    """A verified, fresh status list."""

    version: int
    issued: datetime
    expires: datetime
    registry_version: str
    entries: tuple[StatusEntry, ...]
    snapshot: Snapshot
    registry: str | None = None
    site: str | None = None

    def revocation_of(self, document_id: str, at: datetime) -> StatusEntry | None:
        """The entry revoking ``document_id`` as of ``at``, if any."""
        for entry in self.entries:
            if entry.id == document_id and (entry.revoked is None or entry.revoked <= at):
                return entry
        return None


def _get(mapping: Any, name: str, kind: type, where: str = "status") -> Any:
    value = mapping.get(name) if isinstance(mapping, Mapping) else None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TrustError(*spec_text("trust.missing-or-wrong-field", where=where, name=name))
    return value


def document_digest(envelope: Mapping[str, Any]) -> str:
    """SHA-256 hex of the JCS bytes of a signed document's ``signed`` part (what a snapshot names)."""
    return sha256_hex(canonicalize(envelope["signed"]))


def snapshot_of(root: Mapping[str, Any], authorizations: Mapping[str, Any], checkpoint: Mapping[str, Any]) -> dict[str, Any]:
    """The ``snapshot`` member naming these signed envelopes (newest root, authorizations, checkpoint)."""
    return {"root": {"version": root["signed"]["version"], "sha256": document_digest(root)},
            "authorizations": {"version": authorizations["signed"]["version"], "sha256": document_digest(authorizations)},
            "checkpoint": {"size": checkpoint["signed"]["size"], "rootHash": checkpoint["signed"]["rootHash"]}}


def _digest(mapping: Any, where: str, name: str = "sha256") -> str:
    value = _get(mapping, name, str, where)
    if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
        raise TrustError(*spec_text("status-list.snapshot-sha256-must-be-hex", where=where))
    return value


def _parse_snapshot(raw: Any) -> Snapshot:
    if not isinstance(raw, Mapping) or set(raw) != {"root", "authorizations", "checkpoint"}:
        raise TrustError(*spec_text("status-list.status-list-lacks-its-snapshot-root-authorizations"))
    parts = {}
    for name, count, digest in (("root", "version", "sha256"), ("authorizations", "version", "sha256"),
                                 ("checkpoint", "size", "rootHash")):
        part = raw[name]
        where = f"status snapshot.{name}"
        if not isinstance(part, Mapping) or set(part) != {count, digest}:
            raise TrustError(*spec_text("status-list.snapshot-part-must-have-exactly", where=where, count=count, digest=digest))
        number = _get(part, count, int, where)
        if number < (0 if count == "size" else 1):
            raise TrustError(*spec_text("status-list.snapshot-count-out-of-range", where=where, count=count))
        parts[name] = (number, _digest(part, where, digest))
    return Snapshot(*parts["root"], *parts["authorizations"], *parts["checkpoint"])


def _parse_entry(raw: Any) -> StatusEntry:
    revoked = raw.get("revoked") if isinstance(raw, Mapping) else None
    return StatusEntry(
        id=_get(raw, "id", str, "status entry"),
        reason=_get(raw, "reason", str, "status entry"),
        revoked=None if revoked is None else parse_timestamp(revoked),
    )


def parse_status_list(signed: Mapping[str, Any], *, max_validity: timedelta = MAX_VALIDITY) -> StatusList:
    """Check the shape of the ``signed`` part (signatures unchecked)."""
    if not isinstance(signed, Mapping) or signed.get("_type") != "status":
        raise TrustError(*spec_text("status-list.not-a-status-list"))
    status = StatusList(
        version=_get(signed, "version", int),
        issued=parse_timestamp(_get(signed, "issued", str)),
        expires=parse_timestamp(_get(signed, "expires", str)),
        registry_version=_get(signed, "registryVersion", str),
        entries=tuple(_parse_entry(e) for e in _get(signed, "entries", list)),
        snapshot=_parse_snapshot(signed.get("snapshot")),
        registry=None if signed.get("registry") is None else _get(signed, "registry", str),
        site=None if signed.get("site") is None else _get(signed, "site", str),
    )
    if status.site is not None and not (status.site.startswith(("https://", "http://")) and status.site.endswith("/")):
        raise TrustError(*spec_text("status-list.status-list-site-must-be-an-http"))
    if not status.issued < status.expires <= status.issued + max_validity:
        raise TrustError(*spec_text("status-list.validity-must-be-positive-and-at-most", days=max_validity.days))
    ids = [entry.id for entry in status.entries]
    if len(set(ids)) != len(ids):
        raise TrustError(*spec_text("status-list.status-list-has-a-duplicate-entry"))
    return status


def verify_status_list(
    envelope: Mapping[str, Any],
    root: Root,
    at: datetime,
    *,
    last_seen_version: int | None = None,
    registry_version: str | None = None,
    max_validity: timedelta = MAX_VALIDITY,
) -> StatusList:
    """Verify the status role's signatures, registry, rollback, registry version and freshness at ``at``.

    Expiry is checked last, so that a stale list raises :class:`StaleStatusError` only when
    everything else about it is right (a caller may then accept it knowingly).
    """
    status = parse_status_list(_get(envelope, "signed", dict), max_validity=max_validity)
    verify_threshold(envelope, *root.role_keys("status"), "status")
    if root.registry is not None and status.registry != root.registry:
        raise TrustError(*spec_text("status-list.belongs-to-another-registry", registry=status.registry,
                                    expected=root.registry))
    if last_seen_version is not None and status.version < last_seen_version:
        raise TrustError(*spec_text("status-list.rollback", version=status.version, seen=last_seen_version))
    if registry_version is not None and status.registry_version != registry_version:
        raise TrustError(*spec_text("status-list.belongs-to-another-registry-version", version=status.registry_version))
    if at >= status.expires:
        raise StaleStatusError(
            *spec_text("status-list.has-expired", version=status.version, expires=format_timestamp(status.expires)),
        )
    return status
