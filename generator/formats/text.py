"""Plain text: one ``path:line:column: CODE severity: 中文 / English`` line per finding, then a summary."""
from __future__ import annotations

from generator.formats.summary import summary_lines


def finding_line(f) -> str:
    line = f"{f.location}: {f.code} {f.severity.value}: {f.zh} / {f.en}"
    for rel in f.related:
        line += f"\n    ↳ {rel}"
    return line


def render(result) -> str:
    lines = [finding_line(f) for f in result.findings]
    lines.extend(summary_lines(result))
    return "\n".join(lines) + "\n"
