// The differential harness of the filing page's schema checks: reads {schemas, cases: [{kind, data}]}
// as JSON on stdin, runs site/theme/assets/filing/schema.js on each case, writes the problems' paths
// (an empty list: valid) for tests/site/test_filing_validation.py to compare with jsonschema.
import { readFileSync } from "node:fs";
import { makeSchemas, validate } from "../../site/theme/assets/filing/schema.js";

const input = JSON.parse(readFileSync(0, "utf-8"));
const S = makeSchemas(input.schemas);
const out = input.cases.map(({ kind, data }) => {
  const { node, doc } = S.root(kind);
  return validate(S, node, doc, data).map((p) => ({ path: p.path, zh: p.zh, en: p.en }));
});
process.stdout.write(JSON.stringify(out));
