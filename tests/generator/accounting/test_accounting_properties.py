"""Property tests: parts always sum to totals; rounding up never lets a short declaration pass."""
from __future__ import annotations

import functools
from dataclasses import replace
from datetime import date
from decimal import Decimal, localcontext

from gentestkit import MARATHON, SAMPLE, TODAY
from hypothesis import given, settings, strategies as st

from generator.accounting.compute import compute_event, whole_tonnes_needed
from generator.caches import Caches
from generator.loading.document import Document
from generator.loading.registry import load_registry
from generator.model.records import PHASES, Declaration, EmissionLine, FactorChoice, Report, Retirement, SerialBlock, Text
from generator.rules import declarations
from generator.rules.context import EventContext

CATEGORIES = ["stationary_fuel", "event_vehicles", "purchased_electricity", "purchased_heat",
              "travel", "accommodation", "catering", "materials", "waste"]
# Activity unit -> factor units it converts to with a terminating decimal ratio (kWh = 3.6 MJ, so
# MJ-based amounts against kWh-based factors would need 1/3.6; that case is tested separately).
KWH_BASED = ["kWh", "MWh", "10^4kWh"]
MJ_BASED = ["MJ", "GJ", "TJ"]
FACTOR_UNITS = {"kWh-based": ["tCO2/10^4kWh", "kgCO2e/kWh", "kgCO2/MWh"], "MJ-based": ["gCO2/MJ", "tCO2e/GJ"]}


@functools.cache
def _registry():
    registry, findings = load_registry(SAMPLE, "registry")
    assert not [f for f in findings if f.severity.value == "error"]
    return registry


def _event():
    return next(e for e in _registry().events if e.rel_dir == MARATHON)


def decimals(max_int: int = 10**9, max_places: int = 12):
    return st.builds(lambda n, k: Decimal(n).scaleb(-k), st.integers(0, max_int), st.integers(0, max_places))


def positive_decimals():
    return st.builds(lambda n, k: Decimal(n).scaleb(-k), st.integers(1, 10**7), st.integers(0, 6))


@st.composite
def emission_lines(draw):
    n = draw(st.integers(1, 25))
    lines = []
    for i in range(n):
        category = draw(st.sampled_from(CATEGORIES))
        family = draw(st.sampled_from(sorted(FACTOR_UNITS)))
        factor_unit = draw(st.sampled_from(FACTOR_UNITS[family]))
        unit = draw(st.sampled_from(KWH_BASED if family == "kWh-based" else KWH_BASED + MJ_BASED))
        lines.append(EmissionLine(
            id=f"L{i}", index=i, phase=draw(st.sampled_from(PHASES)), category=category,
            mode="metro" if category == "travel" else None, description=Text("行", "line"),
            amount=draw(decimals()), unit=unit, evidence=None, density=None,
            factor=FactorChoice("measured", None, draw(positive_decimals()), factor_unit, "attachments/x.pdf")))
    return tuple(lines)


def _account(lines, retirements=()):
    event = _event()
    report = Report(event.plan.id, "organizer", None, date(2025, 12, 20), lines, (), Document("report.yaml", {}))
    event = replace(event, report=report, retirements=tuple(retirements), declaration=None)
    account, findings = compute_event(_registry(), event, TODAY)
    assert findings == []
    return event, account


@settings(max_examples=150, deadline=None)
@given(emission_lines())
def test_parts_sum_exactly_to_the_total(lines):
    _, acc = _account(lines)
    assert len(acc.lines) == len(lines)
    with localcontext() as ctx:
        ctx.prec = 400  # far more digits than any sum here needs: these additions are exact
        assert sum(acc.by_phase.values(), Decimal(0)) == acc.total
        assert sum(acc.by_category.values(), Decimal(0)) == acc.total
        assert acc.basic + acc.extended == acc.total
        assert sum((x.tco2e for x in acc.lines), Decimal(0)) == acc.total
    assert set(acc.by_phase) == set(PHASES)


