"""The JavaScript port of the accounting (site/theme/assets/accounting/, one module per Python module
of generator/accounting/) is held equal to the Python: every line's exact tCO2e, scope, factor and
errors, the totals by scope and phase, offsets needed, retired, level, deadline, status, the
unaccounted categories and late retirements, and the plan's estimate (estimate.js: its form, every
estimate line, by category, basic, total, offsets it would need, E1xx errors), on every sample event
and on seeded demo events (those under shanghai-2026 carry estimate lines).

CI runs a seeded slice (CARBONREG_PORT_DEMO_EVENTS, default 200 events); the full differential run
is ``CARBONREG_PORT_DEMO_EVENTS=1000 pytest tests/site/test_accounting_port.py``."""
import json
import os
import shutil
import subprocess
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

from generator.accounting.compute import compute_event
from generator.filing.pagedata import plain
from generator.loading.registry import load_registry

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
HARNESS = HERE / "accounting_port.mjs"
NODE = shutil.which("node")
SAMPLE_TODAY = date(2026, 7, 1)

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")


def _q(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def _registry_input(reg) -> dict:
    return {"jurisdiction": reg.meta.jurisdiction if reg.meta else None,
            "rules": [plain(r.doc.data) for r in reg.rules],
            "factor_sets": [plain(f.doc.data) for f in reg.factor_sets],
            "revocations": [plain(r.doc.data) for r in reg.revocations]}


def _event_input(event) -> dict:
    cert = event.certificate
    return {"plan": plain(event.plan.doc.data),
            "report": plain(event.report.doc.data) if event.report else None,
            "retirements": [plain(r.doc.data) for r in event.retirements],
            "declaration": plain(event.declaration.doc.data) if event.declaration else None,
            "certificate_number": cert.get("credentialSubject", {}).get("certificateNumber") if cert else None}


def _line(x) -> dict:
    return {"id": x.line.id, "index": x.line.index, "scope": x.scope, "factor_value": _q(Fraction(x.factor_value)),
            "factor_unit": x.factor_unit, "factor_origin": x.factor_origin, "factor_key": x.factor_key, "tco2e": _q(x.exact)}


def _estimate(est) -> dict | None:
    if est is None:
        return None
    by_category = {c: _q(sum((x.exact for x in est.lines if x.line.category == c), Fraction(0))) for c in est.by_category}
    return {"source": est.source, "lines": [_line(x) for x in est.lines], "by_category": by_category,
            "basic": _q(est.exact_basic), "total": _q(est.exact_total),
            "needed_basic": est.needed_basic, "needed_full": est.needed_full}


def _python(reg, event, today: date) -> dict:
    account, findings = compute_event(reg, event, today)
    lines = account.lines
    by_phase = {p: sum((x.exact for x in lines if x.line.phase == p), Fraction(0)) for p in ("preparation", "hosting", "closing")}
    basic = sum((x.exact for x in lines if x.scope == "basic"), Fraction(0))
    extended = sum((x.exact for x in lines if x.scope == "extended"), Fraction(0))
    return {
        "event_id": account.event_id, "rules_id": account.rules.id if account.rules else None,
        "factor_set_id": account.factor_set.id if account.factor_set else None,
        "lines": [_line(x) for x in lines],
        "errors": sorted(f.code for f in findings),
        "by_phase": {p: _q(v) for p, v in by_phase.items()},
        "basic": _q(basic), "extended": _q(extended), "total": _q(basic + extended),
        "needed_basic": account.needed_basic, "needed_full": account.needed_full, "retired": account.retired,
        "level": account.level, "deadline": account.deadline.isoformat() if account.deadline else None,
        "status": account.status, "unaccounted": list(account.unaccounted), "late": list(account.late),
        "retired_late": account.retired_late, "estimate": _estimate(account.estimate),
    }


def _javascript(reg, events, today: date) -> list[dict]:
    payload = json.dumps({"registry": _registry_input(reg), "today": today.isoformat(),
                          "events": [_event_input(e) for e in events]})
    done = subprocess.run([NODE, str(HARNESS)], input=payload, capture_output=True, text=True, timeout=600, check=True)
    out = json.loads(done.stdout)
    for result in out:
        result["errors"] = sorted(e["code"] for e in result["errors"])
        result["lines"] = [{k: v for k, v in line.items() if k not in ("phase", "category")} for line in result["lines"]]
        if result["estimate"] is not None:
            result["estimate"]["lines"] = [{k: v for k, v in line.items() if k not in ("phase", "category")}
                                           for line in result["estimate"]["lines"]]
    return out


def _compare(root: Path, today: date, sources: dict | None = None) -> int:
    """Python and JavaScript alike on every event; ``sources`` counts the estimates' forms by rules id."""
    reg, _ = load_registry(root, "registry")
    events = [e for e in reg.events if e.plan is not None]
    js = _javascript(reg, events, today)
    for event, theirs in zip(events, js):
        ours = _python(reg, event, today)
        assert ours == theirs, event.rel_dir
        if sources is not None:
            key = (ours["rules_id"], ours["estimate"]["source"] if ours["estimate"] else None)
            sources[key] = sources.get(key, 0) + 1
    return len(events)


def test_every_sample_event(tmp_path):
    root = tmp_path / "registry"
    shutil.copytree(REPO / "registry", root)
    assert _compare(root, SAMPLE_TODAY) >= 7


def test_seeded_demo_events(tmp_path):
    from generator.demo.generate import DEMO_TODAY, generate

    count = int(os.environ.get("CARBONREG_PORT_DEMO_EVENTS", "200"))
    generate(tmp_path / "registry", count, 13)
    sources: dict = {}
    assert _compare(tmp_path / "registry", DEMO_TODAY, sources) == count
    # demo plans under shanghai-2026 carry estimate lines, the older ones typed totals
    assert set(sources) == {("shanghai-2025", "totals"), ("shanghai-2026", "lines")}, sources


def test_the_harness_can_fail(tmp_path):
    """A planted difference (one line's amount changed for the JS only) is seen."""
    root = tmp_path / "registry"
    shutil.copytree(REPO / "registry", root)
    reg, _ = load_registry(root, "registry")
    event = next(e for e in reg.events if e.report is not None)
    payload = _event_input(event)
    payload["report"]["lines"][0]["activity"]["amount"] = "1"
    done = subprocess.run([NODE, str(HARNESS)], capture_output=True, text=True, timeout=120, check=True,
                          input=json.dumps({"registry": _registry_input(reg), "today": SAMPLE_TODAY.isoformat(),
                                            "events": [payload]}))
    theirs = json.loads(done.stdout)[0]
    ours = _python(reg, event, SAMPLE_TODAY)
    assert theirs["lines"][0]["tco2e"] != ours["lines"][0]["tco2e"]


def test_a_gas_mismatch_alike(tmp_path):
    """A fugitive-gas line whose factor is another gas's GWP is A502 in both (the sample forum's
    R-410A line, its gas changed)."""
    root = tmp_path / "registry"
    shutil.copytree(REPO / "registry", root)
    report = root / "events" / "2026" / "2026-pujiang-low-carbon-forum" / "report.yaml"
    text = report.read_text(encoding="utf-8")
    assert text.count("gas: R-410A") == 1
    report.write_text(text.replace("gas: R-410A", "gas: HFC-134a"), encoding="utf-8")
    reg, _ = load_registry(root, "registry")
    event = next(e for e in reg.events if e.folder_id == "2026-pujiang-low-carbon-forum")
    (theirs,) = _javascript(reg, [event], SAMPLE_TODAY)
    ours = _python(reg, event, SAMPLE_TODAY)
    assert "A502" in ours["errors"] and ours == theirs


def test_estimates_alike_with_their_errors(tmp_path):
    """The forum's estimate lines are computed alike; a bad estimate line (an unknown key, E103), a typed
    total that differs (E108) and estimate lines missing under shanghai-2026 (E101) give the same codes."""
    root = tmp_path / "registry"
    shutil.copytree(REPO / "registry", root)
    plan = root / "events" / "2026" / "2026-pujiang-low-carbon-forum" / "plan.yaml"
    good = plan.read_text(encoding="utf-8")
    riverside = root / "events" / "2026" / "2026-riverside-light-art-festival" / "plan.yaml"
    riverside.write_text(riverside.read_text(encoding="utf-8").replace(
        "  lines:\n", '  basic_tco2e: "84.7812"\n  total_tco2e: "390"\n  lines:\n', 1), encoding="utf-8")
    seen = set()
    for text in (good, good.replace("factor: {key: travel-metro}", "factor: {key: travel-subway}"),
                 good.split("  lines:\n")[0] + '  basic_tco2e: "1"\n  total_tco2e: "2"\noffset_plan:' + good.split("offset_plan:", 1)[1]):
        plan.write_text(text, encoding="utf-8")
        reg, _ = load_registry(root, "registry")
        events = [e for e in reg.events if e.folder_id.startswith("2026-")]
        for event, theirs in zip(events, _javascript(reg, events, SAMPLE_TODAY)):
            ours = _python(reg, event, SAMPLE_TODAY)
            assert ours == theirs, event.rel_dir
            seen |= set(ours["errors"])
    assert {"E101", "E103", "E108"} <= seen


def test_the_port_copies_the_unit_table():
    """units.js copies generator/accounting/units.json (the one source of the conversions): the same
    version, units with their dimension and size, densities, mass prefixes and normal conditions."""
    data = json.loads((REPO / "generator" / "accounting" / "units.json").read_text(encoding="utf-8"))
    module = (REPO / "site" / "theme" / "assets" / "accounting" / "units.js").as_uri()
    script = (f"import({json.dumps(module)}).then((m) => process.stdout.write(JSON.stringify("
              "{version: m.VERSION, units: m.UNITS, density: m.DENSITY_TO_KG_PER_L, mass: m.MASS_TO_T, normal: m.NORMAL})))")
    done = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60, check=True)
    theirs = json.loads(done.stdout)
    assert theirs["version"] == data["version"]
    assert theirs["units"] == {u: [d["dimension"], d["size"]] for u, d in data["units"].items()}
    assert (theirs["density"], theirs["mass"]) == (data["density_to_kg_per_l"], data["mass_to_t"])
    assert theirs["normal"] == {k: data["normal_conditions"][k] for k in ("temperature_c", "pressure_kpa", "absolute_zero_c")}


