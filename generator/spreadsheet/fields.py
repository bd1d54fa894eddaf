"""What the published schemas say about each field a sheet holds: its label in Chinese and English
(the schema's ``title``), whether it holds a list of plain values, and its allowed values."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from generator.validation import schemas


@dataclass(frozen=True)
class Field:
    pattern: str  # dotted path, list items as "*"
    title_zh: str
    title_en: str
    plain_list: bool
    enum: tuple[str, ...]
    is_text: bool  # a string in the schema: cells are formatted as text so 0001 keeps its zeros


@functools.cache
def fields(kind: str) -> dict[str, Field]:
    """Every field of a record kind by its pattern (``lines.*.activity.amount``)."""
    root = schemas.schema(kind)
    resolver = schemas._registry().resolver(base_uri=root["$id"])
    out: dict[str, Field] = {}
    _walk(root, resolver, "", ("", ""), out, 0)
    return out


def _resolve(node: dict, resolver):
    while isinstance(node, dict) and "$ref" in node:
        resolved = resolver.lookup(node["$ref"])
        merged = {**resolved.contents, **{k: v for k, v in node.items() if k != "$ref"}}
        node, resolver = merged, resolved.resolver
    return node, resolver


def _title(node: dict, parent: tuple[str, str]) -> tuple[str, str]:
    title = node.get("title") if isinstance(node, dict) else None
    if isinstance(title, str) and " / " in title:
        zh, en = title.split(" / ", 1)
        return zh, en
    return parent


def _walk(node, resolver, path: str, parent: tuple[str, str], out: dict, depth: int) -> None:
    if depth > 12 or not isinstance(node, dict):
        return
    node, resolver = _resolve(node, resolver)
    zh, en = _title(node, parent)
    props = node.get("properties")
    if isinstance(props, dict):
        for key, sub in props.items():
            if sub is False:
                continue
            _walk(sub, resolver, f"{path}.{key}" if path else key, ("", ""), out, depth + 1)
        return
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        items, item_resolver = _resolve(node["items"], resolver)
        if isinstance(items.get("properties"), dict):
            _walk(items, item_resolver, f"{path}.*", (zh, en), out, depth + 1)
            return
        out[path] = Field(path, zh, en, True, tuple(str(x) for x in items.get("enum", ())), True)
        return
    enum = tuple(str(x) for x in node.get("enum", ()))
    is_text = node.get("type") == "string" or bool(enum) or "pattern" in node
    out[path] = Field(path, zh, en, False, enum, is_text)


def label(kind: str, path: str) -> tuple[str, str]:
    """(zh, en) label of a dotted path: the schema title where there is one, else the path itself."""
    from generator.spreadsheet.paths import pattern

    found = fields(kind).get(pattern(path))
    if found and found.title_zh:
        return found.title_zh, found.title_en
    return path, path


def plain_lists(kind: str) -> frozenset[str]:
    return frozenset(p for p, f in fields(kind).items() if f.plain_list)
