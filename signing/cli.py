"""The ``verify`` console script: check a certificate bundle offline.

Synopsis::

    verify FILE [--root FILE | --trust DIR] [--status FILE] [--registry PATH]
                [--at TIME|DATE] [--state FILE] [--json] [--trust-on-first-use]
    verify --version

``FILE`` is what the person holds (:func:`classify_input` says which): a certificate bundle,
a bare credential (``certificate.json`` / ``declaration.json`` as filed in a registry), or a
certificate PDF (its embedded bundle).

Exit codes:

- **0** valid, and the revocation status is fresh (a current signed status list says "not revoked");
- **1** invalid, untrusted, revoked, or malformed (a file that is JSON but not a valid certificate,
  or a trust file given with --root/--trust/--status that cannot be used);
- **2** genuine (every other check passed) but not fully checkable: the revocation status is
  stale or unknown, the credential was never logged (no trusted time), or a bare credential
  outside a registry (no trust documents to check it against);
- **64** usage error (bad arguments: EX_USAGE), so that 2 keeps one meaning;
- **66** input error (EX_NOINPUT): the file is missing, a folder, unreadable, or neither JSON
  nor PDF. Never reported as "INVALID": nothing was verified.

Trust comes from ``--root FILE``, or ``--trust DIR``, or else the root shipped with the package
for the bundle's registry (``signing/roots/``, or ``$CARBONREG_ROOTS_DIR``);
``--trust-on-first-use`` (the bundle's own root) only when none is available, loudly.

``--allow-stale`` was removed: exit code 2 replaces it (genuine, revocation unknown); passing
it is a usage error that says so. The verifier (and ``cryptography``) load on use, so
``verify --help`` is fast; ``argparse`` too: a plain command line is read without it, exactly
as it would read it (see :func:`_plain_arguments`). No traceback reaches the user.
"""

from __future__ import annotations

import json
import os
import sys
from types import SimpleNamespace
from typing import Any, Callable, NoReturn

EXIT_VALID, EXIT_INVALID, EXIT_STATUS_UNKNOWN, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 64, 66
MARKS = {"passed": "✓", "failed": "✗", "warning": "⚠", "skipped": "–"}
VALUE_OPTIONS = {"--root": "root", "--trust": "trust", "--status": "status", "--registry": "registry",
                 "--at": "at", "--state": "state"}
FLAG_OPTIONS = {"--trust-on-first-use": "trust_on_first_use", "--json": "json"}
TOFU_BANNER = ("!!! 警告：信任根未固定（--trust-on-first-use）：任何人都能制作自带 root 的“有效”证书，结论几乎没有证明力 !!!\n"
               "!!! WARNING: root NOT pinned (--trust-on-first-use): anyone can make a 'valid' certificate with its own root; "
               "this verdict proves almost nothing !!!")


