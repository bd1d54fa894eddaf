"""The plan's estimate as text (zh and en, exact decimals) or JSON, from what accounting computed."""
from __future__ import annotations

import json
from decimal import Decimal

from generator.accounting.comparison import estimate_vs_actual
from generator.accounting.compute import EventAccount
from generator.model.labels import CATEGORY, MODE
from generator.model.records import Event

SCOPE = {"basic": ("基本范围", "basic scope"), "extended": ("拓展范围", "extended scope"), None: ("不计入", "in no scope")}


def exact(value: Decimal) -> str:
    """An exact decimal as written, without trailing zeros (never rounded)."""
    text = f"{value.normalize():f}"
    return "0" if value == 0 else text


def _category(category: str, mode: str | None) -> str:
    zh, en = CATEGORY.get(category, (category, category))
    if mode:
        zh, en = f"{zh}·{MODE.get(mode, (mode, mode))[0]}", f"{en}, {MODE.get(mode, (mode, mode))[1]}"
    return f"{zh} / {en}"


def render_text(event: Event, account: EventAccount) -> str:
    plan, est = event.plan, account.estimate
    assert plan is not None and est is not None  # the command prints findings instead
    out = [f"{plan.name.zh} / {plan.name.en}",
           f"计划预估排放量（第九条）/ plan estimate (Art. 9) · 规则 / rules {account.rules.id if account.rules else '-'}"
           f" · 因子集 / factor set {account.factor_set.id if account.factor_set else '-'}"]
    if est.source == "totals":
        out.append("按当时的规则，计划填写了两个合计，没有预估行 / under the rules of its time the plan types two totals, no estimate lines")
    else:
        out.append("预估行 / estimate lines (tCO2e):")
        for x, item in zip(est.lines, plan.estimate_lines):
            head = f"{item.people} 人/people × {exact(item.per_person)} {x.line.unit} = " if item.per_person is not None else ""
            out.append(f"  {x.line.id}  {_category(x.line.category, x.line.mode)}: {head}{x.derivation}")
        out.append("按类别 / by category (tCO2e):")
        for row in estimate_vs_actual(account, has_report=False).categories:  # basic scope first
            zh, en = SCOPE[row.scope]
            out.append(f"  {_category(row.category or '', None)} [{zh} / {en}]: {exact(row.estimate or Decimal(0))}")
    out += [f"基本范围 / basic scope: {exact(est.basic)} tCO2e",
            f"拓展范围 / extended scope: {exact(est.extended)} tCO2e",
            f"合计 / total: {exact(est.total)} tCO2e",
            f"所需抵销量（整吨，向上取整）/ offsets that would be needed (whole tonnes, rounded up): "
            f"基本范围 / basic {est.needed_basic} t · 全部范围 / full {est.needed_full} t"]
    return "\n".join(out) + "\n"


def render_json(event: Event, account: EventAccount) -> str:
    plan, est = event.plan, account.estimate
    assert plan is not None and est is not None  # the command prints findings instead
    cmp = estimate_vs_actual(account, event.report is not None)

    def opt(value):
        return None if value is None else exact(value)

    data = {
        "event": plan.id, "rules": account.rules.id if account.rules else None,
        "factorSet": account.factor_set.id if account.factor_set else None, "source": est.source,
        "lines": [{"id": x.line.id, "category": x.line.category, "mode": x.line.mode, "scope": x.scope,
                   "amount": exact(x.line.amount), "unit": x.line.unit, "factorKey": x.factor_key,
                   "tco2e": exact(x.tco2e), "derivation": x.derivation} for x in est.lines],
        "byCategory": {k: exact(v) for k, v in est.by_category.items()},
        "basic": exact(est.basic), "extended": exact(est.extended), "total": exact(est.total),
        "neededBasic": est.needed_basic, "neededFull": est.needed_full,
        "vsActual": [{"category": r.category, "scope": r.scope, "estimate": opt(r.estimate), "actual": opt(r.actual),
                      "difference": opt(r.difference)} for r in (*cmp.categories, cmp.basic, cmp.extended, cmp.total)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
