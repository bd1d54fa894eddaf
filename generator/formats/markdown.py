"""A short Markdown summary for a pull-request comment or ``$GITHUB_STEP_SUMMARY``: the verdict,
a table of errors and warnings with ``file:line`` links, and the counts in a collapsed section.

Messages quote values from untrusted files, so every cell is escaped (no HTML, no links, no
mentions slip through). In GitHub Actions, locations link to the file at the commit checked."""
from __future__ import annotations

import os
import re
from urllib.parse import quote

from generator.findings import Severity
from generator.formats.summary import counts, summary_lines

MAX_ROWS = 100
_SPECIAL = re.compile(r"([\\`*_{}\[\]().|~@:])")  # "." and ":" break autolinks


def escape(text: str) -> str:
    """Plain text as inert Markdown: HTML characters as entities, punctuation backslash-escaped."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def _link_base(env) -> str | None:
    server, repo, sha = env.get("GITHUB_SERVER_URL"), env.get("GITHUB_REPOSITORY"), env.get("GITHUB_SHA")
    if server and repo and sha and re.fullmatch(r"[0-9a-f]{7,64}", sha):
        return f"{server.rstrip('/')}/{repo}/blob/{sha}/"
    return None


def _where(location, base: str | None) -> str:
    label = escape(str(location))
    path = location.path
    if base is None or path.startswith(("/", "..")):
        return label
    anchor = f"#L{location.line}" if location.line else ""
    return f"[{label}]({base}{quote(path)}{anchor})"


def _table(findings, base) -> list[str]:
    rows = ["| | 代码 Code | 位置 Location | 说明 Message |", "|---|---|---|---|"]
    for f in findings[:MAX_ROWS]:
        mark = "❌" if f.severity is Severity.ERROR else "⚠️"
        rows.append(f"| {mark} | `{f.code}` | {_where(f.location, base)} | {escape(f.zh)}<br>{escape(f.en)} |")
    if len(findings) > MAX_ROWS:
        more = len(findings) - MAX_ROWS
        rows.append(f"| | | | 另有 {more} 项未列出，见完整输出 / {more} more not listed, see the full output |")
    return rows


def render(result, env=None) -> str:
    env = os.environ if env is None else env
    base = _link_base(env)
    c = counts(result)
    if result.errors:
        head = f"## ❌ carbonreg check：{c['errors']} 个错误，{c['warnings']} 个警告 / {c['errors']} errors, {c['warnings']} warnings"
    elif result.warnings:
        head = f"## ⚠️ carbonreg check：无错误，{c['warnings']} 个警告 / no errors, {c['warnings']} warnings"
    else:
        head = "## ✅ carbonreg check：通过 / passed"
    lines = [head, ""]
    ordered = sorted(result.findings, key=lambda f: (f.severity is not Severity.ERROR, f.sort_key()))
    if ordered:
        lines += _table(ordered, base) + [""]
        lines.append("每项说明给出文件、行和列；修正后重新运行 `carbonreg check`。警告需审核人确认。"
                     " / Each finding names the file, line and column; fix it and run `carbonreg check` again."
                     " Warnings need a reviewer's judgement.")
        lines.append("")
    lines += ["<details><summary>已检查的内容 / What was checked</summary>", ""]
    lines += ["| 项目 / Item | 数量 / Count |", "|---|---|"]
    lines += [f"| {key.replace('_', ' ')} | {value} |" for key, value in c.items()]
    lines += [""] + [escape(s) for s in summary_lines(result)]
    lines += ["", "</details>", ""]
    return "\n".join(lines)
