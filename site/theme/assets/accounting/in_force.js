// Port of generator/accounting/in_force.py: which rules and default factor set apply on a date.
// Dates are ISO strings (YYYY-MM-DD), which compare as dates.
const byKey = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
const latest = (items, key) => items.reduce((best, x) => (best === null || byKey(key(x), key(best)) > 0 ? x : best), null);

export function rulesInForce(registry, on) {
  const j = registry.jurisdiction;
  return latest(registry.rules.filter((r) => r.effective_from <= on && (j == null || r.jurisdiction === j)),
                (r) => [r.effective_from, r.id]);
}

export function factorSetInForce(registry, on) {
  const j = registry.jurisdiction;
  return latest(registry.factor_sets.filter((s) => s.valid_from <= on && (s.valid_until == null || on <= s.valid_until)
                                              && (j == null || s.jurisdiction === j)),
                (s) => [s.valid_from, s.id]);
}
