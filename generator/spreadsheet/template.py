"""``carbonreg template xlsx``: the blank standard workbook for the rules and factor set in force
on a date, and ``carbonreg export``: an event folder as a filled workbook. Both have the same
sheets, choice lists, factor table and instructions."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.errors import CarbonregError
from generator.loading.yamlsafe import load_yaml
from generator.spreadsheet import layout, workbook
from generator.spreadsheet.fields import fields
from generator.spreadsheet.paths import flatten


class TemplateError(CarbonregError):
    """No rules in force for the date, or an event folder that cannot be exported."""


INSTRUCTIONS = [
    ("碳中和登记标准模板（《上海市大型活动碳中和工作指引》第七条）", "Standard carbon neutrality filing template (Art. 7 of the Shanghai guideline)"),
    ("规则 {rules}，缺省因子集 {factors}（适用于 {day} 起举办的活动）", "Rules {rules}, default factor set {factors} (for events held from {day})"),
    ("plan：实施计划，每行一个字段，在 D 列填写。", "plan: the plan, one field per row; type in column D."),
    ("report_info 与 report：核算报告；report 每行一个排放源，第 3 行是字段名，从第 4 行起填写。",
     "report_info and report: the emissions report; report has one emission source per row, field names in row 3, data from row 4."),
    ("retirements：每行一份注销证明；序列号区段写在 serials.1.*、serials.2.* 等列。",
     "retirements: one retirement proof per row; serial blocks in the serials.1.*, serials.2.* columns."),
    ("declaration：全部注销完成后填写的自我声明。", "declaration: the self-declaration, once the retirements cover the scope."),
    ("有下拉列表的单元格请从列表中选择；factors 表列出缺省排放因子，factor.key 填其中的 key。",
     "Choose from the drop-down list where a cell has one; the factors sheet lists the default factors, factor.key takes one of their keys."),
    ("数量请写十进制数（如 1.8），序列号等编号的单元格是文本格式，前导零会保留。",
     "Amounts are decimals (e.g. 1.8); serials and other codes are text cells, so leading zeros are kept."),
    ("附件不在表格中：把文件放入活动文件夹的 attachments/，在 attachments.*.sha256 填写其 SHA-256（sha256sum）。",
     "Attachments are not in the workbook: put the files in the event folder's attachments/ and give each one's SHA-256 (sha256sum)."),
    ("完成后：carbonreg import 本文件.xlsx --into registry/events/<年份>/<活动编号>/，再运行 carbonreg check registry；或把文件发给平台运营方。",
     "Then: carbonreg import this.xlsx --into registry/events/<year>/<event-id>/ and carbonreg check registry; or send the file to the platform operator."),
    ("导入时每个错误都指明工作表和单元格（如 report!G12）。表格中的公式不会被执行，只读取其已保存的值；含宏的文件会被拒绝。",
     "On import each error names its sheet and cell (e.g. report!G12). Formulas are never run, only their saved values are read; files with macros "
     "are refused."),
]


def _lists(rules, fset) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The choice lists and, for each field pattern, the list it takes: from the rules and factor set
    in force where they decide (districts, categories, factor keys, offset kinds), else the schema."""
    lists: dict[str, list[str]] = {}
    by_field: dict[str, str] = {}
    overrides = {
        "venue.district": list(rules.districts),
        "lines.*.category": sorted(rules.basic_categories | rules.extended_categories),
        "lines.*.factor.key": list(fset.factors) if fset else [],
        "kind@retirement": list(rules.offsets),
    }
    for sheet in layout.SHEETS:
        for pat, field in fields(sheet.kind).items():
            if field.plain_list:
                continue
            key = f"{pat}@{sheet.kind}" if f"{pat}@{sheet.kind}" in overrides else pat
            values = overrides.get(key, list(field.enum))
            if not values:
                continue
            name = key.replace("@", " ").replace(".*", "")
            lists.setdefault(name, values)
            by_field[f"{sheet.kind}:{pat}"] = name
    return lists, by_field


def _choices(sheet: layout.Sheet, ranges: dict[str, str], by_field: dict[str, str]) -> dict[str, str]:
    out = {}
    for pat in fields(sheet.kind):
        name = by_field.get(f"{sheet.kind}:{pat}")
        if name in ranges and pat.startswith(sheet.prefix):
            out[pat[len(sheet.prefix):]] = ranges[name]
    return out


def _context(registry, day: date):
    """The rules and factor set in force on ``day`` (``registry``: a folder or the loaded records)."""
    from generator.scaffold.context import in_force, registry_wide

    rules, fset = in_force(registry_wide(registry) if isinstance(registry, Path) else registry, day)
    if rules is None:
        raise TemplateError(f"{day} 没有生效的规则；请检查 registry/rules/", f"no rules are in force on {day}; see registry/rules/")
    return rules, fset


def _common(book, rules, fset, day: date) -> dict[str, dict[str, str]]:
    lists, by_field = _lists(rules, fset)
    ranges = workbook.write_lists(book, lists)
    workbook.write_rows(book, layout.FACTORS,
                        ["key", "类别 / category", "方式 / mode", "名称", "name", "值 / value", "单位 / unit", "状态 / status", "年份 / year"],
                        [[f.key, f.category, f.mode, f.name.zh, f.name.en, str(f.value), f.unit, f.status, f.year]
                         for f in (fset.factors.values() if fset else ())],
                        [26, 22, 16, 26, 30, 10, 18, 12, 8])
    book.move_sheet(layout.LISTS, offset=len(book.sheetnames))
    return {s.name: _choices(s, ranges, by_field) for s in layout.SHEETS}


