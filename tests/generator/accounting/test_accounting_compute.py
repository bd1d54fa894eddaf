"""Exact accounting of whole events: lines, factors in force, totals, unit errors located."""
from datetime import date
from decimal import Decimal as D
from pathlib import Path

from gentestkit import EXPO, FESTIVAL, FORUM, MARATHON, SALON, assert_at, edit, line_of, only, run, with_code

from generator.accounting.compute import add_months

# Factor values of the sample's default set, restated here so the expected totals are independent.
ELEC_T_PER_10K_KWH = D("4.2")
MEAL_KG = D("2.5")
METRO_KG_PER_PKM = D("0.03")
PAPER_T_PER_T = D("1.1")


def _salon_report(reg: Path, lines: str) -> Path:
    path = reg / SALON / "report.yaml"
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("lines:\n")]
    tail = text[text.index("attachments:\n"):]
    path.write_text(head + "lines:\n" + lines + tail, encoding="utf-8")
    return path


def test_salon_totals_match_hand_arithmetic(reg: Path):
    result = run(reg)
    acc = result.accounts[SALON]
    elec = D(1200) / D(10000) * ELEC_T_PER_10K_KWH          # basic
    meals = D(360) * MEAL_KG / D(1000)                        # extended
    metro = D(9000) * METRO_KG_PER_PKM / D(1000)              # extended
    paper = D(50) / D(1000) * PAPER_T_PER_T                   # extended
    assert acc.basic == elec
    assert acc.extended == meals + metro + paper
    assert acc.total == elec + meals + metro + paper
    assert acc.by_phase == {"preparation": D(0), "hosting": acc.total, "closing": D(0)}
    assert acc.by_category["purchased_electricity"] == elec
    assert acc.needed_full == int(acc.total) + (1 if acc.total != int(acc.total) else 0)


def test_measured_factors_and_units_exactly(reg: Path):
    lines = (
        "  - id: A\n    phase: hosting\n    category: purchased_electricity\n"
        "    description: {zh: 电, en: Power}\n"
        '    activity: {amount: "1.234567", unit: MWh}\n'
        '    factor: {source: measured, value: "0.5703", unit: kgCO2/kWh, evidence: attachments/salon-activity-data.pdf}\n'
        "  - id: B\n    phase: preparation\n    category: stationary_fuel\n"
        "    description: {zh: 油, en: Oil}\n"
        '    activity: {amount: "0.1", unit: m3}\n'
        '    density: {value: "0.84", unit: kg/L}\n'
        '    factor: {source: measured, value: "3.0959", unit: tCO2/t, evidence: attachments/salon-activity-data.pdf}\n'
        "  - id: C\n    phase: closing\n    category: stationary_fuel\n"
        "    description: {zh: 油, en: Oil}\n"
        '    activity: {amount: "0.2", unit: t}\n'
        '    factor: {source: measured, value: "3", unit: tCO2/t, evidence: attachments/salon-activity-data.pdf}\n'
    )
    _salon_report(reg, lines)
    acc = run(reg).accounts[SALON]
    a = D("1.234567") * D(1000) * D("0.5703") / D(1000)
    b = D("0.1") * D(1000) * D("0.84") / D(1000) * D("3.0959")
    c = D("0.2") * D(3)
    by_id = {x.line.id: x for x in acc.lines}
    assert by_id["A"].tco2e == a and by_id["B"].tco2e == b and by_id["C"].tco2e == c
    assert by_id["C"].tco2e == D("0.6")  # not 0.6000000000000001
    assert by_id["A"].factor_origin == "measured"
    assert acc.by_phase == {"preparation": b, "hosting": a, "closing": c}
    assert acc.total == a + b + c == acc.basic
    assert "MWh" in by_id["A"].derivation and "tCO2e" in by_id["A"].derivation


def test_activity_in_mwh_gives_the_same_total_as_in_kwh(reg: Path):
    before = run(reg).accounts[MARATHON].total
    edit(reg / MARATHON / "report.yaml", "amount: 42500, unit: kWh", 'amount: "42.5", unit: MWh')
    after = run(reg)
    assert not [f for f in after.findings if f.code.startswith(("A", "S", "Y"))]
    assert after.accounts[MARATHON].total == before


def test_marathon_gasoline_in_litres_uses_density(reg: Path):
    acc = run(reg).accounts[MARATHON]
    cars = next(x for x in acc.lines if x.line.id == "H-CARS")
    assert cars.activity_in_factor_unit == D(3200) * D("0.74") / D(1000)
    assert cars.tco2e == cars.activity_in_factor_unit * D("2.9")


