"""Records as rows of (dotted path, value) and back: ``lines.0.activity.amount`` <-> nested data.

A list of plain values (``kinds: [cea, ccer]``) is one cell, its items joined by ", "; a list of
mappings gets one index per item, counted from 1 as people count (``serials.1.prefix``)."""
from __future__ import annotations

from typing import Any, Iterator

JOIN = ", "


def flatten(data: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(path, value) of every plain value, in document order."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from flatten(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(data, list) and data and all(isinstance(x, dict) for x in data):
        for i, item in enumerate(data, 1):
            yield from flatten(item, f"{prefix}.{i}")
    elif isinstance(data, list):
        yield prefix, JOIN.join(str(x) for x in data) if data else None
    else:
        yield prefix, data


def unflatten(pairs: list[tuple[str, Any]], list_paths: frozenset[str]) -> dict:
    """Nested data from (path, value) pairs; numeric steps become lists in the order of their index.
    ``list_paths``: the paths holding a list of plain values, split back on ", "."""
    root: dict = {}
    for path, value in pairs:
        steps = path.split(".")
        node = root
        for step in steps[:-1]:
            node = node.setdefault(step, {})
        if path in list_paths or _pattern(path) in list_paths:
            value = [part.strip() for part in str(value).split(",") if part.strip()] if value is not None else []
        node[steps[-1]] = value
    return _lists(root)


def pattern(path: str) -> str:
    """The path with item numbers as ``*``: ``serials.2.first`` -> ``serials.*.first``."""
    return _pattern(path)


def _pattern(path: str) -> str:
    return ".".join("*" if step.isdigit() else step for step in path.split("."))


def _lists(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    if node and all(k.isdigit() for k in node):
        return [_lists(node[k]) for k in sorted(node, key=int)]
    return {k: _lists(v) for k, v in node.items()}

