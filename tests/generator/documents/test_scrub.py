"""carbonreg scrub: a copy without metadata (author, GPS), never the file itself unless --in-place;
what was removed is gone when the copy is read again, and the content is kept."""
from __future__ import annotations

import hashlib
import io

import pytest
from documentkit import docx, exif_gps, pdf, png

from generator.cli import main
from generator.documents.extract import extract_bytes


def _pdf_with_author() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf(["Energy data 2025"]))))
    writer.add_metadata({"/Author": "Zhang San", "/Creator": "zhangsan-laptop"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _jpeg_with_gps() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), (10, 20, 30)).save(out, "JPEG", exif=exif_gps(), comment=b"shot by Zhang San")
    return out.getvalue()


CASES = {
    "report.pdf": (_pdf_with_author, "pdf"),
    "plan.docx": (lambda: docx([["Energy plan 2025"]], creator="Zhang San"), "ooxml"),
    "site.png": (lambda: png({"Author": "Zhang San"}, exif_gps()), "png"),
    "site.jpg": (_jpeg_with_gps, "jpeg"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_scrub_writes_a_clean_copy_and_keeps_the_original(tmp_path, name, capsys):
    build, kind = CASES[name]
    original = build()
    assert extract_bytes(original, kind).personal_metadata  # the case holds personal metadata
    source = tmp_path / name
    source.write_bytes(original)
    assert main(["scrub", str(source)]) == 0
    copy = source.with_name(f"{source.stem}.scrubbed{source.suffix}")
    assert source.read_bytes() == original  # never in place unless asked
    cleaned = copy.read_bytes()
    after = extract_bytes(cleaned, kind)
    assert after.personal_metadata == ()
    assert "Zhang San" not in " ".join(s.text for s in after.segments)
    assert hashlib.sha256(cleaned).hexdigest() in capsys.readouterr().out
    if kind == "pdf":
        assert "Energy data 2025" in after.segments[0].text
    if kind == "ooxml":
        assert any("Energy plan 2025" in s.text for s in after.segments)
    if kind == "jpeg":
        from PIL import Image

        with Image.open(io.BytesIO(cleaned)) as image:
            assert image.size == (4, 4) and image.getpixel((0, 0)) == Image.open(io.BytesIO(original)).getpixel((0, 0))


def test_in_place_only_when_asked_and_an_existing_copy_is_never_overwritten(tmp_path):
    source = tmp_path / "plan.docx"
    source.write_bytes(docx([["x"]], creator="Zhang San"))
    copy = tmp_path / "plan.scrubbed.docx"
    copy.write_bytes(b"mine")
    assert main(["scrub", str(source)]) == 1 and copy.read_bytes() == b"mine"
    assert main(["scrub", str(source), "--in-place"]) == 0
    assert extract_bytes(source.read_bytes(), "ooxml").personal_metadata == ()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_refuses_kinds_not_accepted_and_special_files(tmp_path):
    import os

    (tmp_path / "a.html").write_text("<p>")
    assert main(["scrub", str(tmp_path / "a.html")]) == 1
    os.mkfifo(tmp_path / "pipe.pdf")
    assert main(["scrub", str(tmp_path / "pipe.pdf")]) == 1
