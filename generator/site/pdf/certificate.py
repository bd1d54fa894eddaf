"""The printable PDF of a certificate or declaration: one A4 page (more only for a long list of
retirements), Chinese and English, that carries the signed bundle inside it.

Built with fpdf2 (pure Python; fonts through fontTools, file attachments, no system
dependency). What the page shows comes from the signed credential only (what ``verify``
checks), plus the platform's name and address and the QR code of the certificate's page. The
bundle (the same bytes as the site's ``certificate.json``) is embedded as a file attachment: in
the document's ``/Names /EmbeddedFiles`` tree and as the catalog's associated file (``/AF``,
relationship ``Data``), so ``verify certificate.pdf`` checks the PDF itself. Reproducible: the
dates written are the credential's own, the file identifier is a digest of the content."""
from __future__ import annotations

import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from generator.site.i18n import enum_label, label
from generator.site.pdf.font import FALLBACK, FAMILY, subset_font

INK, MUTED, ACCENT, REVOKED = (20, 20, 20), (90, 90, 90), (23, 107, 71), (178, 34, 34)
MARGIN = 16  # mm
WIDTH = 210 - 2 * MARGIN


@dataclass(frozen=True)
class Row:
    zh: str
    en: str
    value: str


@dataclass(frozen=True)
class Content:
    """Every string the page prints (so the font subset is known before drawing)."""

    title: tuple[str, str]
    platform: tuple[str, str]
    number: Row
    rows: tuple[Row, ...]
    retirements_title: str
    retirement_head: tuple[str, ...]
    retirements: tuple[tuple[str, ...], ...]
    qr_caption: str
    page: str
    verify: tuple[str, ...]
    attachment: str
    revoked: tuple[str, ...] = ()  # one line per revocation notice (zh, then en)

    def text(self) -> str:
        parts = [*self.title, *self.platform, self.qr_caption, self.page, *self.revoked, *self.verify, self.attachment,
                 self.retirements_title, *self.retirement_head, self.number.zh, self.number.en, self.number.value]
        parts += [s for row in self.rows for s in (row.zh, row.en, row.value)]
        parts += [s for row in self.retirements for s in row]
        return "".join(parts).translate(PLAIN)


def both(key: str) -> tuple[str, str]:
    return label(key, "zh"), label(key, "en")


def both_enum(enum: str, value: str) -> str:
    zh, en = enum_label(enum, value, "zh"), enum_label(enum, value, "en")
    return zh if zh == en else f"{zh} / {en}"


def pair(value) -> str:
    """A {zh, en} text of the credential on two lines (one when both are the same)."""
    if not isinstance(value, dict):
        return str(value)
    zh, en = str(value.get("zh", "")), str(value.get("en", ""))
    return zh if zh == en else f"{zh}\n{en}"


