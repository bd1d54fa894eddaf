// The subset of JSON Schema 2020-12 the published record schemas use (schemas/v1/), for the filing
// page: $ref, type, enum, const, pattern, format date, lengths, bounds, items, required, properties,
// additionalProperties, minProperties, allOf, anyOf, not, if/then/else. Problems come out with their
// path and a sentence in Chinese and English, like generator/validation/messages.py says them.
// carbonreg check stays the authority: the page's files are checked again by it (tests/site/test_filing_page.py).

const BASE = "https://carbonreg.org/schemas/v1/";

export function makeSchemas(files) {  // files: {kind: schema document}
  const byId = new Map(Object.values(files).map((s) => [s.$id, s]));
  const deref = (node, doc) => {  // follow $ref, keeping the sibling keywords; returns {node, doc, ref}
    let ref = null;
    for (let hops = 0; node && typeof node === "object" && node.$ref && hops < 16; hops++) {
      const [file, pointer] = node.$ref.split("#");
      const target = file ? byId.get(BASE + file) : doc;
      let found = target;
      for (const step of (pointer || "").split("/").filter(Boolean)) found = found[step];
      ref = (pointer || "").split("/").pop() || ref;
      const rest = { ...node }; delete rest.$ref;
      node = { ...found, ...rest }; doc = target;
    }
    return { node, doc, ref };
  };
  return { root: (kind) => ({ node: files[kind], doc: files[kind] }), deref };
}

export function bilingualTitle(node) {
  const t = node && typeof node.title === "string" ? node.title : "";
  const i = t.indexOf(" / ");
  return i > 0 ? [t.slice(0, i), t.slice(i + 3)] : null;
}

function description(node) {  // "中文。/ English" (the schemas' convention)
  const d = node && typeof node.description === "string" ? node.description : "";
  const m = /\s?\/ (?=[A-Za-z])/.exec(d);
  return m && m.index > 0 ? [d.slice(0, m.index), d.slice(m.index + m[0].length)] : null;
}

const TYPE_WORDS = { object: ["一组字段", "a group of fields"], array: ["列表", "a list"], string: ["文字", "text"],
  integer: ["整数", "a whole number"], number: ["数字", "a number"], boolean: ["是或否", "yes or no"], null: ["空", "empty"] };

function typeOf(value, type) {
  if (type === "object") return value !== null && typeof value === "object" && !Array.isArray(value);
  if (type === "array") return Array.isArray(value);
  if (type === "integer") return typeof value === "number" && Number.isInteger(value);
  if (type === "number") return typeof value === "number";
  if (type === "null") return value === null;
  return typeof value === type;
}

