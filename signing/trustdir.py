"""What the verifier brings besides the certificate: pinned roots, newer documents, the registry.

:class:`Document` is one JSON file read strictly (or the reason it could not be read);
:class:`TrustInputs` gathers the verifier's trust material, each piece labelled with where it
came from so that ``verify`` can name it:

- ``roots``: trusted roots. The lowest version is the anchor (it must be self-signed); the
  others, and the bundle's own chain, must follow it by the rotation rules.
- ``authorizations`` and ``status``: copies kept in a ``--trust DIR``; they take precedence
  over the bundle's copies when newer (the newest version that verifies wins, and is never
  older than what the bundle carries).
- ``status_override``: ``--status FILE``: a newer status list; refused if older than the
  bundle's (or the folder's) copy.

``--trust DIR`` holds ``root.json`` and/or versioned ``1.root.json``, ``2.root.json``…, and
optionally ``authorizations.json`` and ``status.json``. No ``cryptography`` is imported here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Mapping

from .errors import SigningError
from .records import record

VERSIONED_ROOT = re.compile(r"([1-9][0-9]{0,8})\.root\.json")
MAX_ROOT_FILES = 100


@record
class Document:
    """One trust document: its ``content`` (parsed JSON), or the ``error`` that kept it unread."""

    label: str
    content: Any = None
    error: tuple[str, str] | None = None


@record
class TrustInputs:
    """The verifier's own trust material; see the module docstring."""

    roots: tuple[Document, ...] = ()
    source_zh: str = ""
    source_en: str = ""
    authorizations: Document | None = None
    status: Document | None = None
    status_override: Document | None = None

    @property
    def pinned(self) -> bool:
        return bool(self.roots)


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read ``path`` with the strict JSON loader; never raises for a bad file."""
    from .strictjson import load_path

    label = str(path)
    try:
        return Document(label, load_path(path))
    except SigningError as error:
        return Document(label, error=(error.zh, error.en))


def given_document(label: str, content: Mapping[str, Any]) -> Document:
    """A document the caller already holds in memory."""
    return Document(label, content)


def read_trust_dir(path: str | os.PathLike[str]) -> TrustInputs:
    """The roots, authorizations and status list kept in a ``--trust`` folder."""
    folder = Path(path)
    source = (f"--trust {folder}", f"--trust {folder}")
    if not folder.is_dir():
        missing = Document(str(folder), error=(f"--trust 不是可读的文件夹：{folder}", f"--trust is not a readable folder: {folder}"))
        return TrustInputs((missing,), *source)
    try:
        names = sorted(os.listdir(folder))
    except OSError as error:
        unreadable = Document(str(folder), error=(f"无法读取文件夹 {folder}：{error.strerror}", f"cannot read folder {folder}: {error.strerror}"))
        return TrustInputs((unreadable,), *source)
    root_names = [n for n in names if n == "root.json" or VERSIONED_ROOT.fullmatch(n)]
    if not root_names:
        empty = Document(str(folder), error=(f"{folder} 中没有 root.json 或 N.root.json", f"no root.json or N.root.json in {folder}"))
        return TrustInputs((empty,), *source)
    if len(root_names) > MAX_ROOT_FILES:
        many = Document(str(folder), error=(f"{folder} 中的 root 文件过多", f"too many root files in {folder}"))
        return TrustInputs((many,), *source)
    roots = tuple(read_document(folder / name) for name in root_names)
    optional = {name: read_document(folder / f"{name}.json") if (folder / f"{name}.json").exists() else None
                for name in ("authorizations", "status")}
    return TrustInputs(roots, *source, authorizations=optional["authorizations"], status=optional["status"])