def content(view, page_url: str | None, site_url: str | None, revocations=()) -> Content:
    s = view.credential["credentialSubject"]
    event, emissions, offsets = s["event"], s["emissions"], s["offsets"]
    kind = view.kind
    number = Row(*both("certificate_number" if kind == "certificate" else "declaration_id"), view.number)
    dates = event["start"] if event["end"] == event["start"] else f"{event['start']} – {event['end']}"
    rows = [Row(*both("pdf_event"), pair(event["name"])), Row(*both("organizer"), pair(event["organizer"])),
            Row(*both("venue"), pair(event["venue"])), Row(*both("dates"), dates)]
    if "agency" in s:
        rows.append(Row(*both("pdf_agency"), pair(s["agency"]["name"])))
    rows.append(Row(*both("pdf_scope"), both_enum("scope", s["scope"])))
    rows.append(Row(*both("pdf_emissions"),
                    f"{label('basic_scope', 'zh')} / {label('basic_scope', 'en')}: {printed(emissions['basic'])}\n"
                    f"{label('extended_scope', 'zh')} / {label('extended_scope', 'en')}: {printed(emissions['extended'])}\n"
                    f"{label('total', 'zh')} / {label('total', 'en')}: {printed(emissions['total'])}"))
    rows.append(Row(*both("pdf_offsets"), f"{label('pdf_needed', 'zh')} / {label('pdf_needed', 'en')}: {offsets['needed']}\n"
                                          f"{label('retired_total', 'zh')} / {label('retired_total', 'en')}: {offsets['retired']}"))
    rows += disclosures(s)
    issuer = pair({"zh": view.issuer_name_zh, "en": view.issuer_name_en})
    if "agency" not in s or pair(s["agency"]["name"]) != issuer:
        rows.append(Row(*both("issuer"), issuer))
    rows.append(Row(*both("pdf_signed_on"), view.created[:10]))
    rows.append(Row(*both("pdf_published"), view.published[:10] if view.published else
                    f"{label('not_published', 'zh')} / {label('not_published', 'en')}"))
    head = tuple(f"{zh}\n{en}" for zh, en in (both("retirement"), both("offset_kind"), both("serials"),
                                               both("quantity"), both("retired_on")))
    retirements = []  # one row per serial block (a row of a table cannot break across pages)
    for r in offsets.get("retirements", ()):
        blocks = [f"{b.get('prefix', '')} {b.get('first', '')}–{b.get('last', '')}" for b in r.get("serials", ())] or [""]
        retirements.append((str(r.get("id", "")), both_enum("offset_kind", str(r.get("kind", ""))), blocks[0],
                            str(r.get("quantity", "")), str(r.get("retiredOn", ""))))
        retirements += [("", "", block, "", "") for block in blocks[1:]]
    file = f"{kind}.json"
    verify_site = f"{site_url.rstrip('/')}/verify/" if site_url else ""
    verify = tuple(label("pdf_verify", lang).format(pdf=f"{kind}.pdf", url=verify_site or "—") for lang in ("zh", "en"))
    return Content(title=both(f"pdf_title_{kind}"), platform=(f"{label('site_name', 'zh')} · {label('site_name', 'en')}",
                                                              site_url or ""),
                   number=number, rows=tuple(rows), retirement_head=head,
                   retirements_title=f"{label('pdf_retirements', 'zh')} / {label('pdf_retirements', 'en')}", retirements=tuple(retirements),
                   qr_caption=f"{label('pdf_scan', 'zh')}\n{label('pdf_scan', 'en')}" if page_url else "",
                   page=f"{label('pdf_page', 'zh')} / {label('pdf_page', 'en')}: {page_url}" if page_url else "",
                   verify=verify,
                   revoked=tuple(label("pdf_revoked", lang).format(id=r.id, date=r.decided_on, reason=getattr(r.reason, lang))
                                 for r in revocations for lang in ("zh", "en")),
                   attachment=label("pdf_attachment", "zh").format(file=file) + "\n"
                   + label("pdf_attachment", "en").format(file=file))


PRINTED_PLACES = 6  # tCO2e to the gram: what a printed figure needs


def printed(value: str) -> str:
    """A signed emission figure as printed: as signed up to ``PRINTED_PLACES`` decimals, else rounded to
    them after "≈". The accounting is exact, so a gas metered at 15 °C (a ratio with no finite decimal)
    signs a total of some fifty decimals; the page is for reading, and the embedded bundle keeps the
    exact figure."""
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    if not number.is_finite() or -int(number.as_tuple().exponent) <= PRINTED_PLACES:
        return str(value)
    return "≈ " + format(number.quantize(Decimal(1).scaleb(-PRINTED_PLACES), rounding=ROUND_HALF_EVEN), "f")


def disclosures(s: dict) -> list[Row]:
    """What the signed subject discloses (issue 12: exclusions, indicators, the verification statement),
    printed exactly as signed, as the credential page shows it; credentials made before have none."""
    rows: list[Row] = []
    if "exclusions" in s:
        text = "\n".join(f"{both_enum('category', str(x.get('category', '')))}: {pair(x.get('reason', ''))}" for x in s["exclusions"])
        rows.append(Row(*both("exclusions"), text or f"{label('exclusions_none', 'zh')}\n{label('exclusions_none', 'en')}"))
    indicators = s.get("indicators")
    if isinstance(indicators, dict):
        rows.append(Row(*both("placeholder_share"), str(indicators.get("placeholderShare", ""))))
        if "estimatedShare" in indicators:
            rows.append(Row(*both("estimated_share"), str(indicators["estimatedShare"])))
        for name, value in (indicators.get("intensity") or {}).items():
            rows.append(Row(f"{label('intensity', 'zh')} · {enum_label('per', name, 'zh')}",
                            f"{label('intensity', 'en')} · {enum_label('per', name, 'en')}", f"{value} {label('tonnes_unit', 'en')}"))
    verification = s.get("verification")
    if isinstance(verification, dict):
        rows.append(Row(*both("assurance_level"), both_enum("assurance", str(verification.get("assuranceLevel", "")))))
        rows.append(Row(*both("materiality"), f"{verification.get('materiality', '')}%"))
        if "siteVisit" in verification:
            rows.append(Row(*both("site_visit"), str(verification["siteVisit"])))
        rows.append(Row(*both("opinion"), pair(verification.get("opinion", ""))))
        if verification.get("qualifications"):
            rows.append(Row(*both("qualifications"), "\n".join(pair(q) for q in verification["qualifications"])))
    return rows


