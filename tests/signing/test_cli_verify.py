"""The ``verify`` command: output, exit codes (0, 1, 2, 64) for each case, no tracebacks, fast --help."""

import json
import subprocess
import sys

import pytest
from certfixtures import World, dump
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from signing.cli import main
from signing.issue import create_platform
from signing.multikey import multibase_encode
from signing.trust import sign_metadata

AT = ["--at", "2026-03-10T00:00:00Z"]


@pytest.fixture
def world():
    return World()


@pytest.fixture
def files(tmp_path, world):
    root = tmp_path / "root.json"
    root.write_bytes(dump(world.root()))

    def write(bundle, name="certificate.json"):
        path = tmp_path / name
        path.write_bytes(bundle if isinstance(bundle, bytes) else dump(bundle))
        return str(path)

    return root, write


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_valid_certificate_exits_0_and_prints_steps_and_verdict(world, files, capsys):
    root, write = files
    code, out, _ = run(capsys, write(world.issue()), "--root", root, *AT)
    assert code == 0
    assert "✓ proof" in out and "✓ 有效 / VALID" in out and "绿色认证中心 / Green Certification Centre (agency-green)" in out
    assert "2026-03-02T00:00:00Z" in out and "log checkpoint" in out and "未被撤销 / not revoked" in out
    assert "2025 浦江城市马拉松 / 2025 Pujiang City Marathon" in out


def test_json_output(world, files, capsys):
    root, write = files
    code, out, _ = run(capsys, write(world.issue()), "--root", root, *AT, "--json")
    report = json.loads(out)
    assert code == 0 and report["valid"] and report["time"]["source"] == "log checkpoint"
    assert [s["name"] for s in report["steps"]][:3] == ["json", "bundle", "shape"]


def _forged(world):
    bundle = world.issue()
    bundle["credential"]["proof"]["proofValue"] = multibase_encode(Ed25519PrivateKey.generate().sign(b"x"))
    return bundle


def _suspended(world):
    world.agency_state, world.agency_state_since = "suspended", "2026-03-05T00:00:00Z"
    return world.issue(published="2026-03-06T00:00:00Z", created="2026-03-06T00:00:00Z")


def _compromised_after(world):
    world.key_compromised_since = "2026-03-01T00:00:00Z"
    return world.issue(published="2026-03-02T00:00:00Z")


def _compromised_untimed(world):
    world.key_compromised_since = "2026-03-05T00:00:00Z"
    bundle = world.issue()
    bundle["publication"] = None
    return bundle


def _stale(world):
    world.status_issued, world.status_expires = "2026-02-20T00:00:00Z", "2026-03-01T00:00:00Z"
    return world.issue()


def _weak_rotation(world):
    successor = create_platform(world.platform.registry)
    rotated = sign_metadata(successor.root_signed(2, "2035-01-01T00:00:00Z"), world.platform.root_keys[:1] + successor.root_keys)
    return world.issue(root_chain=[world.root(), rotated])


def _swapped(world):
    first, second = world.issue(), world.issue(number="CN-2026-0002", published="2026-03-03T00:00:00Z")
    second["credential"] = first["credential"]
    return second


def _numbers(world):
    bundle = world.issue()
    bundle["credential"]["credentialSubject"]["emissions"]["basic"] = 612
    return bundle


def _duplicate_keys(world):
    return dump(world.issue()).replace(b'"format":', b'"format": 1, "format":', 1)


def _revoked(world):
    world.status_entries = [{"id": "urn:carbonreg:certificate:CN-2026-0001", "reason": "伪造注销证明 / forged retirement proof"}]
    return world.issue()


@pytest.mark.parametrize("attack, step", [
    (_forged, "proof"), (_suspended, "issuer"), (_compromised_after, "issuer"), (_compromised_untimed, "issuer"),
    (_weak_rotation, "root"), (_swapped, "publication"), (_numbers, "shape"),
    (_duplicate_keys, "json"), (_revoked, "revocation"),
])
def test_each_attack_exits_1(world, files, capsys, attack, step):
    root, write = files
    code, out, _ = run(capsys, write(attack(world)), "--root", root, *AT)
    assert code == 1 and f"✗ {step}" in out and "✗ 无效 / INVALID" in out


def test_revoked_prints_the_reason(world, files, capsys):
    root, write = files
    _, out, _ = run(capsys, write(_revoked(world)), "--root", root, *AT)
    assert "已撤销 / REVOKED：伪造注销证明 / forged retirement proof" in out


def test_revoked_exits_1_with_the_reason_in_json_too(world, files, capsys):
    root, write = files
    code, out, _ = run(capsys, write(_revoked(world)), "--root", root, *AT, "--json")
    report = json.loads(out)
    assert code == 1 and report["exitCode"] == 1 and report["outcome"] == "revoked"
    assert report["revocation"]["reason"] == "伪造注销证明 / forged retirement proof"


def test_stale_status_list_exits_2_and_says_revocation_is_unknown(world, files, capsys):
    root, write = files
    code, out, _ = run(capsys, write(_stale(world)), "--root", root, *AT)
    assert code == 2 and "⚠ status" in out and "⚠ revocation" in out and "GENUINE, BUT REVOCATION STATUS STALE OR UNKNOWN" in out
    assert "has expired" in out and "not revoked as of" not in out and "未被撤销 / not revoked" not in out
    assert "2025 浦江城市马拉松 / 2025 Pujiang City Marathon" in out  # genuine: the signed content is shown


