"""The steps of ``verify.py``, one function each; see that module for the order and the times used."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Mapping

from .authorizations import Authorizations, authorization_at, platform_authorization_at
from .bundle import Bundle, parse_bundle
from .credential_shape import check_shape, credential_kind
from .eddsa_jcs_2022 import verify_proof
from .errors import SigningError, TrustError, UnreadableJSONError
from .inputfile import UnreadableFile
from .multikey import fingerprint, parse_did_key_method
from .statuslist import StatusList
from .strictjson import NESTED_EN, loads
from .timefmt import format_timestamp, parse_timestamp, utc_now
from .transparency import Publication, verify_receipt
from .trust import Root
from .trustdir import Document, TrustInputs
from .verdict import TIME_FROM_LOG, TIME_UNTRUSTED, Step, Verdict
from .verifier_spec import STEP_NAMES as SPEC_STEP_NAMES, text
from .verify_trust import Held, bundle_registry, check_evidence, choose_authorizations, choose_status, registry_version_problem, snapshot_problems, walk_roots

STEP_NAMES = SPEC_STEP_NAMES  # from signing/verifier.json, which the browser verifier reads too
EVIDENCE_STEP = "evidence"


class _Run:
    """The state of one verification: steps so far and what they established."""

    def __init__(self, at: datetime, names: tuple[str, ...] = STEP_NAMES) -> None:
        self.at = at
        self.names = names
        self.steps: list[Step] = []
        self.facts: dict[str, Any] = {"status_as_of": format_timestamp(at), "seen_versions": {}}
        self.held: Held | None = None  # the trust documents used, for the status list's snapshot

    def ok(self, name: str, zh: str, en: str, id: str = "") -> None:
        self.steps.append(Step(name, True, zh, en, id=id))

    def warn(self, name: str, zh: str, en: str, id: str = "") -> None:
        self.steps.append(Step(name, False, zh, en, warning=True, id=id))

    def fail(self, name: str, zh: str, en: str, id: str = "") -> None:
        self.steps.append(Step(name, False, zh, en, id=id))

    def skip(self, name: str, needs: str) -> None:
        self.steps.append(Step(name, False, *text("skipped", needs=needs), True))

    def verdict(self, unreadable: bool = False) -> Verdict:
        done = {s.name for s in self.steps}
        for name in self.names:
            if name not in done:
                self.skip(name, next((s.name for s in self.steps if not s.ok), "root"))
        valid = all(s.ok for s in self.steps)
        genuine = not unreadable and all(s.ok or s.warning for s in self.steps)
        return Verdict(valid=valid, genuine=genuine, steps=tuple(self.steps), unreadable=unreadable, **self.facts)


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
        run.fail("json", error.zh, error.en, "json.nested" if error.en == NESTED_EN else "")
        return None
    run.ok("json", *text("json.passed"))
    return document


def step_bundle(run: _Run, document: Any) -> Bundle | None:
    bundle, reasons = parse_bundle(document)
    if bundle is None:
        run.fail("bundle", *_join(reasons))
    else:
        run.ok("bundle", *text("bundle.passed"))
    return bundle


def step_shape(run: _Run, credential: Mapping[str, Any]) -> str | None:
    problems = check_shape(credential)
    if not isinstance(credential.get("proof"), dict):
        run.fail("shape", *text("shape.no-proof"))
        return None
    if problems:
        run.fail("shape", "；".join(f"{p.path} {p.zh}" for p in problems), "; ".join(f"{p.path} {p.en}" for p in problems))
        return None
    kind = credential_kind(credential)
    run.facts.update(kind=kind, credential_id=credential["id"])
    kind_zh = text("shape.kind.certificate" if kind == "certificate" else "shape.kind.declaration")[0]
    run.ok("shape", *text("shape.passed", kind=kind, kind_zh=kind_zh))
    return kind


def _anchors(run: _Run, bundle: Bundle, inputs: TrustInputs, shipped_roots: bool, trust_on_first_use: bool) -> tuple[Document, ...] | None:
    """The roots trust starts from, or None after failing the ``root`` step (fail closed)."""
    if inputs.roots:
        run.facts.update(root_source_zh=inputs.source_zh, root_source_en=inputs.source_en)
        return inputs.roots
    try:
        name = bundle_registry(bundle.root_chain)
        if shipped_roots and name is not None:
            from .roots import root_path, shipped_root

            envelope = shipped_root(name)
            if envelope is not None:
                path = str(root_path(name))
                source_zh, source_en = text("root.source.shipped", path=path)
                run.facts.update(root_source_zh=source_zh, root_source_en=source_en)
                return (Document(path, envelope),)
    except SigningError as error:
        run.fail("root", error.zh, error.en)
        return None
    if trust_on_first_use:
        source_zh, source_en = text("root.source.first-use")
        run.facts.update(root_pinned=False, root_source_zh=source_zh, root_source_en=source_en)
        return (Document("rootChain[0]", bundle.root_chain[0]),)
    run.facts["root_pinned"] = False
    where_zh, where_en = text("root.of-registry", name=name) if name else ("", "")
    run.fail("root", *text("root.no-pinned-root", where_zh=where_zh, where_en=where_en))
    return None


def step_root(run: _Run, bundle: Bundle, anchors: tuple[Document, ...], last_seen: Mapping[str, int]) -> Root | None:
    try:
        root, anchor_print, newest_print = walk_roots(anchors, bundle.root_chain, run.at)
        run.facts.update(root_fingerprint=anchor_print)
        if root.version < last_seen.get("root", 0):
            raise TrustError(*text("root.rollback-below-one-seen", version=root.version))
    except SigningError as error:
        run.fail("root", error.zh, error.en)
        return None
    run.facts.update(root_version=root.version, registry=root.registry)
    run.held = Held(root.version, newest_print)
    run.facts["seen_versions"]["root"] = root.version
    source_zh, source_en = run.facts.get("root_source_zh", ""), run.facts.get("root_source_en", "")
    if not run.facts.get("root_pinned", True):
        run.ok("root", *text("root.passed-first-use", fingerprint=anchor_print, version=root.version))
    else:
        run.ok("root", *text("root.passed", source_zh=source_zh, source_en=source_en, version=root.version))
    return root


def step_authorizations(run: _Run, bundle: Bundle, inputs: TrustInputs, root: Root, last_seen: Mapping[str, int]) -> Authorizations | None:
    try:
        document, label, digest = choose_authorizations(bundle.authorizations, inputs.authorizations, root, run.at,
                                                last_seen.get("authorizations"))
    except SigningError as error:
        run.fail("authorizations", error.zh, error.en)
        return None
    run.facts["seen_versions"]["authorizations"] = document.version
    if run.held is not None:
        run.held = Held(run.held.root_version, run.held.root_sha256, document.version, digest)
    run.ok("authorizations", *text("authorizations.passed", version=document.version, source_zh=label[0], source_en=label[1]))
    return document


def step_proof(run: _Run, credential: Mapping[str, Any]) -> tuple[bytes, str] | None:
    result = verify_proof(credential)
    if not result.verified:
        run.fail("proof", *_join(result.reasons))
        return None
    method = parse_did_key_method(result.verification_method)
    if method.did != credential["issuer"]["id"]:
        run.fail("proof", *text("proof.issuer-binding"), "proof.issuer-binding")
        return None
    if result.created is None:
        run.fail("proof", *text("proof.no-created"))
        return None
    try:
        parse_timestamp(result.created)
    except SigningError as error:
        run.fail("proof", error.zh, error.en)
        return None
    run.facts["key_fingerprint"] = fingerprint(method.public_key)
    run.ok("proof", *text("proof.passed"))
    return method.public_key, result.created


def step_publication(run: _Run, bundle: Bundle, root: Root, created: str) -> tuple[datetime, bool] | None:
    created_at = parse_timestamp(created)
    if parse_timestamp(bundle.credential["validFrom"]) > run.at or created_at > run.at:
        run.fail("publication", *text("publication.not-yet-valid"))
        return None
    if bundle.publication is None:
        run.facts.update(trusted_time=created, time_source=TIME_UNTRUSTED)
        run.warn("publication", *text("publication.unlogged", created=created), "publication.unlogged")
        return created_at, False
    try:
        publication: Publication = verify_receipt(bundle.publication, bundle.credential, root)
        if created_at > publication.published:
            raise TrustError(*text("publication.created-after-published"))
        if publication.published > run.at:
            raise TrustError(*text("publication.not-yet-published"))
    except SigningError as error:
        run.fail("publication", error.zh, error.en)
        return None
    published = format_timestamp(publication.published)
    run.facts.update(trusted_time=published, time_source=TIME_FROM_LOG)
    if run.held is not None:
        checkpoint = bundle.publication["checkpoint"]
        run.held = Held(run.held.root_version, run.held.root_sha256, run.held.authorizations_version,
                        run.held.authorizations_sha256, checkpoint["signed"]["size"], checkpoint["signed"]["rootHash"])
    run.ok("publication", *text("publication.passed", index=publication.index, size=publication.tree_size, published=published))
    return publication.published, True


def step_issuer(run: _Run, credential: Mapping[str, Any], kind: str, document: Authorizations, when: datetime, trusted: bool) -> None:
    method = credential["proof"]["verificationMethod"]
    verdict_reasons: tuple[tuple[str, str], ...]
    if kind == "certificate":
        verdict = authorization_at(document, method, when, time_is_trusted=trusted)
        named = credential["credentialSubject"]["agency"]
        if verdict.agency is not None and verdict.agency.id != named["id"]:
            verdict_reasons = (text("issuer.key-belongs-to-another-agency", agency=verdict.agency.id),)
        else:
            verdict_reasons = verdict.reasons
        names = [named["name"], credential["issuer"]["name"]]
    else:
        verdict = platform_authorization_at(document, method, when, time_is_trusted=trusted)
        verdict_reasons, names = verdict.reasons, [credential["issuer"]["name"]]
    agency = verdict.agency
    if agency is not None and any(n != {"zh": agency.name_zh, "en": agency.name_en} for n in names):
        verdict_reasons = tuple(verdict_reasons) + (text("issuer.names-differ-from-the-authorization-document"),)
    if agency is not None:
        run.facts.update(issuer_id=agency.id, issuer_name_zh=agency.name_zh, issuer_name_en=agency.name_en)
    when_text, when_en = text("issuer.when-trusted" if trusted else "issuer.when-untrusted", time=format_timestamp(when))
    if verdict_reasons or agency is None:  # (an authorization without reasons always names its agency)
        reasons_zh, reasons_en = _join(verdict_reasons)
        run.fail("issuer", *text("issuer.failed", when_zh=when_text, when_en=when_en, reasons_zh=reasons_zh, reasons_en=reasons_en))
        return
    who = {"name_zh": agency.name_zh, "name_en": agency.name_en, "id": agency.id}
    who_zh, who_en = text("issuer.who.platform", **who) if kind == "declaration" else text("issuer.who.agency", **who)
    run.ok("issuer", *text("issuer.passed", when_zh=when_text, when_en=when_en, who_zh=who_zh, who_en=who_en))


def _published_at(status: StatusList | None) -> tuple[str, str]:
    """Where the current list is and how to pass it (the stale and missing messages end with this)."""
    if status is not None and status.site:
        return text("status.where.site.cli", url=f"{status.site}trust/status.json")
    return text("status.where.unknown.cli")


def step_status(run: _Run, bundle: Bundle, inputs: TrustInputs, root: Root, last_seen: Mapping[str, int],
                registry_dir: Any = None) -> StatusList | None:
    try:
        chosen = choose_status(bundle.status, inputs.status, inputs.status_override, root, run.at, last_seen.get("status"))
    except SigningError as error:
        run.fail("status", error.zh, error.en)
        return None
    if chosen is None:
        run.facts["status_fresh"] = False
        where = _published_at(None)
        run.warn("status", *text("status.missing", where_zh=where[0], where_en=where[1]), "status.missing")
        return None
    status = chosen.status
    problems = [] if run.held is None else snapshot_problems(status, run.held, chosen.label)
    if registry_dir is not None:
        mismatch = registry_version_problem(status, registry_dir)
        if mismatch is not None:
            problems.append(("status.registry-version", *mismatch))
    if problems:
        run.fail("status", *_join((zh, en) for _, zh, en in problems), problems[0][0])
        return None
    run.facts.update(status_fresh=chosen.fresh, status_version=status.version, status_source=chosen.label[1],
                     status_expires=format_timestamp(status.expires), status_site=status.site)
    run.facts["seen_versions"]["status"] = status.version
    if not chosen.fresh:
        where = _published_at(status)
        run.warn("status", *text("status.stale", stale_zh=chosen.stale_zh, stale_en=chosen.stale_en, source_zh=chosen.label[0],
                                 source_en=chosen.label[1], where_zh=where[0], where_en=where[1]), "status.stale")
        return status
    run.ok("status", *text("status.passed", version=status.version, source_zh=chosen.label[0], source_en=chosen.label[1],
                           at=format_timestamp(run.at)))
    return status


def step_revocation(run: _Run, status: StatusList | None, credential_id: str) -> None:
    as_of = format_timestamp(run.at)
    entry = None if status is None else status.revocation_of(credential_id, run.at)
    if entry is not None:
        run.facts.update(revocation="revoked", revocation_reason=entry.reason)
        run.fail("revocation", *text("revocation.revoked", at=as_of, reason=entry.reason))
        return
    if status is None or not run.facts.get("status_fresh"):
        run.facts["revocation"] = "unknown"
        run.warn("revocation", *text("revocation.unknown", at=as_of))
        return
    run.facts["revocation"] = "not-revoked"
    run.ok("revocation", *text("revocation.passed", at=as_of, version=status.version))


def step_evidence(run: _Run, registry_dir: Any, evidence: Any) -> None:
    problems, matched = check_evidence(registry_dir, evidence)
    if problems:
        reasons_zh, reasons_en = _join(problems)
        run.fail(EVIDENCE_STEP, *text("evidence.failed", reasons_zh=reasons_zh, reasons_en=reasons_en))
        return
    run.facts["evidence_checked"] = matched
    run.ok(EVIDENCE_STEP, *text("evidence.passed", count=matched))


def run_steps(data: bytes, inputs: TrustInputs, *, at: datetime | None, trust_on_first_use: bool, shipped_roots: bool,
              last_seen: dict[str, int], registry_dir: Any = None) -> Verdict:
    run = _Run(at or utc_now(), STEP_NAMES + ((EVIDENCE_STEP,) if registry_dir is not None else ()))
    if isinstance(data, UnreadableFile):
        run.fail("json", data.zh, data.en)
        return run.verdict(unreadable=True)
    try:
        document = step_json(run, data)
    except UnreadableJSONError:
        return run.verdict(unreadable=True)
    bundle = None if document is None else step_bundle(run, document)
    kind = None if bundle is None else step_shape(run, bundle.credential)
    if bundle is None or kind is None:
        return run.verdict()
    anchors = _anchors(run, bundle, inputs, shipped_roots, trust_on_first_use)
    root = None if anchors is None else step_root(run, bundle, anchors, last_seen)
    if root is None:
        return run.verdict()
    document_auth = step_authorizations(run, bundle, inputs, root, last_seen)
    proven = step_proof(run, bundle.credential)
    if proven is not None:
        run.facts["subject"] = bundle.credential["credentialSubject"]
        timing = step_publication(run, bundle, root, proven[1])
        if timing is not None and document_auth is not None:
            step_issuer(run, bundle.credential, kind, document_auth, *timing)
    status = step_status(run, bundle, inputs, root, last_seen, registry_dir)
    if run.steps[-1].ok or run.steps[-1].warning:
        step_revocation(run, status, bundle.credential["id"])
    if registry_dir is not None and proven is not None:
        step_evidence(run, registry_dir, bundle.credential["credentialSubject"]["evidence"])
    return run.verdict()
