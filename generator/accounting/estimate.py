"""The plan's estimate of emissions (Art. 9), computed like the report and compared with it.

Specification (the JavaScript port ``site/theme/assets/accounting/estimate.js`` follows this module):

- Where the rules in force say ``plan_estimate: lines`` (shanghai-2026 on), the plan's estimate is its
  estimate lines, each computed by :func:`generator.accounting.compute.compute_line` (the report's
  arithmetic) with the default factor set in force on the hosting start date. A line's amount is
  typed, or ``people`` × ``per_person``. The basic and total estimate are the sums of the lines of the
  basic scope and of both scopes; the offsets that would be needed are those sums rounded up to whole
  tonnes, from exact fractions.
- Under ``plan_estimate: totals`` (earlier versions) the plan types ``basic_tco2e`` and
  ``total_tco2e``; estimate lines, when a plan has them anyway, are computed and checked alike.
- A typed total beside estimate lines must equal what the lines compute, exactly (E108).
- While any estimate line fails, the estimate is unknown (``None``): a partial sum would understate it.

Findings (own codes, located in plan.yaml):
E101 the rules require estimate lines and the plan has none; E102 neither lines nor both typed totals;
E103 unknown factor key; E104 the factor is for another category, travel mode or gas; E105 the unit
cannot be converted to the factor's; E106 a mass/volume conversion without density; E107 no default
factor set in force; E108 a typed total differs from the lines' sum.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from fractions import Fraction

from generator.accounting.compute import PRECISION, ZERO, LineResult, compute_line, whole_tonnes_needed
from generator.findings import Finding, error
from generator.model.records import FactorSet, Plan, Rules

# The report's codes for the same failures of a line, renamed for estimate lines.
LINE_CODES = {"A501": "E103", "A502": "E104", "A503": "E105", "A504": "E106", "A505": "E107"}


@dataclass(frozen=True)
class PlanEstimate:
    source: str  # "lines" | "totals"
    lines: tuple[LineResult, ...]  # empty for typed totals
    by_category: dict[str, Decimal]  # empty for typed totals: they say nothing per category
    basic: Decimal
    total: Decimal
    needed_basic: int  # offsets that would be needed, whole tonnes rounded up
    needed_full: int
    exact_basic: Fraction = field(default=Fraction(0), compare=False, repr=False)
    exact_total: Fraction = field(default=Fraction(0), compare=False, repr=False)

    @property
    def extended(self) -> Decimal:
        return self.total - self.basic


def _decimal_text(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return "0" if value == 0 else text


def compute_estimate(plan: Plan, rules: Rules | None, fset: FactorSet | None) -> tuple[PlanEstimate | None, list[Finding]]:
    """The plan's estimate and the findings about it (see the module docstring)."""
    doc = plan.doc
    typed = (plan.estimate_basic, plan.estimate_total)
    if not plan.estimate_lines:
        if rules is not None and rules.plan_estimate == "lines":
            return None, [error("E101", doc.at("estimate"),
                                f"规则 {rules.id} 要求以预估行计算预估排放量（第九条）：请在 estimate 下加入 lines，每个排放源一行"
                                "（category、activity 的 amount 或 people 与 per_person、unit、factor 的 key），与排放报告的行相同",
                                f"the rules {rules.id} require the estimate to be computed from estimate lines (Art. 9): add lines under "
                                "estimate, one per emission source (category, activity amount or people and per_person, unit, factor key), "
                                "as in the report")]
        basic, total = typed
        if basic is None or total is None:
            missing = "basic_tco2e" if basic is None else "total_tco2e"
            return None, [error("E102", doc.at("estimate"),
                                f"预估排放量缺少 {missing}：请填写 basic_tco2e 和 total_tco2e 两个合计（tCO2e），或改用预估行 lines",
                                f"the estimate lacks {missing}: give both totals basic_tco2e and total_tco2e (tCO2e), or estimate lines")]
        return PlanEstimate("totals", (), {}, basic, total, whole_tonnes_needed(basic), whole_tonnes_needed(total),
                            Fraction(basic), Fraction(total)), []
    findings: list[Finding] = []
    results: list[LineResult] = []
    with localcontext() as ctx:
        ctx.prec = PRECISION
        for item in plan.estimate_lines:
            result, found = compute_line(doc, ("estimate", "lines", item.line.index), item.line, rules, fset, LINE_CODES)
            findings.extend(found)
            if result is not None:
                results.append(result)
        if findings:
            return None, findings
        by_category: dict[str, Decimal] = {}
        basic = total = ZERO
        for x in results:
            by_category[x.line.category] = by_category.get(x.line.category, ZERO) + x.tco2e
            if x.scope == "basic":
                basic += x.tco2e
            if x.scope is not None:
                total += x.tco2e
    exact_basic = sum((x.exact for x in results if x.scope == "basic"), Fraction(0))
    exact_total = sum((x.exact for x in results if x.scope is not None), Fraction(0))
    estimate = PlanEstimate("lines", tuple(results), dict(sorted(by_category.items())), basic, total,
                            whole_tonnes_needed(exact_basic), whole_tonnes_needed(exact_total), exact_basic, exact_total)
    for name, value, exact in (("basic_tco2e", typed[0], exact_basic), ("total_tco2e", typed[1], exact_total)):
        if value is not None and Fraction(value) != exact:
            computed = _decimal_text(basic if name == "basic_tco2e" else total)
            findings.append(error("E108", doc.at("estimate", name),
                                  f"estimate.{name} 为 {_decimal_text(value)}，但预估行算得 {computed}：请删除 {name}（预估以预估行为准）或改为 {computed}",
                                  f"estimate.{name} is {_decimal_text(value)} but the estimate lines compute {computed}: delete {name} "
                                  f"(the lines are the estimate) or write {computed}"))
    return estimate, findings
