"""The JSON Schemas in ``schemas/`` and the validators built from them (format checks enforced)."""
from __future__ import annotations

import functools
import json
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas" / "v1"
BASE_URI = "https://carbonreg.org/schemas/v1/"

# Record kind -> schema file name.
KINDS = {
    "registry": "registry.schema.json",
    "rules": "rules.schema.json",
    "factor-set": "factor-set.schema.json",
    "agency": "agency.schema.json",
    "plan": "plan.schema.json",
    "report": "report.schema.json",
    "retirement": "retirement.schema.json",
    "declaration": "declaration.schema.json",
    "revocation": "revocation.schema.json",
    "offer": "offer.schema.json",
}


@functools.cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry().with_resources(resources)


@functools.cache
def schema(kind: str) -> dict:
    return _registry().contents(BASE_URI + KINDS[kind])


@functools.cache
def validator(kind: str) -> Draft202012Validator:
    """A validator for one record kind; ``format`` is asserted, not just annotated."""
    return Draft202012Validator(
        schema(kind), registry=_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
