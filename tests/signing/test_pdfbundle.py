"""Reading the bundle embedded in a certificate PDF (signing/pdfbundle.py): the one embedded file
comes out byte for byte; hostile and foreign PDFs are refused with a clear bilingual error, quickly,
and ``verify`` reports them as input errors (exit 66), never as a traceback or as INVALID."""
from __future__ import annotations

import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from signing.pdfbundle import PdfBundleError, bundle_from_pdf

REPO = Path(__file__).resolve().parents[2]
BUNDLE = b'{"format": "carbonreg-certificate-bundle/1"}\n'


def pdf(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF file of ``objects`` (object n is objects[n-1]) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, trailer_extra, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Type /EmbeddedFile /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


PAGES = [b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]


def with_files(*contents: bytes, af: bool = True) -> bytes:
    """A one-page PDF with each of ``contents`` embedded (objects from 4 on: spec, stream, ...)."""
    names, refs, objects = b"", b"", []
    for index, data in enumerate(contents):
        spec, body = 4 + 2 * index, 5 + 2 * index
        objects += [b"<< /Type /Filespec /F (f%d.json) /UF (f%d.json) /EF << /F %d 0 R >> /AFRelationship /Data >>"
                    % (index, index, body), stream(data)]
        names += b"(f%d.json) %d 0 R " % (index, spec)
        refs += b"%d 0 R " % spec
    catalog = b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [" + names + b"] >> >>"
    catalog += (b" /AF [" + refs + b"]" if af and refs else b"") + b" >>"
    return pdf([catalog, *PAGES, *objects])


def refused(data: bytes, fragment: str) -> PdfBundleError:
    started = time.monotonic()
    with pytest.raises(PdfBundleError) as caught:
        bundle_from_pdf(data)
    assert time.monotonic() - started < 2
    assert fragment in caught.value.en and caught.value.zh
    return caught.value


def test_the_one_embedded_file_comes_out_byte_for_byte():
    assert bundle_from_pdf(with_files(BUNDLE)) == BUNDLE
    assert bundle_from_pdf(with_files(BUNDLE, af=False)) == BUNDLE  # the name tree alone is enough


def test_a_flate_compressed_bundle_is_read_too():
    packed = zlib.compress(BUNDLE)
    spec = b"<< /Type /Filespec /F (c.json) /EF << /F 5 0 R >> >>"
    catalog = b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(c.json) 4 0 R] >> >> >>"
    assert bundle_from_pdf(pdf([catalog, *PAGES, spec, stream(packed, b"/Filter /FlateDecode ")])) == BUNDLE


def test_a_name_tree_with_kids_is_walked():
    catalog = b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 6 0 R >> >>"
    spec = b"<< /Type /Filespec /F (c.json) /EF << /F 5 0 R >> >>"
    tree = b"<< /Kids [7 0 R] >>"
    leaf = b"<< /Names [(c.json) 4 0 R] /Limits [(c.json) (c.json)] >>"
    assert bundle_from_pdf(pdf([catalog, *PAGES, spec, stream(BUNDLE), tree, leaf])) == BUNDLE


def test_no_attachment_is_refused():
    refused(pdf([b"<< /Type /Catalog /Pages 2 0 R >>", *PAGES]), "carries no embedded certificate")


def test_two_attachments_are_refused():
    refused(with_files(BUNDLE, BUNDLE), "carries 2 embedded files")


def test_an_associated_file_outside_the_name_tree_counts_as_a_second_attachment():
    extra = b"<< /Type /Filespec /F (x.json) /EF << /F 7 0 R >> >>"
    catalog = (b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(f0.json) 4 0 R] >> >>"
               b" /AF [6 0 R] >>")
    spec = b"<< /Type /Filespec /F (f0.json) /EF << /F 5 0 R >> >>"
    refused(pdf([catalog, *PAGES, spec, stream(BUNDLE), extra, stream(b"{}")]), "carries 2 embedded files")


def test_a_truncated_pdf_is_refused():
    whole = with_files(BUNDLE)
    for cut in (len(whole) // 3, len(whole) // 2, len(whole) - 20):
        refused(whole[:cut], "cannot be read")


def test_a_huge_declared_length_is_refused():
    data = with_files(BUNDLE).replace(b"/Length %d" % len(BUNDLE), b"/Length 999999999999")
    refused(data, "cannot be read")


def test_deeply_nested_objects_are_refused_quickly():
    deep = b"[" * 200_000 + b"]" * 200_000
    catalog = b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(c.json) 4 0 R] >> >> /Deep " + deep + b" >>"
    spec = b"<< /Type /Filespec /F (c.json) /EF << /F 5 0 R >> >>"
    refused(pdf([catalog, *PAGES, spec, stream(BUNDLE)]), "cannot be read")


def test_a_name_tree_that_loops_is_refused():
    catalog = b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> >>"
    refused(pdf([catalog, *PAGES, b"<< /Kids [4 0 R] >>"]), "name tree is too deep")


def test_a_zip_bomb_is_refused_without_inflating_it():
    bomb = zlib.compress(b"0" * 50_000_000, 9)  # 50 MB of zeros in about 50 kB
    spec = b"<< /Type /Filespec /F (c.json) /EF << /F 5 0 R >> >>"
    catalog = b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(c.json) 4 0 R] >> >> >>"
    refused(pdf([catalog, *PAGES, spec, stream(bomb, b"/Filter /FlateDecode ")]), "larger than")


def test_an_unsupported_encoding_is_refused():
    spec = b"<< /Type /Filespec /F (c.json) /EF << /F 5 0 R >> >>"
    catalog = b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(c.json) 4 0 R] >> >> >>"
    refused(pdf([catalog, *PAGES, spec, stream(b"7B7D>", b"/Filter /ASCIIHexDecode ")]), "not supported")


def run_verify(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "signing.cli", str(path)], cwd=REPO, capture_output=True,
                          text=True, timeout=60)


@pytest.mark.parametrize("name, data", [
    ("no-attachment.pdf", pdf([b"<< /Type /Catalog /Pages 2 0 R >>", *PAGES])),
    ("two.pdf", with_files(BUNDLE, BUNDLE)),
    ("truncated.pdf", with_files(BUNDLE)[:300]),
    ("garbage.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40),
])
def test_verify_reports_a_bad_pdf_as_an_input_error(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    started = time.monotonic()
    proc = run_verify(path)
    assert time.monotonic() - started < 20  # a process start, not a hang
    assert proc.returncode == 66, proc.stdout + proc.stderr
    assert "input error" in proc.stdout and "INVALID" not in proc.stdout
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr


def test_verify_on_json_never_loads_pypdf(tmp_path):
    path = tmp_path / "certificate.json"
    path.write_bytes(BUNDLE)
    code = ("import sys; from signing.cli import main; main([sys.argv[1]]);"
            "sys.stderr.write('PYPDF' if 'pypdf' in sys.modules else 'NOPDF')")
    proc = subprocess.run([sys.executable, "-c", code, str(path)], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.stderr.endswith("NOPDF"), proc.stderr
