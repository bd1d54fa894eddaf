"""What the filing page (``/file/``, issue 13 §1) embeds: the published schemas of the records it
writes, the rules and factor sets as filed (what the accounting port reads), the field labels the
spreadsheet uses, and the names of enumerated values. The page builds its form, its choice lists
and its checks from this data alone, so a field added to a schema or a factor added to a set appears
on the page without touching the page's code. Nothing is fetched after the page loads."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.model.labels import ENUMS
from generator.spreadsheet.fields import WORDS, fields, label
from generator.validation import schemas

RECORD_KINDS = ("plan", "report", "retirement", "declaration")
SCHEMA_FILES = ("common", *RECORD_KINDS)
# The $defs whose values the site already names (generator/model/labels.py), by the def's name.
ENUM_NAMES = {"eventKind": "kind", "phase": "phase", "category": "category", "travelMode": "mode",
              "reductionArea": "area", "offsetKind": "offset_kind", "scope": "scope"}


def plain(value: Any) -> Any:
    """Records as JSON: decimals as their exact text (the port reads them with rational.js)."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def page_data(reg) -> dict:
    """The page's embedded data for the loaded registry-wide records ``reg`` (only the rules and factor
    sets of the registry's jurisdiction: the others are never in force for its events)."""
    from generator.scaffold.new import PUBLISHED_SCHEMAS

    contents = schemas._contents()
    jurisdiction = reg.meta.jurisdiction if reg.meta else None

    def ours(record) -> bool:  # what in_force chooses from: the registry's jurisdiction's versions
        return jurisdiction is None or record.jurisdiction == jurisdiction

    return {
        "schema_url": PUBLISHED_SCHEMAS,
        "jurisdiction": jurisdiction,
        "rules": [plain(r.doc.data) for r in reg.rules if ours(r)],
        "factor_sets": [plain(f.doc.data) for f in reg.factor_sets if ours(f)],
        "schemas": {kind: contents[schemas.BASE_URI + (f"{kind}.schema.json")] for kind in SCHEMA_FILES},
        "labels": {kind: {pattern: list(label(kind, pattern)) for pattern in fields(kind)} for kind in RECORD_KINDS},
        "words": {k: list(v) for k, v in WORDS.items()},
        "enum_names": {ref: {value: list(pair) for value, pair in ENUMS[name].items()}
                       for ref, name in {**ENUM_NAMES, "level": "level"}.items()},
    }
