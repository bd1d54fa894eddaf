// The filing page (/file/, /en/file/): state, the records' forms, live totals from the accounting
// port, attachments hashed with WebCrypto, checks before export, the event folder as a zip, and an
// event's zip loaded back to continue. Everything runs here; nothing is sent anywhere.
import { makeSchemas, validate } from "./schema.js";
import { RecordForm, patternOf, pruned } from "./form.js";
import { recordFile, read } from "./yaml.js";
import { readZip, writeZip, ZipError } from "./zip.js";
import { eventProblems } from "./checks.js";
import { computeEvent } from "../accounting/compute.js";
import { factorSetInForce, rulesInForce } from "../accounting/in_force.js";
import { Q } from "../accounting/rational.js";

const root = document.getElementById("filing");
const data = JSON.parse(document.getElementById("filing-data").textContent);
const L = JSON.parse(root.dataset.labels);
const lang = root.dataset.lang;
const S = makeSchemas(data.schemas);
const pick = (pair) => (lang === "zh" ? pair[0] : pair[1]);
const utf8 = new TextEncoder();
const registry = { jurisdiction: data.jurisdiction, rules: data.rules, factor_sets: data.factor_sets, revocations: [] };

const state = { plan: {}, report: { lines: [] }, retirements: [], declaration: {}, withDeclaration: false,
                files: [], loaded: new Map() };  // loaded: zip name -> {bytes, json} of files read back

const hostingStart = () => (state.plan.phases && state.plan.phases.hosting && state.plan.phases.hosting.start) || "";
const inForce = () => {
  const day = hostingStart();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return { rules: null, fset: null };
  return { rules: rulesInForce(registry, day), fset: factorSetInForce(registry, day) };
};
const named = (names, value) => (names && names[value] ? `${pick(names[value])} (${value})` : value);

function choices(kind, pattern, path, record) {
  const { rules, fset } = inForce();
  const cats = (names) => (rules ? [...new Set([...rules.scopes.basic.categories, ...rules.scopes.extended.categories])].sort()
    .map((c) => ({ value: c, label: named(names, c) })) : null);
  switch (`${kind}:${pattern}`) {
    case "plan:venue.district":
      return rules ? Object.entries(rules.districts).map(([k, v]) => ({ value: k, label: `${lang === "zh" ? v.zh : v.en} (${k})` })) : null;
    case "report:lines.*.category": case "report:exclusions.*.category": case "plan:estimate.lines.*.category":
      return cats(data.enum_names.category);
    case "report:lines.*.factor.key": case "plan:estimate.lines.*.factor.key": {
      if (!fset) return null;
      const line = (kind === "plan" ? record.estimate.lines[path[2]] : record.lines[path[1]]) || {};
      const seen = new Set(), out = [];
      for (const f of fset.factors) {
        if (seen.has(f.key)) continue;
        seen.add(f.key);
        if (line.category && f.category !== line.category) continue;
        if (f.mode && line.mode && f.mode !== line.mode) continue;
        out.push({ value: f.key, label: `${lang === "zh" ? f.name.zh : f.name.en} · ${f.value} ${f.unit}${f.status === "official" ? "" : " · " + f.status} (${f.key})` });
      }
      return out;
    }
    case "retirement:kind": case "plan:offset_plan.kinds":
      return rules ? rules.offsets.map((o) => ({ value: o.kind, label: `${lang === "zh" ? o.label.zh : o.label.en} (${o.kind})` })) : null;
    case "declaration:retirements":
      return state.retirements.map((r) => r.id).filter(Boolean).map((id) => ({ value: id, label: id }));
    default: return null;
  }
}

// Filled in by the page, never typed: the event id in the other records and their attachment lists.
const DERIVED = new Set(["report:event", "retirement:event", "retirement:beneficiary.event", "declaration:event",
  "report:attachments", "retirement:attachments", "plan:attachments", "declaration:attachments"]);
const hidden = (kind, pattern) => DERIVED.has(`${kind}:${pattern}`);
// Fields the schema leaves optional but the rules version in force requires (R406: activity.source).
// Fields the schema leaves optional but the rules version in force requires (R406: activity.source;
// E101: the plan's estimate lines).
const requiredByRules = (kind, pattern) => {
  const { rules } = inForce();
  if (!rules) return false;
  const field = `${kind}:${pattern}`;
  return (rules.activity_source === "required" && field === "report:lines.*.activity.source")
    || (rules.plan_estimate === "lines" && field === "plan:estimate.lines");
};

