"""Issue 11: `carbonreg trust authorize` (and every path by which a key enters a trust document)
refuses a key the verifier would refuse, with a clear bilingual error, and writes nothing.
Real CLI, real demo keys, a copy of the sample registry."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import base58
import pytest

REPO = Path(__file__).resolve().parents[2]
DEMO = {"CARBONREG_PASSPHRASE": "carbonreg-demo-only"}  # the demo keys' public passphrase


def _multikey(raw: bytes, header: bytes = b"\xed\x01") -> str:
    return "z" + base58.b58encode(header + raw).decode("ascii")


BAD_KEYS = {
    "identity-point-small-order": (_multikey(b"\x01" + bytes(31)), "small-order"),
    "order-2-point": (_multikey(bytes.fromhex("ec" + "ff" * 30 + "7f")), "small-order"),
    "not-a-key-script": ("not-a-key<script>", "multibase"),
    "x25519-header": (_multikey(bytes(range(32)), b"\xec\x01"), "ed01"),
    "31-bytes": (_multikey(bytes(range(1, 32))), "32 bytes"),
    "not-a-curve-point": (_multikey(bytes.fromhex("02" + "00" * 31)), ""),
}


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    copy = tmp_path_factory.mktemp("reg") / "registry"
    shutil.copytree(REPO / "registry", copy)
    return copy


def _authorize(registry: Path, public: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **DEMO}
    return subprocess.run([sys.executable, "-m", "generator.cli", "trust", "authorize", "hupu-carbon-services",
                           "--registry", str(registry), "--public-key", public,
                           "--authorizations-key", str(REPO / "demo-keys" / "authorizations.pem"),
                           "--today", "2026-12-01", "--expires", "2027-11-01T00:00:00Z"],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=120)


@pytest.mark.parametrize("name", sorted(BAD_KEYS))
def test_trust_authorize_refuses_a_key_the_verifier_would_refuse(name, registry):
    public, fragment = BAD_KEYS[name]
    before = (registry / "trust" / "authorizations.json").read_bytes()
    done = _authorize(registry, public)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and "--public-key is not a usable Ed25519 public key" in done.stderr
    assert "不是可用的 Ed25519 公钥" in done.stderr and fragment in done.stderr
    assert (registry / "trust" / "authorizations.json").read_bytes() == before


def test_trust_authorize_signs_a_good_key(registry):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from signing.issue import multikey_of

    done = _authorize(registry, multikey_of(Ed25519PrivateKey.generate()))
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_trust_document_is_signed_with_a_key_the_verifier_refuses(tmp_path):
    """The library guard behind every path (authorize, suspend, init): the document is parsed as
    the verifier parses it before it is signed."""
    from generator.publishing.ops import OperationError, _refuse_unverifiable

    signed = {"_type": "authorizations", "version": 2, "expires": "2027-01-01T00:00:00Z", "agencies": [
        {"id": "a", "names": {"zh": "甲", "en": "A"}, "accreditation": {"from": "2025-01-01T00:00:00Z", "until": "2027-01-01T00:00:00Z"},
         "status": {"state": "active", "since": "2025-01-01T00:00:00Z"},
         "keys": [{"publicKeyMultibase": BAD_KEYS["identity-point-small-order"][0],
                   "validFrom": "2025-01-01T00:00:00Z", "validUntil": "2027-01-01T00:00:00Z"}]}]}
    with pytest.raises(OperationError, match="would not verify"):
        _refuse_unverifiable("authorizations", signed)
