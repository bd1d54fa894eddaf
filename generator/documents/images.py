"""PNG and JPEG: the text a file carries besides its pixels (PNG text chunks, EXIF, XMP, JPEG
comments) and whether it records where it was taken (EXIF GPS).

PNG chunks are walked here (each bounded; compressed text inflated up to a limit); EXIF blocks
are parsed by Pillow, which also reads the JPEG markers before the pixels. Pixels are never decoded:
text in them cannot be read without OCR, so every image is left to a reviewer (P106)."""
from __future__ import annotations

import io
import struct
import warnings
import zlib

from generator.documents.extract import Extract, Refused, Segment, Unreadable
from generator.documents.xmltext import element_texts

MAX_TEXT_BYTES = 1 << 20  # per text chunk, once inflated
MAX_CHUNKS = 10_000
_GPS_IFD = 0x8825
_EXIF_IFD = 0x8769
# EXIF tags with text that may name a person: Artist, Copyright, ImageDescription, XPAuthor, XPComment, UserComment.
_EXIF_TEXT = {0x013B: "Artist", 0x8298: "Copyright", 0x010E: "ImageDescription", 0x9C9D: "XPAuthor", 0x9C9C: "XPComment",
              0x9286: "UserComment"}
_PERSON = {"Artist", "XPAuthor", "Author", "creator"}


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, MAX_TEXT_BYTES + 1)
    except zlib.error as exc:
        raise Unreadable(f"PNG 文字块无法解压（{exc}）", f"a PNG text chunk cannot be inflated ({exc})") from None
    if len(out) > MAX_TEXT_BYTES:
        raise Refused(f"PNG 文字块解压后超过 {MAX_TEXT_BYTES} 字节", f"a PNG text chunk inflates to over {MAX_TEXT_BYTES} bytes")
    return out


def png_chunks(data: bytes):
    """(type, body) of each chunk of a PNG file, bounded; Unreadable for a truncated file."""
    position, count = 8, 0
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if len(body) != length:
            raise Unreadable("PNG 文件被截断", "the PNG file is truncated")
        count += 1
        if count > MAX_CHUNKS:
            raise Refused(f"PNG 块超过 {MAX_CHUNKS} 个", f"the PNG has over {MAX_CHUNKS} chunks")
        yield kind, body, position
        position += 12 + length
        if kind == b"IEND":
            return


def _png_text(kind: bytes, body: bytes) -> tuple[str, str] | None:
    key, _, rest = body.partition(b"\0")
    name = key.decode("latin-1")
    if kind == b"tEXt":
        return name, rest.decode("latin-1")
    if kind == b"zTXt":
        return name, _inflate(rest[1:]).decode("latin-1")
    if kind == b"iTXt":
        if len(rest) < 2:
            return None
        compressed, text = rest[0], rest[2:]
        _, _, text = text.partition(b"\0")  # language tag
        _, _, text = text.partition(b"\0")  # translated keyword
        return name, (_inflate(text) if compressed else text).decode("utf-8", errors="replace")
    return None


def _exif(raw: bytes, segments: list, personal: list) -> None:
    from PIL import Image

    exif = Image.Exif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # Pillow warns of corrupt EXIF: unreadable, and never printed
            exif.load(raw)
            tags = dict(exif)
            tags.update(exif.get_ifd(_EXIF_IFD))
            gps = exif.get_ifd(_GPS_IFD)
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for damaged EXIF
        raise Unreadable(f"EXIF 无法解析（{type(exc).__name__}）", f"the EXIF block cannot be parsed ({type(exc).__name__})") from None
    for tag, name in _EXIF_TEXT.items():
        value = tags.get(tag)
        if isinstance(value, bytes):
            value = value.decode("utf-16-le" if name.startswith("XP") else "utf-8", errors="replace").strip("\0")
        if isinstance(value, str) and value.strip():
            segments.append(Segment(value, None, f"EXIF {name}", f"EXIF {name}"))
            if name in _PERSON:
                personal.append(f"EXIF {name}")
    if gps:
        personal.append("EXIF GPS")


def _xmp(raw: bytes, segments: list, personal: list) -> None:
    for element, text in element_texts(raw):
        segments.append(Segment(text, None, f"XMP {element}", f"XMP {element}"))
        if element in _PERSON and f"XMP {element}" not in personal:
            personal.append(f"XMP {element}")


def extract_image(data: bytes, kind: str) -> Extract:
    segments: list[Segment] = []
    personal: list[str] = []
    if kind == "png":
        for chunk, body, _ in png_chunks(data):
            if chunk == b"eXIf":
                _exif(body, segments, personal)
                continue
            pair = _png_text(chunk, body)
            if pair is None:
                continue
            name, text = pair
            if name == "XML:com.adobe.xmp":
                _xmp(text.encode("utf-8"), segments, personal)
            elif text.strip():
                segments.append(Segment(text, None, f"PNG 文字块 {name}", f"PNG text chunk {name}"))
                if name in _PERSON:
                    personal.append(f"PNG {name}")
    else:
        from PIL import Image

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # corrupt markers: unreadable, and never printed
                with Image.open(io.BytesIO(data), formats=["JPEG"]) as image:  # the markers, not the pixels
                    info = dict(image.info)
            exif_raw = info.get("exif")
            xmp_raw = info.get("xmp")
            comment = info.get("comment")
        except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for damaged files
            raise Unreadable(f"JPEG 无法读取（{type(exc).__name__}）", f"the JPEG cannot be read ({type(exc).__name__})") from None
        if exif_raw:
            _exif(exif_raw, segments, personal)
        if xmp_raw:
            _xmp(xmp_raw if isinstance(xmp_raw, bytes) else str(xmp_raw).encode(), segments, personal)
        if comment:
            text = comment.decode("utf-8", errors="replace") if isinstance(comment, bytes) else str(comment)
            segments.append(Segment(text, None, "JPEG 注释", "JPEG comment"))
    return Extract(tuple(segments), tuple(personal), pixels=True)
