"""The append-only publication log: leaves, signed checkpoints and publication receipts.

When a certificate or declaration is published (merged and built), the platform appends a
leaf to an RFC 6962 Merkle tree (``merkle.py``). A leaf is the JCS bytes of
``{"digest": <SHA-256 hex of the JCS of the signed credential>, "published": <time>, "id":
<credential id>}``. After each build the platform signs a **checkpoint** ``{"_type":
"checkpoint", "registry", "size", "rootHash", "issued"}`` with the root's ``log`` role (or
``status`` when the root has no ``log`` role), in the TUF envelope of ``trust.py``.

The **publication receipt** shipped beside a certificate is ``{"leaf", "index", "treeSize",
"auditPath", "checkpoint"}``: the leaf, its audit path (hex) and the signed checkpoint of a
tree that contains it. A verified receipt turns the leaf's ``published`` into a trusted time:
the platform, not the signer, vouched for it. Receipts are rebuilt at every site build against
the newest checkpoint, so they verify under the current root's log keys.
"""

from __future__ import annotations

import functools
import re
from datetime import datetime
from typing import Any, Iterable, Mapping

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from . import merkle
from .credential import credential_digest
from .errors import LogError
from .jcs import canonicalize
from .records import record
from .timefmt import format_timestamp, parse_timestamp
from .trust import Root, sign_metadata, verify_threshold
from .verifier_spec import text as spec_text

_HEX32 = re.compile(r"[0-9a-f]{64}")
LEAF_FIELDS = ("digest", "published", "id")
RECEIPT_FIELDS = ("leaf", "index", "treeSize", "auditPath", "checkpoint")


def _fail(zh: str, en: str) -> LogError:
    return LogError(zh, en)