@settings(max_examples=100, deadline=None)
@given(emission_lines())
def test_each_line_is_activity_times_factor(lines):
    _, acc = _account(lines)
    energy_mj = {"kWh": Decimal("3.6"), "MWh": Decimal(3600), "10^4kWh": Decimal(36000),
                 "MJ": Decimal(1), "GJ": Decimal(1000), "TJ": Decimal(10**6)}
    to_t = {"t": Decimal(1), "kg": Decimal("0.001"), "g": Decimal("0.000001")}
    for x in acc.lines:
        mass, per = x.line.factor.unit.split("/")
        mass = mass.removesuffix("CO2e").removesuffix("CO2")
        with localcontext() as ctx:
            ctx.prec = 400
            expected = x.line.amount * energy_mj[x.line.unit] / energy_mj[per] * x.line.factor.value * to_t[mass]
        assert x.tco2e == expected


def test_inexact_energy_ratio_is_carried_to_high_precision():
    # 1 MJ against a per-10^4 kWh factor is 1/36000: not a terminating decimal. It is computed
    # to 100 significant digits, so rounding up to whole tonnes is still decided correctly.
    line = EmissionLine("E", 0, "hosting", "purchased_heat", None, Text("热", "heat"), Decimal(36000), "MJ",
                        None, None, FactorChoice("measured", None, Decimal(1), "tCO2/10^4kWh", "attachments/x.pdf"))
    _, acc = _account((line,))
    assert acc.total == Decimal(1)
    line = replace(line, amount=Decimal(1))
    _, acc = _account((line,))
    assert abs(acc.total * 36000 - 1) < Decimal("1e-95")
    assert acc.needed_basic == 1


@given(decimals(max_int=10**12))
def test_whole_tonnes_needed_is_the_least_integer_not_below(x):
    n = whole_tonnes_needed(x)
    assert isinstance(n, int)
    assert Decimal(n) >= x
    assert Decimal(n - 1) < x


def test_whole_tonnes_needed_examples():
    assert whole_tonnes_needed(Decimal("0")) == 0
    assert whole_tonnes_needed(Decimal("739.000000000001")) == 740
    assert whole_tonnes_needed(Decimal("740.000")) == 740


def _ceil(x: Decimal) -> int:
    whole = int(x)  # x >= 0: truncation is floor
    return whole if Decimal(whole) == x else whole + 1


@st.composite
def emissions(draw):
    base = draw(st.integers(0, 5000))
    frac = draw(st.sampled_from([Decimal(0), Decimal("1e-12"), Decimal("0.5"), Decimal("0.999999999999"),
                                 Decimal(draw(st.integers(0, 10**12 - 1))).scaleb(-12)]))
    return Decimal(base) + frac


@settings(max_examples=200, deadline=None)
@given(emissions(), st.integers(0, 5001), st.sampled_from(["basic", "full"]))
def test_rounding_never_lets_a_short_declaration_pass(emitted, retired, scope):
    line = EmissionLine("E", 0, "hosting", "purchased_electricity", None, Text("电", "power"), emitted, "kWh", None,
                        None, FactorChoice("measured", None, Decimal(1), "tCO2/kWh", "attachments/x.pdf"))
    rets = []
    if retired:
        rets.append(Retirement("r-1", _event().plan.id, "cea", "national-ets-registry", None,
                               (SerialBlock("CEA", 1, retired, 9, 9, 0),), retired, date(2026, 1, 1),
                               _event().plan.id, "purchase", None, "attachments/x.pdf", (), Document("r.yaml", {})))
    event, acc = _account((line,), rets)
    assert acc.total == emitted and acc.basic == emitted
    decl = Declaration("d-1", event.plan.id, scope, date(2026, 2, 1), Text("甲", "A"), Text("乙", "B"),
                       ("r-1",) if retired else ("r-missing",), Document("declaration.yaml", {}))
    event = replace(event, declaration=decl)
    registry = replace(_registry(), events=(event,))
    found = list(declarations.declaration_covered(EventContext.of(registry, event, acc, TODAY, Caches(None))))
    fires = any(f.code == "R701" for f in found)
    assert fires == (retired < _ceil(emitted))
