"""``carbonreg estimate EVENT``: thin. The event folder is loaded and accounted alone, exactly as
``carbonreg check`` does (``accounting/estimate.py`` computes); ``output.py`` prints.

Exit codes as ``check``: 0 the estimate is computed; 1 the plan or its estimate has errors (each
printed with its file, line and field); 2 the folder is not an event folder of a registry."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from generator.errors import CarbonregError


class NotAnEventFolder(CarbonregError):
    exit_code = 2


def add_parser(sub) -> None:
    e = sub.add_parser("estimate", help="计划的预估排放量（第九条）/ the plan's estimated emissions (Art. 9)")
    e.add_argument("event", metavar="EVENT",
                   help="活动文件夹，如 registry/events/2026/<活动编号> / the event folder, e.g. registry/events/2026/<event-id>")
    e.add_argument("--format", choices=("text", "json"), default="text")


def event_folder(text: str) -> tuple[Path, Path]:
    """(registry root, event folder) of ``text``, which must be ``<root>/events/<year>/<event-id>``."""
    folder = Path(text)
    if not folder.is_dir():
        raise NotAnEventFolder(f"找不到活动文件夹 {text!r}；请给出活动文件夹，如 registry/events/2026/<活动编号>",
                               f"no event folder at {text!r}; give the event's folder, e.g. registry/events/2026/<event-id>")
    folder = folder.resolve()
    root = folder.parents[2] if len(folder.parents) > 2 else folder
    if folder.parent.parent.name != "events" or not (root / "rules").is_dir():
        raise NotAnEventFolder(f"{text!r} 不是登记库中的活动文件夹（应为 <登记库>/events/<年份>/<活动编号>，登记库含 rules/）",
                               f"{text!r} is not an event folder of a registry (expected <registry>/events/<year>/<event-id>, "
                               "the registry holding rules/)")
    if not (folder / "plan.yaml").is_file():
        raise NotAnEventFolder(f"{text!r} 中没有 plan.yaml；先运行 carbonreg new event",
                               f"{text!r} has no plan.yaml; run carbonreg new event first")
    return root, folder


def run_estimate(args) -> int:
    from generator.accounting.compute import compute_event
    from generator.estimate.output import render_json, render_text
    from generator.formats.text import finding_line
    from generator.loading.cache import RecordCache
    from generator.loading.registry import load_event
    from generator.loading.walk import walk_event
    from generator.scaffold.context import registry_wide

    root, folder = event_folder(args.event)
    shown = str(Path(args.event).parents[2]) if len(Path(args.event).parents) > 2 else str(root)
    registry = registry_wide(root)
    files, _ = walk_event(folder, root, shown)
    event, found = load_event(root, shown, folder.parent.name, folder.name, folder, files, RecordCache(None))
    plan_path = next((f.shown for f in files if f.kind == "plan"), None)
    problems = [f for f in found if f.location.path == plan_path and f.severity.value == "error"]
    account = None
    if event.plan is not None:
        account, computed = compute_event(registry, event, date.today())
        problems += [f for f in computed if f.code.startswith("E1") or f.code == "A506"]
    if problems or account is None or account.estimate is None:
        for f in problems:
            print(finding_line(f), file=sys.stderr)
        print(f"carbonreg: {args.event} 的计划预估有 {len(problems)} 个错误，请修正后再试"
              f" / the plan's estimate of {args.event} has {len(problems)} errors: fix them and try again", file=sys.stderr)
        return 1
    sys.stdout.write((render_json if args.format == "json" else render_text)(event, account))
    return 0
