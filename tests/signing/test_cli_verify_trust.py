"""``verify`` trust sources and new options, through the real command: shipped roots
(CARBONREG_ROOTS_DIR), --trust DIR with a rotated root chain, --status (newer, rolled back),
--registry evidence digests, --json, exit codes 0/1/2/64, and start-up imports. Real keys."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from certfixtures import World, credential_fields, dump

from signing.cli import main
from signing.credential import build_credential
from signing.issue import create_platform, issue_bundle
from signing.roots import root_file_name, shipped_root
from signing.timefmt import parse_timestamp
from signing.trust import sign_metadata
from signing.verify import verify_file

AT = ["--at", "2026-03-10T00:00:00Z"]
REVOKED = [{"id": "urn:carbonreg:certificate:CN-2026-0001", "reason": "重复计算 / double counting (Art. 16)"}]


@pytest.fixture
def world():
    return World()


def write(path: Path, document) -> str:
    path.write_bytes(document if isinstance(document, bytes) else dump(document))
    return str(path)


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def cli(*args):
    """The real command in a fresh interpreter (the environment, CARBONREG_ROOTS_DIR included, is inherited)."""
    done = subprocess.run([sys.executable, "-m", "signing.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=Path(__file__).parents[2])
    assert "Traceback" not in done.stdout + done.stderr
    return done.returncode, done.stdout, done.stderr


# --- exit codes through the real command --------------------------------------------------

def test_exit_codes_0_1_2_64_through_the_real_command(world, tmp_path):
    root = write(tmp_path / "root.json", world.root())
    assert cli(write(tmp_path / "ok.json", world.issue()), "--root", root, *AT)[0] == 0
    world.status_entries = [dict(REVOKED[0], id="urn:carbonreg:certificate:CN-2026-0003")]
    code, out, _ = cli(write(tmp_path / "revoked.json", world.issue(number="CN-2026-0003")), "--root", root, *AT)
    assert code == 1 and "REVOKED：重复计算 / double counting (Art. 16)" in out
    world.status_entries = []
    stale = world.issue(number="CN-2026-0002", published="2026-03-03T00:00:00Z")
    code, out, _ = cli(write(tmp_path / "stale.json", stale), "--root", root, "--at", "2026-03-20T00:00:00Z")
    assert code == 2 and "status list v7 has expired" in out and "GENUINE, BUT REVOCATION STATUS STALE OR UNKNOWN" in out
    code, _, err = cli(tmp_path / "ok.json", "--root", root, "--frobnicate")
    assert code == 64 and "usage error" in err


def test_console_script_exits_like_the_module(world, tmp_path):
    script = Path(sys.executable).with_name("verify")
    if not script.exists():
        pytest.skip("no console script next to this interpreter")
    root = write(tmp_path / "root.json", world.root())
    done = subprocess.run([str(script), write(tmp_path / "c.json", world.issue()), "--root", root, *AT],
                          capture_output=True, text=True)
    assert done.returncode == 0 and "VALID" in done.stdout


def test_no_status_list_exits_2_and_never_says_not_revoked(world, tmp_path, capsys):
    bundle = world.issue()
    bundle["trust"]["status"] = None
    code, out, _ = run(capsys, write(tmp_path / "c.json", bundle), "--root", write(tmp_path / "r.json", world.root()), *AT)
    assert code == 2 and "no status list" in out and "UNKNOWN" in out and "未被撤销 / not revoked" not in out


def test_json_lists_every_step_and_the_verdict_with_the_same_exit_codes(world, tmp_path, capsys):
    root = write(tmp_path / "r.json", world.root())
    world.status_issued, world.status_expires = "2026-02-20T00:00:00Z", "2026-03-01T00:00:00Z"
    code, out, _ = run(capsys, write(tmp_path / "c.json", world.issue()), "--root", root, *AT, "--json")
    report = json.loads(out)
    assert code == 2 and report["exitCode"] == 2 and report["outcome"] == "revocation-unknown" and report["genuine"]
    outcomes = {s["name"]: s["outcome"] for s in report["steps"]}
    assert outcomes["proof"] == "passed" and outcomes["status"] == "warning" and outcomes["revocation"] == "warning"
    assert report["revocation"]["state"] == "unknown" and report["revocation"]["statusFresh"] is False


# --- the root shipped with the package -----------------------------------------------------

def test_shipped_root_selected_by_the_registry_name(world, tmp_path, no_shipped_roots, capsys):
    path = write(tmp_path / "c.json", world.issue())
    assert shipped_root("carbonreg:shanghai") is None
    code, out, _ = run(capsys, path, *AT)
    assert code == 1 and "no pinned root" in out
    write(no_shipped_roots / root_file_name("carbonreg:shanghai"), world.root())
    assert root_file_name("carbonreg:shanghai") == "carbonreg_shanghai.root.json"
    assert shipped_root("carbonreg:shanghai")["signed"]["registry"] == "carbonreg:shanghai"
    code, out, _ = run(capsys, path, *AT)
    assert code == 0 and "the root shipped with the package" in out and "carbonreg_shanghai.root.json" in out
    # Another platform claiming the same registry name is not trusted.
    impostor = World(platform=create_platform("carbonreg:shanghai"))
    code, out, _ = run(capsys, write(tmp_path / "impostor.json", impostor.issue()), *AT)
    assert code == 1 and "✗ root" in out and "differs from the pinned root" in out


def test_shipped_root_naming_another_registry_is_refused(world, tmp_path, no_shipped_roots, capsys):
    other = World(platform=create_platform("carbonreg:staging"))
    write(no_shipped_roots / "carbonreg_shanghai.root.json", other.root())
    with pytest.raises(Exception, match="does not belong to the registry"):
        shipped_root("carbonreg:shanghai")
    code, out, _ = run(capsys, write(tmp_path / "c.json", world.issue()), *AT)
    assert code == 1 and "does not belong to the registry carbonreg:shanghai" in out


def test_shipped_root_wins_over_trust_on_first_use(world, tmp_path, no_shipped_roots, capsys):
    write(no_shipped_roots / "carbonreg_shanghai.root.json", World().root())  # someone else's keys
    code, out, err = run(capsys, write(tmp_path / "c.json", world.issue()), *AT, "--trust-on-first-use")
    assert code == 1 and "NOT PINNED" not in out + err and "differs from the pinned root" in out


def test_registry_names_unfit_for_a_file_are_refused():
    for name in ("../etc", "a/b", "", ".hidden"):
        with pytest.raises(Exception, match="invalid registry name"):
            root_file_name(name)


# --- --trust DIR ---------------------------------------------------------------------------

def _rotation():
    """An old platform (root v1) and its successor (root v2, signed by 2 old and 2 new root keys)."""
    old = World()
    new = create_platform(old.platform.registry)
    v2 = sign_metadata(new.root_signed(2, "2035-01-01T00:00:00Z"), old.platform.root_keys[:2] + new.root_keys[:2])
    return old, World(platform=new, agency_key=old.agency_key), v2


def test_trust_dir_with_a_rotated_root_chain(tmp_path, capsys):
    old, world, v2 = _rotation()
    trust = tmp_path / "trust"
    trust.mkdir()
    write(trust / "1.root.json", old.root())
    write(trust / "2.root.json", v2)
    bundle = world.issue(root_chain=[v2])  # the bundle carries only the newest root
    code, out, _ = run(capsys, write(tmp_path / "c.json", bundle), "--trust", trust, *AT)
    assert code == 0 and "to v2" in out and f"--trust {trust}" in out
    # The same folder holding only v1: the bundle's v2 is still reached by rotation.
    (trust / "2.root.json").unlink()
    assert run(capsys, tmp_path / "c.json", "--trust", trust, *AT)[0] == 0
    # A v2 rotation signed by only one old root key is refused, from the folder too.
    weak = sign_metadata(world.platform.root_signed(2, "2035-01-01T00:00:00Z"), old.platform.root_keys[:1] + world.platform.root_keys)
    write(trust / "2.root.json", weak)
    code, out, _ = run(capsys, tmp_path / "c.json", "--trust", trust, *AT)
    assert code == 1 and "✗ root" in out and "previous keys" in out


def test_trust_dir_refuses_forks_gaps_and_misnamed_files(tmp_path, capsys):
    old, world, v2 = _rotation()
    trust = tmp_path / "trust"
    trust.mkdir()
    write(trust / "root.json", old.root())
    path = write(tmp_path / "c.json", world.issue(root_chain=[v2]))
    other_v2 = sign_metadata(world.platform.root_signed(2, "2034-01-01T00:00:00Z"), old.platform.root_keys[:2] + world.platform.root_keys[:2])
    write(trust / "2.root.json", other_v2)
    code, out, _ = run(capsys, path, "--trust", trust, *AT)
    assert code == 1 and "fork" in out
    (trust / "2.root.json").unlink()
    v3 = sign_metadata(world.platform.root_signed(3, "2035-01-01T00:00:00Z"), world.platform.root_keys)
    write(trust / "3.root.json", v3)
    code, out, _ = run(capsys, write(tmp_path / "gap.json", world.issue(number="CN-2026-0002", root_chain=[old.root()])), "--trust", trust, *AT)
    assert code == 1 and "root v2 is missing" in out
    (trust / "3.root.json").unlink()
    write(trust / "5.root.json", v2)
    code, out, _ = run(capsys, path, "--trust", trust, *AT)
    assert code == 1 and "version does not match the file name" in out
    code, out, _ = run(capsys, path, "--trust", tmp_path / "nowhere", *AT)
    assert code == 1 and "not a readable folder" in out


def test_trust_dir_documents_take_precedence_when_newer(world, tmp_path, capsys):
    trust = tmp_path / "trust"
    trust.mkdir()
    write(trust / "root.json", world.root())
    world.status_issued, world.status_expires = "2026-02-20T00:00:00Z", "2026-03-01T00:00:00Z"
    path = write(tmp_path / "c.json", world.issue())
    assert run(capsys, path, "--trust", trust, *AT)[0] == 2
    newer = world.status_list(version=8, issued="2026-03-09T00:00:00Z", expires="2026-03-16T00:00:00Z")
    write(trust / "status.json", newer)
    code, out, _ = run(capsys, path, "--trust", trust, *AT)
    assert code == 0 and "status list v8" in out and "status.json" in out
    # A newer authorization document in the folder that suspends the agency before publication.
    world.agency_state, world.agency_state_since = "suspended", "2026-03-01T12:00:00Z"
    signed = world.authorizations()["signed"]
    write(trust / "authorizations.json", world.platform.authorizations(signed["agencies"], version=2, expires=signed["expires"],
                                                                      platform=signed["platform"]))
    code, out, _ = run(capsys, path, "--trust", trust, *AT)
    assert code == 1 and "authorization document v2 (from" in out and "✗ issuer" in out and "suspended" in out
    # An older copy in the folder does not roll the bundle's back; a forged one is refused.
    write(trust / "status.json", world.status_list(version=3, issued="2026-03-09T00:00:00Z",
                                                            expires="2026-03-16T00:00:00Z", entries=REVOKED))
    (trust / "authorizations.json").unlink()
    code, out, _ = run(capsys, path, "--trust", trust, *AT)
    assert code == 2 and "v7" in out
    write(trust / "status.json", sign_metadata(newer["signed"], [world.platform.log_key]))
    code, out, _ = run(capsys, path, "--trust", trust, *AT)
    assert code == 1 and "✗ status" in out and "status.json" in out


# --- --status FILE -------------------------------------------------------------------------

def test_status_file_newer_list_overrides_the_bundle(world, tmp_path, capsys):
    root = write(tmp_path / "r.json", world.root())
    world.status_issued, world.status_expires = "2026-02-20T00:00:00Z", "2026-03-01T00:00:00Z"
    path = write(tmp_path / "c.json", world.issue())
    fresh = world.status_list(version=8, issued="2026-03-09T00:00:00Z", expires="2026-03-16T00:00:00Z")
    code, out, _ = run(capsys, path, "--root", root, "--status", write(tmp_path / "s.json", fresh), *AT)
    assert code == 0 and "status list v8 (from" in out and "未被撤销 / not revoked" in out
    revoking = world.status_list(version=9, issued="2026-03-09T00:00:00Z", expires="2026-03-16T00:00:00Z", entries=REVOKED)
    code, out, _ = run(capsys, path, "--root", root, "--status", write(tmp_path / "s9.json", revoking), *AT)
    assert code == 1 and "✗ revocation" in out and "double counting (Art. 16)" in out


def test_status_file_older_than_the_bundles_is_refused_as_a_rollback(world, tmp_path, capsys):
    root = write(tmp_path / "r.json", world.root())
    world.status_version, world.status_entries = 7, REVOKED
    path = write(tmp_path / "c.json", world.issue())
    older = world.status_list(version=6, issued="2026-03-09T00:00:00Z", expires="2026-03-16T00:00:00Z")
    code, out, _ = run(capsys, path, "--root", root, "--status", write(tmp_path / "s.json", older), *AT)
    assert code == 1 and "✗ status" in out and "rollback" in out and "v6" in out


def test_status_file_with_the_same_version_but_other_entries_is_refused(world, tmp_path, capsys):
    root = write(tmp_path / "r.json", world.root())
    world.status_entries = REVOKED
    path = write(tmp_path / "c.json", world.issue())
    same_version = world.status_list(version=7, issued="2026-03-09T00:00:00Z", expires="2026-03-16T00:00:00Z")
    code, out, _ = run(capsys, path, "--root", root, "--status", write(tmp_path / "s.json", same_version), *AT)
    assert code == 1 and "two different status lists claim v7" in out


def test_status_file_from_another_registry_or_signer_is_refused(world, tmp_path, capsys):
    root = write(tmp_path / "r.json", world.root())
    path = write(tmp_path / "c.json", world.issue())
    staging = world.status_list(version=9, issued="2026-03-09T00:00:00Z", expires="2026-03-16T00:00:00Z",
                                         registry="carbonreg:staging")
    code, out, _ = run(capsys, path, "--root", root, "--status", write(tmp_path / "a.json", staging), *AT)
    assert code == 1 and "another registry" in out
    forged = sign_metadata(world.status_list(version=9, issued="2026-03-09T00:00:00Z",
                                                      expires="2026-03-16T00:00:00Z")["signed"], [world.agency_key])
    code, out, _ = run(capsys, path, "--root", root, "--status", write(tmp_path / "f.json", forged), *AT)
    assert code == 1 and "not enough valid signatures" in out
    code, out, _ = run(capsys, path, "--root", root, "--status", tmp_path / "missing.json", *AT)
    assert code == 1 and "missing.json" in out


# --- --registry PATH -----------------------------------------------------------------------

def _with_registry(world, tmp_path):
    registry = tmp_path / "registry"
    files = {"events/2025/2025-pujiang-city-marathon/plan.yaml": b"plan: 1\n",
             "events/2025/2025-pujiang-city-marathon/report.yaml": b"report: 1\n",
             "events/2025/2025-pujiang-city-marathon/attachments/ccer-cancellation.pdf": b"%PDF-1.7 proof\n"}
    for relative, content in files.items():
        (registry / relative).parent.mkdir(parents=True, exist_ok=True)
        (registry / relative).write_bytes(content)
    fields = credential_fields("certificate", world.agency_key)
    fields["evidence"] = [{"path": p, "sha256": hashlib.sha256(c).hexdigest()} for p, c in files.items()]
    issued = issue_bundle(build_credential(**fields), world.agency_key, created="2026-03-01T08:00:00Z",
                          published="2026-03-02T00:00:00Z", log=world.log, sign_checkpoint_with=world.platform,
                          root_chain=[world.root()], authorizations=world.authorizations(), status=world.status())
    return registry, write(tmp_path / "c.json", issued.bundle), write(tmp_path / "r.json", world.root())


def test_registry_digests_match(world, tmp_path, capsys):
    registry, path, root = _with_registry(world, tmp_path)
    code, out, _ = run(capsys, path, "--root", root, "--registry", registry, *AT)
    assert code == 0 and "✓ evidence" in out and "3 evidence files match" in out and "also recomputes totals" in out
    assert verify_file(path, root=root, at=parse_timestamp("2026-03-10T00:00:00Z")).exit_code == 0  # no --registry: no step
    assert "evidence" not in [s.name for s in verify_file(path, root=root).steps]


def test_registry_tampered_or_missing_evidence_exits_1_naming_the_file(world, tmp_path, capsys):
    registry, path, root = _with_registry(world, tmp_path)
    report = registry / "events/2025/2025-pujiang-city-marathon/report.yaml"
    report.write_bytes(b"report: 2\n")
    code, out, _ = run(capsys, path, "--root", root, "--registry", registry, *AT)
    assert code == 1 and "✗ evidence" in out and "events/2025/2025-pujiang-city-marathon/report.yaml: SHA-256 differs" in out
    report.unlink()
    code, out, _ = run(capsys, path, "--root", root, "--registry", registry, *AT, "--json")
    step = next(s for s in json.loads(out)["steps"] if s["name"] == "evidence")
    assert code == 1 and step["outcome"] == "failed" and "report.yaml: file missing from the registry" in step["en"]
    code, out, _ = run(capsys, path, "--root", root, "--registry", tmp_path / "nowhere", *AT)
    assert code == 1 and "--registry is not a folder" in out


def test_registry_evidence_symlinked_outside_is_refused(world, tmp_path, capsys):
    registry, path, root = _with_registry(world, tmp_path)
    plan = registry / "events/2025/2025-pujiang-city-marathon/plan.yaml"
    outside = tmp_path / "outside.yaml"
    outside.write_bytes(plan.read_bytes())
    plan.unlink()
    os.symlink(outside, plan)
    code, out, _ = run(capsys, path, "--root", root, "--registry", registry, *AT)
    assert code == 1 and "plan.yaml: points outside the registry" in out


# --- the API for `carbonreg verify` --------------------------------------------------------

def test_verify_file_api(world, tmp_path):
    at = parse_timestamp("2026-03-10T00:00:00Z")
    path = write(tmp_path / "c.json", world.issue())
    verdict = verify_file(path, root=world.root(), at=at)
    assert verdict.valid and verdict.exit_code == 0 and verdict.subject["event"]["id"] == "2025-pujiang-city-marathon"
    assert verify_file(tmp_path / "missing.json", root=world.root(), at=at).exit_code == 66
    assert verify_file(path, at=at).exit_code == 1  # nothing pinned, nothing shipped
    with pytest.raises(ValueError):
        verify_file(path, root=world.root(), trust_dir=tmp_path)


# --- start-up stays light ------------------------------------------------------------------

def test_help_imports_neither_cryptography_nor_generator():
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "signing.cli", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "--registry" in done.stdout
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert not any(name.split(".")[0] in ("cryptography", "generator", "rfc8785") for name in imported)
    assert "signing" in imported


def test_a_verification_never_imports_generator(world, tmp_path):
    write(tmp_path / "r.json", world.root())
    write(tmp_path / "c.json", world.issue())
    code = ("import sys\nfrom signing.cli import main\n"
            f"rc = main([{str(tmp_path / 'c.json')!r}, '--root', {str(tmp_path / 'r.json')!r}, '--at', '2026-03-10T00:00:00Z'])\n"
            "print(rc, sorted(m for m in sys.modules if m.split('.')[0] == 'generator'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "0 []"


def test_a_plain_verification_loads_only_what_it_needs(world, tmp_path):
    """A cold ``verify`` should cost about 1.5 times importing Ed25519 from cryptography; each of
    these modules would add 1 to 10 ms to it (see records.py, sha256.py, jcs.py, cli.py)."""
    write(tmp_path / "r.json", world.root())
    write(tmp_path / "c.json", world.issue())
    heavy = ("argparse", "dataclasses", "inspect", "decimal", "copy", "hashlib", "base58", "rfc8785", "_strptime", "shutil")
    code = ("import sys\nfrom signing.cli import main\n"
            f"rc = main([{str(tmp_path / 'c.json')!r}, '--root', {str(tmp_path / 'r.json')!r}, '--at', '2026-03-10T00:00:00Z'])\n"
            f"print(rc, sorted(m for m in {heavy!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "0 []"