class _Input(Exception):
    """A file given to ``verify`` cannot be used (exit 1)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")


def _parser() -> Any:
    """The argparse parser of ``verify`` (imported here: it costs a cold run about 6 ms)."""
    import argparse

    class _Parser(argparse.ArgumentParser):
        """argparse, but usage errors exit 64 (EX_USAGE) instead of 2."""

        def error(self, message: str) -> NoReturn:
            self.print_usage(sys.stderr)
            self.exit(EXIT_USAGE, f"{self.prog}: 用法错误 / usage error: {message}\n")

    parser = _Parser(
        prog="verify",
        description="离线核验碳中和证书或声明 / verify a carbon neutrality certificate or declaration offline",
        epilog="退出码 / exit codes: 0 有效且撤销状态为最新 valid, revocation status fresh; "
        "1 无效、不可信、已撤销或输入无法读取 invalid, untrusted, revoked or unreadable input; "
        "2 真实但无法完全核验（撤销状态过期或未知、未记入日志、登记库之外的凭证）genuine but not fully checkable; "
        "64 用法错误 usage error; 66 输入错误（文件不存在、是文件夹、不可读、不是 JSON 或 PDF）input error. 信任根默认为随包提供的 root / trust "
        "defaults to the root shipped with the package.",
    )
    parser.add_argument("certificate", metavar="FILE",
                        help="证书文件：证书包、登记库中的凭证或证书 PDF / the certificate: a bundle, a registry's certificate.json, or the PDF")
    trust = parser.add_mutually_exclusive_group()
    trust.add_argument("--root", metavar="FILE", help="你信任的 root.json（固定的信任根）/ a root.json you trust (the pinned root)")
    trust.add_argument("--trust", metavar="DIR",
                       help="信任文件夹：root.json 或 1.root.json、2.root.json…，可选 authorizations.json、status.json / "
                       "a trust folder: root.json or 1.root.json, 2.root.json…, optionally authorizations.json, status.json")
    parser.add_argument("--status", metavar="FILE",
                        help="更新的签名状态列表（不得早于证书自带的）/ a newer signed status list (never older than the bundle's)")
    parser.add_argument("--registry", metavar="PATH",
                        help="登记库副本：另外核对证据文件的 SHA-256 / a registry checkout: also check the evidence digests")
    parser.add_argument("--trust-on-first-use", action="store_true",
                        help="没有固定的 root 时信任文件自带的第一个 root（不安全）/ with no pinned root, trust the bundle's first root (unsafe)")
    parser.add_argument("--at", metavar="YYYY-MM-DD[THH:MM:SSZ]",
                        help="按此时间或日期（当日 00:00 UTC）核验（默认现在）/ verify as of this time or date (00:00 UTC that day; default: now)")
    parser.add_argument("--state", metavar="FILE",
                        help="记录已见版本以防回退 / remember versions seen, refusing rollbacks")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出每一步和结论 / print every step and the verdict as JSON")
    parser.add_argument("--allow-stale", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="store_true", help="显示版本 / show the version")
    return parser


def _plain_arguments(words: list[str]) -> SimpleNamespace | None:
    """The arguments of a plain command line, as argparse would parse them; None for any other.

    Plain: one CERT.json; options spelt out in full (no abbreviation, no ``--name=value``),
    each at most once and not both --root and --trust; every word non-empty, and the word after
    a value option not starting with ``-``. argparse reads such a line in exactly this way (a
    word not starting with ``-`` is an argument; a value option takes the next one); any other
    line, --help and every usage error included, is left to argparse.
    """
    values: dict[str, Any] = {"certificate": None, "allow_stale": False, "version": False}
    values.update({dest: None for dest in VALUE_OPTIONS.values()})
    values.update({dest: False for dest in FLAG_OPTIONS.values()})
    seen: set[str] = set()
    remaining = iter(words)
    for word in remaining:
        if not isinstance(word, str) or not word or word in seen:
            return None
        if not word.startswith("-"):
            if values["certificate"] is not None:
                return None
            values["certificate"] = word
        elif word in FLAG_OPTIONS:
            values[FLAG_OPTIONS[word]] = True
        elif word in VALUE_OPTIONS:
            value = next(remaining, "")
            if not isinstance(value, str) or not value or value.startswith("-"):
                return None
            values[VALUE_OPTIONS[word]] = value
        else:
            return None
        seen.add(word)
    if values["certificate"] is None or {"--root", "--trust"} <= seen:
        return None
    return SimpleNamespace(**values)


def _read_state(path: str | None) -> dict[str, int]:
    if path is None or not os.path.exists(path):
        return {}
    from .errors import SigningError
    from .strictjson import load_path

    try:
        state = load_path(path)
    except SigningError as error:
        raise _Input(f"--state 文件不可用：{error.zh}", f"the --state file is unusable: {error.en}") from None
    if not isinstance(state, dict) or not all(isinstance(v, int) and not isinstance(v, bool) for v in state.values()):
        raise _Input("--state 文件格式错误", "the --state file is malformed")
    return state


def _write_state(path: str, old: dict[str, int], seen: dict[str, int]) -> None:
    merged = dict(old)
    for name, version in seen.items():
        merged[name] = max(version, merged.get(name, 0))
    temp = f"{path}.tmp-{os.getpid()}"
    with open(temp, "w", encoding="utf-8") as handle:
        json.dump(merged, handle, sort_keys=True)
        handle.write("\n")
    os.replace(temp, path)


def _verdict_line(verdict: Any) -> str:
    if verdict.valid:
        return "结论 / Verdict: ✓ 有效 / VALID（撤销状态为最新 / revocation status is fresh）"
    if verdict.outcome == "bare-credential":
        return ("结论 / Verdict: ⚠ 签名完好，但这只是单独的凭证 / SIGNATURE INTACT, BUT ONLY A BARE CREDENTIAL\n"
                "  没有证书包，无法核验机构授权与撤销状态；请下载证书包后再核验 / without the bundle its authorization "
                "and revocation cannot be checked: download the bundle and verify that")
    if verdict.outcome == "unlogged":
        return ("结论 / Verdict: ⚠ 签名真实，但未记入公开日志 / GENUINE SIGNATURE, BUT NEVER LOGGED\n"
                "  没有可信的签署时间（签名者自称的时间可被倒签），不能确认为有效；请向登记平台核实 / "
                "no trusted signing time (the signer's own date can be backdated), so it cannot be confirmed as valid; "
                "ask the registry")
    if verdict.genuine:
        where = ""
        if verdict.status_site:
            url = f"{verdict.status_site}trust/status.json"
            where = f"\n  最新列表 / current list: {url}（下载后 / download it, then: verify FILE --status status.json）"
        return ("结论 / Verdict: ⚠ 真实，但撤销状态过期或未知 / GENUINE, BUT REVOCATION STATUS STALE OR UNKNOWN\n"
                "  没有有效期内的签名状态列表，无法确认未被撤销；请用 --status 文件 提供最新列表 / "
                "no current signed status list, so it cannot be confirmed as not revoked; give a fresh list with --status FILE"
                + where)
    if verdict.revocation == "revoked":
        return f"结论 / Verdict: ✗ 无效 / INVALID — 已撤销 / REVOKED：{verdict.revocation_reason}"
    return "结论 / Verdict: ✗ 无效 / INVALID"


def _print_subject(verdict: Any) -> None:
    subject = verdict.subject
    event = subject["event"]
    number = subject.get("certificateNumber") or subject.get("declarationId")
    print("签名覆盖的内容 / signed content:")
    kind = "证书 / certificate" if verdict.kind == "certificate" else "声明 / declaration"
    print(f"  类型 / kind: {kind}  编号 / number: {number}  ({verdict.credential_id})")
    print(f"  活动 / event: {event['name']['zh']} / {event['name']['en']}  ({event['start']} – {event['end']})")
    print(f"  主办方 / organizer: {event['organizer']['zh']} / {event['organizer']['en']}")
    if "agency" in subject:
        agency = subject["agency"]
        print(f"  核证机构 / agency: {agency['name']['zh']} / {agency['name']['en']} ({agency['id']})")
    scope = {"basic": "基本 / basic", "full": "全部 / full"}.get(subject["scope"], subject["scope"])
    print(f"  范围 / scope: {scope}")
    emissions = subject["emissions"]
    print(f"  排放 / emissions (tCO2e): 基本 basic {emissions.get('basic')}，扩展 extended {emissions.get('extended')}，"
          f"合计 total {emissions.get('total')}")
    offsets = subject["offsets"]
    print(f"  抵销 / offsets (tCO2e): 需要 needed {offsets['needed']}，已注销 retired {offsets['retired']}")
    for item in offsets.get("retirements", []):
        serials = ", ".join(f"{s['prefix']} {s['first']}–{s['last']}" for s in item.get("serials", []))
        print(f"    - {item['kind']} {item['registry']} {item['quantity']} ({item['retiredOn']}) {serials}")


def _print_text(path: str, verdict: Any) -> None:
    from .verdict import TIME_FROM_LOG

    if not verdict.root_pinned and verdict.root_fingerprint:
        print(TOFU_BANNER)
    print(f"核验 / verifying: {path}")
    for step in verdict.steps:
        print(f"  {MARKS[step.outcome]} {step.name:<15} {step.zh} / {step.en}")
    print()
    print(_verdict_line(verdict))
    print(f"  退出码 / exit code: {verdict.exit_code}")
    only_after = all(s.ok or s.warning or s.name in ("revocation", "evidence") for s in verdict.steps if not s.skipped)
    if verdict.subject and only_after:
        _print_subject(verdict)
    elif verdict.kind:
        print("  （签名未通过核验，不显示证书内容 / the signature did not verify: no content shown）")
    if verdict.issuer_id:
        print(f"  签发者 / issuer: {verdict.issuer_name_zh} / {verdict.issuer_name_en} ({verdict.issuer_id})")
    if verdict.key_fingerprint:
        print(f"  密钥指纹 / key fingerprint: {verdict.key_fingerprint}")
    if verdict.trusted_time:
        source = "公开日志检查点 / log checkpoint" if verdict.time_source == TIME_FROM_LOG else "proof.created（不可信 / untrusted）"
        print(f"  使用的时间 / time used: {verdict.trusted_time}  来源 / from: {source}")
    states = {"not-revoked": "未被撤销 / not revoked", "revoked": "已撤销 / REVOKED",
              "unknown": "未知（没有有效期内的签名状态列表）/ UNKNOWN (no current signed status list)"}
    reason = f"：{verdict.revocation_reason}" if verdict.revocation_reason else ""
    print(f"  撤销状态（截至 {verdict.status_as_of}）/ revocation as of {verdict.status_as_of}: {states[verdict.revocation]}{reason}")
    if verdict.status_version is not None:
        fresh = "有效 / fresh" if verdict.status_fresh else "已过期 / EXPIRED"
        print(f"  状态列表 / status list: v{verdict.status_version}，到期 / expires {verdict.status_expires}（{fresh}），"
              f"来自 / from {verdict.status_source}")
    if verdict.root_fingerprint:
        pinned = "已固定 / pinned" if verdict.root_pinned else "未固定！首次使用即信任 / NOT PINNED, trusted on first use"
        print(f"  信任根 / root: {verdict.registry or ''} v{verdict.root_version}  指纹 / fingerprint {verdict.root_fingerprint}  {pinned}")
        source = verdict.root_source_en if verdict.root_source_zh == verdict.root_source_en else \
            f"{verdict.root_source_zh} / {verdict.root_source_en}"
        print(f"  信任来源 / trust from: {source}")
    if verdict.evidence_checked is not None:
        print("  证据 / evidence: 只核对了摘要；`carbonreg verify --registry` 还会重算总量 / "
              "digests only; `carbonreg verify --registry` also recomputes totals")
    if not verdict.root_pinned and verdict.root_fingerprint:
        print(TOFU_BANNER)


def version_text() -> str:
    """``verify (carbonreg) X.Y.Z``: the installed package's version (importlib only on --version)."""
    try:
        from importlib.metadata import version

        number = version("carbonreg")
    except Exception:  # not installed (run from a checkout): say so rather than fail
        number = "unknown"
    return f"verify (carbonreg) {number}"


