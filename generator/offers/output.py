"""``carbonreg match`` output: plain bilingual text, or JSON for scripts. Both only read a ``Match``."""
from __future__ import annotations

import json
from decimal import Decimal

from generator.accounting.compute import EventAccount
from generator.model.labels import enum_label
from generator.model.records import Event
from generator.offers.match import Match, shortfall

SCOPE = {"basic": ("基本范围", "basic scope"), "full": ("全口径", "full scope")}


def _cny(value: Decimal) -> str:
    """Yuan with thousands separators and at least two decimals, never rounded: 18,850.00, 0.125."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent > -2:
        value = value.quantize(Decimal("0.01"))
    return f"{value:,f}"


def terms(offer) -> str:
    if offer.method == "donation":
        return "捐赠 / donation"
    return f"出售 {_cny(offer.price_per_tonne)} 元/吨 / purchase CNY {_cny(offer.price_per_tonne)}/t"


def render_text(event: Event, account: EventAccount, m: Match) -> str:
    plan = event.plan
    assert plan is not None  # offers are matched for an event with a plan
    zh, en = SCOPE[m.scope]
    lines = [
        f"{plan.name.zh} / {plan.name.en} ({plan.id})",
        f"状态 / status: {enum_label('status', account.status, 'zh')} / {enum_label('status', account.status, 'en')}"
        f" · 期限 / deadline: {account.deadline or '—'} · 截至 / as of: {m.as_of}",
    ]
    if event.report is None:
        lines.append("尚无核算报告，缺口未知 / no accounting report yet, so the shortfall is not known")
    for scope in ("basic", "full"):
        szh, sen = SCOPE[scope]
        lines.append(f"{szh}缺口 / {sen} shortfall: {shortfall(account, scope):,} t"
                     f"（所需 / needed {account.needed(scope):,}，已注销 / retired {account.retired:,}）")
    lines.append("")
    if m.shortfall == 0:
        lines.append(f"{zh}没有缺口，无需撮合 / nothing is short for the {en}: no offers needed")
        return "\n".join(lines) + "\n"
    lines.append(f"按{zh}撮合 {m.shortfall:,} 吨 / offers for the {en} shortfall of {m.shortfall:,} t:")
    if not m.candidates:
        lines.append("  截至该日没有符合规则的有效供给 / no valid offer usable under the event's rules on that date")
    for i, c in enumerate(m.candidates, 1):
        o = c.offer
        lines.append(f"  {i}. {o.id}  {enum_label('offset_kind', o.kind, 'zh')} / {enum_label('offset_kind', o.kind, 'en')}"
                     f" · 质量权重 / quality {c.quality} · 年份 / vintage {o.vintage}")
        lines.append(f"     {o.supplier.name.zh} / {o.supplier.name.en}")
        lines.append(f"     可供 / available {o.quantity_available:,} t · {terms(o)} · 有效期 / valid {o.valid_from} – {o.valid_until}")
        lines.append(f"     可贡献 / would contribute {c.contributes:,} t"
                     + (f" · 费用 / cost CNY {_cny(c.cost)}" if c.contributes and o.method == "purchase" else ""))
    lines.append("")
    if m.covered:
        lines.append(f"可全部覆盖 / covered: {m.contributed:,} / {m.shortfall:,} t · 估计费用 / estimated cost CNY {_cny(m.cost)}")
    else:
        lines.append(f"不能全部覆盖 / not covered: {m.contributed:,} / {m.shortfall:,} t，仍缺 / still short {m.uncovered:,} t"
                     f" · 估计费用 / estimated cost CNY {_cny(m.cost)}")
    return "\n".join(lines) + "\n"


def _plain(value: Decimal | None) -> str | None:
    """Exact, as written (no float): "86.50", "0.9"."""
    return None if value is None else f"{value:f}"


def render_json(event: Event, account: EventAccount, m: Match) -> str:
    data = {
        "event": event.id,
        "status": account.status,
        "deadline": account.deadline.isoformat() if account.deadline else None,
        "as_of": m.as_of.isoformat(),
        "retired": account.retired,
        "needed": {s: account.needed(s) for s in ("basic", "full")},
        "shortfall": {s: shortfall(account, s) for s in ("basic", "full")},
        "scope": m.scope,
        "covered": m.covered,
        "contributed": m.contributed,
        "uncovered": m.uncovered,
        "cost_cny": _plain(m.cost),
        "offers": [{
            "id": c.offer.id,
            "supplier": {"zh": c.offer.supplier.name.zh, "en": c.offer.supplier.name.en},
            "kind": c.offer.kind, "registry": c.offer.registry, "vintage": c.offer.vintage,
            "quality": _plain(c.quality), "quantity_available": c.offer.quantity_available,
            "method": c.offer.method, "price_per_tonne_cny": _plain(c.offer.price_per_tonne),
            "valid_from": c.offer.valid_from.isoformat(), "valid_until": c.offer.valid_until.isoformat(),
            "contributes": c.contributes, "cost_cny": _plain(c.cost),
        } for c in m.candidates],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
