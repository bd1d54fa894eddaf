"""Exact emission accounting for one event: every line, totals, offsets needed, level and deadline."""
from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_CEILING, Decimal, localcontext
from fractions import Fraction
from typing import TYPE_CHECKING

from generator.accounting.coverage import late_retirements, unaccounted
from generator.accounting.in_force import factor_set_in_force, rules_in_force
from generator.accounting.units import Metering, UnitError, convert, exact_ratio, parse_factor_unit
from generator.findings import Finding, error
from generator.loading.document import Document
from generator.model.records import PHASES, EmissionLine, Event, Exclusion, FactorSet, Registry, Rules

if TYPE_CHECKING:
    from generator.accounting.estimate import PlanEstimate

PRECISION = 100  # digits. Products of bounded inputs (18 + 12 digits) are exact; only a conversion that
# divides by 3.6 (MJ/GJ to kWh) can be non-terminating, and it is rounded at the 100th digit, far below
# anything reported (the offsets needed are whole tonnes).
ZERO = Decimal(0)
# A line's tCO2e keeps at most this many decimal places: a conversion whose ratio does not terminate
# (MJ to kWh, a gas metered at 20 °C, guest-nights at 1.5 per room) is rounded there, so that every
# total is an exact sum of terminating decimals (basic + extended = total, to the digit, in credentials).
# Terminating products of bounded inputs stay exact (amount, density and factor 12 places each, unit
# sizes and mass prefixes under 10 more); the offsets needed come from the exact rationals regardless.
LINE_PLACES = 50
LINE_QUANTUM = Decimal(10) ** -LINE_PLACES


def exact_text(value: Decimal) -> str:
    """A computed quantity as exact decimal text (no exponent, no trailing zeros): normalized at the
    accounting's precision, not the default 28 digits, which would round a long value."""
    with localcontext() as ctx:
        ctx.prec = PRECISION
        text = f"{value.normalize():f}"
    return "0" if Decimal(text) == 0 else text


@dataclass(frozen=True)
class LineResult:
    line: EmissionLine
    scope: str | None  # "basic" | "extended" | None when the rules put the category in neither
    factor_value: Decimal
    factor_unit: str
    factor_origin: str  # "measured" | "official" | "placeholder"
    factor_key: str | None
    activity_in_factor_unit: Decimal
    tco2e: Decimal
    derivation: str
    exact: Fraction = field(default=Fraction(0), compare=False, repr=False)  # for the offsets needed


@dataclass(frozen=True)
class EventAccount:
    event_id: str
    rules: Rules | None
    factor_set: FactorSet | None
    lines: tuple[LineResult, ...]
    by_phase: dict[str, Decimal]
    by_category: dict[str, Decimal]
    basic: Decimal
    extended: Decimal
    total: Decimal
    needed_basic: int
    needed_full: int
    retired: int  # units retired by the deadline: what counts (see accounting/coverage.py)
    level: str  # "full" | "basic" | "none"
    deadline: date | None
    status: str  # "done" | "open" | "overdue" | "planned" | "revoked"
    estimate_basic: Decimal | None  # = estimate.basic / estimate.total (None while the estimate is unknown)
    estimate_total: Decimal | None
    exclusions: tuple[Exclusion, ...] = ()  # categories the report excludes, with reasons
    unaccounted: tuple[str, ...] = ()  # required categories neither accounted nor excluded: no level
    late: tuple[str, ...] = ()  # ids of retirements after the deadline, not counted
    retired_late: int = 0  # units in them
    estimate: PlanEstimate | None = None  # the plan's estimate (Art. 9; accounting/estimate.py), None if unknown

    @property
    def placeholder_lines(self) -> int:
        return sum(1 for x in self.lines if x.factor_origin == "placeholder")

    @property
    def standing_level(self) -> str:
        """The neutrality level that stands: none once the published claim was revoked."""
        return "none" if self.status == "revoked" else self.level

    def needed(self, scope: str) -> int:
        return self.needed_full if scope == "full" else self.needed_basic


def whole_tonnes_needed(tco2e: Decimal | Fraction) -> int:
    """Offsets are whole-tonne units: what is needed is the emissions rounded up (Art. 3)."""
    if isinstance(tco2e, Fraction):
        return math.ceil(tco2e)
    return int(tco2e.to_integral_value(rounding=ROUND_CEILING))


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def level_reached(retired: int, needed_basic: int, needed_full: int) -> str:
    if retired >= needed_full:
        return "full"
    if retired >= needed_basic:
        return "basic"
    return "none"


