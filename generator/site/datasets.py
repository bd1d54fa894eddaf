"""What the site publishes as open data, described once: the data page lists it and
``data/catalog.jsonld`` (a DCAT-AP 3 catalogue in JSON-LD, its context inlined so it reads offline)
offers it to data portals. Sizes are those of the files this build wrote."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from generator.site.opendata import CSV_COLUMNS, INDEX_FIELDS, SCHEMA_VERSION

# Column and field notes (zh, en), shown on the data page.
_COLUMN_NOTES = {
    "id": ("活动编号", "event id"), "event": ("活动编号", "event id"),
    "name_zh": ("中文名称", "Chinese name"), "name_en": ("英文名称", "English name"),
    "zh": ("中文名称", "Chinese name"), "en": ("英文名称", "English name"),
    "kind": ("类型代码", "kind code"), "start": ("开始日期", "start date"), "end": ("结束日期", "end date"),
    "district": ("区代码", "district code"),
    "basic_tco2e": ("基本范围排放，tCO₂e，精确值", "basic-scope emissions, tCO₂e, exact"),
    "extended_tco2e": ("拓展范围排放，tCO₂e，精确值", "extended-scope emissions, tCO₂e, exact"),
    "total_tco2e": ("排放合计，tCO₂e，精确值", "total emissions, tCO₂e, exact"),
    "total": ("排放合计，tCO₂e，精确值", "total emissions, tCO₂e, exact"),
    "needed_basic": ("基本碳中和所需，整吨", "needed for basic neutrality, whole tonnes"),
    "needed_full": ("全口径碳中和所需，整吨", "needed for full-scope neutrality, whole tonnes"),
    "retired": ("已注销，整吨", "retired, whole tonnes"), "level": ("碳中和水平代码", "neutrality level code"),
    "status": ("状态代码", "status code"), "deadline": ("完成期限", "deadline"),
    "line": ("排放源编号", "emission line id"), "phase": ("阶段代码", "phase code"),
    "category": ("类别代码", "category code"), "mode": ("交通方式代码", "transport mode code"),
    "amount": ("活动数据", "activity amount"), "unit": ("活动数据单位", "activity unit"),
    "factor": ("排放因子", "emission factor"), "factor_unit": ("因子单位", "factor unit"),
    "factor_origin": ("因子来源：measured/official/placeholder", "factor origin: measured/official/placeholder"),
    "scope": ("范围：basic/extended", "scope: basic/extended"), "tco2e": ("排放，tCO₂e，精确值", "emissions, tCO₂e, exact"),
    "quantity": ("注销数量，整吨", "quantity retired, whole tonnes"), "registry": ("注册登记机构代码", "unit registry code"),
    "retired_on": ("注销日期", "retirement date"),
    "serial_blocks": ("序列号段，空格分隔，前缀:起-止", "serial blocks, space separated, prefix:first-last"),
    "schema_version": ("导出格式版本", "export format version"),
}


@dataclass(frozen=True)
class DataFile:
    path: str          # relative to the site root
    media_type: str
    columns: tuple[str, ...] = ()   # CSV columns, or a JSON file's main fields


@dataclass(frozen=True)
class Dataset:
    key: str
    title: tuple[str, str]
    description: tuple[str, str]
    files: tuple[DataFile, ...]
    schema: str | None = None       # site-relative JSON Schema the records follow


CSV, JSON, ATOM = "text/csv", "application/json", "application/atom+xml"


def datasets() -> tuple[Dataset, ...]:
    csv_cols = {name: (*cols, "schema_version") for name, cols in CSV_COLUMNS.items()}
    return (
        Dataset("events", ("活动一览", "Events"),
                ("每个登记活动一行：名称、类型、日期、区、各范围排放、所需与已注销抵销、碳中和水平和状态。",
                 "One row per filed event: name, kind, dates, district, emissions by scope, offsets needed and retired, level and status."),
                (DataFile("data/events.csv", CSV, csv_cols["events.csv"]),
                 DataFile("data/events-index.json", JSON, ("schema_version", "fields", "events", *INDEX_FIELDS)))),
        Dataset("registry", ("完整登记库", "Whole registry"),
                ("全部活动的公开记录（计划、报告、注销证明、声明）和平台计算结果，一个 JSON 文件；每个活动另有 data/events/<id>.json。",
                 "Every event's public records (plan, report, retirements, declaration) and what the platform computed, in one JSON file; each event "
                 "also has data/events/<id>.json."),
                (DataFile("data/registry.json", JSON, ("schema_version", "name", "sourceDate", "events")),),
                "schemas/v1/plan.schema.json"),
        Dataset("emission-lines", ("排放源明细", "Emission lines"),
                ("每份核算报告的每个排放源一行：活动数据、排放因子及其来源、范围和排放量。",
                 "One row per emission line of every report: activity data, emission factor and its origin, scope and emissions."),
                (DataFile("data/emission-lines.csv", CSV, csv_cols["emission-lines.csv"]),),
                "schemas/v1/report.schema.json"),
        Dataset("retirements", ("注销证明", "Retirements"),
                ("每份注销证明一行：抵销方式、注册登记机构、数量、日期和序列号段。",
                 "One row per retirement proof: offset kind, unit registry, quantity, date and serial blocks."),
                (DataFile("data/retirements.csv", CSV, csv_cols["retirements.csv"]),),
                "schemas/v1/retirement.schema.json"),
        Dataset("revocations", ("撤销公告", "Revocation notices"),
                ("第十六、十七条撤销的声明和证书及其理由；另有 Atom 订阅。",
                 "Declarations and certificates revoked under Art. 16-17, with the reasons; also as an Atom feed."),
                (DataFile("data/revocations.json", JSON, ("schema_version", "revocations")),
                 DataFile("revocations/feed.xml", ATOM)),
                "schemas/v1/revocation.schema.json"),
        Dataset("offers", ("抵销供给", "Offset offers"),
                ("截至更新日有效的配额和减排量供给（第七、十二条）。", "Allowances and credits offered, valid on the update date (Art. 7 and 12)."),
                (DataFile("data/offers.json", JSON, ("schema_version", "offers")),),
                "schemas/v1/offer.schema.json"),
        Dataset("feed", ("新登记与声明订阅", "New filings and declarations"),
                ("Atom 订阅：每个活动及其声明。", "Atom feed: every event and its declaration."),
                (DataFile("feed.xml", ATOM),)),
        Dataset("trust", ("信任文件", "Trust documents"),
                ("平台签名的 root、机构授权、状态列表、日志与检查点，用于离线核验证书。",
                 "The platform-signed root, agency authorizations, status list, log and checkpoint, to verify certificates offline."),
                (DataFile("trust/root.json", JSON), DataFile("trust/authorizations.json", JSON),
                 DataFile("trust/status.json", JSON), DataFile("trust/checkpoint.json", JSON),
                 DataFile("trust/log.json", JSON))),
    )


def column_note(name: str, lang: str) -> str:
    pair = _COLUMN_NOTES.get(name)
    return "" if pair is None else pair[0 if lang == "zh" else 1]


def published(target: Path) -> list[tuple[Dataset, list[tuple[DataFile, int]]]]:
    """Each dataset with the files of it this build wrote, and their sizes in bytes."""
    out = []
    for ds in datasets():
        files = [(f, (target / f.path).stat().st_size) for f in ds.files if (target / f.path).is_file()]
        if files:
            out.append((ds, files))
    return out


CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "adms": "http://www.w3.org/ns/adms#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _text(pair) -> list[dict]:
    return [{"@value": pair[0], "@language": "zh"}, {"@value": pair[1], "@language": "en"}]


def catalog(model, base_url: str | None, target: Path) -> tuple[str, bytes]:
    """``data/catalog.jsonld``: the DCAT-AP 3 catalogue of every dataset this build published."""
    base = (base_url or "https://carbonreg.example.org/").rstrip("/") + "/"
    meta_contact = getattr(model, "contact", None)
    licence = getattr(model, "data_licence", None)
    modified = {"@value": model.source_date, "@type": "xsd:dateTime"}
    publisher = {"@type": "foaf:Agent", "foaf:name": _text((model.operator.zh, model.operator.en))} \
        if model.operator else None
    entries = []
    for ds, files in published(target):
        dists = []
        for f, size in files:
            dist = {"@id": base + f.path, "@type": "dcat:Distribution",
                    "dct:title": {"@value": f.path.rsplit("/", 1)[-1]},
                    "dcat:accessURL": {"@id": base + "data/"}, "dcat:downloadURL": {"@id": base + f.path},
                    "dcat:mediaType": {"@id": f"http://www.iana.org/assignments/media-types/{f.media_type}"},
                    "dcat:byteSize": {"@value": str(size), "@type": "xsd:nonNegativeInteger"},
                    "dct:modified": modified}
            if licence:
                dist["dct:license"] = {"@id": licence[1]}
            if ds.schema and f.media_type == JSON and f.path.startswith("data/"):
                dist["dct:conformsTo"] = {"@id": base + ds.schema}
            dists.append(dist)
        entry = {"@id": f"{base}data/#{ds.key}", "@type": "dcat:Dataset", "dct:identifier": ds.key,
                 "dct:title": _text(ds.title), "dct:description": _text(ds.description), "dct:modified": modified,
                 "owl:versionInfo": SCHEMA_VERSION, "dcat:landingPage": {"@id": base + "data/"},
                 "dcat:distribution": dists}
        if publisher:
            entry["dct:publisher"] = publisher
        if meta_contact:
            entry["dcat:contactPoint"] = _contact(meta_contact)
        entries.append(entry)
    doc = {"@context": CONTEXT, "@id": base + "data/catalog.jsonld", "@type": "dcat:Catalog",
           "dct:title": _text((model.name.zh, model.name.en)),
           "dct:description": _text(("大型活动碳中和登记库的开放数据。", "Open data of the large-event carbon neutrality registry.")),
           "dct:modified": modified, "foaf:homepage": {"@id": base}, "owl:versionInfo": SCHEMA_VERSION,
           "dct:conformsTo": {"@id": "http://data.europa.eu/r5r/"}, "dcat:dataset": entries}
    if publisher:
        doc["dct:publisher"] = publisher
    if licence:
        doc["dct:license"] = {"@id": licence[1]}
    if meta_contact:
        doc["dcat:contactPoint"] = _contact(meta_contact)
    text = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return "data/catalog.jsonld", text.encode("utf-8")


def _contact(address: str) -> dict:
    key = "vcard:hasEmail" if address.startswith("mailto:") else "vcard:hasURL"
    return {"@type": "vcard:Kind", key: {"@id": address}}
