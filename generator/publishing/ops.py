"""Write operations of the platform and the agencies, as library functions the CLI calls.

Times are passed in (``at``) so that every operation is reproducible; the CLI defaults to now."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from generator.errors import CarbonregError
from generator.pipeline import CheckResult, check
from generator.publishing import credentials as cred
from generator.publishing.files import WriteRefused, dump_json, write_atomic
from generator.publishing.trustdir import TrustDir


class OperationError(CarbonregError):
    pass


@dataclass(frozen=True)
class PlatformKeys:
    """The private keys a platform operation needs (only those it needs are loaded)."""

    root: tuple = ()
    authorizations: Any = None
    status: Any = None
    log: Any = None
    platform: Any = None


def _public(key) -> bytes:
    from signing.eddsa_jcs_2022 import public_key_of

    return public_key_of(key)


def trust_init(registry: Path, keys: PlatformKeys, *, name: str, threshold: int, expires: str,
               platform_names: dict, platform_valid: tuple[str, str], auth_expires: str) -> list[Path]:
    """Create the trust folder: root v1, an authorization document with the platform entry, an
    empty publication log and its checkpoint. Refuses when a root already exists."""
    from signing.issue import agency_entry, key_entry, multikey_of
    from signing.transparency import PublicationLog, sign_checkpoint
    from signing.trust import key_id, sign_metadata

    trust = TrustDir.of(registry)
    if trust.exists():
        raise OperationError(f"{trust.path} 已有信任根；轮换请用 carbonreg trust rotate",
                             f"{trust.path} already has a root; use carbonreg trust rotate")
    roles = {"root": list(keys.root), "authorizations": [keys.authorizations], "status": [keys.status],
             "log": [keys.log]}
    every = {key_id(_public(k)): {"publicKeyMultibase": multikey_of(k)} for ks in roles.values() for k in ks}
    signed = {"_type": "root", "version": 1, "expires": expires, "registry": name, "keys": every,
              "roles": {role: {"keyids": [key_id(_public(k)) for k in ks], "threshold": threshold if role == "root" else 1}
                        for role, ks in roles.items()}}
    _refuse_unverifiable("root", signed)
    root = sign_metadata(signed, keys.root)
    platform = agency_entry("platform", platform_names, [key_entry(keys.platform, *platform_valid)],
                            accredited=platform_valid)
    auth_signed = {"_type": "authorizations", "version": 1, "expires": auth_expires, "agencies": [], "platform": platform}
    _refuse_unverifiable("authorizations", auth_signed)
    auth = sign_metadata(auth_signed, [keys.authorizations])
    log = PublicationLog()
    checkpoint = sign_checkpoint(log, platform_valid[0], [keys.log], registry=name)
    return [trust.write("1.root.json", root, replace=False), trust.write("authorizations.json", auth, replace=False),
            trust.write("log.json", {"leaves": []}, replace=False),
            trust.write("checkpoint.json", checkpoint, replace=False)]


def checked_public_key(multikey: str, where: str = "--public-key") -> str:
    """A Multikey fit to enter a trust document: decodable multibase, Ed25519 header, 32 bytes, a
    valid point, not of small order (``signing.multikey.decode_public_key``); else a clear error."""
    from signing.errors import SigningError
    from signing.multikey import decode_public_key

    try:
        decode_public_key(multikey)
    except SigningError as error:
        shown = multikey if isinstance(multikey, str) and len(multikey) <= 80 else f"{str(multikey)[:80]}…"
        raise OperationError(
            f"{where} 不是可用的 Ed25519 公钥（{shown!r}）：{error.zh}；请给出 `carbonreg keys generate` 打印的 Multikey（z6Mk…）",
            f"{where} is not a usable Ed25519 public key ({shown!r}): {error.en}; give the Multikey (z6Mk…) "
            "that `carbonreg keys generate` printed") from None
    return multikey


def _refuse_unverifiable(kind: str, signed: dict) -> None:
    """Never sign a trust document the verifier would refuse (a bad key would fail every certificate)."""
    from signing.authorizations import parse_authorizations
    from signing.errors import SigningError
    from signing.trust import parse_root

    try:
        (parse_root if kind == "root" else parse_authorizations)(signed)
    except SigningError as error:
        raise OperationError(f"拒绝签署：{kind} 文件无法通过核验：{error.zh}",
                             f"refusing to sign: the {kind} document would not verify: {error.en}") from None


def _next_authorizations(trust: TrustDir, change, key, expires: str | None) -> Path:
    from signing.trust import sign_metadata

    current = trust.read("authorizations.json")
    if current is None:
        raise OperationError("没有 authorizations.json；先运行 carbonreg trust init",
                             "no authorizations.json; run carbonreg trust init first")
    signed = dict(current["signed"])
    signed["agencies"] = [dict(a) for a in signed["agencies"]]
    change(signed)
    signed["version"] = current["signed"]["version"] + 1
    if expires:
        signed["expires"] = expires
    _refuse_unverifiable("authorizations", signed)
    return trust.write("authorizations.json", sign_metadata(signed, [key]))


def authorize(registry: Path, auth_key, *, agency_id: str, names: dict, public_multikey: str,
              accredited: tuple[str, str], key_valid: tuple[str, str], expires: str | None = None) -> Path:
    """Add an agency (or a new key of a known agency) to the authorization document; the key must
    be a valid Ed25519 Multikey (see :func:`checked_public_key`)."""
    from signing.issue import agency_entry

    checked_public_key(public_multikey)

    def change(signed):
        key = {"publicKeyMultibase": public_multikey, "validFrom": key_valid[0], "validUntil": key_valid[1]}
        for agency in signed["agencies"]:
            if agency["id"] == agency_id:
                if any(k["publicKeyMultibase"] == public_multikey for k in agency["keys"]):
                    raise OperationError("该密钥已授权", "this key is already authorized")
                agency["keys"] = [*agency["keys"], key]
                return
        signed["agencies"].append(agency_entry(agency_id, names, [key], accredited=accredited))
        signed["agencies"].sort(key=lambda a: a["id"])

    return _next_authorizations(TrustDir.of(registry), change, auth_key, expires)


def suspend(registry: Path, auth_key, *, agency_id: str, since: str, expires: str | None = None) -> Path:
    """Art. 17: suspend an agency from ``since`` (its older certificates keep verifying)."""
    def change(signed):
        for agency in signed["agencies"]:
            if agency["id"] == agency_id:
                agency["status"] = {"state": "suspended", "since": since}
                return
        raise OperationError(f"授权文件中没有机构 {agency_id}", f"agency {agency_id} is not in the authorizations")

    return _next_authorizations(TrustDir.of(registry), change, auth_key, expires)


def _checked(registry: Path, today: date, jobs: int = 1) -> CheckResult:
    result = check(registry, today, jobs=jobs)
    if result.errors:
        raise OperationError(f"登记库有 {result.errors} 个错误；先运行 carbonreg check 并修正",
                             f"the registry has {result.errors} errors; run carbonreg check and fix them first")
    return result


def _event(result: CheckResult, event_dir: Path):
    target = event_dir.resolve()
    for event in result.registry.events:
        if event.dir.resolve() == target or (event.plan and event.plan.id == event_dir.name):
            return event, result.accounts.get(event.rel_dir)
    raise OperationError(f"登记库中没有活动 {event_dir}", f"no event {event_dir} in the registry")


def certify(registry: Path, event_dir: Path, agency_key, *, agency_id: str, number: str, scope: str,
            at: str, today: date, verification: dict | None = None) -> Path:
    """An agency signs a certificate for an event (Art. 15) and writes it into the event's folder.

    Refuses when the registry does not check, the retired quantity does not cover the scope, the
    agency is unknown or suspended, or a certificate already exists."""
    from signing.credential import build_credential, sign_credential
    from signing.issue import did_of, verification_method_of

    result = _checked(registry, today)
    event, account = _event(result, event_dir)
    if account is None or event.report is None:
        raise OperationError("该活动尚无核算报告", "the event has no emissions report yet")
    agency = result.registry.agencies.get(agency_id)
    if agency is None:
        raise OperationError(f"agencies/ 中没有机构 {agency_id}：先用 carbonreg new agency --id {agency_id} 登记并经拉取请求合并，"
                             "再由运营方运行 carbonreg trust authorize",
                             f"agency {agency_id} is not in agencies/: file it first with carbonreg new agency --id {agency_id} "
                             "by pull request; once merged the operator runs carbonreg trust authorize")
    if agency.status != "active":
        raise OperationError(f"机构 {agency_id} 已暂停（第十七条），不能签发证书", f"agency {agency_id} is suspended (Art. 17) and cannot certify")
    if account.retired < account.needed(scope):
        raise OperationError(f"已注销 {account.retired} tCO2e，不足 {scope} 范围所需的 {account.needed(scope)} tCO2e",
                             f"{account.retired} tCO2e retired, less than the {account.needed(scope)} tCO2e the {scope} scope needs")
    credential = build_credential(
        kind="certificate", number=number, issuer_did=did_of(agency_key),
        issuer_name={"zh": agency.name.zh, "en": agency.name.en}, valid_from=at,
        event=cred.event_subject(event, account), scope=scope, emissions=cred.emissions(account),
        offsets=cred.offsets(event, account, scope), evidence=cred.evidence(registry, event),
        agency={"id": agency.id, "name": {"zh": agency.name.zh, "en": agency.name.en}},
        disclosures=cred.disclosures(event, account, verification),
    )
    signed = sign_credential(credential, agency_key, verification_method_of(agency_key), at)
    return write_atomic(event.dir / "certificate.json", dump_json(signed), replace=False)


def declaration_credential(registry: Path, result: CheckResult, event, account, platform_key, names: dict, at: str):
    from signing.credential import build_credential, sign_credential
    from signing.issue import did_of, verification_method_of

    decl = event.declaration
    credential = build_credential(
        kind="declaration", number=decl.id, issuer_did=did_of(platform_key), issuer_name=names,
        valid_from=at, event=cred.event_subject(event, account), scope=decl.scope,
        emissions=cred.emissions(account), offsets=cred.offsets(event, account, decl.scope),
        evidence=cred.evidence(registry, event), disclosures=cred.disclosures(event, account),
    )
    return sign_credential(credential, platform_key, verification_method_of(platform_key), at)


def publish(registry: Path, keys: PlatformKeys, *, at: str, today: date) -> list[str]:
    """Publish what is new: sign a declaration.json for each new declaration (platform key), append
    every new certificate and declaration to the log, and sign a new checkpoint. Returns the ids."""
    return publish_checked(registry, _checked(registry, today), keys, at=at)


def publish_checked(registry: Path, result: CheckResult, keys: PlatformKeys, *, at: str) -> list[str]:
    """:func:`publish` given the registry's check result (``result``: no errors, as of now)."""
    from signing.strictjson import load_path
    from signing.timefmt import parse_timestamp
    from signing.transparency import PublicationLog, make_leaf, sign_checkpoint

    trust = TrustDir.of(registry)
    log = PublicationLog(trust.log_leaves())
    last = log.leaves[-1]["published"] if log.leaves else None
    if last is not None and parse_timestamp(at) < parse_timestamp(last):  # before any declaration is signed
        raise OperationError(f"发布时间 {at} 早于日志中最后一条的发布时间 {last}；请用不早于它的时间（--at）",
                             f"publication time {at} precedes the log's last leaf, published {last}; give a time at or after it (--at)")
    known = {leaf["id"] for leaf in log.leaves}
    auth = trust.read("authorizations.json")
    names = auth["signed"]["platform"]["names"] if auth and auth["signed"].get("platform") else {"zh": "平台", "en": "Platform"}
    published: list[str] = []
    leaves: list[dict[str, str]] = []
    for event in result.registry.events:
        account = result.accounts.get(event.rel_dir)
        documents = []
        certificate = event.dir / "certificate.json"
        if certificate.is_file():
            documents.append(load_path(certificate))
        if event.declaration is not None and account is not None:
            path = event.dir / "declaration.json"
            if not path.is_file():
                signed = declaration_credential(registry, result, event, account, keys.platform, names, at)
                write_atomic(path, dump_json(signed), replace=False)
            documents.append(load_path(path))
        for doc in documents:
            if doc["id"] not in known:
                leaves.append(make_leaf(doc, at))
                known.add(doc["id"])
                published.append(doc["id"])
    if published:
        log = log.extend(leaves)  # refused as appending each would be, before the log is written
        trust.write("log.json", {"leaves": [dict(leaf) for leaf in log.leaves]})
        trust.write("checkpoint.json", sign_checkpoint(log, at, [keys.log], registry=trust.registry_name()))
    return published


