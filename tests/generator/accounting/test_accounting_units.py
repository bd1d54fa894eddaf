"""Unit conversions: exact between compatible units, density for mass<->volume, metering conditions for a
gas volume, guests per room for guest-nights, refusal otherwise."""
from decimal import Decimal as D, localcontext
from fractions import Fraction

import pytest

from generator.accounting.units import Metering, UnitError, convert, exact_ratio, parse_factor_unit


@pytest.mark.parametrize("amount, unit, target, expected", [
    (D("1"), "MWh", "kWh", D("1000")),
    (D("42500"), "kWh", "10^4kWh", D("4.25")),
    (D("3"), "10^4kWh", "MWh", D("30")),
    (D("3600"), "kWh", "GJ", D("12.96")),        # 1 kWh = 3.6 MJ
    (D("1"), "GJ", "MJ", D("1000")),
    (D("2"), "TJ", "GJ", D("2000")),
    (D("1.8"), "t", "kg", D("1800")),
    (D("250"), "kg", "t", D("0.25")),
    (D("2.5"), "m3", "L", D("2500")),
    (D("800"), "L", "m3", D("0.8")),
    (D("4800"), "Nm3", "10^4Nm3", D("0.48")),
])
def test_compatible_units(amount, unit, target, expected):
    value, how = convert(amount, unit, target)
    assert value == expected
    assert unit in how and target in how


def test_same_unit_is_identity():
    assert convert(D("12.50"), "kWh", "kWh") == (D("12.50"), "")


def test_round_trip_is_exact():
    value, _ = convert(D("1234.5678"), "kWh", "GJ")
    back, _ = convert(value, "GJ", "kWh")
    assert back == D("1234.5678")


def test_volume_to_mass_with_density():
    value, how = convert(D("3200"), "L", "t", (D("0.74"), "kg/L"))
    assert value == D("3200") * D("0.74") / D("1000")  # 2.368 t
    assert "0.74" in how


def test_mass_to_volume_with_density():
    value, _ = convert(D("1.68"), "t", "L", (D("0.84"), "kg/L"))
    assert value == D("2000")


@pytest.mark.parametrize("density", [(D("840"), "kg/m3"), (D("0.84"), "t/m3"), (D("0.84"), "kg/L")])
def test_density_units_agree(density):
    value, _ = convert(D("2"), "m3", "kg", density)
    assert value == D("1680")


def test_volume_and_mass_need_a_density():
    with pytest.raises(UnitError) as exc:
        convert(D("800"), "L", "t")
    assert exc.value.code == "A504"
    assert "density" in exc.value.en and "密度" in exc.value.zh


@pytest.mark.parametrize("unit, target", [("room-night", "kWh"), ("kWh", "t"), ("meal", "person-day"),
                                          ("passenger-km", "vehicle-km"), ("t-km", "passenger-km"),
                                          ("tce", "t"), ("guest-night", "meal")])
def test_incompatible_units_refused(unit, target):
    with pytest.raises(UnitError) as exc:
        convert(D("1"), unit, target, (D("1"), "kg/L"))
    assert exc.value.code == "A503"
    assert unit in exc.value.en and target in exc.value.en


@pytest.mark.parametrize("text, mass, per, tonnes", [
    ("tCO2/10^4kWh", "t", "10^4kWh", D(1)), ("kgCO2e/passenger-km", "kg", "passenger-km", D("0.001")),
    ("gCO2/kWh", "g", "kWh", D("0.000001")),
])
def test_factor_units(text, mass, per, tonnes):
    unit = parse_factor_unit(text)
    assert (unit.mass, unit.per, unit.to_tonnes) == (mass, per, tonnes)


# --- units people report in (issue 12): tce, gas at stated conditions, t-km, guest-nights ---

@pytest.mark.parametrize("amount, unit, target, expected", [
    (D("1"), "tce", "GJ", D("29.3076")),          # 1 kgce = 7000 kcal x 4.1868 kJ/kcal = 29,307.6 kJ
    (D("2.5"), "tce", "MJ", D("73269")),          # 2.5 x 29,307.6
    (D("1000"), "kgce", "tce", D("1")),
    (D("1"), "kgce", "kWh", D("8.141")),          # 29.3076 MJ / 3.6 MJ per kWh
    (D("12000"), "t-km", "t-km", D("12000")),
    (D("3"), "10^4Nm3", "Nm3", D("30000")),
])
def test_reported_units(amount, unit, target, expected):
    with localcontext() as ctx:
        ctx.prec = 100
        value, _ = convert(amount, unit, target)
    assert value == expected


