"""PDF: the text of each page, the document information dictionary and the XMP metadata stream.

Page text comes from PDFium (pypdfium2, C, Chrome's PDF engine) when it opens the file, else from
pypdf, which stays the reference: tests hold the two to the same text and the same findings on our
PDFs (tests/generator/documents/test_pdf_engines.py). pypdf reads the metadata and XMP in both cases.
Measured on a 300-event demo registry (1,178 PDFs): 1.04 ms CPU per PDF with pypdf alone, 0.63 ms
with PDFium for the text (bench note in the commit); the gap grows with real, multi-page PDFs."""
from __future__ import annotations

import io
from typing import Any, Mapping

from generator.documents.extract import Extract, Segment, Unreadable
from generator.documents.xmltext import element_texts

MAX_PAGES = 200
_INFO = ("/Author", "/Creator", "/Producer", "/Title", "/Subject", "/Keywords")
PERSON_FIELDS = ("/Author", "/Creator")  # the writer, and often the account name of the writer's tool
_XMP_PERSON = {"creator", "CreatorTool", "Author", "Artist"}


def extract_pdf(data: bytes) -> Extract:
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a damaged file is a finding, not log lines on stderr
    segments: list[Segment] = []
    personal: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("PDF 已加密，无法读取其文字", "the PDF is encrypted; its text cannot be read")
        texts = pdfium_pages(data)
        if texts is None:
            texts = pypdf_pages(reader)
        for number, text in enumerate(texts, start=1):
            if text.strip():
                segments.append(Segment(text, None, f"第 {number} 页", f"page {number}"))
        info: Mapping[str, Any] = reader.metadata or {}
        for key in _INFO:
            value = info.get(key)
            if value is not None and str(value).strip():
                segments.append(Segment(str(value), None, f"元数据 {key[1:]}", f"metadata {key[1:]}"))
                if key in PERSON_FIELDS:
                    personal.append(key[1:])
        catalog: Any = reader.trailer["/Root"]  # a dictionary in a readable PDF; anything else fails below
        stream = catalog.get("/Metadata")
        xmp = stream.get_object().get_data() if stream is not None else b""
    except Unreadable:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds for damaged files
        raise Unreadable(f"PDF 无法读取（{type(exc).__name__}）", f"the PDF cannot be read ({type(exc).__name__})") from None
    if xmp:
        for element, text in element_texts(xmp):
            segments.append(Segment(text, None, f"XMP 元数据 {element}", f"XMP metadata {element}"))
            if element in _XMP_PERSON and f"XMP {element}" not in personal:
                personal.append(f"XMP {element}")
    return Extract(tuple(segments), tuple(personal))


def pypdf_pages(reader) -> list[str]:
    """The text of each page by pypdf (the reference)."""
    return [page.extract_text() or "" for page in reader.pages[:MAX_PAGES]]


def pdfium_pages(data: bytes) -> list[str] | None:
    """The text of each page by PDFium, lines joined by "\n"; None when pypdfium2 is missing or
    PDFium cannot open the file (pypdf then tries)."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        return None
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return None
    try:
        texts = []
        for index in range(min(len(document), MAX_PAGES)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_bounded().replace("\r\n", "\n"))
            textpage.close()
            page.close()
        return texts
    except pdfium.PdfiumError:
        return None
    finally:
        document.close()
