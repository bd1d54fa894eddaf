"""The offsets needed come from exact rational sums, so a non-terminating unit conversion (MJ to kWh
divides by 3.6) can never move a total across a whole tonne; the Decimal figures shown stay within
1e-90 of the exact ones."""
from __future__ import annotations

import math
from decimal import Decimal, localcontext
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.accounting.compute import PRECISION, whole_tonnes_needed
from generator.accounting.units import convert, exact_ratio

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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(amounts, factors), min_size=1, max_size=6))
def test_needed_is_the_ceiling_of_the_exact_sum(lines):
    """Lines in MJ with factors in kgCO2e/kWh: the exact sum decides; Decimal stays within 1e-90."""
    exact = sum((Fraction(a) * Fraction(5, 18) * Fraction(f) / 1000 for a, f in lines), Fraction(0))
    with localcontext() as ctx:
        ctx.prec = PRECISION
        shown = sum((convert(a, "MJ", "kWh")[0] * f / 1000 for a, f in lines), Decimal(0))
    assert whole_tonnes_needed(exact) == math.ceil(exact)
    assert abs(Fraction(shown) - exact) < Fraction(1, 10**85)
