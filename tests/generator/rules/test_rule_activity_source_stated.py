"""R406 data quality: under rules versions with ``activity_source: required`` (shanghai-2026 on) every
report line states where its activity data comes from; events accounted under earlier versions keep
checking without it (the sample mixes both)."""
from pathlib import Path

from gentestkit import EXPO, FORUM, assert_at, codes, column_of, edit, line_of, only, run, with_code


def _unsign(reg: Path) -> None:
    """The forum's signed certificate binds its report (C102 after an edit); these tests edit the report."""
    (reg / FORUM / "certificate.json").unlink(missing_ok=True)


def test_sample_mixes_both_rules_versions(reg: Path):
    result = run(reg)
    assert "R406" not in codes(result)
    assert result.accounts[FORUM].rules.activity_source == "required"
    assert {x.line.activity_source for x in result.accounts[FORUM].lines} == {"metered", "invoiced", "surveyed", "estimated"}
    # the 2025 expo states no source on any line, and its rules (shanghai-2025) do not ask for one
    assert result.accounts[EXPO].rules.id == "shanghai-2025"
    assert {x.line.activity_source for x in result.accounts[EXPO].lines} == {None}


def test_a_line_without_its_source_is_located(reg: Path):
    _unsign(reg)
    report = reg / FORUM / "report.yaml"
    edit(report, "activity: {amount: 2100, unit: room-night, source: invoiced,", "activity: {amount: 2100, unit: room-night,")
    result = run(reg)
    f = only(result, "R406")
    assert f.severity.value == "error" and result.failed()
    assert_at(f, f"{FORUM}/report.yaml", line_of(report, "amount: 2100"), column_of(report, "{amount: 2100"))  # the activity
    assert "HOTEL" in f.en and "source: metered | invoiced | surveyed | estimated" in f.en and "sample_size" in f.en
    assert "HOTEL" in f.zh and "活动数据来源" in f.zh


def test_the_same_line_passes_under_the_older_rules(reg: Path):
    """Moving the forum to 2025 puts it under shanghai-2025: no source needed there (no R406)."""
    _unsign(reg)
    report, plan = reg / FORUM / "report.yaml", reg / FORUM / "plan.yaml"
    edit(report, "activity: {amount: 2100, unit: room-night, source: invoiced,", "activity: {amount: 2100, unit: room-night,")
    edit(plan, "hosting: {start: 2026-04-22, end: 2026-04-23}", "hosting: {start: 2025-12-22, end: 2025-12-23}")
    edit(plan, "preparation: {start: 2026-01-10, end: 2026-04-21}", "preparation: {start: 2025-10-10, end: 2025-12-21}")
    edit(plan, "closing: {start: 2026-04-24, end: 2026-04-30}", "closing: {start: 2025-12-24, end: 2025-12-30}")
    result = run(reg)
    assert result.accounts[FORUM].rules.id == "shanghai-2025"
    assert not with_code(result, "R406")


def test_a_survey_needs_its_sample_size_and_only_a_survey_has_one(reg: Path):
    _unsign(reg)
    report = reg / FORUM / "report.yaml"
    edit(report, "source: surveyed, sample_size: 860, evidence: attachments/delegate-travel-and-lodging.pdf}\n    factor: {source: default, key: travel-air}",
         "source: surveyed, evidence: attachments/delegate-travel-and-lodging.pdf}\n    factor: {source: default, key: travel-air}")
    edit(report, "source: metered, evidence: attachments/venue-energy-statement.pdf}\n    factor: {source: default, key: heat-shanghai}",
         "source: metered, sample_size: 3, evidence: attachments/venue-energy-statement.pdf}\n    factor: {source: default, key: heat-shanghai}")
    result = run(reg)
    missing = [f for f in result.findings if f.code == "S201" and "sample_size" in f.en]
    assert len(missing) == 1 and missing[0].location.line == line_of(report, "amount: 1400000")
    extra = [f for f in result.findings if f.location.line == line_of(report, "amount: 120,") and f.code.startswith("S2")]
    assert extra and "sample_size" in extra[0].en
    assert "R406" not in codes(result)


def test_an_unknown_source_is_refused_by_the_schema(reg: Path):
    _unsign(reg)
    report = reg / FORUM / "report.yaml"
    edit(report, "unit: kg, source: estimated}", "unit: kg, source: guessed}")
    result = run(reg)
    bad = [f for f in result.findings if f.code.startswith("S2") and f.location.line == line_of(report, "source: guessed")]
    assert bad and "estimated" in bad[0].en
