"""Schema errors become bilingual findings at the right line, quoting the offending value."""
import re
import shutil
from pathlib import Path

import pytest
from gentestkit import EXPO, MARATHON, SAMPLE, column_of, edit, line_of

from generator.loading.registry import load_record
from generator.loading.walk import RegistryFile

CJK = re.compile(r"[\u4e00-\u9fff]")


def _copy(tmp_path: Path, rel: str) -> Path:
    target = tmp_path / Path(rel).name
    shutil.copy(SAMPLE / rel, target)
    return target


def _load(kind: str, path: Path):
    return load_record(RegistryFile(kind, path, path.name))


def _bilingual(f):
    assert CJK.search(f.zh), f.zh
    assert re.search(r"[A-Za-z]{4,}", f.en) and not CJK.search(f.en.replace("'", "")), f.en


def test_untouched_sample_files_are_valid():
    for rel, kind in [(f"{MARATHON}/plan.yaml", "plan"), (f"{MARATHON}/report.yaml", "report"),
                      (f"{MARATHON}/declaration.yaml", "declaration"),
                      (f"{MARATHON}/retirements/pjm-2026-cea-001.yaml", "retirement"),
                      ("rules/shanghai-2025.yaml", "rules"), ("factors/shanghai-default-2022.yaml", "factor-set"),
                      ("agencies/hupu-carbon-services.yaml", "agency"), ("registry.yaml", "registry")]:
        record, findings = load_record(RegistryFile(kind, SAMPLE / rel, rel))
        assert findings == [] and record is not None, (rel, findings)


@pytest.mark.parametrize("bad", ["2025-02-30", "2025-13-01", "2025-11-31", "2025-1-05", "16/11/2025"])
def test_impossible_date_rejected_with_s206(tmp_path: Path, bad: str):
    plan = _copy(tmp_path, f"{MARATHON}/plan.yaml")
    edit(plan, "hosting: {start: 2025-11-16,", f"hosting: {{start: {bad},")
    record, findings = _load("plan", plan)
    assert record is None
    [f] = [x for x in findings if x.code == "S206"]
    assert f.location.line == line_of(plan, f"start: {bad}")
    assert f.location.column == column_of(plan, bad)
    assert repr(bad) in f.en and repr(bad) in f.zh
    _bilingual(f)


def test_date_deep_in_a_list_is_located(tmp_path: Path):
    ret = _copy(tmp_path, f"{MARATHON}/retirements/pjm-2026-cea-001.yaml")
    edit(ret, "retired_on: 2026-01-15", "retired_on: 2026-02-29")
    _, findings = _load("retirement", ret)
    assert [(f.code, f.location.line) for f in findings] == [("S206", line_of(ret, "retired_on:"))]


def test_missing_required_field_s201(tmp_path: Path):
    plan = _copy(tmp_path, f"{MARATHON}/plan.yaml")
    edit(plan, "expected_neutral_by: 2026-03-31\n", "")
    _, findings = _load("plan", plan)
    [f] = findings
    assert f.code == "S201"
    assert f.location.line == line_of(plan, "id: 2025-pujiang-city-marathon")  # the top-level mapping
    assert "'expected_neutral_by'" in f.en and "'expected_neutral_by'" in f.zh
    _bilingual(f)


def test_missing_nested_field_points_at_its_mapping(tmp_path: Path):
    plan = _copy(tmp_path, f"{MARATHON}/plan.yaml")
    edit(plan, "  district: huangpu\n", "")
    _, [f] = _load("plan", plan)
    assert f.code == "S201" and "'district'" in f.en
    assert f.location.line == line_of(plan, "venue:") + 1  # the venue mapping starts on its first key


def test_unknown_field_s202_at_the_key(tmp_path: Path):
    plan = _copy(tmp_path, f"{MARATHON}/plan.yaml")
    edit(plan, "  district: huangpu\n", "  district: huangpu\n  colour: blue\n")
    _, [f] = _load("plan", plan)
    assert f.code == "S202"
    assert (f.location.line, f.location.column) == (line_of(plan, "colour: blue"), 3)
    assert "'colour'" in f.en and "'colour'" in f.zh and "district" in f.en
    _bilingual(f)


def test_unknown_field_deep_in_report_lines(tmp_path: Path):
    report = _copy(tmp_path, f"{MARATHON}/report.yaml")
    edit(report, "    factor: {source: default, key: waste-incineration}\n",
         "    factor: {source: default, key: waste-incineration}\n    comment: late\n")
    _, [f] = _load("report", report)
    assert (f.code, f.location.line, f.location.column) == ("S202", line_of(report, "comment: late"), 5)