def test_new_units_alike(tmp_path):
    """tce, a gas in m3 at stated conditions (and without: A521), guest-nights (and without guests per
    room: A522), t-km and a flight band, on the sample forum: the port gives the Python's numbers and codes."""
    root = tmp_path / "registry"
    shutil.copytree(REPO / "registry", root)
    report = root / "events" / "2026" / "2026-pujiang-low-carbon-forum" / "report.yaml"
    text = report.read_text(encoding="utf-8")
    for old, new in (("{amount: 120, unit: GJ,", "{amount: \"4.1\", unit: tce,"),
                     ("{amount: 2500, unit: Nm3,", "{amount: 2500, unit: m3,"),
                     ("    factor: {source: default, key: natural-gas-stationary}",
                      "    conditions: {temperature_c: -5, pressure_kpa: \"103.2\"}\n    factor: {source: default, key: natural-gas-stationary}"),
                     ("{amount: 2100, unit: room-night,", "{amount: 3150, unit: guest-night,"),
                     ("    factor: {source: default, key: accommodation-hotel}",
                      "    guests_per_room: \"1.7\"\n    factor: {source: default, key: accommodation-hotel}"),
                     ("    mode: air\n", "    mode: air\n    distance_band: medium_haul\n"),
                     ("key: travel-air}", "key: travel-air-medium-haul}"),
                     ("{amount: 1200, unit: kg, source: estimated}\n    factor: {source: default, key: materials-paper}",
                      "{amount: 1200, unit: t-km, source: estimated}\n    factor: {source: default, key: freight-road}")):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    report.write_text(text, encoding="utf-8")
    reg, _ = load_registry(root, "registry")
    event = next(e for e in reg.events if e.folder_id == "2026-pujiang-low-carbon-forum")
    ours = _python(reg, event, SAMPLE_TODAY)
    assert not ours["errors"] and ours == _javascript(reg, [event], SAMPLE_TODAY)[0]
    for old, new in (("    conditions: {temperature_c: -5, pressure_kpa: \"103.2\"}\n", ""), ("    guests_per_room: \"1.7\"\n", "")):
        text = text.replace(old, new)
    report.write_text(text, encoding="utf-8")
    reg, _ = load_registry(root, "registry")
    event = next(e for e in reg.events if e.folder_id == "2026-pujiang-low-carbon-forum")
    ours = _python(reg, event, SAMPLE_TODAY)
    assert ours["errors"] == ["A521", "A522"] and ours == _javascript(reg, [event], SAMPLE_TODAY)[0]
