"""RFC 6962 Merkle trees against the reference vectors, and RFC 9162 verification against corruption.

Vectors: transparency-dev/merkle (Google's reference, successor of google/certificate-transparency's
merkle_tree_test): ``testonly/constants.go`` (LeafInputs, RootHashes, NodeHashes) and
``proof/verify_test.go`` (inclusionProofs with 1-based leaf numbers, consistencyProofs).
"""

from __future__ import annotations

import hashlib

import pytest

from signing import merkle

LEAVES = [bytes.fromhex(h) for h in (
    "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")]
ROOTS = [bytes.fromhex(h) for h in (
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
)]
H = {  # node hashes of verify_test.go, by their first bytes
    "96a2": "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
    "5f08": "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
    "6b47": "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    "bc1a": "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    "ca85": "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
    "d37e": "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "fac5": "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "6e34": "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "0ebc": "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
    "b086": "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
}
INCLUSION = [(1, 8, ["96a2", "5f08", "6b47"]), (6, 8, ["bc1a", "ca85", "d37e"]), (3, 3, ["fac5"]), (2, 5, ["6e34", "5f08", "bc1a"])]
CONSISTENCY = [(1, 8, ["96a2", "5f08", "6b47"]), (6, 8, ["0ebc", "ca85", "d37e"]), (2, 5, ["5f08", "bc1a"]), (6, 7, ["0ebc", "b086", "d37e"])]
HASHES = [merkle.leaf_hash(leaf) for leaf in LEAVES]


def _proof(names):
    return [bytes.fromhex(H[n]) for n in names]


def test_hashing_prefixes():
    assert merkle.leaf_hash(b"") == hashlib.sha256(b"\x00").digest()
    assert merkle.node_hash(b"a", b"b") == hashlib.sha256(b"\x01ab").digest()


@pytest.mark.parametrize("size", range(0, 9))
def test_root_hashes_of_the_reference(size):
    assert merkle.root_hash(HASHES[:size]) == ROOTS[size]


@pytest.mark.parametrize("number, size, names", INCLUSION)
def test_reference_inclusion_proofs_generated_and_verified(number, size, names):
    proof = _proof(names)
    assert merkle.inclusion_proof(number - 1, HASHES[:size]) == proof
    assert merkle.verify_inclusion(number - 1, size, HASHES[number - 1], proof, ROOTS[size])


@pytest.mark.parametrize("first, second, names", CONSISTENCY)
def test_reference_consistency_proofs_generated_and_verified(first, second, names):
    proof = _proof(names)
    assert merkle.consistency_proof(first, HASHES[:second]) == proof
    assert merkle.verify_consistency(first, second, ROOTS[first], ROOTS[second], proof)


def _corrupt_inclusion(index, size, leaf, proof, root):
    """The probes of verify_test.go's corruptInclusionProof."""
    probes = [(index - 1, size, leaf, proof, root), (index + 1, size, leaf, proof, root), (index ^ 2, size, leaf, proof, root),
              (index, size * 2, leaf, proof, root), (index, size // 2, leaf, proof, root),
              (index, size, merkle.leaf_hash(b"WrongLeaf"), proof, root), (index, size, leaf, proof, ROOTS[0]),
              (index, size, leaf, proof + [b""], root), (index, size, leaf, proof + [root], root),
              (index, size, leaf, [b""] + proof, root), (index, size, leaf, [root] + proof, root)]
    for i in range(len(proof)):
        flipped = list(proof)
        flipped[i] = bytes([flipped[i][0] ^ 8]) + flipped[i][1:]
        probes.append((index, size, leaf, flipped, root))
    if proof:
        probes.append((index, size, leaf, proof[:-1], root))
    if len(proof) > 1:
        probes.append((index, size, leaf, [proof[0], ROOTS[0]] + proof[1:], root))
    return probes


@pytest.mark.parametrize("number, size, names", INCLUSION)
def test_corrupted_inclusion_proofs_fail(number, size, names):
    for probe in _corrupt_inclusion(number - 1, size, HASHES[number - 1], _proof(names), ROOTS[size]):
        assert not merkle.verify_inclusion(*probe), probe


@pytest.mark.parametrize("first, second, names", CONSISTENCY)
def test_corrupted_consistency_proofs_fail(first, second, names):
    proof, r1, r2 = _proof(names), ROOTS[first], ROOTS[second]
    probes = [(first - 1, second, r1, r2, proof), (first + 1, second, r1, r2, proof), (first ^ 2, second, r1, r2, proof),
              (first, second * 2, r1, r2, proof), (first, second // 2, r1, r2, proof),
              (first, second, b"WrongRoot", r2, proof), (first, second, r1, b"WrongRoot", proof), (first, second, r2, r1, proof),
              (first, second, r1, r2, []), (first, second, r1, r2, proof + [b""]), (first, second, r1, r2, proof + [r1]),
              (first, second, r1, r2, [r2] + proof), (first, second, r1, r2, [proof[0]] + proof), (first, second, r1, r2, proof[:-1])]
    for i in range(len(proof)):
        flipped = list(proof)
        flipped[i] = bytes([flipped[i][0] ^ 16]) + flipped[i][1:]
        probes.append((first, second, r1, r2, flipped))
    for probe in probes:
        assert not merkle.verify_consistency(*probe), probe


def test_consistency_edge_cases_of_the_reference():
    some, other = ROOTS[1], ROOTS[2]
    assert merkle.verify_consistency(0, 0, some, some, [])
    assert merkle.verify_consistency(0, 1, some, other, [])
    assert not merkle.verify_consistency(1, 1, some, other, [])
    assert not merkle.verify_consistency(2, 1, some, other, [])
    assert not merkle.verify_consistency(1, 2, some, other, [])
    assert not merkle.verify_consistency(1, 1, ROOTS[0], ROOTS[0], [ROOTS[0]])


def test_single_leaf_and_bad_sizes():
    leaf = merkle.leaf_hash(b"data")
    assert merkle.verify_inclusion(0, 1, leaf, [], leaf)
    assert not merkle.verify_inclusion(0, 1, leaf, [], b"")
    assert not merkle.verify_inclusion(0, 0, leaf, [], leaf)
    assert not merkle.verify_inclusion(1, 1, leaf, [], leaf)
    with pytest.raises(ValueError):
        merkle.inclusion_proof(3, HASHES[:3])
    with pytest.raises(ValueError):
        merkle.consistency_proof(0, HASHES[:3])


def test_every_proof_of_trees_up_to_33_leaves_verifies():
    hashes = [merkle.leaf_hash(bytes([i])) for i in range(33)]
    for size in range(1, 34):
        root = merkle.root_hash(hashes[:size])
        for index in range(size):
            assert merkle.verify_inclusion(index, size, hashes[index], merkle.inclusion_proof(index, hashes[:size]), root)
        for old in range(1, size + 1):
            proof = merkle.consistency_proof(old, hashes[:size])
            assert merkle.verify_consistency(old, size, merkle.root_hash(hashes[:old]), root, proof)
