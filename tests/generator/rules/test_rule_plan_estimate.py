"""E101-E108: the plan's estimate (Art. 9). From rules with plan_estimate: lines (shanghai-2026) it is
computed from estimate lines; each bad line has its own code, located in plan.yaml, in zh and en.
The sample mixes both rules versions: 2025 plans keep typed totals, 2026 plans have lines."""
from pathlib import Path

from gentestkit import FORUM, MARATHON, assert_at, codes, edit, line_of, only, run

TYPED_TOTALS = 'estimate:\n  basic_tco2e: "45"\n  total_tco2e: "720"\n'


def _plan(reg: Path, rel: str = FORUM) -> Path:
    return reg / rel / "plan.yaml"


def _no_estimate_codes(result) -> bool:
    return not {c for c in codes(result) if c.startswith("E1")}


def test_sample_mixes_both_forms_cleanly(reg: Path):
    result = run(reg)
    assert _no_estimate_codes(result) and not result.failed()
    assert result.accounts[MARATHON].estimate.source == "totals"
    assert result.accounts[FORUM].estimate.source == "lines"


def test_e101_newer_rules_need_lines(reg: Path):
    plan = _plan(reg)
    text = plan.read_text(encoding="utf-8")
    head, rest = text.split("estimate:\n", 1)
    _, tail = rest.split("offset_plan:\n", 1)
    plan.write_text(head + 'estimate:\n  basic_tco2e: "30"\n  total_tco2e: "300"\noffset_plan:\n' + tail, encoding="utf-8")
    result = run(reg)
    f = only(result, "E101")
    assert_at(f, f"{FORUM}/plan.yaml", line_of(plan, "basic_tco2e"))
    assert "shanghai-2026" in f.en and "lines" in f.en and "预估行" in f.zh
    assert f.severity.value == "error" and result.accounts[FORUM].estimate is None


def test_e101_not_under_older_rules(reg: Path):
    """The same typed totals under shanghai-2025 (the marathon) are fine: the requirement is not retroactive."""
    assert TYPED_TOTALS in _plan(reg, MARATHON).read_text(encoding="utf-8")
    assert "E101" not in codes(run(reg))


def test_e102_older_rules_need_both_totals_or_lines(reg: Path):
    plan = _plan(reg, MARATHON)
    edit(plan, TYPED_TOTALS, 'estimate:\n  basic_tco2e: "45"\n')
    f = only(run(reg), "E102")
    assert_at(f, f"{MARATHON}/plan.yaml", line_of(plan, "basic_tco2e"))
    assert "total_tco2e" in f.en and "total_tco2e" in f.zh


def test_older_rules_accept_lines_instead_of_totals(reg: Path):
    plan = _plan(reg, MARATHON)
    edit(plan, TYPED_TOTALS, "estimate:\n  lines:\n    - id: E1\n      phase: hosting\n      category: purchased_heat\n"
                             "      description: {zh: 热力, en: heat}\n      activity: {amount: 100, unit: GJ}\n"
                             "      factor: {key: heat-shanghai}\n")
    result = run(reg)
    assert _no_estimate_codes(result)
    assert result.accounts[MARATHON].estimate.total == 6  # 100 GJ × 0.06


def test_e103_unknown_factor_key(reg: Path):
    plan = _plan(reg)
    edit(plan, "factor: {key: travel-metro}", "factor: {key: travel-subway}")
    result = run(reg)
    f = only(result, "E103")
    assert_at(f, f"{FORUM}/plan.yaml", line_of(plan, "travel-subway"))
    assert "travel-subway" in f.en and "travel-metro" in f.en and "travel-subway" in f.zh  # names what to use
    assert "A501" not in codes(result) and result.accounts[FORUM].estimate is None


def test_e104_factor_of_another_mode(reg: Path):
    plan = _plan(reg)
    edit(plan, "factor: {key: travel-high-speed-rail}", "factor: {key: travel-air}")
    f = only(run(reg), "E104")
    assert_at(f, f"{FORUM}/plan.yaml", line_of(plan, "factor: {key: travel-air}", 2))
    assert "travel/air" in f.en and "travel/high_speed_rail" in f.en


def test_e105_unit_not_convertible(reg: Path):
    plan = _plan(reg)
    edit(plan, "activity: {people: 1200, per_person: 6, unit: meal}", "activity: {people: 1200, per_person: 6, unit: person-day}")
    f = only(run(reg), "E105")
    assert_at(f, f"{FORUM}/plan.yaml", line_of(plan, "unit: person-day"))
    assert "person-day" in f.en and "meal" in f.en


def test_e106_volume_without_density(reg: Path):
    plan = _plan(reg, "events/2026/2026-riverside-light-art-festival")
    edit(plan, '      density: {value: "0.84", unit: kg/L}\n', "")
    f = only(run(reg), "E106")
    assert_at(f, "events/2026/2026-riverside-light-art-festival/plan.yaml", line_of(plan, "activity: {amount: 300, unit: L}"))
    assert "density" in f.en and "密度" in f.zh


def test_e107_no_factor_set_in_force(reg: Path):
    fset = reg / "factors" / "shanghai-default-2022.yaml"
    edit(fset, "valid_from: 2022-02-11", "valid_from: 2022-02-11\nvalid_until: 2025-12-31")
    result = run(reg)
    assert len([f for f in result.findings if f.code == "E107"]) == 18  # 9 lines in each 2026 plan
    assert "E107" in codes(result) and result.accounts[FORUM].estimate is None


def test_e108_typed_total_must_equal_the_lines(reg: Path):
    plan = _plan(reg)
    edit(plan, "  lines:\n    - id: VENUE-ELEC", '  basic_tco2e: "34.38"\n  total_tco2e: "300"\n  lines:\n    - id: VENUE-ELEC')
    result = run(reg)
    f = only(result, "E108")  # basic agrees (34.38 exactly), total does not (308.14)
    assert_at(f, f"{FORUM}/plan.yaml", line_of(plan, "total_tco2e"))
    assert "308.14" in f.en and "300" in f.en and "308.14" in f.zh
    edit(plan, 'total_tco2e: "300"', 'total_tco2e: "308.140"')  # the same number, written otherwise
    assert "E108" not in codes(run(reg))
