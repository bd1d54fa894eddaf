"""Write records as YAML that our safe loader reads back to the same data: block style, every
string double-quoted (JSON escaping, so no text can change the structure), decimals written out plainly (read back as the same Decimal)."""
from __future__ import annotations

import json
from decimal import Decimal
from typing import Any


def dump(data: dict, header: list[str]) -> str:
    lines = [f"# {h}" for h in header]
    lines += _mapping(data, "")
    return "\n".join(lines) + "\n"


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):  # plain, so the safe loader reads the same Decimal back
        return format(value, "f")
    return json.dumps(str(value), ensure_ascii=False)


def _mapping(data: dict, indent: str) -> list[str]:
    out: list[str] = []
    for key, value in data.items():
        out += _entry(f"{indent}{key}:", value, indent)
    return out


def _entry(head: str, value: Any, indent: str) -> list[str]:
    if isinstance(value, dict):
        return [head] + _mapping(value, indent + "  ") if value else [f"{head} {{}}"]
    if isinstance(value, list):
        if not value or not any(isinstance(x, (dict, list)) for x in value):
            return [f"{head} [{', '.join(_scalar(x) for x in value)}]"]
        out = [head]
        for item in value:
            body = _mapping(item, indent + "    ") if isinstance(item, dict) else [indent + "    " + _scalar(item)]
            out.append(f"{indent}  - {body[0].lstrip()}")
            out += body[1:]
        return out
    return [f"{head} {_scalar(value)}"]
