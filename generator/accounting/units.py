"""Units of activity data and emission factors, with exact conversions between compatible ones.

The units, their sizes and the cited conversion bases are data: ``units.json`` beside this module
(versioned; the browser port ``site/theme/assets/accounting/units.js`` copies it, held equal by
``tests/site/test_accounting_port.py``). Different dimensions convert only with what the line states:
a density (mass <-> volume), the metering conditions of a gas (volume <-> normal volume) or the guests
per room (guest-nights <-> room-nights)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

DATA = json.loads((Path(__file__).resolve().parent / "units.json").read_text(encoding="utf-8"))
VERSION: str = DATA["version"]
# unit -> (dimension, size in the dimension's base unit). Every ratio is exact.
UNITS: dict[str, tuple[str, Decimal]] = {u: (d["dimension"], Decimal(d["size"])) for u, d in DATA["units"].items()}
# Density unit -> kg per litre.
DENSITY_TO_KG_PER_L = {k: Decimal(v) for k, v in DATA["density_to_kg_per_l"].items()}
# Mass prefix of a factor's numerator -> tonnes.
MASS_TO_T = {k: Decimal(v) for k, v in DATA["mass_to_t"].items()}
NORMAL_T_C = Decimal(DATA["normal_conditions"]["temperature_c"])
NORMAL_P_KPA = Decimal(DATA["normal_conditions"]["pressure_kpa"])
ABSOLUTE_ZERO_C = Decimal(DATA["normal_conditions"]["absolute_zero_c"])


class UnitError(ValueError):
    """Two units cannot be converted; carries a bilingual explanation."""

    def __init__(self, code: str, zh: str, en: str, field: str = "unit"):
        # field: the line's field to point at ("unit": the activity's unit)
        super().__init__(en)
        self.code, self.zh, self.en, self.field = code, zh, en, field


@dataclass(frozen=True)
class Metering:
    """What a line states besides its amount that a conversion across dimensions may need."""

    density: tuple[Decimal, str] | None = None  # (value, "kg/L" | "t/m3" | "kg/m3")
    conditions: tuple[Decimal, Decimal] | None = None  # gas metered at (temperature °C, absolute pressure kPa)
    guests_per_room: Decimal | None = None


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


def _as_metering(density) -> Metering:
    if isinstance(density, Metering):
        return density
    return Metering(density=density)


def _cross(unit: str, target: str, how: Metering) -> tuple[Fraction, str]:
    """The exact ratio between two units of different dimensions (``unit`` per ``target``) and its text."""
    (dim_a, size_a), (dim_b, size_b) = UNITS[unit], UNITS[target]
    base = Fraction(size_a) / Fraction(size_b)
    dims = {dim_a, dim_b}
    if dims == {"mass", "volume"}:
        if how.density is None:
            raise UnitError("A504", f"{unit} 与 {target} 之间换算需要密度；请在该行填写 density（如 0.84 kg/L）",
                            f"converting {unit} to {target} needs a density; add density to the line (e.g. 0.84 kg/L)")
        value, per = how.density
        kg_per_l = Fraction(value) * Fraction(DENSITY_TO_KG_PER_L[per])
        return (base * kg_per_l if dim_a == "volume" else base / kg_per_l), f"× {value} {per}"
    if dims == {"volume", "normal volume"}:
        if how.conditions is None:
            raise UnitError(
                "A521",
                f"气体体积 {unit} 须说明计量状态才能换算为标准状况（{target}）：请在该行填写 conditions: "
                "{temperature_c: 计量温度（℃）, pressure_kpa: 绝对压力（kPa）}；或自行换算后按 Nm3 填写："
                "Nm3 = m3 × (p ÷ 101.325) × (273.15 ÷ (273.15 + t))，如 20 ℃、101.325 kPa 时 1 m3 = 0.9318 Nm3",
                f"a gas volume in {unit} needs its metering conditions to convert to normal conditions ({target}): add "
                "conditions: {temperature_c: metering temperature (°C), pressure_kpa: absolute pressure (kPa)} to the "
                "line, or convert it yourself and report Nm3: Nm3 = m3 × (p ÷ 101.325) × (273.15 ÷ (273.15 + t)); "
                "e.g. at 20 °C and 101.325 kPa, 1 m3 = 0.9318 Nm3")
        t, p = how.conditions
        if t <= ABSOLUTE_ZERO_C or p <= 0:
            raise UnitError("A523", f"计量状态 {t} ℃、{p} kPa 不可能：温度须高于 -273.15 ℃，压力（绝对压力）须大于 0",
                            f"metering conditions {t} °C, {p} kPa are impossible: the temperature must be above "
                            "-273.15 °C and the (absolute) pressure above 0", "conditions")
        kelvin = Fraction(NORMAL_T_C - ABSOLUTE_ZERO_C)
        to_normal = Fraction(p) / Fraction(NORMAL_P_KPA) * kelvin / (Fraction(t) - Fraction(ABSOLUTE_ZERO_C))
        return (base * to_normal if dim_a == "volume" else base / to_normal), f"@ {t} °C, {p} kPa"
    if dims == {"guest-night", "room-night"}:
        if how.guests_per_room is None:
            raise UnitError("A522", f"人夜（{unit}）换算为间夜（{target}）需要每间住宿人数：请在该行填写 guests_per_room（如 1.6）",
                            f"converting guest-nights ({unit}) to room-nights ({target}) needs the guests per room: "
                            "add guests_per_room to the line (e.g. 1.6)")
        per_room = Fraction(how.guests_per_room)
        return (base / per_room if dim_a == "guest-night" else base * per_room), f"÷ {how.guests_per_room} guests/room"
    raise UnitError("A503", f"单位 {unit} 与因子单位 {target} 不可换算；请按因子的单位填写活动数据",
                    f"unit {unit} cannot be converted to the factor's unit {target}; report the activity in the factor's unit")


def exact_ratio(unit: str, target: str, density: tuple[Decimal, str] | Metering | None = None) -> Fraction:
    """The exact rational factor from ``unit`` to ``target``; raises :class:`UnitError` as :func:`convert`."""
    if unit == target:
        return Fraction(1)
    (dim_a, size_a), (dim_b, size_b) = UNITS[unit], UNITS[target]
    if dim_a == dim_b:
        return Fraction(size_a) / Fraction(size_b)
    return _cross(unit, target, _as_metering(density))[0]


def convert(amount: Decimal, unit: str, target: str,
            density: tuple[Decimal, str] | Metering | None = None) -> tuple[Decimal, str]:
    """Convert ``amount`` from ``unit`` to ``target``; returns the value and a short explanation.

    Call it in a decimal context of enough precision (accounting uses 100 digits): a ratio that is
    not a terminating decimal (MJ to kWh, a gas at 20 °C) is rounded there, far below anything
    reported; the offsets needed come from :func:`exact_ratio`."""
    if unit == target:
        return amount, ""
    (dim_a, size_a), (dim_b, size_b) = UNITS[unit], UNITS[target]
    if dim_a == dim_b:
        value = amount * size_a / size_b
        return value, f"{amount} {unit} = {value.normalize():f} {target}"
    ratio, how = _cross(unit, target, _as_metering(density))
    value = amount * Decimal(ratio.numerator) / Decimal(ratio.denominator)
    return value, f"{amount} {unit} {how} = {value.normalize():f} {target}"
