"""Issue 12 on the pages: the intensity and the data quality of an event (event page and report),
each line's activity source, and the intensity by kind on the statistics page; values computed in
accounting/indicators.py and shown by the quantities rule (kgCO2e to 0.1 kg, percent to 0.1 %).
Expected values restated by hand from the sample's YAML."""
from __future__ import annotations

import re

FORUM = "2026-pujiang-low-carbon-forum"


def _page(site, path: str) -> str:
    return (site.root / path).read_text(encoding="utf-8")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_event_page_and_report_show_intensity_and_data_quality(site):
    # forum: 312.9247 t / 1,200 on-site participants = 0.26077 t = 260.8 kg; placeholder 290.6047 / 312.9247
    # = 92.87 %; estimated (PAPER 1.32 t) 0.42 %; metered 27.72 t = 8.86 %, invoiced 49.8847 t = 15.94 %,
    # surveyed 234 t = 74.78 %
    for lang, per, placeholder, estimated, sources in (
            ("", "每位现场参加者", "依据占位因子的排放量比例", "依据估算活动数据的排放量比例", "计量读数 8.9%；发票或结算单 15.9%；调查 74.8%；估算 0.4%"),
            ("en/", "per on-site participant", "Share of emissions resting on placeholder factors",
             "Share of emissions resting on estimated activity data", "metered 8.9%; invoiced 15.9%; surveyed 74.8%; estimated 0.4%")):
        for path in (f"{lang}events/{FORUM}/index.html", f"{lang}events/{FORUM}/report/index.html"):
            text = _text(_page(site, path))
            assert f"{per} 260.8 kgCO₂e" in text, path
            assert f"{placeholder} 92.9%" in text and f"{estimated} 0.4%" in text, path
            assert sources in text, path
    report = _text(_page(site, f"en/events/{FORUM}/report/index.html"))
    assert "1,400,000 passenger-km Data source: surveyed · sample size 860" in report
    assert "1,200 kg Data source: estimated" in report


def test_an_event_without_sources_says_so_not_zero(site):
    text = _text(_page(site, "en/events/2025-yrd-green-building-expo/index.html"))
    assert "Share of emissions resting on estimated activity data not stated" in text
    assert "per visit" in text and "per m² of exhibition area" in text  # the expo gives visits and area


def test_statistics_show_intensity_by_kind(site):
    html = _page(site, "en/statistics/index.html")
    table = html[html.index('class="intensity-by-kind"'):]
    table = table[:table.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    conference = next(_text(r) for r in rows if ">Conference<" in r)
    # conferences with a report: the salon (1,200 kWh x 0.42 kg + 360 meals x 2.5 kg + 9,000 pkm x 0.03 kg
    # + 50 kg paper x 1.1 = 1.729 t, 180 participants) and the forum (312.9247 t, 1,200):
    # 314.6537 / 1,380 = 0.228010 t = 228.0 kg, 2 events; neither gives visits or area
    assert "228.0 (Events counted 2)" in conference and conference.count("—") == 2
    # the riverside festival (performance) has no report: not counted; the lawn festival is
    performance = next(_text(r) for r in rows if ">Performance<" in r)
    assert "(Events counted 1)" in performance


def test_the_certificate_page_prints_what_the_subject_discloses(site):
    """The forum's certificate (CN-2026-0002) as signed: exclusion, shares and intensity exactly, and the
    verification statement; the expo's older certificate has none of them and shows no such section."""
    for lang, heading, limited in (("", "证书所载的排除、指标与核查声明", "有限保证"),
                                   ("en/", "Exclusions, indicators and verification statement as signed", "limited assurance")):
        text = _text(_page(site, f"{lang}events/{FORUM}/certificate/index.html"))
        assert heading in text and limited in text
        assert "0.9287" in text and "0.0042" in text and "0.260771" in text and "2026-04-22" in text
        older = _text(_page(site, f"{lang}events/2025-yrd-green-building-expo/certificate/index.html"))
        assert heading not in older
    text = _text(_page(site, f"en/events/{FORUM}/certificate/index.html"))
    assert "Materiality threshold 5%" in text and "The forum ran no event vehicles" in text
    assert "kitchen natural gas line (5.4 tCO2e) uses a placeholder default factor" in text