def compute_event(registry: Registry, event: Event, today: date) -> tuple[EventAccount | None, list[Finding]]:
    from generator.accounting.estimate import compute_estimate  # it computes its lines with compute_line below

    plan = event.plan
    if plan is None:
        return None, []
    rules = rules_in_force(registry, plan.start)
    fset = factor_set_in_force(registry, plan.start)
    findings: list[Finding] = []
    if rules is None:
        findings.append(error("A506", plan.doc.at("phases", "hosting", "start"),
                              f"活动日期 {plan.start} 没有生效的规则；请在 rules/ 中加入适用的规则版本",
                              f"no rules are in force on the event date {plan.start}; add the applicable version to rules/"))
    estimate, found = compute_estimate(plan, rules, fset)
    findings.extend(found)
    results: list[LineResult] = []
    if event.report is not None:
        with localcontext() as ctx:
            ctx.prec = PRECISION
            for line in event.report.lines:
                result, found = compute_line(event.report.doc, ("lines", line.index), line, rules, fset)
                findings.extend(found)
                if result is not None:
                    results.append(result)
    return _summarise(registry, event, rules, fset, tuple(results), today, estimate), findings


def compute_line(doc: Document, at: tuple, line: EmissionLine, rules: Rules | None, fset: FactorSet | None,
                 codes: dict[str, str] | None = None) -> tuple[LineResult | None, list[Finding]]:
    """One line (a report line, or a plan's estimate line: the same arithmetic) at ``doc.at(*at)``.

    ``codes`` renames the findings' codes for another kind of line (the plan's estimate lines have
    codes of their own, ``accounting/estimate.py``); a report line keeps A5xx."""
    def fail(code: str, where: tuple, zh: str, en: str):
        return None, [error((codes or {}).get(code, code), doc.at(*at, *where), zh, en)]

    choice = line.factor
    if line.green_power is not None and line.category != "purchased_electricity":
        return fail("A508", ("green_power",),
                    f"green_power 只用于外购电力（purchased_electricity）行，本行类别为 {line.category}；请删除 green_power 或改正类别",
                    f"green_power belongs on purchased_electricity lines only, this line is {line.category}; remove green_power or fix the category")
    if choice.source == "measured" and choice.value == 0 and line.green_power is None:
        return fail("A507", ("factor", "value"),
                    "排放因子为 0 只适用于绿色电力行：请在该行加入 green_power（kind: certificate 或 contract、绿证或合同编号 ids、证明附件 "
                    "evidence）；否则请填写实测的非零因子或使用缺省因子 key",
                    "a factor of 0 is accepted only on a green-electricity line: add green_power to the line (kind: certificate or "
                    "contract, the certificate or contract ids, the proof as evidence); otherwise give the measured non-zero factor or a default key")
    value: Decimal | None
    unit: str | None
    if choice.source == "measured":
        value, unit, origin, key = choice.value, choice.unit, "measured", None
    else:
        if fset is None:
            return fail("A505", ("factor",), "活动日期没有生效的缺省因子集；请改用实测值或在 factors/ 中加入适用版本",
                        "no default factor set is in force on the event date; use a measured factor or add one to factors/")
        factor = fset.factors.get(choice.key or "")
        if factor is None:
            known = ", ".join(sorted(k for k, f in fset.factors.items() if f.category == line.category)) or "-"
            return fail("A501", ("factor", "key"),
                    f"因子集 {fset.id} 中没有因子 {choice.key!r}；该类别可用：{known}",
                    f"factor set {fset.id} has no factor {choice.key!r}; for this category use one of: {known}")
        if factor.category != line.category or (factor.mode and factor.mode != line.mode) \
                or (factor.gas and factor.gas != line.gas) \
                or (factor.distance_band and factor.distance_band != line.distance_band):
            mine = "/".join(filter(None, (line.category, line.mode, line.gas, line.distance_band)))
            its = "/".join(filter(None, (factor.category, factor.mode, factor.gas, factor.distance_band)))
            return fail("A502", ("factor", "key"),
                    f"因子 {factor.key!r} 属于 {its}，与本行 {mine} 不符",
                    f"factor {factor.key!r} is for {its}, not for this line's {mine}")
        value, unit, origin, key = factor.value, factor.unit, factor.status, factor.key
    assert value is not None and unit is not None  # the schema requires both of a measured factor
    funit = parse_factor_unit(unit)
    metering = Metering(line.density, line.conditions, line.guests_per_room)
    try:
        amount, how = convert(line.amount, line.unit, funit.per, metering)
    except UnitError as exc:
        return fail(exc.code, ("activity", "unit") if exc.field == "unit" else (exc.field,), exc.zh, exc.en)
    tco2e = amount * value * funit.to_tonnes
    if tco2e.as_tuple().exponent < -LINE_PLACES:  # type: ignore[operator]  # finite: never 'n'/'N'/'F'
        tco2e = tco2e.quantize(LINE_QUANTUM)
    exact = (Fraction(line.amount) * exact_ratio(line.unit, funit.per, metering) * Fraction(value)
             * Fraction(funit.to_tonnes))
    scope = rules.scope_of(line.category) if rules is not None else None
    steps = [how] if how else []
    steps.append(f"{amount.normalize():f} {funit.per} × {value} {unit} = {tco2e.normalize():f} tCO2e")
    return LineResult(line, scope, value, unit, origin, key, amount, tco2e, "; ".join(steps), exact), []


