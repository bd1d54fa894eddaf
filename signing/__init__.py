"""Keys, did:key, eddsa-jcs-2022 proofs, trust metadata and offline certificate verification."""
