

def test_memoized_tree_matches_the_reference_functions():
    """merkle.Tree (used for many receipts from one log) gives exactly the reference root and paths."""
    import hashlib

    from signing import merkle

    for n in range(1, 40):
        leaves = [merkle.leaf_hash(hashlib.sha256(bytes([n, i])).digest()) for i in range(n)]
        tree = merkle.Tree(leaves)
        assert tree.root() == merkle.root_hash(leaves)
        for i in range(n):
            assert tree.inclusion_proof(i) == merkle.inclusion_proof(i, leaves)
