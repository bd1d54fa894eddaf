"""Indicators of an event's total (accounting/indicators.py): intensity, the placeholder and estimated shares."""
from decimal import Decimal as D

from gentestkit import EXPO, FORUM, edit, run

from generator.accounting.indicators import indicators, intensity, placeholder_share, pooled_intensity


def test_indicators_by_hand(reg):
    acc = run(reg).accounts[FORUM]
    placeholder = sum((x.tco2e for x in acc.lines if x.factor_origin == "placeholder"), D(0))
    assert placeholder_share(acc) == (placeholder / acc.total).quantize(D("0.0001"))
    assert D("0.8") < placeholder_share(acc) < D("1")  # only electricity and heat are official
    per = intensity(acc, {"on_site_participants": D(1000), "visits": D(0)})
    assert per == {"perParticipant": (acc.total / 1000).quantize(D("0.000001"))}


# The forum's lines in tCO2e, by hand from its report and the default factor set (exact):
# ELEC 36,000 kWh x 0.42 kg = 15.12 (official); GREEN 8 MWh x 0 = 0 (measured); HEAT 120 GJ x 0.06 t = 7.2
# (official); the others on placeholder factors: GAS 2,500 Nm3 x 21.6 t/10^4 Nm3 = 5.4; AC-LEAK 0.2 kg x GWP
# 1923.5 = 0.3847; AIR 1,400,000 pkm x 0.15 kg = 210; HSR 600,000 pkm x 0.04 kg = 24; HOTEL 2,100 nights x 15 kg
# = 31.5; MEALS 7,200 x 2.5 kg = 18; PAPER 1.2 t x 1.1 = 1.32.
FORUM_LINES = {  # id: (tCO2e, factor placeholder?, activity source)
    "ELEC": (D("15.12"), False, "metered"), "GREEN": (D("0"), False, "metered"), "HEAT": (D("7.2"), False, "metered"),
    "GAS": (D("5.4"), True, "metered"), "AC-LEAK": (D("0.3847"), True, "invoiced"), "AIR": (D("210"), True, "surveyed"),
    "HSR": (D("24"), True, "surveyed"), "HOTEL": (D("31.5"), True, "invoiced"), "MEALS": (D("18"), True, "invoiced"),
    "PAPER": (D("1.32"), True, "estimated"),
}
FORUM_TOTAL = D("312.9247")  # the sum of the above


def test_forum_lines_are_as_stated_by_hand(reg):
    acc = run(reg).accounts[FORUM]
    assert {x.line.id: (x.tco2e, x.factor_origin == "placeholder", x.line.activity_source) for x in acc.lines} == FORUM_LINES
    assert acc.total == FORUM_TOTAL == sum(v[0] for v in FORUM_LINES.values())


def test_shares_of_the_forum_by_hand(reg):
    found = indicators(run(reg).accounts[FORUM], {"on_site_participants": D(1200)})
    # placeholder: 5.4 + 0.3847 + 210 + 24 + 31.5 + 18 + 1.32 = 290.6047; / 312.9247 = 0.928673... -> 0.9287
    assert found.placeholder_share == D("0.9287")
    # estimated: PAPER only, 1.32 / 312.9247 = 0.0042182... -> 0.0042
    assert found.estimated_share == D("0.0042")
    # PAPER is both: counted once, so the weak share is the placeholder share
    assert found.weak_share == D("0.9287")
    # metered 15.12 + 0 + 7.2 + 5.4 = 27.72 -> 0.088583 -> 0.0886; invoiced 0.3847 + 31.5 + 18 = 49.8847 -> 0.159414
    # -> 0.1594; surveyed 234 -> 0.747784 -> 0.7478
    assert found.source_shares == {"metered": D("0.0886"), "invoiced": D("0.1594"), "surveyed": D("0.7478"),
                                   "estimated": D("0.0042")}
    # 312.9247 / 1200 = 0.26077058... -> 0.260771
    assert found.intensity == {"perParticipant": D("0.260771")}


def test_an_estimate_on_an_official_factor_adds_to_the_weak_share(reg):
    report = reg / FORUM / "report.yaml"
    (reg / FORUM / "certificate.json").unlink(missing_ok=True)
    edit(report, "unit: GJ, source: metered,", "unit: GJ, source: estimated,")
    found = indicators(run(reg).accounts[FORUM], {})
    # estimated: 1.32 + 7.2 = 8.52; / 312.9247 = 0.0272269... -> 0.0272
    assert found.estimated_share == D("0.0272")
    # placeholder or estimated: 290.6047 + 7.2 = 297.8047; / 312.9247 = 0.9516817... -> 0.9517
    assert found.weak_share == D("0.9517") and found.placeholder_share == D("0.9287")
    assert found.intensity == {}


def test_no_stated_source_is_an_unknown_share_not_zero(reg):
    found = indicators(run(reg).accounts[EXPO], {})
    assert found.estimated_share is None
    assert set(found.source_shares) == {"unstated"} and found.weak_share == found.placeholder_share


def test_pooled_intensity_by_hand():
    events = [(D("300"), {"on_site_participants": 1000, "visits": 0}), (D("100"), {"on_site_participants": 3000}),
              (D("50"), {"exhibition_area_m2": D("7000"), "visits": 20000}), (D("9"), {})]
    # participants: (300 + 100) / (1000 + 3000) = 0.1; visits: 50 / 20000 = 0.0025; m²: 50 / 7000 = 0.00714285.. -> 0.007143
    assert pooled_intensity(events) == {"perParticipant": (D("0.1"), 2), "perVisit": (D("0.0025"), 1),
                                        "perSquareMetre": (D("0.007143"), 1)}
    assert pooled_intensity([(D("9"), {})]) == {}
