"""A bare credential: a ``certificate.json`` or ``declaration.json`` as filed in a registry.

Inside a registry checkout (found by walking up from the file, as git finds ``.git``: the first
folder holding ``registry.yaml`` and ``trust/1.root.json``), :func:`bundle_from_registry` builds
what the site's bundle carries, from the same documents: the credential, its publication receipt
(the registry's publication log and signed checkpoint, when the credential is in the log), the
root chain (``trust/N.root.json``), the authorization document and the status list. ``verify``
then judges that bundle exactly as it judges the site's (same steps, same verdict).

Outside a registry nothing can be checked but the signature: :func:`verify_bare` says so plainly
(steps ``json``, ``bundle`` as a warning naming what the file is, ``shape``, ``proof`` with the
issuer binding; the others skipped) and ends genuine-but-not-fully-checkable (exit 2) when the
signature is intact, invalid (exit 1) when it is not. Where to download the bundle: the
certificate page of the registry's site (``roots/sites.json`` maps a shipped registry to its
base URL).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Mapping

from .errors import SigningError

LOG_MAX_BYTES = 256 * 1024 * 1024  # the publication log grows with the registry (generator/loading/signed.py)
MAX_WALK = 64


def find_registry_root(path: str | os.PathLike[str]) -> Path | None:
    """The registry checkout holding ``path``: the nearest folder above it with ``registry.yaml``
    and ``trust/1.root.json``; None outside any registry."""
    folder = Path(path).resolve().parent
    for candidate in [folder, *folder.parents][:MAX_WALK]:
        if (candidate / "registry.yaml").is_file() and (candidate / "trust" / "1.root.json").is_file():
            return candidate
    return None


def bundle_from_registry(registry: Path, credential: Mapping[str, Any]) -> bytes:
    """The bundle the site would ship for ``credential``, built from the registry's ``trust/``.

    Raises :class:`SigningError` (bilingual) when a trust document cannot be read."""
    import re

    from .bundle import make_bundle
    from .strictjson import load_path
    from .transparency import PublicationLog, make_receipt

    trust = registry / "trust"
    numbered = sorted((int(m.group(1)), p) for p in trust.glob("*.root.json")
                      if (m := re.fullmatch(r"([1-9][0-9]{0,8})\.root\.json", p.name)))
    chain = [load_path(p) for _, p in numbered]
    authorizations = load_path(trust / "authorizations.json")
    status = load_path(trust / "status.json") if (trust / "status.json").is_file() else None
    receipt = None
    if (trust / "log.json").is_file() and (trust / "checkpoint.json").is_file():
        log_document = load_path(trust / "log.json", max_bytes=LOG_MAX_BYTES)
        leaves = log_document.get("leaves") if isinstance(log_document, Mapping) else None
        if not isinstance(leaves, list) or not all(isinstance(leaf, Mapping) for leaf in leaves):
            raise SigningError("trust/log.json 的 leaves 必须是对象数组", "trust/log.json: leaves must be an array of objects")
        log = PublicationLog(tuple(leaves))
        if any(leaf.get("id") == credential.get("id") for leaf in leaves):
            receipt = make_receipt(log, credential["id"], load_path(trust / "checkpoint.json"))
    bundle = make_bundle(credential, receipt, chain, authorizations, status)
    return json.dumps(bundle, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


def bundle_location(credential: Mapping[str, Any]) -> tuple[str, str]:
    """Where to download the bundle of ``credential`` (zh, en): the certificate page on the site of
    the registry it was issued on, when the package knows that registry's site."""
    from .roots import known_sites

    subject = credential.get("credentialSubject")
    event = subject.get("event") if isinstance(subject, Mapping) else None
    event_id = event.get("id") if isinstance(event, Mapping) else None
    kind = "declaration" if "declarationId" in (subject or {}) else "certificate"
    sites = known_sites()
    if isinstance(event_id, str) and event_id and sites:
        pages = [f"{site}events/{event_id}/" for site in sites.values()]
        files = [f"{page}{kind}.json" for page in pages]
        return (f"证书包在证书页面 {'、'.join(pages)} 下载（{'、'.join(files)}）",
                f"download the bundle from the certificate page {', '.join(pages)} ({', '.join(files)})")
    return ("证书包在登记平台网站的证书页面下载（certificate.json 或 declaration.json）",
            "download the bundle from the certificate's page on the registry's site (certificate.json or declaration.json)")


def verify_bare(data: bytes, at: Any = None) -> Any:
    """Verify a bare credential outside any registry: the signature only (see the module docstring)."""
    from .timefmt import utc_now
    from .verdict import Step, Verdict
    from .verify_steps import STEP_NAMES, _Run, step_json, step_proof, step_shape

    run = _Run(at or utc_now(), STEP_NAMES)
    document = step_json(run, data)
    if document is None:
        return run.verdict()  # refused at step json (classify_input only passes JSON here)
    where = bundle_location(document)
    run.warn("bundle", "这是登记库中存放的单独凭证（certificate.json / declaration.json），不是证书包：没有信任根、机构授权、"
             f"公开日志回执和撤销状态列表，无法核验授权与撤销；{where[0]}",
             "this is a bare credential (certificate.json / declaration.json as filed in a registry), not the bundle: "
             "without the root, authorizations, log receipt and status list, its authorization and revocation cannot be "
             f"checked; {where[1]}", "bundle.bare-credential")
    kind = step_shape(run, document)
    proven = None if kind is None else step_proof(run, document)
    if proven is not None:
        run.facts["subject"] = document["credentialSubject"]
    done = {step.name for step in run.steps}
    for name in STEP_NAMES:
        if name not in done:
            run.steps.append(Step(name, False, "未检查：需要证书包", "not checked: needs the bundle", True, id=f"{name}.needs-bundle"))
    return Verdict(valid=False, genuine=proven is not None, steps=tuple(run.steps), **run.facts)


def registry_error(registry: Path, error: SigningError) -> tuple[str, str]:
    return (f"登记库 {registry} 的 trust/ 无法读取：{error.zh}", f"the trust/ folder of the registry {registry} cannot be read: {error.en}")
