"""The standard templates (Art. 7) for a plan, a retirement proof and a self-declaration.

Each template lists every required field in schema order. A value the user gave is written as a
YAML double-quoted string (JSON escaping, so nothing they type can change the structure); a value
still to fill is ``""`` or ``null`` with a ``# TODO`` comment, which ``carbonreg check`` refuses
with the field's line until it is filled."""
from __future__ import annotations

import json

TODO = "# TODO 必填 / required"


def value(v, todo: str = TODO, empty: str = '""') -> str:
    """A scalar as YAML: given values quoted (numbers stay numbers), missing ones a TODO slot."""
    if v is None or v == "":
        return f"{empty}  {todo}"
    if isinstance(v, bool):
        raise TypeError("no booleans in templates")
    if isinstance(v, int):
        return str(v)
    return json.dumps(str(v), ensure_ascii=False)


def text(indent: str, key: str, zh, en) -> list[str]:
    return [f"{indent}{key}:", f"{indent}  zh: {value(zh)}", f"{indent}  en: {value(en)}"]


def header(schema_ref: str, zh: str, en: str) -> list[str]:
    return [f"# yaml-language-server: $schema={schema_ref}",
            f"# {zh} / {en}",
            "# 由 carbonreg new 按标准模板生成；填写每个 TODO 后运行 carbonreg check。"
            " / Made by carbonreg new from the standard template; fill every TODO, then run carbonreg check."]


def plan(schema_ref: str, v: dict) -> str:
    lines = header(schema_ref, "碳中和实施计划（第九条）", "Carbon neutrality plan (Art. 9)")
    lines += [f"id: {value(v['id'])}"]
    lines += text("", "name", v.get("name_zh"), v.get("name_en"))
    lines += [f"kind: {value(v.get('kind'), TODO + ': performance | sports | conference | exhibition | other')}"]
    lines += ["organizer:", "  # 作为组织公开；不要写联系人个人信息 / public as an organization; no personal contact details"]
    lines += text("  ", "name", v.get("organizer_zh"), v.get("organizer_en"))
    lines += ["venue:"] + text("  ", "name", v.get("venue_zh"), v.get("venue_en"))
    lines += [f"  district: {value(v.get('district'), TODO + ': 规则中的区代码 / a district code from the rules, e.g. pudong')}"]
    lines += text("", "content", v.get("content_zh"), v.get("content_en"))
    lines += ["phases:", "  # 筹备（preparation）、收尾（closing）阶段鼓励填写 / preparation and closing are encouraged",
              "  hosting:",
              f"    start: {value(v.get('start'), TODO + ': YYYY-MM-DD')}",
              f"    end: {value(v.get('end'), TODO + ': YYYY-MM-DD')}"]
    lines += ["attendance:", "  # 第二条按这些数据分类 / Art. 2 classifies by these figures"]
    metrics = [(k, v.get(k)) for k in ("on_site_participants", "visits", "exhibition_area_m2") if v.get(k) is not None]
    for key, number in metrics or [("on_site_participants", None)]:
        lines += [f"  {key}: {value(number, TODO + ': 现场参加人数 / on-site participants', 'null')}"]
    lines += ["reduction_measures:", "  # 第十条：按阶段和领域列出 / Art. 10: by phase and area",
              f"  - phase: {value(v.get('measure_phase', 'hosting'))}",
              "    area: " + value(v.get("measure_area"),
                              TODO + ": venue | transport | accommodation | catering | consumables | energy | waste | communication")]
    lines += text("    ", "description", v.get("measure_zh"), v.get("measure_en"))
    lines += estimate(v)
    kinds = v.get("offset_kinds")
    kinds_yaml = "[" + ", ".join(json.dumps(k) for k in kinds) + "]" if kinds else f"[]  {TODO}: cea | shea | ccer | shanghai_ver | recognised_other"
    lines += ["offset_plan:", f"  target_scope: {value(v.get('target_scope'), TODO + ': basic | full')}",
              f"  kinds: {kinds_yaml}"]
    lines += [f"expected_neutral_by: {value(v.get('expected_neutral_by'), TODO + ': YYYY-MM-DD')}"]
    return "\n".join(lines) + "\n"


