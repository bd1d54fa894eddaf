"""Follow-on findings: when a file of an event cannot be read, the rules that needed it see the
event as if that file were missing. Their findings are consequences of the first error, not news:
one that is simply untrue (R703 "there is no report yet" while report.yaml is there but has an
error) is dropped; the others are kept, marked as a probable consequence and linked to the file
whose error comes first, so a person fixes that file first."""
from __future__ import annotations

from dataclasses import replace

from generator.findings import Finding, Location

# Which findings follow from which kind of unreadable record.
# Dropped: what they say is untrue while the file is unreadable ("no report yet", "the registry
# computes 0"). Marked: true of the event as the rules see it, but probably gone once it is fixed.
DROPPED = {"report": frozenset({"R703", "C103"}), "retirement": frozenset({"C103"})}
MARKED = {
    "report": frozenset({"R701", "R801", "R401"}),
    "retirement": frozenset({"R701", "R702", "R801"}),
    "plan": frozenset({"R702", "R703", "C103"}),
}


def settle(findings: list[Finding], events, shown_root: str) -> list[Finding]:
    """The findings with each event's follow-on findings dropped or marked (see the module docstring)."""
    by_prefix = {f"{shown_root.rstrip('/')}/{e.rel_dir}/": e.unreadable for e in events if e.unreadable}
    if not by_prefix:
        return findings
    out: list[Finding] = []
    for finding in findings:
        unreadable = next((u for prefix, u in by_prefix.items() if finding.location.path.startswith(prefix)), ())
        if not unreadable:
            out.append(finding)
            continue
        if any(finding.code in DROPPED.get(kind, ()) for kind, _ in unreadable):
            continue
        causes = [shown for kind, shown in unreadable if finding.code in MARKED.get(kind, ())]
        if not causes or finding.location.path in causes:
            out.append(finding)
            continue
        names = "、".join(c.rsplit("/", 1)[-1] for c in causes)
        names_en = ", ".join(c.rsplit("/", 1)[-1] for c in causes)
        out.append(replace(
            finding,
            zh=f"{finding.zh}（可能是 {names} 中错误的后果：请先改正该文件）",
            en=f"{finding.en} (probably a consequence of the error in {names_en}: fix that file first)",
            related=(*finding.related, *(Location(c) for c in causes))))
    return out