# Noto Sans SC has no subscript or superscript digits (tCO₂e): the plain digit reads the same
PLAIN = str.maketrans("₀₁₂₃₄₅₆₇₈₉⁰¹²³⁴⁵⁶⁷⁸⁹", "01234567890123456789")


def _clean(text: str, usable: frozenset) -> str:
    """Control and format characters (none in a checked credential) and characters the font subset
    lacks are shown as a box, never dropped: the page must not read differently from the signed data."""
    return "".join(ch if ch == "\n" or (ch in usable and unicodedata.category(ch)[0] != "C") else FALLBACK
                   for ch in text.translate(PLAIN))


def _fixed_time(view) -> datetime:
    try:
        return datetime.strptime(view.created[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc)
    except (TypeError, ValueError):
        return datetime(2000, 1, 1, tzinfo=timezone.utc)


def certificate_pdf(view, page_url: str | None, site_url: str | None, revocations=()) -> bytes:
    """The PDF of ``view`` (a ``CredentialView``); the same inputs always give the same bytes.
    ``revocations``: the notices revoking it, if any (said at the top: the PDF still verifies as
    what it is, a revoked credential)."""
    from fpdf import FPDF

    c = content(view, page_url, site_url, revocations)
    text = c.text()
    font = subset_font(text)
    usable = frozenset(text) - font.missing
    with tempfile.TemporaryDirectory(prefix="carbonreg-pdf-") as folder:
        path = Path(folder) / "font.ttf"
        path.write_bytes(font.data)
        pdf = FPDF(orientation="portrait", unit="mm", format="A4")
        pdf.add_font(FAMILY, fname=str(path))
    # font.py wrote every glyph's box and the font-wide numbers: fpdf2's subset of the font (which
    # only drops glyphs) need not expand and recompile each outline to recompute them
    added: Any = pdf.fonts[FAMILY.lower()]  # a TrueType font (add_font above), not a core font
    added.ttfont.recalcBBoxes = False
    when = _fixed_time(view)
    pdf.set_creation_date(when)
    pdf.set_title(f"{c.title[0]} {c.number.value} · {c.title[1]}")
    pdf.set_subject(pair(view.credential["credentialSubject"]["event"]["name"]).replace("\n", " / "))
    pdf.set_author(f"{view.issuer_name_zh} / {view.issuer_name_en}")
    pdf.set_creator(label("site_name", "en"))
    pdf.set_lang("zh-CN")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN + 6)
    pdf.embed_file(bytes=view.bundle, basename=f"{view.kind}.json", mime_type="application/json",
                   modification_date=when, associated_file_relationship="Data",
                   desc=f"{c.title[1]} {c.number.value}: signed bundle (verify {view.kind}.pdf)")
    pdf.add_page()
    _draw(pdf, c, usable, page_url)
    return bytes(pdf.output())


