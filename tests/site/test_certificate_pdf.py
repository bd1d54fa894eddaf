"""The certificate PDF built with the site: it verifies as its bundle does, a changed byte of the
embedded bundle makes it INVALID, it renders (pdftoppm) with the QR code and its text (pdftotext)
carries the number and the labels in both languages, and it is the same bytes every time."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitetestkit import REPO, TODAY

AT = f"{TODAY}T00:00:00Z"  # the sample's status list is current then
CERT = "events/2025-yrd-green-building-expo/certificate"
DECL = "events/2025-pujiang-city-marathon/declaration"
REVOKED = "events/2025-harbour-esports-showcase/declaration"  # revoked by notice rev-2026-001
FORUM = "events/2026-pujiang-low-carbon-forum/certificate"  # with issue 12's disclosures
POPPLER = all(shutil.which(tool) for tool in ("pdftoppm", "pdftotext"))


def verify(path: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "signing.cli", str(path), "--at", AT, "--json", *extra],
                          cwd=REPO, capture_output=True, text=True, timeout=60)


def verdict(proc: subprocess.CompletedProcess) -> dict:
    """The verdict, without what names the input (its path and kind)."""
    report = json.loads(proc.stdout)
    report.pop("certificate")
    report.pop("input", None)
    return report


@pytest.mark.parametrize("stem, code", [(CERT, 0), (DECL, 0), (REVOKED, 1)])
def test_the_pdf_embeds_the_site_bundle_and_verifies_as_it_does(site, stem, code):
    from signing.pdfbundle import bundle_from_pdf

    pdf, bundle = site.root / f"{stem}.pdf", site.root / f"{stem}.json"
    assert bundle_from_pdf(pdf.read_bytes()) == bundle.read_bytes()
    on_pdf, on_json = verify(pdf), verify(bundle)
    assert on_pdf.returncode == code, on_pdf.stdout + on_pdf.stderr
    assert verdict(on_pdf) == verdict(on_json)
    assert json.loads(on_pdf.stdout)["input"]["kind"] == "pdf"
    assert "Traceback" not in on_pdf.stderr


def test_the_bundle_is_an_associated_file_of_the_document(site):
    from pypdf import PdfReader

    reader = PdfReader(site.root / f"{CERT}.pdf")
    catalog = reader.trailer["/Root"]
    names = catalog["/Names"]["/EmbeddedFiles"]["/Names"]
    assert names[0] == "certificate.json"
    spec = names[1].get_object()
    assert spec["/AFRelationship"] == "/Data"
    assert [item.get_object() for item in catalog["/AF"]] == [spec]
    assert spec["/EF"]["/F"].get_object()["/Subtype"] == "/application/json"


def test_one_changed_byte_of_the_embedded_bundle_is_invalid(site, tmp_path):
    data = (site.root / f"{CERT}.pdf").read_bytes()
    bundle = (site.root / f"{CERT}.json").read_bytes()
    start = data.index(bundle)  # stored as is: the bytes a person can find in the file
    at = data.index(b"Yangtze River Delta Green Building Expo", start) + len(b"Yangtze River Delta Gr")
    assert at < start + len(bundle) and data[at:at + 1] == b"e"
    changed = tmp_path / "certificate.pdf"
    changed.write_bytes(data[:at] + b"a" + data[at + 1:])  # one byte of the signed event name
    proc = verify(changed)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    report = json.loads(proc.stdout)
    assert report["outcome"] == "invalid"
    assert [s["name"] for s in report["steps"] if s["outcome"] == "failed"] == ["proof"]


@pytest.mark.skipif(not POPPLER, reason="pdftoppm/pdftotext (poppler-utils) missing")
def test_the_pdf_renders_and_its_text_is_bilingual(site, tmp_path):
    pdf = site.root / f"{CERT}.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60,
                          check=True).stdout
    for words in ("CN-2026-0001", "碳中和证书", "Carbon Neutrality Certificate", "证书编号", "Certificate number",
                  "2025 长三角绿色建筑博览会", "2025 Yangtze River Delta Green Building Expo", "技术服务机构", "Agency",
                  "核算范围", "Scope", "排放量", "Emissions", "606.82", "SHEA-2025 004600001–004600099",
                  "verify certificate.pdf", "https://carbonreg.example.org/events/2025-yrd-green-building-expo/certificate/"):
        assert words in text.replace("\n", " ") or words in text, words
    assert "\u25a1" not in text  # no character the font lacks (drawn as a box) in the sample's PDF
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=60)
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == 1  # one A4 page
    from PIL import Image

    with Image.open(pages[0]) as image:
        width, height = image.size
        assert abs(height / width - 297 / 210) < 0.01  # A4
        # beside the title, below the header line, above the caption: where the QR code is drawn
        corner = image.convert("L").crop((int(width * 0.7), int(height * 0.08), width, int(height * 0.203)))
    dark = corner.point(lambda value: 255 if value < 60 else 0)
    left, top, right, bottom = dark.getbbox()  # the QR code: the only dark block there
    side = right - left
    assert abs(side - (bottom - top)) <= 2 and abs(side / width - 30 / 210) < 0.02  # square, ~30 mm of modules
    share = dark.crop((left, top, right, bottom)).tobytes().count(255) / (side * (bottom - top))
    assert 0.35 < share < 0.65, share  # modules, not a filled square


def test_same_input_same_bytes_in_a_fresh_process(site):
    """The glyph cache of a long-running build must not change the bytes: a fresh process agrees."""
    code = ("import sys, json; from pathlib import Path; from generator.site.credentials import CredentialView;"
            "from generator.site.pdf.certificate import certificate_pdf;"
            "b = Path(sys.argv[1]).read_bytes(); c = json.loads(b)['credential'];"
            "v = CredentialView('certificate', 'N', c, b, 'zh', 'en', 'f', 'vm', c['proof']['created'], None);"
            "sys.stdout.buffer.write(certificate_pdf(v, 'https://x.example/p/', 'https://x.example/'))")
    bundle = site.root / f"{CERT}.json"
    runs = [subprocess.run([sys.executable, "-c", code, str(bundle)], cwd=REPO, capture_output=True, timeout=120)
            for _ in range(2)]
    assert runs[0].returncode == 0, runs[0].stderr
    assert runs[0].stdout.startswith(b"%PDF-") and runs[0].stdout == runs[1].stdout


@pytest.mark.skipif(not POPPLER, reason="pdftotext (poppler-utils) missing")
def test_the_pdf_prints_what_the_subject_discloses(site):
    """Issue 12's disclosures are signed; the printed certificate shows them as signed (the forum's
    CN-2026-0002): its exclusion and reason, the shares and intensity, the verification statement."""
    subject = json.loads((site.root / f"{FORUM}.json").read_bytes())["credential"]["credentialSubject"]
    text = subprocess.run(["pdftotext", str(site.root / f"{FORUM}.pdf"), "-"], capture_output=True, text=True,
                          timeout=60, check=True).stdout
    flat, joined = text.replace("\n", " "), "".join(text.split())
    assert "Excluded categories (Art. 11)" in flat and "活动用车燃料" in joined
    assert "".join(subject["exclusions"][0]["reason"]["zh"].split()) in joined
    indicators, verification = subject["indicators"], subject["verification"]
    assert indicators["placeholderShare"] == "0.9287" and "0.9287" in flat and indicators["estimatedShare"] in flat
    assert f"{indicators['intensity']['perParticipant']} tCO2e" in flat and "per on-site participant" in flat
    assert "Assurance level" in flat and "有限保证" in joined and "limited assurance" in flat
    assert f"{verification['materiality']}%" in flat
    assert "".join(verification["opinion"]["en"].split()) in joined and "".join(verification["opinion"]["zh"].split()) in joined


@pytest.mark.skipif(not POPPLER, reason="pdftotext (poppler-utils) missing")
def test_a_revoked_credential_says_so_at_the_top_of_its_pdf(site):
    text = subprocess.run(["pdftotext", str(site.root / f"{REVOKED}.pdf"), "-"], capture_output=True, text=True,
                          timeout=60, check=True).stdout
    assert "已撤销：撤销公告rev-2026-001（2026-06-15）" in "".join(text.split())  # a line may wrap at any space
    assert "REVOKED by notice rev-2026-001 (2026-06-15)" in text.replace("\n", " ")
    assert text.index("REVOKED") < text.index("2025 Harbour E-sports Invitational")
    certificate = subprocess.run(["pdftotext", str(site.root / f"{CERT}.pdf"), "-"], capture_output=True, text=True,
                                 timeout=60, check=True).stdout
    assert "REVOKED" not in certificate and "已撤销" not in certificate


def test_the_longest_values_the_schemas_allow_flow_onto_more_pages(site):
    """A 4,000-character name and 100 serial blocks (the schemas' limits) lay out: a value longer than
    a page continues on the next one; the bundle still comes out whole."""
    from io import BytesIO

    from pypdf import PdfReader

    from generator.site.credentials import CredentialView
    from generator.site.pdf.certificate import certificate_pdf
    from signing.pdfbundle import bundle_from_pdf

    bundle = (site.root / f"{CERT}.json").read_bytes()
    credential = json.loads(bundle)["credential"]
    subject = credential["credentialSubject"]
    subject["event"]["name"] = {"zh": "长" * 4000, "en": "Long " * 800}
    retirement = subject["offsets"]["retirements"][0]
    retirement["serials"] = [{"prefix": "P" * 80, "first": f"{i:09d}", "last": f"{i:09d}"} for i in range(100)]
    view = CredentialView("certificate", "CN-2026-0001", credential, bundle, "zh", "en", "f", "vm",
                          credential["proof"]["created"], None)
    data = certificate_pdf(view, "https://x.example/p/", "https://x.example/")
    assert len(PdfReader(BytesIO(data)).pages) > 3
    assert bundle_from_pdf(data) == bundle


@pytest.mark.parametrize("signed, shown", [
    ("606.82", "606.82"), ("98.040000", "98.040000"), ("12", "12"),  # as signed, to the gram or coarser
    ("72.89603111192087454450806871421134825611660593440916", "≈ 72.896031"),  # a gas metered at 15 °C
    ("1.0000015", "≈ 1.000002"), ("1.0000025", "≈ 1.000002"),  # half to even
])
def test_an_emission_figure_is_printed_to_the_gram(signed, shown):
    from generator.site.pdf.certificate import printed

    assert printed(signed) == shown


@pytest.mark.skipif(not POPPLER, reason="pdftotext (poppler-utils) missing")
def test_a_total_of_fifty_decimals_prints_rounded_and_the_bundle_keeps_it(site, tmp_path):
    """The accounting is exact: a gas metered at 15 °C gives a total with some fifty decimals, which the
    certificate signs. The printed page shows it to the gram after "≈" (a glyph the font has); the
    embedded bundle, which is what verifies, keeps every digit."""
    from generator.site.credentials import CredentialView
    from generator.site.pdf.certificate import certificate_pdf
    from signing.pdfbundle import bundle_from_pdf

    bundle = (site.root / f"{CERT}.json").read_bytes()
    credential = json.loads(bundle)["credential"]
    long = "72.89603111192087454450806871421134825611660593440916"
    credential["credentialSubject"]["emissions"]["total"] = long
    view = CredentialView("certificate", "CN-2026-0001", credential, bundle, "zh", "en", "f", "vm",
                          credential["proof"]["created"], None)
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(certificate_pdf(view, "https://x.example/p/", "https://x.example/"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60,
                          check=True).stdout
    assert "≈ 72.896031" in text and long not in text and "\u25a1" not in text
    assert bundle_from_pdf(pdf.read_bytes()) == bundle
