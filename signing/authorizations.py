"""The agency authorization document, signed under the root's ``authorizations`` role.

``signed`` holds ``_type: authorizations``, ``version``, ``expires`` and ``agencies``; each
agency has an ``id``, ``names`` (zh, en), an ``accreditation`` window (``from``, ``until``),
a ``status`` (``active`` or ``suspended``, ``since``) and ``keys``, each with its
``publicKeyMultibase``, a ``validFrom``/``validUntil`` window and, once compromised,
``compromisedSince``. Every window includes its start and excludes its end.

An optional ``platform`` entry, shaped like an agency, lists the platform's own signing keys:
the keys that sign self-declarations (Art. 14) when they are published. Keeping them here
rather than in the root gives them the same validity windows and compromise marks as agency
keys; a platform key never counts as an agency key, nor the reverse.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Mapping

from .errors import SigningError, TrustError
from .multikey import decode_public_key, parse_did_key_method
from .records import record
from .timefmt import parse_timestamp
from .trust import Root, check_not_expired, verify_threshold
from .verifier_spec import text as spec_text

Reason = tuple[str, str]
STATES = ("active", "suspended")


@record
class AgencyKey:
    """One signing key of an agency."""

    multikey: str
    public_key: bytes
    valid_from: datetime
    valid_until: datetime
    compromised_since: datetime | None


@record
class Agency:
    """An accredited certification agency and its keys."""

    id: str
    name_zh: str
    name_en: str
    accredited_from: datetime
    accredited_until: datetime
    state: str
    state_since: datetime
    keys: tuple[AgencyKey, ...]


@record
class Authorizations:
    """A verified authorization document."""

    version: int
    expires: datetime
    agencies: tuple[Agency, ...]
    platform: Agency | None = None


@record
class AuthorizationVerdict:
    """Whether a key of an agency was authorized at a time, and why not."""

    authorized: bool
    agency: Agency | None
    key: AgencyKey | None
    reasons: tuple[Reason, ...]


def _get(mapping: Any, name: str, kind: type, where: str) -> Any:
    value = mapping.get(name) if isinstance(mapping, Mapping) else None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TrustError(*spec_text("trust.missing-or-wrong-field", where=where, name=name))
    return value


def _window(start: datetime, end: datetime, where: str) -> None:
    if end <= start:
        raise TrustError(*spec_text("authorization.window-must-end-after-it-starts", where=where))


def _parse_key(raw: Any, where: str) -> AgencyKey:
    multikey = _get(raw, "publicKeyMultibase", str, where)
    compromised = raw.get("compromisedSince")
    key = AgencyKey(
        multikey=multikey,
        public_key=decode_public_key(multikey),
        valid_from=parse_timestamp(_get(raw, "validFrom", str, where)),
        valid_until=parse_timestamp(_get(raw, "validUntil", str, where)),
        compromised_since=None if compromised is None else parse_timestamp(compromised),
    )
    _window(key.valid_from, key.valid_until, where)
    return key


def _parse_agency(raw: Any) -> Agency:
    agency_id = _get(raw, "id", str, "agency")
    where = f"agency {agency_id}"
    names = _get(raw, "names", dict, where)
    window = _get(raw, "accreditation", dict, where)
    status = _get(raw, "status", dict, where)
    state = _get(status, "state", str, where)
    if state not in STATES:
        raise TrustError(*spec_text("authorization.invalid-state", where=where, state=state))
    agency = Agency(
        id=agency_id,
        name_zh=_get(names, "zh", str, where),
        name_en=_get(names, "en", str, where),
        accredited_from=parse_timestamp(_get(window, "from", str, where)),
        accredited_until=parse_timestamp(_get(window, "until", str, where)),
        state=state,
        state_since=parse_timestamp(_get(status, "since", str, where)),
        keys=tuple(_parse_key(k, f"{where} key {i}") for i, k in enumerate(_get(raw, "keys", list, where))),
    )
    _window(agency.accredited_from, agency.accredited_until, where)
    return agency


def parse_authorizations(signed: Mapping[str, Any]) -> Authorizations:
    """Check the shape of the ``signed`` part; every key and agency id must be unique."""
    if not isinstance(signed, Mapping) or signed.get("_type") != "authorizations":
        raise TrustError(*spec_text("authorization.not-agency-authorization-metadata"))
    version = _get(signed, "version", int, "authorizations")
    agencies = tuple(_parse_agency(a) for a in _get(signed, "agencies", list, "authorizations"))
    platform = None if signed.get("platform") is None else _parse_agency(signed["platform"])
    everyone = agencies + (() if platform is None else (platform,))
    ids = [agency.id for agency in everyone]
    keys = [key.public_key for agency in everyone for key in agency.keys]
    if len(set(ids)) != len(ids) or len(set(keys)) != len(keys):
        raise TrustError(*spec_text("authorization.agency-id-or-key-listed-twice"))
    expires = parse_timestamp(_get(signed, "expires", str, "authorizations"))
    return Authorizations(version, expires, agencies, platform)


def verify_authorizations(
    envelope: Mapping[str, Any], root: Root, at: datetime, *, last_seen_version: int | None = None
) -> Authorizations:
    """Verify signatures (root's authorizations role), expiry at ``at`` and rollback."""
    document = parse_authorizations(_get(envelope, "signed", dict, "authorizations"))
    verify_threshold(envelope, *root.role_keys("authorizations"), "authorizations")
    check_not_expired(document.expires, at, f"authorizations v{document.version}")
    if last_seen_version is not None and document.version < last_seen_version:
        raise TrustError(*spec_text("authorization.rollback", version=document.version, seen=last_seen_version))
    return document


def find_key(document: Authorizations, public_key: bytes) -> tuple[Agency, AgencyKey] | None:
    """The agency and key whose bytes equal ``public_key``."""
    for agency in document.agencies:
        for key in agency.keys:
            if key.public_key == public_key:
                return agency, key
    return None


def authorization_at(
    document: Authorizations, verification_method: str, at: datetime, *, time_is_trusted: bool
) -> AuthorizationVerdict:
    """Was the key named by ``verification_method`` an authorized key of its agency at ``at``?

    ``time_is_trusted`` says whether ``at`` comes from a platform countersignature; a key
    marked compromised, or a suspended agency, is only accepted for a trusted time before
    ``compromisedSince`` or the suspension (a signer can backdate ``proof.created``).
    """
    try:
        public_key = parse_did_key_method(verification_method).public_key
    except SigningError as error:
        return AuthorizationVerdict(False, None, None, ((error.zh, error.en),))
    found = find_key(document, public_key)
    if found is None:
        return AuthorizationVerdict(False, None, None, (spec_text("authorization.key-belongs-to-no-authorized-agency"),))
    return _judge(*found, at, time_is_trusted)


def platform_authorization_at(
    document: Authorizations, verification_method: str, at: datetime, *, time_is_trusted: bool
) -> AuthorizationVerdict:
    """Was the key named by ``verification_method`` one of the platform's own keys at ``at``?

    The same rules as :func:`authorization_at`, applied to the ``platform`` entry only.
    """
    try:
        public_key = parse_did_key_method(verification_method).public_key
    except SigningError as error:
        return AuthorizationVerdict(False, None, None, ((error.zh, error.en),))
    platform = document.platform
    key = None if platform is None else next((k for k in platform.keys if k.public_key == public_key), None)
    if platform is None or key is None:
        return AuthorizationVerdict(False, None, None, (spec_text("authorization.key-is-not-a-signing-key-of"),))
    return _judge(platform, key, at, time_is_trusted)


def _judge(agency: Agency, key: AgencyKey, at: datetime, time_is_trusted: bool) -> AuthorizationVerdict:
    reasons: list[Reason] = []
    if not agency.accredited_from <= at < agency.accredited_until:
        reasons.append(spec_text("authorization.time-is-outside-the-agency-s-accreditation"))
    if agency.state == "suspended":
        if not time_is_trusted:
            reasons.append(spec_text("authorization.agency-is-suspended-and-no-trusted-time"))
        elif at >= agency.state_since:
            reasons.append(spec_text("authorization.agency-was-suspended-at-that-time"))
    if not key.valid_from <= at < key.valid_until:
        reasons.append(spec_text("authorization.time-is-outside-the-key-s-validity"))
    if key.compromised_since is not None:
        if not time_is_trusted:
            reasons.append(spec_text("authorization.key-is-compromised-and-no-trusted-time"))
        elif at >= key.compromised_since:
            reasons.append(spec_text("authorization.key-was-compromised-at-that-time"))
    return AuthorizationVerdict(not reasons, agency, key, tuple(reasons))


def _key_change_reasons(old: AgencyKey, new: AgencyKey, where: str) -> list[Reason]:
    reasons: list[Reason] = []
    if new.valid_from < old.valid_from or new.valid_until > old.valid_until:
        reasons.append((f"{where}：有效期只能缩短", f"{where}: validity window may only shrink"))
    if old.compromised_since is not None and (
        new.compromised_since is None or new.compromised_since > old.compromised_since
    ):
        reasons.append((f"{where}：不能撤销或推迟泄露标记", f"{where}: compromise mark may not be removed or moved later"))
    return reasons


def update_reasons(old: Authorizations, new: Authorizations) -> tuple[Reason, ...]:
    """Why ``new`` may not follow ``old``: a higher version that keeps every agency and key,
    only shortening windows or marking compromise. Empty when the update is acceptable."""
    reasons: list[Reason] = []
    if new.version <= old.version:
        reasons.append(("版本必须递增", "version must increase"))
    new_agencies = {agency.id: agency for agency in new.agencies}
    if old.platform is not None:
        if new.platform is None or new.platform.id != old.platform.id:
            reasons.append(("不能删除或更换平台条目", "the platform entry may not be deleted or renamed"))
        else:
            new_agencies[new.platform.id] = new.platform
    for agency in old.agencies + (() if old.platform is None else (old.platform,)):
        successor = new_agencies.get(agency.id)
        if successor is None:
            reasons.append((f"不能删除机构 {agency.id}", f"agency {agency.id} may not be deleted"))
            continue
        if successor.accredited_from < agency.accredited_from or successor.accredited_until > agency.accredited_until:
            reasons.append((f"机构 {agency.id}：认可期只能缩短", f"agency {agency.id}: accreditation window may only shrink"))
        new_keys = {key.public_key: key for key in successor.keys}
        for key in agency.keys:
            if key.public_key not in new_keys:
                reasons.append((f"机构 {agency.id}：不能删除密钥", f"agency {agency.id}: a key may not be deleted"))
            else:
                reasons.extend(_key_change_reasons(key, new_keys[key.public_key], f"agency {agency.id} key {key.multikey}"))
    return tuple(reasons)
