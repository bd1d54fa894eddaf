// Port of generator/accounting/units.py: units of activity data and factors, exact conversions.
import { Q } from "./rational.js";

export const UNITS = {
  MJ: ["energy", "1"], GJ: ["energy", "1000"], TJ: ["energy", "1000000"],
  kWh: ["energy", "3.6"], MWh: ["energy", "3600"], "10^4kWh": ["energy", "36000"],
  kg: ["mass", "1"], t: ["mass", "1000"],
  L: ["volume", "1"], m3: ["volume", "1000"],
  Nm3: ["normal volume", "1"], "10^4Nm3": ["normal volume", "10000"],
  "passenger-km": ["passenger-km", "1"], "vehicle-km": ["vehicle-km", "1"],
  "room-night": ["room-night", "1"], meal: ["meal", "1"], "person-day": ["person-day", "1"],
};
export const DENSITY_TO_KG_PER_L = { "kg/L": "1", "t/m3": "1", "kg/m3": "0.001" };
export const MASS_TO_T = { g: "0.000001", kg: "0.001", t: "1" };

export class UnitError extends Error {
  constructor(code, zh, en) { super(en); this.code = code; this.zh = zh; this.en = en; }
}

export function parseFactorUnit(text) {
  const i = text.indexOf("/");
  const numerator = text.slice(0, i), per = text.slice(i + 1);
  for (const mass of ["kg", "g", "t"]) {
    if (i > 0 && numerator.startsWith(mass)) return { mass, gas: numerator.slice(mass.length), per, toTonnes: Q.of(MASS_TO_T[mass]) };
  }
  throw new UnitError("A503", `无法识别的因子单位 ${text}`, `unknown factor unit ${text}`);
}

// The exact ratio from `unit` to `target` (a Q), or a UnitError (A503, A504) as convert() raises.
export function exactRatio(unit, target, density) {
  if (unit === target) return Q.of(1);
  const a = UNITS[unit], b = UNITS[target];
  if (!a || !b) throw new UnitError("A503", `单位 ${unit} 与因子单位 ${target} 不可换算`, `unit ${unit} cannot be converted to the factor's unit ${target}`);
  let ratio = Q.of(a[1]).div(Q.of(b[1]));
  if (a[0] === b[0]) return ratio;
  const dims = new Set([a[0], b[0]]);
  if (dims.size === 2 && dims.has("mass") && dims.has("volume")) {
    if (!density) throw new UnitError("A504", `${unit} 与 ${target} 之间换算需要密度`, `converting ${unit} to ${target} needs a density`);
    const kgPerL = Q.of(density.value).mul(Q.of(DENSITY_TO_KG_PER_L[density.unit]));
    return a[0] === "volume" ? ratio.mul(kgPerL) : ratio.div(kgPerL);
  }
  throw new UnitError("A503", `单位 ${unit} 与因子单位 ${target} 不可换算`, `unit ${unit} cannot be converted to the factor's unit ${target}`);
}
