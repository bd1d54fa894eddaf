"""Art. 16-17: revocation notices point at a published record, are dated sensibly, and suspend for real."""
from __future__ import annotations

from generator.findings import error
from generator.model.records import Revocation
from generator.rules.context import RegistryContext


def revocations_consistent(ctx: RegistryContext):
    events = {f.plan_id: f for f in ctx.facts if f.plan_id is not None}
    for rev in ctx.registry.revocations:
        event = events.get(rev.event_id)
        if event is None:
            yield error("R950", rev.doc.at("target", "event"),
                        f"撤销公告指向不存在的活动 {rev.event_id!r}", f"the notice names an unknown event {rev.event_id!r}")
            continue
        if rev.target_kind == "declaration":
            decl = event.declaration  # (id, declared_on)
            if decl is None or decl[0] != rev.target_id:
                yield error("R950", rev.doc.at("target", "id"),
                            f"活动 {rev.event_id} 没有编号为 {rev.target_id!r} 的声明",
                            f"event {rev.event_id} has no declaration {rev.target_id!r}")
            elif rev.decided_on.isoformat() < decl[1]:
                yield error("R951", rev.doc.at("decided_on"),
                            f"撤销日期 {rev.decided_on} 早于声明日期 {decl[1]}",
                            f"revoked on {rev.decided_on}, before the declaration was made ({decl[1]})")
        if rev.decided_on > ctx.today:
            yield error("R951", rev.doc.at("decided_on"), f"撤销日期 {rev.decided_on} 在未来",
                        f"revocation date {rev.decided_on} is in the future")
        if rev.agency_suspended is not None:
            agency = ctx.registry.agencies.get(rev.agency_suspended)
            if agency is None or agency.status != "suspended":
                yield error("R952", rev.doc.at("agency_suspended"),
                            f"公告暂停机构 {rev.agency_suspended!r}，但该机构在 agencies/ 中不是暂停状态；请同时修改机构文件",
                            f"the notice suspends agency {rev.agency_suspended!r}, but agencies/ does not show it as suspended; update the agency file too")


def revoked_ids_unique(ctx: RegistryContext):
    seen: dict[str, Revocation] = {}
    for rev in ctx.registry.revocations:
        first = seen.setdefault(rev.id, rev)
        if first is not rev:
            yield error("R105", rev.doc.at("id"), f"编号 {rev.id!r} 已被 {first.doc.path} 使用",
                        f"id {rev.id!r} is already used by {first.doc.path}", related=(first.doc.at("id"),))
