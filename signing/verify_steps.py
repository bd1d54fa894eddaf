"""The steps of ``verify.py``, one function each; see that module for the order and the times used."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Mapping

from .authorizations import Authorizations, authorization_at, platform_authorization_at, verify_authorizations
from .bundle import Bundle, parse_bundle
from .credential_shape import check_shape, credential_kind
from .eddsa_jcs_2022 import verify_proof
from .errors import SigningError, StaleStatusError, TrustError, UnreadableJSONError
from .multikey import fingerprint, parse_did_key_method
from .statuslist import StatusList, verify_status_list
from .strictjson import loads
from .timefmt import format_timestamp, parse_timestamp, utc_now
from .transparency import Publication, verify_receipt
from .trust import Root, check_not_expired, load_trusted_root, parse_root, root_fingerprint, rotate_root
from .verify import TIME_FROM_LOG, TIME_UNTRUSTED, Step, Verdict

STEP_NAMES = ("json", "bundle", "shape", "root", "authorizations", "proof", "publication", "issuer", "status", "revocation")


class _Run:
    """The state of one verification: steps so far and what they established."""

    def __init__(self, at: datetime) -> None:
        self.at = at
        self.steps: list[Step] = []
        self.facts: dict[str, Any] = {"status_as_of": format_timestamp(at), "seen_versions": {}}

    def ok(self, name: str, zh: str, en: str) -> None:
        self.steps.append(Step(name, True, zh, en))

    def fail(self, name: str, zh: str, en: str) -> None:
        self.steps.append(Step(name, False, zh, en))

    def skip(self, name: str, needs: str) -> None:
        self.steps.append(Step(name, False, f"未检查：需要先通过“{needs}”", f"not checked: needs step '{needs}'", True))

    def passed(self, name: str) -> bool:
        return any(s.name == name and s.ok for s in self.steps)

    def verdict(self, unreadable: bool = False) -> Verdict:
        done = {s.name for s in self.steps}
        for name in STEP_NAMES:
            if name not in done:
                self.skip(name, next((s.name for s in self.steps if not s.ok), "root"))
        valid = all(s.ok for s in self.steps)
        return Verdict(valid=valid, steps=tuple(self.steps), unreadable=unreadable, **self.facts)


def _join(reasons: Any) -> tuple[str, str]:
    reasons = list(reasons)
    return "；".join(r[0] for r in reasons), "; ".join(r[1] for r in reasons)


def step_json(run: _Run, data: bytes) -> Any:
    try:
        document = loads(data)
    except UnreadableJSONError as error:
        run.fail("json", error.zh, error.en)
        raise
    except SigningError as error:
        run.fail("json", error.zh, error.en)
        return None
    run.ok("json", "严格 JSON 解析通过", "strict JSON parse passed")
    return document


def step_bundle(run: _Run, document: Any) -> Bundle | None:
    bundle, reasons = parse_bundle(document)
    if bundle is None:
        run.fail("bundle", *_join(reasons))
    else:
        run.ok("bundle", "证书文件结构正确", "certificate file structure is right")
    return bundle


def step_shape(run: _Run, credential: Mapping[str, Any]) -> str | None:
    problems = check_shape(credential)
    if not isinstance(credential.get("proof"), dict):
        run.fail("shape", "凭证没有证明", "credential has no proof")
        return None
    if problems:
        run.fail("shape", "；".join(f"{p.path} {p.zh}" for p in problems), "; ".join(f"{p.path} {p.en}" for p in problems))
        return None
    kind = credential_kind(credential)
    run.facts.update(kind=kind, credential_id=credential["id"])
    run.ok("shape", f"凭证格式正确（{'证书' if kind == 'certificate' else '声明'}）", f"credential shape is right ({kind})")
    return kind


def _walk_chain(anchor: Mapping[str, Any], chain: tuple[Mapping[str, Any], ...], at: datetime) -> Root:
    root = load_trusted_root(anchor)
    anchor_print = root_fingerprint(anchor)
    for envelope in chain:
        version = parse_root(envelope.get("signed")).version
        if version < root.version:
            continue
        if version == root.version:
            if version == parse_root(anchor["signed"]).version and root_fingerprint(envelope) != anchor_print:
                raise TrustError(f"证书文件中的 root v{version} 与固定的 root 不同", f"the bundle's root v{version} differs from the pinned root")
            continue
        root = rotate_root(root, envelope)
    check_not_expired(root.expires, at, f"root v{root.version}")
    return root


def step_root(run: _Run, bundle: Bundle, pinned: Mapping[str, Any] | None, last_seen: Mapping[str, int]) -> Root | None:
    anchor = pinned if pinned is not None else bundle.root_chain[0]
    try:
        run.facts.update(root_fingerprint=root_fingerprint(anchor), root_pinned=pinned is not None)
        root = _walk_chain(anchor, bundle.root_chain, run.at)
        if root.version < last_seen.get("root", 0):
            raise TrustError(f"root 版本回退：v{root.version}", f"root rollback: v{root.version} is below one already seen")
    except SigningError as error:
        run.fail("root", error.zh, error.en)
        return None
    run.facts.update(root_version=root.version)
    run.facts["seen_versions"]["root"] = root.version
    if pinned is None:
        run.ok("root", f"警告：root 未固定，首次使用即信任（指纹 {run.facts['root_fingerprint']}），当前 v{root.version}",
               f"WARNING: root NOT pinned, trusted on first use (fingerprint {run.facts['root_fingerprint']}); now v{root.version}")
    else:
        run.ok("root", f"从固定的 root 验证到 v{root.version}", f"root chain verified from the pinned root to v{root.version}")
    return root


def step_authorizations(run: _Run, bundle: Bundle, root: Root, last_seen: Mapping[str, int]) -> Authorizations | None:
    try:
        document = verify_authorizations(bundle.authorizations, root, run.at, last_seen_version=last_seen.get("authorizations"))
    except SigningError as error:
        run.fail("authorizations", error.zh, error.en)
        return None
    run.facts["seen_versions"]["authorizations"] = document.version
    run.ok("authorizations", f"机构授权文件 v{document.version} 由 root 签署且未过期",
           f"authorization document v{document.version} is signed under the root and not expired")
    return document


def step_proof(run: _Run, credential: Mapping[str, Any]) -> tuple[bytes, str] | None:
    result = verify_proof(credential)
    if not result.verified:
        run.fail("proof", *_join(result.reasons))
        return None
    method = parse_did_key_method(result.verification_method)
    if method.did != credential["issuer"]["id"]:
        run.fail("proof", "签名密钥不是签发者 issuer.id 的密钥", "the signing key is not the issuer's (issuer.id)")
        return None
    if result.created is None:
        run.fail("proof", "证明缺少 created", "proof lacks created")
        return None
    try:
        parse_timestamp(result.created)
    except SigningError as error:
        run.fail("proof", error.zh, error.en)
        return None
    run.facts["key_fingerprint"] = fingerprint(method.public_key)
    run.ok("proof", "eddsa-jcs-2022 签名有效", "eddsa-jcs-2022 signature is valid")
    return method.public_key, result.created


def step_publication(run: _Run, bundle: Bundle, root: Root, created: str) -> tuple[datetime, bool] | None:
    created_at = parse_timestamp(created)
    if parse_timestamp(bundle.credential["validFrom"]) > run.at or created_at > run.at:
        run.fail("publication", "在所查询的时间点凭证尚未生效或尚未签署", "credential not yet valid or not yet signed at the time asked about")
        return None
    if bundle.publication is None:
        run.facts.update(trusted_time=created, time_source=TIME_UNTRUSTED)
        run.ok("publication", f"没有发布回执：只能使用签名者自称的时间 {created}（不可信）",
               f"no publication receipt: only the signer's own time {created} is available (untrusted)")
        return created_at, False
    try:
        publication: Publication = verify_receipt(bundle.publication, bundle.credential, root)
        if created_at > publication.published:
            raise TrustError("proof.created 晚于发布时间", "proof.created is later than the publication time")
        if publication.published > run.at:
            raise TrustError("在所查询的时间点尚未发布", "not yet published at the time asked about")
    except SigningError as error:
        run.fail("publication", error.zh, error.en)
        return None
    published = format_timestamp(publication.published)
    run.facts.update(trusted_time=published, time_source=TIME_FROM_LOG)
    run.ok("publication", f"已记入公开日志（第 {publication.index} 条，树大小 {publication.tree_size}），可信发布时间 {published}",
           f"logged publicly (entry {publication.index} of a tree of {publication.tree_size}); trusted publication time {published}")
    return publication.published, True


def step_issuer(run: _Run, credential: Mapping[str, Any], kind: str, document: Authorizations, when: datetime, trusted: bool) -> None:
    method = credential["proof"]["verificationMethod"]
    if kind == "certificate":
        verdict = authorization_at(document, method, when, time_is_trusted=trusted)
        named = credential["credentialSubject"]["agency"]
        if verdict.agency is not None and verdict.agency.id != named["id"]:
            verdict_reasons = (("密钥属于另一家机构", f"the key belongs to another agency ({verdict.agency.id})"),)
        else:
            verdict_reasons = verdict.reasons
        names = [named["name"], credential["issuer"]["name"]]
    else:
        verdict = platform_authorization_at(document, method, when, time_is_trusted=trusted)
        verdict_reasons, names = verdict.reasons, [credential["issuer"]["name"]]
    agency = verdict.agency
    if agency is not None and any(n != {"zh": agency.name_zh, "en": agency.name_en} for n in names):
        verdict_reasons = tuple(verdict_reasons) + (("凭证中的名称与授权文件不符", "names in the credential differ from the authorization document"),)
    if agency is not None:
        run.facts.update(issuer_id=agency.id, issuer_name_zh=agency.name_zh, issuer_name_en=agency.name_en)
    when_text = f"{format_timestamp(when)}（{'可信' if trusted else '不可信'}）"
    when_en = f"{format_timestamp(when)} ({'trusted' if trusted else 'untrusted'})"
    if verdict_reasons:
        run.fail("issuer", f"签发者在 {when_text} 未获授权：" + _join(verdict_reasons)[0],
                 f"issuer not authorized at {when_en}: " + _join(verdict_reasons)[1])
        return
    who_zh = f"平台 {agency.name_zh}" if kind == "declaration" else f"机构 {agency.name_zh}（{agency.id}）"
    who_en = f"the platform {agency.name_en}" if kind == "declaration" else f"agency {agency.name_en} ({agency.id})"
    run.ok("issuer", f"签名密钥在 {when_text} 属于获授权的{who_zh}", f"signing key belonged to {who_en}, authorized at {when_en}")


def step_status(run: _Run, bundle: Bundle, root: Root, allow_stale: bool, last_seen: Mapping[str, int]) -> StatusList | None:
    from .statuslist import parse_status_list

    try:
        status = verify_status_list(bundle.status, root, run.at, last_seen_version=last_seen.get("status"))
        run.facts["status_fresh"] = True
    except StaleStatusError as error:
        status = parse_status_list(bundle.status["signed"])
        run.facts["status_fresh"] = False
        if not allow_stale:
            run.fail("status", f"无法确认未被吊销：{error.zh}", f"cannot confirm not revoked: {error.en}")
            run.facts["seen_versions"]["status"] = status.version
            return None
        run.ok("status", f"警告：{error.zh}，按 --allow-stale 仍使用", f"WARNING: {error.en}; used anyway (--allow-stale)")
        run.facts["seen_versions"]["status"] = status.version
        return status
    except SigningError as error:
        run.fail("status", error.zh, error.en)
        return None
    run.facts["seen_versions"]["status"] = status.version
    run.ok("status", f"状态列表 v{status.version} 已签名且在 {format_timestamp(run.at)} 有效",
           f"status list v{status.version} is signed and fresh at {format_timestamp(run.at)}")
    return status


def step_revocation(run: _Run, status: StatusList, credential_id: str) -> None:
    entry = status.revocation_of(credential_id, run.at)
    as_of = format_timestamp(run.at)
    if entry is not None:
        run.facts.update(revocation="revoked", revocation_reason=entry.reason)
        run.fail("revocation", f"截至 {as_of} 已被吊销：{entry.reason}", f"revoked as of {as_of}: {entry.reason}")
        return
    run.facts["revocation"] = "not-revoked" if run.facts.get("status_fresh") else "unknown"
    run.ok("revocation", f"截至 {as_of} 未被吊销", f"not revoked as of {as_of}")


def run_steps(data: bytes, pinned: Mapping[str, Any] | None, *, at: datetime | None, allow_stale: bool,
              trust_on_first_use: bool, last_seen: dict[str, int]) -> Verdict:
    run = _Run(at or utc_now())
    try:
        document = step_json(run, data)
    except UnreadableJSONError:
        return run.verdict(unreadable=True)
    bundle = None if document is None else step_bundle(run, document)
    kind = None if bundle is None else step_shape(run, bundle.credential)
    if bundle is None or kind is None:
        return run.verdict()
    if pinned is None and not trust_on_first_use:
        run.fail("root", "没有固定的 root：请用 --root 指定可信的 root.json（或明确使用 --trust-on-first-use）",
                 "no pinned root: give a trusted root.json with --root (or explicitly --trust-on-first-use)")
        return run.verdict()
    root = step_root(run, bundle, pinned, last_seen)
    if root is None:
        return run.verdict()
    document_auth = step_authorizations(run, bundle, root, last_seen)
    proven = step_proof(run, bundle.credential)
    if proven is not None:
        run.facts["subject"] = bundle.credential["credentialSubject"]
        timing = step_publication(run, bundle, root, proven[1])
        if timing is not None and document_auth is not None:
            step_issuer(run, bundle.credential, kind, document_auth, *timing)
    status = step_status(run, bundle, root, allow_stale, last_seen)
    if status is not None:
        step_revocation(run, status, bundle.credential["id"])
    return run.verdict()
