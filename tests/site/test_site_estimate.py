"""Estimate vs actual (Art. 9 and 11) on the event page, the report page and in open data, all read
from accounting/comparison.py. Expected values are the hand arithmetic of
tests/generator/accounting/test_accounting_estimate.py (the forum: estimate lines, shanghai-2026) and
the marathon's typed totals (shanghai-2025)."""
from __future__ import annotations

import csv
import io
import json
import re
from html import unescape

FORUM = "2026-pujiang-low-carbon-forum"
MARATHON = "2025-pujiang-city-marathon"


def _table(html: str) -> list[list[str]]:
    """The rows of the estimate-vs-actual table as cell texts."""
    body = html.split('class="estimate-vs-actual"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    return [[unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r, re.S)]
            for r in rows]


def test_event_and_report_pages_show_estimate_vs_actual(site):
    for page in (f"en/events/{FORUM}/index.html", f"en/events/{FORUM}/report/index.html"):
        rows = {r[0]: r[1:] for r in _table((site.root / page).read_text(encoding="utf-8"))}
        # pages round to 0.1 t: electricity 18.9 vs 15.12; travel 224.66 vs 234; totals 308.14 vs 312.9247
        assert rows["Purchased electricity"] == ["Basic scope", "18.9", "15.1", "-3.8"], page
        assert rows["Travel"] == ["Extended scope", "224.7", "234.0", "+9.3"], page
        assert rows["Total"] == ["", "308.1", "312.9", "+4.8"], page
        assert rows["Basic scope"][1:] == ["34.4", "27.7", "-6.7"], page
    zh = (site.root / f"events/{FORUM}/index.html").read_text(encoding="utf-8")
    assert "按预估所需抵销量" in zh and "35 / 309" in zh  # ceil(34.38), ceil(308.14)
    typed = {r[0]: r[1:] for r in _table((site.root / f"en/events/{MARATHON}/index.html").read_text(encoding="utf-8"))}
    assert typed["Travel"][1] == "—" and typed["Total"][1] == "720.0"  # typed totals: nothing per category


def test_open_data_carries_the_estimate(site):
    record = json.loads((site.root / "data" / "events" / f"{FORUM}.json").read_text(encoding="utf-8"))
    est = record["computed"]["estimate"]
    assert record["schema_version"] == "2.0"  # the events index changed shape: a major version (docs: data.md)
    assert (est["source"], est["basic"], est["extended"], est["total"]) == ("lines", "34.38", "273.76", "308.14")
    assert (est["neededBasic"], est["neededFull"]) == ("35", "309")
    by = {r["category"]: r for r in est["vsActual"]["byCategory"]}
    assert by["travel"] == {"category": "travel", "scope": "extended", "estimate": "224.66", "actual": "234", "difference": "9.34"}
    assert est["vsActual"]["total"] == {"estimate": "308.14", "actual": "312.9247", "difference": "4.7847"}
    assert [x["amount"] for x in est["lines"] if x["category"] == "travel"] == ["1344000", "572000", "6000"]
    typed = json.loads((site.root / "data" / "events" / f"{MARATHON}.json").read_text(encoding="utf-8"))["computed"]["estimate"]
    assert typed["source"] == "totals" and typed["vsActual"]["byCategory"][0]["estimate"] is None
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((site.root / "data" / "events.csv").read_text(encoding="utf-8-sig")))}
    assert (rows[FORUM]["estimate_basic_tco2e"], rows[FORUM]["estimate_total_tco2e"]) == ("34.38", "308.14")
    assert rows[MARATHON]["estimate_total_tco2e"] == "720"
