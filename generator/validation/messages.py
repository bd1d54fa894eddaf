"""Turn jsonschema errors into bilingual findings that point at the offending line."""
from __future__ import annotations

from typing import Iterator

from jsonschema.exceptions import ValidationError, best_match

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


# A list's items as a person names them: (Chinese, English) with {n} counted from 1.
_ITEMS = {
    "lines": ("第 {n} 条排放行", "line {n}"),
    "serials": ("第 {n} 个序列号区段", "serial block {n}"),
    "reduction_measures": ("第 {n} 项减排措施", "reduction measure {n}"),
    "attachments": ("第 {n} 个附件", "attachment {n}"),
    "retirements": ("第 {n} 个注销证明", "retirement {n}"),
    "kinds": ("第 {n} 个抵销类型", "offset kind {n}"),
}


def field_names(doc: Document, path) -> tuple[str, str]:
    """(Chinese, English) name of the value at ``path``: ``lines.4.activity`` reads
    "第 5 条排放行（H-HOTEL）的 activity" / "line 5 (H-HOTEL), activity"; the root is the file."""
    file = doc.path.rsplit("/", 1)[-1]
    if not path:
        return f"文件 {file}", file
    groups_zh: list[str] = []
    groups_en: list[str] = []
    fields: list[str] = []
    for i, step in enumerate(path):
        if isinstance(step, int):
            key = fields.pop() if fields else ""
            zh, en = _ITEMS.get(key, (f"{key} 的第 {{n}} 项", f"item {{n}} of {key}"))
            zh, en = zh.format(n=step + 1), en.format(n=step + 1)
            item = doc.get(*path[:i + 1])
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                zh, en = f"{zh}（{item['id']}）", f"{en} ({item['id']})"
            if fields:
                zh, en = f"{'.'.join(fields)} 的{zh}", f"{'.'.join(fields)} {en}"
            groups_zh.append(zh)
            groups_en.append(en)
            fields = []
        else:
            fields.append(str(step))
    if fields:
        groups_zh.append(" " + ".".join(fields))
        groups_en.append(".".join(fields))
    return "的".join(groups_zh).lstrip(), ", ".join(groups_en)


_FULL_QUOTES = "“”‘’「」"


def typing_hint(value) -> tuple[str, str]:
    """A hint for values typed with a Chinese input method: curly quotes, full-width commas or colons."""
    if not isinstance(value, str):
        return "", ""
    if any(q in value for q in _FULL_QUOTES):
        return ("；中文引号“ ”不起引号作用，会成为值的一部分：请删除它们，需要引号时用半角双引号 \"…\"",
                "; Chinese quotation marks “ ” do not quote and become part of the value: remove them, "
                "and type ASCII double quotes \"…\" where quotes are needed")
    if "，" in value or "：" in value:
        return ("；值中含全角标点（，或：）：请切换到英文输入法，改用半角“,”或“:”",
                "; the value holds full-width punctuation (， or ：): switch the input method to English and "
                "type ',' or ':'")
    return "", ""


def translate(doc: Document, err: ValidationError) -> list[Finding]:
    """The findings of one jsonschema error (``doc`` gives locations and the names of list items)."""
    return _translate(doc, err)


