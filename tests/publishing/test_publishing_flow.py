"""The whole certificate life cycle with real keys, files and processes: a fresh platform, an agency
key, certify, publish, status list, site bundle, `verify` with no network, revocation and staleness.
Every command is given the date it judges the registry as of (``--today``), so the flow does not
depend on the day the tests run (the fixture's authorization ends on 2027-11-01)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

SAMPLE = pristine_sample()
EVENT = "events/2026/2026-pujiang-low-carbon-forum"  # basic scope covered, full scope not
EXPO = "events/2025/2025-yrd-green-building-expo"
PASS = {"CARBONREG_PASSPHRASE": "a test passphrase"}
TODAY = "2026-11-24"


def carbonreg(*args, cwd=None, check=True) -> subprocess.CompletedProcess:
    env = {**os.environ, **PASS, "SOURCE_DATE_EPOCH": "1764000000"}
    proc = subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True, env=env, cwd=cwd)
    if check:
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def verify(bundle: Path, *args) -> subprocess.CompletedProcess:
    """The public's verifier, in a network namespace with no network at all when the machine allows it."""
    cmd = [sys.executable, "-m", "signing.cli", str(bundle), *args]
    if shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0:
        cmd = ["unshare", "-n", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True)


@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    """A copy of the sample registry with its platform replaced by a fresh one made through the CLI."""
    base = tmp_path_factory.mktemp("platform")
    registry = base / "registry"
    shutil.copytree(SAMPLE, registry)
    shutil.rmtree(registry / "trust")
    for signed in list(registry.rglob("certificate.json")) + list(registry.rglob("declaration.json")):
        signed.unlink()
    keys = base / "keys"
    keys.mkdir()
    for name in ("r1", "r2", "r3", "auth", "status", "log", "platform", "agency"):
        carbonreg("keys", "generate", str(keys / f"{name}.pem"))
    def k(name):
        return str(keys / f"{name}.pem")
    carbonreg("trust", "init", "--registry", str(registry), "--root-key", k("r1"), "--root-key", k("r2"),
              "--root-key", k("r3"), "--threshold", "2", "--authorizations-key", k("auth"), "--status-key", k("status"),
              "--log-key", k("log"), "--platform-key", k("platform"), "--at", "2025-07-09T00:00:00Z",
              "--expires", "2030-01-01T00:00:00Z")
    carbonreg("trust", "authorize", "--today", TODAY, "hupu-carbon-services", "--registry", str(registry), "--agency-key", k("agency"),
              "--authorizations-key", k("auth"), "--expires", "2027-11-01T00:00:00Z")
    return registry, keys


def test_private_keys_are_encrypted_and_never_in_the_registry(platform):
    registry, keys = platform
    for pem in keys.glob("*.pem"):
        assert pem.read_text().startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
        assert oct(pem.stat().st_mode & 0o777) == "0o600"
    assert not list(registry.rglob("*.pem"))
    proc = carbonreg("keys", "generate", str(keys / "agency.pem"), check=False)
    assert proc.returncode == 1 and "refusing to overwrite" in proc.stderr


def test_certify_refuses_a_scope_the_retirements_do_not_cover(platform):
    registry, keys = platform
    proc = carbonreg("certify", "--today", TODAY, str(registry / EVENT), "--registry", str(registry), "--agency", "hupu-carbon-services",
                     "--key", str(keys / "agency.pem"), "--number", "CN-T-0001", "--scope", "full",
                     "--at", "2026-06-01T00:00:00Z", check=False)
    assert proc.returncode == 1 and "needs" in proc.stderr
    assert not (registry / EVENT / "certificate.json").exists()


