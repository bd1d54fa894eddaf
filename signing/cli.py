"""The ``verify`` console script: check a certificate bundle offline.

Exit codes: 0 valid; 1 invalid, untrusted, revoked, or revocation status stale (without
``--allow-stale``); 2 unreadable input or usage (missing file, not JSON, no pinned root).
Only ``argparse`` is imported at start; the verifier (and ``cryptography``) load on use, so
``verify --help`` is fast. No traceback ever reaches the user.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

EXIT_VALID, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2
MARKS = {True: "✓", False: "✗", None: "–"}


class _Usage(Exception):
    """A problem with the command line or its input files: exit 2."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="verify",
        description="离线核验碳中和证书或声明 / verify a carbon neutrality certificate or declaration offline",
        epilog="退出码 / exit codes: 0 有效 valid; 1 无效、被吊销或状态过期 invalid, revoked or stale status; "
        "2 无法读取或用法错误 unreadable input or usage",
    )
    parser.add_argument("certificate", metavar="CERT.json", help="证书文件 / the certificate bundle (certificate.json)")
    parser.add_argument("--root", metavar="FILE", help="你信任的 root.json（固定的信任根）/ a root.json you trust (the pinned root)")
    parser.add_argument("--trust-on-first-use", action="store_true",
                        help="没有 --root 时信任文件自带的第一个 root（不安全）/ without --root, trust the bundle's first root (unsafe)")
    parser.add_argument("--at", metavar="YYYY-MM-DDTHH:MM:SSZ", help="按此时间核验（默认现在）/ verify as of this time (default: now)")
    parser.add_argument("--allow-stale", action="store_true",
                        help="状态列表过期时仍接受 / accept an expired status list")
    parser.add_argument("--state", metavar="FILE",
                        help="记录已见版本以防回退 / remember versions seen, refusing rollbacks")
    parser.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    return parser


def _read_json_file(path: str, what_zh: str, what_en: str) -> Any:
    from .errors import SigningError
    from .strictjson import load_path

    try:
        return load_path(path)
    except SigningError as error:
        raise _Usage(f"{what_zh}不可用：{error.zh}", f"{what_en} is unusable: {error.en}") from None


def _pinned_root(args: argparse.Namespace) -> Any:
    if args.root is None:
        if not args.trust_on_first_use:
            raise _Usage(
                "没有固定的信任根：请用 --root 指定你信任的 root.json（可从平台下载一次并妥善保存）；"
                "或明确使用 --trust-on-first-use（不安全）",
                "no pinned root: give a root.json you trust with --root (download it once from the platform and keep it); "
                "or pass --trust-on-first-use explicitly (unsafe)",
            )
        return None
    from .errors import SigningError
    from .trust import load_trusted_root

    root = _read_json_file(args.root, "--root 文件", "the --root file")
    try:
        load_trusted_root(root)
    except SigningError as error:
        raise _Usage(f"--root 不是有效的自签名 root：{error.zh}", f"--root is not a valid self-signed root: {error.en}") from None
    return root


def _read_state(path: str | None) -> dict[str, int]:
    if path is None or not os.path.exists(path):
        return {}
    state = _read_json_file(path, "--state 文件", "the --state file")
    if not isinstance(state, dict) or not all(isinstance(v, int) and not isinstance(v, bool) for v in state.values()):
        raise _Usage("--state 文件格式错误", "the --state file is malformed")
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


def _read_certificate(path: str) -> bytes:
    from .strictjson import MAX_BYTES

    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise _Usage(f"无法读取 {path}：{error.strerror}", f"cannot read {path}: {error.strerror}") from None


def _print_text(verdict: Any) -> None:
    from .verify import TIME_FROM_LOG

    for step in verdict.steps:
        mark = MARKS[None if step.skipped else step.ok]
        print(f"  {mark} {step.name:<15} {step.zh} / {step.en}")
    print()
    print("结论 / Verdict: " + ("✓ 有效 / VALID" if verdict.valid else "✗ 无效 / INVALID"))
    if verdict.kind:
        kind = "证书 / certificate" if verdict.kind == "certificate" else "声明 / declaration"
        print(f"  类型 / kind: {kind}  {verdict.credential_id}")
    if verdict.valid and verdict.subject:
        event = verdict.subject["event"]
        print(f"  活动 / event: {event['name']['zh']} / {event['name']['en']}  ({event['start']} – {event['end']})")
        print(f"  范围 / scope: {verdict.subject['scope']}  排放 / emissions: {verdict.subject['emissions']['total']} tCO2e")
    if verdict.issuer_id:
        print(f"  签发者 / issuer: {verdict.issuer_name_zh} / {verdict.issuer_name_en} ({verdict.issuer_id})")
    if verdict.key_fingerprint:
        print(f"  密钥指纹 / key fingerprint: {verdict.key_fingerprint}")
    if verdict.trusted_time:
        source = "公开日志检查点 / log checkpoint" if verdict.time_source == TIME_FROM_LOG else "proof.created（不可信 / untrusted）"
        print(f"  使用的时间 / time used: {verdict.trusted_time}  来源 / from: {source}")
    states = {"not-revoked": "未被吊销 / not revoked", "revoked": "已吊销 / REVOKED", "unknown": "无法确认 / cannot confirm"}
    reason = f"：{verdict.revocation_reason}" if verdict.revocation_reason else ""
    print(f"  吊销状态（截至 {verdict.status_as_of}）/ revocation as of {verdict.status_as_of}: {states[verdict.revocation]}{reason}")
    if verdict.root_fingerprint:
        pinned = "已固定 / pinned" if verdict.root_pinned else "未固定！首次使用即信任 / NOT PINNED, trusted on first use"
        print(f"  信任根 / root: v{verdict.root_version}  指纹 / fingerprint {verdict.root_fingerprint}  {pinned}")


def _run(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    from .errors import SigningError
    from .timefmt import parse_timestamp

    try:
        at = None if args.at is None else parse_timestamp(args.at)
    except SigningError as error:
        raise _Usage(f"--at：{error.zh}", f"--at: {error.en}") from None
    pinned = _pinned_root(args)
    state = _read_state(args.state)
    data = _read_certificate(args.certificate)
    from .verify import verify_bundle

    verdict = verify_bundle(data, pinned, at=at, allow_stale=args.allow_stale,
                            trust_on_first_use=args.trust_on_first_use, last_seen=state)
    if pinned is None:
        print("警告：信任根未固定，结论仅供参考 / WARNING: the root was not pinned; this verdict proves little", file=sys.stderr)
        print(f"root 指纹 / root fingerprint: {verdict.root_fingerprint}", file=sys.stderr)
    if args.json:
        print(json.dumps(verdict.as_json(), ensure_ascii=False, indent=2))
    else:
        _print_text(verdict)
    if args.state and not verdict.unreadable:
        _write_state(args.state, state, dict(verdict.seen_versions))
    if verdict.unreadable:
        return EXIT_UNREADABLE
    return EXIT_VALID if verdict.valid else EXIT_INVALID


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``verify``; returns the exit code."""
    try:
        return _run(argv)
    except _Usage as error:
        print(f"verify: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else EXIT_UNREADABLE
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last line of defence: never a traceback
        print(f"verify: 内部错误 / internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_UNREADABLE


if __name__ == "__main__":
    sys.exit(main())
