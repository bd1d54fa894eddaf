"""The ``carbonreg`` command: thin, it parses arguments and calls the library."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD: {text!r}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="carbonreg",
        description="大型活动碳中和开放登记平台 / Open registry for the carbon neutrality of large events",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    chk = sub.add_parser("check", help="检查登记库 / check a registry")
    chk.add_argument("path", nargs="?", default="registry", help="登记库文件夹 / registry folder (default: registry)")
    chk.add_argument("--format", choices=("text", "json", "github"), default="text")
    chk.add_argument("--strict", action="store_true", help="警告也视为失败 / warnings fail too")
    chk.add_argument("--today", type=_date, default=None,
                     help="计算期限状态所用日期 / the date deadline status is computed against (default: today)")
    return parser


def cmd_check(args) -> int:
    from generator.formats import FORMATS
    from generator.pipeline import check

    root = Path(args.path)
    if not root.is_dir():
        print(f"carbonreg: 找不到登记库文件夹 / no registry folder at {args.path!r}", file=sys.stderr)
        return 2
    shown = args.path.rstrip("/") or "/"
    result = check(root, args.today or date.today(), shown)
    sys.stdout.write(FORMATS[args.format](result))
    return 1 if result.failed(args.strict) else 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check":
        return cmd_check(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