def test_a_certificate_goes_from_agency_to_the_public(platform, tmp_path):
    registry, keys = platform
    def k(name):
        return str(keys / f"{name}.pem")
    carbonreg("certify", "--today", TODAY, str(registry / EXPO), "--registry", str(registry), "--agency", "hupu-carbon-services",
              "--key", k("agency"), "--number", "CN-T-0002", "--scope", "full", "--at", "2026-04-10T09:00:00Z")
    again = carbonreg("certify", "--today", TODAY, str(registry / EXPO), "--registry", str(registry), "--agency", "hupu-carbon-services",
                      "--key", k("agency"), "--number", "CN-T-0003", "--scope", "full", "--at", "2026-04-10T10:00:00Z", check=False)
    assert again.returncode == 1 and "refusing to overwrite" in again.stderr
    carbonreg("publish", "--today", TODAY, "--registry", str(registry), "--log-key", k("log"), "--platform-key", k("platform"),
              "--at", "2026-04-11T00:00:00Z")
    carbonreg("status", "sign", "--today", TODAY, "--registry", str(registry), "--key", k("status"), "--days", "10",
              "--at", "2026-11-20T00:00:00Z")
    assert carbonreg("check", str(registry), "--today", TODAY).returncode == 0
    site = tmp_path / "site"
    carbonreg("build", "--registry", str(registry), "--out", str(site), "--today", TODAY, "--no-search")
    bundle = site / "events/2025-yrd-green-building-expo/certificate.json"
    root = site / "trust/1.root.json"

    ok = verify(bundle, "--root", str(root), "--at", "2026-11-25T00:00:00Z")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "CN-T-0002" in ok.stdout
    stale = verify(bundle, "--root", str(root), "--at", "2026-12-05T00:00:00Z")
    assert stale.returncode == 2, stale.stdout
    other_root = json.loads((SAMPLE / "trust/1.root.json").read_text())  # the sample platform's, not this one
    wrong = tmp_path / "other-root.json"
    wrong.write_text(json.dumps(other_root))
    assert verify(bundle, "--root", str(wrong), "--at", "2026-11-25T00:00:00Z").returncode == 1
    totals = carbonreg("verify", str(bundle), "--root", str(root), "--registry", str(registry),
                       "--at", "2026-11-25T00:00:00Z", check=False)
    assert totals.returncode == 0 and "totals" in totals.stdout
    root_first = carbonreg("verify", "--root", str(root), str(bundle), "--registry", str(registry),
                           "--at", "2026-11-25T00:00:00Z", check=False)  # issue 18: crashed with KeyError
    assert root_first.returncode == 0 and "✓ totals" in root_first.stdout, root_first.stdout + root_first.stderr

    # Art. 16: revoke, re-sign the status list, rebuild: the certificate now fails with the reason.
    carbonreg("revoke", "--today", TODAY, "--registry", str(registry), "--id", "rev-t-001", "--kind", "certificate",
              "--event", "2025-yrd-green-building-expo", "--target", "CN-T-0002", "--article", "16",
              "--reason-zh", "测试撤销理由", "--reason-en", "test revocation reason", "--decided-on", "2026-11-21")
    carbonreg("status", "sign", "--today", TODAY, "--registry", str(registry), "--key", k("status"), "--days", "10",
              "--at", "2026-11-22T00:00:00Z")
    carbonreg("build", "--registry", str(registry), "--out", str(site), "--today", TODAY, "--no-search")
    revoked = verify(bundle, "--root", str(root), "--at", "2026-11-25T00:00:00Z")
    assert revoked.returncode == 1 and "test revocation reason" in revoked.stdout


def test_evidence_changed_after_certification_is_caught(platform, tmp_path):
    registry, keys = platform
    copy = tmp_path / "registry"
    shutil.copytree(registry, copy)
    assert (copy / EXPO / "certificate.json").exists()
    report = copy / EXPO / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("amount: 210000", "amount: 110000"), encoding="utf-8")
    proc = carbonreg("check", str(copy), "--today", TODAY, check=False)
    assert proc.returncode == 1
    assert "C102" in proc.stdout and "C103" in proc.stdout  # evidence digest and signed totals both differ


def test_a_publication_log_over_one_megabyte_is_read(tmp_path):
    """The log grows ~200 bytes per credential; 10,000 events pass 1 MB (found by the benchmark)."""
    from generator.loading.signed import load_trust

    folder = tmp_path / "trust"
    folder.mkdir()
    leaves = [{"digest": f"{i:064x}", "id": f"urn:carbonreg:declaration:d-{i}", "published": "2026-04-11T00:00:00Z"}
              for i in range(8000)]
    (folder / "log.json").write_text(json.dumps({"leaves": leaves}), encoding="utf-8")
    assert (folder / "log.json").stat().st_size > 1_000_000
    trust, findings = load_trust(folder, "trust")
    assert findings == [] and len(trust.log_leaves) == 8000


def test_a_publication_time_before_the_logs_last_leaf_is_refused_with_the_time_to_use(platform, tmp_path):
    """`publish --at` earlier than the log's last leaf: refused before anything is signed or written,
    naming the last leaf's time (the refusal used to come from the log, after every missing
    declaration.json was signed, and did not say which time would do)."""
    source, keys = platform
    registry = tmp_path / "registry"
    shutil.copytree(source, registry)
    log_args = ["--registry", str(registry), "--log-key", str(keys / "log.pem"), "--platform-key", str(keys / "platform.pem")]
    carbonreg("publish", "--today", TODAY, *log_args, "--at", "2026-10-01T00:00:00Z")
    carbonreg("certify", "--today", TODAY, str(registry / EVENT), "--registry", str(registry), "--agency", "hupu-carbon-services",
              "--key", str(keys / "agency.pem"), "--number", "CN-T-0100", "--scope", "basic", "--at", "2026-10-02T00:00:00Z")
    log_before = (registry / "trust" / "log.json").read_bytes()
    # The last leaf: 2026-10-01 above, or earlier if the other tests of this module published first.
    last = json.loads(log_before)["leaves"][-1]["published"]
    assert "2026-04-01T00:00:00Z" < last <= "2026-10-01T00:00:00Z"
    early = carbonreg("publish", "--today", TODAY, *log_args, "--at", "2026-03-01T00:00:00Z", check=False)
    assert early.returncode == 1, early.stdout + early.stderr
    assert f"precedes the log's last leaf, published {last}" in early.stderr and "早于日志中最后一条" in early.stderr
    assert (registry / "trust" / "log.json").read_bytes() == log_before
