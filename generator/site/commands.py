"""The build command's reporting: run the build, print findings or a summary, pick the exit code."""
from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from generator.caches import Caches
from generator.formats.text import finding_line
from generator.progress import Progress
from generator.site.build import BuildRefused, build
from generator.site.output import OutputError


def run_build(registry: str, out: str, today: date, timings: bool = False, search: bool = True, jobs: int = 1,
              refused: list | None = None, shard: str | None = None, merge: list[str] | None = None) -> int:
    """Build and report; ``refused`` (if given) receives the error lines of a registry that was refused.
    With ``shard`` ("K/N") only one part of the build, with ``merge`` the site from every part
    (generator/site/shards.py)."""
    from generator.site import shards

    root = Path(registry)
    if not root.is_dir():
        print(f"carbonreg: 找不到登记库文件夹 / no registry folder at {registry!r}", file=sys.stderr)
        return 2
    epoch_text = os.environ.get("SOURCE_DATE_EPOCH")
    epoch = int(epoch_text) if epoch_text and epoch_text.isdigit() else None
    caches = Caches.from_environment()  # the environment is read here, where the command starts
    shown = registry.rstrip("/") or "/"
    try:
        if shard is not None:
            report = shards.build_shard(root, Path(out), today, shards.parse_shard(shard), epoch, shown,
                                        progress=Progress(), jobs=jobs, caches=caches)
        elif merge:
            report = shards.merge_parts(root, [Path(p) for p in merge], Path(out), today, epoch, shown,
                                        search=search, progress=Progress(), caches=caches)
        else:
            report = build(root, Path(out), today, epoch, shown, search=search, progress=Progress(), jobs=jobs, caches=caches)
    except BuildRefused as exc:
        for f in exc.result.findings:
            print(finding_line(f), file=sys.stderr)
        if refused is not None:
            refused.extend(finding_line(f) for f in exc.result.findings if f.severity.value == "error")
        print(f"登记库有 {exc.result.errors} 个错误，未生成网站，原网站保持不变 / "
              f"the registry has {exc.result.errors} errors: nothing was built, the previous site is unchanged",
              file=sys.stderr)
        return 1
    except OutputError as exc:
        print(f"carbonreg: {exc.zh} / {exc.en}", file=sys.stderr)
        return 2
    for f in report.warnings:
        print(finding_line(f), file=sys.stderr)
    print(f"已生成网站 {out}：{report.files} 个文件，{report.bytes:,} 字节 / built {out}: {report.files} files, {report.bytes:,} bytes")
    if shard is not None:
        print(f"下一步 / next: 全部分片完成后合并 / when every shard is built, merge them:\n"
              f"  carbonreg build --registry {registry} --merge part-1 … part-N --out _site")
    else:
        print(f"下一步 / next: 本地预览 / preview locally:\n  carbonreg serve --registry {registry} --out {out}\n"
              f"核验网站上的证书包 / verify a bundle of the site:\n"
              f"  verify {out}/events/<event-id>/certificate.json --root {registry}/trust/1.root.json")
    if timings:
        for name, seconds in report.timings.items():
            print(f"  {name:<12} {seconds:8.3f} s")
        print(f"  未变的活动（沿用上次的文件）/ unchanged events (files reused): {report.reused}")
    return 0
