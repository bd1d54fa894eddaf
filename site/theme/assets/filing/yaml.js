// Port of generator/spreadsheet/yamlout.py: records as YAML that carbonreg's safe loader reads back
// to the same data (block style, every string JSON-quoted so no text can change the structure).
// Reading an event back uses the vendored js-yaml with its failsafe schema (every scalar a string),
// then the record's schema decides what is a whole number, so decimals stay exact text.
import { load, FAILSAFE_SCHEMA } from "../vendor/js-yaml/js-yaml.js";

const scalar = (v) => (v === null || v === undefined ? "null" : typeof v === "boolean" ? String(v)
  : typeof v === "number" ? String(v) : JSON.stringify(String(v)));

function mapping(data, indent) {
  const out = [];
  for (const [key, value] of Object.entries(data)) out.push(...entry(`${indent}${key}:`, value, indent));
  return out;
}

function entry(head, value, indent) {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.keys(value).length ? [head, ...mapping(value, indent + "  ")] : [`${head} {}`];
  }
  if (Array.isArray(value)) {
    if (!value.length || !value.some((x) => x && typeof x === "object")) return [`${head} [${value.map(scalar).join(", ")}]`];
    const out = [head];
    for (const item of value) {
      const body = item && typeof item === "object" ? mapping(item, indent + "    ") : [indent + "    " + scalar(item)];
      out.push(`${indent}  - ${body[0].trimStart()}`, ...body.slice(1));
    }
    return out;
  }
  return [`${head} ${scalar(value)}`];
}

export function dump(data, header = []) {
  return [...header.map((h) => `# ${h}`), ...mapping(data, "")].join("\n") + "\n";
}

// The file as `carbonreg import` writes it: the schema line, a provenance line, the records.
export function recordFile(kind, data, schemaUrl) {
  return dump(data, [`yaml-language-server: $schema=${schemaUrl}${kind}.schema.json`,
    "由 carbonreg 填报页面生成 / made by the carbonreg filing page"]);
}

export class YamlError extends Error {}

// YAML text -> data, scalars typed by the record's schema (integers where the schema says integer,
// null for an empty value); anything the loader refuses is a YamlError with its line.
export const MAX_YAML_BYTES = 1024 * 1024;  // as generator/loading/yamlsafe.py

// Refuse what carbonreg's safe loader refuses and what could hang the page: anchors and aliases
// (an alias bomb is shared references, exponential to walk), and depth beyond any record's.
function plainTree(data) {
  const seen = new Set();
  const walk = (v, depth) => {
    if (depth > 64) throw new YamlError("nesting too deep");
    if (v === null || typeof v !== "object") return;
    if (seen.has(v)) throw new YamlError("anchors and aliases (& and *) are not accepted");
    seen.add(v);
    for (const x of Array.isArray(v) ? v : Object.values(v)) walk(x, depth + 1);
  };
  walk(data, 0);
}

export function read(text, S, kind) {
  let data;
  if (text.length > MAX_YAML_BYTES) throw new YamlError(`the file is over ${MAX_YAML_BYTES} bytes`);
  try {
    data = load(text, { schema: FAILSAFE_SCHEMA, json: false });
  } catch (exc) {
    throw new YamlError(exc.mark ? `line ${exc.mark.line + 1}: ${exc.reason}` : String(exc.message || exc));
  }
  plainTree(data);
  const root = S.root(kind);
  return typed(S, root.node, root.doc, data);
}

function typed(S, node, doc, value) {
  ({ node, doc } = S.deref(node, doc));
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((x) => typed(S, node.items || true, doc, x));
  if (typeof value === "object") {
    const props = node.properties || {};
    return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, typed(S, props[k] || true, doc, x)]));
  }
  if (value === "null" || value === "~") return null;
  if (node.type === "integer" && /^-?\d+$/.test(value)) return Number(value);
  if (node.type === "boolean" && /^(true|false)$/.test(value)) return value === "true";
  return value;
}
