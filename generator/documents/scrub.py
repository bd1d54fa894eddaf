"""Remove metadata that may name a person or a place from an attachment, keeping its content:
PDF Info and XMP, Office core and app properties, OpenDocument meta, PNG text and EXIF chunks,
JPEG EXIF/XMP/IPTC segments and comments. Pixels and page content are copied unchanged."""
from __future__ import annotations

import io
import struct
import zipfile

from generator.documents.extract import Unreadable

_PNG_DROP = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}
_JPEG_DROP = {0xE1, 0xED, 0xFE}  # APP1 (EXIF, XMP), APP13 (IPTC), COM
_OFFICE_PARTS = {"docProps/core.xml", "docProps/app.xml", "docProps/custom.xml", "meta.xml"}
_PERSON_ELEMENTS = {"creator", "lastModifiedBy", "initial-creator", "printed-by", "manager", "company", "Manager", "Company"}


def scrub_bytes(data: bytes, kind: str) -> tuple[bytes, list[str]]:
    """The cleaned bytes and what was removed (empty when there was nothing to remove)."""
    if kind == "png":
        return _png(data)
    if kind == "jpeg":
        return _jpeg(data)
    if kind == "pdf":
        return _pdf(data)
    if kind in ("ooxml", "odf"):
        return _office(data)
    return data, []


def _png(data: bytes) -> tuple[bytes, list[str]]:
    from generator.documents.images import png_chunks

    out, removed, end = bytearray(data[:8]), [], 8
    for kind, body, position in png_chunks(data):
        end = position + 12 + len(body)
        if kind in _PNG_DROP:
            name = body.partition(b"\0")[0].decode("latin-1") if kind != b"eXIf" else ""
            removed.append(f"PNG {kind.decode('latin-1')} {name}".rstrip())
            continue
        out += data[position:end]
    return bytes(out), removed  # bytes after IEND (a place to hide data) are dropped too


def _jpeg(data: bytes) -> tuple[bytes, list[str]]:
    if not data.startswith(b"\xff\xd8"):
        raise Unreadable("不是 JPEG 文件", "not a JPEG file")
    out, removed, i = bytearray(b"\xff\xd8"), list[str](), 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            raise Unreadable("JPEG 标记损坏", "a damaged JPEG marker")
        marker = data[i + 1]
        if marker == 0xDA or marker == 0xD9:  # start of scan (pixels follow) or end of image
            return bytes(out) + data[i:], removed
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        segment = data[i:i + 2 + length]
        if len(segment) != 2 + length:
            raise Unreadable("JPEG 文件被截断", "the JPEG file is truncated")
        if marker in _JPEG_DROP:
            removed.append({0xE1: "JPEG APP1 (EXIF/XMP)", 0xED: "JPEG APP13 (IPTC)", 0xFE: "JPEG comment"}[marker])
        else:
            out += segment
        i += 2 + length
    raise Unreadable("JPEG 文件被截断", "the JPEG file is truncated")


def _pdf(data: bytes) -> tuple[bytes, list[str]]:
    from pypdf import PdfReader, PdfWriter

    try:
        reader = PdfReader(io.BytesIO(data))
        removed = [f"PDF {k[1:]}" for k in (reader.metadata or {})]
        writer = PdfWriter(clone_from=reader)
        if "/Metadata" in writer.root_object:
            del writer.root_object["/Metadata"]
            removed.append("PDF XMP")
        writer.metadata = None
        out = io.BytesIO()
        writer.write(out)
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds for damaged files
        raise Unreadable(f"PDF 无法读取（{type(exc).__name__}）", f"the PDF cannot be read ({type(exc).__name__})") from None
    return out.getvalue(), removed


def _office(data: bytes) -> tuple[bytes, list[str]]:
    from xml.etree import ElementTree as ET

    import defusedxml.ElementTree as DET

    from generator.documents.archive import open_archive, read_part

    archive = open_archive(data)
    removed: list[str] = []
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in archive.infolist():
            part = read_part(archive, info)
            if info.filename in _OFFICE_PARTS:
                try:
                    root = DET.fromstring(part)
                except Exception as exc:  # noqa: BLE001 - defusedxml and expat errors
                    raise Unreadable(f"{info.filename} 无法解析（{exc}）", f"{info.filename} cannot be parsed ({exc})") from None
                for element in root.iter():
                    local = element.tag.rsplit("}", 1)[-1]
                    if local in _PERSON_ELEMENTS and (element.text or "").strip():
                        removed.append(f"{info.filename} {local}")
                        element.text = ""
                part = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
            target.writestr(info, part, compress_type=info.compress_type)
    return out.getvalue(), removed
