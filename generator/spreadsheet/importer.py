"""``carbonreg import F.xlsx --into EVENT_DIR``: the records of a filled workbook, checked against
the published schemas with every error at its cell, written as the event folder's YAML files
(never over existing files without ``force``; nothing is written while any error remains)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.findings import Finding, Location, error
from generator.loading.document import Document
from generator.loading.yamlsafe import load_yaml_bytes
from generator.publishing.files import WriteRefused, write_atomic
from generator.spreadsheet import layout, reader, yamlout
from generator.spreadsheet.safety import WorkbookRefused, open_workbook
from generator.validation.messages import translate
from generator.validation.schemas import validator


@dataclass(frozen=True)
class Imported:
    files: dict[str, str]  # path inside the event folder -> YAML text
    findings: tuple[Finding, ...]


def _at(shown: str, cell: str) -> Location:
    return Location(f"{shown} {cell}")


def read_workbook(path: Path, shown: str | None = None) -> Imported:
    shown = shown or path.name
    try:
        book = open_workbook(path)
    except WorkbookRefused as exc:
        return Imported({}, (error("X101", Location(shown), exc.zh, exc.en),))
    try:
        return _records(book, shown)
    except Exception as exc:  # a part openpyxl reads lazily (read-only mode) and finds malformed or hostile
        return Imported({}, (error("X101", Location(shown), f"工作簿无法读取（{type(exc).__name__}）；请在 Excel 中另存为 .xlsx 再试",
                                   f"the workbook cannot be read ({type(exc).__name__}); save it again as .xlsx in Excel and retry"),))
    finally:
        book.close()


def _records(book, shown: str) -> Imported:
    problems: list[reader.Problem] = []
    sheets = {s.name: s for s in layout.SHEETS}
    records: list[tuple[str, reader.SheetRecord]] = []
    plan = reader.read_kv(book, sheets[layout.PLAN], problems)
    if plan is None:
        problems.append(reader.Problem(f"{layout.PLAN}!D2", "工作表 plan 为空或不存在；实施计划是必填的",
                                       "the plan sheet is empty or missing; the plan is required"))
    else:
        records.append(("plan.yaml", plan))
    info = reader.read_kv(book, sheets[layout.REPORT_INFO], problems)
    lines = reader.read_table(book, sheets[layout.REPORT], problems)
    if info is not None or lines:
        report = info or reader.SheetRecord("report", {}, {}, f"{layout.REPORT_INFO}!A1")
        report.data["lines"] = [line.data for line in lines]
        for n, line in enumerate(lines, 1):
            report.cells.update({f"lines.{n}.{p}": c for p, c in line.cells.items()})
            report.cells[f"lines.{n}"] = line.home
        records.append(("report.yaml", report))
    for ret in reader.read_table(book, sheets[layout.RETIREMENTS], problems):
        rid = ret.data.get("id")
        records.append((f"retirements/{rid}.yaml", ret))
    declaration = reader.read_kv(book, sheets[layout.DECLARATION], problems)
    if declaration is not None:
        records.append(("declaration.yaml", declaration))
    findings = [error("X102", _at(shown, p.cell), p.zh, p.en) for p in problems]
    files: dict[str, str] = {}
    for name, record in records:
        found = _validate(record, shown)
        findings.extend(found)
        if not found:
            files[name] = yamlout.dump(record.data, [])
    ids = [name for name, _ in records if name.startswith("retirements/")]
    for name in {n for n in ids if ids.count(n) > 1}:
        findings.append(error("X103", _at(shown, layout.RETIREMENTS), f"注销证明编号重复：{name}",
                              f"a retirement id is used twice: {name}"))
    return Imported(files if not findings else {}, tuple(findings))


def _validate(record: reader.SheetRecord, shown: str) -> list[Finding]:
    doc = Document(shown, record.data)
    out: list[Finding] = []
    for err in validator(record.kind).iter_errors(record.data):
        path = list(err.absolute_path)
        if err.validator == "additionalProperties" and isinstance(err.instance, dict):
            extra = [k for k in err.instance if k not in err.schema.get("properties", {})]
            path += extra[:1]
        if err.validator == "required" and isinstance(err.instance, dict):
            missing = [k for k in err.validator_value if k not in err.instance]
            path += missing[:1]
        cell = _cell(record, path)
        out.extend(error(f.code, _at(shown, cell), f.zh, f.en) for f in translate(doc, err))
    return out


def _cell(record: reader.SheetRecord, path: list) -> str:
    """The cell of a schema path (indexes from 0), or of its nearest ancestor that has one."""
    steps = [str(p + 1) if isinstance(p, int) else str(p) for p in path]
    while steps:
        found = record.cells.get(".".join(steps))
        if found:
            return found
        steps.pop()
    return record.home


def write(imported: Imported, into: Path, force: bool) -> list[Path]:
    """Write the records' YAML files into the event folder; refuse every file if one exists (unless force)."""
    from generator.scaffold.new import schema_ref

    targets = {into / name: text for name, text in imported.files.items()}
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        names = ", ".join(str(p) for p in existing)
        raise WriteRefused(f"已存在，未写入任何文件（覆盖请加 --force）：{names}",
                           f"already there, nothing was written (add --force to replace): {names}")
    written = []
    for target, text in targets.items():
        kind = "retirement" if target.parent.name == "retirements" else target.stem
        body = f"# yaml-language-server: $schema={schema_ref(target, kind)}\n" + \
               "# 由 carbonreg import 从标准表格生成 / made by carbonreg import from the standard spreadsheet\n" + text
        doc, findings = load_yaml_bytes(body.encode("utf-8"), str(target))  # what we write reads back
        assert doc is not None, findings
        written.append(write_atomic(target, body.encode("utf-8"), replace=force))
    return written
