"""Signed certificates and declarations in the registry verify against the registry's own trust
documents, still match the evidence they bind, and state the totals the registry computes."""
from __future__ import annotations

import functools
import hashlib
from datetime import datetime, timezone
from pathlib import Path

from generator.accounting.signed_totals import differing_totals
from generator.findings import Location, error, warning
from generator.rules.context import EventContext, RegistryContext


def _signed_documents(ctx: EventContext):
    for event, account in ctx.planned_events():
        for name, doc in (("certificate.json", event.certificate), ("declaration.json", event.declaration_credential)):
            if doc is not None:
                yield event, account, name, doc


def _where(ctx: EventContext, event, name: str) -> Location:
    root = ctx.registry.shown_root.rstrip("/")
    return Location(f"{root}/{event.rel_dir}/{name}", 1, 1)


def credentials_verify(ctx: EventContext):
    """C101: each signed document verifies (proof, issuer authorized, publication receipt)."""
    trust = ctx.registry.trust
    docs = list(_signed_documents(ctx))
    if not docs:  # nothing signed yet (a new registry before carbonreg trust init): nothing to verify
        return
    if trust is None or not trust.root_chain:
        for event, _, name, _ in docs:
            yield error("C101", _where(ctx, event, name), "登记库没有 trust/1.root.json，无法核验签名文件",
                        "the registry has no trust/1.root.json, so signed files cannot be verified")
        return
    from generator.model.bundles import bundle_for, dump_json

    at = datetime(ctx.today.year, ctx.today.month, ctx.today.day, 23, 59, 59, tzinfo=timezone.utc)
    revoked_ids = {f"urn:carbonreg:{r.target_kind}:{r.target_id}" for r in ctx.registry.revocations}
    stale = False
    cache = ctx.caches.derived("verdicts")
    root = dump_json(trust.root_chain[0])
    for event, _, name, doc in docs:
        where = _where(ctx, event, name)
        bundle = dump_json(bundle_for(trust, doc))
        verdict = cache.get_or_compute(cache.key("verdict", _signing_digest(), at.isoformat(), root, bundle),
                                       functools.partial(_verdict, bundle, trust.root_chain[0], at))
        failed = [tuple(step) for step in verdict["failed"]]  # (step name, zh, en)
        if verdict["revocation"] == "revoked":
            if doc.get("id") not in revoked_ids:
                yield error("C106", where, "状态列表撤销了此文件，但登记库中没有相应的撤销公告",
                            "the status list revokes this file but the registry has no revocation notice for it")
            failed = [step for step in failed if step[0] != "revocation"]
        elif doc.get("id") in revoked_ids:
            yield warning("C107", where, "已有撤销公告，但签署的状态列表尚未包含；请运行 carbonreg status sign",
                          "a revocation notice exists but the signed status list does not include it yet; run carbonreg status sign")
        for step, zh, en in failed:
            yield error("C101", where, f"签名文件核验失败（{step}）：{zh}", f"the signed file does not verify ({step}): {en}")
        stale = stale or verdict["status_fresh"] is False
    if stale:
        shown_root = ctx.registry.shown_root.rstrip("/")
        yield warning("C105", Location(f"{shown_root}/trust/status.json", 1, 1),
                      f"签署的状态列表在 {ctx.today} 已过期，已发布证书和声明的撤销状态无法确认；请运行 carbonreg status sign",
                      f"the signed status list has expired by {ctx.today}, so the revocation status of published certificates and declarations cannot "
                      "be confirmed; run carbonreg status sign")


def _verdict(bundle: bytes, root: dict, at: datetime) -> dict:
    from signing.verify import verify_bundle

    verdict = verify_bundle(bundle, root, at=at)
    return {"failed": [[s.name, s.zh, s.en] for s in verdict.steps if not s.ok and not s.skipped and not s.warning],
            "revocation": verdict.revocation, "status_fresh": verdict.status_fresh}


