"""Trust material for ``verify``: walking the roots, choosing the newest authorizations and
status list among the bundle's and the verifier's copies, and checking evidence digests.

Each function raises :class:`~signing.errors.SigningError` (bilingual) when it refuses;
``verify_steps.py`` turns that into a failed step. The rules are in ``verify.py``.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any, Mapping, Sequence

from .authorizations import Authorizations, parse_authorizations
from .errors import SigningError, StaleStatusError, TrustError
from .jcs import canonicalize
from .records import record
from .sha256 import sha256_hex
from .statuslist import StatusList, parse_status_list, verify_status_list
from .trust import Root, check_not_expired, load_trusted_root, parse_root, root_fingerprint, rotate_root, verify_threshold
from .trustdir import VERSIONED_ROOT, Document
from .verifier_spec import text as spec_text

Labeled = tuple[str, Mapping[str, Any]]
Label = tuple[str, str]  # (zh, en): where a document came from
BUNDLE_LABEL: Label = spec_text("label.certificate-file")
CHUNK = 1 << 16


def bundle_registry(chain: Sequence[Mapping[str, Any]]) -> str | None:
    """The registry name the bundle's roots carry (an untrusted hint to select a shipped root)."""
    names = {signed.get("registry") for signed in (r.get("signed") for r in chain) if isinstance(signed, Mapping)}
    names.discard(None)
    if len(names) > 1:
        raise TrustError(*spec_text("root.bundle-roots-name-different-registries"))
    name = next(iter(names), None)
    return name if isinstance(name, str) else None


def _content(document: Document) -> Mapping[str, Any]:
    if document.error is not None:
        raise TrustError(f"{document.label}：{document.error[0]}", f"{document.label}: {document.error[1]}")
    if not isinstance(document.content, Mapping):
        raise TrustError(*spec_text("trust.not-a-json-object", label=document.label))
    return document.content


def _version(envelope: Mapping[str, Any], label: str, known: dict[int, int]) -> int:
    """The root version of ``envelope``; ``known`` remembers it by object, so that each root is
    parsed once (a refusal is not remembered: it is raised again, with the label of the moment)."""
    if id(envelope) not in known:
        try:
            known[id(envelope)] = parse_root(envelope.get("signed")).version
        except SigningError as error:
            raise TrustError(f"{label}：{error.zh}", f"{label}: {error.en}") from None
    return known[id(envelope)]


def walk_roots(anchors: Sequence[Document], chain: Sequence[Mapping[str, Any]], at: datetime) -> tuple[Root, str, str]:
    """Walk from the lowest of the verifier's ``anchors`` (self-signed) through every later
    version, each one version up and signed by the threshold of the old and of the new root
    keys, taking each version from the verifier's files or the bundle's ``chain``. Two
    different documents for one version (a fork), a version that cannot be reached (a gap)
    or an expired newest root are refused. Returns the newest root, the anchor's fingerprint and
    the newest root's fingerprint (what a status list's snapshot names)."""
    labelled: list[Labeled] = []
    versions: dict[int, int] = {}  # by id(): every envelope stays referenced during the walk
    for document in anchors:
        envelope = _content(document)
        name = Path(document.label).name
        match = VERSIONED_ROOT.fullmatch(name)
        if match and _version(envelope, document.label, versions) != int(match.group(1)):
            raise TrustError(*spec_text("root.version-does-not-match-the-file-name", label=document.label))
        labelled.append((document.label, envelope))
    start_label, start = min(labelled, key=lambda item: _version(item[1], item[0], versions))
    root = load_trusted_root(start)
    by_version: dict[int, list[Labeled]] = {}
    for label, envelope in labelled + [(f"rootChain[{i}]", e) for i, e in enumerate(chain)]:
        by_version.setdefault(_version(envelope, label, versions), []).append((label, envelope))
    start_print = root_fingerprint(start)
    newest_print = start_print
    for label, envelope in by_version[root.version]:
        if envelope is not start and root_fingerprint(envelope) != start_print:
            raise TrustError(*spec_text("root.differs-from-the-pinned-root", label=label, version=root.version,
                                        pinned=start_label))
    while root.version + 1 in by_version:
        candidates = by_version[root.version + 1]
        if len({root_fingerprint(e) for _, e in candidates}) > 1:
            raise TrustError(*spec_text("root.fork", version=root.version + 1))
        root = rotate_root(root, candidates[0][1])
        newest_print = root_fingerprint(candidates[0][1])
    unreachable = sorted(v for v in by_version if v > root.version)
    if unreachable:
        raise TrustError(*spec_text("root.missing-version", version=root.version + 1, last=unreachable[-1]))
    check_not_expired(root.expires, at, f"root v{root.version}")
    return root, start_print, newest_print


