"""The issue's "Done when": four breakages each give exit 1 via the real CLI, with the right file and line."""
import os
import re
import subprocess
import sys
from pathlib import Path

from gentestkit import MARATHON, REPO, SALON, edit, line_of

CEA = f"{MARATHON}/retirements/pjm-2026-cea-001.yaml"


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", "check", "registry", "--today", "2026-07-01", *args],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "CARBONREG_CACHE": os.environ["CARBONREG_CACHE"]})


def _has(out: str, path: str, line: int, code: str) -> bool:
    return re.search(rf"^registry/{re.escape(path)}:{line}:\d+: {code} error: ", out, re.M) is not None


def test_untouched_copy_exits_0(reg: Path, tmp_path: Path):
    proc = _cli(tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_serial_shared_between_two_events(reg: Path, tmp_path: Path):
    salon = reg / SALON / "retirements" / "css-2026-ccer-001.yaml"
    edit(salon, "prefix: CCER-310000-2024-0112", "prefix: CCER-310000-2024-0087")
    edit(salon, 'first: "000000501", last: "000000502"', 'first: "000000001", last: "000000002"')
    proc = _cli(tmp_path)
    assert proc.returncode == 1
    marathon = reg / MARATHON / "retirements" / "pjm-2026-ccer-001.yaml"
    assert _has(proc.stdout, f"{SALON}/retirements/css-2026-ccer-001.yaml", line_of(salon, "- {prefix:"), "R510")
    assert _has(proc.stdout, f"{MARATHON}/retirements/pjm-2026-ccer-001.yaml", line_of(marathon, "- {prefix:"), "R510")


def test_path_traversing_attachment(reg: Path, tmp_path: Path):
    edit(reg / CEA, "  - path: attachments/cea-cancellation.pdf", "  - path: attachments/../../plan.yaml")
    proc = _cli(tmp_path)
    assert proc.returncode == 1
    assert _has(proc.stdout, CEA, line_of(reg / CEA, "attachments/../../plan.yaml"), "R601")


def test_tampered_attachment(reg: Path, tmp_path: Path):
    pdf = reg / MARATHON / "attachments" / "cea-cancellation.pdf"
    data = bytearray(pdf.read_bytes())
    data[0] ^= 0x20
    pdf.write_bytes(bytes(data))
    proc = _cli(tmp_path)
    assert proc.returncode == 1
    assert _has(proc.stdout, CEA, line_of(reg / CEA, "sha256:"), "R604")


def test_duplicate_yaml_key(reg: Path, tmp_path: Path):
    plan = reg / MARATHON / "plan.yaml"
    edit(plan, "kind: sports\n", "kind: sports\nkind: sports\n")
    proc = _cli(tmp_path)
    assert proc.returncode == 1
    assert _has(proc.stdout, f"{MARATHON}/plan.yaml", line_of(plan, "kind: sports", nth=2), "Y106")


def test_all_four_at_once_are_all_reported(reg: Path, tmp_path: Path):
    salon = reg / SALON / "retirements" / "css-2026-ccer-001.yaml"
    edit(salon, "prefix: CCER-310000-2024-0112", "prefix: CCER-310000-2024-0087")
    edit(reg / CEA, "  - path: attachments/cea-cancellation.pdf", "  - path: attachments/../../plan.yaml")
    (reg / "events/2025/2025-yrd-green-building-expo/attachments/shea-cancellation.pdf").write_bytes(b"forged")
    edit(reg / SALON / "plan.yaml", "kind: conference\n", "kind: conference\nkind: conference\n")
    proc = _cli(tmp_path)
    assert proc.returncode == 1
    found = set(re.findall(r": ([A-Z]\d{3}) error: ", proc.stdout))
    assert {"R510", "R601", "R604", "Y106"} <= found
