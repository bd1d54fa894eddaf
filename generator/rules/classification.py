"""Art. 2: is the event "large" by its filed figures? Below every threshold is a warning, not an error."""
from __future__ import annotations

from decimal import Decimal

from generator.findings import error, warning
from generator.rules.context import CheckContext

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


def classify(ctx: CheckContext):
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


def district_known(ctx: CheckContext):
    for event, account in ctx.planned_events():
        if account is None or account.rules is None:
            continue
        districts = account.rules.districts
        if event.plan.district not in districts:
            yield error("R202", event.plan.doc.at("venue", "district"),
                        f"未知的区代码 {event.plan.district!r}；可选：{', '.join(districts)}",
                        f"unknown district code {event.plan.district!r}; choose one of: {', '.join(districts)}")
