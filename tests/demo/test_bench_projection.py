"""bench/run.py: the 100,000-event projection from two sizes, and ``--stages``. No speed is asserted:
these are the benchmark's arithmetic and its choice of stages, on hand-made results."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run_module():
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location("bench_run_projection", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _result(events: int, build_s: float, search_s: float, peak_mb: float) -> dict:
    return {"events": events, "build": {"median_s": build_s, "peak_mb": peak_mb}, "pagefind_ours_s": search_s}


def _row(text: str, label: str) -> list[str]:
    line = next(line for line in text.splitlines() if line.startswith(f"| {label} |"))
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_a_linear_cost_projects_on_its_line_and_reads_exponent_one():
    """build = 20 s + 0.1 s per event: 1,020 s at 10,000, 3,020 s at 30,000, 10,020 s at 100,000,
    which is 9.8x the 10,000-event figure. A cost that doubles with size (search: 100 s, then 300 s for
    3x the events) has exponent 1 exactly."""
    run = _run_module()
    text = run.projection([_result(30_000, 3020.0, 300.0, 900.0), _result(10_000, 1020.0, 100.0, 900.0)])
    label, small, large, exponent, projected, ratio = _row(text, "cold build (no search), s")
    assert (small, large, projected, ratio) == ("1,020.0", "3,020.0", "10,020", "9.8x")
    assert _row(text, "Pagefind ours, s")[3:] == ["1.00", "1,000", "10.0x"]
    # Constant memory projects flat: exponent 0, the same figure at 100,000.
    assert _row(text, "peak MB, cold build")[3:] == ["0.00", "900", "1.0x"]


def test_a_cost_that_falls_with_size_is_never_projected_below_the_larger_figure():
    run = _run_module()
    text = run.projection([_result(10_000, 100.0, 50.0, 500.0), _result(30_000, 90.0, 50.0, 500.0)])
    assert _row(text, "cold build (no search), s")[4] == "90"


def test_one_size_gives_no_projection():
    run = _run_module()
    assert run.projection([_result(10_000, 100.0, 50.0, 500.0)]) == ""


def test_stages_scale_names_what_the_target_names_and_unknown_stages_are_refused():
    run = _run_module()
    assert run.stages_of("scale") == frozenset({"build", "check", "search", "pr-check"})
    assert run.stages_of("all") == frozenset(run.STAGES)
    with pytest.raises(SystemExit, match="unknown stage rebuilt"):
        run.stages_of("build,rebuilt")


def test_a_row_of_a_partial_run_shows_dashes_for_what_was_left_out():
    run = _run_module()
    row = run.table([_result(10_000, 1020.0, 100.0, 900.0) | {"demo_generation_s": 300.0}]).splitlines()[2]
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[:6] == ["10,000", "1020.0 s", "—", "—", "—", "—"]
    assert cells[11] == "900 / — / — / —"


def test_a_partial_run_writes_its_own_readme_block_and_leaves_the_full_runs_table(tmp_path):
    run = _run_module()
    readme = tmp_path / "README.md"
    readme.write_text("# Bench\n\nintro: a partial run has its block (`<!-- latest-scale -->`) after `<!-- /latest -->`\n\n"
                      "<!-- latest -->\nFULL TABLE\n<!-- /latest -->\n\n### How this run was made\nby hand\n", encoding="utf-8")
    report = {"when": "2026-12-02T00:00:00Z", "stages": sorted(run.SCALE),
              "machine": {"nproc": 2, "cpu": "cpu", "memory_mb": 1, "python": "3.11", "platform": "linux"}}
    run._write_readme(report, "SCALE TABLE 1", "latest-scale", readme)
    run._write_readme(report, "SCALE TABLE 2", "latest-scale", readme)  # a second run replaces the first
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# Bench\n\nintro: a partial run has its block (`<!-- latest-scale -->`) after `<!-- /latest -->`\n\n"
                           "<!-- latest -->\nFULL TABLE\n<!-- /latest -->\n\n<!-- latest-scale -->\n")
    assert "SCALE TABLE 2\n<!-- /latest-scale -->\n\n### How this run was made\nby hand\n" in text
    assert "SCALE TABLE 1" not in text and text.count("\n<!-- latest-scale -->\n") == 1
    run._write_readme(report, "FULL TABLE 2", "latest", readme)
    text = readme.read_text(encoding="utf-8")
    assert "FULL TABLE 2" in text and "FULL TABLE\n" not in text and "SCALE TABLE 2" in text and text.endswith("by hand\n")


def test_report_from_rewrites_a_partial_runs_results_with_its_projection(tmp_path):
    import json

    run = _run_module()
    saved = tmp_path / "saved.json"
    saved.write_text(json.dumps({"when": "2026-12-02T00:00:00Z", "stages": sorted(run.SCALE),
                                 "results": [_result(10_000, 1020.0, 100.0, 900.0), _result(30_000, 3020.0, 300.0, 900.0)]}),
                     encoding="utf-8")
    text = run.report_from(saved, tmp_path / "out", readme=False)
    assert "| cold build (no search), s | 1,020.0 | 3,020.0 | 0.99 | 10,020 | 9.8x |" in text
    written = json.loads((tmp_path / "out" / "latest-scale.json").read_text(encoding="utf-8"))
    assert written["stages"] == sorted(run.SCALE) and "10,020" in written["projection"]
    assert not (tmp_path / "out" / "latest.json").exists()  # a partial run never replaces the full run's results
