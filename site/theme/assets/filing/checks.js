// The event-level checks the page can make without the rest of the registry, each said where the
// field is: the accounting port's findings on a line (A5xx), the phase dates (R3xx), line and
// retirement ids used twice, serial blocks adding up to the quantity (R504), every category of the
// required scope accounted or excluded (R404), the activity's source where the rules require it (R406), attachments present with their digest, and a
// declaration resting on retirements that cover its scope (R701). carbonreg check runs them all again.
import { computeLine } from "../accounting/compute.js";
import { asReportLine } from "../accounting/estimate.js";
import { rulesInForce, factorSetInForce } from "../accounting/in_force.js";
import { pruned } from "./form.js";

const ACCOUNTING = {
  A501: ["缺省因子键不在当日生效的因子集中；请从列表中选择", "the default factor key is not in the factor set in force; choose one from the list"],
  A502: ["因子的类别（或出行方式、气体）与本行不符；请选择本行类别的因子", "the factor's category (or travel mode, gas) differs from the line's; choose a factor of this line's category"],
  A503: ["活动数据单位与因子单位不能换算；请改单位或给出密度", "the activity unit cannot be converted to the factor's unit; change the unit or give a density"],
  A504: ["质量与体积换算需要密度", "converting between mass and volume needs a density"],
  A505: ["举办日期没有生效的缺省因子集；请改用实测因子", "no default factor set is in force on the hosting date; use a measured factor"],
  A507: ["实测因子为 0 时须填写绿色电力编号与证明", "a measured factor of 0 needs the green power ids and proof"],
  A508: ["绿色电力只能用于外购电力行", "green power belongs on purchased-electricity lines only"],
  A521: ["以 m3 计的气体须填写计量状态（温度 ℃、绝对压力 kPa）；或自行换算为 Nm3：Nm3 = m3 × (p ÷ 101.325) × (273.15 ÷ (273.15 + t))",
         "a gas in m3 needs its metering conditions (°C, absolute kPa); or convert it to Nm3 yourself: Nm3 = m3 × (p ÷ 101.325) × (273.15 ÷ (273.15 + t))"],
  A522: ["人夜换算为间夜需要每间住宿人数", "guest-nights need the guests per room to become room-nights"],
  A523: ["计量状态不可能：温度须高于 -273.15 ℃，绝对压力须大于 0", "impossible metering conditions: the temperature must be above -273.15 °C and the absolute pressure above 0"],
};
const FIELD = { A501: ["factor", "key"], A502: ["factor", "key"], A503: ["activity", "unit"], A504: ["density"], A505: ["factor", "source"],
                A507: ["factor", "value"], A508: ["green_power"], A521: ["activity", "unit"], A522: ["activity", "unit"],
                A523: ["conditions"] };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function eventProblems(registry, state, records, computable) {
  const out = [];
  const add = (prefix, file, path, zh, en) => out.push({ prefix, file, path, zh, en });
  const plan = state.plan;
  const phases = plan.phases || {};
  for (const [name, p] of Object.entries(phases)) {
    if (p && DATE.test(p.start || "") && DATE.test(p.end || "") && p.end < p.start) {
      add("plan", "plan.yaml", ["phases", name, "end"], "结束日期早于开始日期", "the end date is before the start date");
    }
  }
  const h = phases.hosting || {};
  if (plan.id && DATE.test(h.start || "") && !plan.id.startsWith(h.start.slice(0, 4))) {
    add("plan", "plan.yaml", ["id"], `活动编号应以举办开始年份 ${h.start.slice(0, 4)} 开头`, `the event id starts with the year the hosting phase starts, ${h.start.slice(0, 4)}`);
  }
  const start = DATE.test(h.start || "") ? h.start : null;
  const rules = start ? rulesInForce(registry, start) : null, fset = start ? factorSetInForce(registry, start) : null;
  if (start && !rules) add("plan", "plan.yaml", ["phases", "hosting", "start"], "这一天没有生效的规则", "no rules are in force on this date");
  if (rules) {  // the plan's estimate (Art. 9): lines where the rules ask for them, each computed as the report's
    const plain = pruned(plan) || {};
    const items = (plain.estimate && plain.estimate.lines) || [];
    if (rules.plan_estimate === "lines" && !items.length) {
      add("plan", "plan.yaml", ["estimate", "lines"], `E101 规则 ${rules.id} 要求以预估行计算预估排放量（第九条）：请添加预估行，每个排放源一行`,
          `E101 the rules ${rules.id} require the estimate to be computed from estimate lines (Art. 9): add estimate lines, one per emission source`);
    }
    items.forEach((item, i) => {
      if (!item.category || !item.activity || !item.activity.unit || !item.factor || !item.factor.key) return;
      if ((item.activity.people === undefined ? item.activity.amount : item.activity.per_person) === undefined) return;
      let result;
      try { result = computeLine(asReportLine(item), i, rules, fset); } catch (exc) { return; }
      if (result.error && ACCOUNTING[result.error.code]) {
        const [zh, en] = ACCOUNTING[result.error.code];
        const code = { A501: "E103", A502: "E104", A503: "E105", A504: "E106", A505: "E107" }[result.error.code] || result.error.code;
        add("plan", "plan.yaml", ["estimate", "lines", i, ...FIELD[result.error.code]], `${code} ${zh}`, `${code} ${en}`);
      }
    });
  }
  const lines = state.report.lines || [];
  const seen = new Map();
  lines.forEach((raw, i) => {
    const line = pruned(raw) || {};
    if (line.id) {
      if (seen.has(line.id)) add("report", "report.yaml", ["lines", i, "id"], `行编号 ${line.id} 已用于第 ${seen.get(line.id) + 1} 行`, `line id ${line.id} is already used by line ${seen.get(line.id) + 1}`);
      else seen.set(line.id, i);
    }
    if (rules && rules.activity_source === "required" && !(line.activity && line.activity.source)) {
      add("report", "report.yaml", ["lines", i, "activity", "source"], `R406 规则 ${rules.id} 要求每行写明活动数据来源（metered、invoiced、surveyed 或 estimated）`,
          `R406 the rules ${rules.id} require every line to state where its activity data comes from (metered, invoiced, surveyed or estimated)`);
    }
    if (!rules || !line.factor || !line.activity || !line.activity.unit || !line.category) return;
    let result;
    try { result = computeLine(line, i, rules, fset); } catch (exc) { return; }
    if (result.error && ACCOUNTING[result.error.code]) {
      const [zh, en] = ACCOUNTING[result.error.code];
      add("report", "report.yaml", ["lines", i, ...FIELD[result.error.code]], `${result.error.code} ${zh}`, `${result.error.code} ${en}`);
    }
  });
  const event = computable();
  if (rules && event.report && rules.scope_completeness === "every_category") {
    const scope = rules.required_scope === "full" ? [...rules.scopes.basic.categories, ...rules.scopes.extended.categories] : rules.scopes.basic.categories;
    const covered = new Set([...event.report.lines.filter((l) => l.activity && Number(l.activity.amount) > 0).map((l) => l.category),
                             ...(state.report.exclusions || []).map((x) => x && x.category)]);
    const missing = scope.filter((c) => !covered.has(c));
    if (missing.length) {
      add("report", "report.yaml", ["exclusions"], `R404 必须核算的范围中这些类别既没有排放行也没有排除说明：${missing.join("、")}；请添加排放行，或在“排除的类别”中说明理由`,
          `R404 these categories of the required scope have neither a line nor an exclusion: ${missing.join(", ")}; add a line, or an exclusion with its reason`);
    }
  }
  const ids = new Map();
  state.retirements.forEach((r, i) => {
    const prefix = `ret${i}`, file = `retirements/${r.id || "?"}.yaml`;
    if (r.id) {
      if (ids.has(r.id)) add(prefix, file, ["id"], `注销证明编号 ${r.id} 重复`, `retirement id ${r.id} is used twice`);
      ids.set(r.id, i);
    }
    let sum = 0n, whole = true;
    for (const s of Array.isArray(r.serials) ? r.serials : []) {
      if (!s || !/^\d+$/.test(s.first || "") || !/^\d+$/.test(s.last || "")) { whole = false; continue; }
      const n = BigInt(s.last) - BigInt(s.first) + 1n;
      if (n <= 0n) { whole = false; continue; }
      sum += n;
    }
    if (whole && Number.isInteger(r.quantity) && Array.isArray(r.serials) && r.serials.length && sum !== BigInt(r.quantity)) {
      add(prefix, file, ["quantity"], `R504 序列号区段合计 ${sum}，与注销数量 ${r.quantity} 不符`, `R504 the serial blocks add up to ${sum}, not the quantity ${r.quantity}`);
    }
  });
  for (const [kind, name, record] of records()) {
    const prefix = kind === "retirement" ? `ret${state.retirements.findIndex((r) => `retirements/${r.id || "?"}.yaml` === name)}` : kind;
    (record.attachments || []).forEach((a, i) => {
      if (!a.sha256) add(prefix, name, ["attachments", i], `附件 ${a.path} 尚未添加；请在“附件”中选择该文件`, `attachment ${a.path} is not added; choose the file under Attachments`);
    });
  }
  return out;
}
