"""Merkle hash trees of RFC 6962 section 2.1, with RFC 9162's proof verification algorithms.

Leaf hash ``SHA-256(0x00 || leaf)``, node hash ``SHA-256(0x01 || left || right)``, the tree
head ``MTH`` for any number of leaves (split at the largest power of two smaller than n),
audit paths ``PATH(m, D[n])`` (RFC 6962 2.1.1) and consistency proofs ``PROOF(m, D[n])``
(2.1.2). Verification follows RFC 9162 section 2.1.3.2 (inclusion) and 2.1.4.2
(consistency) step by step; it never raises, it answers True or False.
"""

from __future__ import annotations

from typing import Sequence

from .sha256 import sha256

HASH_SIZE = 32


def leaf_hash(leaf: bytes) -> bytes:
    """``SHA-256(0x00 || leaf)``."""
    return sha256(b"\x00" + leaf)


def node_hash(left: bytes, right: bytes) -> bytes:
    """``SHA-256(0x01 || left || right)``."""
    return sha256(b"\x01" + left + right)


def _split(n: int) -> int:
    """The largest power of two smaller than ``n`` (n > 1)."""
    return 1 << ((n - 1).bit_length() - 1)


def _mth(hashes: Sequence[bytes]) -> bytes:
    n = len(hashes)
    if n == 1:
        return hashes[0]
    k = _split(n)
    return node_hash(_mth(hashes[:k]), _mth(hashes[k:]))


def root_hash(leaf_hashes: Sequence[bytes]) -> bytes:
    """``MTH(D[n])`` from the leaf hashes; the empty tree's is ``SHA-256()``."""
    if not leaf_hashes:
        return sha256(b"")
    return _mth(leaf_hashes)


def _path(m: int, hashes: Sequence[bytes]) -> list[bytes]:
    n = len(hashes)
    if n == 1:
        return []
    k = _split(n)
    if m < k:
        return _path(m, hashes[:k]) + [_mth(hashes[k:])]
    return _path(m - k, hashes[k:]) + [_mth(hashes[:k])]


def inclusion_proof(index: int, leaf_hashes: Sequence[bytes]) -> list[bytes]:
    """The audit path ``PATH(m, D[n])`` of the leaf at ``index`` (0-based)."""
    if not 0 <= index < len(leaf_hashes):
        raise ValueError(f"leaf index {index} is outside a tree of {len(leaf_hashes)}")
    return _path(index, leaf_hashes)


def _subproof(m: int, hashes: Sequence[bytes], complete: bool) -> list[bytes]:
    n = len(hashes)
    if m == n:
        return [] if complete else [_mth(hashes)]
    k = _split(n)
    if m <= k:
        return _subproof(m, hashes[:k], complete) + [_mth(hashes[k:])]
    return _subproof(m - k, hashes[k:], False) + [_mth(hashes[:k])]


def consistency_proof(old_size: int, leaf_hashes: Sequence[bytes]) -> list[bytes]:
    """``PROOF(m, D[n])``: shows the first ``old_size`` leaves are a prefix of the tree."""
    if not 0 < old_size <= len(leaf_hashes):
        raise ValueError(f"old size {old_size} is not within 1..{len(leaf_hashes)}")
    if old_size == len(leaf_hashes):
        return []
    return _subproof(old_size, leaf_hashes, True)


def verify_inclusion(
    index: int, tree_size: int, leaf: bytes, proof: Sequence[bytes], root: bytes
) -> bool:
    """RFC 9162 2.1.3.2: does ``proof`` show leaf hash ``leaf`` at ``index`` in tree ``root``?"""
    if not 0 <= index < tree_size or len(root) != HASH_SIZE or len(leaf) != HASH_SIZE:
        return False
    if any(len(p) != HASH_SIZE for p in proof):
        return False
    fn, sn = index, tree_size - 1
    r = leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(
    first: int, second: int, first_root: bytes, second_root: bytes, proof: Sequence[bytes]
) -> bool:
    """RFC 9162 2.1.4.2: is the tree (``second``, ``second_root``) an extension of (``first``, ``first_root``)?

    Equal sizes need an empty proof and equal roots; an empty old tree is consistent with any.
    """
    if first < 0 or second < first or any(len(p) != HASH_SIZE for p in proof):
        return False
    if first == second:
        return not proof and first_root == second_root
    if first == 0:
        return not proof
    if not proof:
        return False
    path = list(proof)
    if first & (first - 1) == 0:  # a power of two: the old root is the first subtree
        path.insert(0, first_root)
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == first_root and sr == second_root and sn == 0


class Tree:
    """A fixed tree with memoized subtree hashes: each proof costs O(log n) after the first.

    Same results as :func:`root_hash` and :func:`inclusion_proof` (tested against them); used when
    many receipts are made from one log (a site build makes one per published credential)."""

    def __init__(self, leaf_hashes: Sequence[bytes]):
        self._leaves = list(leaf_hashes)
        self._memo: dict[tuple[int, int], bytes] = {}

    def _mth(self, lo: int, hi: int) -> bytes:
        if hi - lo == 1:
            return self._leaves[lo]
        key = (lo, hi)
        value = self._memo.get(key)
        if value is None:
            k = _split(hi - lo)
            value = node_hash(self._mth(lo, lo + k), self._mth(lo + k, hi))
            self._memo[key] = value
        return value

    def root(self) -> bytes:
        return self._mth(0, len(self._leaves)) if self._leaves else sha256(b"")

    def inclusion_proof(self, index: int) -> list[bytes]:
        if not 0 <= index < len(self._leaves):
            raise ValueError(f"leaf index {index} is outside a tree of {len(self._leaves)}")
        proof: list[bytes] = []
        lo, hi, m = 0, len(self._leaves), index
        while hi - lo > 1:  # PATH(m, D[lo:hi]), iteratively; siblings collected root-down, returned leaf-up
            k = _split(hi - lo)
            if m < k:
                proof.append(self._mth(lo + k, hi))
                hi = lo + k
            else:
                proof.append(self._mth(lo, lo + k))
                lo, m = lo + k, m - k
        return proof[::-1]
