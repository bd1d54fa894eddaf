"""JSON output parses and carries every finding with path, line, column, code, messages and related."""
import json
from pathlib import Path

from gentestkit import MARATHON, SALON, SAMPLE, edit, line_of, run

from generator.formats import jsonout


def test_sample_json():
    result = run(SAMPLE)
    doc = json.loads(jsonout.render(result))
    assert doc["version"] == 1 and doc["today"] == "2026-07-01"
    events = len([p for p in (SAMPLE / "events").glob("*/*") if p.is_dir()])
    assert doc["summary"]["events"] == events and doc["summary"]["errors"] == 0 and doc["summary"]["warnings"] == 1
    [f] = doc["findings"]
    assert {"path", "line", "column", "code", "severity", "message", "related"} <= set(f)
    assert f["code"] == "R201" and f["path"] == f"registry/{SALON}/plan.yaml"
    assert f["message"]["zh"] and f["message"]["en"]


def test_json_related_and_counts(reg: Path):
    salon = reg / SALON / "retirements" / "css-2026-ccer-001.yaml"
    edit(salon, "prefix: CCER-310000-2024-0112", "prefix: CCER-310000-2024-0087")
    edit(salon, 'first: "000000501", last: "000000502"', 'first: "000000001", last: "000000002"')
    doc = json.loads(jsonout.render(run(reg)))
    r510 = [f for f in doc["findings"] if f["code"] == "R510"]
    assert len(r510) == 2
    salon_f = next(f for f in r510 if SALON in f["path"])
    assert salon_f["line"] == line_of(salon, "- {prefix:") and isinstance(salon_f["column"], int)
    assert salon_f["related"][0]["path"].endswith(f"{MARATHON}/retirements/pjm-2026-ccer-001.yaml")
    assert doc["summary"]["errors"] == len([f for f in doc["findings"] if f["severity"] == "error"])
