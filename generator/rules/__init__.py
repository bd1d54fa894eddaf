"""Cross-record rules. Each rule is a small function that yields findings with a location."""
from __future__ import annotations

from typing import Callable, Iterator

from generator.findings import Finding
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
    retirements,
    revocations,
    scope,
    secrets,
    serials,
    text,
)
from generator.rules.context import CheckContext

Rule = Callable[[CheckContext], Iterator[Finding]]

ALL_RULES: tuple[Rule, ...] = (
    layout.event_ids_match_folders,
    layout.records_name_their_event,
    layout.ids_unique,
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
    retirements.kind_allowed,
    retirements.serial_blocks_match_quantity,
    retirements.beneficiary_is_event,
    retirements.retired_in_time,
    retirements.vintage_before_retirement,
    serials.no_serial_used_twice,
    greenpower.no_certificate_claimed_twice,
    attachments.attachments_safe_and_intact,
    attachments.references_declared,
    declarations.declaration_covered,
    deadlines.deadline_status,
    secrets.no_secrets,
    files.no_special_files,
    revocations.revocations_consistent,
    revocations.revoked_ids_unique,
    certificates.credentials_verify,
    certificates.evidence_unchanged,
    certificates.totals_match,
    personal.no_personal_data_in_records,
    personal.attachment_content,
    text.no_homoglyph_names,
    offers.kind_allowed,
    offers.validity_window,
    offers.ids_unique,
)


def run_rules(ctx: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for rule in ALL_RULES:
        findings.extend(rule(ctx))
    return consequences.settle(findings, ctx.registry.events, ctx.registry.shown_root)