def sign_status(registry: Path, status_key, *, at: str, expires: str, today: date) -> Path:
    """Sign the revocation status list from the registry's revocation notices (Art. 16-17). Its
    snapshot names the current root, authorization document and log checkpoint (a verifier then
    refuses older ones beside it); ``site`` is the registry's base URL (where the list is)."""
    return sign_status_checked(registry, check(registry, today), status_key, at=at, expires=expires)


def sign_status_checked(registry: Path, result: CheckResult, status_key, *, at: str, expires: str) -> Path:
    """:func:`sign_status` given the registry's check result (``result``: as of now)."""
    from signing.statuslist import snapshot_of
    from signing.trust import sign_metadata

    trust = TrustDir.of(registry)
    previous = trust.read("status.json")
    version = previous["signed"]["version"] + 1 if previous else 1
    entries = []
    for rev in result.registry.revocations:
        kind = "declaration" if rev.target_kind == "declaration" else "certificate"
        entries.append({"id": f"urn:carbonreg:{kind}:{rev.target_id}", "reason": f"{rev.reason.zh} / {rev.reason.en}",
                        "revoked": f"{rev.decided_on.isoformat()}T00:00:00Z"})
    root, auth, checkpoint = trust.latest_root(), trust.read("authorizations.json"), trust.read("checkpoint.json")
    if auth is None or checkpoint is None:
        raise OperationError("trust/ 缺少 authorizations.json 或 checkpoint.json；先运行 carbonreg trust init",
                             "trust/ lacks authorizations.json or checkpoint.json; run carbonreg trust init first")
    signed = {"_type": "status", "version": version, "issued": at, "expires": expires,
              "registryVersion": _registry_version(registry), "registry": trust.registry_name(),
              "snapshot": snapshot_of(root, auth, checkpoint), "entries": sorted(entries, key=lambda e: e["id"])}
    site = result.registry.meta.base_url if result.registry.meta else None
    if site:
        signed["site"] = site if site.endswith("/") else f"{site}/"
    return trust.write("status.json", sign_metadata(signed, [status_key]))


