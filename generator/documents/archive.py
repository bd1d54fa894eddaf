"""Office Open XML (docx, xlsx, pptx) and OpenDocument (odt, ods, odp): zip archives of XML parts,
read through zipfile under limits and parsed with defusedxml.

Limits (as for YAML): entries, each part's and the total uncompressed size, and the expansion
ratio, all checked on the declared sizes before anything is inflated and again while inflating
(declared sizes can lie). A zip bomb or an entity bomb is refused before it costs time or memory."""
from __future__ import annotations

import io
import zipfile
import zlib

from generator.documents.extract import Extract, Refused, Segment, Unreadable
from generator.documents.xmltext import element_texts, xml_blocks

MAX_ENTRIES = 2000
MAX_PART_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 100 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / compressed, per part (text XML compresses about 5 to 20 times)
# Metadata fields that name people: docx/xlsx/pptx docProps/core.xml, ODF meta.xml.
PERSON_FIELDS = {"creator", "lastModifiedBy", "initial-creator", "printed-by", "manager", "company"}


def _too_big(zh: str, en: str) -> Refused:
    return Refused(f"压缩文档超出限制：{zh}（可能是压缩炸弹）", f"the archive crosses a limit: {en} (a possible zip bomb)")


def open_archive(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise Unreadable(f"不是有效的 zip 文档（{exc}）", f"not a valid zip document ({exc})") from None
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise _too_big(f"{len(infos)} 个条目，上限 {MAX_ENTRIES}", f"{len(infos)} entries, over {MAX_ENTRIES}")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART_BYTES:
            raise _too_big(f"{info.filename} 解压后 {info.file_size} 字节", f"{info.filename} inflates to {info.file_size} bytes")
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1 << 20:
            raise _too_big(f"{info.filename} 压缩比超过 {MAX_RATIO}:1", f"{info.filename} expands over {MAX_RATIO}:1")
    if total > MAX_TOTAL_BYTES:
        raise _too_big(f"解压后共 {total} 字节", f"{total} bytes in all once inflated")
    return archive


def read_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A part's bytes, never more than its limits whatever its header claims."""
    limit = min(MAX_PART_BYTES, max(MAX_RATIO * max(info.compress_size, 1), 1 << 20))
    try:
        with archive.open(info) as handle:
            data = handle.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, ValueError, OSError, EOFError, RuntimeError) as exc:
        raise Unreadable(f"{info.filename} 无法解压（{exc}）", f"{info.filename} cannot be inflated ({exc})") from None
    if len(data) > limit:
        raise _too_big(f"{info.filename} 解压后超过 {limit} 字节", f"{info.filename} inflates to more than {limit} bytes")
    return data


def extract_office(data: bytes, kind: str) -> Extract:
    archive = open_archive(data)
    segments: list[Segment] = []
    personal: list[str] = []
    for info in sorted(archive.infolist(), key=lambda i: i.filename):
        name = info.filename
        if name.endswith("/") or not (name.endswith(".xml") or name.endswith(".rels")):
            continue
        part = read_part(archive, info)
        if name in ("docProps/core.xml", "docProps/app.xml", "meta.xml"):
            fields = metadata_fields(part)
            for field, value in fields:
                segments.append(Segment(value, None, f"{name} 元数据 {field}", f"{name} metadata {field}"))
                if field in PERSON_FIELDS and field not in personal:
                    personal.append(field)
            continue
        text = "\n\n".join(text for _, text in xml_blocks(part))
        if text:
            segments.append(Segment(text, None, f"文档部分 {name}", f"part {name}"))
    return Extract(tuple(segments), tuple(personal))


def metadata_fields(part: bytes) -> list[tuple[str, str]]:
    """(local name, text) of each metadata element with text (core properties, ODF meta)."""
    return [(element, text.strip()) for element, text in element_texts(part)]