def _instructions(book, rules, fset, day: date) -> None:
    names = {"rules": rules.id, "factors": fset.id if fset else "-", "day": rules.effective_from}
    workbook.write_rows(book, layout.INSTRUCTIONS, ["说明", "Instructions"],
                        [[zh.format(**names), en.format(**names)] for zh, en in INSTRUCTIONS], [70, 80])


def site_templates(registry) -> list[tuple[str, bytes]]:
    """The blank template of every rules version, for the site: ``templates/<rules id>.xlsx``."""
    return [(f"templates/{rules.id}.xlsx", workbook.to_bytes(template(registry, rules.effective_from, None)))
            for rules in registry.rules]


def template(registry, day: date, kind: str | None) -> "workbook.Workbook":
    rules, fset = _context(registry, day)
    book = workbook.new_workbook()
    _instructions(book, rules, fset, day)
    sheets = {s.name: s for s in layout.SHEETS}
    choices = _common(book, rules, fset, day)
    plan_rows = [(p, kind if p == "kind" else None) for p in layout.template_paths(sheets[layout.PLAN])]
    _records(book, choices, plan_rows, [(p, None) for p in layout.template_paths(sheets[layout.REPORT_INFO])],
             [], [], [(p, None) for p in layout.template_paths(sheets[layout.DECLARATION])], blank=True)
    return book


def _records(book, choices, plan, report_info, lines, retirements, declaration, blank: bool) -> None:
    sheets = {s.name: s for s in layout.SHEETS}
    workbook.write_kv(book, sheets[layout.PLAN], plan, choices[layout.PLAN])
    workbook.write_kv(book, sheets[layout.REPORT_INFO], report_info, choices[layout.REPORT_INFO])
    for name, rows in ((layout.REPORT, lines), (layout.RETIREMENTS, retirements)):
        sheet = sheets[name]
        columns = layout.template_paths(sheet)
        for row in rows:
            columns += [p for p in row if p not in columns]
        workbook.write_table(book, sheet, columns, rows, choices[name],
                             blank_rows=layout.TEMPLATE_ROWS[name] if blank else len(rows) + 20)
    workbook.write_kv(book, sheets[layout.DECLARATION], declaration, choices[layout.DECLARATION])
    order = [layout.INSTRUCTIONS, layout.PLAN, layout.REPORT_INFO, layout.REPORT, layout.RETIREMENTS,
             layout.DECLARATION, layout.FACTORS, layout.LISTS]
    book._sheets.sort(key=lambda ws: order.index(ws.title))


def _kv_rows(sheet: layout.Sheet, data: dict | None) -> list[tuple[str, object]]:
    actual = dict(flatten(data)) if data else {}
    rows = [(p, actual.pop(p, None)) for p in layout.template_paths(sheet)]
    return rows + list(actual.items())


class ExportError(TemplateError):
    """An event folder whose records cannot be read for export."""


def export(registry: Path, event_dir: Path) -> "workbook.Workbook":
    """An event folder as the filled standard workbook (the records as filed, cell by cell)."""
    docs = {}
    for name in ("plan", "report", "declaration"):
        path = event_dir / f"{name}.yaml"
        if path.is_file():
            docs[name] = _read(path)
    retirements = [_read(p) for p in sorted((event_dir / "retirements").glob("*.yaml"))]
    if "plan" not in docs:
        raise ExportError(f"{event_dir} 中没有 plan.yaml", f"there is no plan.yaml in {event_dir}")
    start = docs["plan"].get("phases", {}).get("hosting", {}).get("start")
    try:
        day = date.fromisoformat(start)
    except (TypeError, ValueError):
        raise ExportError("plan.yaml 的举办开始日期无法读取", "the hosting start date of plan.yaml cannot be read") from None
    rules, fset = _context(registry, day)
    book = workbook.new_workbook()
    _instructions(book, rules, fset, day)
    choices = _common(book, rules, fset, day)
    sheets = {s.name: s for s in layout.SHEETS}
    report = dict(docs.get("report") or {})
    lines = report.pop("lines", [])
    _records(book, choices, _kv_rows(sheets[layout.PLAN], docs["plan"]),
             _kv_rows(sheets[layout.REPORT_INFO], report) if docs.get("report") else
             [(p, None) for p in layout.template_paths(sheets[layout.REPORT_INFO])],
             [dict(flatten(line)) for line in lines], [dict(flatten(r)) for r in retirements],
             _kv_rows(sheets[layout.DECLARATION], docs.get("declaration")), blank=False)
    return book


def _read(path: Path) -> dict:
    doc, findings = load_yaml(path, str(path))
    if doc is None or not isinstance(doc.data, dict):
        first = findings[0] if findings else None
        raise ExportError(f"{path} 无法读取：{first.zh if first else ''}；请先改正（carbonreg check）",
                          f"{path} cannot be read: {first.en if first else ''}; fix it first (carbonreg check)")
    return doc.data