def _draw(pdf, c: Content, usable: frozenset, page_url: str | None) -> None:
    from fpdf.fonts import FontFace

    t = lambda text: _clean(text, usable)  # noqa: E731
    pdf.set_text_color(*MUTED)
    pdf.set_font(FAMILY, size=9)
    pdf.cell(WIDTH * 0.7, 5, t(c.platform[0]))
    pdf.cell(WIDTH * 0.3, 5, t(c.platform[1]), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.8)
    pdf.line(MARGIN, pdf.get_y() + 1, MARGIN + WIDTH, pdf.get_y() + 1)
    qr_size, top = 34, pdf.get_y() + 5
    if page_url:
        _qr(pdf, page_url, MARGIN + WIDTH - qr_size, top, qr_size)
    pdf.set_xy(MARGIN, top)
    pdf.set_text_color(*ACCENT)
    pdf.set_font(FAMILY, size=24)
    pdf.cell(WIDTH - qr_size - 4, 11, t(c.title[0]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=14)
    pdf.cell(WIDTH - qr_size - 4, 7, t(c.title[1]), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_text_color(*INK)
    pdf.set_font(FAMILY, size=9)
    pdf.cell(WIDTH - qr_size - 4, 5, t(f"{c.number.zh} / {c.number.en}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=15)
    pdf.multi_cell(WIDTH - qr_size - 4, 7, t(c.number.value), align="L", new_x="LMARGIN", new_y="NEXT")
    if page_url:
        pdf.set_font(FAMILY, size=6.5)
        pdf.set_text_color(*MUTED)
        pdf.set_xy(MARGIN + WIDTH - qr_size - 20, top + qr_size)
        pdf.multi_cell(qr_size + 20, 3, t(c.qr_caption), align="R")
        pdf.set_xy(MARGIN, max(pdf.get_y(), top + qr_size + 7) + 1)
        pdf.set_font(FAMILY, size=8)
        pdf.multi_cell(WIDTH, 4, t(c.page), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(pdf.get_y(), top + qr_size + 7) + 1)
    if c.revoked:
        pdf.set_font(FAMILY, size=8.5)
        pdf.set_text_color(*REVOKED)
        pdf.set_draw_color(*REVOKED)
        pdf.set_line_width(0.5)
        pdf.multi_cell(WIDTH, 4.2, t("\n".join(c.revoked)), border=1, align="L", padding=1.5, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    plain = FontFace(family=FAMILY, emphasis="", color=INK)
    pdf.set_font(FAMILY, size=9)
    pdf.set_draw_color(200, 200, 200)
    pdf.set_line_width(0.2)
    for row in c.rows:
        _fact(pdf, t(f"{row.zh}\n{row.en}"), t(row.value))
    if c.retirements:
        pdf.ln(3)
        pdf.set_font(FAMILY, size=10.5)
        pdf.set_text_color(*ACCENT)
        pdf.cell(WIDTH, 6, t(c.retirements_title), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FAMILY, size=8)
        pdf.set_text_color(*INK)
        head = FontFace(family=FAMILY, emphasis="", color=MUTED, fill_color=(238, 244, 240))
        with pdf.table(col_widths=(38, 40, 56, 22, 22), headings_style=head, borders_layout="HORIZONTAL_LINES",
                       text_align="LEFT", line_height=3.8, padding=(1, 1, 1, 0), v_align="TOP",
                       repeat_headings=1) as table:
            cells = table.row()
            for text in c.retirement_head:
                cells.cell(t(text))
            for retirement in c.retirements:
                cells = table.row()
                for text in retirement:
                    cells.cell(t(text), style=plain)
    pdf.ln(4)
    pdf.set_font(FAMILY, size=9)
    pdf.set_text_color(*INK)
    for line in c.verify:
        pdf.multi_cell(WIDTH, 4.6, t(line), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font(FAMILY, size=7.5)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(WIDTH, 3.6, t(c.attachment), align="L", new_x="LMARGIN", new_y="NEXT")


def _fact(pdf, name: str, value: str, label_width: float = 42, line: float = 4.2) -> None:
    """One row of facts: the label on the left, the value beside it (a long value continues on the
    next page, which a table row cannot), a rule below."""
    if pdf.will_page_break(2 * line + 2.2):
        pdf.add_page()
    top, page = pdf.get_y() + 1.1, pdf.page
    pdf.set_text_color(*MUTED)
    pdf.set_xy(MARGIN, top)
    pdf.multi_cell(label_width - 1, line, name, align="L", new_x="LMARGIN", new_y="NEXT")
    below_label = pdf.get_y()
    pdf.set_text_color(*INK)
    pdf.set_xy(MARGIN + label_width, top)
    pdf.multi_cell(WIDTH - label_width, line, value, align="L", new_x="LMARGIN", new_y="NEXT")
    bottom = pdf.get_y() if pdf.page != page else max(pdf.get_y(), below_label)
    pdf.line(MARGIN, bottom + 1.1, MARGIN + WIDTH, bottom + 1.1)
    pdf.set_y(bottom + 1.1)


def _qr(pdf, url: str, x: float, y: float, size: float) -> None:
    """The QR code of ``url`` as filled rectangles (vector, one per run of dark modules)."""
    import segno

    matrix = segno.make(url, error="m", mask=0, boost_error=False).matrix
    module = size / (len(matrix) + 4)
    pdf.set_fill_color(0, 0, 0)
    for row_index, row in enumerate(matrix):
        column = 0
        while column < len(row):
            if row[column]:
                start = column
                while column < len(row) and row[column]:
                    column += 1
                pdf.rect(x + (start + 2) * module, y + (row_index + 2) * module, (column - start) * module, module,
                         style="F")
            else:
                column += 1
