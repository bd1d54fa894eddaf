"""CLI for ``carbonreg new event|report|retirement|declaration``: flags, and questions for the fields
still missing when stdin is a terminal (or with ``--ask``), each answer checked as it is typed.
The library (``new.py``) does the work."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from generator.publishing.files import WriteRefused
from generator.scaffold import answers, context, new

KINDS = ("performance", "sports", "conference", "exhibition", "other")
OFFSET_KINDS = ("cea", "shea", "ccer", "shanghai_ver", "recognised_other", "vcs", "gold_standard")


def questions(what: str, registry: Path) -> list[tuple[str, str, answers.Check]]:
    """(flag dest, question, check) asked when the flag is missing; an empty answer leaves a TODO."""
    def existing_event(text: str, _: dict) -> str:
        try:
            new.find_event(registry, text)
        except new.ScaffoldError as exc:
            raise answers.Retry(exc.zh, exc.en) from None
        return text

    event_id = answers.identifier(answers.EVENT_ID, "活动编号", "event id", "2026-pujiang-forum")
    record_id = answers.identifier(answers.RECORD_ID, "编号", "id", "pjm-2026-ccer-001")
    text = answers.free_text
    if what == "event":
        def new_event_id(value: str, values: dict) -> str:
            event_id(value, values)
            if sorted((registry / "events").glob(f"*/{value}")):
                raise answers.Retry(f"活动 {value} 已存在；请换一个编号", f"event {value} already exists; choose another id")
            return value

        districts = {}
        for rules in context.registry_wide(registry).rules:
            districts.update(rules.districts)
        return [("id", "活动编号（如 2026-pujiang-forum）/ event id (e.g. 2026-pujiang-forum)", new_event_id),
                ("name_zh", "活动名称（中文）/ event name in Chinese", text),
                ("name_en", "活动名称（英文）/ event name in English", text),
                ("kind", f"类型 / kind ({', '.join(KINDS)})", answers.choice(KINDS, answers.KIND_NAMES)),
                ("organizer_zh", "举办单位（中文）/ organizer in Chinese", text),
                ("organizer_en", "举办单位（英文）/ organizer in English", text),
                ("district", "所在区（代码或名称，如 pudong 或 浦东新区）/ district (code or name, e.g. pudong)",
                 answers.district(districts)),
                ("start", "举办开始日期 / hosting starts (YYYY-MM-DD)", answers.a_date),
                ("end", "举办结束日期 / hosting ends (YYYY-MM-DD)", answers.end_date)]
    if what == "retirement":
        return [("event", "活动编号 / event id", existing_event), ("id", "注销证明编号 / retirement id", record_id),
                ("kind", f"抵销类型 / kind ({', '.join(OFFSET_KINDS[:5])})", answers.choice(OFFSET_KINDS)),
                ("quantity", "注销数量（整吨）/ quantity (whole tonnes)", answers.whole_number),
                ("retired_on", "注销日期 / retired on (YYYY-MM-DD)", answers.a_date),
                ("proof", "注销证明附件 / proof attachment (attachments/<file>)", text)]
    if what == "agency":
        return [("id", "机构编号（如 my-agency）/ agency id (e.g. my-agency)", record_id),
                ("name_zh", "机构名称（中文）/ agency name in Chinese", text),
                ("name_en", "机构名称（英文）/ agency name in English", text),
                ("accredited_from", "登记生效日期 / accredited from (YYYY-MM-DD)", answers.a_date)]
    if what == "report":
        return [("event", "活动编号 / event id", existing_event),
                ("role", "编制方 / prepared by (organizer, agency)", answers.choice(("organizer", "agency")))]
    return [("event", "活动编号 / event id", existing_event),
            ("scope", "碳中和范围 / scope (basic, full)", answers.choice(("basic", "full")))]


def ask(asked: list, values: dict, read=None) -> dict:
    """Ask each question whose flag is missing; check each answer as typed and ask again until it is
    valid or empty (a TODO). Ctrl-C and Ctrl-D (KeyboardInterrupt, EOFError) reach the caller."""
    read = read or input
    for dest, question, check in asked:
        while values.get(dest) in (None, ""):
            answer = read(f"{question}: ").strip()
            if not answer:
                break
            try:
                values[dest] = check(answer, values)
            except answers.Retry as exc:
                print(f"  ✗ {exc.zh}\n    {exc.en}", flush=True)
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
              if v is not None and k not in ("command", "what", "handler", "registry", "no_input", "ask")}
    registry = Path(args.registry)
    if not registry.is_dir():
        print(f"carbonreg: 找不到登记库文件夹 / no registry folder at {args.registry!r}", file=sys.stderr)
        return 2
    if (sys.stdin.isatty() or args.ask) and not args.no_input:
        try:
            values = ask(questions(args.what, registry), values)
        except (KeyboardInterrupt, EOFError) as exc:
            print("\n已取消，没有写入任何文件 / cancelled, nothing was written", file=sys.stderr)
            return 130 if isinstance(exc, KeyboardInterrupt) else 1
    today = date.today()
    try:
        if args.what == "event":
            path = new.new_event(registry, values)
        elif args.what == "agency":
            path = new.new_agency(registry, values)
        elif args.what == "retirement":
            path = new.new_retirement(registry, values)
        elif args.what == "report":
            path = new.new_report(registry, values, today)
        else:
            path, notes = new.new_declaration(registry, values, today)
            for zh, en in notes:
                print(f"注意 / note: {zh} / {en}")
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
        p.add_argument("--ask", action="store_true",
                       help="即使输入不是终端也逐项提问（可用管道输入答案）/ ask even when stdin is not a terminal (answers may be piped)")
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

    rep = kinds.add_parser("report", help="排放核算报告 report.yaml / the emissions report")
    common(rep)
    rep.add_argument("--event", help="活动编号 / event id")
    rep.add_argument("--role", choices=("organizer", "agency"), help="编制方 / prepared by")
    rep.add_argument("--agency", help="技术服务机构编号（role 为 agency 时）/ agency id (with --role agency)")
    rep.add_argument("--prepared-on", help="YYYY-MM-DD（默认今天 / default today）")

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