def choose_authorizations(bundle_copy: Mapping[str, Any], kept: Document | None, root: Root, at: datetime,
                          last_seen: int | None) -> tuple[Authorizations, Label, str]:
    """The newest authorization document that verifies under ``root`` (the bundle's or the
    ``--trust`` folder's); then it must be unexpired and not below ``last_seen``. Returns it,
    where it came from and its digest (what a status list's snapshot names)."""
    candidates: list[tuple[Authorizations, Label]] = []
    signed_by_version: dict[int, Any] = {}
    for label, envelope in [(BUNDLE_LABEL, bundle_copy)] + ([] if kept is None else [((kept.label, kept.label), _content(kept))]):
        try:
            signed = envelope.get("signed")
            document = parse_authorizations(signed if isinstance(signed, Mapping) else {})
            verify_threshold(envelope, *root.role_keys("authorizations"), "authorizations")
        except SigningError as error:
            raise TrustError(f"{label[0]}：{error.zh}", f"{label[1]}: {error.en}") from None
        if signed_by_version.setdefault(document.version, signed) != signed:
            raise TrustError(*spec_text("authorization.two-documents-claim-the-version", version=document.version))
        candidates.append((document, label))
    document, label = max(candidates, key=lambda item: item[0].version)
    digest = sha256_hex(canonicalize(signed_by_version[document.version]))
    check_not_expired(document.expires, at, f"authorizations v{document.version}")
    if last_seen is not None and document.version < last_seen:
        raise TrustError(*spec_text("authorization.rollback", version=document.version, seen=last_seen))
    return document, label, digest


@record
class ChosenStatus:
    """The status list used, whether it is fresh at the time asked about, and where it came from."""

    status: StatusList
    fresh: bool
    label: Label
    stale_zh: str = ""
    stale_en: str = ""


def _status(envelope: Mapping[str, Any], label: Label, root: Root, at: datetime) -> tuple[StatusList, StaleStatusError | None]:
    try:
        return verify_status_list(envelope, root, at), None
    except StaleStatusError as stale:
        return parse_status_list(envelope["signed"]), stale
    except SigningError as error:
        raise TrustError(f"{label[0]}：{error.zh}", f"{label[1]}: {error.en}") from None


def choose_status(bundle_copy: Mapping[str, Any] | None, kept: Document | None, override: Document | None,
                  root: Root, at: datetime, last_seen: int | None) -> ChosenStatus | None:
    """The newest status list that verifies under ``root``'s status role for its registry:
    the bundle's, the ``--trust`` folder's or ``--status FILE``'s. ``--status`` must not be
    older than the others (a rollback); none may be below ``last_seen``. None: no list at all."""
    found: list[tuple[StatusList, StaleStatusError | None, Label]] = []
    sources = [(BUNDLE_LABEL, bundle_copy)] if bundle_copy is not None else []
    sources += [((d.label, d.label), _content(d)) for d in (kept, override) if d is not None]
    signed_by_version: dict[int, Any] = {}
    for label, envelope in sources:
        found.append((*_status(envelope, label, root, at), label))
        if signed_by_version.setdefault(found[-1][0].version, envelope["signed"]) != envelope["signed"]:
            raise TrustError(*spec_text("status-list.two-lists-claim-the-version", version=found[-1][0].version))
    if not found:
        return None
    if override is not None:
        given = found[-1]
        older = [item for item in found[:-1] if item[0].version > given[0].version]
        if older:
            raise TrustError(*spec_text("status-list.given-list-is-older", given_zh=given[2][0], given_en=given[2][1],
                                        version=given[0].version, newer=older[0][0].version, source_zh=older[0][2][0],
                                        source_en=older[0][2][1]))
    status, stale, label = max(reversed(found), key=lambda item: item[0].version)
    if last_seen is not None and status.version < last_seen:
        raise TrustError(*spec_text("status-list.rollback", version=status.version, seen=last_seen))
    if stale is None:
        return ChosenStatus(status, True, label)
    return ChosenStatus(status, False, label, stale.zh, stale.en)


@record
class Held:
    """The trust documents a verification ended up using, as a status list's snapshot names them."""

    root_version: int
    root_sha256: str
    authorizations_version: int | None = None
    authorizations_sha256: str | None = None
    checkpoint_size: int | None = None
    checkpoint_root_hash: str | None = None


