"""PDFium (pypdfium2) reads page text; pypdf is the reference: on our PDFs both give the same text
(up to whitespace) and the same personal-data findings. Plant a difference (say, PDFium text with
its line breaks dropped) and the wrapped-number case differs."""
from __future__ import annotations

import io
import random

import pytest
from documentkit import MAIL, MOBILE, RESIDENT_ID, pdf
from gentestkit import SAMPLE

from generator.documents.pdf import pdfium_pages, pypdf_pages
from generator.privacy.patterns import find_hits


def _corpus() -> list[tuple[str, bytes]]:
    cases = [(p.name, p.read_bytes()) for p in sorted(SAMPLE.rglob("attachments/*.pdf"))]
    cases += [("wrapped", pdf(["Survey contact: Ms Li, 1391234", "5678, weekdays only."])),
              ("personal", pdf([f"tel {MOBILE}", f"id {RESIDENT_ID}", f"mail {MAIL}", "card 6222 0200 1123 4567 8"])),
              ("company", pdf(["press@pujiang-sports.example.org", "tel 021-62345678", "2100000 kWh"]))]
    rng = random.Random(20261124)
    words = ["diesel", "kWh", "t", "CCER", "2025-09-20", "13912345678", "138 1234 5678", "021-62345678", "Pudong", "(x)", "\\"]
    for i in range(40):  # demo-like one-page PDFs with random lines
        cases.append((f"random-{i}", pdf([" ".join(rng.choice(words) for _ in range(rng.randint(1, 8))) for _ in range(rng.randint(1, 30))])))
    return cases


CORPUS = _corpus()


def _pypdf(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return pypdf_pages(PdfReader(io.BytesIO(data)))


@pytest.mark.parametrize("name,data", CORPUS, ids=[c[0] for c in CORPUS])
def test_pdfium_text_and_findings_equal_pypdf(name, data):
    reference, fast = _pypdf(data), pdfium_pages(data)
    assert fast is not None
    assert [" ".join(t.split()) for t in fast] == [" ".join(t.split()) for t in reference]
    assert [[(h.code, h.en) for h in find_hits(t)] for t in fast] == [[(h.code, h.en) for h in find_hits(t)] for t in reference]


def test_the_corpus_has_findings_to_agree_on():
    assert sum(1 for _, data in CORPUS for t in _pypdf(data) for _ in find_hits(t)) >= 10


def test_pypdf_reads_what_pdfium_refuses():
    from generator.documents.extract import extract_bytes

    data = pdf(["tel 13912345678"])
    damaged = data.replace(b"xref", b"xref ") + b"junk"
    hits = [h for seg in extract_bytes(damaged, "pdf").segments for h in find_hits(seg.text)]
    assert [h.code for h in hits] == ["P101"]
