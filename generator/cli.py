"""The ``carbonreg`` command: thin, it parses arguments and calls the library."""
from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import date
from pathlib import Path


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD: {text!r}") from None


def _version() -> str:
    from signing.cli import version_text

    return version_text().replace("verify (carbonreg)", "carbonreg")


_USAGE_ERRORS = (  # argparse's English messages, with the Chinese said first
    (re.compile(r"the following arguments are required: (.*)"), "缺少必需的参数 {0} / the following arguments are required: {0}"),
    (re.compile(r"unrecognized arguments: (.*)"), "无法识别的参数 {0} / unrecognized arguments: {0}"),
    (re.compile(r"argument (\S+): invalid choice: (.*)"), "参数 {0} 的取值无效：{1} / argument {0}: invalid choice: {1}"),
    (re.compile(r"argument (\S+): expected one argument"), "参数 {0} 需要一个值 / argument {0}: expected one argument"),
    (re.compile(r"argument (\S+): invalid (\w+) value: (.*)"), "参数 {0} 的值无效：{2} / argument {0}: invalid {1} value: {2}"),
    (re.compile(r"argument (\S+): not allowed with argument (.*)"), "参数 {0} 不能与 {1} 同时使用 / argument {0}: not allowed with argument {1}"),
    (re.compile(r"one of the arguments (.*) is required"), "必须给出 {0} 之一 / one of the arguments {0} is required"),
)


def bilingual(message: str) -> str:
    """An argparse usage error in Chinese and English (messages we raise ourselves already are)."""
    for pattern, both in _USAGE_ERRORS:
        found = pattern.fullmatch(message)
        if found:
            return both.format(*found.groups())
    return message if re.search(r"[\u4e00-\u9fff]", message) else f"用法错误 / usage error: {message}"


class Parser(argparse.ArgumentParser):
    """argparse with bilingual usage errors (exit 2) and bilingual help headings."""

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {bilingual(message)}\n"
                     f"运行 {self.prog} --help 查看用法 / run {self.prog} --help for usage\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="carbonreg",
        description="大型活动碳中和开放登记平台 / Open registry for the carbon neutrality of large events",
    )
    parser.add_argument("--version", action="version", version=_version(), help="显示版本 / show the version")
    sub = parser.add_subparsers(dest="command", required=True)
    chk = sub.add_parser("check", help="检查登记库 / check a registry")
    chk.add_argument("path", nargs="?", default="registry", help="登记库文件夹 / registry folder (default: registry)")
    chk.add_argument("--registry", default=None, help="登记库文件夹（同上，与 build 等命令一致）/ registry folder "
                     "(the same as the argument, as in build and the other commands)")
    chk.add_argument("--format", choices=("text", "json", "github", "markdown"), default="text")
    chk.add_argument("--base", metavar="REF", default=None,
                     help="与基准分支比较（不可变记录、编号复用、密钥）/ also check the change since this git ref (immutability, ids, secrets)")
    chk.add_argument("--strict", action="store_true", help="警告也视为失败 / warnings fail too")
    chk.add_argument("--today", type=_date, default=None,
                     help="计算期限状态所用日期 / the date deadline status is computed against (default: today)")
    bld = sub.add_parser("build", help="生成静态网站 / build the static website")
    bld.add_argument("--registry", default="registry", help="登记库文件夹 / registry folder (default: registry)")
    bld.add_argument("--out", default="_site", help="输出目录 / output folder (default: _site)")
    bld.add_argument("--today", type=_date, default=None, help="期限状态所用日期 / reference date (default: today)")
    bld.add_argument("--timings", action="store_true", help="显示各阶段耗时 / print where the time went")
    bld.add_argument("--no-search", action="store_true", help="不生成搜索索引 / skip the search index")
    bld.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                     help="并行进程数 / processes for rendering (default: the number of cores)")
    part = bld.add_mutually_exclusive_group()
    part.add_argument("--shard", metavar="K/N", default=None,
                      help="只生成第 K 个分片（共 N 个）的活动部分，供 --merge 合并 / build only part K of N of the "
                           "event units, for --merge (e.g. one CI job each)")
    part.add_argument("--merge", metavar="PART", nargs="+", default=None,
                      help="把 --shard 生成的全部分片合并为网站 / assemble the site from every part --shard wrote")
    srv = sub.add_parser("serve", help="本地预览并在修改后重建 / preview locally, rebuilding on change")
    srv.add_argument("--registry", default="registry")
    srv.add_argument("--out", default="_site")
    srv.add_argument("--port", type=int, default=8000)
    srv.add_argument("--today", type=_date, default=None)
    sub.add_parser("verify", help="离线核验证书（同 verify 命令，加 --registry 时重算合计）/ "
                   "verify offline (as `verify`; with --registry also recomputes totals)")
    from generator.demo.command import add_parser as add_demo_parser
    from generator.publishing.commands import add_parsers

    add_demo_parser(sub)
    add_parsers(sub)
    from generator.scaffold.commands import add_parsers as add_new_parsers

    add_new_parsers(sub)
    from generator.scaffold.initcmd import add_parser as add_init_parser

    add_init_parser(sub)
    from generator.history.commentcmd import add_parser as add_comment_parser

    add_comment_parser(sub)
    from generator.offers.command import add_parser as add_match_parser

    add_match_parser(sub, _date)
    from generator.estimate.command import add_parser as add_estimate_parser

    add_estimate_parser(sub)
    from generator.spreadsheet.commands import add_parsers as add_spreadsheet_parsers

    add_spreadsheet_parsers(sub)
    from generator.documents.command import add_parser as add_scrub_parser

    add_scrub_parser(sub)
    from generator.clihelp import fill_help

    fill_help(parser)
    return parser


