"""Data quality (Art. 11: activity data "traceable and checkable"): where each line's activity data
comes from. Rules versions with ``activity_source: required`` (shanghai-2026 on) need it on every line;
events accounted under earlier versions keep checking without it."""
from __future__ import annotations

from generator.findings import error
from generator.rules.context import EventContext

SOURCES = "metered | invoiced | surveyed | estimated"


def activity_source_stated(ctx: EventContext):
    """R406: under rules requiring it, every report line states ``activity.source``."""
    for event, account in ctx.planned_events():
        if event.report is None or account is None or account.rules is None:
            continue
        rules = account.rules
        if rules.activity_source != "required":
            continue
        for line in event.report.lines:
            if line.activity_source is not None:
                continue
            yield error("R406", event.report.doc.at("lines", line.index, "activity"),
                        f"规则 {rules.id} 要求每个排放行说明活动数据来源；排放行 {line.id} 的 activity 缺少 source。"
                        f"请在 activity 下加入 source: {SOURCES}（计量表读数 | 发票或结算单 | 调查，须另填样本量 "
                        f"sample_size | 估算），例如 source: invoiced",
                        f"rules {rules.id} require every emission line to state where its activity data comes from; "
                        f"the activity of line {line.id} has no source. Add source: {SOURCES} under activity "
                        f"(meter readings | invoices or settlement statements | a survey, then also give its "
                        f"sample_size | an estimate), e.g. source: invoiced")
