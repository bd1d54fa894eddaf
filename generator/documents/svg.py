"""SVG: its text (with the file line of each text element) and any content a browser would run.

An SVG attachment is served from the site's own origin, so script elements, event handler
attributes, javascript: links and embedded HTML (foreignObject) are reported (R608)."""
from __future__ import annotations

from generator.documents.extract import Extract, Segment
from generator.documents.xmltext import xml_blocks

_ACTIVE_ELEMENTS = {"script", "foreignObject", "iframe", "embed", "object"}


def extract_svg(data: bytes) -> Extract:
    active: list[str] = []

    def on_element(name, attrs, line):
        where = f"{line}" if line else "?"
        if name[1] in _ACTIVE_ELEMENTS:
            active.append(f"<{name[1]}> (line {where})")
        for (_, attr), value in attrs.items():
            lowered = value.strip().lower()
            if attr.lower().startswith("on"):
                active.append(f"{attr}= (line {where})")
            elif attr in ("href", "src") and (lowered.startswith("javascript:") or lowered.startswith("data:text/html")):
                active.append(f"{attr}={lowered[:20]}… (line {where})")

    blocks = xml_blocks(data, on_element=on_element)
    return Extract(tuple(Segment(text, line) for line, text in blocks), active=tuple(active))
