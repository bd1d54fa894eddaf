"""CLI for ``carbonreg new event|retirement|declaration``: flags, and questions for the fields still
missing when stdin is a terminal. The library (``new.py``) does the work."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from generator.publishing.files import WriteRefused
from generator.scaffold import new

# (flag dest, question) asked interactively when the flag is missing; an empty answer leaves a TODO.
QUESTIONS = {
    "event": [("id", "活动编号（如 2026-pujiang-forum）/ event id (e.g. 2026-pujiang-forum)"),
              ("name_zh", "活动名称（中文）/ event name in Chinese"), ("name_en", "活动名称（英文）/ event name in English"),
              ("kind", "类型 / kind (performance, sports, conference, exhibition, other)"),
              ("organizer_zh", "举办单位（中文）/ organizer in Chinese"), ("organizer_en", "举办单位（英文）/ organizer in English"),
              ("district", "所在区代码 / district code (e.g. pudong)"),
              ("start", "举办开始日期 / hosting starts (YYYY-MM-DD)"), ("end", "举办结束日期 / hosting ends (YYYY-MM-DD)")],
    "retirement": [("event", "活动编号 / event id"), ("id", "注销证明编号 / retirement id"),
                   ("kind", "抵销类型 / kind (cea, shea, ccer, shanghai_ver, recognised_other)"),
                   ("quantity", "注销数量（整吨）/ quantity (whole tonnes)"), ("retired_on", "注销日期 / retired on (YYYY-MM-DD)"),
                   ("proof", "注销证明附件 / proof attachment (attachments/<file>)")],
    "declaration": [("event", "活动编号 / event id"), ("scope", "碳中和范围 / scope (basic, full)")],
    "agency": [("id", "机构编号（如 my-agency）/ agency id (e.g. my-agency)"),
               ("name_zh", "机构名称（中文）/ agency name in Chinese"), ("name_en", "机构名称（英文）/ agency name in English"),
               ("accredited_from", "登记生效日期 / accredited from (YYYY-MM-DD)")],
}
_INTS = {"quantity", "vintage", "on_site_participants", "visits"}


def _ask(kind: str, values: dict) -> dict:
    for dest, question in QUESTIONS[kind]:
        if values.get(dest) in (None, ""):
            answer = input(f"{question}: ").strip()
            if answer:
                values[dest] = int(answer) if dest in _INTS and answer.isdigit() else answer
    return values


def _serial(text: str) -> tuple[str, str, str]:
    import argparse

    prefix, sep, numbers = text.rpartition(":")
    first, dash, last = numbers.partition("-")
    if not sep or not dash or not prefix or not first.isdigit() or not last.isdigit():
        raise argparse.ArgumentTypeError(f"序列号区段应为 PREFIX:FIRST-LAST / a serial block is PREFIX:FIRST-LAST: {text!r}")
    return prefix, first, last


def run_new(args) -> int:
    values = {k: v for k, v in vars(args).items()
              if v is not None and k not in ("command", "what", "handler", "registry", "no_input")}
    if sys.stdin.isatty() and not args.no_input:
        values = _ask(args.what, values)
    registry = Path(args.registry)
    if not registry.is_dir():
        print(f"carbonreg: 找不到登记库文件夹 / no registry folder at {args.registry!r}", file=sys.stderr)
        return 2
    try:
        if args.what == "event":
            path = new.new_event(registry, values)
        elif args.what == "agency":
            path = new.new_agency(registry, values)
        elif args.what == "retirement":
            path = new.new_retirement(registry, values)
        else:
            path = new.new_declaration(registry, values, date.today())
    except (new.ScaffoldError, WriteRefused) as exc:
        print(f"carbonreg: {exc.zh} / {exc.en}", file=sys.stderr)
        return 1
    print(f"已写入 / wrote {path}")
    if args.what == "agency":
        print(next_after_agency(args.registry, values["id"], values.get("accredited_until")))
        return 0
    print(f"下一步：填写每个 TODO，然后运行 carbonreg check {args.registry} / next: fill every TODO, "
          f"then run carbonreg check {args.registry}")
    return 0


def next_after_agency(registry: str, agency_id: str, until: str | None) -> str:
    return "\n".join([
        "下一步 / next:",
        "  1. 机构：生成签名密钥，放在仓库之外（私钥只留在本机）/ agency: generate your signing key, outside the "
        "repository (it stays on your machine):",
        f"       carbonreg keys generate ../{agency_id}.pem",
        "  2. 机构：检查，提交本文件的拉取请求，并把第 1 步打印的公钥发给运营方 / agency: check, open a pull request "
        "with this file and send the operator the public key step 1 printed:",
        f"       carbonreg check {registry}",
        "  3. 运营方合并后授权该公钥 / the operator, once merged, authorizes that key:",
        f"       carbonreg trust authorize {agency_id} --registry {registry} --public-key z6Mk… "
        "--authorizations-key authorizations.pem" + ("" if until else " --until <YYYY-MM-DD>T00:00:00Z"),
    ])


def add_parsers(sub) -> None:
    """Register ``carbonreg new`` on the ``carbonreg`` parser."""
    parent = sub.add_parser("new", help="按标准模板新建记录 / new record from the standard template")
    kinds = parent.add_subparsers(dest="what", required=True)

    def common(p):
        p.add_argument("--registry", default="registry", help="登记库文件夹 / registry folder (default: registry)")
        p.add_argument("--no-input", action="store_true", help="不提问，缺项留 TODO / never ask, leave TODOs")
        p.set_defaults(handler=run_new)

    ev = kinds.add_parser("event", help="新活动的实施计划 plan.yaml / the plan of a new event")
    common(ev)
    ev.add_argument("--id", help="活动编号 / event id, e.g. 2026-pujiang-forum")
    for flag in ("name", "organizer", "venue", "content", "measure"):
        ev.add_argument(f"--{flag}-zh")
        ev.add_argument(f"--{flag}-en")
    ev.add_argument("--kind", choices=("performance", "sports", "conference", "exhibition", "other"))
    ev.add_argument("--district")
    ev.add_argument("--start", help="举办开始 / hosting starts, YYYY-MM-DD")
    ev.add_argument("--end", help="举办结束 / hosting ends, YYYY-MM-DD")
    ev.add_argument("--on-site-participants", dest="on_site_participants", type=int)
    ev.add_argument("--visits", type=int)
    ev.add_argument("--exhibition-area-m2", dest="exhibition_area_m2")
    ev.add_argument("--measure-area", choices=("venue", "transport", "accommodation", "catering", "consumables",
                                               "energy", "waste", "communication"))
    ev.add_argument("--estimate-basic", help="tCO2e")
    ev.add_argument("--estimate-total", help="tCO2e")
    ev.add_argument("--target-scope", choices=("basic", "full"))
    ev.add_argument("--offset-kind", dest="offset_kinds", action="append",
                    choices=("cea", "shea", "ccer", "shanghai_ver", "recognised_other", "vcs", "gold_standard"))
    ev.add_argument("--expected-neutral-by", help="YYYY-MM-DD")

    ret = kinds.add_parser("retirement", help="注销证明 retirements/<id>.yaml / a retirement proof")
    common(ret)
    ret.add_argument("--event", help="活动编号 / event id")
    ret.add_argument("--id", help="注销证明编号 / retirement id")
    ret.add_argument("--kind", choices=("cea", "shea", "ccer", "shanghai_ver", "recognised_other", "vcs", "gold_standard"))
    ret.add_argument("--registry-name", dest="registry_name_value", help="注册登记机构 / the unit registry")
    ret.add_argument("--serial", dest="serials", action="append", type=_serial, help="PREFIX:FIRST-LAST")
    ret.add_argument("--quantity", type=int)
    ret.add_argument("--retired-on", help="YYYY-MM-DD")
    ret.add_argument("--method", choices=("purchase", "donation"))
    ret.add_argument("--from-zh")
    ret.add_argument("--from-en")
    ret.add_argument("--proof", help="attachments/<file>（存在时计算 SHA-256 / its SHA-256 is computed when present）")
    ret.add_argument("--project-id")
    ret.add_argument("--project-zh")
    ret.add_argument("--project-en")
    ret.add_argument("--vintage", type=int)
    ret.add_argument("--province")

    ag = kinds.add_parser("agency", help="技术服务机构 agencies/<id>.yaml / a technical service agency")
    common(ag)
    ag.add_argument("--id", help="机构编号 / agency id, e.g. my-agency")
    ag.add_argument("--name-zh", help="机构名称（中文）/ name in Chinese")
    ag.add_argument("--name-en", help="机构名称（英文）/ name in English")
    ag.add_argument("--credit-code", help="统一社会信用代码 / unified social credit code")
    ag.add_argument("--website", help="https://…")
    ag.add_argument("--accredited-from", help="登记生效日期 / accredited from, YYYY-MM-DD")
    ag.add_argument("--accredited-until", help="登记截止日期 / accredited until, YYYY-MM-DD")
    ag.add_argument("--basis-zh", help="登记依据（中文）/ basis of the accreditation in Chinese")
    ag.add_argument("--basis-en", help="登记依据（英文）/ basis of the accreditation in English")

    dec = kinds.add_parser("declaration", help="自我声明 declaration.yaml / the self-declaration")
    common(dec)
    dec.add_argument("--event", help="活动编号 / event id")
    dec.add_argument("--id", help="声明编号（默认 <活动编号>-declaration）/ declaration id (default <event-id>-declaration)")
    dec.add_argument("--scope", choices=("basic", "full"))
    dec.add_argument("--declared-on", help="YYYY-MM-DD（默认今天 / default today）")
    dec.add_argument("--statement-zh")
    dec.add_argument("--statement-en")
    dec.add_argument("--retirement", dest="retirements", action="append",
                     help="所依据的注销证明（默认本活动全部）/ retirement relied on (default: all of the event's)")
