"""The methodology page's Markdown, generated from the rules and factor sets in the registry."""
from __future__ import annotations

from html import escape

from generator.accounting.units import DATA as UNIT_DATA
from generator.model.records import Text
from generator.site.i18n import enum_label
from generator.site.quantities import unit

_T = {
    "zh": {"title": "核算方法与缺省排放因子", "rules": "规则", "effective": "生效日期", "scopes": "核算范围",
           "basic": "基本范围", "extended": "拓展范围", "placeholder": "占位，待核对", "official": "官方",
           "secondary": "二手来源（转载数值），待与原文核对",
           "factors": "缺省排放因子集", "valid": "有效期", "key": "键", "name": "名称", "value": "数值",
           "unit": "单位", "status": "状态", "source": "来源",
           "intro": "排放量 = 活动数据 × 排放因子，逐行精确计算（十进制，不用浮点数），按阶段、类别、范围汇总；"
                    "所需抵销量为排放量向上取整到整吨。实测因子优先，其次使用活动日期有效的缺省因子（第十一条）。",
           "ph": "**标为“占位”的数值不是官方数值**，只用于让示例登记库可以计算。",
           "jurisdiction": "地区", "reference": "本登记库没有该地区的规则：仅供参考，本库的活动不使用此因子集。",
           "bands": "航程距离段", "band": "距离段", "from": "自（公里，含）", "below": "至（公里，不含）",
           "conversions": "单位换算", "unit_table": "换算表", "size": "折合"},
    "en": {"title": "Accounting method and default emission factors", "rules": "Rules", "effective": "effective from",
           "scopes": "Accounting scopes", "basic": "Basic scope", "extended": "Extended scope",
           "placeholder": "placeholder, to be checked", "official": "official", "factors": "Default emission factor sets",
           "secondary": "secondary (value from a reprint, to be checked against the original)",
           "valid": "valid", "key": "Key", "name": "Name", "value": "Value", "unit": "Unit", "status": "Status",
           "source": "Source",
           "intro": "Emissions = activity data × emission factor, computed line by line in exact decimals (never "
                    "floating point) and summed by phase, category and scope; the offset needed is the emissions "
                    "rounded up to whole tonnes. Measured factors come first, else the default factor in force on "
                    "the event date (Art. 11).",
           "ph": "**Values marked placeholder are not official values**; they only let the sample registry compute.",
           "jurisdiction": "jurisdiction",
           "reference": "This registry has no rules of this jurisdiction: shown for reference, its events do not use this set.",
           "bands": "Flight distance bands", "band": "Band", "from": "From (km, inclusive)", "below": "Below (km, exclusive)",
           "conversions": "Unit conversions", "unit_table": "conversion table", "size": "equals"},
}


