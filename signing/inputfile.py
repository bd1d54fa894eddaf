"""What a person handed to ``verify``: a bundle, a bare credential, a PDF, or an input error.

:func:`classify_input` reads the file once (at most the strict JSON size cap + 1 bytes, or the
PDF cap for a PDF) and says which of these it is, without judging it: a bundle or credential
that is malformed, forged or refused by policy (duplicate keys, floats, nesting) is still a
``bundle`` or ``credential`` here, and the verifier's steps refuse it (exit 1). Only a file
that cannot be a certificate at all is an input error (its own exit code, never "INVALID"):
a missing path, a folder, an unreadable file, or bytes that are neither JSON nor a PDF.

Kinds (:data:`BUNDLE`, :data:`CREDENTIAL`, :data:`PDF`, :data:`INPUT_ERROR`):

- ``bundle``: JSON that is not a bare credential (the verifier's ``bundle`` step judges it);
- ``credential``: a JSON object with ``proof`` and ``credentialSubject`` and no ``format``
  (a ``certificate.json`` or ``declaration.json`` as filed in a registry);
- ``pdf``: bytes starting with ``%PDF-`` (the certificate PDF embeds its bundle);
- ``input-error``: ``zh``/``en`` say what is wrong with the input.

No ``cryptography`` here: a cold ``verify`` pays for it only when a signature is checked.
"""

from __future__ import annotations

import os
from typing import Any

from .records import record
from .verifier_spec import LIMITS

BUNDLE, CREDENTIAL, PDF, INPUT_ERROR = "bundle", "credential", "pdf", "input-error"
PDF_MAGIC = b"%PDF-"
MAX_PDF_BYTES = LIMITS["pdfBytes"]  # signing/verifier.json


@record
class InputFile:
    """One classified input: its kind, its bytes, its parsed JSON (when it parsed) or the reason."""

    kind: str
    path: str
    data: bytes = b""
    document: Any = None
    zh: str = ""
    en: str = ""

    @property
    def is_error(self) -> bool:
        return self.kind == INPUT_ERROR


class UnreadableFile(bytes):
    """The bytes standing for a file that could not be read; carries the reason."""

    zh: str
    en: str


def _error(path: str, zh: str, en: str) -> InputFile:
    return InputFile(INPUT_ERROR, path, zh=zh, en=en)


def read_input(path: str | os.PathLike[str], limit: int) -> InputFile | bytes:
    """The first ``limit`` + 1 bytes of ``path``, or an input error naming what is wrong."""
    name = os.fspath(path)
    if os.path.isdir(name):
        return _error(name, f"{name} 是文件夹，不是证书文件", f"{name} is a folder, not a certificate file")
    try:
        with open(name, "rb") as handle:
            return handle.read(limit + 1)
    except FileNotFoundError:
        return _error(name, f"找不到文件 {name}（请检查路径）", f"no such file: {name} (check the path)")
    except OSError as error:
        return _error(name, f"无法读取 {name}：{error.strerror}", f"cannot read {name}: {error.strerror}")


def is_bare_credential(document: Any) -> bool:
    """A signed credential as filed in a registry (not wrapped in a bundle)."""
    return (isinstance(document, dict) and "format" not in document and "proof" in document
            and "credentialSubject" in document)


def classify_bytes(name: str, data: bytes) -> InputFile:
    """Classify bytes already read (see :func:`classify_input`)."""
    from .errors import SigningError, UnreadableJSONError
    from .strictjson import MAX_BYTES, loads

    if data.startswith(PDF_MAGIC):
        if len(data) > MAX_PDF_BYTES:
            return _error(name, f"{name} 超过 {MAX_PDF_BYTES} 字节，不是证书 PDF", f"{name} is larger than {MAX_PDF_BYTES} bytes: not a certificate PDF")
        return InputFile(PDF, name, data)
    if not data.strip():
        return _error(name, f"{name} 是空文件", f"{name} is empty")
    if len(data) > MAX_BYTES:
        return _error(name, f"{name} 超过 {MAX_BYTES} 字节，不是证书文件", f"{name} is larger than {MAX_BYTES} bytes: not a certificate file")
    try:
        document = loads(data)
    except UnreadableJSONError as error:
        return _error(name, f"{name} 不是 JSON 或 PDF 文件：{error.zh}", f"{name} is not a JSON or PDF file: {error.en}")
    except SigningError:
        return InputFile(BUNDLE, name, data)  # JSON refused by policy: the json step says why (exit 1)
    return InputFile(CREDENTIAL if is_bare_credential(document) else BUNDLE, name, data, document)


def classify_input(path: str | os.PathLike[str]) -> InputFile:
    """Read ``path`` and say what it is: ``bundle``, ``credential``, ``pdf`` or ``input-error``.

    Never raises for a bad file. A PDF is read up to :data:`MAX_PDF_BYTES`; JSON up to the
    strict JSON cap. The ``pdf`` kind only says "this is a PDF": reading the bundle embedded in
    it is the PDF module's job.
    """
    from .strictjson import MAX_BYTES

    name = os.fspath(path)
    head = read_input(name, MAX_BYTES)
    if isinstance(head, InputFile):
        return head
    if head.startswith(PDF_MAGIC) and len(head) > MAX_BYTES:
        whole = read_input(name, MAX_PDF_BYTES)
        if isinstance(whole, InputFile):
            return whole
        head = whole
    return classify_bytes(name, head)
