"""Issue 13, section 3: one bad field gives one error. What follows from an unreadable file is
dropped when untrue (R703 "no report yet", C103 "the registry computes 0") or marked as a
consequence of that file's error; the summary still counts every file filed."""
from gentestkit import MARATHON, copy_sample, edit, run, with_code

from generator.formats.summary import summary_lines

REPORT = f"{MARATHON}/report.yaml"
CCER = f"{MARATHON}/retirements/pjm-2026-ccer-001.yaml"


def test_a_bad_report_field_does_not_say_there_is_no_report(tmp_path):
    root = copy_sample(tmp_path)
    edit(root / REPORT, "activity: {amount: 4800,", "activity: {amount: lots,")
    result = run(root)
    assert [f.code for f in result.findings if f.location.path.endswith(REPORT)] == ["S207"]
    assert not with_code(result, "R703") and not with_code(result, "C103")
    reports = len(list(root.glob("events/*/*/report.yaml")))
    assert result.counts()["reports"] == reports and result.counts()["unreadable"] == 1
    zh, en = summary_lines(result)
    assert f"{reports} 份核算报告" in zh and "其中 1 份有错误无法读取" in zh
    assert f"{reports} reports" in en and "1 of these files could not be read" in en


def test_a_bad_retirement_marks_what_follows_from_it(tmp_path):
    root = copy_sample(tmp_path)
    edit(root / CCER, "quantity: 700", "quantity: seven hundred")
    result = run(root)
    followers = with_code(result, "R701") + with_code(result, "R702")
    assert {f.code for f in followers} == {"R701", "R702"}
    for f in followers:
        assert "consequence of the error in pjm-2026-ccer-001.yaml" in f.en
        assert "pjm-2026-ccer-001.yaml 中错误的后果" in f.zh
        assert any(r.path.endswith(CCER) for r in f.related)
    assert result.counts()["retirements"] == len(list(root.glob("events/*/*/retirements/*.yaml")))


def test_without_an_unreadable_file_nothing_is_marked(tmp_path):
    root = copy_sample(tmp_path)
    (root / REPORT).unlink()  # no report at all: R703 is true and stays as it was
    result = run(root)
    [r703] = [f for f in with_code(result, "R703") if MARATHON in f.location.path]
    assert "consequence" not in r703.en and result.counts()["unreadable"] == 0
