"""What the site may publish of a record: only what its schema marks public.

Every record schema carries ``"x-carbonreg-public": true`` at its root; a property marked
``"x-carbonreg-public": false`` (none today: contact details never enter the registry) is removed
from everything the site publishes. A record kind whose schema has no marker is not published."""
from __future__ import annotations

from typing import Any

from generator.validation.schemas import KINDS, _registry, schema

MARK = "x-carbonreg-public"


class NotPublic(Exception):
    pass


def _resolve(node: dict) -> dict:
    ref = node.get("$ref")
    if isinstance(ref, str):
        base = "https://carbonreg.org/schemas/v1/"
        uri = ref if ref.startswith("https://") else base + ref if not ref.startswith("#") else None
        if uri:
            target = _registry().resolver().lookup(uri).contents
            return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _strip(value: Any, node: Any) -> Any:
    if not isinstance(node, dict):
        return value
    node = _resolve(node)
    if isinstance(value, dict):
        props = node.get("properties", {})
        return {k: _strip(v, props.get(k, {})) for k, v in value.items()
                if not (isinstance(props.get(k), dict) and props[k].get(MARK) is False)}
    if isinstance(value, list):
        return [_strip(v, node.get("items", {})) for v in value]
    return value


def public_view(kind: str, data: dict) -> dict:
    """``data`` with every field its schema marks private removed; refuses kinds not marked public."""
    root = schema(kind)
    if root.get(MARK) is not True:
        raise NotPublic(f"schema of {kind} is not marked {MARK}: nothing of it is published")
    return _strip(data, root)


__all__ = ["KINDS", "NotPublic", "public_view"]
