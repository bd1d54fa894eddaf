"""A small, real certification world for the credential, log, bundle and verify tests.

Real Ed25519 keys and real signatures; no mocks. ``World`` holds a platform, one agency with
one key, and knobs to change any signed document before the bundle is assembled.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from signing.credential import build_credential
from signing.issue import Platform, agency_entry, create_platform, did_of, issue_bundle, key_entry
from signing.timefmt import parse_timestamp
from signing.transparency import PublicationLog

NOW = parse_timestamp("2026-03-10T00:00:00Z")
AGENCY_NAMES = {"zh": "绿色认证中心", "en": "Green Certification Centre"}

EVENT = {
    "id": "2025-pujiang-city-marathon",
    "name": {"zh": "2025 浦江城市马拉松", "en": "2025 Pujiang City Marathon"},
    "kind": "sports",
    "organizer": {"zh": "浦江城市体育发展有限公司", "en": "Pujiang City Sports Development Co., Ltd."},
    "venue": {"zh": "外滩起点—世博园终点城市道路赛道", "en": "City road course from the Bund to the Expo Park"},
    "district": "huangpu",
    "start": "2025-11-16",
    "end": "2025-11-16",
}
OFFSETS = {
    "needed": "733",
    "retired": "740",
    "retirements": [
        {"id": "pjm-2026-ccer-001", "kind": "ccer", "registry": "national-ccer-registry", "quantity": "700",
         "retiredOn": "2026-02-10", "serials": [{"prefix": "CCER-310000-2024-0087", "first": "000000001", "last": "000000700"}]},
        {"id": "pjm-2026-cea-001", "kind": "cea", "registry": "national-ets-registry", "quantity": "40",
         "retiredOn": "2026-01-15", "serials": [{"prefix": "CEA-2024-SH", "first": "000120001", "last": "000120040"}]},
    ],
}
EMISSIONS = {"basic": "612.4", "extended": "120.3", "total": "732.7"}
EVIDENCE = [
    {"path": "events/2025/2025-pujiang-city-marathon/plan.yaml", "sha256": "a" * 64},
    {"path": "events/2025/2025-pujiang-city-marathon/report.yaml", "sha256": "b" * 64},
    {"path": "events/2025/2025-pujiang-city-marathon/attachments/ccer-cancellation.pdf",
     "sha256": "36b93441992bae8453e2082f0c878f753f84d61ce244adbb0115941b50973cc0"},
]


def credential_fields(kind: str = "certificate", signer: Ed25519PrivateKey | None = None, number: str = "CN-2026-0001",
                      issuer_name: dict | None = None) -> dict[str, Any]:
    """The keyword arguments of ``build_credential`` for the sample marathon."""
    fields: dict[str, Any] = {
        "kind": kind, "number": number,
        "issuer_did": did_of(signer) if signer else "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "issuer_name": issuer_name or AGENCY_NAMES, "valid_from": "2026-03-01T00:00:00Z", "event": copy.deepcopy(EVENT),
        "scope": "full", "emissions": dict(EMISSIONS), "offsets": copy.deepcopy(OFFSETS), "evidence": copy.deepcopy(EVIDENCE),
    }
    if kind == "certificate":
        fields["agency"] = {"id": "agency-green", "name": dict(AGENCY_NAMES)}
    return fields


@dataclass
class World:
    """Everything needed to issue and verify bundles; change fields, then call ``issue``."""

    platform: Platform = field(default_factory=create_platform)
    agency_key: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)
    key_compromised_since: str | None = None
    agency_state: str = "active"
    agency_state_since: str = "2024-01-01T00:00:00Z"
    declaration_key_compromised_since: str | None = None
    authorizations_expires: str = "2026-12-31T00:00:00Z"
    authorizations_version: int = 1
    status_issued: str = "2026-03-09T00:00:00Z"
    status_expires: str = "2026-03-16T00:00:00Z"
    status_version: int = 7
    status_entries: list = field(default_factory=list)
    status_registry: str | None = None
    log: PublicationLog = field(default_factory=PublicationLog)

    def root(self) -> dict:
        return self.platform.root(1)

    def authorizations(self) -> dict:
        key = key_entry(self.agency_key, "2025-01-01T00:00:00Z", "2027-01-01T00:00:00Z", self.key_compromised_since)
        agency = agency_entry("agency-green", AGENCY_NAMES, [key], accredited=("2024-01-01T00:00:00Z", "2028-01-01T00:00:00Z"),
                              state=self.agency_state, since=self.agency_state_since)
        platform = self.platform.platform_entry("2024-01-01T00:00:00Z", "2030-01-01T00:00:00Z", self.declaration_key_compromised_since)
        return self.platform.authorizations([agency], version=self.authorizations_version,
                                            expires=self.authorizations_expires, platform=platform)

    def status_list(self, **values) -> dict:
        """A status list whose snapshot names this world's root v1, authorizations and current checkpoint."""
        values.setdefault("root", self.root())
        values.setdefault("authorizations", self.authorizations())
        values.setdefault("checkpoint", self.platform.checkpoint(self.log, values["issued"]))
        return self.platform.status_list(**values)

    def status(self) -> dict:
        return self.status_list(version=self.status_version, issued=self.status_issued, expires=self.status_expires,
                                entries=self.status_entries, registry=self.status_registry)

    def issue(self, kind: str = "certificate", *, number: str = "CN-2026-0001", created: str = "2026-03-01T08:00:00Z",
              published: str = "2026-03-02T00:00:00Z", root_chain: list | None = None) -> dict:
        signer = self.agency_key if kind == "certificate" else self.platform.declaration_key
        names = AGENCY_NAMES if kind == "certificate" else dict(self.platform.names)
        credential = build_credential(**credential_fields(kind, signer, number, names))
        issued = issue_bundle(credential, signer, created=created, published=published, log=self.log,
                              sign_checkpoint_with=self.platform, root_chain=root_chain or [self.root()],
                              authorizations=self.authorizations(), status=self.status())
        self.log = issued.log
        return issued.bundle


def dump(bundle: Any) -> bytes:
    """The bytes of a bundle as the site would write them."""
    return json.dumps(bundle, ensure_ascii=False, indent=1).encode("utf-8")
