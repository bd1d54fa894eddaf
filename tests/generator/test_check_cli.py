"""The carbonreg check command: arguments, formats, exit codes."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from gentestkit import MARATHON, REPO, SAMPLE, edit

from generator.cli import main


def test_sample_exit_0_text(capsys):
    assert main(["check", str(SAMPLE), "--today", "2026-07-01"]) == 0
    out = capsys.readouterr().out
    assert "0 errors" in out


def test_json_format(reg: Path, capsys):
    edit(reg / MARATHON / "plan.yaml", "district: huangpu", "district: atlantis")
    assert main(["check", str(reg), "--format", "json", "--today", "2026-07-01"]) == 1
    doc = json.loads(capsys.readouterr().out)
    [f] = [x for x in doc["findings"] if x["code"] == "R202"]
    assert f["path"] == f"{reg}/{MARATHON}/plan.yaml" and f["line"] > 1 and f["column"] > 1


def test_github_format(reg: Path, capsys):
    edit(reg / MARATHON / "plan.yaml", "district: huangpu", "district: atlantis")
    assert main(["check", str(reg), "--format", "github", "--today", "2026-07-01"]) == 1
    out = capsys.readouterr().out
    assert any(x.startswith("::error file=") and "title=R202::" in x for x in out.splitlines())


def test_missing_folder_exit_2(tmp_path: Path, capsys):
    assert main(["check", str(tmp_path / "nope")]) == 2
    assert "nope" in capsys.readouterr().err


def test_bad_today_is_a_usage_error():
    with pytest.raises(SystemExit) as exc:
        main(["check", str(SAMPLE), "--today", "2026-13-01"])
    assert exc.value.code == 2


def test_console_script_module_entry(tmp_path: Path):
    proc = subprocess.run([sys.executable, "-m", "generator.cli", "check", str(SAMPLE), "--today", "2026-07-01",
                           "--format", "json"], capture_output=True, text=True, cwd=tmp_path,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "CARBONREG_CACHE": os.environ["CARBONREG_CACHE"]}, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["summary"]["errors"] == 0
