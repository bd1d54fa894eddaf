"""The one presentation rule for quantities (generator/site/quantities.py), value by value."""
from __future__ import annotations

from decimal import Decimal

import pytest

from generator.site import quantities as q


@pytest.mark.parametrize("value, shown", [
    ("295012.937", "295,012.9"), ("1872.50940", "1,872.5"), ("0.05", "0.1"), ("0.04", "0.0"), ("1449", "1,449.0"),
    ("999999.95", "1,000,000.0"), ("-0.04", "0.0"), ("-12.35", "-12.4"), ("0.15", "0.2")])
def test_pages_round_tonnes_half_up_to_a_tenth_with_separators(value, shown):
    assert q.rounded(Decimal(value)) == shown


@pytest.mark.parametrize("value, shown", [("2100000", "2,100,000"), ("732.0172", "732.0172"), ("1000.50", "1,000.5")])
def test_exact_values_keep_every_digit_and_group_thousands(value, shown):
    assert q.grouped(Decimal(value)) == shown


@pytest.mark.parametrize("unit, zh, en", [
    ("tCO2/10^4kWh", "tCO₂/10⁴ kWh", "tCO₂/10⁴ kWh"), ("kgCO2e/passenger-km", "kgCO₂e/人公里", "kgCO₂e/passenger-km"),
    ("room-night", "间夜", "room-nights"), ("meal", "份餐", "meals"), ("Nm3", "Nm³", "Nm³"), ("tCO2e/t", "tCO₂e/t", "tCO₂e/t")])
def test_units_as_readers_write_them(unit, zh, en):
    assert (q.unit(unit, "zh"), q.unit(unit, "en")) == (zh, en)


def test_derivation_groups_numbers_and_translates_units():
    text = "30696 passenger-km × 0.17 kgCO2e/passenger-km = 5.21832 tCO2e"
    assert q.derivation(text, "zh") == "30,696 人公里 × 0.17 kgCO₂e/人公里 = 5.21832 tCO₂e"


def test_instants_are_never_raw_iso_stamps():
    assert q.moment("2026-11-25T08:30:00Z") == "2026-11-25 08:30 UTC"
    assert q.moment("2026-11-25T16:30:00+08:00") == "2026-11-25 08:30 UTC"


@pytest.mark.parametrize("n, zh, en", [("17", "第十七条", "Art. 17"), ("10", "第十条", "Art. 10"), ("21", "第二十一条", "Art. 21")])
def test_articles_read_as_cited(n, zh, en):
    assert (q.article(n, "zh"), q.article(n, "en")) == (zh, en)


@pytest.mark.parametrize("value, shown", [("0.260771", "260.8"), ("0.00005", "0.1"), ("0.00004", "0.0"), ("1.23456", "1,234.6")])
def test_intensities_are_kilograms_to_a_tenth(value, shown):
    assert q.intensity(Decimal(value)) == shown


@pytest.mark.parametrize("value, shown", [("0.9287", "92.9%"), ("0.0042", "0.4%"), ("0", "0.0%"), ("1", "100.0%"), ("0.00049", "0.0%"), ("0.0005", "0.1%")])
def test_shares_are_percent_to_a_tenth(value, shown):
    assert q.percent(Decimal(value)) == shown