def estimate(v: dict) -> list[str]:
    """The plan's estimate: estimate lines where the rules in force want them (``v["estimate_factors"]``,
    the default factors in force as (key, category, mode, unit)), else the two typed totals."""
    factors = v.get("estimate_factors")
    if factors is None:
        return ["estimate:", "  # 预估排放量（tCO2e），写成字符串以精确计算 / estimated emissions (tCO2e), as strings for exact arithmetic",
                f"  basic_tco2e: {value(v.get('estimate_basic'))}",
                f"  total_tco2e: {value(v.get('estimate_total'))}"]
    out = ["estimate:",
           "  # 第九条：预估由预估行按缺省因子计算，与排放报告相同；每个排放源一行，可增删。",
           "  # Art. 9: the estimate is computed from these lines with the default factors, as the report is; one line per source, add or remove lines.",
           "  # amount：数量；或 people（人数）与 per_person（人均数量：往返人公里、间夜、餐数）/ amount, or people and per_person",
           "  # 缺省因子（key：类别，单位）/ default factors in force (key: category, unit):"]
    out += [f"  #   {key}: {'/'.join(filter(None, (category, mode)))}, {unit}" for key, category, mode, unit in factors]
    out += ["  lines:"]
    energy = next((f for f in factors if f[1] == "purchased_electricity"), None)
    travel = next((f for f in factors if f[1] == "travel" and f[3].endswith("/passenger-km")), None)
    if energy:
        key, category, _, unit = energy
        out += ["    - id: \"VENUE-ELEC\"", "      phase: \"hosting\"", f"      category: {value(category)}"]
        out += text("      ", "description", "会场用电", "Venue electricity")
        out += ["      activity:", "        amount: " + value(None, TODO + ': 预计用电量 / expected use, e.g. "40000"'),
                f"        unit: {value(unit.split('/', 1)[1] if unit.split('/', 1)[1] != '10^4kWh' else 'kWh')}",
                "      factor:", f"        key: {value(key)}"]
    if travel:
        key, category, mode, unit = travel
        out += ["    - id: \"TRAVEL\"", "      phase: \"hosting\"", f"      category: {value(category)}", f"      mode: {value(mode)}"]
        out += text("      ", "description", "参加者出行", "Participants' travel")
        out += ["      activity:", "        people: " + value(None, TODO + ": 按此方式出行的人数 / how many travel this way", "null"),
                "        per_person: " + value(None, TODO + ': 人均往返人公里 / passenger-km each, round trip, e.g. "30"'),
                f"        unit: {value(unit.split('/', 1)[1])}", "      factor:", f"        key: {value(key)}"]
    return out


def retirement(schema_ref: str, v: dict) -> str:
    lines = header(schema_ref, "注销证明（第十二条）", "Retirement proof (Art. 12)")
    lines += [f"id: {value(v['id'])}", f"event: {value(v['event'])}",
              f"kind: {value(v.get('kind'), TODO + ': cea | shea | ccer | shanghai_ver | recognised_other')}",
              "registry: " + value(v.get("registry"),
                                   TODO + ": national-ets-registry | national-ccer-registry | shanghai-ets-registry | shanghai-ver-registry | other")]
    if v.get("needs_project"):
        lines += ["project:", f"  id: {value(v.get('project_id'))}"]
        lines += text("  ", "name", v.get("project_zh"), v.get("project_en"))
        lines += ["  location:", f"    province: {value(v.get('province', 'shanghai'))}",
                  f"  vintage: {value(v.get('vintage'), TODO + ': 年份 / vintage year', 'null')}"]
    lines += ["serials:", "  # 每段 prefix + 起止号，总数等于 quantity / each block: prefix, first and last number; the total equals quantity"]
    for prefix, first, last in v.get("serials") or [(None, None, None)]:
        lines += [f"  - prefix: {value(prefix)}", f"    first: {value(first)}", f"    last: {value(last)}"]
    lines += [f"quantity: {value(v.get('quantity'), TODO + ': 整吨 / whole tonnes', 'null')}",
              f"retired_on: {value(v.get('retired_on'), TODO + ': YYYY-MM-DD')}",
              "beneficiary:", f"  event: {value(v['event'])}"]
    lines += text("  ", "statement", v.get("statement_zh"), v.get("statement_en"))
    lines += ["acquisition:", f"  method: {value(v.get('method'), TODO + ': purchase | donation')}"]
    lines += text("  ", "from", v.get("from_zh"), v.get("from_en"))
    lines += [f"proof: {value(v.get('proof'), TODO + ': attachments/<file>')}",
              "attachments:", f"  - path: {value(v.get('proof'))}",
              f"    sha256: {value(v.get('proof_sha256'), TODO + ': sha256sum attachments/<file>')}"]
    lines += text("    ", "title", v.get("proof_title_zh", "注销证明"), v.get("proof_title_en", "Cancellation proof"))
    return "\n".join(lines) + "\n"


