"""Issue 13, section 2: export then import gives the same records for every sample event; a bad
amount fails with its cell and field named in both languages; nothing is overwritten without --force;
the blank template offers the choices of the rules and factor set in force, and a filled one checks."""
import re
from pathlib import Path

import openpyxl
import pytest
from gentestkit import MARATHON, SAMPLE, copy_sample

from generator.cli import main
from generator.loading.yamlsafe import load_yaml

CJK = re.compile(r"[\u4e00-\u9fff]")
EVENTS = sorted(p.relative_to(SAMPLE).as_posix() for p in SAMPLE.glob("events/*/*"))


def _records(folder: Path) -> dict[str, object]:
    return {p.relative_to(folder).as_posix(): load_yaml(p)[0].data for p in sorted(folder.rglob("*.yaml"))}


@pytest.mark.parametrize("event", EVENTS)
def test_export_then_import_gives_the_same_records(tmp_path, event, capsys):
    root = copy_sample(tmp_path)
    book = tmp_path / "event.xlsx"
    assert main(["export", str(root / event), "--to", str(book), "--registry", str(root)]) == 0
    into = tmp_path / "imported"
    assert main(["import", str(book), "--into", str(into)]) == 0, capsys.readouterr().out
    assert _records(into) == _records(root / event)


def _export(tmp_path: Path) -> tuple[Path, Path]:
    root = copy_sample(tmp_path)
    book = tmp_path / "marathon.xlsx"
    assert main(["export", str(root / MARATHON), "--to", str(book), "--registry", str(root)]) == 0
    return root, book


def _set(book: Path, sheet: str, column_path: str, line_id: str, value) -> str:
    """Set a report-line cell by its field path and the line's id; returns the cell's name."""
    wb = openpyxl.load_workbook(book)
    ws = wb[sheet]
    col = next(c.column_letter for c in ws[3] if c.value == column_path)
    row = next(r[0].row for r in ws.iter_rows(min_row=4) if r[0].value == line_id)
    ws[f"{col}{row}"] = value
    wb.save(book)
    return f"{col}{row}"


def test_a_bad_amount_names_its_cell_and_field(tmp_path, capsys):
    _, book = _export(tmp_path)
    cell = _set(book, "report", "activity.amount", "H-ELEC", "42,500")
    into = tmp_path / "imported"
    assert main(["import", str(book), "--into", str(into)]) == 1
    out = capsys.readouterr().out
    [line] = [x for x in out.splitlines() if "S207" in x]
    assert line.startswith(f"{book} report!{cell}: S207 error:")
    assert "line 2 (H-ELEC), activity.amount value '42,500' is malformed" in line
    assert "第 2 条排放行（H-ELEC）的 activity.amount 的值 '42,500' 格式不对" in line
    assert "nothing was written" in out and not into.exists()


def test_a_number_typed_into_a_serial_cell_is_named(tmp_path, capsys):
    _, book = _export(tmp_path)
    cell = _set(book, "retirements", "serials.1.first", "pjm-2026-cea-001", 120001)  # zeros lost in a number cell
    assert main(["import", str(book), "--into", str(tmp_path / "x")]) == 1
    out = capsys.readouterr().out
    assert f"retirements!{cell}: S204" in out and "serial block 1, first must be a string, got 120001" in out


def test_import_never_overwrites_without_force(tmp_path, capsys):
    root, book = _export(tmp_path)
    plan = root / MARATHON / "plan.yaml"
    before = plan.read_bytes()
    assert main(["import", str(book), "--into", str(root / MARATHON)]) == 1
    err = capsys.readouterr().err
    assert "nothing was written" in err and "--force" in err and plan.read_bytes() == before
    assert main(["import", str(book), "--into", str(root / MARATHON), "--force"]) == 0
    assert load_yaml(plan)[0].data == load_yaml(SAMPLE / MARATHON / "plan.yaml")[0].data


