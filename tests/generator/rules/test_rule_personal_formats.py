"""Personal data is found however it is spelled (full-width, Unicode spaces, dots, line breaks) and
in every accepted attachment kind (issue 16), with the file and, where the text has lines, the line."""
from __future__ import annotations

import pytest
from documentkit import MAIL, MOBILE, RESIDENT_ID, attach, docx, pdf, png, svg, xlsx
from gentestkit import FESTIVAL, MARATHON, edit, line_of, run, shown, with_code

from generator.rules.personal import find_personal_data

FULLWIDTH = str.maketrans("0123456789@.X", "０１２３４５６７８９＠．Ｘ")


def codes(text: str) -> list[str]:
    return sorted(code for code, _, _ in find_personal_data(text))


@pytest.mark.parametrize("text", ["１３８１２３４５６７８", "138\u30001234\u30005678", "138.1234.5678", "138\u00a01234\u00a05678",
                                  "138\u200b1234\u200b5678", "138－1234－5678", "19912345678", "+8613812345678",
                                  "+86\u3000138\u30001234\u30005678", "（+86）13812345678", "1381234\n5678", "13812\n  345678"])
def test_every_spelling_of_a_mobile_number(text):
    assert codes(text) == ["P101"], text


def test_mobile_numbers_of_every_operator_prefix_and_none_outside():
    for second in "3456789":
        assert codes(f"1{second}912345678") == ["P101"]
    for second in "012":
        assert codes(f"1{second}912345678") == []


def test_full_width_resident_id_and_mail():
    assert codes(RESIDENT_ID.translate(FULLWIDTH)) == ["P102"]
    assert codes(f"{RESIDENT_ID[:6]} {RESIDENT_ID[6:14]} {RESIDENT_ID[14:]}") == ["P102"]
    assert codes("zhangsan＠qq．com") == ["P103"]


@pytest.mark.parametrize("text", ["０２１-６２３４５６７８", "２０２６-０４-１０", "ｐｒｅｓｓ＠ｐｕｊｉａｎｇ-ｓｐｏｒｔｓ.example.org",
                                  "amount\u30002100000 kWh", "serial 000120001", "30,000 runners", "2.13812345678 t"])
def test_full_width_text_that_is_not_personal(text):
    assert codes(text) == []


def test_masked_in_messages():
    (code, zh, en), = find_personal_data("电话 １３８　１２３４　５６７８")
    assert "12345678" not in en and "****5678" in en and "138" in zh
    (code, zh, en), = find_personal_data("请联系 zhangsan＠qq．com")
    assert code == "P103" and "zhangsan" not in zh + en and "z***@qq.com" in en and "z***@qq.com" in zh


# ----- records --------------------------------------------------------------------------------

@pytest.mark.parametrize("spelled,code", [("１３７０００１１２３４", "P101"), ("137\u30000001\u30001234", "P101"),
                                          ("137.0001.1234", "P101"), (RESIDENT_ID.translate(FULLWIDTH), "P102"),
                                          ("zhangsan＠qq．com", "P103")])
def test_record_free_text_in_any_spelling_is_refused_at_its_line(reg, spelled, code):
    plan = reg / MARATHON / "plan.yaml"
    edit(plan, "en: Full marathon, half marathon and fun run with 30,000 runners.",
         f"en: Full marathon, half marathon and fun run with 30,000 runners. Call Ms Li on {spelled}.")
    result = run(reg)
    hits = with_code(result, code)
    assert [(h.location.path, h.location.line) for h in hits] == [(shown(f"{MARATHON}/plan.yaml"), line_of(plan, spelled))]
    assert result.failed()


# ----- attachments ----------------------------------------------------------------------------

PERSONAL = [f"联系人手机 {MOBILE}", f"身份证 {RESIDENT_ID}", f"邮箱 {MAIL}"]
KINDS = {
    "staff.docx": lambda lines: docx([[line] for line in lines]),
    "staff.xlsx": lambda lines: xlsx([[line] for line in lines]),
    "staff.png": lambda lines: png({f"Comment{i}": line.encode("utf-8").decode("latin-1") for i, line in enumerate(lines)}),
    "staff.svg": lambda lines: svg(lines),
}