@functools.cache
def _signing_digest() -> str:
    """The verifier's code is part of what a cached verdict depends on."""
    folder = Path(__file__).resolve().parents[2] / "signing"
    digest = hashlib.sha256()
    for path in sorted([*folder.glob("*.py"), *folder.glob("*.json")]):  # verifier.json holds its limits and texts
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def evidence_unchanged(ctx: EventContext):
    """C102: every file a signed document binds by SHA-256 is still there, unchanged."""
    for event, _, name, doc in _signed_documents(ctx):
        items = doc.get("credentialSubject", {}).get("evidence", [])
        for item in items if isinstance(items, list) else []:
            rel = item.get("path", "") if isinstance(item, dict) else ""
            path = ctx.registry.root / rel
            if ".." in Path(rel).parts or Path(rel).is_absolute() or not path.is_file():
                yield error("C102", _where(ctx, event, name), f"签名文件绑定的证据 {rel} 不存在",
                            f"evidence {rel} bound by the signed file does not exist")
                continue
            try:
                actual = ctx.caches.sha256(path)
            except OSError:  # a link, FIFO or device: never read (see loading/safefile.py)
                yield error("C102", _where(ctx, event, name), f"签名文件绑定的证据 {rel} 不是普通文件",
                            f"evidence {rel} bound by the signed file is not a regular file")
                continue
            if actual != item.get("sha256"):
                yield error("C102", _where(ctx, event, name),
                            f"证据 {rel} 在签署后被修改（SHA-256 {actual[:16]}… ≠ 签署时 {str(item.get('sha256'))[:16]}…）；已签署的记录不得修改，"
                            "更正须另立新记录",
                            f"evidence {rel} changed after signing (SHA-256 {actual[:16]}… ≠ signed {str(item.get('sha256'))[:16]}…); signed records "
                            "are never edited, corrections are new records")


def totals_match(ctx: EventContext):
    """C103: the signed totals equal what the registry computes now."""
    for event, account, name, doc in _signed_documents(ctx):
        subject = doc.get("credentialSubject", {})
        if account is None or not isinstance(subject, dict):
            continue
        if subject.get("event", {}).get("id") != event.plan.id:
            yield error("C104", _where(ctx, event, name), "签名文件所述活动与所在文件夹不符",
                        "the signed file names another event than its folder")
            continue
        for field, signed, computed in differing_totals(subject, account):
            yield error("C103", _where(ctx, event, name),
                        f"签名文件中 {field} 为 {signed}，登记库计算为 {computed}",
                        f"the signed {field} is {signed}, the registry computes {computed}")


def logged_credentials_present(ctx: RegistryContext):
    """C108: every credential the publication log holds is still in the registry. The log is
    append-only and public: a logged certificate whose file was deleted leaves the public a receipt
    for a document the registry no longer shows (a withdrawal goes through a revocation notice)."""
    trust = ctx.registry.trust
    if trust is None or not trust.log_leaves:
        return
    present = {cid for facts in ctx.facts for cid in facts.credentials}
    missing = [(i, leaf) for i, leaf in enumerate(trust.log_leaves) if leaf.get("id") not in present]
    if not missing:
        return
    shown = f"{ctx.registry.shown_root.rstrip('/')}/trust/log.json"
    lines = _lines_of_ids(ctx.registry.root / "trust" / "log.json")
    for i, leaf in missing:
        cid = str(leaf.get("id"))
        yield error("C108", Location(shown, lines.get(cid, 1), 1),
                    f"公开日志第 {i + 1} 条记录了 {cid}（{leaf.get('published')} 发布），但登记库中没有可读的此证书或声明文件；"
                    "请从 git 历史恢复该文件；如须作废，应发布撤销公告（revocations/），不能删除",
                    f"log entry {i + 1} records {cid} (published {leaf.get('published')}), but no readable certificate or declaration "
                    "with that id is in the registry; restore the file from git history; to withdraw it, publish a revocation "
                    "notice (revocations/) instead of deleting it")


def _lines_of_ids(path: Path) -> dict[str, int]:
    """Line of each ``"id": "…"`` in the log file (the log is one JSON document, one field a line)."""
    import json

    found: dict[str, int] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return found
    for number, line in enumerate(text.splitlines(), start=1):
        head, sep, rest = line.strip().partition('"id":')
        if sep and not head:
            try:
                found.setdefault(json.loads(rest.strip().rstrip(",")), number)
            except ValueError:
                continue
    return found
