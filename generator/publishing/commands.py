"""CLI handlers for keys, trust, certify, publish, status and revoke: parse, call ops, report."""
from __future__ import annotations

import getpass
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from generator.publishing.files import WriteRefused

PASSPHRASE_ENV = "CARBONREG_PASSPHRASE"


def _ops():
    """The operations, imported on use: listing these commands in ``carbonreg --help`` (and running
    ``carbonreg check``) must not load the signing and publishing code."""
    from generator.publishing import ops

    return ops


def now_stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _plus_days(stamp: str, days: int) -> str:
    moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    return (moment + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _today(args) -> date:
    """The date the registry is checked as of: ``--today`` when given (tests, replays), else today."""
    return getattr(args, "today", None) or date.today()


def _load(path: str, env: str):
    from signing.keys import load_private_key

    prompt = getpass.getpass if sys.stdin.isatty() else None
    return load_private_key(path, passphrase_env=env, prompt=prompt)


def _fail(exc) -> int:
    print(f"carbonreg: {exc.zh} / {exc.en}", file=sys.stderr)
    return 1


def run(handler, args) -> int:
    """Run ``handler(args)``; known errors become one bilingual line and exit 1, never a traceback."""
    from signing.errors import SigningError

    try:
        return handler(args)
    except (_ops().OperationError, WriteRefused, SigningError) as exc:
        return _fail(exc)


def keys_generate(args) -> int:
    from signing.issue import multikey_of
    from signing.keys import generate_private_key, read_passphrase, write_private_key
    from signing.multikey import fingerprint

    prompt = getpass.getpass if sys.stdin.isatty() else None
    passphrase = read_passphrase(args.passphrase_env, prompt=prompt, confirm=True)
    key = generate_private_key()
    write_private_key(args.out, key, passphrase)
    public = multikey_of(key)
    print(f"已生成加密私钥 / wrote encrypted private key: {args.out}")
    print(f"公钥 / public key (Multikey): {public}")
    print(f"指纹 / fingerprint (SHA-256): {fingerprint(_public_bytes(key))}")
    print("下一步 / next: 机构把上面的公钥随机构登记的拉取请求发给运营方；私钥文件只留在本机，绝不提交 / an agency sends the "
          "public key above to the operator with its agency pull request; the key file stays on this machine, never committed")
    return 0


def _public_bytes(key) -> bytes:
    from signing.eddsa_jcs_2022 import public_key_of

    return public_key_of(key)


def trust_init(args) -> int:
    env = args.passphrase_env
    keys = _ops().PlatformKeys(root=tuple(_load(p, env) for p in args.root_key), authorizations=_load(args.authorizations_key, env),
                            status=_load(args.status_key, env), log=_load(args.log_key, env),
                            platform=_load(args.platform_key, env))
    at = args.at or now_stamp()
    written = _ops().trust_init(Path(args.registry), keys, name=args.name, threshold=args.threshold,
                             expires=args.expires or _plus_days(at, 365 * 5),
                             platform_names={"zh": args.platform_name_zh, "en": args.platform_name_en},
                             platform_valid=(at, _plus_days(at, 365 * 5)), auth_expires=_plus_days(at, 365))
    for path in written:
        print(f"已写入 / wrote {path}")
    print("下一步 / next:\n"
          f"  carbonreg status sign --registry {args.registry} --key {args.status_key} --days 7\n"
          f"  git add {args.registry}/trust && git commit -m \"Trust root / 信任根\"\n"
          "  然后机构入驻 / then agencies join: carbonreg new agency --id <agency-id> …")
    return 0


def trust_authorize(args) -> int:
    from signing.issue import multikey_of

    registry = Path(args.registry)
    from generator.pipeline import check

    agency = check(registry, _today(args)).registry.agencies.get(args.agency)
    if agency is None:
        raise _ops().OperationError(
            f"agencies/ 中没有机构 {args.agency}：机构先用 carbonreg new agency --id {args.agency} 登记，拉取请求合并后再授权",
            f"agency {args.agency} is not in agencies/: the agency files it with carbonreg new agency --id {args.agency} "
            "by pull request; authorize it once that is merged")
    public = args.public_key or multikey_of(_load(args.agency_key, args.passphrase_env))
    until = args.until or (agency.accredited_until.isoformat() + "T00:00:00Z" if agency.accredited_until else None)
    if until is None:
        raise _ops().OperationError("请用 --until 给出授权截止时间", "give the end of the authorization with --until")
    start = agency.accredited_from.isoformat() + "T00:00:00Z"
    path = _ops().authorize(registry, _load(args.authorizations_key, args.passphrase_env), agency_id=agency.id,
                         names={"zh": agency.name.zh, "en": agency.name.en}, public_multikey=public,
                         accredited=(start, until), key_valid=(args.key_from or start, until),
                         expires=args.expires or _plus_days(now_stamp(), 365))
    print(f"已授权 {agency.id} 的密钥 / authorized a key of {agency.id}: {public}\n已写入 / wrote {path}")
    print(f"下一步 / next: 提交 {path} 后，机构可签发证书 / commit {path}; the agency can then sign certificates:\n"
          f"  carbonreg certify {args.registry}/events/<year>/<event-id> --registry {args.registry} --agency {agency.id} "
          f"--key <{agency.id}.pem> --number <certificate-number> --scope full")
    return 0


def trust_suspend(args) -> int:
    path = _ops().suspend(Path(args.registry), _load(args.authorizations_key, args.passphrase_env),
                       agency_id=args.agency, since=args.since, expires=args.expires or _plus_days(now_stamp(), 365))
    print(f"已暂停 {args.agency}，自 {args.since} / suspended {args.agency} since {args.since}\n已写入 / wrote {path}")
    return 0


def verification_statement(args) -> dict | None:
    """The agency's verification statement (Art. 15 "objective evaluation") from the certify options:
    assurance level, materiality (percent), site visit date, opinion and qualifications."""
    if args.assurance is None:
        return None
    if not (args.materiality and args.opinion_zh and args.opinion_en):
        raise SystemExit("carbonreg certify: --assurance 需同时给出 --materiality、--opinion-zh 和 --opinion-en / "
                         "--assurance needs --materiality, --opinion-zh and --opinion-en too")
    if len(args.qualification_zh) != len(args.qualification_en):
        raise SystemExit("carbonreg certify: 每条 --qualification-zh 须有对应的 --qualification-en / "
                         "each --qualification-zh needs its --qualification-en")
    statement = {"assuranceLevel": args.assurance, "materiality": args.materiality,
                 "opinion": {"zh": args.opinion_zh, "en": args.opinion_en}}
    if args.site_visit:
        statement["siteVisit"] = args.site_visit
    if args.qualification_zh:
        statement["qualifications"] = [{"zh": z, "en": e} for z, e in zip(args.qualification_zh, args.qualification_en)]
    return statement


def certify(args) -> int:
    at = args.at or now_stamp()
    statement = verification_statement(args)
    path = _ops().certify(Path(args.registry), Path(args.event), _load(args.key, args.passphrase_env),
                       agency_id=args.agency, number=args.number, scope=args.scope, at=at, today=_today(args),
                       verification=statement)
    print(f"已签发证书 / wrote signed certificate: {path}")
    print(f"下一步 / next: 机构提交包含此文件的拉取请求；合并后运营方运行 / the agency opens a pull request with this file; "
          f"once merged the operator runs:\n  carbonreg publish --registry {args.registry} --log-key log.pem --platform-key platform.pem")
    return 0


def publish(args) -> int:
    keys = _ops().PlatformKeys(log=_load(args.log_key, args.passphrase_env),
                            platform=_load(args.platform_key, args.passphrase_env))
    ids = _ops().publish(Path(args.registry), keys, at=args.at or now_stamp(), today=_today(args))
    print("\n".join(f"已发布 / published {i}" for i in ids) or "没有新的记录 / nothing new to publish")
    print(f"下一步 / next: 提交 {args.registry}/trust 与新的签名文件，然后生成网站 / commit {args.registry}/trust and the new "
          f"signed files, then build the site:\n  carbonreg build --registry {args.registry} --out _site")
    return 0


def status_sign(args) -> int:
    at = args.at or now_stamp()
    path = _ops().sign_status(Path(args.registry), _load(args.key, args.passphrase_env), at=at,
                           expires=_plus_days(at, args.days), today=_today(args))
    print(f"已签署状态列表，有效 {args.days} 天 / signed the status list, valid {args.days} days: {path}")
    print(f"下一步 / next: 提交 {path}，然后生成网站 / commit {path}, then build the site:\n"
          f"  carbonreg build --registry {args.registry} --out _site")
    return 0


def revoke(args) -> int:
    path = _ops().revoke(Path(args.registry), notice_id=args.id, kind=args.kind, event_id=args.event,
                      target_id=args.target, decided_on=args.decided_on or _today(args), article=args.article,
                      reason={"zh": args.reason_zh, "en": args.reason_en},
                      decided_by={"zh": args.decided_by_zh, "en": args.decided_by_en},
                      agency_suspended=args.suspend_agency, today=_today(args))
    print(f"已写入撤销公告 / wrote revocation notice: {path}")
    print("下一步：carbonreg status sign（并在暂停机构时运行 carbonreg trust suspend）/ next: carbonreg status sign "
          "(and carbonreg trust suspend when an agency is suspended)")
    return 0


def add_parsers(sub) -> None:
    """Register the write commands on the ``carbonreg`` parser."""
    def common(p, registry=True):
        if registry:
            p.add_argument("--registry", default="registry")
            p.add_argument("--today", type=date.fromisoformat, metavar="YYYY-MM-DD",
                           help="检查登记库所依据的日期（默认今天）/ the date the registry is checked as of (default: today)")
        p.add_argument("--passphrase-env", default=PASSPHRASE_ENV,
                       help=f"口令所在的环境变量，否则提示输入 / environment variable holding the passphrase (default {PASSPHRASE_ENV}; else a prompt)")

    keys = sub.add_parser("keys", help="密钥 / keys").add_subparsers(dest="action", required=True)
    gen = keys.add_parser("generate", help="生成加密的 Ed25519 私钥 / generate an encrypted Ed25519 key")
    gen.add_argument("out")
    common(gen, registry=False)
    gen.set_defaults(handler=keys_generate)

    trust = sub.add_parser("trust", help="平台信任文件 / platform trust documents").add_subparsers(dest="action", required=True)
    init = trust.add_parser("init", help="创建信任根 / create the root")
    common(init)
    init.add_argument("--root-key", action="append", required=True)
    init.add_argument("--threshold", type=int, default=2)
    for role in ("authorizations", "status", "log", "platform"):
        init.add_argument(f"--{role}-key", required=True)
    init.add_argument("--name", default="carbonreg:shanghai")
    init.add_argument("--platform-name-zh", default="上海大型活动碳中和登记平台")
    init.add_argument("--platform-name-en", default="Shanghai Large-Event Carbon Neutrality Registry")
    init.add_argument("--expires")
    init.add_argument("--at")
    init.set_defaults(handler=trust_init)
    auth = trust.add_parser("authorize", help="授权机构密钥 / authorize an agency key")
    common(auth)
    auth.add_argument("agency")
    group = auth.add_mutually_exclusive_group(required=True)
    group.add_argument("--public-key", help="机构公钥 Multikey（z6Mk…）/ the agency's public Multikey")
    group.add_argument("--agency-key", help="机构私钥文件（仅取其公钥）/ the agency's key file (only its public half is used)")
    auth.add_argument("--authorizations-key", required=True)
    auth.add_argument("--key-from")
    auth.add_argument("--until")
    auth.add_argument("--expires", help="授权文件到期时间（默认一年后）/ expiry of the authorization document (default: a year from now)")
    auth.set_defaults(handler=trust_authorize)
    sus = trust.add_parser("suspend", help="暂停机构（第十七条）/ suspend an agency (Art. 17)")
    common(sus)
    sus.add_argument("agency")
    sus.add_argument("--since", required=True, help="YYYY-MM-DDTHH:MM:SSZ")
    sus.add_argument("--authorizations-key", required=True)
    sus.add_argument("--expires", help="授权文件到期时间（默认一年后）/ expiry of the authorization document (default: a year from now)")
    sus.set_defaults(handler=trust_suspend)

    cert = sub.add_parser("certify", help="机构签发证书（第十五条）/ an agency signs a certificate (Art. 15)")
    common(cert)
    cert.add_argument("event", help="活动文件夹 / the event folder")
    cert.add_argument("--agency", required=True)
    cert.add_argument("--key", required=True)
    cert.add_argument("--number", required=True)
    cert.add_argument("--scope", choices=("basic", "full"), required=True)
    cert.add_argument("--at")
    cert.add_argument("--assurance", choices=("reasonable", "limited"),
                      help="核查意见的保证程度 / assurance level of the verification statement")
    cert.add_argument("--materiality", help="实质性阈值（百分比，如 5）/ materiality threshold in percent, e.g. 5")
    cert.add_argument("--site-visit", help="现场核查日期 YYYY-MM-DD / date of the site visit")
    cert.add_argument("--opinion-zh", help="核查意见（中文）/ the agency's opinion in Chinese")
    cert.add_argument("--opinion-en", help="核查意见（英文）/ the agency's opinion in English")
    cert.add_argument("--qualification-zh", action="append", default=[], help="保留意见（中文，可重复）/ a qualification in Chinese (repeatable)")
    cert.add_argument("--qualification-en", action="append", default=[], help="保留意见（英文，可重复）/ a qualification in English (repeatable)")
    cert.set_defaults(handler=certify)

    pub = sub.add_parser("publish", help="平台发布：记入公开日志 / platform: publish into the log")
    common(pub)
    pub.add_argument("--log-key", required=True)
    pub.add_argument("--platform-key", required=True)
    pub.add_argument("--at")
    pub.set_defaults(handler=publish)

    rev = sub.add_parser("revoke", help="平台撤销声明或证书（第十六、十七条）/ platform: revoke (Art. 16-17)")
    common(rev)
    rev.add_argument("--id", required=True, help="公告编号 / notice id, e.g. rev-2026-002")
    rev.add_argument("--kind", choices=("declaration", "certificate"), required=True)
    rev.add_argument("--event", required=True)
    rev.add_argument("--target", required=True, help="声明编号或证书编号 / declaration id or certificate number")
    rev.add_argument("--article", choices=("16", "17"), required=True)
    rev.add_argument("--reason-zh", required=True)
    rev.add_argument("--reason-en", required=True)
    rev.add_argument("--decided-by-zh", default="平台运营方")
    rev.add_argument("--decided-by-en", default="Platform operator")
    rev.add_argument("--decided-on", type=date.fromisoformat)
    rev.add_argument("--suspend-agency")
    rev.set_defaults(handler=revoke)

    status = sub.add_parser("status", help="撤销状态列表 / revocation status list").add_subparsers(dest="action", required=True)
    sign = status.add_parser("sign", help="签署状态列表 / sign the status list")
    common(sign)
    sign.add_argument("--key", required=True)
    sign.add_argument("--days", type=int, default=7)
    sign.add_argument("--at")
    sign.set_defaults(handler=status_sign)