function validDate(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= last;
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// Every problem of `value` against `node` (in document `doc`), as {path, zh, en}.
export function validate(S, node, doc, value, path = [], out = []) {
  if (node === true || node === undefined) return out;
  if (node === false) { out.push({ path, zh: "此处不应填写", en: "this field must not be given here" }); return out; }
  ({ node, doc } = S.deref(node, doc));
  const say = (zh, en) => out.push({ path, zh, en });
  if (node.type && !typeOf(value, node.type)) {
    const [zh, en] = TYPE_WORDS[node.type] || [node.type, node.type];
    say(`应为${zh}`, `must be ${en}`);
    return out;
  }
  if (node.enum && !node.enum.some((x) => same(x, value))) say("请从列表中选择一项", "choose one of the values in the list");
  if ("const" in node && !same(node.const, value)) say(`应为 ${node.const}`, `must be ${node.const}`);
  if (typeof value === "string") {
    const n = [...value].length;
    if (node.minLength !== undefined && n < node.minLength) say("不能为空", "must not be empty");
    if (node.maxLength !== undefined && n > node.maxLength) say(`最多 ${node.maxLength} 个字符`, `at most ${node.maxLength} characters`);
    if (node.format === "date" && !validDate(value)) say("日期应写作 YYYY-MM-DD，如 2026-09-20", "a date is written YYYY-MM-DD, e.g. 2026-09-20");
    else if (node.pattern && !new RegExp(node.pattern, "u").test(value)) {
      const d = description(node);
      say(d ? `格式不正确：${d[0]}` : "格式不正确", d ? `not in the expected form: ${d[1]}` : "not in the expected form");
    }
  }
  if (typeof value === "number") {
    if (node.minimum !== undefined && value < node.minimum) say(`不能小于 ${node.minimum}`, `must be at least ${node.minimum}`);
    if (node.maximum !== undefined && value > node.maximum) say(`不能大于 ${node.maximum}`, `must be at most ${node.maximum}`);
    if (node.exclusiveMinimum !== undefined && value <= node.exclusiveMinimum) say(`应大于 ${node.exclusiveMinimum}`, `must be above ${node.exclusiveMinimum}`);
  }
  if (Array.isArray(value)) {
    if (node.minItems !== undefined && value.length < node.minItems) say(`至少需要 ${node.minItems} 项`, `needs at least ${node.minItems} item(s)`);
    if (node.maxItems !== undefined && value.length > node.maxItems) say(`最多 ${node.maxItems} 项`, `at most ${node.maxItems} items`);
    if (node.uniqueItems && new Set(value.map((x) => JSON.stringify(x))).size !== value.length) say("有重复的项", "an item is given twice");
    if (node.items !== undefined) value.forEach((x, i) => validate(S, node.items, doc, x, [...path, i], out));
  }
  if (typeOf(value, "object")) {
    for (const key of node.required || []) {
      if (!(key in value)) out.push({ path: [...path, key], zh: "必填", en: "required" });
    }
    const props = node.properties || {};
    for (const [key, x] of Object.entries(value)) {
      if (key in props) validate(S, props[key], doc, x, [...path, key], out);
      else if (node.additionalProperties === false) out.push({ path: [...path, key], zh: "不认识的字段", en: "unknown field" });
    }
    if (node.minProperties !== undefined && Object.keys(value).length < node.minProperties) say(`至少填写 ${node.minProperties} 项`, `give at least ${node.minProperties} of these`);
  }
  for (const sub of node.allOf || []) validate(S, sub, doc, value, path, out);
  if (node.anyOf) {
    const tries = node.anyOf.map((sub) => validate(S, sub, doc, value, path, []));
    if (!tries.some((t) => t.length === 0)) {
      const fit = tries.filter((t, i) => !S.deref(node.anyOf[i], doc).node.type || typeOf(value, S.deref(node.anyOf[i], doc).node.type));
      const best = (fit.length ? fit : tries).reduce((a, b) => (b.length < a.length ? b : a));
      const d = description(node) || bilingualTitle(node);
      if (best.length === 1 && best[0].zh.startsWith("格式") && d) out.push({ path, zh: `格式不正确：${d[0]}`, en: `not in the expected form: ${d[1]}` });
      else out.push(...best);
    }
  }
  if (node.not !== undefined && validate(S, node.not, doc, value, path, []).length === 0) say("这个值不允许", "this value is not allowed");
  if (node.if !== undefined) {
    const holds = validate(S, node.if, doc, value, path, []).length === 0;
    const branch = holds ? node.then : node.else;
    if (branch !== undefined) validate(S, branch, doc, value, path, out);
  }
  return out;
}

// How each property of an object node stands for the current data: "required", "optional" or
// "forbidden" (the if/then/else of its allOf applied), in the schema's order.
export function fieldStates(S, node, doc, value) {
  ({ node, doc } = S.deref(node, doc));
  const states = {};
  for (const key of Object.keys(node.properties || {})) states[key] = node.properties[key] === false ? "forbidden" : "optional";
  for (const key of node.required || []) states[key] = "required";
  for (const sub of [...(node.allOf || []), node]) {  // the allOf's conditions and the node's own if/then/else
    if (sub.if === undefined) continue;
    const holds = validate(S, sub.if, doc, value || {}, [], []).length === 0;
    const branch = holds ? sub.then : sub.else;
    if (!branch) continue;
    for (const key of branch.required || []) if (states[key] !== "forbidden") states[key] = "required";
    for (const [key, x] of Object.entries(branch.properties || {})) if (x === false) states[key] = "forbidden";
  }
  return states;
}
