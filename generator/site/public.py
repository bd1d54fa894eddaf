"""What the site may publish of a record: only what its schema marks public.

Every record schema carries ``"x-carbonreg-public": true`` at its root; a property marked
``"x-carbonreg-public": false`` (none today: contact details never enter the registry) is removed
from everything the site publishes. A record kind whose schema has no marker is not published."""
from __future__ import annotations

import functools
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


def _has_private(node: Any, seen: frozenset = frozenset()) -> bool:
    """Whether anything below ``node`` (following $ref) is marked private; a reference cycle counts
    as yes, so such a schema always takes the full walk."""
    if isinstance(node, list):
        return any(_has_private(n, seen) for n in node)
    if not isinstance(node, dict):
        return False
    if node.get(MARK) is False:
        return True
    ref = node.get("$ref")
    if isinstance(ref, str):
        if ref in seen:
            return True
        seen = seen | {ref}
        if _resolve({"$ref": ref}) is not node and _has_private(_resolve({"$ref": ref}), seen):
            return True
    return any(_has_private(v, seen) for k, v in node.items() if k != "$ref")


@functools.cache
def _keeps_everything(kind: str) -> bool:
    return not _has_private(schema(kind))


def public_view(kind: str, data: dict) -> dict:
    """``data`` with every field its schema marks private removed; refuses kinds not marked public.
    A schema that marks nothing private publishes the data as it is (no walk)."""
    root = schema(kind)
    if root.get(MARK) is not True:
        raise NotPublic(f"schema of {kind} is not marked {MARK}: nothing of it is published")
    return data if _keeps_everything(kind) else _strip(data, root)


__all__ = ["KINDS", "NotPublic", "public_view"]
