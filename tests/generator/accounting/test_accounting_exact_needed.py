"""The offsets needed come from exact rational sums, so a non-terminating unit conversion (MJ to kWh
divides by 3.6) can never move a total across a whole tonne; the Decimal figures shown stay within
half a unit of the 50th decimal place per line of the exact ones (accounting.compute.LINE_PLACES)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal, localcontext
from fractions import Fraction

import pytest
from gentestkit import copy_sample
from hypothesis import HealthCheck, example, given, settings, strategies as st

from generator.accounting.compute import PRECISION, compute_event
from generator.accounting.units import convert, exact_ratio
from generator.loading.registry import load_registry
from generator.model.records import EmissionLine, FactorChoice, Text

amounts = st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False)
factors = st.decimals(min_value=Decimal("0.001"), max_value=100, places=4, allow_nan=False, allow_infinity=False)


def test_exact_ratio_matches_the_decimal_conversion():
    with localcontext() as ctx:
        ctx.prec = PRECISION
        for unit, target in (("kWh", "GJ"), ("MJ", "kWh"), ("t", "kg"), ("10^4Nm3", "Nm3")):
            value, _ = convert(Decimal(7), unit, target)
            assert abs(Fraction(value) - 7 * exact_ratio(unit, target)) < Fraction(1, 10**90)
    assert exact_ratio("L", "t", (Decimal("0.74"), "kg/L")) == Fraction(74, 100) / 1000
    assert exact_ratio("t", "L", (Decimal("0.84"), "t/m3")) == 1000 / Fraction(84, 100)


# Four lines in MJ with measured factors in kgCO2/kWh whose exact sum is 2 t: each MJ -> kWh
# conversion divides by 3.6 and each line is rounded at the 50th decimal place, and here the Decimal sum
# comes out at 1.999...9 (an earlier rounding at the 100th digit gave 2.000...001, which the Decimal
# totals would have needed 3 for). From the exact sum they are 2.
FOUR_MJ_LINES = ((23, "78.35"), (47, "7.2789"), (1000, "4.633"), (1, "422.8417"))


def _account(registry, event, lines):
    """Run the accounting on ``event`` with its report lines replaced by (MJ, kgCO2/kWh) pairs."""
    records = tuple(
        EmissionLine(f"L{i}", i, "hosting", "stationary_fuel", None, Text("燃料", "Fuel"), Decimal(a), "MJ", None,
                     None, FactorChoice("measured", value=Decimal(f), unit="kgCO2/kWh", evidence="attachments/x.pdf"))
        for i, (a, f) in enumerate(lines))
    changed = replace(event, report=replace(event.report, lines=records), retirements=(), declaration=None)
    account, findings = compute_event(registry, changed, date(2026, 7, 1))
    assert findings == []
    return account


@pytest.fixture(scope="module")
def sample_salon(tmp_path_factory):
    registry, _ = load_registry(copy_sample(tmp_path_factory.mktemp("sample")), "registry")
    return registry, next(e for e in registry.events if e.folder_id == "2025-campus-sustainability-salon")


def test_four_mj_lines_summing_to_exactly_two_tonnes_need_two(sample_salon):
    registry, salon = sample_salon
    exact = sum((Fraction(a) * Fraction(5, 18) * Fraction(f) / 1000 for a, f in FOUR_MJ_LINES), Fraction(0))
    assert exact == 2  # by hand: 23 x 78.35 + 47 x 7.2789 + 1000 x 4.633 + 422.8417 = 7200 kg per 3.6
    account = _account(registry, salon, FOUR_MJ_LINES)
    assert account.total != 2  # the Decimal total shown: 1.999...9, 50 places (each line rounded there)
    assert abs(account.total - 2) <= 4 * Decimal("0.5e-50")
    assert account.needed_basic == account.needed_full == 2


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(amounts, factors), min_size=1, max_size=6))
@example(FOUR_MJ_LINES)
def test_needed_is_the_ceiling_of_the_exact_sum(sample_salon, lines):
    """The accounting, run on lines in MJ with factors in kgCO2/kWh: what it says is needed is the
    exact rational sum rounded up, and the Decimal total it shows stays within half a unit of the 50th
    decimal place per line of that sum."""
    registry, salon = sample_salon
    exact = sum((Fraction(a) * Fraction(5, 18) * Fraction(f) / 1000 for a, f in lines), Fraction(0))
    whole = exact.numerator // exact.denominator + (1 if exact.denominator != 1 else 0)  # ceiling, by hand
    account = _account(registry, salon, lines)
    assert account.needed_full == account.needed_basic == whole
    assert abs(Fraction(account.total) - exact) <= len(lines) * Fraction(1, 2 * 10**50)
