"""Build frozen records from schema-valid documents (the schema has already checked shapes)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal, localcontext

from generator.loading.document import Document
from generator.model import records as r


def dec(value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def day(value) -> date:
    return date.fromisoformat(value)


def opt_day(value) -> date | None:
    return day(value) if value is not None else None


def text(value: dict) -> r.Text:
    return r.Text(value["zh"], value["en"])


def opt_text(value) -> r.Text | None:
    return text(value) if value else None


def citation(value) -> r.Citation | None:
    if not value:
        return None
    return r.Citation(text(value["title"]), text(value["issuer"]), value.get("number"),
                      opt_day(value.get("date")), value.get("url"))


def attachments(items) -> tuple[r.Attachment, ...]:
    return tuple(r.Attachment(a["path"], a["sha256"], text(a["title"]), i) for i, a in enumerate(items or ()))


def plan(doc: Document) -> r.Plan:
    d = doc.data
    measures = tuple(
        r.Measure(m["phase"], m["area"], text(m["description"]),
                  dec(m["estimated_reduction_tco2e"]) if "estimated_reduction_tco2e" in m else None)
        for m in d["reduction_measures"]
    )
    phases = {name: r.Period(day(p["start"]), day(p["end"])) for name, p in d["phases"].items()}
    return r.Plan(
        id=d["id"], name=text(d["name"]), kind=d["kind"],
        organizer=text(d["organizer"]["name"]), organizer_credit_code=d["organizer"].get("credit_code"),
        venue=text(d["venue"]["name"]), district=d["venue"]["district"], content=text(d["content"]),
        phases=phases, attendance={k: dec(v) for k, v in d["attendance"].items()}, measures=measures,
        estimate_basic=_opt_dec(d["estimate"].get("basic_tco2e")), estimate_total=_opt_dec(d["estimate"].get("total_tco2e")),
        target_scope=d["offset_plan"]["target_scope"], offset_kinds=tuple(d["offset_plan"]["kinds"]),
        expected_neutral_by=day(d["expected_neutral_by"]), attachments=attachments(d.get("attachments")),
        doc=doc, estimate_lines=tuple(_estimate_line(i, x) for i, x in enumerate(d["estimate"].get("lines", ()))),
    )


def _opt_dec(value) -> Decimal | None:
    return dec(value) if value is not None else None


def _estimate_line(i: int, d: dict) -> r.EstimateLine:
    a = d["activity"]
    people, per = a.get("people"), _opt_dec(a.get("per_person"))
    with localcontext() as ctx:
        ctx.prec = 100  # exact: a bounded integer times a bounded decimal
        amount = dec(a["amount"]) if people is None or per is None else Decimal(people) * per
    density = (dec(d["density"]["value"]), d["density"]["unit"]) if "density" in d else None
    line = r.EmissionLine(d["id"], i, d["phase"], d["category"], d.get("mode"), text(d["description"]), amount,
                          a["unit"], None, density, r.FactorChoice("default", d["factor"]["key"]), None, d.get("gas"),
                          **_metering(d))
    return r.EstimateLine(line, people, per)


def _line(i: int, d: dict) -> r.EmissionLine:
    f = d["factor"]
    choice = r.FactorChoice(f["source"], f.get("key"), dec(f["value"]) if "value" in f else None,
                            f.get("unit"), f.get("evidence"))
    density = (dec(d["density"]["value"]), d["density"]["unit"]) if "density" in d else None
    a = d["activity"]
    g = d.get("green_power")
    green = r.GreenPower(g["kind"], tuple(g["ids"]), g["evidence"]) if g else None
    return r.EmissionLine(d["id"], i, d["phase"], d["category"], d.get("mode"), text(d["description"]),
                          dec(a["amount"]), a["unit"], a.get("evidence"), density, choice, green, d.get("gas"),
                          a.get("source"), int(a["sample_size"]) if "sample_size" in a else None,
                          **_metering(d))


def _metering(d: dict) -> dict:
    """What a report or estimate line states for its unit conversion beyond a density, and its flight band."""
    c = d.get("conditions")
    return {"conditions": (dec(c["temperature_c"]), dec(c["pressure_kpa"])) if c else None,
            "guests_per_room": dec(d["guests_per_room"]) if "guests_per_room" in d else None,
            "distance_band": d.get("distance_band")}


def report(doc: Document) -> r.Report:
    d = doc.data
    exclusions = tuple(r.Exclusion(x["category"], text(x["reason"]), i) for i, x in enumerate(d.get("exclusions", ())))
    return r.Report(d["event"], d["prepared_by"]["role"], d["prepared_by"].get("agency"),
                    day(d["prepared_on"]), tuple(_line(i, x) for i, x in enumerate(d["lines"])),
                    attachments(d.get("attachments")), doc, exclusions)


def retirement(doc: Document) -> r.Retirement:
    d = doc.data
    p = d.get("project")
    project = (r.Project(p["id"], text(p["name"]), p.get("type"), p["location"]["province"],
                         p["location"].get("city"), p["vintage"]) if p else None)
    serials = tuple(r.SerialBlock(s["prefix"], int(s["first"]), int(s["last"]), len(s["first"]), len(s["last"]), i)
                    for i, s in enumerate(d["serials"]))
    return r.Retirement(d["id"], d["event"], d["kind"], d["registry"], project, serials, d["quantity"],
                        day(d["retired_on"]), d["beneficiary"]["event"], d["acquisition"]["method"],
                        citation(d.get("recognition")), d["proof"], attachments(d["attachments"]), doc)


def declaration(doc: Document) -> r.Declaration:
    d = doc.data
    return r.Declaration(d["id"], d["event"], d["scope"], day(d["declared_on"]), text(d["declarant"]),
                         text(d["statement"]), tuple(d["retirements"]), doc)


def revocation(doc: Document) -> r.Revocation:
    d = doc.data
    t = d["target"]
    return r.Revocation(d["id"], t["kind"], t["event"], t["id"], day(d["decided_on"]), d["article"],
                        text(d["reason"]), text(d["decided_by"]), d.get("agency_suspended"), doc)


def offer(doc: Document) -> r.Offer:
    d = doc.data
    s, p, t = d["supplier"], d.get("project"), d["terms"]
    supplier = r.Supplier(text(s["name"]), s.get("role"), s.get("credit_code"), s.get("website"), s.get("email"),
                          s.get("phone"))
    project = (r.Project(p["id"], text(p["name"]), p.get("type"), p["location"]["province"],
                         p["location"].get("city"), d["vintage"]) if p else None)
    price = dec(t["price_per_tonne_cny"]) if "price_per_tonne_cny" in t else None
    return r.Offer(d["id"], supplier, d["kind"], d["registry"], project, d["vintage"], d["quantity_available"],
                   t["method"], price, citation(d.get("recognition")), day(d["valid_from"]), day(d["valid_until"]),
                   opt_text(d.get("note")), doc)


def agency(doc: Document) -> r.Agency:
    d = doc.data
    acc = d["accreditation"]
    return r.Agency(d["id"], text(d["name"]), day(acc["from"]), opt_day(acc.get("until")), d["status"],
                    opt_day(d.get("suspended_since")), doc)


def factor_set(doc: Document) -> r.FactorSet:
    d = doc.data
    factors: dict[str, r.Factor] = {}
    for i, f in enumerate(d["factors"]):
        factors.setdefault(f["key"], r.Factor(f["key"], i, f["category"], f.get("mode"), text(f["name"]),
                                              dec(f["value"]), f["unit"], f.get("year"), f["status"],
                                              citation(f.get("source")), f.get("gas"), f.get("distance_band")))
    return r.FactorSet(d["id"], d["jurisdiction"], d["version"], day(d["valid_from"]),
                       opt_day(d.get("valid_until")), factors, doc)


def rules(doc: Document) -> r.Rules:
    d = doc.data
    thresholds = {kind: tuple((c["metric"], dec(c["min"])) for c in crit) for kind, crit in d["thresholds"].items()}
    offsets = {o["kind"]: r.OffsetRule(o["kind"], o["article"], text(o["label"]), tuple(o.get("registries", ())),
                                       o.get("project_province"), dec(o.get("quality", 1)))
               for o in d["offsets"]}
    document = citation(d["document"])
    assert document is not None  # the rules schema requires it
    return r.Rules(
        id=d["id"], jurisdiction=d["jurisdiction"], effective_from=day(d["effective_from"]),
        document=document, thresholds=thresholds, required_phases=tuple(d["required_phases"]),
        required_scope=d["required_scope"], scope_completeness=d.get("scope_completeness", "any_category"),
        plan_estimate=d.get("plan_estimate", "totals"),
        basic_categories=frozenset(d["scopes"]["basic"]["categories"]),
        extended_categories=frozenset(d["scopes"]["extended"]["categories"]), scopes_status=d["scopes"]["status"],
        offsets=offsets, deadline_months=d["deadline_months_after_end"],
        districts={k: text(v) for k, v in d["districts"].items()}, doc=doc,
        activity_source=d.get("activity_source", "optional"),
        showcase=showcase(d["showcase"]) if "showcase" in d else None,
    )


def showcase(d: dict) -> r.Showcase:
    w, p = d["weights"], d["scope_points"]
    return r.Showcase(d["status"], (dec(w["scope"]), dec(w["offset"]), dec(w["support"])),
                      (dec(p["full_all_phases"]), dec(p["full"]), dec(p["basic"])))


def meta(doc: Document) -> r.RegistryMeta:
    d = doc.data
    licence = d.get("data_licence")
    return r.RegistryMeta(text(d["name"]), d["jurisdiction"], text(d["operator"]), d.get("base_url"),
                          d.get("contact"), (licence["id"], licence["url"]) if licence else None)


BUILDERS = {
    "plan": plan, "report": report, "retirement": retirement, "declaration": declaration,
    "agency": agency, "revocation": revocation, "factor-set": factor_set, "rules": rules, "registry": meta,
    "offer": offer,
}
