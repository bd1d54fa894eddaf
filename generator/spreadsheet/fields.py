"""What the published schemas say about each field a sheet holds: its label in Chinese and English
(the schema's ``title``), whether it holds a list of plain values, and its allowed values."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from generator.validation import schemas


@dataclass(frozen=True)
class Field:
    pattern: str  # dotted path, list items as "*"
    title_zh: str
    title_en: str
    plain_list: bool
    enum: tuple[str, ...]
    is_text: bool  # a string in the schema: cells are formatted as text so 0001 keeps its zeros


@functools.cache
def fields(kind: str) -> dict[str, Field]:
    """Every field of a record kind by its pattern (``lines.*.activity.amount``)."""
    root = schemas.schema(kind)
    resolver = schemas._registry().resolver(base_uri=root["$id"])
    out: dict[str, Field] = {}
    _walk(root, resolver, "", ("", ""), out, 0)
    return out


def _resolve(node: dict, resolver):
    while isinstance(node, dict) and "$ref" in node:
        resolved = resolver.lookup(node["$ref"])
        merged = {**resolved.contents, **{k: v for k, v in node.items() if k != "$ref"}}
        node, resolver = merged, resolved.resolver
    return node, resolver


def _title(node: dict, parent: tuple[str, str]) -> tuple[str, str]:
    title = node.get("title") if isinstance(node, dict) else None
    if isinstance(title, str) and " / " in title:
        zh, en = title.split(" / ", 1)
        return zh, en
    return parent


def _walk(node, resolver, path: str, parent: tuple[str, str], out: dict, depth: int) -> None:
    if depth > 12 or not isinstance(node, dict):
        return
    node, resolver = _resolve(node, resolver)
    zh, en = _title(node, parent)
    props = node.get("properties")
    if isinstance(props, dict):
        for key, sub in props.items():
            if sub is False:
                continue
            _walk(sub, resolver, f"{path}.{key}" if path else key, ("", ""), out, depth + 1)
        return
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        items, item_resolver = _resolve(node["items"], resolver)
        if isinstance(items.get("properties"), dict):
            _walk(items, item_resolver, f"{path}.*", (zh, en), out, depth + 1)
            return
        out[path] = Field(path, zh, en, True, tuple(str(x) for x in items.get("enum", ())), True)
        return
    enum = tuple(str(x) for x in node.get("enum", ()))
    is_text = node.get("type") == "string" or bool(enum) or "pattern" in node
    out[path] = Field(path, zh, en, False, enum, is_text)


# Schema titles that name a type, not a field ("Chinese", "Date"): a header then says whose it is.
GENERIC = {"Chinese", "English", "Date", "Decimal number", "Positive decimal", "Attachment path", "Record id", ""}
# Words for the field names that a header composes from (zh, en).
WORDS = {
    "name": ("名称", "name"), "organizer": ("举办单位", "organizer"), "venue": ("场地", "venue"),
    "address": ("地址", "address"), "content": ("活动内容", "content"), "phases": ("阶段", "phases"),
    "preparation": ("筹备阶段", "preparation"), "hosting": ("举办阶段", "hosting"), "closing": ("收尾阶段", "closing"),
    "start": ("开始日期", "start"), "end": ("结束日期", "end"), "description": ("说明", "description"),
    "estimated_reduction_tco2e": ("预计减排量 tCO2e", "estimated reduction tCO2e"), "activity": ("活动数据", "activity"),
    "amount": ("数量", "amount"), "density": ("密度", "density"), "unit": ("单位", "unit"), "value": ("数值", "value"),
    "source": ("来源 default/measured", "source default/measured"), "quantity": ("注销数量（整吨）", "quantity (whole tonnes)"),
    "province": ("省份", "province"), "city": ("城市", "city"), "date": ("日期", "date"), "note": ("备注", "note"),
    "reason": ("理由", "reason"), "title": ("标题", "title"), "statement": ("声明文字", "statement"),
    "declarant": ("声明单位", "declarant"), "prepared_by": ("编制方", "prepared by"), "role": ("角色", "role"),
    "website": ("网站", "website"), "exhibition_area_m2": ("展览面积（平方米）", "exhibition area (m²)"),
    "project": ("项目", "project"), "location": ("所在地", "location"), "serials": ("序列号区段", "serial block"),
    "first": ("起始号", "first number"), "last": ("截止号", "last number"), "prefix": ("前缀", "prefix"),
    "beneficiary": ("受益方", "beneficiary"), "acquisition": ("获取", "acquisition"), "from": ("来源方", "from"),
    "recognition": ("认可文件", "recognition"), "issuer": ("发布机关", "issuer"), "number": ("文号", "number"),
    "url": ("网址", "URL"), "estimate": ("排放估算", "estimate"), "method": ("方法", "method"),
    "offset_plan": ("抵销计划", "offset plan"), "evidence": ("证明附件", "evidence"), "factor": ("排放因子", "factor"),
    "prepared_on": ("编制日期", "prepared on"), "declared_on": ("声明日期", "declared on"),
    "retired_on": ("注销日期", "retired on"), "expected_neutral_by": ("预期实现碳中和日期", "expected neutral by"),
    "attachments": ("附件", "attachment"), "path": ("路径", "path"), "sha256": ("SHA-256", "SHA-256"),
    "reduction_measures": ("减排措施", "reduction measure"), "exclusions": ("排除的类别", "exclusion"),
    "id": ("编号", "id"), "lines": ("排放行", "line"), "basic_tco2e": ("基本范围 tCO2e", "basic scope tCO2e"),
    "total_tco2e": ("总量 tCO2e", "total tCO2e"), "kinds": ("抵销类型（逗号分隔）", "offset kinds (comma-separated)"),
    "attendance": ("规模", "attendance"), "category": ("类别", "category"), "zh": ("中文", "Chinese"), "en": ("英文", "English"),
}


def label(kind: str, path: str) -> tuple[str, str]:
    """(zh, en) header of a dotted path: the schema title where it names the field, else composed
    from the field names (``description.zh`` -> "说明（中文）" / "description (Chinese)")."""
    from generator.spreadsheet.paths import pattern

    found = fields(kind).get(pattern(path))
    if found and found.title_zh and found.title_en not in GENERIC:
        return found.title_zh, found.title_en
    steps = [s for s in path.split(".") if not s.isdigit() and s != "*"]
    used = steps[-3:] if steps[-1] in ("zh", "en") else steps[-2:]
    if not all(s in WORDS for s in used):
        return path, path
    words = [WORDS[s] for s in used]
    *head, leaf = words
    zh = "·".join(w[0] for w in head) + (f"（{leaf[0]}）" if steps[-1] in ("zh", "en") else ("·" if head else "") + leaf[0])
    en = " ".join(w[1] for w in head) + (f" ({leaf[1]})" if steps[-1] in ("zh", "en") else (" " if head else "") + leaf[1])
    return zh, en[:1].upper() + en[1:]


def plain_lists(kind: str) -> frozenset[str]:
    return frozenset(p for p, f in fields(kind).items() if f.plain_list)
