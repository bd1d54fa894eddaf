"""Counts of what a check looked at, shared by the output formats."""
from __future__ import annotations


def counts(result) -> dict[str, int]:
    return {**result.counts(), "errors": result.errors, "warnings": result.warnings}


def summary_lines(result) -> list[str]:
    """The closing lines of a check: what was checked and what was found, in Chinese and English."""
    lines: list[str] = []
    c = counts(result)
    bad_zh = f"，其中 {c['unreadable']} 份有错误无法读取" if c.get("unreadable") else ""
    bad_en = f"; {c['unreadable']} of these files could not be read" if c.get("unreadable") else ""
    lines.append(
        f"已检查 {c['events']} 个活动（{c['reports']} 份核算报告、{c['retirements']} 份注销证明、{c['declarations']} 份声明{bad_zh}）、"
        f"{c['agencies']} 家机构、{c['rule_sets']} 套规则、{c['factor_sets']} 套因子；"
        f"全口径碳中和 {c['neutral_full']}，基本碳中和 {c['neutral_basic']}，进行中 {c['open']}，逾期 {c['overdue']}，已撤销 {c['revoked']}；"
        f"使用占位因子的排放行 {c['placeholder_lines']}。错误 {c['errors']}，警告 {c['warnings']}（截至 {result.today}）"
    )
    lines.append(
        f"checked {c['events']} events ({c['reports']} reports, {c['retirements']} retirements, {c['declarations']} declarations{bad_en}), "
        f"{c['agencies']} agencies, {c['rule_sets']} rule sets, {c['factor_sets']} factor sets; "
        f"full-scope neutral {c['neutral_full']}, basic {c['neutral_basic']}, open {c['open']}, overdue {c['overdue']}, revoked {c['revoked']}; "
        f"lines using placeholder factors {c['placeholder_lines']}. {c['errors']} errors, {c['warnings']} warnings (as of {result.today})"
    )
    return lines
