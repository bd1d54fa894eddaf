"""bench/measure.py: each measurement reports its own peak memory, not the benchmark process's.

Small fixtures: commands that hold a known amount of touched memory. No speed is asserted."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str):
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


HOLD = "import time; b = bytes(range(256)) * ({mb} * 1024 * 1024 // 256); time.sleep({s})"


def test_a_small_command_after_the_benchmark_grew_reports_its_own_peak():
    """The benchmark had read a whole site into memory before the rebuild and `verify` rows: with
    the old measurement (os.wait4 on a child spawned straight from the benchmark) both showed the
    benchmark's own high-water RSS. Hold 300 MB here and measure `python -c pass` through the
    benchmark's own timing function."""
    run = _load("run")
    held = bytes(range(256)) * (300 * 1024 * 1024 // 256)
    seconds, peak_mb, _ = run.timed([sys.executable, "-c", "pass"])
    assert len(held) > 0 and seconds > 0
    assert peak_mb < 100, peak_mb


def test_a_command_holding_memory_is_measured():
    measure = _load("measure")
    m = measure.measure([sys.executable, "-c", HOLD.format(mb=120, s=0.5)])
    assert m.returncode == 0
    assert 115 <= m.rss_mb <= 200, m
    assert 100 <= m.pss_mb <= 200, m  # sampled while it held the memory
    assert 115 <= m.peak_mb <= 200


def test_workers_are_summed_by_pss_and_the_largest_one_is_the_rss():
    """A parent with two workers holding 80 MB each at the same time: the tree's PSS counts both, the
    kernel's maxrss only the largest single process."""
    measure = _load("measure")
    parent = ("import subprocess, sys; w = [subprocess.Popen([sys.executable, '-c', {hold!r}]) for _ in range(2)];"
              " [p.wait() for p in w]").format(hold=HOLD.format(mb=80, s=2))
    m = measure.measure([sys.executable, "-c", parent])
    assert m.returncode == 0
    assert 75 <= m.rss_mb <= 140, m
    assert m.pss_mb >= 150, m


def test_the_exit_status_and_output_are_the_commands():
    measure = _load("measure")
    m = measure.measure([sys.executable, "-c", "import sys; print('out'); print('err', file=sys.stderr); sys.exit(3)"])
    assert (m.returncode, m.stdout.strip(), m.stderr.strip()) == (3, "out", "err")
