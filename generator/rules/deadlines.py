"""Art. 12: neutrality within one year of the end. Overdue events are reported (warning)."""
from __future__ import annotations

from generator.findings import warning
from generator.rules.context import EventContext


def deadline_status(ctx: EventContext):
    for event, account in ctx.planned_events():
        if account is None or account.status != "overdue":
            continue
        yield warning("R801", event.plan.doc.at("expected_neutral_by"),
                      f"已超过碳中和期限 {account.deadline}（活动结束后 {account.rules.deadline_months} 个月）：已注销 {account.retired} tCO2e，"
                      f"目标范围需 {account.needed(event.plan.target_scope)} tCO2e",
                      f"past the neutrality deadline {account.deadline} ({account.rules.deadline_months} months after the end): {account.retired} "
                      f"tCO2e retired, the target scope needs {account.needed(event.plan.target_scope)} tCO2e")
