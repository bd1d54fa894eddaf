"""Folder layout and identity: ids match folders and files, ids are unique, references resolve."""
from __future__ import annotations

from pathlib import Path

from generator.findings import error
from generator.rules.context import EventContext, RegistryContext
from generator.rules.facts import IdFact


def event_ids_match_folders(ctx: EventContext):
    for event, _ in ctx.planned_events():
        plan = event.plan
        if plan.id != event.folder_id:
            yield error("R101", plan.doc.at("id"),
                        f"活动编号 {plan.id!r} 与文件夹名 {event.folder_id!r} 不一致；两者必须相同",
                        f"event id {plan.id!r} differs from its folder name {event.folder_id!r}; they must be equal")
        if str(plan.start.year) != event.year_folder:
            yield error("R102", plan.doc.at("phases", "hosting", "start"),
                        f"举办开始于 {plan.start.year} 年，但活动位于 events/{event.year_folder}/；请移到 events/{plan.start.year}/",
                        f"hosting starts in {plan.start.year} but the event is under events/{event.year_folder}/; move it to events/{plan.start.year}/")


def records_name_their_event(ctx: EventContext):
    for event, _ in ctx.planned_events():
        records = [event.report, event.declaration, *event.retirements]
        for rec in filter(None, records):
            if rec.event_id != event.plan.id:
                yield error("R103", rec.doc.at("event"),
                            f"event 字段为 {rec.event_id!r}，但文件位于活动 {event.plan.id!r} 的文件夹中",
                            f"event is {rec.event_id!r} but the file is in the folder of event {event.plan.id!r}")
        for ret in event.retirements:
            stem = Path(ret.doc.path).stem
            if stem != ret.id:
                yield error("R104", ret.doc.at("id"),
                            f"注销证明编号 {ret.id!r} 与文件名 {stem}.yaml 不一致",
                            f"retirement id {ret.id!r} differs from its file name {stem}.yaml")


def ids_unique(ctx: RegistryContext):
    """Event, retirement and declaration ids are unique in the whole registry, and never reused."""
    seen: dict[tuple[str, str], IdFact] = {}
    for facts in ctx.facts:
        for fact in facts.ids:
            first = seen.setdefault((fact.kind, fact.value), fact)
            if first is not fact:
                yield error("R105", fact.where.location(),
                            f"编号 {fact.value!r} 已被 {first.where.shown} 使用；编号全库唯一且永不复用",
                            f"id {fact.value!r} is already used by {first.where.shown}; ids are unique and never reused",
                            related=(first.where.location(),))


def agencies_exist(ctx: EventContext):
    for event, _ in ctx.planned_events():
        report = event.report
        if report is None:
            continue
        if report.prepared_by == "agency" and report.agency is None:
            yield error("R106", report.doc.at("prepared_by"), "由机构编制时须填写 agency",
                        "prepared_by.agency is required when the role is agency")
        elif report.agency is not None and report.agency not in ctx.registry.agencies:
            yield error("R106", report.doc.at("prepared_by", "agency"),
                        f"未登记的技术服务机构 {report.agency!r}；可用：{', '.join(ctx.registry.agencies) or '-'}",
                        f"unknown agency {report.agency!r}; registered: {', '.join(ctx.registry.agencies) or '-'}")
        elif report.agency is not None:
            agency = ctx.registry.agencies[report.agency]
            if agency.suspended_since is not None and report.prepared_on >= agency.suspended_since:
                yield error("R107", report.doc.at("prepared_on"),
                            f"机构 {agency.id} 自 {agency.suspended_since} 起已暂停，不能出具 {report.prepared_on} 的报告",
                            f"agency {agency.id} is suspended since {agency.suspended_since} and cannot prepare a report dated {report.prepared_on}")
            elif report.prepared_on < agency.accredited_from or (
                    agency.accredited_until is not None and report.prepared_on > agency.accredited_until):
                yield error("R107", report.doc.at("prepared_on"),
                            f"报告日期 {report.prepared_on} 不在机构 {agency.id} 的登记有效期内",
                            f"the report date {report.prepared_on} is outside agency {agency.id}'s accreditation window")
