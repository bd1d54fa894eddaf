"""Cross-record rules. Each rule is a small function that yields findings with a location.

Two lists, two kinds of rule (see ``generator.rules.context``): ``EVENT_RULES`` read one event,
``REGISTRY_RULES`` read the registry-wide records and every event's facts. A check runs
:func:`check_event` for each event and then :func:`check_registry` once; the whole-registry check
(``generator.pipeline.check_whole``) and the event-by-event one (``generator.incremental.check``)
both do exactly that. A rule that looks at both an event's files and the registry's other files
(secrets, special files, personal data and look-alike names in records) is in both lists: its
context says which part it looks at."""
from __future__ import annotations

from datetime import date
from typing import Callable, Iterator

from generator.accounting.compute import EventAccount
from generator.caches import Caches
from generator.findings import Finding
from generator.model.records import Event, Registry
from generator.rules import (
    attachments,
    certificates,
    classification,
    consequences,
    dates,
    deadlines,
    declarations,
    files,
    greenpower,
    layout,
    offers,
    personal,
    quality,
    retirements,
    revocations,
    rulesdata,
    scope,
    secrets,
    serials,
    text,
)
from generator.rules.context import EventContext, RegistryContext
from generator.rules.facts import EventFacts, facts_of

EventRule = Callable[[EventContext], Iterator[Finding]]
RegistryRule = Callable[[RegistryContext], Iterator[Finding]]

EVENT_RULES: tuple[EventRule, ...] = (
    layout.event_ids_match_folders,
    layout.records_name_their_event,
    layout.agencies_exist,
    classification.classify,
    classification.district_known,
    dates.phases_consistent,
    dates.records_dated_sensibly,
    scope.required_phases_accounted,
    scope.categories_in_scope,
    scope.line_ids_unique,
    scope.required_scope_covered,
    scope.exclusions_consistent,
    quality.activity_source_stated,
    retirements.kind_allowed,
    retirements.serial_blocks_match_quantity,
    retirements.beneficiary_is_event,
    retirements.retired_in_time,
    retirements.vintage_before_retirement,
    attachments.attachments_safe_and_intact,
    attachments.references_declared,
    declarations.declaration_covered,
    deadlines.deadline_status,
    secrets.no_secrets,                        # the event's folder
    files.no_special_files,                    # the event's folder
    certificates.credentials_verify,
    certificates.evidence_unchanged,
    certificates.totals_match,
    personal.no_personal_data_in_records,      # the event's records
    personal.attachment_content,
    text.no_homoglyph_names,                   # the event's records
)

REGISTRY_RULES: tuple[RegistryRule, ...] = (
    layout.ids_unique,
    serials.no_serial_used_twice,
    greenpower.no_certificate_claimed_twice,
    secrets.no_secrets,                        # every file outside the events' folders
    files.no_special_files,                    # every file outside the events' folders
    revocations.revocations_consistent,
    revocations.revoked_ids_unique,
    personal.no_personal_data_in_records,      # agencies, notices, offers
    text.no_homoglyph_names,                   # agencies, notices, offers
    offers.kind_allowed,
    offers.validity_window,
    offers.ids_unique,
    rulesdata.weights_in_range,
    certificates.logged_credentials_present,
)


def check_event(registry: Registry, event: Event, account: EventAccount | None, today: date,
                caches: Caches) -> tuple[list[Finding], EventFacts]:
    """The event rules over one event (follow-on findings of an unreadable file settled), and the
    facts the registry rules read of it."""
    ctx = EventContext.of(registry, event, account, today, caches)
    findings: list[Finding] = []
    for rule in EVENT_RULES:
        findings.extend(rule(ctx))
    return consequences.settle(findings, ctx.registry.events, registry.shown_root), facts_of(event, account)


def check_registry(registry: Registry, facts: tuple[EventFacts, ...], today: date, caches: Caches) -> list[Finding]:
    """The registry rules, once, over the registry-wide records and every event's facts."""
    ctx = RegistryContext.of(registry, facts, today, caches)
    findings: list[Finding] = []
    for rule in REGISTRY_RULES:
        findings.extend(rule(ctx))
    return findings