def _registry_version(registry: Path) -> str:
    """The git commit of the registry when there is one, else "unversioned"."""
    import subprocess

    try:
        out = subprocess.run(["git", "-C", str(registry), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "unversioned"
    return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else "unversioned"


__all__ = ["OperationError", "PlatformKeys", "WriteRefused", "authorize", "certify", "publish", "publish_checked",
           "sign_status", "sign_status_checked", "suspend", "trust_init"]


def revoke(registry: Path, *, notice_id: str, kind: str, event_id: str, target_id: str, decided_on: date,
           article: str, reason: dict, decided_by: dict, agency_suspended: str | None, today: date) -> Path:
    """Art. 16-17: write a revocation notice (never replacing one). Then re-sign the status list."""
    import json
    import re

    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", notice_id):
        raise OperationError("公告编号只能含小写字母、数字和短横线", "the notice id may hold only lower-case letters, digits and hyphens")
    result = check(registry, today)
    events = {e.plan.id: e for e in result.registry.events if e.plan is not None}
    event = events.get(event_id)
    if event is None:
        raise OperationError(f"没有活动 {event_id}", f"no event {event_id}")
    if kind == "declaration" and (event.declaration is None or event.declaration.id != target_id):
        raise OperationError(f"活动 {event_id} 没有声明 {target_id}", f"event {event_id} has no declaration {target_id}")
    if kind == "certificate":
        number = (event.certificate or {}).get("credentialSubject", {}).get("certificateNumber")
        if number != target_id:
            raise OperationError(f"活动 {event_id} 没有证书 {target_id}", f"event {event_id} has no certificate {target_id}")
    def q(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar

    lines = [
        "# yaml-language-server: $schema=../../schemas/v1/revocation.schema.json",
        "# Published notice (Art. 16-17). Never edited or deleted; a correction is a new notice.",
        f"id: {notice_id}", "target:", f"  kind: {kind}", f"  event: {event_id}", f"  id: {q(target_id)}",
        f"decided_on: {decided_on.isoformat()}", f'article: "{article}"',
        "reason:", f"  zh: {q(reason['zh'])}", f"  en: {q(reason['en'])}",
        "decided_by:", f"  zh: {q(decided_by['zh'])}", f"  en: {q(decided_by['en'])}",
    ]
    if agency_suspended:
        lines.append(f"agency_suspended: {agency_suspended}")
    return write_atomic(registry / "revocations" / f"{notice_id}.yaml", ("\n".join(lines) + "\n").encode("utf-8"),
                        replace=False)
