"""CLI for the standard spreadsheet: ``carbonreg template xlsx``, ``carbonreg import``,
``carbonreg export``. The library (template.py, importer.py) does the work."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path


def _date(text: str) -> date:
    import argparse

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD: {text!r}") from None


def _registry(path: str) -> Path | None:
    root = Path(path)
    if not root.is_dir():
        print(f"carbonreg: 找不到登记库文件夹 / no registry folder at {path!r}", file=sys.stderr)
        return None
    return root


def run_template(args) -> int:
    from generator.spreadsheet import template, workbook

    root = _registry(args.registry)
    if root is None:
        return 2
    # TemplateError and WriteRefused are CarbonregErrors: generator/cli.py prints them and exits 1
    book = template.template(root, args.date, args.kind)
    path = workbook.save(book, Path(args.out), replace=args.force)
    print(f"已写入 / wrote {path}")
    return 0


def run_export(args) -> int:
    from generator.spreadsheet import template, workbook

    root = _registry(args.registry)
    if root is None:
        return 2
    event_dir = Path(args.event_dir)
    if not (event_dir / "plan.yaml").is_file():
        print(f"carbonreg: {event_dir} 不是活动文件夹（没有 plan.yaml）/ {event_dir} is not an event folder (no plan.yaml)",
              file=sys.stderr)
        return 2
    path = workbook.save(template.export(root, event_dir), Path(args.to), replace=args.force)
    print(f"已写入 / wrote {path}")
    return 0


def run_import(args) -> int:
    from generator.spreadsheet import importer

    source = Path(args.workbook)
    if not source.is_file():
        print(f"carbonreg: 找不到文件 / no such file: {args.workbook!r}", file=sys.stderr)
        return 2
    if source.suffix.lower() == ".zip":
        return _import_zip(source, args)
    imported = importer.read_workbook(source, args.workbook)
    for f in imported.findings:
        print(f"{f.location}: {f.code} {f.severity.value}: {f.zh} / {f.en}")
    if imported.findings:
        print(f"错误 {len(imported.findings)}，未写入任何文件 / {len(imported.findings)} errors, nothing was written")
        return 1
    written = importer.write(imported, Path(args.into), args.force)  # WriteRefused: caught in generator/cli.py
    for path in written:
        print(f"已写入 / wrote {path}")
    print("下一步：把附件放入 attachments/，然后运行 carbonreg check / next: put the attachments in attachments/, "
          "then run carbonreg check")
    return 0


def _import_zip(source: Path, args) -> int:
    """An event folder zipped by the filing page (/file/) or by hand."""
    from generator.filing import zipimport

    unzipped = zipimport.read_zip(source, args.workbook)
    for f in unzipped.findings:
        print(f"{f.location}: {f.code} {f.severity.value}: {f.zh} / {f.en}")
    if not unzipped.files:
        print(f"错误 {len(unzipped.findings)}，未写入任何文件 / {len(unzipped.findings)} errors, nothing was written")
        return 1
    written, same = zipimport.write(unzipped, Path(args.into), args.force)  # WriteRefused: caught in generator/cli.py
    for path in written:
        print(f"已写入 / wrote {path}")
    if same:
        print(f"未改变 {len(same)} 个文件 / {len(same)} files already there, unchanged")
    print("下一步：运行 carbonreg check registry / next: run carbonreg check registry")
    return 0


def add_parsers(sub) -> None:
    tpl = sub.add_parser("template", help="标准表格模板 / the standard spreadsheet template")
    formats = tpl.add_subparsers(dest="format_kind", required=True)
    xlsx = formats.add_parser("xlsx", help="Excel 工作簿（.xlsx）/ an Excel workbook (.xlsx)")
    xlsx.add_argument("--kind", choices=("performance", "sports", "conference", "exhibition", "other"),
                      help="活动类型（预填）/ event kind (filled in)")
    xlsx.add_argument("--date", type=_date, required=True,
                      help="活动举办日期：选用当日生效的规则和因子 / event date: the rules and factors in force that day")
    xlsx.add_argument("--out", required=True, help="输出文件 .xlsx / output file (.xlsx)")
    xlsx.add_argument("--registry", default="registry")
    xlsx.add_argument("--force", action="store_true", help="覆盖已存在的文件 / replace an existing file")
    xlsx.set_defaults(handler=run_template)

    imp = sub.add_parser("import", help="从标准表格或填报页面的 zip 导入活动记录 / "
                                        "import an event's records from the standard spreadsheet or the filing page's zip")
    imp.add_argument("workbook", help="填好的 .xlsx 文件，或活动文件夹的 .zip / the filled .xlsx file, or the event folder as a .zip")
    imp.add_argument("--into", required=True, help="活动文件夹 registry/events/<年份>/<编号>/ / the event folder")
    imp.add_argument("--force", action="store_true", help="覆盖已存在的文件 / replace existing files")
    imp.set_defaults(handler=run_import)

    exp = sub.add_parser("export", help="把活动文件夹导出为标准表格 / export an event folder to the standard spreadsheet")
    exp.add_argument("event_dir", help="活动文件夹 / the event folder")
    exp.add_argument("--to", required=True, help="输出文件 .xlsx / output file (.xlsx)")
    exp.add_argument("--registry", default="registry")
    exp.add_argument("--force", action="store_true", help="覆盖已存在的文件 / replace an existing file")
    exp.set_defaults(handler=run_export)
