"""What ``verify`` is given: input errors exit 66 and never say INVALID; nesting, size and
bytes never crash; --version; --at with a date; output piped into ``head`` ends quietly."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from certfixtures import World, dump

from signing.cli import main
from signing.inputfile import BUNDLE, CREDENTIAL, INPUT_ERROR, PDF, classify_input

AT = ["--at", "2026-03-10T00:00:00Z"]
REPO = Path(__file__).resolve().parents[2]


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "internal error" not in out + err
    return code, out, err


@pytest.fixture
def world():
    return World()


def test_classify_input_names_each_kind(world, tmp_path):
    bundle = world.issue()
    (tmp_path / "b.json").write_bytes(dump(bundle))
    (tmp_path / "c.json").write_bytes(dump(bundle["credential"]))
    (tmp_path / "p.pdf").write_bytes(b"%PDF-1.7\n%...")
    (tmp_path / "dup.json").write_bytes(b'{"a": 1, "a": 2}')
    (tmp_path / "text.txt").write_bytes(b"hello")
    kinds = {name: classify_input(tmp_path / name).kind for name in ("b.json", "c.json", "p.pdf", "dup.json", "text.txt")}
    assert kinds == {"b.json": BUNDLE, "c.json": CREDENTIAL, "p.pdf": PDF, "dup.json": BUNDLE, "text.txt": INPUT_ERROR}
    assert classify_input(tmp_path).kind == INPUT_ERROR and "folder" in classify_input(tmp_path).en
    assert "no such file" in classify_input(tmp_path / "missing.json").en


@pytest.mark.parametrize("make", ["missing", "folder", "unreadable", "text", "empty", "binary", "syntax", "huge"])
def test_input_errors_exit_66_and_never_say_invalid(make, tmp_path, capsys):
    path = tmp_path / "certificate.json"
    if make == "folder":
        path.mkdir()
    elif make == "unreadable":
        path.write_bytes(b"{}")
        path.chmod(0)
        if os.access(path, os.R_OK):
            pytest.skip("running as root: every file is readable")
    elif make != "missing":
        path.write_bytes({"text": b"just some words", "empty": b"  \n", "binary": b"\x00\xff\xfe\x01",
                          "syntax": b'{"format": ', "huge": b"[" + b"1," * 600_000 + b"1]"}[make])
    code, out, _ = run(capsys, path, *AT)
    assert code == 66 and "input error" in out and "INVALID" not in out and "无效" not in out
    code, out, _ = run(capsys, path, *AT, "--json")
    report = json.loads(out)
    assert code == 66 and report["outcome"] == "input-error" and report["exitCode"] == 66


def test_deep_nesting_is_refused_at_step_json_with_the_json_result(tmp_path):
    path = tmp_path / "d.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "signing.cli", str(path), "--json", *AT], capture_output=True,
                          text=True, timeout=60, cwd=REPO)
    assert time.monotonic() - started < 20
    assert "RecursionError" not in done.stderr and "internal error" not in done.stderr and "Traceback" not in done.stderr
    report = json.loads(done.stdout)
    assert done.returncode == 1 and report["steps"][0]["name"] == "json" and report["steps"][0]["outcome"] == "failed"
    assert "nested too deeply" in report["steps"][0]["en"]


@pytest.mark.parametrize("depth", [501, 995, 1500, 20_000])
def test_nesting_beyond_the_limit_is_a_json_refusal(depth, tmp_path, capsys):
    path = tmp_path / "d.json"
    path.write_text('{"a":' * depth + "1" + "}" * depth)
    code, out, _ = run(capsys, path, *AT)
    assert code == 1 and "✗ json" in out and "nested too deeply" in out


def test_nesting_at_the_limit_parses():
    from signing.strictjson import loads

    assert loads("[" * 500 + "]" * 500) is not None


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("verify (carbonreg) ")
    done = subprocess.run([sys.executable, "-m", "generator.cli", "--version"], capture_output=True, text=True,
                          timeout=60, cwd=REPO)
    assert done.returncode == 0 and done.stdout.startswith("carbonreg ")


def test_at_accepts_a_date(world, tmp_path, capsys):
    root = tmp_path / "root.json"
    root.write_bytes(dump(world.root()))
    bundle = tmp_path / "b.json"
    bundle.write_bytes(dump(world.issue()))
    code, out, _ = run(capsys, bundle, "--root", root, "--at", "2026-03-10", "--json")
    assert code == 0 and json.loads(out)["revocation"]["asOf"] == "2026-03-10T00:00:00Z"
    code, _, err = run(capsys, bundle, "--root", root, "--at", "2026-02-30")
    assert code == 64 and "--at" in err


def test_output_piped_into_head_ends_quietly(world, tmp_path):
    root = tmp_path / "root.json"
    root.write_bytes(dump(world.root()))
    bundle = tmp_path / "b.json"
    bundle.write_bytes(dump(world.issue()))
    command = (f"{sys.executable} -m signing.cli {bundle} --root {root} --at 2026-03-10 --json | head -n 0; "
               f"echo \"rc=${{PIPESTATUS[0]}}\"")
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert done.stderr == "" and done.stdout.strip() == "rc=0"
