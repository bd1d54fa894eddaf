"""What values come out as: Decimal exactly as written, dates as strings, and where each one is."""
from datetime import date
from decimal import Decimal
from pathlib import Path

from gentestkit import MARATHON, SAMPLE, line_of

from generator.loading.registry import load_record
from generator.loading.walk import RegistryFile
from generator.loading.yamlsafe import load_yaml_bytes


def _walk_values(value):
    yield value
    if isinstance(value, dict):
        for v in value.values():
            yield from _walk_values(v)
    elif isinstance(value, list):
        for v in value:
            yield from _walk_values(v)


def test_decimals_exact_as_written_never_float():
    doc, findings = load_yaml_bytes(b"a: 0.1\nb: 12.50\nc: 1e3\nd: 0.000000000001\ne: 42\nf: .5\n", "d.yaml")
    assert findings == []
    d = doc.data
    assert all(not isinstance(v, float) for v in _walk_values(d))
    assert isinstance(d["a"], Decimal) and d["a"] == Decimal("0.1")
    assert str(d["b"]) == "12.50"  # trailing zero kept: as written
    assert d["c"] == Decimal(1000) and isinstance(d["c"], Decimal)
    assert d["d"] == Decimal("1e-12")
    assert d["e"] == 42 and type(d["e"]) is int
    assert d["f"] == Decimal("0.5")
    assert d["a"] + Decimal("0.2") == Decimal("0.3")  # which float arithmetic would get wrong


def test_yaml_1_2_core_schema_scalars():
    doc, findings = load_yaml_bytes(b"a: yes\nb: no\nc: on\nd: true\ne: ~\nf: \"010\"\ng: 0o17\nh: 0x1F\n", "c.yaml")
    assert findings == []
    # YAML 1.1 booleans are plain strings in 1.2. An unquoted 010 (decimal ten in YAML 1.2) is
    # refused with Y118: it is almost always a serial that would lose its zeros (test_pitfalls.py).
    assert doc.data == {"a": "yes", "b": "no", "c": "on", "d": True, "e": None, "f": "010", "g": 15, "h": 31}


def test_dates_stay_strings():
    doc, findings = load_yaml_bytes(b"day: 2025-11-16\nwhen: 2025-11-16T08:00:00Z\nbad: 2025-02-30\n", "d.yaml")
    assert findings == []
    assert doc.data == {"day": "2025-11-16", "when": "2025-11-16T08:00:00Z", "bad": "2025-02-30"}


def test_model_gives_dates_and_decimals():
    path = SAMPLE / MARATHON / "plan.yaml"
    plan, findings = load_record(RegistryFile("plan", path, "plan.yaml"))
    assert findings == []
    assert plan.phases["hosting"].start == date(2025, 11, 16)
    assert type(plan.expected_neutral_by) is date
    assert plan.estimate_total == Decimal("720") and isinstance(plan.estimate_total, Decimal)
    assert plan.measures[0].estimated_reduction_tco2e == Decimal("3.5")


def test_model_report_amounts_are_decimal():
    path = SAMPLE / MARATHON / "report.yaml"
    report, findings = load_record(RegistryFile("report", path, "report.yaml"))
    assert findings == []
    by_id = {x.id: x for x in report.lines}
    assert by_id["H-GEN"].amount == Decimal("1.8") and isinstance(by_id["H-GEN"].amount, Decimal)
    assert by_id["H-CARS"].density == (Decimal("0.74"), "kg/L")
    assert report.prepared_on == date(2025, 12, 20)


def test_locations_deep_in_lists(tmp_path: Path):
    text = (
        "lines:\n"
        "  - id: A\n"
        "    activity: {amount: 1, unit: kWh}\n"
        "  - id: B\n"
        "    activity:\n"
        "      amount: 2\n"
        "      unit: t\n"
        "    tags:\n"
        "      - x\n"
        "      - {k: v}\n"
    )
    doc, findings = load_yaml_bytes(text.encode(), "l.yaml")
    assert findings == []
    assert (doc.at("lines", 0, "activity", "unit").line, doc.at("lines", 0, "activity", "unit").column) == (3, 33)
    assert doc.at("lines", 1, "activity", "amount").line == 6
    assert doc.at("lines", 1, "activity", "amount").column == 15
    assert doc.at("lines", 1, "activity", "amount", key=True).column == 7
    assert doc.at("lines", 1, "tags", 1, "k").line == 10
    assert doc.at("lines", 1, "id", key=True).line == 4
    # an absent path falls back to its nearest present ancestor
    assert doc.at("lines", 1, "activity", "nope").line == 6


def test_locations_in_a_real_report():
    path = SAMPLE / MARATHON / "report.yaml"
    report, _ = load_record(RegistryFile("report", path, "report.yaml"))
    doc = report.doc
    for i, line in enumerate(report.lines):
        assert doc.at("lines", i, "id").line == line_of(path, f"id: {line.id}")
    c_waste = [x.index for x in report.lines if x.id == "C-WASTE"][0]
    assert doc.at("lines", c_waste, "activity", "amount").line == line_of(path, 'amount: "28.4"')
