"""Issue 13, section 3: the mistakes of a person typing with a Chinese input method each get their
own message, on the line of the mistake, saying what to type instead, in Chinese and English.
Each case edits a copy of the sample registry and runs the whole check, as a user would."""
import re

import pytest
from gentestkit import MARATHON, copy_sample, edit, line_of, only, run

CJK = re.compile(r"[\u4e00-\u9fff]")
REPORT = f"{MARATHON}/report.yaml"
PLAN = f"{MARATHON}/plan.yaml"
CCER = f"{MARATHON}/retirements/pjm-2026-ccer-001.yaml"


def _bilingual(f):
    assert CJK.search(f.zh), f.zh
    assert not CJK.search(re.sub(r"'[^']*'|\"[^\"]*\"|“[^”]*”|[：，“”]", "", f.en)), f.en  # quoted user text aside


# (file, text in the sample, the mistake, code, line holding this text after the edit, hint zh, hint en)
CASES = {
    "full-width colon": (REPORT, "prepared_on: 2025-12-20", "prepared_on： 2025-12-20", "Y115",
                         "prepared_on：", "半角冒号", "type an ASCII colon and a space: `prepared_on: …`"),
    "full-width comma between fields": (
        REPORT, "description: {zh: 起终点区域用电, en: Start and finish areas}",
        "description: {zh: 起终点区域用电，en: Start and finish areas}", "Y116",
        "起终点区域用电，en", "半角逗号", "type an ASCII comma and a space"),
    "full-width comma in a list": (PLAN, "kinds: [cea, ccer]", "kinds: [cea，ccer]", "Y116",
                                   "kinds: [cea，ccer]", "[cea, ccer]", "[cea, ccer]"),
    "tab indentation": (REPORT, "  role: agency", "\trole: agency", "Y114", "\trole: agency",
                        "空格", "replace the tab with spaces"),
    "unquoted comma in {zh, en}": (
        REPORT, "description: {zh: 起终点区域用电, en: Start and finish areas}",
        "description: {zh: 起终点区域用电, en: Start, finish areas}", "Y117",
        "en: Start, finish areas", "en: \"Start, finish areas\"", "en: \"Start, finish areas\""),
    "curly quotes around a comma": (
        REPORT, "description: {zh: 起终点区域用电, en: Start and finish areas}",
        "description: {zh: “起点, 终点区域用电”, en: Start and finish areas}", "Y117",
        "“起点, 终点", "中文引号", "Chinese quotation marks “ ” do not quote"),
    "serial with leading zeros": (CCER, 'first: "000000001"', "first: 000000001", "Y118",
                                  "first: 000000001", "\"000000001\"", "quote a serial or code: \"000000001\""),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_mistake_has_its_own_message(tmp_path, case):
    rel, old, new, code, needle, hint_zh, hint_en = CASES[case]
    root = copy_sample(tmp_path)
    edit(root / rel, old, new)
    f = only(run(root), code)
    assert f.location.path.endswith(rel)
    assert f.location.line == line_of(root / rel, needle), (f.location, f.en)
    assert hint_zh in f.zh and hint_en in f.en, (f.zh, f.en)
    _bilingual(f)
    assert not [x for x in run(root).findings if x.code == "Y103"]


def test_curly_quotes_around_a_serial_say_so(tmp_path):
    root = copy_sample(tmp_path)
    edit(root / CCER, 'first: "000000001"', "first: “000000001”")
    f = only(run(root), "S207")
    assert f.location.line == line_of(root / CCER, "“000000001”")
    assert "中文引号" in f.zh and "ASCII double quotes" in f.en
    assert "serial block 1, first" in f.en and "第 1 个序列号区段的 first" in f.zh
    _bilingual(f)


def test_other_syntax_errors_are_translated(tmp_path):
    root = copy_sample(tmp_path)
    edit(root / REPORT, "  - id: H-ELEC\n", "  - id: H-ELEC\n  oops\n")
    f = only(run(root), "Y103")
    assert "YAML 语法错误" in f.zh and "check this line and the one above" in f.en
    assert CJK.search(f.zh.split("（")[0].replace("YAML 语法错误", "")), f.zh  # the problem itself in Chinese


def test_list_positions_count_from_one_and_name_the_line(tmp_path):
    root = copy_sample(tmp_path)
    text = (root / REPORT).read_text(encoding="utf-8")
    ids = re.findall(r"^  - id: (\S+)$", text, re.M)
    edit(root / REPORT, "activity: {amount: 4800, unit: vehicle-km", "activity: {amount: -4800, unit: vehicle-km")
    f = next(x for x in run(root).findings if x.location.line == line_of(root / REPORT, "amount: -4800"))
    n = ids.index("H-SHUTTLE") + 1
    assert f"line {n} (H-SHUTTLE), activity.amount" in f.en, f.en
    assert f"第 {n} 条排放行（H-SHUTTLE）的 activity.amount" in f.zh, f.zh
    assert "lines." not in f.en and "lines." not in f.zh


def test_the_root_is_the_file_and_empty_text_is_a_sentence(tmp_path):
    root = copy_sample(tmp_path)
    edit(root / REPORT, "prepared_on: 2025-12-20\n", "")
    edit(root / PLAN, "  zh: 2025 浦江城市马拉松\n", "  zh: \"\"\n")
    result = run(root)
    missing = only(result, "S201")
    assert "report.yaml is missing required field 'prepared_on'" in missing.en
    assert "文件 report.yaml 缺少必填字段" in missing.zh and "(root)" not in missing.en + missing.zh
    empty = only(result, "S209")
    assert empty.en == "name.zh must not be empty; fill it in" and "不能为空" in empty.zh
    assert "characters" not in empty.en


@pytest.mark.parametrize("typed, answer_zh, answer_en", [
    ("黄浦区", "应写为 district: huangpu", "'黄浦区' is district: huangpu"),
    ("黄浦", "应写为 district: huangpu", "is district: huangpu"),
    ("Huangpu", "应写为 district: huangpu", "is district: huangpu"),
    ("浦东新城", "huangpu（黄浦区）", "huangpu (Huangpu)"),
])
def test_a_district_typed_by_name_is_answered(tmp_path, typed, answer_zh, answer_en):
    root = copy_sample(tmp_path)
    edit(root / PLAN, "district: huangpu", f"district: {typed}")
    f = only(run(root), "R202")
    assert f.location.line == line_of(root / PLAN, f"district: {typed}")
    assert answer_zh in f.zh and answer_en in f.en, (f.zh, f.en)