def _translate(doc: Document, err: ValidationError) -> list[Finding]:
    path = tuple(err.absolute_path)
    where = doc.at(*path)
    name_zh, name = field_names(doc, path)
    hint_zh, hint_en = typing_hint(err.instance)
    v, inst, sch = err.validator, err.instance, err.schema
    if v == "required":
        missing = err.validator_value
        absent = [k for k in missing if not (isinstance(inst, dict) and k in inst)]
        out = []
        for key in absent:
            prop = sch.get("properties", {}).get(key, {}) if isinstance(sch, dict) else {}
            out.append(error("S201", where,
                             f"{name_zh} 缺少必填字段 {quote(key)}{_title(prop)}；请补上",
                             f"{name} is missing required field {quote(key)}; add it"))
        return out
    if v == "additionalProperties":
        allowed = sorted(sch.get("properties", {}))
        extras = [k for k in inst if k not in sch.get("properties", {})]
        return [error("S202", doc.at(*path, k, key=True),
                      f"{name_zh} 中不允许字段 {quote(k)}；允许的字段：{', '.join(allowed)}",
                      f"field {quote(k)} is not allowed in {name}; allowed fields: {', '.join(allowed)}")
                for k in extras]
    if v is None:  # a `false` subschema: a field that must not appear here
        parent = doc.get(*path)
        keys = [k for k, val in parent.items() if val is inst] if isinstance(parent, dict) else []
        key = keys[0] if keys else None
        loc = doc.at(*path, key, key=True) if key is not None else where
        label_zh, label = field_names(doc, (*path, key)) if key is not None else (name_zh, name)
        return [error("S203", loc, f"此处不应出现字段 {label_zh}；请删除（与同一对象中的其他字段冲突）",
                      f"field {label} must not appear here; remove it (it conflicts with the other fields of this object)")]
    if v == "type":
        types = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        zh = "或".join(_TYPES.get(t, (t, t))[0] for t in types)
        en = " or ".join(_TYPES.get(t, (t, t))[1] for t in types)
        return [error("S204", where, f"{name_zh} 应为{zh}，实际为 {quote(inst)}{hint_zh}",
                      f"{name} must be {en}, got {quote(inst)}{hint_en}")]
    if v in ("enum", "const"):
        options = err.validator_value if v == "enum" else [err.validator_value]
        listed = ", ".join(str(o) for o in options)
        return [error("S205", where, f"{name_zh} 的值 {quote(inst)} 无效；可选：{listed}{hint_zh}",
                      f"{name} value {quote(inst)} is not allowed; choose one of: {listed}{hint_en}")]
    if v == "format":
        zh, en = _FORMATS.get(err.validator_value, (err.validator_value, err.validator_value))
        return [error("S206", where, f"{name_zh} 的值 {quote(inst)} 不是有效的{zh}{hint_zh}",
                      f"{name} value {quote(inst)} is not a valid {en}{hint_en}")]
    if v == "pattern" or (v == "anyOf" and _is_decimal(sch)):
        want_zh, want_en = _describe(sch, err.validator_value)
        return [error("S207", where, f"{name_zh} 的值 {quote(inst)} 格式不对：{want_zh}{hint_zh}",
                      f"{name} value {quote(inst)} is malformed: {want_en}{hint_en}")]
    if v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        rel = {"minimum": ("不小于", "at least"), "maximum": ("不大于", "at most"),
               "exclusiveMinimum": ("大于", "greater than"), "exclusiveMaximum": ("小于", "less than")}[v]
        return [error("S208", where, f"{name_zh} 的值 {quote(inst)} 应{rel[0]} {err.validator_value}",
                      f"{name} value {quote(inst)} must be {rel[1]} {err.validator_value}")]
    if v in ("minItems", "maxItems", "minLength", "maxLength", "minProperties", "maxProperties"):
        zh, en = _size_sentence(v, err.validator_value)
        return [error("S209", where, f"{name_zh}{zh}", f"{name} {en}")]
    if v == "uniqueItems":
        return [error("S210", where, f"{name_zh} 中有重复的项；请删除重复项",
                      f"{name} has duplicate items; remove the duplicates")]
    if v == "propertyNames":
        return [error("S207", where, f"{name_zh} 中的键 {quote(inst)} 格式不对", f"key {quote(inst)} in {name} is malformed")]
    if v in ("anyOf", "oneOf") and err.context:
        return _translate(doc, best_match(err.context))  # the reason of the closest alternative
    if v == "not":
        return [error("S211", where, f"{name_zh} 此处不能取值 {quote(inst)}", f"{name} cannot be {quote(inst)} here")]
    return [error("S299", where, f"{name_zh} 不符合模式（{v}）；请对照模板检查此处",
                  f"{name} does not match the schema ({v}); compare it with the template")]


def _size_sentence(validator: str, bound: int) -> tuple[str, str]:
    """Sentences for the size keywords: 'must not be empty', 'must be at most 64 characters long'."""
    least = validator.startswith("min")
    what = validator[3:]
    if least and bound == 1:
        return {"Length": (" 不能为空；请填写", "must not be empty; fill it in"),
                "Items": (" 至少要有一项；请添加", "needs at least one entry; add one"),
                "Properties": (" 至少要有一个字段；请添加", "needs at least one field; add one")}[what]
    zh_bound, en_bound = ("至少", "at least") if least else ("至多", "at most")
    if what == "Length":
        return f" 应{zh_bound} {bound} 个字符", f"must be {en_bound} {bound} characters long"
    unit_zh, unit_en = {"Items": ("项", "entries"), "Properties": ("个字段", "fields")}[what]
    return f" 应{zh_bound}有 {bound} {unit_zh}", f"must have {en_bound} {bound} {unit_en}"


def _is_decimal(schema) -> bool:
    return isinstance(schema, dict) and "decimal" in str(schema.get("title", "")).lower()


def _describe(schema, pattern) -> tuple[str, str]:
    if _is_decimal(schema) or (isinstance(pattern, str) and pattern.startswith("^(0|[1-9]")):
        return ("应为非负十进制数，如 125000 或 \"0.42\"", "expected a non-negative decimal such as 125000 or \"0.42\"")
    desc = schema.get("description") if isinstance(schema, dict) else None
    if isinstance(desc, str) and "/ " in desc:
        zh, en = desc.split(" / ", 1) if " / " in desc else desc.split("/ ", 1)
        return zh, en
    return (f"应匹配 {pattern}", f"expected to match {pattern}")