def _factor_table(fs, t: dict, pick, lang: str) -> str:
    """The factor set as an HTML table (one line, so Markdown passes it through as it is) of class
    "stack": on a phone each factor becomes a card headed by its key, every other cell labelled, where
    six columns at 390 px broke numbers and units in the middle. Every text is escaped."""
    heads = (t["key"], t["name"], t["value"], t["unit"], t["status"], t["source"])
    rows = []
    for f in sorted(fs.factors.values(), key=lambda f: f.index):
        source = "—"
        if f.source:
            source = f"{pick(f.source.title)} {f.source.number or ''} ({f.source.date or ''})"
        status = t["official"] if f.status == "official" else f"⚠ {t.get(f.status, t['placeholder'])}"
        cells = [f'<td class="name"><code>{escape(f.key)}</code></td>']
        for head, text, css in ((heads[1], pick(f.name), ""), (heads[2], str(f.value), ' class="num"'),
                                (heads[3], unit(f.unit, lang), ""), (heads[4], status, ""), (heads[5], source, "")):
            cells.append(f'<td data-label="{escape(head)}"{css}>{escape(" ".join(text.split()))}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    num = ' class="num"'
    head = "".join(f'<th scope="col"{num if h == heads[2] else ""}>{escape(h)}</th>' for h in heads)
    return f'<table class="stack factors"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _cell(text: str) -> str:
    """Text for a Markdown table cell or line: HTML escaped (names come from registry files), no pipe or line break."""
    return escape(text).replace("|", "\\|").replace("\n", " ")


def methodology_markdown(rules_sets, factor_sets, lang: str) -> str:
    t = _T[lang]
    pick = (lambda x: x.zh) if lang == "zh" else (lambda x: x.en)
    out = [f"# {t['title']}", "", t["intro"], "", t["ph"], ""]
    for rules in rules_sets:
        status = t["placeholder"] if rules.scopes_status == "placeholder" else t["official"]
        out += [f"## {t['rules']} `{rules.id}` ({t['effective']} {rules.effective_from})", "",
                f"{pick(rules.document.title)} {rules.document.number or ''}", "",
                f"### {t['scopes']} ({status})", "",
                f"- {t['basic']}: " + ", ".join(enum_label("category", c, lang) for c in sorted(rules.basic_categories)),
                f"- {t['extended']}: " + ", ".join(enum_label("category", c, lang) for c in sorted(rules.extended_categories)),
                ""]
    ruled = {rules.jurisdiction for rules in rules_sets}
    for fs in factor_sets:
        until = fs.valid_until.isoformat() if fs.valid_until else "…"
        out += [f"## {t['factors']} `{fs.id}` ({t['jurisdiction']} `{fs.jurisdiction}`, {t['valid']} {fs.valid_from} – {until})", "",
                _factor_table(fs, t, pick, lang), ""]
        out += _bands(fs.doc.data.get("distance_bands"), t, pick)
        if fs.jurisdiction not in ruled:
            out += [t["reference"], ""]
    out += _conversions(t, pick, lang)
    return "\n".join(out) + "\n"


def _status(status: str, t: dict) -> str:
    return t["official"] if status == "official" else f"⚠ {t.get(status, t['placeholder'])}"


def _source(source: dict | None, pick) -> str:
    if not source:
        return ""
    title = pick(Text(source["title"]["zh"], source["title"]["en"]))
    issuer = pick(Text(source["issuer"]["zh"], source["issuer"]["en"]))
    return _cell(" ".join(filter(None, (title, source.get("number"), f"({issuer})", str(source.get("date") or "")))))


def _bands(bands: dict | None, t: dict, pick) -> list[str]:
    """The flight distance bands a set's air factors follow, with their limits and source."""
    if not bands:
        return []
    out = [f"**{t['bands']}** ({_status(bands['status'], t)}): {_source(bands.get('source'), pick)}", "",
           f"| {t['band']} | {t['from']} | {t['below']} |", "|---|---:|---:|"]
    for b in bands["bands"]:
        out.append(f"| `{b['band']}` | {b.get('from_km', '0')} | {b.get('below_km', '…')} |")
    if bands.get("note"):
        out += ["", _cell(pick(Text(bands["note"]["zh"], bands["note"]["en"])))]
    return out + [""]


def _conversions(t: dict, pick, lang: str) -> list[str]:
    """The unit conversions with a cited basis (generator/accounting/units.json)."""
    out = [f"## {t['conversions']} (`units.json` {UNIT_DATA['version']})", ""]
    for basis_id, basis in UNIT_DATA["bases"].items():
        units = [u for u, d in UNIT_DATA["units"].items() if d.get("basis") == basis_id]
        sizes = ", ".join(f"1 {u} {t['size']} {UNIT_DATA['units'][u]['size']} MJ" for u in units)
        out += [f"- {sizes} ({_status(basis['status'], t)}): {_source(basis.get('source'), pick)}. "
                f"{_cell(pick(Text(basis['note']['zh'], basis['note']['en'])))}"]
    normal = UNIT_DATA["normal_conditions"]["note"]
    out += [f"- Nm3: {_cell(pick(Text(normal['zh'], normal['en'])))}", ""]
    return out
