"""The readable content of an attachment: its text in segments that know where they come from,
and the metadata fields that may name a person.

    extract(path, kind) -> Extract | raises Refused (a limit was crossed: hostile or too big)
                                     or Unreadable (damaged, or not what its name says)
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024  # as R603: larger attachments are refused before they are read
MAX_TEXT_CHARS = 20_000_000  # text extracted from one attachment


@dataclass(frozen=True)
class Segment:
    """A piece of text; ``line`` is the file line of its first character when the file has lines."""

    text: str
    line: int | None = None
    where_zh: str = ""  # e.g. 第 2 页, 元数据 Author
    where_en: str = ""


@dataclass(frozen=True)
class Extract:
    segments: tuple[Segment, ...]
    personal_metadata: tuple[str, ...] = ()  # fields that name a person or a place (Author, GPS, …)
    pixels: bool = False  # an image: text in its pixels cannot be read (no OCR)
    active: tuple[str, ...] = ()  # SVG content a browser would run (script, on* handlers, …)


class Refused(Exception):
    """Reading would cross a limit (size, entries, expansion, entity expansion)."""

    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh, self.en = zh, en


class Unreadable(Exception):
    """The file is damaged or is not what its extension says."""

    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh, self.en = zh, en


def extract(path: Path, kind: str) -> Extract:
    """What can be read of the regular file ``path`` of accepted ``kind`` (see kinds.py)."""
    from generator.loading.safefile import TooLarge, read_regular

    try:
        data = read_regular(path, MAX_BYTES)
    except TooLarge as exc:
        raise Refused(f"文件有 {exc.size} 字节，超过 {exc.limit} 字节上限", f"the file has {exc.size} bytes, over the {exc.limit}-byte limit") from None
    return extract_bytes(data, kind)


def extract_bytes(data: bytes, kind: str, max_text_chars: int = MAX_TEXT_CHARS) -> Extract:
    """What ``data`` of ``kind`` holds; refused when the text it yields is longer than ``max_text_chars``
    (a small PDF or archive can expand to far more text than its bytes: a scan would then hold it all)."""
    result = _extract_kind(data, kind)
    chars = sum(len(segment.text) for segment in result.segments)
    if chars > max_text_chars:
        raise Refused(f"提取出的文字有 {chars} 个字符，超过 {max_text_chars} 个字符的上限",
                      f"the text extracted has {chars} characters, over the {max_text_chars}-character limit")
    return result


def _extract_kind(data: bytes, kind: str) -> Extract:
    from generator.documents import archive, images, pdf, svg
    from generator.documents.kinds import content_matches

    if not content_matches(kind, data[:1024]):
        raise Unreadable(f"文件内容不是 {kind} 格式（与扩展名不符）", f"the content is not {kind} (it does not match the extension)")
    if kind == "text":
        return Extract((Segment(data.decode("utf-8", errors="replace"), 1),))
    if kind == "pdf":
        return pdf.extract_pdf(data)
    if kind in ("ooxml", "odf"):
        return archive.extract_office(data, kind)
    if kind == "svg":
        return svg.extract_svg(data)
    if kind in ("png", "jpeg"):
        return images.extract_image(data, kind)
    raise Unreadable(f"不支持的类型 {kind}", f"unsupported kind {kind}")