def snapshot_problems(status: StatusList, held: Held, status_label: Label) -> list[tuple[str, str, str]]:
    """(message id, zh, en) for each document older than, or different from, what ``status`` names.

    Mix-and-match (TUF snapshot): a bundle may not pair a newer signed status list with an older
    root or authorization document (one without a later ``compromisedSince`` mark, say). A
    receipt's checkpoint of the named size must have the named tree head; a smaller one still proves
    inclusion in the append-only log and is accepted; a larger one was signed after the list."""
    snap = status.snapshot
    where_zh, where_en = spec_text("status.snapshot-where", version=status.version, source_zh=status_label[0],
                                   source_en=status_label[1])
    problems: list[tuple[str, str, str]] = []
    pairs = [("root", "root", held.root_version, held.root_sha256, snap.root_version, snap.root_sha256),
             ("authorizations", spec_text("label.authorizations")[0], held.authorizations_version, held.authorizations_sha256,
              snap.authorizations_version, snap.authorizations_sha256)]
    for name, name_zh, version, digest, named, named_digest in pairs:
        if version is None:
            continue
        if version < named:
            problems.append((f"status.snapshot-{name}-older", *spec_text(
                "status.snapshot-older", name=name, name_zh=name_zh, version=version, named=named, where_zh=where_zh,
                where_en=where_en)))
        elif version == named and digest != named_digest:
            problems.append((f"status.snapshot-{name}-differs", *spec_text(
                "status.snapshot-differs", name=name, name_zh=name_zh, version=version, where_zh=where_zh,
                where_en=where_en)))
    if held.checkpoint_size is not None and held.checkpoint_size == snap.checkpoint_size \
            and held.checkpoint_root_hash != snap.checkpoint_root_hash:
        problems.append(("status.snapshot-checkpoint-differs", *spec_text(
            "status.snapshot-checkpoint-differs", size=held.checkpoint_size, where_zh=where_zh, where_en=where_en)))
    return problems


def registry_version_problem(status: StatusList, registry_dir: str | os.PathLike[str]) -> tuple[str, str] | None:
    """The status list's ``registryVersion`` (the registry commit it was signed at) must be in the
    history of the registry checkout being verified against; None when it is (or when the
    checkout is not a git repository, or the list is ``unversioned``: nothing to compare)."""
    import re
    import subprocess  # only with a registry checkout

    version = status.registry_version
    base = Path(registry_dir)
    if version == "unversioned":
        return None
    if not re.fullmatch(r"[0-9a-f]{7,64}", version):
        return spec_text("status-list.registry-version-is-not-a-commit", version=repr(version))
    if not (base / ".git").exists() and not _inside_git(base):
        return None
    try:
        done = subprocess.run(["git", "-C", str(base), "merge-base", "--is-ancestor", version, "HEAD"],
                              capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode == 0:
        return None
    if done.returncode != 1 and _shallow(base):
        return None  # a shallow clone may lack the commit: nothing to compare against
    return spec_text("status-list.signed-for-another-registry-version", version=version, base=base)


def _shallow(base: Path) -> bool:
    import subprocess

    try:
        done = subprocess.run(["git", "-C", str(base), "rev-parse", "--is-shallow-repository"],
                              capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return True
    return done.stdout.strip() != "false"


def _inside_git(base: Path) -> bool:
    return any((parent / ".git").exists() for parent in base.resolve().parents)


def check_evidence(registry_dir: str | os.PathLike[str], evidence: Sequence[Mapping[str, str]]) -> tuple[list[tuple[str, str]], int]:
    """Compare each signed ``evidence`` digest with the file in the registry checkout.

    Returns the problems (bilingual, each naming the path) and the number of files that match."""
    import hashlib  # only with --registry

    base = Path(registry_dir)
    if not base.is_dir():
        return [spec_text("evidence.registry-is-not-a-folder", base=base)], 0
    resolved_base = base.resolve()
    problems: list[tuple[str, str]] = []
    matched = 0
    for item in evidence:
        relative = item["path"]
        target = base / relative
        try:
            resolved = target.resolve()
            if resolved != resolved_base and resolved_base not in resolved.parents:
                problems.append(spec_text("evidence.points-outside-the-registry", path=relative))
                continue
            digest = hashlib.sha256()
            with open(resolved, "rb") as handle:
                while chunk := handle.read(CHUNK):
                    digest.update(chunk)
        except FileNotFoundError:
            problems.append(spec_text("evidence.file-missing-from-the-registry", path=relative))
            continue
        except OSError as error:
            problems.append(spec_text("evidence.cannot-be-read", path=relative, error=error.strerror))
            continue
        if digest.hexdigest() != item["sha256"]:
            problems.append(spec_text("evidence.sha256-differs", path=relative))
        else:
            matched += 1
    return problems, matched