def cmd_check(args) -> int:
    from generator.caches import Caches
    from generator.formats import FORMATS
    from generator.incremental.check import check_incremental

    if args.registry:
        args.path = args.registry
    root = Path(args.path)
    if not root.is_dir():
        print(f"carbonreg: 找不到登记库文件夹 / no registry folder at {args.path!r}", file=sys.stderr)
        return 2
    shown = args.path.rstrip("/") or "/"
    caches = Caches.from_environment()  # the environment is read here, where the command starts
    if args.base:
        from generator.history import GitError, check_with_base

        try:
            result = check_with_base(root, args.today or date.today(), shown, args.base,
                                     review=args.format == "markdown", caches=caches)
        except GitError as exc:
            print(f"carbonreg: {exc.zh} / {exc.en}", file=sys.stderr)
            return 2
    else:
        from generator.progress import Progress

        result = check_incremental(root, args.today or date.today(), shown, Progress(), caches, jobs=os.cpu_count() or 1)
    sys.stdout.write(FORMATS[args.format](result))
    return 1 if result.failed(args.strict) else 0


def cmd_build(args) -> int:
    from generator.site.commands import run_build

    return run_build(args.registry, args.out, args.today or date.today(), timings=args.timings,
                     search=not args.no_search, jobs=args.jobs, shard=args.shard, merge=args.merge)


def cmd_serve(args) -> int:
    from generator.site.serve import serve

    return serve(args.registry, args.out, args.port, args.today)


def cmd_demo(args) -> int:
    from generator.demo.command import run_demo

    return run_demo(args)


def cmd_match(args) -> int:
    from generator.offers.command import run_match

    return run_match(args)


def cmd_estimate(args) -> int:
    from generator.estimate.command import run_estimate

    return run_estimate(args)


def cmd_scrub(args) -> int:
    from generator.documents.command import run_scrub

    return run_scrub(args)


COMMANDS = {"scrub": cmd_scrub, "check": cmd_check, "build": cmd_build, "serve": cmd_serve, "demo": cmd_demo, "match": cmd_match,
            "estimate": cmd_estimate}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["verify"]:  # the offline verifier's own arguments, plus totals with --registry
        from generator.publishing.verifycmd import main as verify_main

        return verify_main(argv[1:])
    args = build_parser().parse_args(argv)
    from generator.errors import CarbonregError

    try:
        return _dispatch(args)
    except CarbonregError as exc:  # every error a user can cause, caught once: one bilingual line, no traceback
        print(f"carbonreg: {exc.zh} / {exc.en}", file=sys.stderr)
        return exc.exit_code


def _dispatch(args) -> int:
    if hasattr(args, "handler"):
        from generator.publishing.commands import run

        return run(args.handler, args)
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
