"""The attachment kinds the registry accepts, by file name extension, and the bytes each must start with.

Only kinds whose text can be read (or, for images, whose metadata can) are accepted: anything else
would reach the public site unchecked. HTML and XML are refused because a browser runs their
scripts from the site's own origin; old binary Office files (.doc, .xls) and archives because
their text cannot be read safely. PDF is the preferred kind for evidence."""
from __future__ import annotations

from pathlib import PurePosixPath

KINDS = {
    ".pdf": "pdf",
    ".txt": "text", ".csv": "text", ".md": "text", ".json": "text",
    ".docx": "ooxml", ".xlsx": "ooxml", ".pptx": "ooxml",
    ".odt": "odf", ".ods": "odf", ".odp": "odf",
    ".svg": "svg",
    ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg",
}
_MAGIC = {"pdf": (b"%PDF-",), "ooxml": (b"PK\x03\x04",), "odf": (b"PK\x03\x04",),
          "png": (b"\x89PNG\r\n\x1a\n",), "jpeg": (b"\xff\xd8\xff",)}


# As people read the list (messages, the schema's description of an attachment path, the filing guide).
ACCEPTED = ("PDF、TXT/CSV/MD/JSON、DOCX/XLSX/PPTX、ODT/ODS/ODP、SVG、PNG/JPG/JPEG",
            "PDF, TXT/CSV/MD/JSON, DOCX/XLSX/PPTX, ODT/ODS/ODP, SVG, PNG/JPG/JPEG")


def kind_of(path: str) -> str | None:
    """The kind of an attachment by its extension (case-insensitive), or None if not accepted."""
    return KINDS.get(PurePosixPath(path).suffix.lower())


def content_matches(kind: str, head: bytes) -> bool:
    """Whether a file's first bytes fit its kind (PDF may have up to 1 KB of junk before its header)."""
    magics = _MAGIC.get(kind)
    if magics is None:
        return True
    if kind == "pdf":
        return b"%PDF-" in head[:1024]
    return head.startswith(magics)
