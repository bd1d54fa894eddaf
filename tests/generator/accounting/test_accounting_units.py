"""Unit conversions: exact between compatible units, density for mass<->volume, refusal otherwise."""
from decimal import Decimal as D

import pytest

from generator.accounting.units import UnitError, convert, parse_factor_unit


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
                                          ("passenger-km", "vehicle-km"), ("Nm3", "m3")])
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