def parse_at(text: str | None) -> Any:
    """``--at``: a timestamp ``YYYY-MM-DDTHH:MM:SSZ`` or a date ``YYYY-MM-DD`` (00:00 UTC that day)."""
    from .timefmt import parse_timestamp

    if text is None:
        return None
    if len(text) == 10 and text[4:5] == "-" and text[7:8] == "-":
        text = f"{text}T00:00:00Z"
    return parse_timestamp(text)


def parse_args(argv: list[str] | None = None) -> SimpleNamespace:
    """The arguments of ``verify`` (also used by ``carbonreg verify``); usage errors exit 64."""
    words = sys.argv[1:] if argv is None else list(argv)
    if "--version" in words:
        print(version_text())
        raise SystemExit(EXIT_VALID)
    args = _plain_arguments(words)
    if args is None:
        args = _parser().parse_args(words)
    if args.allow_stale:
        _parser().error("--allow-stale 已取消：状态过期时退出码为 2（真实但撤销状态未知）/ "
                        "--allow-stale was removed: a stale status list now exits 2 (genuine, revocation unknown)")
    from .errors import SigningError

    try:
        args.at = parse_at(args.at)
    except SigningError as error:
        _parser().error(f"--at：{error.zh}（也可写日期 YYYY-MM-DD）/ --at: {error.en} (a date YYYY-MM-DD works too)")
    return args


