"""Every schema is valid JSON Schema 2020-12, has an $id, bilingual texts and closed objects."""
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from generator.validation.schemas import BASE_URI, KINDS, SCHEMA_DIR

SCHEMA_FILES = sorted(SCHEMA_DIR.glob("*.schema.json"))
CJK = re.compile(r"[\u4e00-\u9fff]")


def _subschemas(node, path="#"):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _subschemas(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _subschemas(value, f"{path}/{i}")


def test_there_is_a_schema_per_record_kind():
    names = {p.name for p in SCHEMA_FILES}
    assert set(KINDS.values()) <= names
    assert len(SCHEMA_FILES) >= 8


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_schema_is_valid_2020_12(path: Path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == BASE_URI + path.name


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_schema_title_and_description_are_bilingual(path: Path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert " / " in schema["title"], schema["title"]
    for field in ("title", "description"):
        text = schema[field]
        # "中文。/ English." or "中文 / English": Chinese, then a slash and a space, then English.
        assert "/ " in text, (field, text)
        zh, en = text.split("/ ", 1)
        assert CJK.search(zh) and re.search(r"[A-Za-z]{3,}", en), text
        assert not CJK.search(en), text
    for where, sub in _subschemas(schema):
        for field in ("title", "description"):
            if isinstance(sub.get(field), str) and where != "#" and not where.endswith("/properties"):
                text = sub[field]
                assert CJK.search(text) and re.search(r"/\s*[A-Za-z0-9]", text), (where, text)


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_objects_with_properties_are_closed(path: Path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    open_objects = [where for where, sub in _subschemas(schema)
                    if sub.get("type") == "object" and isinstance(sub.get("properties"), dict)
                    and sub.get("additionalProperties") is not False]
    assert open_objects == []


def test_enums_required_by_the_issue():
    common = json.loads((SCHEMA_DIR / "common.schema.json").read_text(encoding="utf-8"))["$defs"]
    assert set(common["eventKind"]["enum"]) >= {"performance", "sports", "conference", "exhibition"}
    assert common["phase"]["enum"] == ["preparation", "hosting", "closing"]
    assert set(common["category"]["enum"]) == {
        "stationary_fuel", "event_vehicles", "purchased_electricity", "purchased_heat",
        "travel", "accommodation", "catering", "materials", "waste",
        "fugitive_gases"}  # issue 12: refrigerants and other non-CO2 gases
    assert {"cea", "shea", "ccer", "shanghai_ver", "recognised_other"} <= set(common["offsetKind"]["enum"])
    assert {"kWh", "MWh", "10^4kWh", "GJ", "kg", "t", "L", "m3"} <= set(common["activityUnit"]["enum"])
