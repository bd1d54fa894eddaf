"""Write the standard workbook: record sheets (key/value or table), choice lists as data
validation, the factor table, instructions. The same bytes for the same input (fixed times)."""
from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from generator.publishing.files import write_atomic
from generator.spreadsheet import layout
from generator.spreadsheet.fields import fields, label
from generator.spreadsheet.paths import pattern

HEAD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
PATH_FONT = Font(color="808080", size=9)
FIXED_TIME = datetime(2025, 1, 1)


def new_workbook() -> Workbook:
    book = Workbook()
    book.remove(book.active)
    book.properties.creator = "carbonreg"
    book.properties.created = book.properties.modified = FIXED_TIME
    return book


def _text_format(sheet: layout.Sheet, path: str) -> bool:
    found = fields(sheet.kind).get(pattern(sheet.prefix + path) if sheet.prefix else pattern(path))
    return bool(found and found.is_text)


def _put(ws, ref: str, value, text: bool) -> None:
    cell = ws[ref]
    cell.value = value
    if text:
        cell.number_format = "@"  # typed serials such as 000000001 keep their zeros


def write_kv(book: Workbook, sheet: layout.Sheet, rows: list[tuple[str, object]], choices: dict) -> None:
    ws = book.create_sheet(sheet.name)
    for col, (title, width) in enumerate([("字段 / field", 34), ("说明", 22), ("description", 26), ("值 / value", 60)], 1):
        cell = ws.cell(row=1, column=col, value=title)
        cell.font, cell.fill = HEAD, HEAD_FILL
        ws.column_dimensions[layout.column_letter(col)].width = width
    for row, (path, value) in enumerate(rows, layout.KV_FIRST_ROW):
        zh, en = label(sheet.kind, path)
        ws.cell(row=row, column=1, value=path).font = PATH_FONT
        ws.cell(row=row, column=2, value=zh if zh != path else None)
        ws.cell(row=row, column=3, value=en if en != path else None)
        ref = f"D{row}"
        _put(ws, ref, value, _text_format(sheet, path))
        _validate(ws, ref, choices.get(pattern(path)))
    ws.freeze_panes = "B2"


def write_table(book: Workbook, sheet: layout.Sheet, columns: list[str], rows: list[dict], choices: dict,
                blank_rows: int = 0) -> None:
    ws = book.create_sheet(sheet.name)
    last = layout.TABLE_FIRST_ROW + max(len(rows), blank_rows) - 1
    for col, path in enumerate(columns, 1):
        zh, en = label(sheet.kind, sheet.prefix + path if sheet.prefix else path)
        letter = layout.column_letter(col)
        for row, text in ((1, zh), (2, en), (3, path)):
            cell = ws.cell(row=row, column=col, value=text)
            cell.font = PATH_FONT if row == 3 else HEAD
            cell.fill = HEAD_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[letter].width = 16
        as_text = _text_format(sheet, path)
        for row, record in enumerate(rows, layout.TABLE_FIRST_ROW):
            _put(ws, f"{letter}{row}", record.get(path), as_text)
        if as_text and last >= layout.TABLE_FIRST_ROW:
            for row in range(layout.TABLE_FIRST_ROW + len(rows), last + 1):
                ws[f"{letter}{row}"].number_format = "@"
        if last >= layout.TABLE_FIRST_ROW:
            _validate(ws, f"{letter}{layout.TABLE_FIRST_ROW}:{letter}{last}", choices.get(pattern(path)))
    ws.freeze_panes = f"B{layout.TABLE_FIRST_ROW}"


def _validate(ws, ref: str, source: str | None) -> None:
    if not source:
        return
    rule = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True,
                          errorTitle="不在可选值中 / not a choice",
                          error="请从列表中选择 / choose a value from the list")
    rule.add(ref)
    ws.add_data_validation(rule)


def write_lists(book: Workbook, lists: dict[str, list[str]]) -> dict[str, str]:
    """One column per list on a hidden sheet; returns each list's range for data validation."""
    ws = book.create_sheet(layout.LISTS)
    ranges: dict[str, str] = {}
    for col, (name, values) in enumerate(lists.items(), 1):
        letter = layout.column_letter(col)
        ws.cell(row=1, column=col, value=name).font = HEAD
        for row, value in enumerate(values, 2):
            ws.cell(row=row, column=col, value=value)
        if values:
            ranges[name] = f"={layout.LISTS}!${letter}$2:${letter}${len(values) + 1}"
    ws.sheet_state = "hidden"
    return ranges


def write_rows(book: Workbook, name: str, header: list[str], rows: list[list], widths: list[int]) -> None:
    ws = book.create_sheet(name)
    for col, (title, width) in enumerate(zip(header, widths), 1):
        cell = ws.cell(row=1, column=col, value=title)
        cell.font, cell.fill = HEAD, HEAD_FILL
        ws.column_dimensions[layout.column_letter(col)].width = width
    for r, values in enumerate(rows, 2):
        for col, value in enumerate(values, 1):
            ws.cell(row=r, column=col, value=value).alignment = Alignment(wrap_text=True, vertical="top")


def to_bytes(book: Workbook) -> bytes:
    """The workbook as xlsx bytes with every zip entry dated 1980-01-01: the same input, the same bytes."""
    raw = io.BytesIO()
    book.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>2025-01-01T00:00:00Z\g<2>", data)
            dst.writestr(fixed, data)
    return out.getvalue()


def save(book: Workbook, target: Path, replace: bool) -> Path:
    return write_atomic(target, to_bytes(book), replace=replace)