def test_missing_density_is_a504_at_the_unit(reg: Path):
    report = reg / FESTIVAL / "report.yaml"
    edit(report, '    density: {value: "0.84", unit: kg/L}\n', "")
    result = run(reg)
    assert_at(only(result, "A504"), f"{FESTIVAL}/report.yaml", line_of(report, "amount: 800, unit: L"))
    assert result.failed()


def test_incompatible_unit_is_a503(reg: Path):
    report = reg / MARATHON / "report.yaml"
    edit(report, "amount: 9800, unit: room-night", "amount: 9800, unit: kWh")
    assert_at(only(run(reg), "A503"), f"{MARATHON}/report.yaml", line_of(report, "amount: 9800, unit: kWh"))


def test_unknown_factor_key_is_a501(reg: Path):
    report = reg / EXPO / "report.yaml"
    edit(report, "key: waste-landfill", "key: waste-composting")
    f = only(run(reg), "A501")
    assert_at(f, f"{EXPO}/report.yaml", line_of(report, "key: waste-composting"))
    assert "waste-composting" in f.en and "waste-landfill" in f.en  # suggests the keys of the category


def test_factor_of_another_category_is_a502(reg: Path):
    report = reg / EXPO / "report.yaml"
    edit(report, "key: waste-landfill", "key: electricity-shanghai")
    f = only(run(reg), "A502")
    assert_at(f, f"{EXPO}/report.yaml", line_of(report, "key: electricity-shanghai", nth=2))


def test_factor_of_another_travel_mode_is_a502(reg: Path):
    report = reg / EXPO / "report.yaml"
    edit(report, "key: travel-private-car", "key: travel-metro")
    assert only(run(reg), "A502").location.line == line_of(report, "mode: private_car") + 3


def test_later_factor_set_and_rules_apply_to_later_events(reg: Path):
    src = (reg / "factors" / "shanghai-default-2022.yaml").read_text(encoding="utf-8")
    newer = (src.replace("id: shanghai-default-2022", "id: shanghai-default-2026")
                .replace('version: "2022.1"', 'version: "2026.1"')
                .replace("valid_from: 2022-02-11", "valid_from: 2026-01-01")
                .replace('value: "4.2"\n    unit: tCO2/10^4kWh', 'value: "3.9"\n    unit: tCO2/10^4kWh'))
    assert newer.count('value: "3.9"') == 1
    (reg / "factors" / "shanghai-default-2026.yaml").write_text(newer, encoding="utf-8")
    rules = (reg / "rules" / "shanghai-2025.yaml").read_text(encoding="utf-8")
    rules = (rules.replace("id: shanghai-2025", "id: shanghai-2026")
                  .replace("effective_from: 2025-07-09", "effective_from: 2026-01-01")
                  .replace("deadline_months_after_end: 12", "deadline_months_after_end: 18"))
    (reg / "rules" / "shanghai-2026.yaml").write_text(rules, encoding="utf-8")
    result = run(reg)
    forum, expo = result.accounts[FORUM], result.accounts[EXPO]
    assert forum.factor_set.id == "shanghai-default-2026" and expo.factor_set.id == "shanghai-default-2022"
    assert forum.rules.id == "shanghai-2026" and expo.rules.id == "shanghai-2025"
    assert {x.factor_value for x in forum.lines
            if x.line.category == "purchased_electricity" and x.line.green_power is None} == {D("3.9")}
    assert {x.factor_value for x in expo.lines if x.line.category == "purchased_electricity"} == {D("4.2")}
    hosting_end = date(2026, 4, 23)
    assert forum.deadline == date(2027, 10, 23) == add_months(hosting_end, 18)
    assert expo.deadline == date(2026, 10, 17)


def test_factor_set_with_valid_until_stops_applying(reg: Path):
    edit(reg / "factors" / "shanghai-default-2022.yaml", "valid_from: 2022-02-11",
         "valid_from: 2022-02-11\nvalid_until: 2025-12-31")
    result = run(reg)
    assert result.accounts[FORUM].factor_set is None
    a505 = with_code(result, "A505")
    assert a505 and all(f.location.path.endswith(f"{FORUM}/report.yaml") for f in a505)
    assert result.accounts[EXPO].factor_set is not None


def test_plan_estimate_is_kept_beside_the_actual(reg: Path):
    acc = run(reg).accounts[MARATHON]
    assert acc.estimate_total == D("720") and acc.estimate_basic == D("45")
    assert acc.total != acc.estimate_total


def test_add_months_clamps_to_month_end():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2025, 11, 16), 12) == date(2026, 11, 16)
    assert add_months(date(2025, 12, 6), 1) == date(2026, 1, 6)