SOURCE_HINT = (": 数据来源 metered | invoiced | surveyed（另填 sample_size）| estimated / where the data comes from "
               "(surveyed: also sample_size)")


def report(schema_ref: str, v: dict) -> str:
    lines = header(schema_ref, "排放核算报告（第十一条）", "Emissions report (Art. 11)")
    role = v.get("role") or ("agency" if v.get("agency") else None)
    lines += [f"event: {value(v['event'])}", "prepared_by:",
              f"  role: {value(role, TODO + ': organizer | agency')}"]
    if role == "agency" or v.get("agency"):
        lines += [f"  agency: {value(v.get('agency'), TODO + ': agencies/ 中的机构编号 / an agency id from agencies/')}"]
    lines += [f"prepared_on: {value(v.get('prepared_on'), TODO + ': YYYY-MM-DD')}"]
    if v.get("factors"):
        lines += ["# 活动日期适用的缺省排放因子（key：类别，因子单位）/ default factors in force on the event date (key: category, unit):"]
        lines += [f"#   {key}: {category}, {unit}" for key, category, unit in v["factors"]]
    if v.get("categories"):
        lines += [f"# 类别 / categories: {' | '.join(v['categories'])}"]
    lines += ["lines:", "  # 每个排放源一行；优先实测因子（source: measured，附证明），其次缺省因子 / one line per source; "
              "measured factors first (source: measured, with evidence), else a default key"]
    for number, phase in enumerate(v.get("phases") or ["hosting"], 1):
        lines += [f"  - id: {value(phase[0].upper() + '-' + str(number))}",
                  f"    phase: {value(phase)}",
                  f"    category: {value(None, TODO + ': 见上方类别 / one of the categories above')}"]
        lines += text("    ", "description", None, None)
        lines += ["    activity:",
                  "      amount: " + value(None, TODO + ': 数量，写成字符串 / the amount, as a string, e.g. "42500"'),
                  f"      unit: {value(None, TODO + ': kWh | t | L | m3 | passenger-km | room-night | meal | …')}",
                  *(["      source: " + value(None, TODO + SOURCE_HINT)] if v.get("activity_source") == "required"
                    else ["      # source: metered | invoiced | surveyed | estimated  # 数据来源，本规则下可选 / where the data "
                          "comes from, optional under these rules (surveyed: also sample_size)"]),
                  "    factor:", "      source: \"default\"",
                  f"      key: {value(None, TODO + ': 见上方因子键 / a key listed above')}"]
    return "\n".join(lines) + "\n"


def declaration(schema_ref: str, v: dict) -> str:
    lines = header(schema_ref, "碳中和自我声明（第十四条）", "Carbon neutrality self-declaration (Art. 14)")
    lines += [f"id: {value(v['id'])}", f"event: {value(v['event'])}",
              f"scope: {value(v.get('scope'), TODO + ': basic | full')}",
              f"declared_on: {value(v.get('declared_on'), TODO + ': YYYY-MM-DD')}"]
    lines += text("", "declarant", v.get("declarant_zh"), v.get("declarant_en"))
    lines += text("", "statement", v.get("statement_zh"), v.get("statement_en"))
    ids = v.get("retirements")
    lines += ["retirements: [" + ", ".join(json.dumps(i) for i in ids) + "]" if ids
              else f"retirements: []  {TODO}: 所依据的注销证明编号 / ids of the retirements relied on"]
    return "\n".join(lines) + "\n"


def agency(schema_ref: str, v: dict) -> str:
    lines = header(schema_ref, "技术服务机构（第五、十五、十七条）", "Technical service agency (Art. 5, 15, 17)")
    lines += [f"id: {value(v['id'])}"]
    lines += text("", "name", v.get("name_zh"), v.get("name_en"))
    if v.get("credit_code"):
        lines += [f"credit_code: {value(v['credit_code'])}"]
    if v.get("website"):
        lines += [f"website: {value(v['website'])}"]
    lines += ["accreditation:", f"  from: {value(v.get('accredited_from'))}"]
    if v.get("accredited_until"):
        lines += [f"  until: {value(v['accredited_until'])}"]
    lines += text("  ", "basis", v.get("basis_zh") or "由平台运营方登记的技术服务机构（第五、十七条）",
                  v.get("basis_en") or "Technical service agency registered with the platform operator (Art. 5, 17)")
    lines += ['status: "active"']
    return "\n".join(lines) + "\n"