def classify_input(path: str) -> Any:
    """What the person gave: a bundle, a bare credential, a PDF or an input error
    (:class:`signing.inputfile.InputFile`). The one place ``verify`` reads its input."""
    from .inputfile import classify_input as classify

    return classify(path)


def _input_error(args: Any, zh: str, en: str) -> int:
    """Report an input error (exit 66): what is wrong with the input, never "INVALID"."""
    if args.json:
        report = {"valid": False, "genuine": False, "outcome": "input-error", "exitCode": EXIT_INPUT,
                  "unreadable": True, "certificate": args.certificate, "inputError": {"zh": zh, "en": en},
                  "steps": [{"name": "json", "ok": False, "outcome": "failed", "skipped": False, "warning": False,
                             "id": "input.unusable", "zh": zh, "en": en}]}
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(f"核验 / verifying: {args.certificate}")
        print(f"  ✗ 输入错误 / input error: {zh} / {en}")
        print()
        print("结论 / Verdict: 无法核验：输入有误（未作任何核验）/ CANNOT VERIFY: input error (nothing was verified)")
        print(f"  退出码 / exit code: {EXIT_INPUT}")
    return EXIT_INPUT


def _bundle_bytes(args: Any, item: Any) -> bytes | None:
    """The bundle to verify from a classified input; None after reporting an input error."""
    from .inputfile import PDF

    if item.kind == PDF:
        from .pdfbundle import PdfBundleError, bundle_from_pdf  # pypdf loads only for a PDF

        try:
            return bundle_from_pdf(item.data)
        except PdfBundleError as error:  # not a certificate PDF: say what is wrong with the input
            _input_error(args, error.zh, error.en)
            return None
    return item.data


