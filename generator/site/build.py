"""``carbonreg build``: the whole static site in one pass of named stages (compute first, then render)."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from generator.caches import Caches
from generator.findings import Finding
from generator.incremental.check import check_incremental
from generator.progress import QUIET, Progress
from generator.site import datasets, docs, opendata, pages, units
from generator.site.model import site_model
from generator.site.output import Staging
from generator.site.render import THEME_DIR
from generator.site.search import index_site
from generator.site.summary import from_json
from generator.site.units import UnitJob
from generator.spreadsheet.template import site_templates


class BuildRefused(Exception):
    """The registry has errors: nothing is published, the previous site stays."""

    def __init__(self, result):
        super().__init__(f"{result.errors} errors")
        self.result = result


@dataclass
class BuildReport:
    out: Path
    files: int
    bytes: int
    timings: dict[str, float] = field(default_factory=dict)
    warnings: tuple[Finding, ...] = ()
    reused: int = 0  # events whose files were linked from the previous site


def source_date(epoch: int | None, today: date) -> tuple[int, str]:
    """The build's timestamp: SOURCE_DATE_EPOCH when given, else the reference date (reproducible)."""
    if epoch is None:
        epoch = int(datetime(today.year, today.month, today.day, tzinfo=timezone.utc).timestamp())
    stamp = datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return epoch, stamp


def stager(timings: dict[str, float], progress: Progress):
    """``stage(name, fn, *args)``: run one named stage, adding its time to ``timings``."""
    def stage(name, fn, *args):
        progress.stage(name)
        start = time.perf_counter()
        value = fn(*args)
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - start
        return value
    return stage


def build(registry: Path, out: Path, today: date, epoch: int | None = None, shown_root: str | None = None,
          search: bool = True, progress: Progress = QUIET, jobs: int = 1, caches: Caches | None = None) -> BuildReport:
    """``caches``: none given, those the environment names (``Caches.from_environment``)."""
    caches = Caches.from_environment() if caches is None else caches
    timings: dict[str, float] = {}
    stage = stager(timings, progress)
    epoch, stamp = source_date(epoch, today)
    shown_root = str(registry) if shown_root is None else shown_root
    result = stage("check", lambda: check_incremental(registry, today, shown_root, progress, caches, jobs=jobs))  # findings, memo keys
    if result.errors:
        raise BuildRefused(result)
    reg = result.registry                                                  # registry-wide records only
    site = Staging(out)                                                     # pages go to disk as written
    try:
        job = unit_job(reg, registry, shown_root, today, stamp, site, caches)
        built = stage("events", units.build_units, job, _event_inputs(registry, shown_root, result), jobs)
        site.count(built.files, built.bytes)
        site_wide(site, reg, [s for _, s in built.summaries], stamp, today, epoch, search, stage)
    except BaseException:
        site.discard()
        raise
    stage("write", site.publish)                                           # sync and atomic publish
    return BuildReport(out, site.files, site.bytes, timings, tuple(result.findings), built.reused)


def unit_job(reg, registry: Path, shown_root: str, today: date, stamp: str, site: Staging, caches: Caches) -> UnitJob:
    base_url = reg.meta.base_url if reg.meta else None
    return UnitJob(reg, registry, shown_root, today, stamp, base_url, site.target, site.previous,
                   caches, units.salt(stamp, [o.id for o in reg.offers]))


def site_wide(site: Staging, reg, summaries: list, stamp: str, today: date, epoch: int, search: bool, stage) -> None:
    """Everything built from all events' summaries (in event order) once their units are in ``site``:
    lists, statistics, open data, feeds, assets, docs and the search index."""
    base_url = reg.meta.base_url if reg.meta else None
    model = stage("model", site_model, reg, [from_json(s) for s in summaries if s], stamp, today)
    stage("render", site.add_all, pages.home(model), pages.event_list(model), pages.agencies(model),
          pages.statistics(model), pages.revocation_pages(model), pages.search_page(), pages.verify_page(model), pages.file_page(reg),
          pages.not_found(model, base_url), pages.showcase(model), pages.offers(model))
    stage("open data", site.add_all, opendata.open_data(model, lambda i: (site.target / f"data/events/{i}.json").read_bytes()),
          opendata.schema_files(), [opendata.atom_feed(model, base_url), opendata.revocation_feed(model, base_url)],
          opendata.trust_files(model))
    stage("templates", site.add_all, site_templates(reg))               # the standard spreadsheet per rules version
    stage("open data", site.add_all, [datasets.catalog(model, base_url, site.target)],   # describes the files written
          pages.data_page(model, [name for name, _ in _schema_names()], datasets.published(site.target)))
    stage("assets", site.add_all, _assets())
    stage("docs", site.add_all, docs.build_docs(model, epoch))          # mkdocs narrative pages
    if search:
        stage("search", index_site, site.target, site.previous)        # Pagefind over the finished pages, by year


def _event_inputs(root: Path, shown_root: str, result) -> list:
    """(position, year, name, folder, event memo key) of every event folder the check keyed (all of
    them, or a shard's)."""
    return [(position, year, name, path, result.keys[f"events/{year}/{name}"])
            for position, (year, name, path) in enumerate(result.layout.event_dirs)
            if f"events/{year}/{name}" in result.keys]


def _schema_names():
    for rel, _ in opendata.schema_files():
        yield rel.rsplit("/", 1)[1], None


def _assets():
    assets = THEME_DIR / "assets"
    for path in sorted(assets.rglob("*")):
        if path.is_file():
            yield f"assets/{path.relative_to(assets).as_posix()}", path.read_bytes()
