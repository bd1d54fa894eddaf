"""Read the records out of a filled workbook, remembering the cell each value came from."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from generator.spreadsheet import layout
from generator.spreadsheet.fields import plain_lists
from generator.spreadsheet.paths import unflatten

PATH = re.compile(r"^[a-z_][a-z0-9_]*(\.([a-z_][a-z0-9_]*|[1-9][0-9]{0,3}))*$")


@dataclass
class SheetRecord:
    """One record read from the workbook: its data and the cell of each dotted path."""

    kind: str
    data: dict
    cells: dict[str, str] = field(default_factory=dict)  # dotted path (items from 1) -> "sheet!D5"
    home: str = ""  # the cell to point at when no nearer one is known


@dataclass
class Problem:
    cell: str
    zh: str
    en: str


def cell_value(value):
    """A cell's saved value as record data: text stripped, numbers exact, dates as YYYY-MM-DD."""
    if value is None:
        return None
    if isinstance(value, str):
        text = unicodedata.normalize("NFC", value.strip())
        return text or None
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        # Excel keeps a typed decimal as the shortest text that reads back as the same double:
        # repr() gives that text again, so 0.74 stays 0.74 (never 0.7399999999999999...).
        exact = Decimal(repr(value))
        return int(exact) if exact == exact.to_integral_value() and abs(exact) < 10**15 else exact
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _sheet(book, name):
    return book[name] if name in book.sheetnames else None


def read_kv(book, sheet: layout.Sheet, problems: list[Problem]) -> SheetRecord | None:
    ws = _sheet(book, sheet.name)
    if ws is None:
        return None
    pairs, cells = [], {}
    rows = ws.iter_rows(min_row=layout.KV_FIRST_ROW, max_row=layout.MAX_ROWS, max_col=layout.KV_VALUE_COLUMN)
    for number, row in enumerate(rows, layout.KV_FIRST_ROW):
        if not row or row[0].value is None:
            continue
        path = str(row[0].value).strip()
        if not PATH.match(path):
            problems.append(Problem(f"{sheet.name}!A{number}", f"无法识别的字段名 {path!r}；请勿修改 A 列",
                                    f"unknown field name {path!r}; do not change column A"))
            continue
        cells[path] = f"{sheet.name}!D{number}"
        value = cell_value(row[layout.KV_VALUE_COLUMN - 1].value) if len(row) >= layout.KV_VALUE_COLUMN else None
        if value is not None:
            pairs.append((path, value))
    if not pairs:
        return None
    return SheetRecord(sheet.kind, unflatten(pairs, plain_lists(sheet.kind)), cells, f"{sheet.name}!A1")


def read_table(book, sheet: layout.Sheet, problems: list[Problem]) -> list[SheetRecord]:
    """One SheetRecord per filled row (the report's lines are joined by the caller)."""
    ws = _sheet(book, sheet.name)
    if ws is None:
        return []
    columns: list[tuple[int, str]] = []
    out: list[SheetRecord] = []
    for number, row in enumerate(ws.iter_rows(min_row=3, max_row=layout.MAX_ROWS, max_col=layout.MAX_COLUMNS), 3):
        if not row:
            continue
        if number == 3:
            for col, cell in enumerate(row, 1):
                if cell.value is None:
                    continue
                path = str(cell.value).strip()
                letter = layout.column_letter(col)
                if PATH.match(path):
                    columns.append((col, path))
                else:
                    problems.append(Problem(f"{sheet.name}!{letter}3", f"无法识别的字段名 {path!r}；请勿修改第 3 行",
                                            f"unknown field name {path!r}; do not change row 3"))
            continue
        pairs, cells = [], {}
        for col, path in columns:
            cells[path] = f"{sheet.name}!{layout.column_letter(col)}{number}"
            value = cell_value(row[col - 1].value) if col <= len(row) else None
            if value is not None:
                pairs.append((path, value))
        if pairs:
            # the row's paths are relative to the sheet's prefix ("lines.*."), and so are its plain lists
            lists = frozenset(p[len(sheet.prefix):] for p in plain_lists(sheet.kind) if p.startswith(sheet.prefix))
            out.append(SheetRecord(sheet.kind, unflatten(pairs, lists), cells,
                                   f"{sheet.name}!A{number}"))
    return out