def test_allow_stale_was_removed_with_a_usage_error(world, files, capsys):
    root, write = files
    code, _, err = run(capsys, write(_stale(world)), "--root", root, *AT, "--allow-stale")
    assert code == 64 and "--allow-stale was removed" in err


def test_rolled_back_status_list_refused_with_state(world, files, capsys, tmp_path):
    root, write = files
    state = tmp_path / "seen.json"
    world.status_version = 9
    assert run(capsys, write(world.issue(), "new.json"), "--root", root, *AT, "--state", state)[0] == 0
    assert json.loads(state.read_text())["status"] == 9
    world.status_version = 8
    code, out, _ = run(capsys, write(world.issue(number="CN-2026-0002", published="2026-03-03T00:00:00Z"), "old.json"),
                       "--root", root, *AT, "--state", state)
    assert code == 1 and "rollback" in out and json.loads(state.read_text())["status"] == 9


def test_unreadable_inputs(world, files, capsys, tmp_path):
    """A missing certificate is an input error (66, see test_cli_verify_input.py); an unusable
    trust file given with --root fails the root step (1)."""
    root, write = files
    path = write(world.issue())
    code, out, _ = run(capsys, path + ".missing", "--root", root, *AT)
    assert code == 66 and "no such file" in out and "INVALID" not in out
    code, out, _ = run(capsys, path, "--root", tmp_path / "nowhere.json", *AT)
    assert code == 1 and "nowhere.json" in out and "✗ 无效 / INVALID" in out
    code, _, err = run(capsys, path, "--root", root, "--state", write(b"[1]", "state.json"))
    assert code == 1 and "--state file is malformed" in err


def test_usage_errors_exit_64(world, files, capsys, tmp_path):
    root, write = files
    path = write(world.issue())
    for argv, fragment in [
        ([path, "--root", root, "--at", "2026-03-10T00:00"], "--at"),
        ([path, "--root", root, "--trust", tmp_path], "not allowed with argument"),
        (["--root"], "expected one argument"),
        ([path, "--bogus"], "unrecognized arguments"),
        ([], "required"),
    ]:
        code, _, err = run(capsys, *argv)
        assert code == 64 and fragment in err and "usage error" in err, argv


def test_not_json_is_an_input_error(files, capsys):
    root, write = files
    code, out, _ = run(capsys, write(b"\xef\xbb\xbf{}"), "--root", root)
    assert code == 66 and "byte-order mark" in out and "INVALID" not in out


def test_root_that_is_not_self_signed_exits_1(world, files, capsys, tmp_path):
    _, write = files
    bad = tmp_path / "bad-root.json"
    envelope = world.root()
    envelope["signatures"] = envelope["signatures"][:1]
    bad.write_bytes(dump(envelope))
    code, out, _ = run(capsys, write(world.issue()), "--root", bad, *AT)
    assert code == 1 and "✗ root" in out and "not enough valid signatures" in out


def test_without_a_pinned_root_fails_closed_or_warns_loudly(world, files, capsys):
    _, write = files
    path = write(world.issue())
    code, out, _ = run(capsys, path, *AT)
    assert code == 1 and "no pinned root (registry carbonreg:shanghai)" in out and "--root" in out
    code, out, err = run(capsys, path, *AT, "--trust-on-first-use")
    assert code == 0 and "WARNING: root NOT pinned" in err and "root fingerprint" in err
    assert "NOT PINNED" in out and out.startswith("!!!") and out.rstrip().endswith("!!!")


def test_junk_json_never_tracebacks(files, capsys):
    root, write = files
    for junk in (b"[]", b"null", b'{"format": "carbonreg-certificate-bundle/1"}', b'{"credential": {"proof": 5}}'):
        assert run(capsys, write(junk), "--root", root)[0] == 1


def test_help_is_fast_and_loads_no_crypto():
    code = (
        "import sys\n"
        "from signing.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('cryptography', 'rfc8785', 'signing.verify_steps') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("[]") and "--trust-on-first-use" in out.stdout
    assert main(["--help"]) == 0


# --- the plain command line is read without argparse, exactly as argparse reads it ----------

def _argparse_reading(words):
    from signing.cli import _parser

    try:
        return vars(_parser().parse_args(words))
    except SystemExit:
        return None


def _command_lines():
    import random

    rng = random.Random(64)
    vocabulary = ["c.json", "d.json", "--root", "--trust", "--status", "--registry", "--at", "--state", "--json",
                  "--trust-on-first-use", "--allow-stale", "--ro", "--root=r.json", "-", "--", "-h", "--help", "",
                  "-1", "r.json", "2026-03-10T00:00:00Z", "a b", "-a b", "x=y", "--js"]
    lines = [["c.json", "--root", "r.json", "--at", "2026-03-10T00:00:00Z"], ["--json", "c.json"],
             ["--root", "r.json", "c.json", "--trust-on-first-use"], ["c.json", "--root", "r.json", "--trust", "t"],
             ["c.json", "--root", "--json"], ["c.json", "--at", "-1"], ["c.json", "--json", "--json"]]
    lines += [[rng.choice(vocabulary) for _ in range(rng.randrange(8))] for _ in range(3000)]
    return lines


def test_plain_command_lines_read_as_argparse_reads_them(capsys):
    from signing.cli import _plain_arguments

    plain = 0
    for words in _command_lines():
        ours = _plain_arguments(list(words))
        if ours is not None:
            plain += 1
            assert vars(ours) == _argparse_reading(list(words)), words
    capsys.readouterr()
    assert plain > 100
