"""A build split over machines: ``build --shard K/N`` builds a deterministic part of the event units,
``build --merge PART...`` assembles the site from all parts (lists, statistics, open data, docs,
search). The merged site is the one-machine build, byte for byte (a test holds them equal).

An event folder belongs to shard ``1 + SHA-256(events/<year>/<id>) mod N``: the assignment depends
only on the folder, so adding events moves no other event to another shard (CI caches stay warm).

A part holds its units' files and ``carbonreg-shard.json``: the shard number, the build's date and
stamp, the digest of the code and registry-wide files every event key includes, and for each of its
events the position, the check's memo value (findings and facts) and the summary the site-wide pages
are built from. The merge checks the registry again only where that is cheap (registry-wide files)
and runs the registry-wide rules over every part's facts, so duplicate ids or serials across shards
are still found; parts from another commit, code version, date or shard count are refused."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.caches import Caches
from generator.findings import sorted_findings
from generator.incremental import memo
from generator.incremental.check import IncrementalResult, check_incremental, registry_wide, whole_rules
from generator.incremental.fileids import FileIds
from generator.incremental.store import Store
from generator.progress import QUIET, Progress
from generator.site import units
from generator.site.build import BuildRefused, BuildReport, _event_inputs, site_wide, source_date, stager, unit_job
from generator.site.output import MARKER, OutputError, Staging

MANIFEST = "carbonreg-shard.json"
FORMAT = "carbonreg-shard/1"


class ShardError(OutputError):
    """Parts that cannot be merged into one site (named, with what to do)."""


@dataclass(frozen=True)
class Shard:
    k: int
    n: int


def parse_shard(text: str) -> Shard:
    """``K/N`` with 1 <= K <= N."""
    try:
        k, n = (int(x) for x in text.split("/"))
    except ValueError:
        k = n = 0
    if not 1 <= k <= n:
        raise ShardError(f"--shard 应为 K/N（1 ≤ K ≤ N），例如 2/4，而不是 {text!r}",
                         f"--shard must be K/N with 1 <= K <= N, e.g. 2/4, not {text!r}")
    return Shard(k, n)


def shard_of(rel: str, n: int) -> int:
    """The shard (1..n) of the event folder ``rel`` (``events/<year>/<id>``)."""
    return 1 + int(hashlib.sha256(rel.encode("utf-8", "surrogatepass")).hexdigest(), 16) % n


def build_shard(registry: Path, out: Path, today: date, shard: Shard, epoch: int | None = None,
                shown_root: str | None = None, progress: Progress = QUIET, jobs: int = 1,
                caches: Caches | None = None) -> BuildReport:
    """Check and build the units of shard ``shard.k`` of ``shard.n`` into ``out`` (a part)."""
    caches = Caches.from_environment() if caches is None else caches
    timings: dict[str, float] = {}
    stage = stager(timings, progress)
    epoch, stamp = source_date(epoch, today)
    shown_root = str(registry) if shown_root is None else shown_root
    result = stage("check", lambda: check_incremental(registry, today, shown_root, progress, caches, jobs=jobs,
                                                      only=lambda rel: shard_of(rel, shard.n) == shard.k))
    if result.errors:
        raise BuildRefused(result)
    site = Staging(out)
    try:
        job = unit_job(result.registry, registry, shown_root, today, stamp, site, caches)
        inputs = _event_inputs(registry, shown_root, result)
        built = stage("events", units.build_units, job, inputs, jobs)
        site.count(built.files, built.bytes)
        summaries = dict(built.summaries)
        events = [[position, f"events/{year}/{name}", result.memos[f"events/{year}/{name}"], summaries.get(position)]
                  for position, year, name, _, _ in inputs]
        manifest = {"format": FORMAT, "shard": shard.k, "of": shard.n, "today": today.isoformat(), "stamp": stamp,
                    "epoch": epoch, "shared": result.shared, "events": events}
        site.add(MANIFEST, json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    except BaseException:
        site.discard()
        raise
    stage("write", site.publish)
    return BuildReport(out, site.files, site.bytes, timings, tuple(result.findings), built.reused)


def merge_parts(registry: Path, parts: list[Path], out: Path, today: date, epoch: int | None = None,
                shown_root: str | None = None, search: bool = True, progress: Progress = QUIET,
                caches: Caches | None = None) -> BuildReport:
    """The site from every part of a sharded build (see the module docstring)."""
    caches = Caches.from_environment() if caches is None else caches
    timings: dict[str, float] = {}
    stage = stager(timings, progress)
    epoch, stamp = source_date(epoch, today)
    shown_root = str(registry) if shown_root is None else shown_root
    manifests = [_read_manifest(p) for p in parts]
    store = Store(caches.folder)
    try:
        layout, reg, findings, shared = registry_wide(registry, today, shown_root, caches, FileIds(registry, store))
    finally:
        store.close()
    events = _check_parts(parts, manifests, layout, shared, today, stamp, epoch)
    facts = []
    for _, _, value, _ in events:
        found, fact = memo.decode(value, registry, shown_root)
        findings.extend(found)
        facts.append(fact)
    findings.extend(whole_rules(reg, tuple(facts), today, caches))
    result = IncrementalResult(reg, tuple(facts), tuple(sorted_findings(findings)), today, 0, layout=layout, shared=shared)
    if result.errors:
        raise BuildRefused(result)
    site = Staging(out)
    try:
        stage("parts", _link_parts, parts, site)
        site_wide(site, reg, [summary for *_, summary in events], stamp, today, epoch, search, stage)
    except BaseException:
        site.discard()
        raise
    stage("write", site.publish)
    return BuildReport(out, site.files, site.bytes, timings, tuple(result.findings), 0)


def _read_manifest(part: Path) -> dict:
    path = part / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ShardError(f"{path} 不是 carbonreg build --shard 生成的部分（{exc}）；请传入各分片的 --out 目录",
                         f"{path} is not a part written by carbonreg build --shard ({exc}); pass each shard's --out folder") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ShardError(f"{path}：格式不是 {FORMAT}；请用同一版本的 carbonreg 重新生成各分片",
                         f"{path}: format is not {FORMAT}; build every shard again with the same carbonreg version")
    return data


def _check_parts(parts, manifests, layout, shared, today, stamp, epoch) -> list:
    """Every event of the registry exactly once across parts built from the same inputs: the events
    in the registry's order, as (position, folder, memo value, summary)."""
    n = len(parts)
    shards = sorted(m.get("shard") for m in manifests if isinstance(m.get("shard"), int))
    if shards != list(range(1, n + 1)) or any(m.get("of") != n for m in manifests):
        got = ", ".join(f"{m.get('shard')}/{m.get('of')}" for m in manifests)
        raise ShardError(f"需要 1/{n} 到 {n}/{n} 各一个分片，收到的是 {got}；请传入全部分片，每个一次",
                         f"expected shards 1/{n} to {n}/{n} once each, got {got}; pass every part once")
    for part, m in zip(parts, manifests):
        if (m.get("shared"), m.get("today"), m.get("stamp"), m.get("epoch")) != (shared, today.isoformat(), stamp, epoch):
            raise ShardError(f"{part} 是用另一版本的登记库全局文件、代码或日期生成的；请在同一提交上用相同的 --today 与 SOURCE_DATE_EPOCH 重新生成全部分片",
                             f"{part} was built from other registry-wide files, code or date; build every shard again "
                             "from the same commit with the same --today and SOURCE_DATE_EPOCH")
    events = sorted((tuple(e) for m in manifests for e in m.get("events", [])), key=lambda e: e[0])
    expected = [f"events/{year}/{name}" for year, name, _ in layout.event_dirs]
    if [e[1] for e in events] != expected or [e[0] for e in events] != list(range(len(expected))):
        raise ShardError("各分片的活动与登记库中的活动不一致（缺少、重复或来自另一提交）；请在同一提交上重新生成全部分片",
                         "the parts' events are not the registry's (missing, repeated or from another commit); "
                         "build every shard again from the same commit")
    return events


def _link_parts(parts: list[Path], site: Staging) -> None:
    """Every file of every part (but its manifest and marker) into the site: hard links where the
    file system allows, copies elsewhere."""
    for part in parts:
        root = part.resolve()
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            rel_dir = os.path.relpath(folder, root)
            for name in sorted(files):
                rel = name if rel_dir == "." else f"{rel_dir}/{name}"
                if rel in (MANIFEST, MARKER):
                    continue
                target = site.target / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(os.path.join(folder, name), target)
                except FileExistsError:
                    raise ShardError(f"{rel} 出现在多个分片中；请在同一提交上重新生成全部分片",
                                     f"{rel} is in more than one part; build every shard again from the same commit") from None
                except OSError:
                    shutil.copyfile(os.path.join(folder, name), target)
                site.count(1, target.stat().st_size)