@pytest.mark.parametrize("name", sorted(KINDS))
def test_phone_id_and_mail_in_each_attachment_kind(reg, name):
    where = attach(reg, name, KINDS[name](PERSONAL))
    result = run(reg)
    found = {f.code for f in result.findings if f.location.path == where and f.code in ("P101", "P102", "P103")}
    assert found == {"P101", "P102", "P103"}, [(f.code, f.en) for f in result.findings if f.location.path == where]
    assert result.failed()


def test_svg_findings_name_the_line(reg):
    where = attach(reg, "map.svg", svg(["Venue map", f"tel {MOBILE}"]))
    (hit,) = [f for f in run(reg).findings if f.code == "P101"]
    assert (hit.location.path, hit.location.line) == (where, 3)  # the svg element is line 1, texts from line 2


def test_full_width_digits_in_a_text_attachment_at_their_line(reg):
    where = attach(reg, "notes.txt", "第一行\n第二行\n联系 １３９１２３４５６７８\n".encode("utf-8"))
    (hit,) = with_code(run(reg), "P101")
    assert (hit.location.path, hit.location.line) == (where, 3)


def test_number_broken_across_two_pdf_lines(reg):
    where = attach(reg, "survey.pdf", pdf(["Survey contact: Ms Li, 1391234", "5678, weekdays."]))
    (hit,) = with_code(run(reg), "P101")
    assert hit.location.path == where and "page 1" in hit.en and "****5678" in hit.en


def test_company_mail_and_numbers_in_ascii_stay_fine_in_every_kind(reg):
    lines = ["press@pujiang-sports.example.org", "tel 021-62345678", "diesel 2100000 kWh", "serial 000120001-000120500"]
    for name, build in KINDS.items():
        attach(reg, name, build(lines))
    attach(reg, "notes.txt", "\n".join(lines).encode())
    attach(reg, "survey.pdf", pdf(lines))
    result = run(reg)
    assert not [f for f in result.findings if f.code in ("P101", "P102", "P103", "P104", "P105")]


def test_metadata_naming_a_person_is_reported_and_images_are_left_to_review(reg):
    from documentkit import exif_gps

    doc = attach(reg, "plan.docx", docx([["Energy plan"]], creator="Zhang San"))
    photo = attach(reg, "site.png", png(exif=exif_gps()))
    result = run(reg)
    p107 = {f.location.path: f.en for f in with_code(result, "P107")}
    assert "creator" in p107[doc] and "EXIF GPS" in p107[photo] and "EXIF Artist" in p107[photo]
    assert [f.location.path for f in with_code(result, "P106")] == [photo]
    # warnings to review, not errors (the festival is certified: its changed evidence is C102, not ours)
    assert not [f for f in result.findings if f.severity.value == "error" and f.code[0] in "PR"]


def test_kinds_not_accepted_are_refused_at_their_line(reg):
    attach(reg, "page.html", b"<p>hello</p>")
    attach(reg, "old.doc", b"\xd0\xcf\x11\xe0")
    report = reg / FESTIVAL / "report.yaml"
    result = run(reg)
    refused = sorted(with_code(result, "R606"), key=lambda f: f.location.line)
    assert [(f.location.path, f.location.line) for f in refused] == [
        (shown(f"{FESTIVAL}/report.yaml"), line_of(report, "attachments/page.html")),
        (shown(f"{FESTIVAL}/report.yaml"), line_of(report, "attachments/old.doc"))]
    assert all("convert it to PDF" in f.en and "请转换为 PDF" in f.zh and "DOCX" in f.en for f in refused)
    assert not with_code(result, "S207")  # the report stays readable: nothing else is lost


def test_schema_describes_the_kinds_the_rule_accepts():
    import json

    from gentestkit import REPO

    from generator.documents.kinds import ACCEPTED, KINDS

    defs = json.loads((REPO / "schemas/v1/common.schema.json").read_text(encoding="utf-8"))["$defs"]
    description = defs["attachment"]["properties"]["path"]["description"]
    assert ACCEPTED[0] in description and ACCEPTED[1] in description
    for ext in KINDS:
        assert ext[1:].upper() in ACCEPTED[1], ext


def test_content_must_match_the_extension(reg):
    attach(reg, "scan.pdf", b"<html><script>alert(1)</script></html>")
    (hit,) = with_code(run(reg), "R607")
    assert "pdf" in hit.en


def test_active_svg_is_refused(reg):
    attach(reg, "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><a href="javascript:x"><text onclick="y">a</text></a></svg>')
    assert len(with_code(run(reg), "R608")) == 3
