"""The plan's estimate (Art. 9; generator/accounting/estimate.py): computed from estimate lines with the
report's arithmetic and factor set, hand-checked on the sample forum; typed totals under the older rules."""
from decimal import Decimal as D
from fractions import Fraction

from gentestkit import FORUM, MARATHON, RIVERSIDE, codes, run

from generator.accounting.comparison import estimate_vs_actual


def test_forum_estimate_by_hand(reg):
    """Hand arithmetic from plan.yaml and factors/shanghai-default-2022.yaml:
    VENUE-ELEC 45000 kWh = 4.5 × 10^4 kWh × 4.2 tCO2/10^4kWh = 18.9
    VENUE-HEAT 150 GJ × 0.06 tCO2/GJ = 9
    KITCHEN-GAS 3000 Nm3 = 0.3 × 10^4 Nm3 × 21.6 tCO2/10^4Nm3 = 6.48        basic 34.38
    AIR 480 people × 2800 pkm = 1 344 000 pkm × 0.15 kg = 201.6
    HSR 520 × 1100 = 572 000 pkm × 0.04 kg = 22.88
    METRO 200 × 30 = 6000 pkm × 0.03 kg = 0.18                                travel 224.66
    HOTEL 1000 × 2 = 2000 room-nights × 15 kg = 30
    MEALS 1200 × 6 = 7200 meals × 2.5 kg = 18
    PAPER 1000 kg = 1 t × 1.1 tCO2e/t = 1.1                                    extended 273.76
    total 308.14; offsets that would be needed: ceil(34.38) = 35, ceil(308.14) = 309."""
    result = run(reg)
    assert not {c for c in codes(result) if c.startswith("E1")}
    est = result.accounts[FORUM].estimate
    assert est.source == "lines"
    assert est.by_category == {"purchased_electricity": D("18.9"), "purchased_heat": D("9"), "stationary_fuel": D("6.48"),
                               "travel": D("224.66"), "accommodation": D("30"), "catering": D("18"), "materials": D("1.1")}
    assert est.basic == D("34.38") and est.total == D("308.14") and est.extended == D("273.76")
    assert est.exact_total == Fraction(30814, 100)
    assert (est.needed_basic, est.needed_full) == (35, 309)
    assert [x.line.amount for x in est.lines if x.line.category == "travel"] == [D(1344000), D(572000), D(6000)]
    assert result.accounts[FORUM].estimate_total == D("308.14")


def test_riverside_estimate_with_density_by_hand(reg):
    """LIGHTS 200000 kWh = 20 × 10^4 kWh × 4.2 = 84; GENERATOR 300 L × 0.84 kg/L = 252 kg = 0.252 t × 3.1
    = 0.7812 (basic 84.7812); METRO 100000 × 20 × 0.03 kg = 60; TAXI 10000 × 15 × 0.16 kg = 24; CAR
    10000 × 30 × 0.17 kg = 51; AIR 200 × 3000 × 0.15 kg = 90; HOTEL 200 × 15 × 15 kg = 45; MEALS
    200 × 42 × 2.5 kg = 21; WASTE 30 t × 0.5 = 15 (extended 306); total 390.7812; needed 85 and 391."""
    est = run(reg).accounts[RIVERSIDE].estimate
    assert est.basic == D("84.7812") and est.total == D("390.7812")
    assert (est.needed_basic, est.needed_full) == (85, 391)


def test_older_rules_keep_typed_totals(reg):
    """A 2025 event (shanghai-2025, plan_estimate: totals) keeps its two typed totals in the same registry."""
    result = run(reg)
    est = result.accounts[MARATHON].estimate
    assert result.accounts[MARATHON].rules.id == "shanghai-2025" and result.accounts[FORUM].rules.id == "shanghai-2026"
    assert est.source == "totals" and est.lines == () and est.by_category == {}
    assert (est.basic, est.total, est.needed_basic, est.needed_full) == (D("45"), D("720"), 45, 720)


def test_estimate_vs_actual_by_category(reg):
    """Actual (report.yaml) by hand: electricity 36000 kWh × 4.2/10^4 = 15.12 (+ 8 MWh green at 0); heat
    120 × 0.06 = 7.2; gas 0.25 × 21.6 = 5.4; R-410A 0.0002 t × 1923.5 = 0.3847; travel 1 400 000 × 0.15 kg
    + 600 000 × 0.04 kg = 234; hotel 2100 × 15 kg = 31.5; meals 18; paper 1.2 × 1.1 = 1.32."""
    acc = run(reg).accounts[FORUM]
    cmp = estimate_vs_actual(acc, has_report=True)
    rows = {r.category: (r.estimate, r.actual, r.difference) for r in cmp.categories}
    assert rows["purchased_electricity"] == (D("18.9"), D("15.12"), D("-3.78"))
    assert rows["travel"] == (D("224.66"), D("234"), D("9.34"))
    assert rows["fugitive_gases"] == (D("0"), D("0.3847"), D("0.3847"))  # no estimate line: the plan expected none
    assert rows["catering"] == (D("18"), D("18"), D("0"))
    assert list(rows) == ["purchased_electricity", "purchased_heat", "stationary_fuel",  # basic scope first, then by name
                          "accommodation", "catering", "fugitive_gases", "materials", "travel"]
    assert [r.scope for r in cmp.categories][:3] == ["basic"] * 3
    assert (cmp.basic.estimate, cmp.basic.actual, cmp.basic.difference) == (D("34.38"), D("27.72"), D("-6.66"))
    assert (cmp.total.estimate, cmp.total.actual) == (D("308.14"), D("312.9247"))
    assert cmp.total.difference == D("4.7847")


def test_estimate_vs_actual_without_report_or_by_totals(reg):
    result = run(reg)
    planned = estimate_vs_actual(result.accounts[RIVERSIDE], has_report=False)
    assert all(r.actual is None and r.difference is None for r in planned.categories)
    assert planned.total.estimate == D("390.7812")
    typed = estimate_vs_actual(result.accounts[MARATHON], has_report=True)
    assert typed.categories[0].estimate is None  # typed totals say nothing per category
    assert typed.total.estimate == D("720") and typed.total.difference == typed.total.actual - D("720")
