// Port of generator/accounting/coverage.py (its docstring is the specification).
import { Q } from "./rational.js";

export function requiredCategories(rules) {
  const basic = rules.scopes.basic.categories, extended = rules.scopes.extended.categories;
  return new Set(rules.required_scope === "full" ? [...basic, ...extended] : basic);
}

export function accountedCategories(lines) {
  return new Set(lines.filter((l) => Q.of(l.activity.amount).cmp(0) > 0).map((l) => l.category));
}

export function unaccounted(rules, lines, exclusions) {
  const required = requiredCategories(rules);
  const accounted = accountedCategories(lines);
  const covered = new Set([...required].filter((c) => accounted.has(c) || exclusions.some((x) => x.category === c)));
  if ((rules.scope_completeness || "any_category") === "every_category") return [...required].filter((c) => !covered.has(c)).sort();
  return covered.size ? [] : [...required].sort();
}

export function lateRetirements(retirements, deadline) {
  return deadline == null ? [] : retirements.filter((r) => r.retired_on > deadline);
}
