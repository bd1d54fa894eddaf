"""Turn jsonschema errors into bilingual findings that point at the offending line."""
from __future__ import annotations

from typing import Iterator

from jsonschema.exceptions import ValidationError

from generator.findings import Finding, error
from generator.loading.document import Document

_FORMATS = {
    "date": ("日期（YYYY-MM-DD，且须是真实存在的日期）", "date (YYYY-MM-DD, and a day that exists)"),
    "date-time": ("时间（YYYY-MM-DDTHH:MM:SSZ）", "timestamp (YYYY-MM-DDTHH:MM:SSZ)"),
    "uri": ("网址", "URI"),
}
_TYPES = {
    "string": ("字符串", "a string"), "integer": ("整数", "an integer"), "number": ("数字", "a number"),
    "object": ("映射（键: 值）", "a mapping (key: value)"), "array": ("列表", "a list"),
    "boolean": ("布尔值", "a boolean"), "null": ("空值", "null"),
}


def quote(value, limit: int = 60) -> str:
    text = repr(value) if not isinstance(value, str) else repr(value)
    if hasattr(value, "as_tuple"):  # Decimal: show it as written
        text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _title(schema) -> str:
    if isinstance(schema, dict) and isinstance(schema.get("title"), str):
        return f"（{schema['title']}）"
    return ""


def schema_findings(doc: Document, errors: Iterator[ValidationError]) -> list[Finding]:
    findings: list[Finding] = []
    for err in errors:
        findings.extend(_translate(doc, err))
    return findings


def _field(path) -> str:
    return ".".join(str(p) for p in path) or "(root)"


def _translate(doc: Document, err: ValidationError) -> list[Finding]:
    path = tuple(err.absolute_path)
    where = doc.at(*path)
    name = _field(path)
    v, inst, sch = err.validator, err.instance, err.schema
    if v == "required":
        missing = err.validator_value
        absent = [k for k in missing if not (isinstance(inst, dict) and k in inst)]
        out = []
        for key in absent:
            prop = sch.get("properties", {}).get(key, {}) if isinstance(sch, dict) else {}
            out.append(error("S201", where,
                             f"{name} 缺少必填字段 {quote(key)}{_title(prop)}；请补上",
                             f"{name} is missing required field {quote(key)}; add it"))
        return out
    if v == "additionalProperties":
        allowed = sorted(sch.get("properties", {}))
        extras = [k for k in inst if k not in sch.get("properties", {})]
        return [error("S202", doc.at(*path, k, key=True),
                      f"{name} 中不允许字段 {quote(k)}；允许的字段：{', '.join(allowed)}",
                      f"field {quote(k)} is not allowed in {name}; allowed fields: {', '.join(allowed)}")
                for k in extras]
    if v is None:  # a `false` subschema: a field that must not appear here
        parent = doc.get(*path)
        keys = [k for k, val in parent.items() if val is inst] if isinstance(parent, dict) else []
        key = keys[0] if keys else None
        loc = doc.at(*path, key, key=True) if key is not None else where
        label = f"{name}.{key}" if key is not None else name
        return [error("S203", loc, f"此处不应出现字段 {label}；请删除（与同一对象中的其他字段冲突）",
                      f"field {label} must not appear here; remove it (it conflicts with the other fields of this object)")]
    if v == "type":
        types = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        zh = "或".join(_TYPES.get(t, (t, t))[0] for t in types)
        en = " or ".join(_TYPES.get(t, (t, t))[1] for t in types)
        return [error("S204", where, f"{name} 应为{zh}，实际为 {quote(inst)}",
                      f"{name} must be {en}, got {quote(inst)}")]
    if v in ("enum", "const"):
        options = err.validator_value if v == "enum" else [err.validator_value]
        listed = ", ".join(str(o) for o in options)
        return [error("S205", where, f"{name} 的值 {quote(inst)} 无效；可选：{listed}",
                      f"{name} value {quote(inst)} is not allowed; choose one of: {listed}")]
    if v == "format":
        zh, en = _FORMATS.get(err.validator_value, (err.validator_value, err.validator_value))
        return [error("S206", where, f"{name} 的值 {quote(inst)} 不是有效的{zh}",
                      f"{name} value {quote(inst)} is not a valid {en}")]
    if v == "pattern" or (v == "anyOf" and _is_decimal(sch)):
        hint_zh, hint_en = _describe(sch, err.validator_value)
        return [error("S207", where, f"{name} 的值 {quote(inst)} 格式不对：{hint_zh}",
                      f"{name} value {quote(inst)} is malformed: {hint_en}")]
    if v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        rel = {"minimum": ("不小于", "at least"), "maximum": ("不大于", "at most"),
               "exclusiveMinimum": ("大于", "greater than"), "exclusiveMaximum": ("小于", "less than")}[v]
        return [error("S208", where, f"{name} 的值 {quote(inst)} 应{rel[0]} {err.validator_value}",
                      f"{name} value {quote(inst)} must be {rel[1]} {err.validator_value}")]
    if v in ("minItems", "maxItems", "minLength", "maxLength", "minProperties", "maxProperties"):
        what = {"Items": ("项", "items"), "Length": ("个字符", "characters"), "Properties": ("个字段", "fields")}
        unit = what[v[3:]]
        bound = ("至少", "at least") if v.startswith("min") else ("至多", "at most")
        return [error("S209", where, f"{name} 应{bound[0]}有 {err.validator_value} {unit[0]}",
                      f"{name} must have {bound[1]} {err.validator_value} {unit[1]}")]
    if v == "uniqueItems":
        return [error("S210", where, f"{name} 中有重复的项；请删除重复项",
                      f"{name} has duplicate items; remove the duplicates")]
    if v == "propertyNames":
        return [error("S207", where, f"{name} 中的键 {quote(inst)} 格式不对", f"key {quote(inst)} in {name} is malformed")]
    return [error("S299", where, f"{name} 不符合模式：{err.message}", f"{name} does not match the schema: {err.message}")]


def _is_decimal(schema) -> bool:
    return isinstance(schema, dict) and "decimal" in str(schema.get("title", "")).lower()


def _describe(schema, pattern) -> tuple[str, str]:
    if _is_decimal(schema) or (isinstance(pattern, str) and pattern.startswith("^(0|[1-9]")):
        return ("应为非负十进制数，如 125000 或 \"0.42\"", "expected a non-negative decimal such as 125000 or \"0.42\"")
    desc = schema.get("description") if isinstance(schema, dict) else None
    if isinstance(desc, str) and " / " in desc:
        zh, en = desc.split(" / ", 1)
        return zh, en
    return (f"应匹配 {pattern}", f"expected to match {pattern}")
