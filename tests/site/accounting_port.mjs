// The differential harness of the accounting port: reads {registry, today, events} as JSON on stdin,
// runs site/theme/assets/accounting/compute.js on each event, writes the results as JSON (exact
// rationals as "num/den" strings) for tests/site/test_accounting_port.py to compare with Python.
import { readFileSync } from "node:fs";
import { computeEvent } from "../../site/theme/assets/accounting/compute.js";
import { Q } from "../../site/theme/assets/accounting/rational.js";

const input = JSON.parse(readFileSync(0, "utf-8"));
const plain = (v) => (v instanceof Q ? v.toString() : Array.isArray(v) ? v.map(plain)
  : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)])) : v);
const out = input.events.map((event) => plain(computeEvent(input.registry, event, input.today)));
process.stdout.write(JSON.stringify(out));
