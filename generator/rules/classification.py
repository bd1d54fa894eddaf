"""Art. 2: is the event "large" by its filed figures? Below every threshold is a warning, not an error."""
from __future__ import annotations

from decimal import Decimal

from generator.findings import error, warning
from generator.rules.context import EventContext

METRIC_NAMES = {
    "on_site_participants": ("现场参加人数", "on-site participants"),
    "visits": ("参观人次", "visits"),
    "exhibition_area_m2": ("展览面积（平方米）", "exhibition area (m2)"),
}


def classify_event(plan, rules) -> tuple[bool | None, list[tuple[str, Decimal, Decimal | None]]]:
    """Whether the plan meets any criterion for its kind; None when the rules set none for that kind."""
    criteria = rules.thresholds.get(plan.kind)
    if not criteria:
        return None, []
    checked = [(metric, minimum, plan.attendance.get(metric)) for metric, minimum in criteria]
    return any(v is not None and v >= m for _, m, v in checked), checked


def classify(ctx: EventContext):
    for event, account in ctx.planned_events():
        if account is None or account.rules is None:
            continue
        large, checked = classify_event(event.plan, account.rules)
        if large is False:
            parts_zh = "；".join(f"{METRIC_NAMES[m][0]} {v if v is not None else '未填'} < {t}" for m, t, v in checked)
            parts_en = "; ".join(f"{METRIC_NAMES[m][1]} {v if v is not None else 'not given'} < {t}" for m, t, v in checked)
            yield warning("R201", event.plan.doc.at("attendance"),
                          f"按第二条不属于大型活动（{parts_zh}）；仍可自愿登记",
                          f"not a large event under Art. 2 ({parts_en}); it may still file voluntarily")


def district_code(typed: str, districts: dict) -> str | None:
    """The code of the district a person typed by its name (``黄浦区``, ``黄浦``, ``Huangpu``), or None."""
    wanted = typed.strip().casefold()
    for code, label in districts.items():
        names = {code, label.zh, label.zh.removesuffix("区"), label.en, label.en.replace("'", "")}
        if wanted in {n.casefold() for n in names}:
            return code
    return None


def district_known(ctx: EventContext):
    for event, account in ctx.planned_events():
        if account is None or account.rules is None:
            continue
        if event.plan.district not in account.rules.districts:
            yield _unknown_district(event.plan.doc.at("venue", "district"), event.plan.district, account.rules.districts)
    yield from _district_of_unreadable_plans(ctx)


def _district_of_unreadable_plans(ctx: EventContext):
    """A plan refused by its schema for a district typed as a name (``黄浦区``) gets the answer too:
    the code to write, or the list of codes (from every rule set of the registry: the plan's own
    dates cannot be trusted while it is unreadable)."""
    from generator.loading.yamlsafe import load_yaml

    districts = {code: label for rules in ctx.registry.rules for code, label in rules.districts.items()}
    for event in ctx.registry.events:
        shown = next((s for kind, s in event.unreadable if kind == "plan"), None)
        if shown is None or not districts:
            continue
        doc, _ = load_yaml(event.dir / "plan.yaml", shown)
        typed = doc.get("venue", "district") if doc is not None else None
        if doc is not None and isinstance(typed, str) and typed not in districts:
            yield _unknown_district(doc.at("venue", "district"), typed, districts)


def _unknown_district(where, typed: str, districts: dict):
    code = district_code(typed, districts)
    if code is not None:
        return error("R202", where, f"区请写代码而不是名称：{typed!r} 应写为 district: {code}",
                     f"write the district's code, not its name: {typed!r} is district: {code}")
    listed_zh = "、".join(f"{code}（{label.zh}）" for code, label in districts.items())
    listed_en = ", ".join(f"{code} ({label.en})" for code, label in districts.items())
    return error("R202", where, f"未知的区 {typed!r}；请写以下代码之一：{listed_zh}",
                 f"unknown district {typed!r}; write one of these codes: {listed_en}")