def test_wrong_enum_s205(tmp_path: Path):
    plan = _copy(tmp_path, f"{MARATHON}/plan.yaml")
    edit(plan, "kind: sports", "kind: festival")
    _, [f] = _load("plan", plan)
    assert f.code == "S205"
    assert (f.location.line, f.location.column) == (line_of(plan, "kind: festival"), 7)
    assert "'festival'" in f.en and "'festival'" in f.zh and "performance" in f.en
    _bilingual(f)


def test_wrong_enum_in_the_third_list_item(tmp_path: Path):
    plan = _copy(tmp_path, f"{MARATHON}/plan.yaml")
    edit(plan, "  - phase: closing\n    area: waste", "  - phase: closing\n    area: rubbish")
    _, [f] = _load("plan", plan)
    assert (f.code, f.location.line) == ("S205", line_of(plan, "area: rubbish"))
    assert "reduction measure 4, area" in f.en and "第 4 项减排措施的 area" in f.zh  # counted from 1, as people count


@pytest.mark.parametrize("bad", ['"4,5"', '"1e3"', '"-2"', '"0.1234567890123"', '"abc"'])
def test_bad_decimal_string_s207(tmp_path: Path, bad: str):
    plan = _copy(tmp_path, f"{MARATHON}/plan.yaml")
    edit(plan, 'basic_tco2e: "45"', f"basic_tco2e: {bad}")
    _, [f] = _load("plan", plan)
    assert f.code == "S207"
    assert f.location.line == line_of(plan, "basic_tco2e:")
    assert repr(bad.strip('"')) in f.en and repr(bad.strip('"')) in f.zh
    _bilingual(f)


def test_bad_amount_deep_in_report_lines_s207(tmp_path: Path):
    report = _copy(tmp_path, f"{EXPO}/report.yaml")
    edit(report, "amount: 22, unit: t", 'amount: "22 t", unit: t')
    _, [f] = _load("report", report)
    assert (f.code, f.location.line) == ("S207", line_of(report, '"22 t"'))
    assert f.location.column == column_of(report, '"22 t"')


def test_negative_decimal_s207(tmp_path: Path):
    report = _copy(tmp_path, f"{EXPO}/report.yaml")
    edit(report, "amount: 40, unit: t", "amount: -40, unit: t")
    _, [f] = _load("report", report)
    assert (f.code, f.location.line) == ("S207", line_of(report, "amount: -40"))
    assert "-40" in f.en and "non-negative" in f.en


def test_integer_below_minimum_s208(tmp_path: Path):
    ret = _copy(tmp_path, f"{MARATHON}/retirements/pjm-2026-cea-001.yaml")
    edit(ret, "quantity: 40", "quantity: 0")
    _, [f] = _load("retirement", ret)
    assert (f.code, f.location.line) == ("S208", line_of(ret, "quantity: 0"))
    assert "at least 1" in f.en


def test_wrong_type_s204(tmp_path: Path):
    decl = _copy(tmp_path, f"{MARATHON}/declaration.yaml")
    edit(decl, "retirements: [pjm-2026-cea-001, pjm-2026-ccer-001]", "retirements: pjm-2026-cea-001")
    _, [f] = _load("declaration", decl)
    assert (f.code, f.location.line) == ("S204", line_of(decl, "retirements:"))
    assert "'pjm-2026-cea-001'" in f.en and "a list" in f.en


def test_forbidden_field_for_default_factor_s203(tmp_path: Path):
    report = _copy(tmp_path, f"{MARATHON}/report.yaml")
    edit(report, "factor: {source: default, key: waste-incineration}",
         'factor: {source: default, key: waste-incineration, value: "0.5"}')
    _, findings = _load("report", report)
    assert ("S203", line_of(report, 'value: "0.5"')) in [(f.code, f.location.line) for f in findings]


def test_every_error_reported_at_once(tmp_path: Path):
    plan = _copy(tmp_path, f"{MARATHON}/plan.yaml")
    edit(plan, "kind: sports", "kind: festival")
    edit(plan, "hosting: {start: 2025-11-16,", "hosting: {start: 2025-13-01,")
    edit(plan, "  district: huangpu\n", "  district: huangpu\n  colour: blue\n")
    _, findings = _load("plan", plan)
    assert sorted(f.code for f in findings) == ["S202", "S205", "S206"]


def test_top_level_list_is_s204(tmp_path: Path):
    path = tmp_path / "plan.yaml"
    path.write_text("- a\n- b\n", encoding="utf-8")
    record, [f] = _load("plan", path)
    assert record is None and f.code == "S204"