def test_export_never_overwrites_without_force(tmp_path, capsys):
    root, book = _export(tmp_path)
    book.write_bytes(b"mine")
    assert main(["export", str(root / MARATHON), "--to", str(book), "--registry", str(root)]) == 1
    assert book.read_bytes() == b"mine"


def test_the_template_offers_the_choices_in_force(tmp_path, capsys):
    root = copy_sample(tmp_path)
    out = tmp_path / "t.xlsx"
    assert main(["template", "xlsx", "--kind", "sports", "--date", "2026-05-01", "--out", str(out),
                 "--registry", str(root)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:6] == ["instructions", "plan", "report_info", "report", "retirements", "declaration"]
    lists = {ws.cell(row=1, column=c).value: [ws.cell(row=r, column=c).value for r in range(2, ws.max_row + 1)
                                              if ws.cell(row=r, column=c).value is not None]
             for ws in [wb["lists"]] for c in range(1, ws.max_column + 1)}
    # The versions in force on 2026-05-01: the latest that started by then (read here from the files).
    rules = max((load_yaml(p)[0].data for p in (root / "rules").glob("*.yaml")),
                key=lambda r: r["effective_from"] if r["effective_from"] <= "2026-05-01" else "")
    # Of the registry's jurisdiction only: the sample also holds the national profile's sets, for reference.
    jurisdiction = load_yaml(root / "registry.yaml")[0].data["jurisdiction"]
    factors = max((d for d in (load_yaml(p)[0].data for p in (root / "factors").glob("*.yaml")) if d["jurisdiction"] == jurisdiction),
                  key=lambda f: f["valid_from"] if f["valid_from"] <= "2026-05-01" else "")
    assert lists["venue.district"] == list(rules["districts"])
    assert lists["lines.factor.key"] == [f["key"] for f in factors["factors"]]
    assert lists["kind retirement"] == [o["kind"] for o in rules["offsets"]]
    assert "passenger-km" in lists["lines.activity.unit"] and lists["lines.phase"] == ["preparation", "hosting", "closing"]
    names = [c.value for c in wb["lists"][1]]
    key_list = openpyxl.utils.get_column_letter(names.index("lines.factor.key") + 1)
    key_column = next(c.column_letter for c in wb["report"][3] if c.value == "factor.key")
    [rule] = [dv for dv in wb["report"].data_validations.dataValidation if f"lists!${key_list}$" in dv.formula1]
    assert str(rule.sqref).startswith(f"{key_column}4:{key_column}")
    assert [c.value for c in wb["factors"]["A"][1:]] == [f["key"] for f in factors["factors"]]
    headers = {c.value: (wb["report"].cell(row=1, column=c.column).value, wb["report"].cell(row=2, column=c.column).value)
               for c in wb["report"][3]}
    assert headers["description.zh"] == ("排放行·说明（中文）", "Line description (Chinese)")
    assert headers["activity.amount"] == ("活动数据·数量", "Activity amount")
    for sheet in ("report", "retirements"):  # every column has a header in words in both languages
        for c in wb[sheet][3]:
            zh, en = wb[sheet].cell(row=1, column=c.column).value, wb[sheet].cell(row=2, column=c.column).value
            assert CJK.search(zh) and en != c.value and not CJK.search(en), (sheet, c.value, zh, en)
    plan = {r[0].value: r[3].value for r in wb["plan"].iter_rows(min_row=2)}
    assert plan["kind"] == "sports" and "venue.district" in plan
    text = " ".join(str(c.value) for row in wb["instructions"].iter_rows() for c in row if c.value)
    assert CJK.search(text) and "carbonreg import" in text and rules["id"] in text and factors["id"] in text


def test_a_filled_template_imports_and_checks(tmp_path, capsys):
    root = copy_sample(tmp_path)
    out = tmp_path / "t.xlsx"
    assert main(["template", "xlsx", "--kind", "conference", "--date", "2025-10-10", "--out", str(out),
                 "--registry", str(root)]) == 0
    wb = openpyxl.load_workbook(out)
    values = {"id": "2025-bund-green-summit", "name.zh": "外滩绿色峰会", "name.en": "Bund Green Summit",
              "organizer.name.zh": "外滩会务有限公司（示例）", "organizer.name.en": "Bund Events Co. (sample)",
              "venue.name.zh": "外滩会议中心", "venue.name.en": "Bund Conference Centre", "venue.district": "huangpu",
              "content.zh": "绿色发展峰会", "content.en": "A summit on green growth",
              "phases.hosting.start": "2025-10-10", "phases.hosting.end": "2025-10-11",
              "attendance.on_site_participants": 1200,
              "reduction_measures.1.phase": "hosting", "reduction_measures.1.area": "transport",
              "reduction_measures.1.description.zh": "鼓励公共交通", "reduction_measures.1.description.en": "Public transport",
              "estimate.basic_tco2e": "5", "estimate.total_tco2e": "40", "offset_plan.target_scope": "basic",
              "offset_plan.kinds": "ccer", "expected_neutral_by": "2026-06-30"}
    for row in wb["plan"].iter_rows(min_row=2):
        if row[0].value in values:
            row[3].value = values[row[0].value]
    for row in wb["report_info"].iter_rows(min_row=2):
        row[3].value = {"event": "2025-bund-green-summit", "prepared_by.role": "organizer",
                        "prepared_on": "2025-10-20"}.get(row[0].value, row[3].value)
    columns = {c.value: c.column for c in wb["report"][3]}
    line = {"id": "H-ELEC", "phase": "hosting", "category": "purchased_electricity", "description.zh": "会场用电",
            "description.en": "Venue power", "activity.amount": 12500, "activity.unit": "kWh",
            "factor.source": "default", "factor.key": "electricity-shanghai"}
    for path, value in line.items():
        wb["report"].cell(row=4, column=columns[path], value=value)
    wb.save(out)
    into = root / "events" / "2025" / "2025-bund-green-summit"
    assert main(["import", str(out), "--into", str(into)]) == 0, capsys.readouterr().out
    capsys.readouterr()
    main(["check", str(root), "--today", "2025-11-01", "--format", "json"])
    import json
    found = [f for f in json.loads(capsys.readouterr().out)["findings"] if "2025-bund-green-summit" in f["path"]]
    assert [f for f in found if f["severity"] == "error"] == [], found


def test_the_reported_units_fields_are_columns_with_their_labels(tmp_path, capsys):
    """Guest-nights with guests per room (issue 12) are typed in the sheet like any field: the columns
    carry the schema's labels, and the import writes them into the line."""
    _, book = _export(tmp_path)
    wb = openpyxl.load_workbook(book)
    labels = {c.value: (wb["report"].cell(1, c.column).value, wb["report"].cell(2, c.column).value) for c in wb["report"][3]}
    assert labels["guests_per_room"] == ("每间住宿人数", "Guests per room")
    assert labels["conditions.temperature_c"] == ("计量温度（℃）", "Metering temperature (°C)")
    assert labels["conditions.pressure_kpa"] == ("绝对压力（kPa）", "Absolute pressure (kPa)")
    assert labels["distance_band"][1] == "Flight distance band"
    _set(book, "report", "activity.unit", "H-HOTEL", "guest-night")
    _set(book, "report", "activity.amount", "H-HOTEL", 14700)
    _set(book, "report", "guests_per_room", "H-HOTEL", "1.5")
    into = tmp_path / "imported"
    assert main(["import", str(book), "--into", str(into)]) == 0, capsys.readouterr().out
    [hotel] = [x for x in load_yaml(into / "report.yaml")[0].data["lines"] if x["id"] == "H-HOTEL"]
    assert (hotel["activity"]["unit"], str(hotel["guests_per_room"])) == ("guest-night", "1.5")
