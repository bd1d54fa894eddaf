"""``carbonreg match EVENT``: thin; the library (``match.py``) does the work, ``output.py`` prints."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path


def add_parser(sub, date_type) -> None:
    m = sub.add_parser("match", help="抵销撮合：活动缺口与可用供给 / offset matching: an event's shortfall and the offers that cover it")
    m.add_argument("event", metavar="EVENT", help="活动编号或文件夹 / event id or folder")
    m.add_argument("--registry", default="registry", help="登记库文件夹 / registry folder (default: registry)")
    m.add_argument("--scope", choices=("basic", "full"), default=None,
                   help="撮合的范围（默认活动的目标范围）/ scope to match (default: the event's target scope)")
    m.add_argument("--today", type=date_type, default=None, help="供给有效的参照日期 / reference date (default: today)")
    m.add_argument("--format", choices=("text", "json"), default="text")


def run_match(args) -> int:
    from generator.formats.text import finding_line
    from generator.offers.match import find_event, match_event
    from generator.offers.output import render_json, render_text
    from generator.pipeline import check

    root = Path(args.registry)
    if not root.is_dir():
        print(f"carbonreg: 找不到登记库文件夹 / no registry folder at {args.registry!r}", file=sys.stderr)
        return 2
    today = args.today or date.today()
    result = check(root, today, args.registry.rstrip("/") or "/")
    if result.errors:
        for f in result.findings:
            print(finding_line(f), file=sys.stderr)
        print(f"carbonreg: 登记库有 {result.errors} 个错误，请先修正（carbonreg check）"
              f" / the registry has {result.errors} errors: fix them first (carbonreg check)", file=sys.stderr)
        return 1
    event = find_event(result.registry, args.event)
    account = result.accounts.get(event.rel_dir) if event is not None else None
    if account is None:
        print(f"carbonreg: 找不到活动 / no such event: {args.event!r}", file=sys.stderr)
        return 2
    m = match_event(result.registry, account, args.scope or event.plan.target_scope, today)
    sys.stdout.write((render_json if args.format == "json" else render_text)(event, account, m))
    return 0
