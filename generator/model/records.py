"""Frozen records, one per kind of registry file. Each keeps its source document for locations."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from generator.loading.document import Document

PHASES = ("preparation", "hosting", "closing")


@dataclass(frozen=True)
class Text:
    zh: str
    en: str


@dataclass(frozen=True)
class Period:
    start: date
    end: date


@dataclass(frozen=True)
class Attachment:
    path: str
    sha256: str
    title: Text
    index: int  # position in the record's attachments list, for locations


@dataclass(frozen=True)
class Citation:
    title: Text
    issuer: Text
    number: str | None = None
    date: date | None = None
    url: str | None = None


@dataclass(frozen=True)
class Measure:
    phase: str
    area: str
    description: Text
    estimated_reduction_tco2e: Decimal | None


@dataclass(frozen=True)
class Plan:
    id: str
    name: Text
    kind: str
    organizer: Text
    organizer_credit_code: str | None
    venue: Text
    district: str
    content: Text
    phases: dict[str, Period]
    attendance: dict[str, Decimal]
    measures: tuple[Measure, ...]
    estimate_basic: Decimal | None  # the typed totals (required before rules with plan_estimate: lines)
    estimate_total: Decimal | None
    target_scope: str
    offset_kinds: tuple[str, ...]
    expected_neutral_by: date
    attachments: tuple[Attachment, ...]
    doc: Document = field(repr=False, compare=False)
    estimate_lines: tuple[EstimateLine, ...] = ()  # Art. 9: computed like report lines (accounting/estimate.py)

    @property
    def start(self) -> date:
        return self.phases["hosting"].start

    @property
    def end(self) -> date:
        return self.phases["hosting"].end


@dataclass(frozen=True)
class FactorChoice:
    """How a line's factor is chosen: a default key, or a measured value with evidence."""

    source: str  # "default" | "measured"
    key: str | None = None
    value: Decimal | None = None
    unit: str | None = None
    evidence: str | None = None


@dataclass(frozen=True)
class GreenPower:
    """Green electricity bought for a line: certificates (GEC) or a contract, by id, with proof."""

    kind: str  # "certificate" | "contract"
    ids: tuple[str, ...]
    evidence: str


@dataclass(frozen=True)
class EmissionLine:
    id: str
    index: int
    phase: str
    category: str
    mode: str | None
    description: Text
    amount: Decimal
    unit: str
    evidence: str | None
    density: tuple[Decimal, str] | None
    factor: FactorChoice
    green_power: GreenPower | None = None
    gas: str | None = None  # with category fugitive_gases: the gas whose mass is the activity
    # Data quality: where the activity data comes from (metered | invoiced | surveyed | estimated; None when
    # the line does not say, allowed only under rules before activity_source: required) and, for a survey, its size.
    activity_source: str | None = None
    sample_size: int | None = None
    conditions: tuple[Decimal, Decimal] | None = None  # a gas volume metered at (°C, absolute kPa)
    guests_per_room: Decimal | None = None  # guest-nights -> room-nights
    distance_band: str | None = None  # air travel: short_haul | medium_haul | long_haul


@dataclass(frozen=True)
class EstimateLine:
    """A line of the plan's estimate (Art. 9): an emission line whose amount is planned, not measured;
    either typed, or a headcount times a quantity per person (``people`` × ``per_person``)."""

    line: EmissionLine  # amount already people × per_person; no evidence, a default factor
    people: int | None = None
    per_person: Decimal | None = None


@dataclass(frozen=True)
class Exclusion:
    """Art. 11: a category left out of the accounting on purpose, with the reason (e.g. no fuel burned)."""

    category: str
    reason: Text
    index: int  # position in the report's exclusions list, for locations


@dataclass(frozen=True)
class Report:
    event_id: str
    prepared_by: str
    agency: str | None
    prepared_on: date
    lines: tuple[EmissionLine, ...]
    attachments: tuple[Attachment, ...]
    doc: Document = field(repr=False, compare=False)
    exclusions: tuple[Exclusion, ...] = ()


@dataclass(frozen=True)
class SerialBlock:
    prefix: str
    first: int
    last: int
    width_first: int
    width_last: int
    index: int

    @property
    def size(self) -> int:
        return self.last - self.first + 1


