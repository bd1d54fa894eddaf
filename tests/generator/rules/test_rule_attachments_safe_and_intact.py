"""R601 inside the event folder; R602 present; R603 under the size limit; R604 SHA-256 matches."""
from pathlib import Path

from gentestkit import EXPO, MARATHON, assert_at, codes, edit, line_of, only, run, with_code

from generator.rules import attachments

CEA = f"{MARATHON}/retirements/pjm-2026-cea-001.yaml"
CEA_PDF = f"{MARATHON}/attachments/cea-cancellation.pdf"


def test_sample_passes(reg: Path):
    assert not {"R601", "R602", "R603", "R604"} & codes(run(reg))


def test_r601_path_traversal(reg: Path):
    ret = reg / CEA
    edit(ret, "  - path: attachments/cea-cancellation.pdf", "  - path: attachments/../../plan.yaml")
    f = only(run(reg), "R601")
    assert_at(f, CEA, line_of(ret, "path: attachments/../../plan.yaml"), 11)
    assert "'attachments/../../plan.yaml'" in f.en


def test_r601_dot_segment(reg: Path):
    ret = reg / CEA
    edit(ret, "  - path: attachments/cea-cancellation.pdf", "  - path: attachments/./cea-cancellation.pdf")
    assert_at(only(run(reg), "R601"), CEA, line_of(ret, "path: attachments/./"))


def test_r601_symlink_pointing_outside(reg: Path, tmp_path: Path):
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"outside the event folder")
    (reg / MARATHON / "attachments" / "link.pdf").symlink_to(secret)
    ret = reg / CEA
    edit(ret, "  - path: attachments/cea-cancellation.pdf", "  - path: attachments/link.pdf")
    f = only(run(reg), "R601")
    assert_at(f, CEA, line_of(ret, "path: attachments/link.pdf"))
    assert "symbolic link" in f.en


def test_r601_symlinked_directory(reg: Path, tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "cea-cancellation.pdf").write_bytes((reg / CEA_PDF).read_bytes())
    (reg / MARATHON / "attachments" / "sub").symlink_to(outside, target_is_directory=True)
    ret = reg / CEA
    edit(ret, "  - path: attachments/cea-cancellation.pdf", "  - path: attachments/sub/cea-cancellation.pdf")
    assert_at(only(run(reg), "R601"), CEA, line_of(ret, "path: attachments/sub/"))


def test_r602_missing_attachment(reg: Path):
    (reg / CEA_PDF).unlink()
    f = only(run(reg), "R602")
    assert_at(f, CEA, line_of(reg / CEA, "  - path: attachments/cea-cancellation.pdf"), 11)


def test_r603_over_the_size_limit(reg: Path, monkeypatch):
    size = (reg / CEA_PDF).stat().st_size
    monkeypatch.setattr(attachments, "MAX_ATTACHMENT_BYTES", size - 1)
    found = [f for f in with_code(run(reg), "R603") if f.location.path.endswith(CEA)]
    assert len(found) == 1
    assert_at(found[0], CEA, line_of(reg / CEA, "  - path: attachments/cea-cancellation.pdf"))
    assert str(size) in found[0].en


def test_r603_at_the_limit_is_fine(reg: Path, monkeypatch):
    monkeypatch.setattr(attachments, "MAX_ATTACHMENT_BYTES", (reg / CEA_PDF).stat().st_size)
    assert not [f for f in with_code(run(reg), "R603") if f.location.path.endswith(CEA)]


def test_r604_one_byte_changed(reg: Path):
    pdf = reg / CEA_PDF
    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 0x01
    pdf.write_bytes(bytes(data))
    result = run(reg)
    f = only(result, "R604")
    assert_at(f, CEA, line_of(reg / CEA, "sha256:"), 13)
    import hashlib
    assert hashlib.sha256(bytes(data)).hexdigest() in f.en
    assert result.failed()


def test_r604_wrong_digest_in_a_report(reg: Path):
    report = reg / EXPO / "report.yaml"
    edit(report, "sha256: 30326d001afb75decf599b319edf95da81a53fc3f836205d82e4338187982700",
         "sha256: " + "ab" * 32)
    assert_at(only(run(reg), "R604"), f"{EXPO}/report.yaml", line_of(report, "sha256: " + "ab" * 32))
