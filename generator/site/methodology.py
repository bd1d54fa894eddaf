"""The methodology page's Markdown, generated from the rules and factor sets in the registry."""
from __future__ import annotations

from html import escape

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
           "jurisdiction": "地区", "reference": "本登记库没有该地区的规则：仅供参考，本库的活动不使用此因子集。"},
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
           "reference": "This registry has no rules of this jurisdiction: shown for reference, its events do not use this set."},
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
        if fs.jurisdiction not in ruled:
            out += [t["reference"], ""]
    return "\n".join(out) + "\n"