def _integer(value: Any, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _fail(*spec_text("log.must-be-a-non-negative-integer", name=name))
    return value


def _hex(value: Any, name: str) -> bytes:
    if not isinstance(value, str) or not _HEX32.fullmatch(value):
        raise _fail(*spec_text("log.must-be-64-lower-case-hex-digits", name=name))
    return bytes.fromhex(value)


def make_leaf(signed_credential: Mapping[str, Any], published: str) -> dict[str, str]:
    """The log leaf of a signed credential published at ``published``."""
    parse_timestamp(published)
    return {"digest": credential_digest(signed_credential), "published": published, "id": signed_credential["id"]}


def check_leaf(leaf: Any) -> datetime:
    """Check a leaf's shape; return its publication time."""
    if not isinstance(leaf, dict) or set(leaf) != set(LEAF_FIELDS):
        raise _fail(*spec_text("log.log-leaf-must-have-exactly-digest-published"))
    _hex(leaf["digest"], "digest")
    if not isinstance(leaf["id"], str):
        raise _fail(*spec_text("log.log-leaf-id-must-be-a-string"))
    return parse_timestamp(leaf["published"])


@record
class PublicationLog:
    """The log's leaves in order; appending returns a new log (nothing is ever removed)."""

    leaves: tuple[Mapping[str, str], ...] = ()

    @property
    def size(self) -> int:
        return len(self.leaves)

    def leaf_hashes(self, size: int | None = None) -> list[bytes]:
        chosen = self.leaves if size is None else self.leaves[:size]
        return [merkle.leaf_hash(canonicalize(dict(leaf))) for leaf in chosen]

    def root_hash(self, size: int | None = None) -> bytes:
        return merkle.root_hash(self.leaf_hashes(size))

    def append(self, leaf: Mapping[str, str]) -> PublicationLog:
        return self.extend([leaf])

    def extend(self, leaves: Iterable[Mapping[str, str]]) -> PublicationLog:
        """The log with ``leaves`` appended in order, each refused as :meth:`append` would refuse it;
        one new log for all of them (appending one at a time indexes the whole log again per leaf)."""
        added: list[dict[str, str]] = []
        ids: set[str] = set()
        last = parse_timestamp(self.leaves[-1]["published"]) if self.leaves else None
        for leaf in leaves:
            published = check_leaf(dict(leaf))
            if leaf["id"] in self._index or leaf["id"] in ids:
                raise _fail(f"{leaf['id']} 已经发布过", f"{leaf['id']} has already been published")
            if last is not None and published < last:
                raise _fail("发布时间不能早于上一条", "publication time may not precede the previous leaf's")
            added.append(dict(leaf))
            ids.add(leaf["id"])
            last = published
        return PublicationLog(self.leaves + tuple(added))

    @functools.cached_property
    def _index(self) -> dict[str, int]:
        index: dict[str, int] = {}
        for position, leaf in enumerate(self.leaves):
            index.setdefault(leaf["id"], position)
        return index

    @functools.cached_property
    def _trees(self) -> dict[int, merkle.Tree]:
        return {}

    def tree(self, size: int) -> merkle.Tree:
        """The first ``size`` leaves as a tree with memoized subtree hashes (made once per size)."""
        if size not in self._trees:
            self._trees[size] = merkle.Tree(self.leaf_hashes(size))
        return self._trees[size]

    def index_of(self, credential_id: str) -> int:
        if credential_id in self._index:
            return self._index[credential_id]
        raise _fail(f"日志中没有 {credential_id}", f"{credential_id} is not in the log")

    def consistency_proof(self, old_size: int) -> list[bytes]:
        return merkle.consistency_proof(old_size, self.leaf_hashes())


@record
class Checkpoint:
    """A verified checkpoint: the log had ``size`` leaves with ``root_hash`` at ``issued``."""

    registry: str | None
    size: int
    root_hash: bytes
    issued: datetime


def sign_checkpoint(
    log: PublicationLog, issued: str, private_keys: Iterable[Ed25519PrivateKey], *, registry: str | None = None
) -> dict[str, Any]:
    """A checkpoint of the whole log, signed with the log role's keys."""
    signed: dict[str, Any] = {"_type": "checkpoint", "size": log.size, "rootHash": log.root_hash().hex(),
                              "issued": format_timestamp(parse_timestamp(issued))}
    if registry is not None:
        signed["registry"] = registry
    return sign_metadata(signed, private_keys)


def verify_checkpoint(envelope: Any, root: Root) -> Checkpoint:
    """Check a checkpoint's shape, its signatures by the root's log role and its registry."""
    signed = envelope.get("signed") if isinstance(envelope, Mapping) else None
    if not isinstance(signed, Mapping) or signed.get("_type") != "checkpoint":
        raise _fail(*spec_text("log.not-a-log-checkpoint"))
    if not set(signed) <= {"_type", "registry", "size", "rootHash", "issued"}:
        raise _fail(*spec_text("log.checkpoint-has-unknown-fields"))
    checkpoint = Checkpoint(
        registry=signed.get("registry"),
        size=_integer(signed.get("size"), "size"),
        root_hash=_hex(signed.get("rootHash"), "rootHash"),
        issued=parse_timestamp(signed.get("issued")),
    )
    verify_threshold(envelope, *root.role_keys(root.log_role), f"checkpoint ({root.log_role})")
    if root.registry is not None and checkpoint.registry != root.registry:
        raise _fail(*spec_text("log.checkpoint-belongs-to-another-registry", registry=checkpoint.registry))
    return checkpoint


def make_receipt(log: PublicationLog, credential_id: str, checkpoint: Mapping[str, Any]) -> dict[str, Any]:
    """The publication receipt of ``credential_id`` against a signed checkpoint of ``log``."""
    size = checkpoint["signed"]["size"]
    index = log.index_of(credential_id)
    tree = log.tree(size) if 0 < size <= log.size else None
    if tree is None or not index < size or tree.root().hex() != checkpoint["signed"]["rootHash"]:
        raise _fail("检查点与日志不符或不包含该条目", "checkpoint does not match the log or does not cover the entry")
    path = tree.inclusion_proof(index)
    return {"leaf": dict(log.leaves[index]), "index": index, "treeSize": size,
            "auditPath": [node.hex() for node in path], "checkpoint": checkpoint}


@record
class Publication:
    """A verified receipt: the credential was logged at ``published`` (a trusted time)."""

    published: datetime
    index: int
    tree_size: int
    checkpoint: Checkpoint


def verify_receipt(receipt: Any, signed_credential: Mapping[str, Any], root: Root) -> Publication:
    """Verify a receipt for ``signed_credential``: leaf binding, checkpoint, inclusion proof, times.

    Raises :class:`LogError` (or another ``SigningError``) with a bilingual reason.
    """
    if not isinstance(receipt, dict) or set(receipt) != set(RECEIPT_FIELDS):
        raise _fail(*spec_text("log.receipt-must-have-exactly", fields_zh="、".join(RECEIPT_FIELDS),
                               fields_en=", ".join(RECEIPT_FIELDS)))
    leaf = receipt["leaf"]
    published = check_leaf(leaf)
    if leaf["id"] != signed_credential.get("id"):
        raise _fail(*spec_text("log.receipt-belongs-to-another-credential-different-id"))
    if leaf["digest"] != credential_digest(signed_credential):
        raise _fail(*spec_text("log.credential-was-changed-after-it-was-logged"))
    index, size = _integer(receipt["index"], "index"), _integer(receipt["treeSize"], "treeSize")
    if not isinstance(receipt["auditPath"], list):
        raise _fail(*spec_text("log.auditpath-must-be-an-array"))
    path = [_hex(node, "auditPath") for node in receipt["auditPath"]]
    checkpoint = verify_checkpoint(receipt["checkpoint"], root)
    if checkpoint.size != size:
        raise _fail(*spec_text("log.receipt-tree-size-differs-from-the-checkpoint"))
    if not merkle.verify_inclusion(index, size, merkle.leaf_hash(canonicalize(leaf)), path, checkpoint.root_hash):
        raise _fail(*spec_text("log.inclusion-proof-does-not-match-the-signed"))
    if published > checkpoint.issued:
        raise _fail(*spec_text("log.publication-time-is-later-than-the-checkpoint"))
    return Publication(published, index, size, checkpoint)

