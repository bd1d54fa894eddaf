// Port of generator/accounting/compute.py: exact emission accounting for one event (every line,
// totals by scope and phase, offsets needed rounded up to whole tonnes, level, deadline, status).
// Input is the records as filed (YAML data as JSON); tests/site/test_accounting_port.py holds it
// equal to the Python on every sample event and on demo events.
import { Q, ZERO } from "./rational.js";
import { exactRatio, parseFactorUnit, UnitError } from "./units.js";
import { factorSetInForce, rulesInForce } from "./in_force.js";
import { lateRetirements, unaccounted } from "./coverage.js";
import { computeEstimate } from "./estimate.js";

export const PHASES = ["preparation", "hosting", "closing"];

export function addMonths(day, months) {
  const [y, m, d] = day.split("-").map((x) => parseInt(x, 10));
  const month0 = m - 1 + months;
  const year = y + Math.floor(month0 / 12), month = ((month0 % 12) + 12) % 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

export function levelReached(retired, neededBasic, neededFull) {
  if (retired >= neededFull) return "full";
  if (retired >= neededBasic) return "basic";
  return "none";
}

function factorsByKey(fset) {  // the first factor of each key, as the Python model keeps it
  const out = new Map();
  for (const f of fset.factors) if (!out.has(f.key)) out.set(f.key, f);
  return out;
}

export function computeLine(line, index, rules, fset) {
  const choice = line.factor, green = line.green_power || null;
  if (green !== null && line.category !== "purchased_electricity") return { error: { code: "A508", index } };
  if (choice.source === "measured" && Q.of(choice.value).cmp(0) === 0 && green === null) return { error: { code: "A507", index } };
  let value, unit, origin, key = null;
  if (choice.source === "measured") {
    [value, unit, origin] = [Q.of(choice.value), choice.unit, "measured"];
  } else {
    if (!fset) return { error: { code: "A505", index } };
    const factor = factorsByKey(fset).get(choice.key);
    if (!factor) return { error: { code: "A501", index } };
    if (factor.category !== line.category || (factor.mode && factor.mode !== (line.mode || null))
        || (factor.gas && factor.gas !== (line.gas || null))
        || (factor.distance_band && factor.distance_band !== (line.distance_band || null))) return { error: { code: "A502", index } };
    [value, unit, origin, key] = [Q.of(factor.value), factor.unit, factor.status, factor.key];
  }
  let funit, ratio;
  try {
    funit = parseFactorUnit(unit);
    ratio = exactRatio(line.activity.unit, funit.per, line);  // its density, conditions, guests_per_room
  } catch (exc) {
    if (exc instanceof UnitError) return { error: { code: exc.code, index } };
    throw exc;
  }
  const tco2e = Q.of(line.activity.amount).mul(ratio).mul(value).mul(funit.toTonnes);
  let scope = null;
  if (rules) {
    scope = rules.scopes.basic.categories.includes(line.category) ? "basic"
      : rules.scopes.extended.categories.includes(line.category) ? "extended" : null;
  }
  return { result: { id: line.id, index, phase: line.phase, category: line.category, scope, factor_value: value,
                     factor_unit: unit, factor_origin: origin, factor_key: key, tco2e } };
}

export function computeEvent(registry, event, today) {
  const plan = event.plan;
  if (!plan) return null;
  const start = plan.phases.hosting.start, end = plan.phases.hosting.end;
  const rules = rulesInForce(registry, start), fset = factorSetInForce(registry, start);
  const errors = [], lines = [];
  if (!rules) errors.push({ code: "A506", index: null });
  const { estimate, errors: estimateErrors } = computeEstimate(plan, rules, fset);  // the plan's estimate (Art. 9)
  errors.push(...estimateErrors);
  const report = event.report || null;
  for (const [index, line] of (report ? report.lines : []).entries()) {
    const { result, error } = computeLine(line, index, rules, fset);
    if (error) errors.push(error); else lines.push(result);
  }
  const byPhase = Object.fromEntries(PHASES.map((p) => [p, ZERO]));
  let basic = ZERO, extended = ZERO;
  for (const x of lines) {
    byPhase[x.phase] = byPhase[x.phase].add(x.tco2e);
    if (x.scope === "basic") basic = basic.add(x.tco2e);
    else if (x.scope === "extended") extended = extended.add(x.tco2e);
  }
  const total = basic.add(extended);
  const deadline = rules ? addMonths(end, rules.deadline_months_after_end) : null;
  const retirements = event.retirements || [];
  const late = lateRetirements(retirements, deadline);
  const retiredLate = late.reduce((s, r) => s + r.quantity, 0);
  const retired = retirements.reduce((s, r) => s + r.quantity, 0) - retiredLate;
  const neededBasic = Number(basic.ceil()), neededFull = Number(total.ceil());
  const exclusions = report ? report.exclusions || [] : [];
  const missing = report && rules ? unaccounted(rules, report.lines, exclusions) : [];
  const level = report && !missing.length ? levelReached(retired, neededBasic, neededFull) : "none";
  const published = new Set();
  if (event.declaration) published.add(`declaration ${event.declaration.id}`);
  if (event.certificate_number !== undefined && event.certificate_number !== null) published.add(`certificate ${event.certificate_number}`);
  const revoked = (registry.revocations || []).some((r) => r.target.event === plan.id && published.has(`${r.target.kind} ${r.target.id}`));
  const open = deadline === null || today <= deadline;
  let status;
  if (revoked) status = "revoked";
  else if (!report) status = open ? "planned" : "overdue";
  else if (level === "full" || (level === "basic" && plan.offset_plan.target_scope === "basic")) status = "done";
  else status = open ? "open" : "overdue";
  return { event_id: plan.id, rules_id: rules ? rules.id : null, factor_set_id: fset ? fset.id : null, lines, errors,
           by_phase: byPhase, basic, extended, total, needed_basic: neededBasic, needed_full: neededFull, retired,
           level, deadline, status, unaccounted: missing, late: late.map((r) => r.id), retired_late: retiredLate,
           estimate };
}
