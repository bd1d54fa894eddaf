// Port of generator/accounting/units.py: units of activity data and factors, exact conversions.
// UNITS, DENSITY_TO_KG_PER_L, MASS_TO_T and NORMAL copy generator/accounting/units.json (version below);
// tests/site/test_accounting_port.py holds them equal to it.
import { Q } from "./rational.js";

export const VERSION = "2026.1";
export const UNITS = {
  MJ: ["energy", "1"], GJ: ["energy", "1000"], TJ: ["energy", "1000000"],
  kWh: ["energy", "3.6"], MWh: ["energy", "3600"], "10^4kWh": ["energy", "36000"],
  kgce: ["energy", "29.3076"], tce: ["energy", "29307.6"],
  kg: ["mass", "1"], t: ["mass", "1000"],
  L: ["volume", "1"], m3: ["volume", "1000"],
  Nm3: ["normal volume", "1000"], "10^4Nm3": ["normal volume", "10000000"],
  "passenger-km": ["passenger-km", "1"], "vehicle-km": ["vehicle-km", "1"], "t-km": ["freight", "1"],
  "room-night": ["room-night", "1"], "guest-night": ["guest-night", "1"],
  meal: ["meal", "1"], "person-day": ["person-day", "1"],
};
export const DENSITY_TO_KG_PER_L = { "kg/L": "1", "t/m3": "1", "kg/m3": "0.001" };
export const MASS_TO_T = { g: "0.000001", kg: "0.001", t: "1" };
export const NORMAL = { temperature_c: "0", pressure_kpa: "101.325", absolute_zero_c: "-273.15" };

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

function refused(unit, target) {
  return new UnitError("A503", `单位 ${unit} 与因子单位 ${target} 不可换算`, `unit ${unit} cannot be converted to the factor's unit ${target}`);
}

// The exact ratio from `unit` to `target` (a Q), or a UnitError (A503, A504, A521-A523) as units.py raises.
// `metering` is the line as filed: {density: {value, unit}, conditions: {temperature_c, pressure_kpa}, guests_per_room}.
export function exactRatio(unit, target, metering) {
  if (unit === target) return Q.of(1);
  const a = UNITS[unit], b = UNITS[target];
  if (!a || !b) throw refused(unit, target);
  const ratio = Q.of(a[1]).div(Q.of(b[1]));
  if (a[0] === b[0]) return ratio;
  const m = metering || {};
  const dims = new Set([a[0], b[0]]);
  if (dims.size === 2 && dims.has("mass") && dims.has("volume")) {
    if (!m.density) throw new UnitError("A504", `${unit} 与 ${target} 之间换算需要密度`, `converting ${unit} to ${target} needs a density`);
    const kgPerL = Q.of(m.density.value).mul(Q.of(DENSITY_TO_KG_PER_L[m.density.unit]));
    return a[0] === "volume" ? ratio.mul(kgPerL) : ratio.div(kgPerL);
  }
  if (dims.size === 2 && dims.has("volume") && dims.has("normal volume")) {
    if (!m.conditions) throw new UnitError("A521", `气体体积 ${unit} 须说明计量状态`, `a gas volume in ${unit} needs its metering conditions`);
    const t = Q.of(m.conditions.temperature_c), p = Q.of(m.conditions.pressure_kpa), zero = Q.of(NORMAL.absolute_zero_c);
    if (t.cmp(zero) <= 0 || p.cmp(0) <= 0) throw new UnitError("A523", "计量状态不可能", "impossible metering conditions");
    const toNormal = p.div(Q.of(NORMAL.pressure_kpa)).mul(Q.of(NORMAL.temperature_c).sub(zero)).div(t.sub(zero));
    return a[0] === "volume" ? ratio.mul(toNormal) : ratio.div(toNormal);
  }
  if (dims.size === 2 && dims.has("guest-night") && dims.has("room-night")) {
    if (m.guests_per_room === undefined || m.guests_per_room === null) {
      throw new UnitError("A522", "人夜换算为间夜需要每间住宿人数", "guest-nights to room-nights need the guests per room");
    }
    const perRoom = Q.of(m.guests_per_room);
    return a[0] === "guest-night" ? ratio.div(perRoom) : ratio.mul(perRoom);
  }
  throw refused(unit, target);
}
