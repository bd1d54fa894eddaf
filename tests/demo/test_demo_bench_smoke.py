"""The benchmark still runs end to end at a tiny size (not a timed test: no speed assertion)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_demo_bench_runs_at_20_events(tmp_path):
    results = tmp_path / "results"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "20", "--skip-hugo-if-missing", "--no-readme",
         "--results", str(results), "--work", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=1200, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads((results / "latest.json").read_text(encoding="utf-8"))
    (size,) = report["results"]
    assert size["events"] == 20 and size["build"]["html_pages"] > 40
    assert size["build"]["median_s"] > 0 and size["rebuild"]["median_s"] > 0 and size["check"]["median_s"] > 0
    assert "| 20 |" in proc.stdout