def _bare_credential(args: Any, item: Any, state: dict[str, int]) -> tuple[Any, tuple[str, str] | None]:
    """A bare credential: inside a registry checkout, verify the bundle built from its ``trust/``
    (the site's verdict); outside, the signature only (exit 2 at best). (None, None) after an
    input error was reported."""
    from .barecredential import bundle_from_registry, find_registry_root, registry_error, verify_bare
    from .errors import SigningError

    registry = find_registry_root(args.certificate)
    if registry is None:
        from .barecredential import bundle_location

        where = bundle_location(item.document)
        note = ("这是单独的凭证，不是证书包，且不在登记库中：只能核验签名；" + where[0],
                "this is a bare credential, not a bundle, and it is not inside a registry: only its signature can be checked; "
                + where[1])
        return verify_bare(item.data, args.at), note
    try:
        data = bundle_from_registry(registry, item.document)
    except SigningError as error:
        _input_error(args, *registry_error(registry, error))
        return None, None
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:  # trust/ documents of the wrong shape
        _input_error(args, *registry_error(registry, SigningError(f"结构错误（{type(error).__name__}）",
                                                                   f"malformed ({type(error).__name__})")))
        return None, None
    from .verify import verify_file

    note = (f"单独的凭证，位于登记库 {registry} 中：按其 trust/ 文件与公开日志组成证书包后核验（与网站上的证书包结论相同）",
            f"a bare credential inside the registry {registry}: verified as the bundle built from its trust/ documents "
            "and publication log (the verdict of the site's bundle)")
    verdict = verify_file(args.certificate, root=args.root, trust_dir=args.trust, status_file=args.status,
                          registry_dir=args.registry, at=args.at, trust_on_first_use=args.trust_on_first_use,
                          last_seen=state, data=data)
    return verdict, note


def run(args: Any, then: Callable[[Any, Any, int], int] | None = None) -> int:
    """Verify as ``args`` (from :func:`parse_args`) asks; print the result; return the exit code.

    ``then(args, verdict, code)``, when given, runs after the result is printed and returns the
    final exit code (``carbonreg verify --registry`` recomputes the totals there)."""
    state = _read_state(args.state)
    item = classify_input(args.certificate)
    if item.is_error:
        return _input_error(args, item.zh, item.en)
    from .inputfile import CREDENTIAL

    note = None
    if item.kind == CREDENTIAL:
        verdict, note = _bare_credential(args, item, state)
        if verdict is None:
            return EXIT_INPUT
    else:
        data = _bundle_bytes(args, item)
        if data is None:
            return EXIT_INPUT
        from .verify import verify_file

        verdict = verify_file(args.certificate, root=args.root, trust_dir=args.trust, status_file=args.status,
                              registry_dir=args.registry, at=args.at, trust_on_first_use=args.trust_on_first_use,
                              last_seen=state, data=data)
    tofu = not verdict.root_pinned and verdict.root_fingerprint is not None
    if tofu:
        print(TOFU_BANNER, file=sys.stderr)
        print(f"root 指纹 / root fingerprint: {verdict.root_fingerprint}（请与平台公布的指纹核对 / compare it with the one the platform publishes）",
              file=sys.stderr)
    try:
        if args.json:
            report = verdict.as_json()
            report["certificate"] = args.certificate
            report["input"] = {"kind": item.kind, "note": None if note is None else {"zh": note[0], "en": note[1]}}
            print(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            if note is not None:
                print(f"注意 / note: {note[0]} / {note[1]}")
            _print_text(args.certificate, verdict)
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()
    if args.state and not verdict.unreadable:
        _write_state(args.state, state, dict(verdict.seen_versions))
    return verdict.exit_code if then is None else then(args, verdict, verdict.exit_code)


def _quiet_broken_pipe() -> None:
    """Output piped into ``head`` ends quietly: send the rest of stdout nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: list[str] | None = None, then: Callable[[Any, Any, int], int] | None = None) -> int:
    """Entry point of ``verify``; returns the exit code (0, 1, 2, 64 or 66). ``then``: see :func:`run`."""
    try:
        return run(parse_args(argv), then)
    except _Input as error:
        print(f"verify: {error}", file=sys.stderr)
        return EXIT_INVALID
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _quiet_broken_pipe()
        return EXIT_INVALID
    except Exception as error:  # the last line of defence: never a traceback
        print(f"verify: 内部错误 / internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_INVALID


if __name__ == "__main__":
    sys.exit(main())
