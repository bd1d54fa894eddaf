"""The sheets of the standard workbook and which rows and columns hold which fields.

Key/value sheets (plan, report_info, declaration): column A the field's path, B and C its label in
Chinese and English, D the value. Table sheets (report: one emission line per row; retirements:
one retirement proof per row): row 1 Chinese labels, row 2 English labels, row 3 the paths, data
from row 4. Paths are the record's own (``activity.amount``), list items counted from 1."""
from __future__ import annotations

from dataclasses import dataclass

from generator.spreadsheet.fields import fields

PLAN, REPORT_INFO, REPORT, RETIREMENTS, DECLARATION = "plan", "report_info", "report", "retirements", "declaration"
FACTORS, LISTS, INSTRUCTIONS = "factors", "lists", "instructions"
TABLE_FIRST_ROW = 4
KV_FIRST_ROW = 2
KV_VALUE_COLUMN = 4
# How many items of a list of mappings a blank template offers (export adds what a record needs).
TEMPLATE_ITEMS = {"reduction_measures": 3, "attachments": 2, "serials": 3}
TEMPLATE_ROWS = {REPORT: 60, RETIREMENTS: 20}
MAX_ROWS = 5000
MAX_COLUMNS = 200


@dataclass(frozen=True)
class Sheet:
    name: str
    kind: str  # record kind the fields come from
    table: bool
    prefix: str  # the part of the record the sheet holds: "" (all), "lines.*." (the report's lines)
    exclude: tuple[str, ...] = ()  # patterns held by another sheet


SHEETS = (
    Sheet(PLAN, "plan", False, ""),
    Sheet(REPORT_INFO, "report", False, "", exclude=("lines.",)),
    Sheet(REPORT, "report", True, "lines.*."),
    Sheet(RETIREMENTS, "retirement", True, ""),
    Sheet(DECLARATION, "declaration", False, ""),
)


def template_paths(sheet: Sheet) -> list[str]:
    """The paths a blank sheet offers, in schema order, list items expanded to TEMPLATE_ITEMS
    (item by item: serials.1.prefix, serials.1.first, serials.1.last, serials.2.prefix, ...)."""
    patterns = [p[len(sheet.prefix):] for p in fields(sheet.kind)
                if p.startswith(sheet.prefix) and not any(p.startswith(x) for x in sheet.exclude)]
    return _expand(patterns)


def _expand(patterns: list[str]) -> list[str]:
    out: list[str] = []
    done: set[str] = set()
    for pattern in patterns:
        if ".*." not in pattern:
            out.append(pattern)
            continue
        head = pattern.split(".*.", 1)[0]
        if head in done:
            continue
        done.add(head)
        tails = [p.split(".*.", 1)[1] for p in patterns if p.startswith(head + ".*.")]
        for i in range(1, TEMPLATE_ITEMS.get(head.rsplit(".", 1)[-1], 2) + 1):
            out.extend(f"{head}.{i}.{tail}" for tail in _expand(tails))
    return out


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