def test_gas_in_m3_needs_its_metering_conditions_and_says_how_to_convert():
    with pytest.raises(UnitError) as exc:
        convert(D("1000"), "m3", "10^4Nm3")
    assert exc.value.code == "A521" and exc.value.field == "unit"
    assert "conditions" in exc.value.en and "Nm3 = m3 × (p ÷ 101.325) × (273.15 ÷ (273.15 + t))" in exc.value.en
    assert "计量状态" in exc.value.zh and "0.9318" in exc.value.zh


def test_gas_at_stated_conditions_converts_to_normal_conditions():
    # at 0 °C and 101.325 kPa a metered m3 is a normal m3
    assert convert(D("1200"), "m3", "Nm3", Metering(conditions=(D("0"), D("101.325"))))[0] == D("1200")
    # at 20 °C and 101.325 kPa: 1000 x 273.15 / 293.15 = 1000 x 5463/5863 Nm3 (exact ratio)
    assert exact_ratio("m3", "Nm3", Metering(conditions=(D("20"), D("101.325")))) == Fraction(5463, 5863)
    # at 0 °C and twice the normal pressure, twice the gas; 10^4 Nm3 is 10,000 Nm3
    value, how = convert(D("500"), "m3", "10^4Nm3", Metering(conditions=(D("0"), D("202.65"))))
    assert value == D("0.1") and "0 °C" in how and "202.65 kPa" in how
    # litres too, and back from normal conditions
    assert convert(D("2000"), "L", "Nm3", Metering(conditions=(D("0"), D("101.325"))))[0] == D("2")
    assert exact_ratio("Nm3", "m3", Metering(conditions=(D("20"), D("101.325")))) == Fraction(5863, 5463)


@pytest.mark.parametrize("conditions", [(D("-273.15"), D("101.325")), (D("-300"), D("101.325")), (D("20"), D("0"))])
def test_impossible_metering_conditions(conditions):
    with pytest.raises(UnitError) as exc:
        convert(D("1"), "m3", "Nm3", Metering(conditions=conditions))
    assert exc.value.code == "A523" and exc.value.field == "conditions"


def test_guest_nights_become_room_nights_with_the_guests_per_room():
    with pytest.raises(UnitError) as exc:
        convert(D("3200"), "guest-night", "room-night")
    assert exc.value.code == "A522" and "guests_per_room" in exc.value.en and "每间住宿人数" in exc.value.zh
    assert convert(D("3200"), "guest-night", "room-night", Metering(guests_per_room=D("1.6")))[0] == D("2000")
    assert exact_ratio("room-night", "guest-night", Metering(guests_per_room=D("1.6"))) == Fraction(8, 5)


def test_a_density_alone_still_converts_as_before():
    assert convert(D("3200"), "L", "t", (D("0.74"), "kg/L")) == convert(D("3200"), "L", "t", Metering((D("0.74"), "kg/L")))


@pytest.mark.parametrize("text, per", [("tCO2/tce", "tce"), ("kgCO2e/t-km", "t-km"), ("kgCO2e/guest-night", "guest-night")])
def test_factor_units_of_the_new_units(text, per):
    assert parse_factor_unit(text).per == per


def test_the_schemas_accept_exactly_the_units_of_the_table():
    import json
    import re
    from pathlib import Path

    from generator.accounting.units import DATA

    common = json.loads((Path(__file__).resolve().parents[3] / "schemas" / "v1" / "common.schema.json").read_text(encoding="utf-8"))
    assert set(common["$defs"]["activityUnit"]["enum"]) == set(DATA["units"])
    pattern = re.compile(common["$defs"]["factorUnit"]["pattern"])
    for unit in DATA["units"]:
        assert pattern.fullmatch(f"kgCO2e/{unit}"), unit
    assert not pattern.fullmatch("kgCO2e/furlong")
