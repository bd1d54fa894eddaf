"""GitHub Actions workflow commands: ``::error file=...,line=...,col=...,title=CODE::message``."""
from __future__ import annotations

from generator.formats.summary import summary_lines


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result) -> str:
    lines = []
    for f in result.findings:
        props = [f"file={_escape_property(f.location.path)}"]
        if f.location.line is not None:
            props.append(f"line={f.location.line}")
            props.append(f"col={f.location.column or 1}")
        props.append(f"title={_escape_property(f.code)}")
        lines.append(f"::{f.severity.value} {','.join(props)}::{_escape_data(f.zh + ' / ' + f.en)}")
    return "\n".join(lines + summary_lines(result)) + "\n"
