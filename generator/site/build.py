"""``carbonreg build``: the whole static site in one pass of named stages (compute first, then render)."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from generator.findings import Finding
from generator.pipeline import CheckResult, check
from generator.progress import QUIET, Progress
from generator.site import docs, opendata, pages
from generator.site.model import build_model
from generator.site.output import Staging
from generator.site.parallel import per_event_pages
from generator.site.render import THEME_DIR
from generator.site.search import index_site


class BuildRefused(Exception):
    """The registry has errors: nothing is published, the previous site stays."""

    def __init__(self, result: CheckResult):
        super().__init__(f"{result.errors} errors")
        self.result = result


@dataclass
class BuildReport:
    out: Path
    files: int
    bytes: int
    timings: dict[str, float] = field(default_factory=dict)
    warnings: tuple[Finding, ...] = ()


def source_date(epoch: int | None, today: date) -> tuple[int, str]:
    """The build's timestamp: SOURCE_DATE_EPOCH when given, else the reference date (reproducible)."""
    if epoch is None:
        epoch = int(datetime(today.year, today.month, today.day, tzinfo=timezone.utc).timestamp())
    stamp = datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return epoch, stamp


def build(registry: Path, out: Path, today: date, epoch: int | None = None, shown_root: str | None = None,
          search: bool = True, progress: Progress = QUIET, jobs: int = 1) -> BuildReport:
    timings: dict[str, float] = {}

    def stage(name, fn, *args):
        progress.stage(name)
        start = time.perf_counter()
        value = fn(*args)
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - start
        return value

    epoch, stamp = source_date(epoch, today)
    result = stage("check", check, registry, today, shown_root, progress)  # load, validate, account, rules
    if result.errors:
        raise BuildRefused(result)
    model = stage("model", build_model, result, stamp)                    # compute everything pages show
    base_url = result.registry.meta.base_url if result.registry.meta else None
    site = Staging(out)                                                     # pages go to disk as rendered
    try:
        stage("render", site.add_all, pages.home(model), pages.event_list(model),
              per_event_pages(model, base_url, jobs), pages.agencies(model), pages.statistics(model),
              pages.revocation_pages(model), pages.search_page(), pages.verify_page(model),
              pages.showcase(model), pages.offers(model),
              pages.data_page(model, [name for name, _ in _schema_names()]))
        stage("open data", site.add_all, opendata.open_data(model), opendata.schema_files(),
              [opendata.atom_feed(model, base_url), opendata.revocation_feed(model, base_url)],
              opendata.trust_files(model))
        stage("attachments", site.add_all, _attachments(model), _assets())
        stage("docs", site.add_all, docs.build_docs(model, epoch))          # mkdocs narrative pages
        if search:
            stage("search", index_site, site.target)                       # Pagefind over the finished pages
    except BaseException:
        site.discard()
        raise
    stage("write", site.publish)                                           # sync and atomic publish
    return BuildReport(out, site.files, site.bytes, timings, tuple(f for f in result.findings))


def _schema_names():
    for rel, _ in opendata.schema_files():
        yield rel.rsplit("/", 1)[1], None


def _attachments(model):
    for e in model.events:
        for rec in (e.plan, e.event.report, *e.event.retirements):
            for att in getattr(rec, "attachments", ()) if rec is not None else ():
                yield f"{e.path}{att.path}", (e.event.dir / att.path).read_bytes()


def _assets():
    assets = THEME_DIR / "assets"
    for path in sorted(assets.rglob("*")):
        if path.is_file():
            yield f"assets/{path.relative_to(assets).as_posix()}", path.read_bytes()
