// Port of generator/accounting/estimate.py: the plan's estimate (Art. 9). Where the rules in force say
// plan_estimate: lines, it is computed from the plan's estimate lines with computeLine (the report's
// arithmetic) and the default factor set; else the plan's two typed totals. Errors E101-E108 as there.
// Held equal to the Python by tests/site/test_accounting_port.py.
import { Q, ZERO } from "./rational.js";
import { computeLine } from "./compute.js";

// The report's codes for the same failures of a line, renamed for estimate lines.
export const LINE_CODES = { A501: "E103", A502: "E104", A503: "E105", A504: "E106", A505: "E107" };

// An estimate line as the report line computeLine reads: amount = people × per_person, a default factor.
export function asReportLine(item) {
  const a = item.activity;
  const amount = a.people !== undefined && a.people !== null ? Q.of(a.people).mul(Q.of(a.per_person)) : a.amount;
  return { id: item.id, phase: item.phase, category: item.category, mode: item.mode, gas: item.gas,
           activity: { amount, unit: a.unit }, density: item.density, conditions: item.conditions,
           guests_per_room: item.guests_per_room, distance_band: item.distance_band,
           factor: { source: "default", key: item.factor.key } };
}

export function computeEstimate(plan, rules, fset) {
  const est = plan.estimate || {};
  const wantsLines = !!rules && rules.plan_estimate === "lines";
  const typed = [est.basic_tco2e ?? null, est.total_tco2e ?? null];
  const items = est.lines || [];
  if (!items.length) {
    if (wantsLines) return { estimate: null, errors: [{ code: "E101", index: null }] };
    if (typed.includes(null)) return { estimate: null, errors: [{ code: "E102", index: null }] };
    const [basic, total] = typed.map((v) => Q.of(v));
    return { estimate: { source: "totals", lines: [], by_category: {}, basic, total,
                         needed_basic: Number(basic.ceil()), needed_full: Number(total.ceil()) }, errors: [] };
  }
  const errors = [], lines = [];
  for (const [index, item] of items.entries()) {
    const { result, error } = computeLine(asReportLine(item), index, rules, fset);
    if (error) errors.push({ code: LINE_CODES[error.code] || error.code, index });
    else lines.push(result);
  }
  if (errors.length) return { estimate: null, errors };
  const byCategory = {};
  let basic = ZERO, total = ZERO;
  for (const x of lines) {
    byCategory[x.category] = (byCategory[x.category] || ZERO).add(x.tco2e);
    if (x.scope === "basic") basic = basic.add(x.tco2e);
    if (x.scope !== null) total = total.add(x.tco2e);
  }
  const sorted = Object.fromEntries(Object.keys(byCategory).sort().map((k) => [k, byCategory[k]]));
  for (const [name, value, sum] of [["basic_tco2e", typed[0], basic], ["total_tco2e", typed[1], total]]) {
    if (value !== null && Q.of(value).cmp(sum) !== 0) errors.push({ code: "E108", index: name });
  }
  return { estimate: { source: "lines", lines, by_category: sorted, basic, total,
                       needed_basic: Number(basic.ceil()), needed_full: Number(total.ceil()) }, errors };
}
