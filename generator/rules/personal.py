"""Personal data never goes into the public registry (PIPL; Art. 17 forbids leaking what a service
learns): mobile numbers, resident ID numbers, personal e-mail addresses and bank card numbers are
refused in records and in attachments whose text can be read."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from generator.findings import Location, error
from generator.rules.context import CheckContext

# Identifier fields hold codes, digests and serials, not free text: their digit runs are not personal data.
_IDENTIFIER_FIELDS = {"id", "key", "sha256", "credit_code", "prefix", "first", "last", "path", "evidence", "proof",
                      "url", "website", "event", "agency", "number", "unit", "district", "province", "city"}
_MOBILE = re.compile(r"(?<!\d)(?<!\d\.)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)(?!\.\d)")
_RESIDENT_ID = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])")
_CARD = re.compile(r"(?<!\d)(?<!\d\.)(\d(?:[ -]?\d){15,18})(?!\d)(?!\.\d)")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
PERSONAL_MAIL_DOMAINS = {
    "qq.com", "foxmail.com", "163.com", "126.com", "yeah.net", "sina.com", "sina.cn", "sohu.com", "139.com",
    "189.cn", "aliyun.com", "gmail.com", "hotmail.com", "outlook.com", "live.com", "yahoo.com", "icloud.com",
}
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
WHERE = ("联系人等个人信息请通过平台的非公开渠道提交，绝不写入公开登记库；请删除",
         "contact details go to the platform through its private channel, never into the public registry; remove it")


def resident_id_valid(text: str) -> bool:
    """GB 11643: 17 digits, a plausible birth date, and the ISO 7064 MOD 11-2 check character."""
    body, check = text[:17], text[17].upper()
    if not body.isdigit():
        return False
    year, month, day = int(body[6:10]), int(body[10:12]), int(body[12:14])
    if not (1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return False
    return _ID_CHECK[sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS)) % 11] == check


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def find_personal_data(text: str) -> Iterator[tuple[str, str, str]]:
    """(code, zh, en) for every kind of personal data in ``text``."""
    for m in _MOBILE.finditer(text):
        yield "P101", f"手机号码 {m.group(1)}****{m.group(3)}", f"a mobile phone number {m.group(1)}****{m.group(3)}"
    for m in _RESIDENT_ID.finditer(text):
        if resident_id_valid(m.group(1)):
            yield "P102", f"居民身份证号码 {m.group(1)[:6]}********{m.group(1)[-4:]}", f"a resident ID number {m.group(1)[:6]}********{m.group(1)[-4:]}"
    for m in _CARD.finditer(text):
        digits = re.sub(r"[ -]", "", m.group(1))
        if 16 <= len(digits) <= 19 and luhn_valid(digits) and not resident_id_valid(digits[:18].ljust(18, "0")):
            yield "P104", f"银行卡号 ****{digits[-4:]}", f"a bank card number ****{digits[-4:]}"
    for m in _EMAIL.finditer(text):
        if m.group(1).lower() in PERSONAL_MAIL_DOMAINS:
            yield "P103", f"个人电子邮箱 {m.group(0)}", f"a personal e-mail address {m.group(0)}"


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


def _documents(ctx: CheckContext):
    reg = ctx.registry
    for event in reg.events:
        yield from (r.doc for r in (event.plan, event.report, event.declaration, *event.retirements) if r is not None)
    if not ctx.whole:
        return
    yield from (a.doc for a in reg.agencies.values())
    yield from (r.doc for r in reg.revocations)
    yield from (o.doc for o in reg.offers)


def no_personal_data_in_records(ctx: CheckContext):
    for doc in _documents(ctx):
        for path, text in _strings(doc.data):
            for code, zh, en in find_personal_data(text):
                yield error(code, doc.at(*path), f"发现个人信息：{zh}。{WHERE[0]}", f"personal data found: {en}. {WHERE[1]}")


def attachment_text(path: Path) -> str | None:
    """The text of an attachment when it can be extracted (PDF via pypdf, plain text formats)."""
    suffix = path.suffix.lower()
    if suffix in (".txt", ".csv", ".md", ".json", ".xml", ".html"):
        return path.read_bytes().decode("utf-8", errors="replace")
    if suffix == ".pdf":
        try:
            from pypdf import PdfReader

            reader = PdfReader(str(path))
            return "\n".join((page.extract_text() or "") for page in reader.pages[:200])
        except Exception:  # noqa: BLE001 - a PDF we cannot read is left to the reviewer, not a crash
            return None
    return None


def no_personal_data_in_attachments(ctx: CheckContext):
    from generator.loading.cache import DerivedCache, default_folder
    from generator.rules.attachments import attachment_problem, sha256_file

    cache = DerivedCache(default_folder(), "personal-data")
    for event in ctx.registry.events:
        seen = set()
        for rec in (event.plan, event.report, *event.retirements):
            for att in getattr(rec, "attachments", ()) if rec is not None else ():
                if att.path in seen or attachment_problem(event.dir, att.path):
                    continue
                seen.add(att.path)
                path = event.dir / att.path
                key = cache.key("personal-data", path.suffix.lower(), sha256_file(path))
                hits = cache.get_or_compute(key, lambda: [list(h) for h in find_personal_data(attachment_text(path) or "")])
                for code, zh, en in hits:
                    root = ctx.registry.shown_root.rstrip("/")
                    yield error(code, Location(f"{root}/{event.rel_dir}/{att.path}", 1, 1),
                                f"附件中发现个人信息：{zh}。{WHERE[0]}或先脱敏", f"personal data found in an attachment: {en}. {WHERE[1]} or redact it first",
                                related=(rec.doc.at("attachments", att.index, "path"),))
