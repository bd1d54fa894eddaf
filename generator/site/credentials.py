"""Certificates and declarations on the site: bundles to download, facts to show, the showcase score."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from generator.model.bundles import bundle_bytes

# Art. 15 showcase: the published formula (weights sum to 1).
W_SCOPE, W_OFFSET, W_SUPPORT = Decimal("0.4"), Decimal("0.3"), Decimal("0.3")


@dataclass(frozen=True)
class CredentialView:
    kind: str  # certificate | declaration
    number: str
    credential: dict
    bundle: bytes
    issuer_name_zh: str
    issuer_name_en: str
    key_fingerprint: str
    verification_method: str
    created: str
    published: str | None

    @property
    def scope(self) -> str:
        return self.credential["credentialSubject"]["scope"]


def credential_view(trust, credential: dict) -> CredentialView:
    from signing.multikey import fingerprint, parse_did_key_method

    kind = "certificate" if "CarbonNeutralityCertificate" in credential.get("type", []) else "declaration"
    subject = credential["credentialSubject"]
    number = subject.get("certificateNumber") or subject.get("declarationId")
    vm = credential["proof"]["verificationMethod"]
    position = trust.log_position.get(credential["id"])
    published = trust.log_leaves[position]["published"] if position is not None else None
    return CredentialView(kind, number, credential, bundle_bytes(trust, credential),
                          credential["issuer"]["name"]["zh"], credential["issuer"]["name"]["en"],
                          fingerprint(parse_did_key_method(vm).public_key), vm, credential["proof"]["created"],
                          published)


@dataclass(frozen=True)
class Score:
    scope: Decimal
    offset: Decimal
    support: Decimal

    @property
    def total(self) -> Decimal:
        value = 100 * (W_SCOPE * self.scope + W_OFFSET * self.offset + W_SUPPORT * self.support)
        return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def showcase_score(event, account, scope: str) -> Score:
    """Accounting scope (full with all three phases 1, full 0.8, basic 0.5); offset quality (the rules'
    quality weight of each retirement's kind, weighted by quantity); support (share of emission lines
    backed by an evidence attachment, times the share of the total that rests neither on a placeholder
    factor nor on estimated activity data, ``1 - weak_share`` of accounting/indicators.py: a total mostly
    made of placeholder values or estimates is weakly supported, however many files are attached)."""
    from generator.accounting.indicators import weak_share

    phases = {x.line.phase for x in account.lines}
    scope_part = Decimal("0.5") if scope == "basic" else Decimal(1) if len(phases) == 3 else Decimal("0.8")
    total_q = sum(r.quantity for r in event.retirements)
    weights = account.rules.offsets if account.rules else {}
    offset_part = (sum(Decimal(r.quantity) * (weights[r.kind].quality if r.kind in weights else Decimal(0))
                       for r in event.retirements) / total_q) if total_q else Decimal(0)
    lines = event.report.lines if event.report else ()
    backed = sum(1 for line in lines if line.evidence or line.factor.evidence)
    support_part = (Decimal(backed) / len(lines) if lines else Decimal(0)) * (1 - weak_share(account))
    return Score(scope_part, offset_part, support_part)