@dataclass(frozen=True)
class Project:
    id: str
    name: Text
    type: str | None
    province: str
    city: str | None
    vintage: int


@dataclass(frozen=True)
class Retirement:
    id: str
    event_id: str
    kind: str
    registry: str
    project: Project | None
    serials: tuple[SerialBlock, ...]
    quantity: int
    retired_on: date
    beneficiary_event: str
    acquisition: str
    recognition: Citation | None
    proof: str
    attachments: tuple[Attachment, ...]
    doc: Document = field(repr=False, compare=False)


@dataclass(frozen=True)
class Declaration:
    id: str
    event_id: str
    scope: str
    declared_on: date
    declarant: Text
    statement: Text
    retirement_ids: tuple[str, ...]
    doc: Document = field(repr=False, compare=False)


@dataclass(frozen=True)
class Revocation:
    """Art. 16-17: a published notice that a declaration or certificate is revoked."""

    id: str
    target_kind: str  # "declaration" | "certificate"
    event_id: str
    target_id: str
    decided_on: date
    article: str
    reason: Text
    decided_by: Text
    agency_suspended: str | None
    doc: Document = field(repr=False, compare=False)


@dataclass(frozen=True)
class Supplier:
    name: Text
    role: str | None
    credit_code: str | None
    website: str | None
    email: str | None
    phone: str | None


@dataclass(frozen=True)
class Offer:
    """Art. 7 and 12: allowances or credits a supplier offers for offsetting (offers/<id>.yaml)."""

    id: str
    supplier: Supplier
    kind: str
    registry: str
    project: Project | None  # its vintage is the offer's
    vintage: int
    quantity_available: int
    method: str  # "purchase" | "donation"
    price_per_tonne: Decimal | None  # CNY, for purchases
    recognition: Citation | None
    valid_from: date
    valid_until: date
    note: Text | None
    doc: Document = field(repr=False, compare=False)

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day <= self.valid_until


@dataclass(frozen=True)
class Agency:
    id: str
    name: Text
    accredited_from: date
    accredited_until: date | None
    status: str
    suspended_since: date | None
    doc: Document = field(repr=False, compare=False)


@dataclass(frozen=True)
class Factor:
    key: str
    index: int
    category: str
    mode: str | None
    name: Text
    value: Decimal
    unit: str
    year: int | None
    status: str  # "official" | "secondary" | "placeholder"
    source: Citation | None
    gas: str | None = None  # a GWP (tCO2e/t) of this gas
    distance_band: str | None = None  # air travel: the flight distance band the factor is for


@dataclass(frozen=True)
class FactorSet:
    id: str
    jurisdiction: str
    version: str
    valid_from: date
    valid_until: date | None
    factors: dict[str, Factor]
    doc: Document = field(repr=False, compare=False)


@dataclass(frozen=True)
class OffsetRule:
    kind: str
    article: str
    label: Text
    registries: tuple[str, ...]
    project_province: str | None
    quality: Decimal


@dataclass(frozen=True)
class Showcase:
    """Art. 15 showcase score's weights (scope, offset, support; they sum to 1) and the accounting scope's
    points (full with all three phases, full, basic), from the rules data."""
    status: str
    weights: tuple[Decimal, Decimal, Decimal]
    scope_points: tuple[Decimal, Decimal, Decimal]


@dataclass(frozen=True)
class Rules:
    id: str
    jurisdiction: str
    effective_from: date
    document: Citation
    thresholds: dict[str, tuple[tuple[str, Decimal], ...]]
    required_phases: tuple[str, ...]
    required_scope: str
    # Art. 11 "at least the basic scope": "every_category" (each category of the required scope is
    # accounted by a non-zero line or excluded with a reason) or "any_category" (at least one is; the
    # profile versions before exclusions were recorded).
    scope_completeness: str
    # Art. 9: "lines" (the plan's estimate is computed from estimate lines with the default factor set)
    # or "totals" (two typed totals; the versions before shanghai-2026).
    plan_estimate: str
    basic_categories: frozenset[str]
    extended_categories: frozenset[str]
    scopes_status: str
    offsets: dict[str, OffsetRule]
    deadline_months: int
    districts: dict[str, Text]
    doc: Document = field(repr=False, compare=False)
    # Data quality: "required" (every report line states activity.source, R406) or "optional" (versions before).
    activity_source: str = "optional"
    # Art. 15 showcase score (None: events under these rules are not ranked on the showcase).
    showcase: Showcase | None = None

    def scope_of(self, category: str) -> str | None:
        """"basic" or "extended" for a category these rules put in that scope, else None: the one
        place a line's scope is decided (accounting's ``LineResult.scope``, the pages' labels)."""
        return "basic" if category in self.basic_categories else "extended" if category in self.extended_categories else None

    @property
    def required_categories(self) -> frozenset[str]:
        """The categories the required scope consists of (basic, or basic and extended for full)."""
        if self.required_scope == "full":
            return self.basic_categories | self.extended_categories
        return self.basic_categories


