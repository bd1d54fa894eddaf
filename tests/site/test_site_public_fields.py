"""The site publishes only what record schemas mark public."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.site.public import MARK, NotPublic, _strip, public_view
from generator.validation.schemas import KINDS, SCHEMA_DIR


def test_every_record_schema_says_it_is_public():
    for kind, name in KINDS.items():
        data = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
        assert data.get(MARK) is True, name


def test_a_private_field_is_removed_at_any_depth():
    node = {"properties": {"name": {"type": "string"},
                           "contact": {"type": "object", MARK: False},
                           "items": {"type": "array", "items": {"properties": {"note": {MARK: False}, "n": {}}}}}}
    data = {"name": "x", "contact": {"phone": "13800000000"}, "items": [{"note": "secret", "n": 1}]}
    assert _strip(data, node) == {"name": "x", "items": [{"n": 1}]}


def test_a_kind_without_the_marker_is_not_published(monkeypatch):
    import generator.site.public as public

    monkeypatch.setattr(public, "schema", lambda kind: {"type": "object"})
    with pytest.raises(NotPublic):
        public_view("plan", {"id": "x"})


def test_public_view_keeps_a_real_plan_whole():
    from generator.loading.yamlsafe import load_yaml

    path = Path(__file__).resolve().parents[2] / "registry/events/2025/2025-pujiang-city-marathon/plan.yaml"
    doc, _ = load_yaml(path)
    assert public_view("plan", doc.data) == doc.data
