"""Personal data never goes into the public registry (PIPL; Art. 17 forbids leaking what a service
learns): mobile numbers, resident ID numbers, personal e-mail addresses and bank card numbers are
refused in records and in attachments, however they are spelled (``generator/privacy/patterns.py``).

Attachments are read by kind (``generator/documents/``): text, PDF pages and metadata, Office and
OpenDocument parts, SVG text, image metadata. Findings keep the file and, where the text has lines
(text files, SVG), the line; PDF and Office findings name the page or part instead."""
from __future__ import annotations

import functools
from pathlib import Path

from generator.findings import Location, error, warning
from generator.privacy.patterns import (  # noqa: F401 - re-exported for callers and tests
    PERSONAL_MAIL_DOMAINS,
    find_hits,
    find_personal_data,
    luhn_valid,
    resident_id_valid,
)
from generator.rules.context import EventContext, RegistryContext

# Identifier fields hold codes, digests and serials, not free text: their digit runs are not personal data.
_IDENTIFIER_FIELDS = {"id", "key", "sha256", "credit_code", "prefix", "first", "last", "path", "evidence", "proof",
                      "url", "website", "event", "agency", "number", "unit", "district", "province", "city"}
WHERE = ("联系人等个人信息请通过平台的非公开渠道提交，绝不写入公开登记库；请删除",
         "contact details go to the platform through its private channel, never into the public registry; remove it")


def _strings(value, path=()):
    if isinstance(value, dict):
        for k, v in value.items():
            if k not in _IDENTIFIER_FIELDS:
                yield from _strings(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, path + (i,))
    elif isinstance(value, str):
        yield path, value


def _documents(ctx: EventContext | RegistryContext):
    """The record documents in focus: the event's records for an event rule; the agencies, notices
    and offers for a registry rule."""
    if isinstance(ctx, EventContext):
        event = ctx.event
        yield from (r.doc for r in (event.plan, event.report, event.declaration, *event.retirements) if r is not None)
        return
    reg = ctx.registry
    yield from (a.doc for a in reg.agencies.values())
    yield from (r.doc for r in reg.revocations)
    yield from (o.doc for o in reg.offers)


def no_personal_data_in_records(ctx: EventContext | RegistryContext):
    """P101-P104 in records, as an event rule and as a registry rule (see :func:`_documents`)."""
    for doc in _documents(ctx):
        for path, text in _strings(doc.data):
            for code, zh, en in find_personal_data(text):
                yield error(code, doc.at(*path), f"发现个人信息：{zh}。{WHERE[0]}", f"personal data found: {en}. {WHERE[1]}")


def scan_attachment(path: Path, kind: str) -> dict:
    """What an attachment's content says, as plain JSON (cached by content): personal data hits
    (code, zh, en, line, where zh, where en), a refusal or unreadable reason, metadata fields that
    name a person, whether it is an image, and SVG active content."""
    from generator.documents.extract import Refused, Unreadable, extract

    out: dict = {"hits": [], "refused": None, "unreadable": None, "personal": [], "pixels": False, "active": []}
    try:
        content = extract(path, kind)
    except Refused as exc:
        out["refused"] = [exc.zh, exc.en]
        return out
    except Unreadable as exc:
        out["unreadable"] = [exc.zh, exc.en]
        return out
    for seg in content.segments:
        for hit in find_hits(seg.text):
            line = seg.line + seg.text.count("\n", 0, hit.offset) if seg.line is not None else None
            out["hits"].append([hit.code, hit.zh, hit.en, line, seg.where_zh, seg.where_en])
    out["personal"], out["pixels"], out["active"] = list(content.personal_metadata), content.pixels, list(content.active)
    return out


def attachment_content(ctx: EventContext):
    """P101-P107 and R608 for every attachment whose kind the registry accepts (R606 refuses the rest)."""
    from generator.documents.kinds import kind_of
    from generator.rules.attachments import attachment_problem

    cache = ctx.caches.derived("personal-data")
    root = ctx.registry.shown_root.rstrip("/")
    event = ctx.event
    for rec, att in event.attachments():
        kind = kind_of(att.path)
        if kind is None or attachment_problem(event.dir, att.path):
            continue
        path = event.dir / att.path
        try:
            key = cache.key("personal-data", kind, ctx.caches.sha256(path))
        except OSError:
            continue  # R602 says why
        result = cache.get_or_compute(key, functools.partial(scan_attachment, path, kind))
        shown = f"{root}/{event.rel_dir}/{att.path}" if root not in ("", ".") else f"{event.rel_dir}/{att.path}"
        yield from _findings(result, shown, (rec.doc.at("attachments", att.index, "path"),))


def _findings(result: dict, shown: str, related: tuple):
    file = Location(shown)
    for code, zh, en, line, where_zh, where_en in result["hits"]:
        at = Location(shown, line, 1) if line is not None else file
        zh_where, en_where = (f"（{where_zh}）", f" ({where_en})") if where_zh else ("", "")
        yield error(code, at, f"附件中发现个人信息{zh_where}：{zh}。{WHERE[0]}或先脱敏",
                    f"personal data found in an attachment{en_where}: {en}. {WHERE[1]} or redact it first", related=related)
    if result["refused"]:
        zh, en = result["refused"]
        yield error("P105", file, f"附件被拒绝读取：{zh}；无法检查其中的个人信息，请提交普通的文档（建议 PDF）",
                    f"attachment refused: {en}; its personal data cannot be checked, file an ordinary document (PDF preferred)", related=related)
    if result["unreadable"]:
        zh, en = result["unreadable"]
        yield warning("P106", file, f"附件无法读取：{zh}；请人工检查其中是否含个人信息，或换成可读取的 PDF",
                      f"attachment cannot be read: {en}; review it by hand for personal data, or file a readable PDF", related=related)
    if result["pixels"]:
        yield warning("P106", file, "图片中的文字无法自动检查（不做文字识别）；请人工确认图片中没有手机号、身份证号等个人信息",
                      "text in an image's pixels cannot be checked (no OCR); review that the image shows no phone number, ID number or other personal data",
                      related=related)
    if result["personal"]:
        fields = "、".join(result["personal"])
        yield warning("P107", file, f"附件的元数据可能含个人信息（{fields}）；请用 carbonreg scrub 去除元数据后再提交，并更新 SHA-256",
                      f"the attachment's metadata may hold personal data ({', '.join(result['personal'])}); remove it with carbonreg scrub, then "
                      "update the SHA-256",
                      related=related)
    for item in result["active"]:
        yield error("R608", file, f"SVG 附件含有可执行内容 {item}；网站不发布脚本，请删除它或改交 PDF/PNG",
                    f"the SVG attachment holds active content {item}; the site never publishes scripts, remove it or file a PDF/PNG instead",
                    related=related)
