// The form of one record, built from its published schema: an object is a group of fields, a text
// ({zh, en}) two inputs, a list of objects items with add/remove, a list of values checkboxes (where a
// list of choices exists) or one value per line, a value a select (choices), a date input, or a text
// input. Fields the schema's if/then makes required are shown, those it forbids are dropped, optional
// ones sit under "more fields". No field is written by hand here: a new schema field appears as is.
import { bilingualTitle, fieldStates } from "./schema.js";

export const patternOf = (path) => path.map((p) => (typeof p === "number" ? "*" : p)).join(".");
const domId = (prefix, path) => `${prefix}-${path.join("-")}`.replace(/[^A-Za-z0-9_-]/g, "_");

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") e.textContent = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

// The record without what the form holds but nobody filled: empty texts, groups and lists.
export function pruned(value) {
  if (Array.isArray(value)) return value.map(pruned).filter((x) => x !== undefined);
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) { const p = pruned(v); if (p !== undefined) out[k] = p; }
    return Object.keys(out).length ? out : undefined;
  }
  return value === "" || value === null || value === undefined ? undefined : value;
}

export function isText(node) {
  const keys = Object.keys(node.properties || {});
  return keys.length === 2 && keys.includes("zh") && keys.includes("en");
}

// ctx: {S, lang, labels, words, enumNames, choices(kind, pattern, path), hidden(kind, pattern), requiredByRules(kind, pattern),
//       attachmentPaths(), changed(kind), structure(kind), fields: Map(key -> {wrap, input, problem})}
export class RecordForm {
  constructor(ctx, kind, prefix, record) { Object.assign(this, { ctx, kind, prefix, record }); }

  pick(pair) { return this.ctx.lang === "zh" ? pair[0] : pair[1]; }

  label(path, node, ref) {
    const text = this.rawLabel(path, node, ref);
    return text.charAt(0).toUpperCase() + text.slice(1);  // the spreadsheet's words are lower-case for composing
  }

  rawLabel(path, node, ref) {
    const key = [...path].reverse().find((p) => typeof p === "string") || "";
    const leaf = this.ctx.labels[this.kind][patternOf(path)];
    if (leaf && leaf[1] !== patternOf(path)) return this.pick(leaf);
    if (node.properties && this.ctx.words[key]) return this.pick(this.ctx.words[key]);
    const title = bilingualTitle(node);
    if (title && !(ref && ["text", "date", "decimal", "positiveDecimal"].includes(ref) && this.ctx.words[key])) return this.pick(title);
    return this.ctx.words[key] ? this.pick(this.ctx.words[key]) : key;
  }

  render(container) {
    container.replaceChildren();
    const { node, doc } = this.ctx.S.root(this.kind);
    this.object(container, node, doc, this.record, []);
  }

  object(parentEl, node, doc, obj, path) {
    const S = this.ctx.S;
    ({ node, doc } = S.deref(node, doc));
    const states = fieldStates(S, node, doc, obj);
    const more = el("div", { class: "more-fields" });
    let extra = 0;
    for (const [key, sub] of Object.entries(node.properties || {})) {
      const p = [...path, key];
      if (states[key] === "forbidden") { delete obj[key]; continue; }
      if (this.ctx.requiredByRules(this.kind, patternOf(p))) states[key] = "required";
      if (this.ctx.hidden(this.kind, patternOf(p))) continue;
      if (states[key] === "required") this.prop(parentEl, sub, doc, obj, key, p, true);
      else { this.prop(more, sub, doc, obj, key, p, false); extra++; }
    }
    if (extra) {
      const open = [...more.querySelectorAll("input,select,textarea")].some((i) => (i.type === "checkbox" ? i.checked : i.value));
      parentEl.append(el("details", { class: "optional", open: open || null },
        el("summary", { text: this.pick(["更多字段（选填）", "More fields (optional)"]) }), more));
    }
  }

  register(path, wrap, input) {
    const problem = el("p", { class: "problem", id: `${domId(this.prefix, path)}-problem`, hidden: true });
    wrap.append(problem);
    if (input) input.setAttribute("aria-describedby", problem.id);
    this.ctx.fields.set(`${this.prefix}:${path.join(".")}`, { wrap, input, problem });
  }

  prop(parentEl, node, doc, obj, key, path, required) {
    const S = this.ctx.S;
    const { node: n, doc: d, ref } = S.deref(node, doc);
    const name = this.label(path, n, ref);
    if (n.properties && isText(n)) {
      const box = el("fieldset", { class: "group text-pair" }, el("legend", { text: name + (required ? " *" : "") }));
      const value = obj[key] && typeof obj[key] === "object" ? obj[key] : (obj[key] = {});
      for (const lang of ["zh", "en"]) this.scalar(box, n.properties[lang], d, value, lang, [...path, lang], true, this.pick(lang === "zh" ? ["中文", "Chinese"] : ["英文", "English"]));
      this.register(path, box, null);
      parentEl.append(box);
    } else if (n.properties) {
      const box = el("fieldset", { class: "group" }, el("legend", { text: name + (required ? " *" : "") }));
      const value = obj[key] && typeof obj[key] === "object" ? obj[key] : (obj[key] = {});
      this.register(path, box, null);
      this.object(box, n, d, value, path);
      parentEl.append(box);
    } else if (n.type === "array") {
      const items = S.deref(n.items || {}, d);
      if (items.node.properties) this.list(parentEl, n, items, obj, key, path, name, required);
      else this.values(parentEl, items, obj, key, path, name, required);
    } else {
      this.scalar(parentEl, node, doc, obj, key, path, required, name);
    }
  }

