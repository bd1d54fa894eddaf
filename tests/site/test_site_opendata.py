"""Open data: every record as JSON with exact decimal strings, the dataset as CSV, the schemas at
their $id paths, Atom feeds that parse."""
from __future__ import annotations

import csv
import io
import json
import re
import urllib.request
import xml.etree.ElementTree as ET
from decimal import Decimal, Decimal as D

from markupsafe import escape

from generator.validation.schemas import SCHEMA_DIR

ATOM = "{http://www.w3.org/2005/Atom}"
DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")


def no_floats(text: str):
    def refuse(literal):
        raise AssertionError(f"JSON float {literal!r}: quantities must be strings")
    return json.loads(text, parse_float=refuse)


def filed(result):
    return [(e, result.accounts[e.rel_dir]) for e in result.registry.events if e.plan and e.rel_dir in result.accounts]


def read_csv(path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def test_event_json_has_exact_decimal_strings(site, result):
    for event, account in filed(result):
        record = no_floats((site.root / "data" / "events" / f"{event.plan.id}.json").read_text(encoding="utf-8"))
        assert record["id"] == event.plan.id
        computed = record["computed"]
        for key in ("basic", "extended", "total", "neededBasic", "neededFull", "retired"):
            assert isinstance(computed[key], str) and DECIMAL.match(computed[key]), key
        assert Decimal(computed["total"]) == account.total
        assert Decimal(computed["basic"]) == account.basic
        assert {k: Decimal(v) for k, v in computed["byPhase"].items()} == dict(account.by_phase)
        assert {k: Decimal(v) for k, v in computed["byCategory"].items()} == dict(account.by_category)
        assert [Decimal(x["tco2e"]) for x in computed["lines"]] == [x.tco2e for x in account.lines]
        assert len(record["retirements"]) == len(event.retirements)


def test_registry_json_holds_every_event(site, result):
    data = no_floats((site.root / "data" / "registry.json").read_text(encoding="utf-8"))
    assert sorted(e["id"] for e in data["events"]) == sorted(e.plan.id for e, _ in filed(result))
    no_floats((site.root / "data" / "events-index.json").read_text(encoding="utf-8"))


def test_csv_files_have_one_row_per_record(site, result):
    events = filed(result)
    rows = read_csv(site.root / "data" / "events.csv")
    assert sorted(r["id"] for r in rows) == sorted(e.plan.id for e, _ in events)
    totals = {r["id"]: Decimal(r["total_tco2e"]) for r in rows}
    assert totals == {e.plan.id: a.total for e, a in events}

    lines = read_csv(site.root / "data" / "emission-lines.csv")
    assert len(lines) == sum(len(a.lines) for _, a in events)
    assert sorted((r["event"], r["line"]) for r in lines) == sorted(
        (e.plan.id, x.line.id) for e, a in events for x in a.lines)

    retirements = read_csv(site.root / "data" / "retirements.csv")
    assert sorted((r["event"], r["id"]) for r in retirements) == sorted(
        (e.plan.id, r.id) for e, _ in events for r in e.retirements)
    assert all(DECIMAL.match(r["quantity"]) for r in retirements)


def test_schemas_are_served_at_their_id(site, base_url):
    names = sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json"))
    assert names
    for name in names:
        with urllib.request.urlopen(f"{base_url}schemas/v1/{name}") as response:
            assert response.status == 200
            schema = json.loads(response.read())
        assert schema["$id"].endswith(f"/schemas/v1/{name}"), (name, schema["$id"])


def test_feeds_are_well_formed_atom(site, result):
    feed = ET.fromstring((site.root / "feed.xml").read_bytes())
    assert feed.tag == f"{ATOM}feed"
    assert len(feed.findall(f"{ATOM}entry")) == len(filed(result))
    for entry in feed.findall(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}id").text and entry.find(f"{ATOM}updated").text
    revocations = site.root / "revocations" / "feed.xml"
    if revocations.exists():
        feed = ET.fromstring(revocations.read_bytes())
        assert len(feed.findall(f"{ATOM}entry")) == len(result.registry.revocations)


def test_exclusions_are_published_on_pages_and_in_open_data(site, result):
    """Art. 11: a category excluded with a reason is shown on the event page, in the report and in
    the event's open data (the sample forum excludes event vehicles)."""
    forum = next(e for e in result.registry.events if e.folder_id == "2026-pujiang-low-carbon-forum")
    (exclusion,) = forum.report.exclusions
    record = no_floats((site.root / "data" / "events" / f"{forum.plan.id}.json").read_text(encoding="utf-8"))
    assert record["computed"]["exclusions"] == [{"category": "event_vehicles",
                                                 "reason": {"zh": exclusion.reason.zh, "en": exclusion.reason.en}}]
    assert record["computed"]["unaccounted"] == [] and record["computed"]["retiredLate"] == "0"
    assert D("0.8") < D(record["computed"]["placeholderShare"]) < 1
    assert set(record["computed"]["intensity"]) == {"perParticipant"}  # the forum gives on-site participants
    green = next(x for x in record["computed"]["lines"] if x["id"] == "GREEN")
    assert green["tco2e"] == "0" and green["greenPower"]["kind"] == "certificate" and len(green["greenPower"]["ids"]) == 8
    report_html = (site.root / f"en/events/{forum.plan.id}/report/index.html").read_text(encoding="utf-8")
    assert 'class="green-power"' in report_html and "GEC-2026-SH-004510031" in report_html
    for page, reason in (("", exclusion.reason.zh), ("en/", exclusion.reason.en)):
        for path in (f"{page}events/{forum.plan.id}/index.html", f"{page}events/{forum.plan.id}/report/index.html"):
            html = (site.root / path).read_text(encoding="utf-8")
            assert 'class="exclusions"' in html and str(escape(reason)) in html, path


def test_data_quality_is_published_in_open_data(site, result):
    """Issue 12: each line's activity source (and a survey's sample size), the shares resting on
    placeholder factors and on estimated data; an event whose report states no source has no
    estimated share (unknown, not 0). Shares by hand in tests/generator/accounting/test_accounting_indicators.py."""
    forum = no_floats((site.root / "data/events/2026-pujiang-low-carbon-forum.json").read_text(encoding="utf-8"))
    computed = forum["computed"]
    assert (computed["placeholderShare"], computed["estimatedShare"], computed["placeholderOrEstimatedShare"]) == \
        ("0.9287", "0.0042", "0.9287")
    assert computed["activitySourceShares"] == {"metered": "0.0886", "invoiced": "0.1594", "surveyed": "0.7478",
                                                "estimated": "0.0042"}
    by_id = {x["id"]: x for x in computed["lines"]}
    assert (by_id["AIR"]["activitySource"], by_id["AIR"]["sampleSize"]) == ("surveyed", 860)
    assert (by_id["PAPER"]["activitySource"], by_id["PAPER"]["sampleSize"]) == ("estimated", None)
    assert forum["report"]["lines"][5]["activity"]["source"] == "surveyed"  # the filed record too
    expo = no_floats((site.root / "data/events/2025-yrd-green-building-expo.json").read_text(encoding="utf-8"))
    assert expo["computed"]["estimatedShare"] is None and expo["computed"]["activitySourceShares"] == {"unstated": "1"}
    rows = [r for r in read_csv(site.root / "data/emission-lines.csv") if r["event"] == "2026-pujiang-low-carbon-forum"]
    assert {(r["line"], r["activity_source"], r["sample_size"]) for r in rows if r["line"] in ("HSR", "HEAT")} == \
        {("HSR", "surveyed", "860"), ("HEAT", "metered", "")}
