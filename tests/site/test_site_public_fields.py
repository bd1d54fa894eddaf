"""The site publishes only what record schemas mark public."""
from __future__ import annotations

import json

import pytest
from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

from generator.site.public import MARK, NotPublic, _resolver, _strip, public_view
from generator.validation.schemas import KINDS, SCHEMA_DIR


def test_every_record_schema_says_it_is_public():
    for _kind, name in KINDS.items():
        data = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
        assert data.get(MARK) is True, name


def test_a_private_field_is_removed_at_any_depth():
    node = {"properties": {"name": {"type": "string"},
                           "contact": {"type": "object", MARK: False},
                           "items": {"type": "array", "items": {"properties": {"note": {MARK: False}, "n": {}}}}}}
    data = {"name": "x", "contact": {"phone": "13800000000"}, "items": [{"note": "secret", "n": 1}]}
    assert _strip(data, node, _resolver(node)) == {"name": "x", "items": [{"n": 1}]}


def test_a_kind_without_the_marker_is_not_published(monkeypatch):
    import generator.site.public as public

    monkeypatch.setattr(public, "schema", lambda kind: {"type": "object"})
    with pytest.raises(NotPublic):
        public_view("plan", {"id": "x"})


def test_public_view_keeps_a_real_plan_whole():
    from generator.loading.yamlsafe import load_yaml

    path = pristine_sample() / "events/2025/2025-pujiang-city-marathon/plan.yaml"
    doc, _ = load_yaml(path)
    assert public_view("plan", doc.data) == doc.data


def test_public_view_strips_when_a_schema_marks_a_field_private(monkeypatch):
    """The shortcut taken while no schema marks anything private must not skip a schema that does,
    whether the private field is marked directly or behind a local ``$ref``; the real resolver runs."""
    import generator.site.public as public

    direct = {MARK: True, "properties": {"id": {}, "phone": {MARK: False}}}
    via_ref = {MARK: True, "properties": {"id": {}, "contact": {"$ref": "#/$defs/c"}},
               "$defs": {"c": {"properties": {"phone": {MARK: False}}}}}
    for root, data, expected in ((direct, {"id": "x", "phone": "1"}, {"id": "x"}),
                                 (via_ref, {"id": "x", "contact": {"phone": "1"}}, {"id": "x", "contact": {}})):
        monkeypatch.setattr(public, "schema", lambda kind, root=root: root)
        public._nothing_private.cache_clear()
        assert public_view("plan", data) == expected
    public._nothing_private.cache_clear()


def test_a_private_field_behind_a_local_reference_is_removed_in_lists_too(monkeypatch):
    """A schema with its own ``$id`` whose shared definition marks a field private, used once
    directly and once as the items of a list: removed in both places."""
    import generator.site.public as public
    from generator.validation.schemas import BASE_URI

    root = {MARK: True, "$id": BASE_URI + "walked-test.schema.json",
            "properties": {"who": {"$ref": "#/$defs/person"}, "items": {"type": "array", "items": {"$ref": "#/$defs/person"}}},
            "$defs": {"person": {"properties": {"name": {}, "mobile": {MARK: False}}}}}
    monkeypatch.setattr(public, "schema", lambda kind: root)
    public._nothing_private.cache_clear()
    data = {"who": {"name": "a", "mobile": "x"}, "items": [{"name": "b", "mobile": "y"}]}
    assert public_view("plan", data) == {"who": {"name": "a"}, "items": [{"name": "b"}]}
    public._nothing_private.cache_clear()