const ctx = { S, lang, labels: data.labels, words: data.words, enumNames: data.enum_names, choices, hidden, requiredByRules,
              attachmentPaths: () => state.files.map((f) => f.path), fields: new Map(),
              changed: () => update(), structure: (kind, focusId) => { renderAll(); update(); refocus(focusId); } };

function refocus(id) {
  if (!id) return;
  const target = document.getElementById(id) || document.querySelector(`[data-add="${id}"]`);
  if (target) target.focus();
}

// --- records as they will be written -------------------------------------------------------------

function attachmentsOf(record) {
  const paths = new Set();
  const walk = (v, key) => {
    if (key === "attachments") return;
    if (typeof v === "string" && v.startsWith("attachments/")) paths.add(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(record);
  const titled = new Map((Array.isArray(record.attachments) ? record.attachments : []).filter((a) => a && a.title).map((a) => [a.path, a.title]));
  return [...paths].sort().map((p) => {
    const f = state.files.find((x) => x.path === p);
    return { path: p, sha256: f ? f.sha256 : "", title: titled.get(p) || { zh: p.slice(12), en: p.slice(12) } };
  });
}

function withDerived(kind, record) {
  const id = state.plan.id;
  const out = pruned(record) || {};
  if (kind !== "plan" && id) out.event = id;
  if (kind === "retirement" && id) out.beneficiary = { ...(out.beneficiary || {}), event: id };
  const order = Object.keys((S.root(kind).node.properties) || {});
  if (order.includes("attachments")) {
    const list = attachmentsOf(out);
    if (list.length) out.attachments = list; else delete out.attachments;
  }
  return Object.fromEntries(order.filter((k) => k in out).map((k) => [k, out[k]]));  // the schema's field order
}

function records() {
  const out = [["plan", "plan.yaml", withDerived("plan", state.plan)]];
  if ((state.report.lines || []).length) out.push(["report", "report.yaml", withDerived("report", state.report)]);
  state.retirements.forEach((r) => out.push(["retirement", `retirements/${r.id || "?"}.yaml`, withDerived("retirement", r)]));
  if (state.withDeclaration) out.push(["declaration", "declaration.yaml", withDerived("declaration", state.declaration)]);
  return out;
}

// --- totals -----------------------------------------------------------------------------------------

function computable() {
  const [plan] = records()[0].slice(2);
  const lineNode = S.root("report").node.$defs.line, reportDoc = S.root("report").doc;
  const report = state.report.lines.length ? withDerived("report", state.report) : null;
  if (report) report.lines = report.lines.filter((l) => validate(S, lineNode, reportDoc, l).length === 0);
  if (plan && plan.estimate && plan.estimate.lines) {  // only complete estimate lines count, as only complete report lines do
    const planRoot = S.root("plan");
    plan.estimate = { ...plan.estimate, lines: plan.estimate.lines.filter((l) => validate(S, planRoot.node.$defs.estimateLine, planRoot.doc, l).length === 0) };
    if (!plan.estimate.lines.length) delete plan.estimate.lines;
  }
  const retirements = state.retirements.map((r) => withDerived("retirement", r)).filter((r) => Number.isInteger(r.quantity) && r.retired_on && r.id);
  return { plan, report, retirements, declaration: null };
}

const fmt = (q) => {  // 0.1 t, half up, as every page of the site shows emissions; the exact value is on data-exact
  const n = q.num * 10n, d = q.den;
  const s = ((n * 2n + d) / (2n * d)).toString().padStart(2, "0");
  return `${s.slice(0, -1)}.${s.slice(-1)}`;
};

function showTotals() {
  const box = document.getElementById("filing-totals-body");
  const event = computable();
  let account = null;
  const hosting = event.plan && event.plan.phases && event.plan.phases.hosting;
  if (hosting && /^\d{4}-\d{2}-\d{2}$/.test(hosting.start || "") && /^\d{4}-\d{2}-\d{2}$/.test(hosting.end || "") && event.plan.offset_plan) {
    try { account = computeEvent(registry, event, new Date().toISOString().slice(0, 10)); } catch (exc) { account = null; }
  }
  if (!account) { box.replaceChildren(Object.assign(document.createElement("p"), { textContent: L.totals_need_dates })); return null; }
  const row = (key, value, exact) => `<tr data-total="${key}"${exact ? ` data-exact="${exact}"` : ""}><th scope="row">${L[key]}</th><td>${value}</td></tr>`;
  const level = data.enum_names.level[account.level];
  box.innerHTML = `<table class="totals"><tbody>
    ${account.estimate ? row("estimate_total", `${fmt(account.estimate.total)} tCO₂e`, account.estimate.total.toString()) : ""}
    ${row("total_basic", `${fmt(account.basic)} tCO₂e`, account.basic.toString())}
    ${row("total_extended", `${fmt(account.extended)} tCO₂e`, account.extended.toString())}
    ${row("total_all", `${fmt(account.total)} tCO₂e`, account.total.toString())}
    ${row("needed_basic", `${account.needed_basic} t`, String(account.needed_basic))}
    ${row("needed_full", `${account.needed_full} t`, String(account.needed_full))}
    ${row("retired", `${account.retired} t`, String(account.retired))}
    ${row("level", level ? pick(level) : account.level, account.level)}
  </tbody></table>
  <p class="muted">${L.lines_counted.replace("{n}", account.lines.length).replace("{m}", state.report.lines.length)}</p>`;
  return account;
}

// --- checks -----------------------------------------------------------------------------------------

function problems() {
  const out = [];
  const prefixes = { plan: "plan", report: "report", declaration: "declaration" };
  for (const [kind, name, record] of records()) {
    const prefix = kind === "retirement" ? `ret${state.retirements.findIndex((r) => `retirements/${r.id || "?"}.yaml` === name)}` : prefixes[kind];
    const { node, doc } = S.root(kind);
    for (const p of validate(S, node, doc, record)) {
      if (hidden(kind, patternOf(p.path.slice(0, 2))) && p.path[0] !== "attachments") continue;  // the event id: said once, at plan.yaml id
      out.push({ ...p, prefix, file: name });
    }
  }
  for (const p of eventProblems(registry, state, records, computable)) out.push(p);
  return out;
}

function fieldFor(prefix, path) {  // the field of a path, or of its nearest ancestor with the rest of the path
  const steps = [...path];
  while (steps.length) {
    const f = ctx.fields.get(`${prefix}:${steps.join(".")}`);
    if (f) return { ...f, rest: path.slice(steps.length) };
    steps.pop();
  }
  return null;
}

function showProblems(list) {
  for (const f of ctx.fields.values()) { f.problem.hidden = true; f.problem.textContent = ""; if (f.input) f.input.removeAttribute("aria-invalid"); }
  const summary = document.getElementById("filing-problems");
  summary.replaceChildren();
  for (const p of list) {
    const f = fieldFor(p.prefix, p.path);
    const text = pick([p.zh, p.en]);
    const where = `${p.file} ${p.path.map((x) => (typeof x === "number" ? x + 1 : x)).join(".")}`;  // items counted from 1
    if (f) {
      f.problem.hidden = false;
      f.problem.textContent = (f.problem.textContent ? f.problem.textContent + (lang === "zh" ? "；" : "; ") : "") + (f.rest.length ? `${f.rest.join(".")}: ${text}` : text);
      if (f.input) f.input.setAttribute("aria-invalid", "true");
      f.wrap.closest("details")?.setAttribute("open", "");
    }
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = f && f.input ? `#${f.input.id}` : f ? `#${f.problem.id}` : "#filing";
    link.textContent = `${where}: ${text}`;
    item.append(link);
    summary.append(item);
  }
  document.getElementById("filing-problems-box").hidden = list.length === 0;
}

// --- rendering --------------------------------------------------------------------------------------

function section(id) { return document.getElementById(id); }

function renderAll() {
  ctx.fields.clear();
  new RecordForm(ctx, "plan", "plan", state.plan).render(section("form-plan"));
  new RecordForm(ctx, "report", "report", state.report).render(section("form-report"));
  const rets = section("form-retirements");
  rets.replaceChildren();
  state.retirements.forEach((r, i) => {
    const box = document.createElement("fieldset");
    box.className = "item";
    box.innerHTML = `<legend>${L.retirement} ${i + 1}</legend>`;
    const body = document.createElement("div");
    new RecordForm(ctx, "retirement", `ret${i}`, r).render(body);
    const remove = document.createElement("button");
    remove.type = "button"; remove.className = "remove"; remove.textContent = `${L.remove} (${L.retirement} ${i + 1})`;
    remove.onclick = () => { state.retirements.splice(i, 1); ctx.structure(); };
    box.append(body, remove);
    rets.append(box);
  });
  const decl = section("form-declaration");
  decl.hidden = !state.withDeclaration;
  if (state.withDeclaration) new RecordForm(ctx, "declaration", "declaration", state.declaration).render(decl);
  else decl.replaceChildren();
  renderFiles();
  section("filing-date").value = hostingStart();
  const { rules, fset } = inForce();
  section("filing-in-force").textContent = rules ? L.in_force.replace("{rules}", rules.id).replace("{factors}", fset ? fset.id : "—") : L.no_date_yet;
}

function renderFiles() {
  const list = section("filing-files");
  list.replaceChildren();
  state.files.forEach((f, i) => {
    const item = document.createElement("li");
    item.innerHTML = `<span class="file-name"></span> · ${f.bytes.length} B<br><code class="hash"></code> `;
    item.querySelector(".file-name").textContent = f.path;
    item.querySelector(".hash").textContent = `SHA-256 ${f.sha256}`;
    const remove = document.createElement("button");
    remove.type = "button"; remove.textContent = `${L.remove} (${f.path.slice(12)})`;
    remove.onclick = () => { state.files.splice(i, 1); ctx.structure(); };
    item.append(remove);
    list.append(item);
  });
}

function update() {
  showTotals();
  if (!section("filing-problems-box").hidden) showProblems(problems());
}

// --- attachments ------------------------------------------------------------------------------------

const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");

export function safeName(name) {
  const base = name.split(/[\\/]/).pop().normalize("NFKD").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+/, "").slice(-100);
  return base || "file";
}

async function addFile(name, bytes) {
  if (!globalThis.crypto || !crypto.subtle) throw new Error(L.no_webcrypto);
  const sha256 = hex(await crypto.subtle.digest("SHA-256", bytes));
  let path = `attachments/${safeName(name)}`;
  const existing = state.files.find((f) => f.path === path);
  if (existing && existing.sha256 === sha256) return;
  for (let n = 2; state.files.some((f) => f.path === path); n++) path = `attachments/${n}-${safeName(name)}`;
  state.files.push({ path, bytes, sha256 });
}

// --- export and load --------------------------------------------------------------------------------

function zipEntries() {
  const id = state.plan.id;
  const entries = [];
  for (const [kind, name, record] of records()) {
    const before = state.loaded.get(name);
    const bytes = before && before.json === JSON.stringify(record) ? before.bytes : utf8.encode(recordFile(kind, record, data.schema_url));
    entries.push([`${id}/${name}`, bytes]);
  }
  for (const f of [...state.files].sort((a, b) => (a.path < b.path ? -1 : 1))) entries.push([`${id}/${f.path}`, f.bytes]);
  return entries;
}

function exportZip() {
  const list = problems();
  showProblems(list);
  const out = section("filing-export-result");
  if (list.length) {
    out.textContent = L.fix_first.replace("{n}", list.length);
    section("filing-problems-box").querySelector("h3").focus();
    return;
  }
  const id = state.plan.id;
  const zip = writeZip(zipEntries());
  const url = URL.createObjectURL(new Blob([zip], { type: "application/zip" }));
  const a = document.createElement("a");
  a.href = url; a.download = `${id}.zip`;
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  const year = id.slice(0, 4);
  out.innerHTML = `<p>${L.exported.replace("{file}", `<code>${id}.zip</code>`)}</p><ol><li>${L.step_pr.replace("{dir}", `<code>registry/events/${year}/</code>`)}</li><li>${L.step_mail}</li></ol>
    <pre class="cmd"><code>carbonreg import ${id}.zip --into registry/events/${year}/${id}/\ncarbonreg check registry</code></pre>`;
  out.focus();
}

async function loadZip(file) {
  const msg = section("filing-load-result");
  try {
    const entries = await readZip(new Uint8Array(await file.arrayBuffer()));
    const names = entries.map(([n]) => n);
    const top = names.every((n) => n.includes("/")) && new Set(names.map((n) => n.split("/")[0])).size === 1 ? names[0].split("/")[0] + "/" : "";
    const fresh = { plan: null, report: { lines: [] }, retirements: [], declaration: {}, withDeclaration: false, files: [], loaded: new Map() };
    for (const [full, bytes] of entries) {
      const name = full.slice(top.length);
      const kind = name === "plan.yaml" ? "plan" : name === "report.yaml" ? "report" : name === "declaration.yaml" ? "declaration"
        : /^retirements\/[^/]+\.yaml$/.test(name) ? "retirement" : null;
      if (kind) {
        let record;
        try { record = read(new TextDecoder().decode(bytes), S, kind); } catch (exc) { exc.where = name; throw exc; }
        fresh.loaded.set(name, { bytes, kind, record });
        if (kind === "plan") fresh.plan = record;
        else if (kind === "report") fresh.report = record;
        else if (kind === "declaration") { fresh.declaration = record; fresh.withDeclaration = true; }
        else fresh.retirements.push(record);
      } else if (name.startsWith("attachments/")) {
        fresh.files.push({ path: name, bytes, sha256: hex(await crypto.subtle.digest("SHA-256", bytes)) });
      }
    }
    if (!fresh.plan) throw new ZipError("zip 中没有 plan.yaml", "the zip has no plan.yaml");
    Object.assign(state, fresh);
    for (const x of state.loaded.values()) x.json = JSON.stringify(withDerived(x.kind, x.record));  // unchanged records keep their bytes
    state.retirements.sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
    renderAll(); update();
    msg.textContent = L.loaded.replace("{id}", state.plan.id || "?");
  } catch (exc) {
    msg.textContent = `${L.load_failed} ${exc.where ? exc.where + ": " : ""}${exc.zh ? pick([exc.zh, exc.en]) : exc.message}`;
  }
}

// --- wiring -----------------------------------------------------------------------------------------

section("filing-add-retirement").addEventListener("click", () => {
  state.retirements.push({});
  ctx.structure(); refocus(`ret${state.retirements.length - 1}-id`);
});
section("filing-with-declaration").addEventListener("change", (e) => {
  state.withDeclaration = e.target.checked;
  const d = state.declaration, plan = state.plan;  // what can be known, as carbonreg new declaration fills it
  if (state.withDeclaration) {
    if (!d.scope && plan.offset_plan && plan.offset_plan.target_scope) d.scope = plan.offset_plan.target_scope;
    if (!(d.retirements || []).length) d.retirements = state.retirements.map((r) => r.id).filter(Boolean);
    if (!d.declarant && plan.organizer && plan.organizer.name) d.declarant = { ...plan.organizer.name };
  }
  ctx.structure();
});
section("filing-attach").addEventListener("change", async (e) => {
  try {
    for (const f of e.target.files) await addFile(f.name, new Uint8Array(await f.arrayBuffer()));
  } catch (exc) { section("filing-files-result").textContent = exc.message; }
  e.target.value = "";
  ctx.structure();
});
section("filing-load").addEventListener("change", (e) => { if (e.target.files[0]) loadZip(e.target.files[0]); e.target.value = ""; });
section("filing-check").addEventListener("click", () => {
  const list = problems();
  showProblems(list);
  section("filing-export-result").textContent = list.length ? L.fix_first.replace("{n}", list.length) : L.all_good;
});
section("filing-export").addEventListener("click", exportZip);
section("filing-date").addEventListener("change", (e) => {  // the same field as plan phases.hosting.start
  const phases = state.plan.phases && typeof state.plan.phases === "object" ? state.plan.phases : (state.plan.phases = {});
  const hosting = phases.hosting && typeof phases.hosting === "object" ? phases.hosting : (phases.hosting = {});
  if (e.target.value) hosting.start = e.target.value; else delete hosting.start;
  ctx.structure(null, "filing-date");
});
root.hidden = false;
renderAll();
update();
