"""``carbonreg new``: write a new plan, retirement proof or declaration from the standard template,
never over an existing file (atomic, ``write_atomic(replace=False)``)."""
from __future__ import annotations

import hashlib
import os
import re
from datetime import date
from pathlib import Path

from generator.errors import CarbonregError
from generator.publishing.files import write_atomic
from generator.scaffold import context, templates

EVENT_ID = re.compile(r"^[0-9]{4}(-[a-z0-9]+)+$")
RECORD_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CREDIT_KINDS = ("ccer", "shanghai_ver", "vcs", "gold_standard", "recognised_other")
PUBLISHED_SCHEMAS = "https://carbonreg.org/schemas/v1/"


class ScaffoldError(CarbonregError):
    pass


def _check_id(value: object, pattern: re.Pattern, zh: str, en: str) -> str:
    if not isinstance(value, str) or len(value) > 64 or not pattern.fullmatch(value):
        raise ScaffoldError(f"{zh}格式不对：{value!r}", f"invalid {en}: {value!r}")
    return value


def _check_date(value, what: str) -> None:
    if value in (None, ""):
        return
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ScaffoldError(f"{what} 应为 YYYY-MM-DD：{value!r}", f"{what} must be YYYY-MM-DD: {value!r}") from None


def schema_ref(target: Path, kind: str) -> str:
    """The ``$schema`` reference for a new file: a relative path to ``schemas/v1/`` when a
    folder above holds it (the registry's own repository), else the published schema URL."""
    name = f"{kind}.schema.json"
    for folder in target.resolve().parents:
        candidate = folder / "schemas" / "v1" / name
        if candidate.is_file():
            return Path(os.path.relpath(candidate, target.resolve().parent)).as_posix()
    return PUBLISHED_SCHEMAS + name


def find_event(registry: Path, event_id: object) -> Path:
    event_id = _check_id(event_id, EVENT_ID, "活动编号", "event id")
    found = sorted((registry / "events").glob(f"*/{event_id}"))
    if not found or not found[0].is_dir():
        raise ScaffoldError(f"登记库中没有活动 {event_id}；先运行 carbonreg new event",
                            f"no event {event_id} in the registry; run carbonreg new event first")
    return found[0]


def _yaml_field(path: Path, *keys: str) -> str | None:
    """A value from an existing record, read with the registry's safe loader (None if unreadable)."""
    from generator.loading.yamlsafe import load_yaml

    doc, _ = load_yaml(path, str(path)) if path.is_file() else (None, [])
    value = doc.get(*keys) if doc is not None else None
    return value if isinstance(value, str) else None


def new_event(registry: Path, v: dict) -> Path:
    event_id = _check_id(v.get("id"), EVENT_ID, "活动编号", "event id")
    for key in ("start", "end", "expected_neutral_by"):
        _check_date(v.get(key), key)
    year = (v.get("start") or event_id)[:4]
    if v.get("start") and not event_id.startswith(year):
        raise ScaffoldError(f"活动编号应以举办开始年份 {year} 开头", f"the event id must start with the year hosting starts, {year}")
    existing = sorted((registry / "events").glob(f"*/{event_id}"))
    if existing:
        raise ScaffoldError(f"活动 {event_id} 已存在：{existing[0]}", f"event {event_id} already exists: {existing[0]}")
    target = registry / "events" / year / event_id / "plan.yaml"
    if v.get("start"):
        rules, fset = context.in_force(context.registry_wide(registry), date.fromisoformat(v["start"]))
        if rules is not None and rules.plan_estimate == "lines":  # Art. 9: estimate lines (shanghai-2026 on)
            if v.get("estimate_basic") or v.get("estimate_total"):
                raise ScaffoldError(f"规则 {rules.id} 的预估由预估行计算（第九条），不再填写两个合计：请去掉 --estimate-basic/--estimate-total，"
                                    "在生成的 plan.yaml 中填写预估行",
                                    f"under the rules {rules.id} the estimate is computed from estimate lines (Art. 9), not typed as two "
                                    "totals: drop --estimate-basic/--estimate-total and fill the estimate lines in the plan.yaml written")
            factors = sorted(fset.factors.values(), key=lambda f: f.index) if fset is not None else []
            v = {**v, "estimate_factors": [(f.key, f.category, f.mode, f.unit) for f in factors]}
    text = templates.plan(schema_ref(target, "plan"), v)
    return write_atomic(target, text.encode("utf-8"), replace=False)


def new_agency(registry: Path, v: dict) -> Path:
    agency_id = _check_id(v.get("id"), RECORD_ID, "机构编号", "agency id")
    for key in ("accredited_from", "accredited_until"):
        _check_date(v.get(key), key)
    target = registry / "agencies" / f"{agency_id}.yaml"
    return write_atomic(target, templates.agency(schema_ref(target, "agency"), v).encode("utf-8"), replace=False)


def _default_registry(registry: Path, kind: str | None) -> str | None:
    """The only registry the rules allow for ``kind``, if there is exactly one (data, not code)."""
    if not kind:
        return None
    from generator.loading.registry import load_record
    from generator.loading.walk import RegistryFile

    names: set[str] = set()
    for path in sorted((registry / "rules").glob("*.yaml")):
        rules, _ = load_record(RegistryFile("rules", path, str(path)))
        if rules is not None and kind in rules.offsets:
            names.update(rules.offsets[kind].registries)
    return names.pop() if len(names) == 1 else None


