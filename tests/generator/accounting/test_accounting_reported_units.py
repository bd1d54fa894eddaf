"""Units people report in (issue 12), through the whole check on a copy of the sample forum: energy in
tce, a gas in m3 at stated metering conditions (or a located error that says how to convert to Nm3),
guest-nights with the guests per room, freight in t-km and flights by distance band. Expected values
are restated by hand from the factor files' numbers."""
from decimal import Decimal as D
from fractions import Fraction as F
from pathlib import Path

from gentestkit import FORUM, assert_at, column_of, edit, line_of, only, run


def _line(result, line_id):
    return next(x for x in result.accounts[FORUM].lines if x.line.id == line_id)


def test_heat_in_tce(reg: Path):
    edit(reg / FORUM / "report.yaml", "{amount: 120, unit: GJ,", "{amount: \"4.1\", unit: tce,")
    result = run(reg)
    # 4.1 tce x 29.3076 GJ/tce = 120.16116 GJ; x 0.06 tCO2/GJ = 7.2096696 t
    assert _line(result, "HEAT").tco2e == D("7.2096696")


def test_gas_in_m3_without_conditions_is_a_located_error_saying_how_to_convert(reg: Path):
    report = reg / FORUM / "report.yaml"
    edit(report, "{amount: 2500, unit: Nm3,", "{amount: 2500, unit: m3,")
    f = only(run(reg), "A521")
    assert_at(f, f"{FORUM}/report.yaml", line_of(report, "amount: 2500, unit: m3"), column_of(report, "m3,"))
    assert "conditions" in f.en and "Nm3 = m3 ×" in f.en and "计量状态" in f.zh


def _gas_in_m3_at(reg: Path, conditions: str) -> Path:
    """The forum's gas line metered in m3 at ``conditions`` (a YAML flow mapping)."""
    report = reg / FORUM / "report.yaml"
    edit(report, "{amount: 2500, unit: Nm3,", "{amount: 2500, unit: m3,")
    edit(report, "    factor: {source: default, key: natural-gas-stationary}",
         f"    conditions: {conditions}\n    factor: {{source: default, key: natural-gas-stationary}}")
    return report


def test_gas_in_m3_at_stated_conditions(reg: Path):
    _gas_in_m3_at(reg, '{temperature_c: 20, pressure_kpa: "101.325"}')
    gas = _line(run(reg), "GAS")
    # 2500 m3 at 20 °C = 2500 x 273.15/293.15 Nm3 = 2500 x 5463/5863 Nm3; / 10^4 x 21.6 tCO2 per 10^4 Nm3
    assert gas.exact == F(2500) * F(5463, 5863) / 10000 * F(216, 10)
    assert "20 °C" in gas.derivation


def test_impossible_conditions_point_at_the_field(reg: Path):
    report = _gas_in_m3_at(reg, "{temperature_c: -300, pressure_kpa: 100}")
    f = only(run(reg), "A523")
    assert_at(f, f"{FORUM}/report.yaml", line_of(report, "conditions: {temperature_c: -300"))
    assert "-273.15" in f.en and "-273.15" in f.zh


def test_guest_nights_with_and_without_the_guests_per_room(reg: Path):
    report = reg / FORUM / "report.yaml"
    edit(report, "{amount: 2100, unit: room-night,", "{amount: 3150, unit: guest-night,")
    f = only(run(reg), "A522")
    assert_at(f, f"{FORUM}/report.yaml", line_of(report, "unit: guest-night"), column_of(report, "guest-night"))
    assert "guests_per_room" in f.en and "每间住宿人数" in f.zh
    edit(report, "    factor: {source: default, key: accommodation-hotel}",
         "    guests_per_room: \"1.5\"\n    factor: {source: default, key: accommodation-hotel}")
    # 3150 guest-nights / 1.5 = 2100 room-nights x 15 kgCO2e = 31.5 t, as the sample's room-nights
    assert _line(run(reg), "HOTEL").tco2e == D("31.5")


def test_freight_in_t_km(reg: Path):
    report = reg / FORUM / "report.yaml"
    edit(report, "{amount: 1200, unit: kg, source: estimated}\n    factor: {source: default, key: materials-paper}",
         "{amount: 1200, unit: t-km, source: estimated}\n    factor: {source: default, key: freight-road}")
    assert _line(run(reg), "PAPER").tco2e == D("0.12")   # 1200 t-km x 0.1 kgCO2e


def test_flights_by_distance_band(reg: Path):
    report = reg / FORUM / "report.yaml"
    edit(report, "    mode: air\n", "    mode: air\n    distance_band: long_haul\n")
    edit(report, "key: travel-air}", "key: travel-air-long-haul}")
    air = _line(run(reg), "AIR")
    assert air.tco2e == D("154") and air.factor_key == "travel-air-long-haul"   # 1,400,000 x 0.11 kg
    edit(report, "key: travel-air-long-haul}", "key: travel-air-short-haul}")   # the band's factor must match
    f = only(run(reg), "A502")
    assert "short_haul" in f.en and "long_haul" in f.en
    assert_at(f, f"{FORUM}/report.yaml", line_of(report, "key: travel-air-short-haul"))


def test_a_banded_factor_needs_the_line_to_name_its_band(reg: Path):
    edit(reg / FORUM / "report.yaml", "key: travel-air}", "key: travel-air-medium-haul}")
    assert "medium_haul" in only(run(reg), "A502").en


def test_distance_band_only_on_air_travel(reg: Path):
    report = reg / FORUM / "report.yaml"
    edit(report, "    mode: high_speed_rail\n", "    mode: high_speed_rail\n    distance_band: short_haul\n")
    assert any("distance_band" in f.en for f in run(reg).findings if f.code.startswith("S2"))


def test_the_bands_are_cited_with_exact_limits(reg: Path):
    from generator.loading.yamlsafe import load_yaml

    doc, _ = load_yaml(reg / "factors" / "shanghai-default-2022.yaml")
    bands = doc.data["distance_bands"]
    assert bands["status"] == "placeholder" and "EPA" in bands["source"]["issuer"]["en"]
    limits = {b["band"]: (D(b["from_km"]), D(b["below_km"]) if "below_km" in b else None) for b in bands["bands"]}
    mile = D("1.609344")   # km, exact by definition
    assert limits["short_haul"] == (D(0), 300 * mile)
    assert limits["medium_haul"] == (300 * mile, 2300 * mile)
    assert limits["long_haul"] == (2300 * mile, None)


def test_estimate_lines_take_the_same_units(reg: Path):
    """The plan's estimate lines (Art. 9) are computed like report lines: guest-nights need the guests
    per room there too (A522, located in plan.yaml), and with them give the same room-nights."""
    plan = reg / FORUM / "plan.yaml"
    edit(plan, "{people: 1000, per_person: 2, unit: room-night}", "{people: 1000, per_person: 3, unit: guest-night}")
    f = only(run(reg), "A522")
    assert_at(f, f"{FORUM}/plan.yaml", line_of(plan, "unit: guest-night"), column_of(plan, "guest-night"))
    edit(plan, "      factor: {key: accommodation-hotel}", "      guests_per_room: \"1.5\"\n      factor: {key: accommodation-hotel}")
    estimate = run(reg).accounts[FORUM].estimate
    # 1000 x 3 = 3000 guest-nights / 1.5 = 2000 room-nights x 15 kgCO2e = 30 t, as 1000 x 2 room-nights
    assert estimate.by_category["accommodation"] == D("30")
