"""The root metadata shipped with the package: the trust anchor of ``verify`` by default.

One file per registry, ``signing/roots/<file name>.root.json``, holding the registry's
self-signed root envelope (``{"signed": {"_type": "root", "registry": …}, "signatures": […]}``).
The file name is the registry name with ``:`` written as ``_`` (``carbonreg:shanghai`` →
``carbonreg_shanghai.root.json``), so it is a valid file name everywhere; the file's own
``signed.registry`` must equal the name asked for, so two names can never share a root.

``verify`` selects the file by the registry name the certificate bundle's roots carry (an
untrusted hint: the selected root must then verify the whole chain), and walks the bundle's
root chain forward from it. Shipping version 1 is enough; later versions reach the verifier
through the bundles (or ``--trust DIR``). To ship the platform's root, copy its ``root.json``
here under that name (and list ``*.root.json`` as package data of ``signing.roots``).

``sites.json`` maps a shipped registry's name to its site's base URL (ending in ``/``), so that
``verify`` can say where a certificate's page is when it holds only the credential.

``CARBONREG_ROOTS_DIR``, when set, replaces this folder (tests, or a verifier who keeps
pinned roots elsewhere); ``verify`` says which folder the root came from.

Only the standard library and ``strictjson`` are imported here: no ``cryptography``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from ..errors import SigningError, TrustError

ENVIRONMENT_VARIABLE = "CARBONREG_ROOTS_DIR"
REGISTRY_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9:._-]{0,127}")
SUFFIX = ".root.json"


def roots_dir() -> Path:
    """The folder searched for shipped roots: ``$CARBONREG_ROOTS_DIR`` or this package's folder."""
    override = os.environ.get(ENVIRONMENT_VARIABLE)
    return Path(override) if override else Path(__file__).resolve().parent


def root_file_name(registry_name: str) -> str:
    """``carbonreg:shanghai`` → ``carbonreg_shanghai.root.json``; refuses names unfit for a file."""
    if not isinstance(registry_name, str) or not REGISTRY_NAME.fullmatch(registry_name):
        raise TrustError(f"登记库名称无效：{registry_name!r}", f"invalid registry name: {registry_name!r}")
    return registry_name.replace(":", "_") + SUFFIX


def root_path(registry_name: str) -> Path:
    """Where the shipped root of ``registry_name`` is (whether or not it exists)."""
    return roots_dir() / root_file_name(registry_name)


def shipped_root(registry_name: str) -> dict[str, Any] | None:
    """The root envelope shipped for ``registry_name``, or None when none is shipped.

    The file is read with the strict JSON loader and must name ``registry_name`` in
    ``signed.registry``; otherwise :class:`TrustError` (a packaging mistake, never ignored).
    Signatures are not checked here: ``verify`` checks that the root is self-signed.
    """
    from ..strictjson import load_path

    path = root_path(registry_name)
    if not path.is_file():
        return None
    try:
        envelope = load_path(path)
    except SigningError as error:
        raise TrustError(f"随包提供的 root {path} 不可用：{error.zh}", f"shipped root {path} is unusable: {error.en}") from None
    signed = envelope.get("signed") if isinstance(envelope, dict) else None
    if not isinstance(signed, dict) or signed.get("registry") != registry_name:
        raise TrustError(
            f"随包提供的 root {path} 不属于登记库 {registry_name}",
            f"shipped root {path} does not belong to the registry {registry_name}",
        )
    return envelope


def known_sites() -> dict[str, str]:
    """Registry name → site base URL, from ``sites.json`` in the roots folder ({} when absent or bad)."""
    from ..strictjson import load_path

    path = roots_dir() / "sites.json"
    if not path.is_file():
        return {}
    try:
        sites = load_path(path)
    except SigningError:
        return {}
    if not isinstance(sites, dict):
        return {}
    return {name: url for name, url in sorted(sites.items())
            if isinstance(url, str) and url.startswith(("https://", "http://")) and url.endswith("/")}
