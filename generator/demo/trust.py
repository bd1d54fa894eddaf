"""The demo platform's signed trust folder, made with ``generator.publishing.ops`` at fixed times:
trust_init, authorize (every agency), suspend, certify (batched: the records loaded and accounted
once for all certificates), then one check of the whole registry for sign_status and publish.
Keys come from :mod:`generator.demo.keys`; none is written to disk."""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from generator.demo.keys import agency_key, platform_keys
from generator.publishing import credentials as cred, ops
from generator.publishing.files import dump_json, write_atomic

ROOT_EXPIRES = "2031-01-01T00:00:00Z"
AUTH_EXPIRES = "2027-12-31T00:00:00Z"
PLATFORM_VALID = ("2025-07-01T00:00:00Z", "2030-12-31T00:00:00Z")
PLATFORM_NAMES = {"zh": "上海大型活动碳中和登记平台（演示）", "en": "Shanghai Large-Event Carbon Neutrality Registry (demo)"}


def setup_platform(registry: Path, seed, today: date, agencies: list, suspended: dict[str, str]) -> None:
    """trust init + one authorization per agency (``agencies``: records with id, name, accreditation)."""
    keys = platform_keys(seed)
    ops.trust_init(registry, keys, name="carbonreg:demo", threshold=2, expires=ROOT_EXPIRES,
                   platform_names=PLATFORM_NAMES, platform_valid=PLATFORM_VALID, auth_expires=AUTH_EXPIRES)
    from signing.issue import multikey_of

    for agency in agencies:
        start = agency.accredited_from.isoformat() + "T00:00:00Z"
        until = agency.accredited_until.isoformat() + "T00:00:00Z"
        ops.authorize(registry, keys.authorizations, agency_id=agency.id,
                      names={"zh": agency.name.zh, "en": agency.name.en},
                      public_multikey=multikey_of(agency_key(seed, agency.id)), accredited=(start, until),
                      key_valid=(start, until), expires=AUTH_EXPIRES)
    for agency_id, since in sorted(suspended.items()):
        ops.suspend(registry, keys.authorizations, agency_id=agency_id, since=since, expires=AUTH_EXPIRES)


def certify_all(registry: Path, seed, today: date, plans: list[tuple[str, dict]]) -> None:
    """``ops.certify`` for many events with the records loaded and accounted once (ops.certify checks
    the whole registry once per certificate, which is quadratic). Same bytes; the refusals of a
    registry with errors come from the one check in :func:`sign_and_publish`, after every
    certificate is written."""
    from generator.accounting.compute import compute_all
    from generator.caches import Caches
    from generator.loading.registry import load_registry
    from signing.credential import build_credential, sign_credential
    from signing.issue import did_of, verification_method_of

    # The record cache the one check in sign_and_publish reads (it then parses no record again).
    registry_records, _ = load_registry(registry, str(registry), cache=Caches.from_environment().records())
    accounts, _ = compute_all(registry_records, today)
    by_dir = {e.rel_dir: e for e in registry_records.events}
    for rel_dir, plan in plans:
        event = by_dir[rel_dir]
        account = accounts.get(rel_dir)
        agency = registry_records.agencies.get(plan["agency"])
        if account is None or event.report is None or agency is None or agency.status != "active" \
                or account.retired < account.needed(plan["scope"]):
            raise ops.OperationError(f"演示数据不一致：{rel_dir}", f"demo data inconsistent: {rel_dir}")
        key = agency_key(seed, agency.id)
        credential = build_credential(
            kind="certificate", number=plan["number"], issuer_did=did_of(key),
            issuer_name={"zh": agency.name.zh, "en": agency.name.en}, valid_from=plan["at"],
            event=cred.event_subject(event, account), scope=plan["scope"], emissions=cred.emissions(account),
            offsets=cred.offsets(event, account, plan["scope"]), evidence=cred.evidence(registry, event),
            agency={"id": agency.id, "name": {"zh": agency.name.zh, "en": agency.name.en}},
            disclosures=cred.disclosures(event, account, {
                "assuranceLevel": "limited", "materiality": "5",
                "opinion": {"zh": "经有限保证核查，未发现排放核算与注销证明存在重大错报。（演示数据）",
                            "en": "Under limited assurance, nothing indicates a material misstatement of the accounting or the retirements. (demo data)"}}))
        signed = sign_credential(credential, key, verification_method_of(key), plan["at"])
        write_atomic(event.dir / "certificate.json", dump_json(signed), replace=False)


def sign_and_publish(registry: Path, seed, today: date, status_at: str, status_expires: str, publish_at: str) -> None:
    """Check the whole registry once (every certificate and revocation notice written, on every core;
    ``ops`` refuses a registry with errors), then sign the status list from its revocation notices and
    publish every certificate and declaration into the log, from that one check: neither the status
    list nor the log changes an event's records, so ``ops.sign_status`` and ``ops.publish`` checking
    again would find the same."""
    keys = platform_keys(seed)
    result = ops._checked(registry, today, jobs=os.cpu_count() or 1)
    ops.sign_status_checked(registry, result, keys.status, at=status_at, expires=status_expires)
    ops.publish_checked(registry, result, keys, at=publish_at)
