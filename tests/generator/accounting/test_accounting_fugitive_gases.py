"""Refrigerants and other non-CO2 gases: mass of gas x GWP from the factor set in force, whose GWP
table states its IPCC assessment report (AR5, 100 years) and cites it; blends weigh their components."""
from decimal import Decimal as D
from pathlib import Path

from gentestkit import FORUM, SALON, assert_at, column_of, edit, line_of, only, run

from generator.loading.yamlsafe import load_yaml

# AR5 100-year GWPs restated by hand (IPCC AR5 WG1 Ch. 8, Table 8.A.1), independent of the data file.
HFC32, HFC125, HFC134A, HFC143A = D(677), D(3170), D(1300), D(4800)


def _factors(reg: Path) -> dict:
    doc, _ = load_yaml(reg / "factors" / "shanghai-default-2022.yaml")
    return doc.data, {f["key"]: f for f in doc.data["factors"]}


def test_the_gwp_table_says_which_assessment_report(reg: Path):
    data, factors = _factors(reg)
    assert data["gwp_basis"]["report"] == "AR5" and data["gwp_basis"]["horizon_years"] == 100
    gwps = [f for f in factors.values() if f["category"] == "fugitive_gases"]
    assert len(gwps) == 10
    for f in gwps:
        assert "AR5" in f["source"]["title"]["en"] and f["unit"] == "tCO2e/t" and f["status"] != "official"
    assert (D(factors["gwp-ch4"]["value"]), D(factors["gwp-n2o"]["value"])) == (D(28), D(265))


def test_blends_weigh_their_components(reg: Path):
    _, f = _factors(reg)
    assert D(f["gwp-r-410a"]["value"]) == D("0.5") * HFC32 + D("0.5") * HFC125
    assert D(f["gwp-r-407c"]["value"]) == D("0.23") * HFC32 + D("0.25") * HFC125 + D("0.52") * HFC134A
    assert D(f["gwp-r-404a"]["value"]) == D("0.44") * HFC125 + D("0.52") * HFC143A + D("0.04") * HFC134A


def test_forum_refrigerant_line_by_hand(reg: Path):
    result = run(reg)
    acc = result.accounts[FORUM]
    leak = next(x for x in acc.lines if x.line.id == "AC-LEAK")
    expected = D("0.2") / D(1000) * (D("0.5") * HFC32 + D("0.5") * HFC125)  # 200 g of R-410A recharged
    assert leak.tco2e == expected == D("0.3847")
    assert leak.scope == "extended" and acc.by_category["fugitive_gases"] == expected
    assert leak.factor_origin == "placeholder"


def test_a502_factor_of_another_gas(reg: Path):
    report = reg / FORUM / "report.yaml"
    edit(report, "gas: R-410A", "gas: HFC-134a")
    f = only(run(reg), "A502")
    assert_at(f, f"{FORUM}/report.yaml", line_of(report, "key: gwp-r-410a"), column_of(report, "gwp-r-410a"))
    assert "R-410A" in f.en and "HFC-134a" in f.en


def test_gas_required_on_a_fugitive_line_and_only_there(reg: Path):
    report = reg / FORUM / "report.yaml"
    edit(report, "    gas: R-410A\n", "")
    assert "gas" in only(run(reg), "S201").en
    edit(report, "    category: fugitive_gases\n", "    category: fugitive_gases\n    gas: R-410A\n")
    edit(report, "    category: purchased_heat\n", "    category: purchased_heat\n    gas: SF6\n")
    assert any("gas" in f.en for f in run(reg).findings if f.code.startswith("S2"))


def test_older_rules_leave_the_category_out_with_a_warning(reg: Path):
    """shanghai-2025 puts fugitive_gases in neither scope: counted nowhere, and said so (R402)."""
    report = reg / SALON / "report.yaml"
    edit(report, "\nattachments:\n",
         "\n  - id: LEAK\n    phase: hosting\n    category: fugitive_gases\n    gas: SF6\n"
         "    description: {zh: 开关柜, en: Switchgear}\n    activity: {amount: 1, unit: kg}\n"
         "    factor: {source: default, key: gwp-sf6}\nattachments:\n")
    result = run(reg)
    assert_at(only(result, "R402"), f"{SALON}/report.yaml", line_of(report, "category: fugitive_gases"))
    assert "fugitive_gases" not in {x.line.category for x in result.accounts[SALON].lines if x.scope}
