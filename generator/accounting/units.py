"""Units of activity data and emission factors, with exact conversions between compatible ones."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

# unit -> (dimension, size in the dimension's base unit). Every ratio is exact.
UNITS: dict[str, tuple[str, Decimal]] = {
    "MJ": ("energy", Decimal(1)), "GJ": ("energy", Decimal(1000)), "TJ": ("energy", Decimal(1000000)),
    "kWh": ("energy", Decimal("3.6")), "MWh": ("energy", Decimal(3600)), "10^4kWh": ("energy", Decimal(36000)),
    "kg": ("mass", Decimal(1)), "t": ("mass", Decimal(1000)),
    "L": ("volume", Decimal(1)), "m3": ("volume", Decimal(1000)),
    "Nm3": ("normal volume", Decimal(1)), "10^4Nm3": ("normal volume", Decimal(10000)),
    "passenger-km": ("passenger-km", Decimal(1)), "vehicle-km": ("vehicle-km", Decimal(1)),
    "room-night": ("room-night", Decimal(1)), "meal": ("meal", Decimal(1)), "person-day": ("person-day", Decimal(1)),
}
# Density unit -> kg per litre.
DENSITY_TO_KG_PER_L = {"kg/L": Decimal(1), "t/m3": Decimal(1), "kg/m3": Decimal("0.001")}
# Mass prefix of a factor's numerator -> tonnes.
MASS_TO_T = {"g": Decimal("0.000001"), "kg": Decimal("0.001"), "t": Decimal(1)}


class UnitError(ValueError):
    """Two units cannot be converted; carries a bilingual explanation."""

    def __init__(self, code: str, zh: str, en: str):
        super().__init__(en)
        self.code, self.zh, self.en = code, zh, en


@dataclass(frozen=True)
class FactorUnit:
    mass: str  # g | kg | t
    gas: str  # CO2 | CO2e
    per: str  # activity unit

    @property
    def to_tonnes(self) -> Decimal:
        return MASS_TO_T[self.mass]


def parse_factor_unit(text: str) -> FactorUnit:
    numerator, per = text.split("/", 1)
    for mass in ("kg", "g", "t"):
        if numerator.startswith(mass):
            return FactorUnit(mass, numerator[len(mass):], per)
    raise UnitError("A503", f"无法识别的因子单位 {text!r}", f"unknown factor unit {text!r}")


def exact_ratio(unit: str, target: str, density: tuple[Decimal, str] | None = None) -> Fraction:
    """The exact rational factor from ``unit`` to ``target`` (call after :func:`convert` accepted them)."""
    if unit == target:
        return Fraction(1)
    (dim_a, size_a), (dim_b, size_b) = UNITS[unit], UNITS[target]
    ratio = Fraction(size_a) / Fraction(size_b)
    if dim_a != dim_b:
        assert density is not None  # convert() refuses a change of dimension without one
        kg_per_l = Fraction(density[0]) * Fraction(DENSITY_TO_KG_PER_L[density[1]])
        ratio = ratio * kg_per_l if dim_a == "volume" else ratio / kg_per_l
    return ratio


def convert(amount: Decimal, unit: str, target: str, density: tuple[Decimal, str] | None = None) -> tuple[Decimal, str]:
    """Convert ``amount`` from ``unit`` to ``target``; returns the value and a short explanation."""
    if unit == target:
        return amount, ""
    (dim_a, size_a), (dim_b, size_b) = UNITS[unit], UNITS[target]
    if dim_a == dim_b:
        value = amount * size_a / size_b
        return value, f"{amount} {unit} = {value.normalize():f} {target}"
    if {dim_a, dim_b} == {"mass", "volume"}:
        if density is None:
            raise UnitError("A504", f"{unit} 与 {target} 之间换算需要密度；请在该行填写 density（如 0.84 kg/L）",
                            f"converting {unit} to {target} needs a density; add density to the line (e.g. 0.84 kg/L)")
        kg_per_l = density[0] * DENSITY_TO_KG_PER_L[density[1]]
        if dim_a == "volume":  # volume -> mass
            value = amount * size_a * kg_per_l / size_b
        else:  # mass -> volume
            value = amount * size_a / kg_per_l / size_b
        return value, f"{amount} {unit} × {density[0]} {density[1]} = {value.normalize():f} {target}"
    raise UnitError("A503", f"单位 {unit} 与因子单位 {target} 不可换算；请按因子的单位填写活动数据",
                    f"unit {unit} cannot be converted to the factor's unit {target}; report the activity in the factor's unit")
