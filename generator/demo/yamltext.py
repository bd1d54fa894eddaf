"""A tiny YAML writer for the registry's record shapes: block mappings, flow mappings for short
bilingual texts, strings quoted as JSON (a JSON string is a valid YAML scalar), dates and slugs plain."""
from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_.\-/]*")
_RESERVED = {"null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "y", "n", "yes", "no", "on", "off"}


class Flow(dict):
    """A mapping written on one line: ``{zh: "…", en: "…"}``."""


def scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return f"{value:f}" if value == value.to_integral_value() and "." not in f"{value:f}" else f'"{value:f}"'
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and _PLAIN.fullmatch(value) and value not in _RESERVED:
        return value
    return json.dumps(str(value), ensure_ascii=False)


def _flow(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return scalar(value)


def _block(value: dict, indent: int, out: list[str]) -> None:
    pad = " " * indent
    for key, item in value.items():
        if isinstance(item, Flow) or (isinstance(item, list) and all(not isinstance(x, dict) for x in item)):
            out.append(f"{pad}{key}: {_flow(item)}")
        elif isinstance(item, dict):
            out.append(f"{pad}{key}:")
            _block(item, indent + 2, out)
        elif isinstance(item, list):
            out.append(f"{pad}{key}:")
            for entry in item:
                if isinstance(entry, Flow):
                    out.append(f"{pad}  - {_flow(entry)}")
                    continue
                lines: list[str] = []
                _block(entry, indent + 4, lines)
                lines[0] = f"{pad}  - " + lines[0].lstrip()
                out.extend(lines)
        else:
            out.append(f"{pad}{key}: {scalar(item)}")


def dump(data: dict, header: tuple[str, ...] = ()) -> bytes:
    out = list(header)
    _block(data, 0, out)
    return ("\n".join(out) + "\n").encode("utf-8")
