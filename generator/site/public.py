"""What the site may publish of a record: only what its schema marks public.

Every record schema carries ``"x-carbonreg-public": true`` at its root; a property marked
``"x-carbonreg-public": false`` (none today: contact details never enter the registry) is removed
from everything the site publishes. A record kind whose schema has no marker is not published."""
from __future__ import annotations

import functools
import json
from typing import Any

from referencing import Resource
from referencing.jsonschema import DRAFT202012

from generator.validation.schemas import BASE_URI, KINDS, SCHEMA_DIR, _registry, schema

MARK = "x-carbonreg-public"


class NotPublic(Exception):
    pass


def _resolver(root: dict):
    """A resolver for ``$ref`` inside ``root``: local (``#/$defs/...``) and relative references
    resolve against the schema itself, other schema files through the registry of every schema."""
    resource = Resource.from_contents(root, default_specification=DRAFT202012)
    uri = root.get("$id") or BASE_URI + "(walked)"
    return _registry().with_resource(uri, resource).resolver(base_uri=uri)


def _strip(value: Any, node: Any, resolver) -> Any:
    if not isinstance(node, dict):
        return value
    seen = 0
    while isinstance(node.get("$ref"), str):
        seen += 1
        if seen > 64:  # a reference cycle with no properties in between: nothing to strip below it
            return value
        resolved = resolver.lookup(node["$ref"])
        node, resolver = {**resolved.contents, **{k: v for k, v in node.items() if k != "$ref"}}, resolved.resolver
    if isinstance(value, dict):
        props = node.get("properties", {})
        return {k: _strip(v, props.get(k, {}), resolver) for k, v in value.items()
                if not (isinstance(props.get(k), dict) and props[k].get(MARK) is False)}
    if isinstance(value, list):
        return [_strip(v, node.get("items", {}), resolver) for v in value]
    return value


def _marks_private(node: Any) -> bool:
    if isinstance(node, list):
        return any(_marks_private(n) for n in node)
    if isinstance(node, dict):
        return node.get(MARK) is False or any(_marks_private(v) for v in node.values())
    return False


@functools.cache
def _nothing_private() -> bool:
    """No schema file marks any field private, so no record can lose a field (true today)."""
    return not any(_marks_private(schema(kind)) for kind in KINDS) and \
        not any(_marks_private(json.loads(p.read_text(encoding="utf-8"))) for p in SCHEMA_DIR.glob("*.schema.json"))


def public_view(kind: str, data: dict) -> dict:
    """``data`` with every field its schema marks private removed; refuses kinds not marked public.
    While no schema marks anything private, the data is published as it is (no walk)."""
    root = schema(kind)
    if root.get(MARK) is not True:
        raise NotPublic(f"schema of {kind} is not marked {MARK}: nothing of it is published")
    return data if _nothing_private() else _strip(data, root, _resolver(root))


__all__ = ["KINDS", "NotPublic", "public_view"]
