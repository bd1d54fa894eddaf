"""Small attachment files of every accepted kind, built byte by byte for tests, hostile cases and
fuzz seeds (independent of the readers under test)."""
from __future__ import annotations

import hashlib
import io
import struct
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

from generator.demo.attachments import pdf  # noqa: F401 - a one-page PDF with given lines


def id_with_check(body17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body17 + "10X98765432"[sum(int(d) * w for d, w in zip(body17, weights)) % 11]


RESIDENT_ID = id_with_check("31011519851111123")
MOBILE = "13912345678"
MAIL = "zhang.san@qq.com"


def zip_of(parts: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return out.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CORE = ('<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>'
         '<cp:lastModifiedBy>{creator}</cp:lastModifiedBy></cp:coreProperties>')


def docx(paragraphs: list[list[str]], creator: str = "") -> bytes:
    """A Word document; each paragraph is a list of runs (Word splits text into runs freely)."""
    body = "".join("<w:p>" + "".join(f"<w:r><w:t xml:space=\"preserve\">{escape(r)}</w:t></w:r>" for r in runs) + "</w:p>"
                   for runs in paragraphs)
    parts = {"[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
             "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>{body}</w:body></w:document>'}
    if creator:
        parts["docProps/core.xml"] = _CORE.format(title="Report", creator=escape(creator))
    return zip_of(parts)


def xlsx(rows: list[list[str]]) -> bytes:
    """A workbook with inline-string cells, one row per list."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    cells = "".join("<row>" + "".join(f'<c t="inlineStr"><is><t>{escape(v)}</t></is></c>' for v in row) + "</row>" for row in rows)
    return zip_of({"[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
                   "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>{cells}</sheetData></worksheet>'})


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def png(texts: dict[str, str] = {}, exif: bytes = b"") -> bytes:  # noqa: B006 - read only
    """A 1x1 grey PNG with tEXt chunks and, optionally, an eXIf chunk."""
    out = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    for key, value in texts.items():
        out += _chunk(b"tEXt", key.encode("latin-1") + b"\0" + value.encode("latin-1"))
    if exif:
        out += _chunk(b"eXIf", exif)
    return out + _chunk(b"IDAT", zlib.compress(b"\0\x80")) + _chunk(b"IEND", b"")


def svg(lines: list[str]) -> bytes:
    """An SVG with one text element per line (the text of line i of the list is on file line i + 2)."""
    body = "\n".join(f'<text x="0" y="{20 * (i + 1)}">{escape(t)}</text>' for i, t in enumerate(lines))
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200">\n{body}\n</svg>\n'.encode("utf-8")


def exif_gps() -> bytes:
    """An EXIF block (TIFF, little-endian) with an Artist and a GPS latitude, built with Pillow."""
    from PIL import Image

    exif = Image.Exif()
    exif[0x013B] = "Zhang San"
    exif[0x8825] = {1: "N", 2: (31.0, 14.0, 0.0)}
    return exif.tobytes()


def zip_bomb_docx(megabytes: int = 200) -> bytes:
    """A docx whose document.xml inflates to ``megabytes`` MB of spaces (compressed about 1000:1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            block = b" " * (1 << 20)
            for _ in range(megabytes):
                part.write(block)
    return out.getvalue()


def billion_laughs_docx() -> bytes:
    entities = '<!ENTITY lol "lol">' + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    document = f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]><w:document {_W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    return zip_of({"[Content_Types].xml": "<Types/>", "word/document.xml": document})


def attach(reg: Path, name: str, data: bytes, event: str = "events/2025/2025-west-bank-lawn-music-festival") -> str:
    """Put ``data`` at attachments/<name> of an event, list it (with its digest) in the event's
    report, and return the file as findings name it."""
    (reg / event / "attachments" / name).write_bytes(data)
    report = reg / event / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8") + (
        f"  - path: attachments/{name}\n    sha256: {hashlib.sha256(data).hexdigest()}\n    title: {{zh: 附件, en: Attachment}}\n"),
        encoding="utf-8")
    return f"registry/{event}/attachments/{name}"