def new_retirement(registry: Path, v: dict) -> Path:
    event_dir = find_event(registry, v.get("event"))
    rid = _check_id(v.get("id"), RECORD_ID, "注销证明编号", "retirement id")
    _check_date(v.get("retired_on"), "retired_on")
    v = dict(v)
    v["registry"] = v.get("registry_name_value") or _default_registry(registry, v.get("kind"))
    v["needs_project"] = v.get("kind") in CREDIT_KINDS or not v.get("kind")
    name_zh = _yaml_field(event_dir / "plan.yaml", "name", "zh")
    name_en = _yaml_field(event_dir / "plan.yaml", "name", "en")
    v.setdefault("statement_zh", f"用于{name_zh}碳中和" if name_zh else None)
    v.setdefault("statement_en", f"For the carbon neutrality of {name_en}" if name_en else None)
    proof = v.get("proof")
    if proof:
        if not re.fullmatch(r"attachments/[A-Za-z0-9._/-]+", proof) or ".." in proof.split("/"):
            raise ScaffoldError(f"证明附件应位于 attachments/ 下：{proof!r}", f"the proof must be under attachments/: {proof!r}")
        file = event_dir / proof
        if file.is_file():
            v["proof_sha256"] = hashlib.sha256(file.read_bytes()).hexdigest()
    target = event_dir / "retirements" / f"{rid}.yaml"
    return write_atomic(target, templates.retirement(schema_ref(target, "retirement"), v).encode("utf-8"), replace=False)


def new_report(registry: Path, v: dict, today: date) -> Path:
    """report.yaml with one line to fill per phase the rules require, and the factor keys, categories
    and units in force on the event date listed as comments beside them."""
    event_dir = find_event(registry, v.get("event"))
    _check_date(v.get("prepared_on"), "prepared_on")
    if v.get("agency"):
        _check_id(v["agency"], RECORD_ID, "机构编号", "agency id")
    v = dict(v)
    v["prepared_on"] = v.get("prepared_on") or today.isoformat()
    start = _yaml_field(event_dir / "plan.yaml", "phases", "hosting", "start")
    rules = factors = None
    if start:
        try:
            rules, factors = context.in_force(context.registry_wide(registry), date.fromisoformat(start))
        except ValueError:
            pass
    v["phases"] = list(rules.required_phases) if rules else ["hosting"]
    v["categories"] = sorted((rules.basic_categories | rules.extended_categories) if rules else ())
    v["factors"] = [(f.key, f.category, f.unit) for f in factors.factors.values()] if factors else []
    v["activity_source"] = rules.activity_source if rules else "optional"
    target = event_dir / "report.yaml"
    return write_atomic(target, templates.report(schema_ref(target, "report"), v).encode("utf-8"), replace=False)


SCOPE_WORDS = {"basic": ("基本碳中和", "basic carbon neutrality"), "full": ("全口径碳中和", "full-scope carbon neutrality")}


def new_declaration(registry: Path, v: dict, today: date) -> tuple[Path, list[tuple[str, str]]]:
    """declaration.yaml with what the registry can compute filled in: the scope planned, every
    retirement of the event, and a statement with the emissions accounted and the tonnes retired.
    Returns the file and notes for the user (e.g. the retirements do not cover the scope yet)."""
    event_dir = find_event(registry, v.get("event"))
    did = _check_id(v.get("id") or f"{v['event']}-declaration", RECORD_ID, "声明编号", "declaration id")
    _check_date(v.get("declared_on"), "declared_on")
    v = dict(v, id=did)
    v["declared_on"] = v.get("declared_on") or today.isoformat()
    v.setdefault("declarant_zh", _yaml_field(event_dir / "plan.yaml", "organizer", "name", "zh"))
    v.setdefault("declarant_en", _yaml_field(event_dir / "plan.yaml", "organizer", "name", "en"))
    if not v.get("retirements"):
        ids = [_yaml_field(p, "id") for p in sorted((event_dir / "retirements").glob("*.yaml"))]
        v["retirements"] = [i for i in ids if i]
    notes: list[tuple[str, str]] = []
    _, event, account = context.event_and_account(registry, event_dir, date.fromisoformat(v["declared_on"]))
    if event.plan is not None:
        v["scope"] = v.get("scope") or event.plan.target_scope
    if account is not None and event.plan is not None and event.report is not None and v.get("scope") in SCOPE_WORDS:
        own = {r.id: r.quantity for r in event.retirements}
        retired = sum(own.get(i, 0) for i in v["retirements"])
        needed = account.needed(v["scope"])
        emissions = account.total if v["scope"] == "full" else account.basic
        zh, en = SCOPE_WORDS[v["scope"]]
        name_zh, name_en = event.plan.name.zh, event.plan.name.en
        v.setdefault("statement_zh", f"{name_zh}已按《上海市大型活动碳中和工作指引》核算排放 {emissions} tCO2e，"
                                     f"注销 {retired} 吨碳配额和减排量（需 {needed} 吨），实现{zh}。")
        v.setdefault("statement_en", f"{name_en} accounted {emissions} tCO2e of emissions under the Shanghai guideline "
                                     f"and retired {retired} t of allowances and credits ({needed} t needed), "
                                     f"reaching {en}.")
        if retired < needed:
            notes.append((f"所列注销共 {retired} 吨，少于{zh}所需的 {needed} 吨；补足注销前 carbonreg check 会报告 R701",
                          f"the listed retirements hold {retired} t, less than the {needed} t {en} needs; "
                          "carbonreg check reports R701 until more is retired"))
    elif event.report is None:
        notes.append(("尚无可读的排放核算报告，声明文字留待填写（TODO）",
                      "there is no readable emissions report yet; the statement is left as a TODO"))
    target = event_dir / "declaration.yaml"
    path = write_atomic(target, templates.declaration(schema_ref(target, "declaration"), v).encode("utf-8"), replace=False)
    return path, notes