  list(parentEl, n, items, obj, key, path, name, required) {
    const list = Array.isArray(obj[key]) ? obj[key] : (obj[key] = []);
    const box = el("fieldset", { class: "group list" }, el("legend", { text: name + (required ? " *" : "") }));
    this.register(path, box, null);
    list.forEach((item, i) => {
      const itemBox = el("fieldset", { class: "item", "data-item": `${patternOf(path)}.${i}` },
        el("legend", { text: `${name} ${i + 1}` }));
      this.object(itemBox, items.node, items.doc, item, [...path, i]);
      itemBox.append(el("button", { type: "button", class: "remove", text: this.pick(["删除此项", "Remove this item"]) + ` (${name} ${i + 1})`,
        onclick: () => { list.splice(i, 1); this.ctx.structure(this.kind); } }));
      box.append(itemBox);
    });
    box.append(el("button", { type: "button", class: "add", "data-add": `${this.prefix}:${patternOf(path)}`, text: this.pick(["添加", "Add"]) + ` ${name}`,
      onclick: () => { list.push({}); this.ctx.structure(this.kind, `${this.prefix}:${patternOf(path)}`); } }));
    parentEl.append(box);
  }

  values(parentEl, items, obj, key, path, name, required) {
    const choices = this.choices(path, items.node, items.ref);
    const id = domId(this.prefix, path);
    if (choices) {
      const chosen = new Set(Array.isArray(obj[key]) ? obj[key] : []);
      const box = el("fieldset", { class: "group choices" }, el("legend", { text: name + (required ? " *" : "") }));
      for (const c of choices) {
        const cb = el("input", { type: "checkbox", id: `${id}-${c.value}`.replace(/[^A-Za-z0-9_-]/g, "_"), value: c.value, checked: chosen.has(c.value) || null,
          onchange: () => { const v = [...box.querySelectorAll("input:checked")].map((i) => i.value); if (v.length) obj[key] = v; else delete obj[key]; this.ctx.changed(this.kind); } });
        box.append(el("label", { class: "check" }, cb, document.createTextNode(" " + c.label)));
      }
      this.register(path, box, null);
      parentEl.append(box);
      return;
    }
    const wrap = el("div", { class: "field" });
    const input = el("textarea", { id, rows: 3, spellcheck: "false",
      oninput: (e) => { const v = e.target.value.split(/[\n,，]/).map((s) => s.trim()).filter(Boolean); if (v.length) obj[key] = v; else delete obj[key]; this.ctx.changed(this.kind); } });
    input.value = Array.isArray(obj[key]) ? obj[key].join("\n") : "";
    wrap.append(el("label", { for: id, text: name + (required ? " *" : "") }), el("small", { class: "hint", text: this.pick(["每行一项", "one per line"]) }), input);
    this.register(path, wrap, input);
    parentEl.append(wrap);
  }

  choices(path, node, ref) {
    const given = this.ctx.choices(this.kind, patternOf(path), path, this.record);
    if (given) return given;
    if (!node.enum) return null;
    const names = this.ctx.enumNames[ref] || {};
    return node.enum.map((v) => ({ value: String(v), label: names[v] ? `${this.pick(names[v])} (${v})` : String(v) }));
  }

  scalar(parentEl, node, doc, obj, key, path, required, name) {
    const { node: n, ref } = this.ctx.S.deref(node, doc);
    const id = domId(this.prefix, path);
    const wrap = el("div", { class: "field" });
    const attachment = typeof n.pattern === "string" && n.pattern.startsWith("^attachments/");
    const choices = attachment ? this.ctx.attachmentPaths().map((p) => ({ value: p, label: p.slice("attachments/".length) })) : this.choices(path, n, ref);
    const current = obj[key] === undefined || obj[key] === null ? "" : String(obj[key]);
    let input;
    const set = (raw) => {
      const v = raw.trim();
      if (v === "") delete obj[key];
      else obj[key] = n.type === "integer" && /^-?\d+$/.test(v) ? Number(v) : v;
    };
    if (choices) {
      input = el("select", { id, onchange: (e) => { set(e.target.value); this.ctx.structure(this.kind, id); } },
        el("option", { value: "", text: attachment && !choices.length ? this.pick(["（先在“附件”中添加文件）", "(add files under Attachments first)"]) : "—" }));
      for (const c of choices) input.append(el("option", { value: c.value, text: c.label, selected: c.value === current || null }));
      if (current && !choices.some((c) => c.value === current)) input.append(el("option", { value: current, text: current, selected: true }));
    } else {
      const date = n.format === "date";
      const numeric = n.type === "integer" || (n.anyOf && n.anyOf.some((x) => x.type === "number"));
      input = el("input", { id, type: date ? "date" : "text", inputmode: numeric ? "decimal" : null, autocomplete: "off", spellcheck: "false",
        oninput: (e) => { set(e.target.value); this.ctx.changed(this.kind, path); },
        onchange: date ? () => this.ctx.structure(this.kind, id) : null });
      input.value = current;
    }
    if (required) input.setAttribute("aria-required", "true");
    wrap.append(el("label", { for: id, text: name + (required ? " *" : "") }), input);
    this.register(path, wrap, input);
    parentEl.append(wrap);
  }
}
