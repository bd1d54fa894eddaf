"""One measurement's own wall time and peak memory, in a fresh process tree.

Why a wrapper: on Linux a child's ``ru_maxrss`` starts from the high-water RSS of the process that
spawned it (``exec`` records the old address space's peak, and ``subprocess`` spawns with vfork, so
the old address space is the benchmark's own). Once the benchmark process had read a whole site into
memory, every later measurement (rebuild, ``verify``) reported the benchmark's peak, not its own.

So each measured command is started by a small wrapper (this file run as a script, a fresh
interpreter that imports nothing big): the wrapper spawns the command, waits for it with ``wait4``
and reports the command tree's largest single RSS (the kernel folds the peaks of the workers it
waited for into it) and the wall time it saw. The caller samples, every 50 ms, the proportional set
size (PSS) of the wrapper's descendants (the command and its workers; pages they share counted once,
the wrapper itself left out); once the tree is large enough that a sample costs more than about 2.6 ms,
it waits 19 times a sample's cost instead, so sampling never takes more than 5 % of a core from the
command measured (before 2026-12-02 it took a third of a core at 10,000 events). A measurement's
peak is the larger of the two.

    python bench/measure.py REPORT.json -- CMD ARG...      (the wrapper; used by measure())
"""
from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

OVERHEAD = 19  # wait at least 19 times a sample's own cost before the next one: sampling takes at most 5 %


@dataclass(frozen=True)
class Measurement:
    seconds: float
    pss_mb: float  # peak PSS of the command's process tree, sampled every 50 ms or less often (OVERHEAD)
    rss_mb: float  # largest single RSS in the command's process tree (kernel's ru_maxrss)
    returncode: int
    stdout: str
    stderr: str
    cpu_s: float = 0.0  # user + system CPU time of the command's tree (wait4): less noisy than wall time on a loaded machine

    @property
    def peak_mb(self) -> float:
        return max(self.pss_mb, self.rss_mb)


def tree_pss_kb(pid: int, include_root: bool = True) -> int:
    """Proportional set size (PSS) of ``pid``'s descendants (and ``pid`` itself unless
    ``include_root`` is false), in KB: memory shared between a parent and its forked workers is
    counted once, not once per process as RSS would."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, list(children.get(pid, [])) + ([pid] if include_root else [])
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            with open(f"/proc/{p}/smaps_rollup", "rb") as f:
                for line in f:
                    if line.startswith(b"Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            continue
    return total


def measure(cmd: list[str], cwd: Path | None = None, env: dict | None = None, interval: float = 0.05) -> Measurement:
    """Run ``cmd`` through the wrapper; its own wall time and peak memory (see the module docstring)."""
    import subprocess
    import tempfile
    import threading

    with tempfile.TemporaryDirectory(prefix="bench-measure-") as tmp:
        report = Path(tmp) / "report.json"
        out_path, err_path = Path(tmp) / "stdout", Path(tmp) / "stderr"
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            wrapper = subprocess.Popen([sys.executable, "-I", "-S", str(Path(__file__).resolve()), str(report), "--", *cmd],
                                       cwd=cwd, stdout=out, stderr=err, env=env)
            peak = [0]
            done = threading.Event()

            def sample() -> None:
                wait = interval
                while not done.wait(wait):
                    start = time.perf_counter()
                    peak[0] = max(peak[0], tree_pss_kb(wrapper.pid, include_root=False))
                    # Reading PSS walks the tree's page tables: for a tree of a few GB one sample
                    # costs tens of ms, and every 50 ms took a third of a core from the command
                    # measured (seen at 10,000 events). Sample at most 5 % of the time.
                    wait = max(interval, OVERHEAD * (time.perf_counter() - start))
            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            wrapper.wait()
            done.set()
            sampler.join()
        stdout = out_path.read_bytes().decode("utf-8", "replace")
        stderr = err_path.read_bytes().decode("utf-8", "replace")
        if wrapper.returncode != 0 or not report.is_file():
            raise RuntimeError(f"measuring {' '.join(cmd)}: the wrapper failed ({wrapper.returncode}):\n{stderr[-2000:]}")
        got = json.loads(report.read_text(encoding="utf-8"))
    return Measurement(seconds=got["seconds"], pss_mb=peak[0] / 1024, rss_mb=got["maxrss_kb"] / 1024,
                       returncode=got["returncode"], stdout=stdout, stderr=stderr, cpu_s=got.get("cpu_s", 0.0))


def _wrapper(argv: list[str]) -> int:
    report, sep, *cmd = argv
    if sep != "--" or not cmd:
        print("usage: measure.py REPORT.json -- CMD ARG...", file=sys.stderr)
        return 2
    start = time.perf_counter()
    pid = os.posix_spawnp(cmd[0], cmd, os.environ)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    with open(report, "w", encoding="utf-8") as f:
        json.dump({"seconds": seconds, "maxrss_kb": usage.ru_maxrss, "returncode": os.waitstatus_to_exitcode(status),
                   "cpu_s": usage.ru_utime + usage.ru_stime}, f)
    return 0


if __name__ == "__main__":
    sys.exit(_wrapper(sys.argv[1:]))
