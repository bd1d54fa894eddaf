"""The signed revocation (status) list, signed under the root's ``status`` role.

``signed`` holds ``_type: status``, ``version``, ``issued``, ``expires`` (days, not
months), ``registryVersion`` and ``entries``: each revoked certificate or declaration with
its ``id``, ``reason`` and optionally the time it was ``revoked``. A list is only used
while fresh (``issued`` ≤ time < ``expires``, or issued later than the time asked about);
a stale list or one older than a list already seen is refused. An optional ``registry``
names the registry the list belongs to; when the root names one, the list must repeat it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Mapping

from .errors import StaleStatusError, TrustError
from .records import record
from .timefmt import format_timestamp, parse_timestamp
from .trust import Root, verify_threshold

MAX_VALIDITY = timedelta(days=31)


@record
class StatusEntry:
    """One revoked certificate or declaration."""

    id: str
    reason: str
    revoked: datetime | None


@record
class StatusList:
    """A verified, fresh status list."""

    version: int
    issued: datetime
    expires: datetime
    registry_version: str
    entries: tuple[StatusEntry, ...]
    registry: str | None = None

    def revocation_of(self, document_id: str, at: datetime) -> StatusEntry | None:
        """The entry revoking ``document_id`` as of ``at``, if any."""
        for entry in self.entries:
            if entry.id == document_id and (entry.revoked is None or entry.revoked <= at):
                return entry
        return None


def _get(mapping: Any, name: str, kind: type, where: str = "status") -> Any:
    value = mapping.get(name) if isinstance(mapping, Mapping) else None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TrustError(f"{where} 缺少或错误的字段 {name}", f"{where}: missing or wrong field {name}")
    return value


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
        raise TrustError("不是吊销状态列表", "not a status list")
    status = StatusList(
        version=_get(signed, "version", int),
        issued=parse_timestamp(_get(signed, "issued", str)),
        expires=parse_timestamp(_get(signed, "expires", str)),
        registry_version=_get(signed, "registryVersion", str),
        entries=tuple(_parse_entry(e) for e in _get(signed, "entries", list)),
        registry=None if signed.get("registry") is None else _get(signed, "registry", str),
    )
    if not status.issued < status.expires <= status.issued + max_validity:
        raise TrustError(
            f"状态列表的有效期必须为正且不超过 {max_validity.days} 天",
            f"status list validity must be positive and at most {max_validity.days} days",
        )
    ids = [entry.id for entry in status.entries]
    if len(set(ids)) != len(ids):
        raise TrustError("状态列表中有重复条目", "status list has a duplicate entry")
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
        raise TrustError(
            f"状态列表属于另一登记库：{status.registry}（应为 {root.registry}）",
            f"status list belongs to another registry: {status.registry} (expected {root.registry})",
        )
    if last_seen_version is not None and status.version < last_seen_version:
        raise TrustError(
            f"状态列表版本回退：{status.version} < {last_seen_version}",
            f"status list rollback: version {status.version} is below {last_seen_version}",
        )
    if registry_version is not None and status.registry_version != registry_version:
        raise TrustError(
            f"状态列表属于另一登记版本：{status.registry_version}",
            f"status list belongs to another registry version: {status.registry_version}",
        )
    if at >= status.expires:
        raise StaleStatusError(
            f"状态列表 v{status.version} 已过期（{format_timestamp(status.expires)}）",
            f"status list v{status.version} has expired ({format_timestamp(status.expires)})",
        )
    return status
