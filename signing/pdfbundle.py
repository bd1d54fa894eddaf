"""The bundle embedded in a certificate PDF, so ``verify certificate.pdf`` checks the PDF itself.

The site's PDF (``generator/site/pdf/``) carries the bundle, the same bytes as the site's
``certificate.json``, as its one embedded file: in the catalog's ``/Names /EmbeddedFiles`` tree
and as the catalog's associated file (``/AF``). :func:`bundle_from_pdf` returns those bytes;
the verifier then judges them exactly as it judges the JSON file (so a PDF whose embedded bundle
was changed is INVALID, exit 1).

Anything else is refused with a :class:`PdfBundleError` that says what is wrong with the input
(``verify`` reports it as an input error, never as INVALID, and never as a traceback): bytes
pypdf cannot read (truncated, broken cross-references, objects nested too deeply, lengths that
do not fit the file), an encrypted PDF, a PDF with no embedded file, with more than one (which
would be the credential?), an embedded file that is too large, or one encoded with anything but
no filter or a single ``FlateDecode`` (decompressed here with a size cap, so a zip bomb costs
nothing). Name trees are walked with bounded depth and node count.

pypdf (already a dependency) is imported only here, and this module only when the input is a
PDF, so ``verify`` on a JSON file starts as fast as before.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from .errors import SigningError
from .verifier_spec import text as spec_text

MAX_TREE_DEPTH = 16  # name tree levels (a real PDF has one or two)
MAX_TREE_NODES = 256
MAX_ATTACHMENTS_SEEN = 64


class PdfBundleError(SigningError):
    """The PDF cannot be read, or does not carry exactly one embedded bundle."""


def _unreadable(zh: str, en: str, more: str = "") -> PdfBundleError:
    """The PDF cannot be read: what was wrong, in both languages in each text (pdf.js does the same)."""
    return PdfBundleError(*spec_text("pdf.unreadable", detail=f"{zh} / {en}{more}"))


def bundle_from_pdf(data: bytes) -> bytes:
    """The bytes of the one file embedded in the PDF ``data``; a :class:`PdfBundleError` otherwise."""
    from .strictjson import MAX_BYTES

    try:
        return _extract(data, MAX_BYTES)
    except PdfBundleError:
        raise
    except RecursionError:
        raise _unreadable(*spec_text("pdf.detail.objects-nested-too-deeply")) from None
    except MemoryError:
        raise _unreadable(*spec_text("pdf.detail.out-of-memory")) from None
    except Exception as error:  # pypdf's own errors and anything a hostile file provokes in it
        raise PdfBundleError(*spec_text("pdf.unreadable", detail=f"{type(error).__name__}: {str(error)[:200]}")) from None


def _extract(data: bytes, limit: int) -> bytes:
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd files are not our output
    reader = PdfReader(BytesIO(data), strict=True)
    if reader.is_encrypted:
        raise PdfBundleError(*spec_text("pdf.encrypted"))
    catalog = _resolve(reader.trailer.get("/Root"))
    if not isinstance(catalog, dict):
        raise _unreadable(*spec_text("pdf.detail.no-document-catalog"))
    specs: dict[Any, Any] = {}
    names = _resolve(catalog.get("/Names"))
    if isinstance(names, dict):
        _walk_name_tree(names.get("/EmbeddedFiles"), specs, depth=0, budget=[MAX_TREE_NODES])
    associated = _resolve(catalog.get("/AF"))
    if isinstance(associated, list):
        for item in associated[:MAX_ATTACHMENTS_SEEN]:
            _add_spec(item, specs)
    streams = {key: stream for key, stream in ((k, _embedded_stream(v)) for k, v in specs.items()) if stream is not None}
    distinct = {_identity(stream): stream for stream in streams.values()}
    if not distinct:
        raise PdfBundleError(*spec_text("pdf.no-embedded-certificate"))
    if len(distinct) > 1:
        raise PdfBundleError(*spec_text("pdf.several-embedded-files", count=len(distinct)))
    return _stream_bytes(next(iter(distinct.values())), limit)


def _resolve(value: Any) -> Any:
    from pypdf.generic import IndirectObject

    for _ in range(8):  # a reference to a reference: bounded
        if not isinstance(value, IndirectObject):
            return value
        value = value.get_object()
    raise _unreadable(*spec_text("pdf.detail.chain-of-references-too-long"))


def _identity(value: Any) -> Any:
    reference = getattr(value, "indirect_reference", None)
    return (reference.idnum, reference.generation) if reference is not None else id(value)


def _walk_name_tree(node: Any, specs: dict, depth: int, budget: list) -> None:
    node = _resolve(node)
    if not isinstance(node, dict):
        return
    budget[0] -= 1
    if depth > MAX_TREE_DEPTH or budget[0] < 0:
        raise _unreadable(*spec_text("pdf.detail.name-tree-too-deep-or-too-large"))
    pairs = _resolve(node.get("/Names"))
    if isinstance(pairs, list):
        for index in range(1, min(len(pairs), 2 * MAX_ATTACHMENTS_SEEN), 2):
            _add_spec(pairs[index], specs)
    kids = _resolve(node.get("/Kids"))
    if isinstance(kids, list):
        for kid in kids[:MAX_TREE_NODES]:
            _walk_name_tree(kid, specs, depth + 1, budget)


def _add_spec(value: Any, specs: dict) -> None:
    spec = _resolve(value)
    if isinstance(spec, dict):
        specs.setdefault(_identity(spec), spec)


def _embedded_stream(spec: Any) -> Any:
    """The embedded-file stream of a file specification (``/EF /F``, else ``/EF /UF``), or None."""
    from pypdf.generic import StreamObject

    files = _resolve(spec.get("/EF"))
    if not isinstance(files, dict):
        return None
    for key in ("/F", "/UF"):
        stream = _resolve(files.get(key))
        if isinstance(stream, StreamObject):
            return stream
    return None


def _stream_bytes(stream: Any, limit: int) -> bytes:
    """The stream's content: no filter, or one FlateDecode, at most ``limit`` bytes once decoded."""
    import zlib

    too_large = PdfBundleError(*spec_text("pdf.embedded-file-too-large", limit=limit))
    filters = _resolve(stream.get("/Filter"))
    if isinstance(filters, list) and len(filters) == 1:
        filters = _resolve(filters[0])
    raw = getattr(stream, "_data", None)  # the bytes as stored: pypdf decodes nothing until asked
    if not isinstance(raw, (bytes, bytearray)):
        raise _unreadable(*spec_text("pdf.detail.embedded-file-has-no-data"))
    if filters is None:
        if len(raw) > limit:
            raise too_large
        return bytes(raw)
    if filters != "/FlateDecode" or stream.get("/DecodeParms") is not None:
        raise PdfBundleError(*spec_text("pdf.unsupported-encoding", filter=filters))
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(bytes(raw), limit + 1)
    except zlib.error as error:
        raise _unreadable(*spec_text("pdf.detail.compressed-data-damaged"), f": {error}") from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise too_large
    return out