@dataclass(frozen=True)
class RegistryMeta:
    name: Text
    jurisdiction: str
    operator: Text
    base_url: str | None
    contact: str | None = None          # mailto: or https: address, shown in the footer and the catalogue
    data_licence: tuple[str, str] | None = None  # (SPDX id, URL) of the open data licence


@dataclass(frozen=True)
class Event:
    """One event folder: ``events/<year>/<event-id>/`` and the records filed in it."""

    folder_id: str
    year_folder: str
    rel_dir: str
    dir: Path
    plan: Plan | None
    report: Report | None
    retirements: tuple[Retirement, ...]
    declaration: Declaration | None
    certificate: dict | None = None  # the agency-signed credential (certificate.json), as filed
    declaration_credential: dict | None = None  # the platform-signed declaration.json
    # (record kind, shown path) of each record file here that could not be read or failed its schema:
    # the rules see the event without it, and their follow-on findings say so (rules/consequences.py).
    unreadable: tuple[tuple[str, str], ...] = ()

    @property
    def id(self) -> str:
        return self.plan.id if self.plan else self.folder_id

    def listed_attachments(self) -> tuple[tuple["Plan | Report | Retirement", Attachment], ...]:
        """Every (record, attachment) the event's plan, report and retirements list, in that order
        (the one place that knows which records carry attachments)."""
        return tuple((rec, att) for rec in (self.plan, self.report, *self.retirements) if rec is not None
                     for att in rec.attachments)

    def attachments(self) -> tuple[tuple["Plan | Report | Retirement", Attachment], ...]:
        """Each attachment file of the event once (its first listing), sorted by path."""
        first: dict[str, tuple] = {}
        for rec, att in self.listed_attachments():
            first.setdefault(att.path, (rec, att))
        return tuple(first[path] for path in sorted(first))


@dataclass(frozen=True)
class Registry:
    root: Path
    shown_root: str
    meta: RegistryMeta | None
    rules: tuple[Rules, ...]
    factor_sets: tuple[FactorSet, ...]
    agencies: dict[str, Agency]
    events: tuple[Event, ...]
    revocations: tuple[Revocation, ...] = ()
    trust: "TrustDocuments | None" = None
    offers: tuple[Offer, ...] = ()


@dataclass(frozen=True)
class TrustDocuments:
    """The signed documents of registry/trust/ as read (strict JSON); signing/ verifies them."""

    root_chain: tuple[dict, ...]
    authorizations: dict | None
    status: dict | None
    log_leaves: tuple[dict, ...]
    checkpoint: dict | None

    @functools.cached_property
    def publication_log(self):
        """The log as signing's PublicationLog, made once (its Merkle trees are memoized inside)."""
        from signing.transparency import PublicationLog

        return PublicationLog(tuple(self.log_leaves))

    @functools.cached_property
    def bundle_trust_json(self) -> str:
        """The "trust" part every credential bundle of this registry holds, as its bundle text has it."""
        from generator.model.bundles import nested_json
        from signing.bundle import make_bundle

        assert self.authorizations is not None, "a bundle needs the registry's authorizations document"
        return nested_json(make_bundle({}, None, list(self.root_chain), self.authorizations, self.status)["trust"])

    @functools.cached_property
    def log_position(self) -> dict[str | None, int]:
        """Credential id -> its index in the log."""
        return {leaf.get("id"): i for i, leaf in enumerate(self.log_leaves)}