def _summarise(registry: Registry, event: Event, rules: Rules | None, fset, lines: tuple[LineResult, ...], today: date,
               estimate: PlanEstimate | None) -> EventAccount:
    plan = event.plan
    assert plan is not None  # compute_event returns early for an event without a plan
    by_phase = {p: ZERO for p in PHASES}
    by_category: dict[str, Decimal] = {}
    basic = extended = ZERO
    with localcontext() as ctx:
        ctx.prec = PRECISION
        for x in lines:
            by_phase[x.line.phase] += x.tco2e
            by_category[x.line.category] = by_category.get(x.line.category, ZERO) + x.tco2e
            if x.scope == "basic":
                basic += x.tco2e
            elif x.scope == "extended":
                extended += x.tco2e
        total = basic + extended
    deadline = add_months(plan.end, rules.deadline_months) if rules else None
    late = late_retirements(event.retirements, deadline)
    retired_late = sum(r.quantity for r in late)
    retired = sum(r.quantity for r in event.retirements) - retired_late
    # Offsets needed from exact rational sums: Decimal rounding (only in MJ/GJ -> kWh conversions) can
    # never move a total across a whole tonne and let a declaration pass that should fail.
    exact_basic = sum((x.exact for x in lines if x.scope == "basic"), Fraction(0))
    exact_total = exact_basic + sum((x.exact for x in lines if x.scope == "extended"), Fraction(0))
    needed_basic, needed_full = whole_tonnes_needed(exact_basic), whole_tonnes_needed(exact_total)
    report = event.report
    exclusions = report.exclusions if report is not None else ()
    missing = unaccounted(rules, report.lines, exclusions) if report is not None and rules is not None else ()
    level = level_reached(retired, needed_basic, needed_full) if report is not None and not missing else "none"
    target = plan.target_scope
    published = set()
    if event.declaration is not None:
        published.add(("declaration", event.declaration.id))
    if event.certificate is not None:
        published.add(("certificate", event.certificate.get("credentialSubject", {}).get("certificateNumber")))
    revoked = any(r.event_id == plan.id and (r.target_kind, r.target_id) in published for r in registry.revocations)
    if revoked:
        status = "revoked"
    elif event.report is None:
        status = "planned" if deadline is None or today <= deadline else "overdue"
    elif level == "full" or (level == "basic" and target == "basic"):
        status = "done"
    else:
        status = "open" if deadline is None or today <= deadline else "overdue"
    return EventAccount(plan.id, rules, fset, lines, by_phase, dict(sorted(by_category.items())), basic, extended,
                        total, needed_basic, needed_full, retired, level, deadline, status,
                        estimate.basic if estimate else None, estimate.total if estimate else None, exclusions, missing,
                        tuple(r.id for r in late), retired_late, estimate)


def compute_all(registry: Registry, today: date) -> tuple[dict[str, EventAccount], list[Finding]]:
    accounts: dict[str, EventAccount] = {}
    findings: list[Finding] = []
    for event in registry.events:
        account, found = compute_event(registry, event, today)
        findings.extend(found)
        if account is not None:
            accounts[event.rel_dir] = account
    return accounts, findings
