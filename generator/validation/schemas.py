"""The JSON Schemas in ``schemas/`` and the validators built from them (format checks enforced)."""
from __future__ import annotations

import functools
import json
from typing import Any, Iterator

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from generator import datadir
from generator.validation import fastpath

SCHEMA_DIR = datadir.SCHEMAS / "v1"
BASE_URI = "https://carbonreg.org/schemas/v1/"
FORMAT_CHECKER = Draft202012Validator.FORMAT_CHECKER

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
def _contents() -> dict[str, dict]:
    """Every schema file by its $id."""
    out = {}
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        out[contents["$id"]] = contents
    return out


@functools.cache
def _registry() -> Registry:
    return Registry().with_resources(
        (uri, Resource.from_contents(contents)) for uri, contents in _contents().items())


@functools.cache
def schema(kind: str) -> dict:
    return _registry().contents(BASE_URI + KINDS[kind])


@functools.cache
def python_validator(kind: str) -> Draft202012Validator:
    """The authority: Python jsonschema for one record kind; ``format`` is asserted, not just annotated."""
    return Draft202012Validator(schema(kind), registry=_registry(), format_checker=FORMAT_CHECKER)


@functools.cache
def _rust_registry():
    return fastpath.rust_registry(_contents().items())


@functools.cache
def rust_validator(kind: str):
    """jsonschema-rs for one record kind (None where the fast path is off; see fastpath.py)."""
    return fastpath.rust_validator(_contents(), _rust_registry(), BASE_URI + KINDS[kind], FORMAT_CHECKER)


class RecordValidator:
    """Python jsonschema behind a jsonschema-rs pre-check that only ever says "valid".

    ``iter_errors`` yields exactly what the Python validator yields: nothing when jsonschema-rs
    finds the instance valid (which implies Python does, see fastpath.py), else Python's errors.
    Anything else is the Python validator's."""

    def __init__(self, kind: str):
        self.kind = kind
        self.python = python_validator(kind)
        self.rust = rust_validator(kind)

    def fast_valid(self, instance: Any) -> bool:
        """True if jsonschema-rs proves the instance valid; False means only "ask Python"."""
        return fastpath.fast_valid(self.rust, instance)

    def iter_errors(self, instance: Any) -> Iterator[ValidationError]:
        if self.fast_valid(instance):
            return iter(())
        return self.python.iter_errors(instance)

    def is_valid(self, instance: Any) -> bool:
        return self.fast_valid(instance) or self.python.is_valid(instance)

    def validate(self, instance: Any) -> None:
        if not self.fast_valid(instance):
            self.python.validate(instance)

    def __getattr__(self, name: str):
        if name in ("kind", "python", "rust"):  # not set yet (e.g. while copying): no recursion
            raise AttributeError(name)
        return getattr(self.python, name)


@functools.cache
def validator(kind: str) -> RecordValidator:
    """The validator for one record kind (errors as Python jsonschema reports them)."""
    return RecordValidator(kind)
