"""R404 every category of the required scope is accounted or excluded with a reason (Art. 11), as the
rules version in force requires; until it is, no neutrality level is reached (and R705 for a declaration)."""
from datetime import date
from pathlib import Path

from gentestkit import FORUM, MARATHON, SALON, assert_at, codes, edit, line_of, only, run, with_code
from samplekit import unpublish

BASIC = ("event_vehicles", "purchased_electricity", "purchased_heat", "stationary_fuel")
MARATHON_BASIC_LINES = ("P-ELEC", "H-ELEC", "H-CARS", "H-GEN", "C-ELEC")


def _drop_lines(report: Path, ids) -> None:
    """Remove the report lines with these ids (each line block runs to the next '  - id:')."""
    text = report.read_text(encoding="utf-8")
    head, rest = text.split("lines:\n", 1)
    body, tail = rest.split("attachments:\n", 1)
    blocks = ["  - id:" + b for b in body.split("  - id:")[1:]]
    kept = [b for b in blocks if b.split("\n", 1)[0].split(":", 1)[1].strip() not in ids]
    assert len(blocks) - len(kept) == len(ids)
    report.write_text(head + "lines:\n" + "".join(kept) + "attachments:\n" + tail, encoding="utf-8")


def _exclude(report: Path, categories) -> None:
    items = "".join(f"  - category: {c}\n    reason: {{zh: 未发生（{c}）, en: did not occur ({c})}}\n" for c in categories)
    edit(report, "\nattachments:\n", "\nexclusions:\n" + items + "attachments:\n")


def test_sample_passes_under_both_rules_versions(reg: Path):
    """The sample mixes both versions: 2025 events (shanghai-2025, one category suffices; the salon
    accounts only electricity) and the 2026 forum (shanghai-2026, every category or an exclusion)."""
    result = run(reg)
    assert not {"R404", "R405", "R705"} & codes(result)
    assert result.accounts[SALON].rules.id == "shanghai-2025"
    assert result.accounts[FORUM].rules.id == "shanghai-2026"
    assert result.accounts[FORUM].exclusions[0].category == "event_vehicles"


def test_declared_event_without_basic_lines_fails_until_each_category_is_excluded(reg: Path):
    report = reg / MARATHON / "report.yaml"
    unpublish(reg, MARATHON, "declaration.json")  # the signed copy binds the old report (C102); publish re-signs
    _drop_lines(report, MARATHON_BASIC_LINES)
    result = run(reg)
    f = only(result, "R404")
    assert_at(f, f"{MARATHON}/report.yaml", line_of(report, "- id:"), 3)  # the lines
    assert "basic" in f.en and "exclusions" in f.en and "基本范围" in f.zh
    acc = result.accounts[MARATHON]
    assert acc.needed_basic == 0 and acc.retired == 740
    assert acc.level == "none" and acc.status == "open"  # not "basic" with nothing to offset
    assert "R705" in codes(result) and result.failed()
    assert result.counts()["neutral_full"] == 2  # the marathon is no longer counted (3 before)

    _exclude(report, BASIC)
    result = run(reg)
    assert not {"R404", "R705"} & codes(result) and not result.failed()
    acc = result.accounts[MARATHON]
    assert acc.level == "full" and [x.category for x in acc.exclusions] == list(BASIC)
    assert acc.exclusions[0].reason.en == "did not occur (event_vehicles)"


def test_under_the_newer_rules_each_category_is_needed(reg: Path):
    report = reg / FORUM / "report.yaml"
    text = report.read_text(encoding="utf-8")
    start = text.index("exclusions:\n")
    report.write_text(text[:start] + text[text.index("attachments:\n"):], encoding="utf-8")
    result = run(reg)
    f = only(result, "R404")
    assert_at(f, f"{FORUM}/report.yaml", line_of(report, "- id:"), 3)
    assert "event_vehicles" in f.en and "shanghai-2026" in f.en and "every category" in f.en
    assert "event_vehicles" in f.zh
    assert result.accounts[FORUM].unaccounted == ("event_vehicles",)
    assert result.accounts[FORUM].level == "none"


def test_a_zero_line_does_not_account_a_category(reg: Path):
    report = reg / FORUM / "report.yaml"
    edit(report, "activity: {amount: 2500, unit: Nm3", "activity: {amount: 0, unit: Nm3")
    f = only(run(reg), "R404")
    assert_at(f, f"{FORUM}/report.yaml", line_of(report, "- category: event_vehicles"), 3)  # the exclusions
    assert "stationary_fuel" in f.en and "amount 0" in f.en and "数量为 0" in f.zh


def test_older_rules_need_at_least_one_category(reg: Path):
    """Under shanghai-2025 excluding one category with a reason is enough."""
    report = reg / MARATHON / "report.yaml"
    _drop_lines(report, MARATHON_BASIC_LINES)
    _exclude(report, ["stationary_fuel"])
    result = run(reg)
    assert "R404" not in codes(result)
    assert result.accounts[MARATHON].level == "full"


def test_r405_excluded_category_with_lines(reg: Path):
    report = reg / SALON / "report.yaml"
    _exclude(report, ["stationary_fuel", "purchased_electricity", "stationary_fuel"])
    found = with_code(run(reg), "R405")
    assert len(found) == 2
    twice = next(f for f in found if "twice" in f.en)
    lines = next(f for f in found if "has emission lines" in f.en)
    assert_at(lines, f"{SALON}/report.yaml", line_of(report, "category: purchased_electricity", 2), 15)
    assert_at(twice, f"{SALON}/report.yaml", line_of(report, "category: stationary_fuel", 2), 15)
    assert "不能同时排除" in lines.zh


def test_exclusion_needs_a_reason(reg: Path):
    report = reg / SALON / "report.yaml"
    edit(report, "\nattachments:\n", "\nexclusions:\n  - category: stationary_fuel\nattachments:\n")
    f = only(run(reg), "S201")
    assert "reason" in f.en
    assert_at(f, f"{SALON}/report.yaml", line_of(report, "- category: stationary_fuel"))


def test_completeness_applies_from_the_rules_effective_date(reg: Path):
    """Moving the newer version's date past the forum puts the forum back under the older rules."""
    edit(reg / "rules" / "shanghai-2026.yaml", "effective_from: 2026-01-01", "effective_from: 2026-06-01")
    report = reg / FORUM / "report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text[:text.index("exclusions:\n")] + text[text.index("attachments:\n"):], encoding="utf-8")
    result = run(reg, today=date(2026, 7, 1))
    assert result.accounts[FORUM].rules.id == "shanghai-2025"
    assert "R404" not in codes(result)
