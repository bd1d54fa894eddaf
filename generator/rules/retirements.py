"""Art. 12: each retirement is of an allowed kind, sized by its serials, for this event, in time,
and not before its units could exist."""
from __future__ import annotations

import re

from generator.findings import error
from generator.rules.context import EventContext


def offset_kind_problems(rules, kind: str, registry: str, project):
    """Art. 12 for anything offered or retired: (problem, where, zh, en) with problem one of
    "kind", "registry" or "province", and ``where`` the field path to point at."""
    allowed = rules.offsets.get(kind)
    if allowed is None:
        yield ("kind", ("kind",), f"规则 {rules.id} 不允许以 {kind} 抵销（第十二条）；允许：{', '.join(rules.offsets)}",
               f"rules {rules.id} do not allow offsetting with {kind} (Art. 12); allowed: {', '.join(rules.offsets)}")
        return
    if allowed.registries and registry not in allowed.registries:
        yield ("registry", ("registry",), f"{kind} 须在 {', '.join(allowed.registries)} 登记和注销，而不是 {registry}",
               f"{kind} must be held and retired in {', '.join(allowed.registries)}, not {registry}")
    if allowed.project_province:
        province = project.province if project else None
        if province != allowed.project_province:
            yield ("province", ("project", "location", "province") if project else ("kind",),
                   f"{kind} 须产生于 {allowed.project_province}（{allowed.label.zh}，第十二条），本项目位于 {province or '未填'}",
                   f"{kind} must be generated in {allowed.project_province} ({allowed.label.en}, Art. 12); this project is in {province or 'not given'}")


RETIREMENT_CODES = {"kind": "R501", "registry": "R502", "province": "R503"}


def kind_allowed(ctx: EventContext):
    for event, account in ctx.planned_events():
        if account is None or account.rules is None:
            continue
        for ret in event.retirements:
            for problem, where, zh, en in offset_kind_problems(account.rules, ret.kind, ret.registry, ret.project):
                yield error(RETIREMENT_CODES[problem], ret.doc.at(*where), zh, en)


def serial_blocks_match_quantity(ctx: EventContext):
    for event in ctx.registry.events:
        for ret in event.retirements:
            total = 0
            for block in ret.serials:
                if block.width_first != block.width_last:
                    yield error("R505", ret.doc.at("serials", block.index, "last"),
                                "序列号起止位数不同；请写出完整等长的号码",
                                "first and last serial numbers have different lengths; write both in full")
                if block.last < block.first:
                    yield error("R505", ret.doc.at("serials", block.index, "last"),
                                f"序列号区段倒置：{block.first} > {block.last}",
                                f"serial block is reversed: {block.first} > {block.last}")
                    continue
                total += block.size
            if total != ret.quantity:
                yield error("R504", ret.doc.at("quantity"),
                            f"注销数量 {ret.quantity} 与序列号区段合计 {total} 不符",
                            f"quantity {ret.quantity} does not equal the {total} units in its serial blocks")


def beneficiary_is_event(ctx: EventContext):
    for event, _ in ctx.planned_events():
        for ret in event.retirements:
            if ret.beneficiary_event != event.plan.id:
                yield error("R506", ret.doc.at("beneficiary", "event"),
                            f"注销的受益活动是 {ret.beneficiary_event!r}，不是本活动 {event.plan.id!r}",
                            f"the retirement names {ret.beneficiary_event!r} as beneficiary, not this event {event.plan.id!r}")


def retired_in_time(ctx: EventContext):
    for event, account in ctx.planned_events():
        if account is None or account.deadline is None:
            continue
        months = account.rules.deadline_months if account.rules else None
        for ret in event.retirements:
            if ret.retired_on > account.deadline:
                yield error("R507", ret.doc.at("retired_on"),
                            f"注销日期 {ret.retired_on} 晚于期限 {account.deadline}（第十二条：原则上活动结束后 {months} 个月内完成），"
                            f"这 {ret.quantity} tCO2e 不计入碳中和；如日期填错请更正，否则须在期限内另行注销",
                            f"retired on {ret.retired_on}, after the deadline {account.deadline} (Art. 12: in principle within "
                            f"{months} months of the end), so its {ret.quantity} tCO2e do not count towards neutrality; "
                            f"correct the date if it is wrong, otherwise cover the event with retirements made in time")


# A year in a serial prefix: a dash-separated part of four digits, 1990-2099 (SHEA-2025, CEA-2024-SH,
# CCER-310000-2024-0112, SHVER-2025-CI-0031). Other numbers (310000, 0112) are not years.
_PREFIX_YEAR = re.compile(r"(?:^|-)((?:199|20[0-9])[0-9])(?=-|$)")


def prefix_year(prefix: str) -> int | None:
    """The vintage year a serial prefix states, if it states exactly one."""
    years = {int(y) for y in _PREFIX_YEAR.findall(prefix)}
    return years.pop() if len(years) == 1 else None


def vintage_before_retirement(ctx: EventContext):
    """R508: units cannot be retired before their vintage year (as the record or the serial states it)."""
    for event in ctx.registry.events:
        for ret in event.retirements:
            year = ret.retired_on.year
            if ret.project is not None and ret.project.vintage > year:
                yield error("R508", ret.doc.at("project", "vintage"),
                            f"项目年份 {ret.project.vintage} 晚于注销日期 {ret.retired_on}：尚未产生的减排量不能注销；请核对年份或注销日期",
                            f"vintage {ret.project.vintage} is after the retirement date {ret.retired_on}: units cannot be retired before they exist; "
                            "check the vintage or the date")
            for block in ret.serials:
                stated = prefix_year(block.prefix)
                if stated is not None and stated > year:
                    yield error("R508", ret.doc.at("serials", block.index, "prefix"),
                                f"序列号前缀 {block.prefix} 表明年份 {stated}，晚于注销日期 {ret.retired_on}：尚未产生的单位不能注销；请核对序列号或注销日期",
                                f"serial prefix {block.prefix} states the year {stated}, after the retirement date {ret.retired_on}: units cannot be "
                                "retired before they exist; check the serials or the date")
