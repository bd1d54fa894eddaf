"""Personal data in text: mobile numbers (P101), resident ID numbers (P102), personal e-mail
addresses (P103) and bank card numbers (P104), however they are spelled.

Text is normalized before matching: NFKC (full-width digits and punctuation such as ``１３８`` or
``＠`` become ASCII), every Unicode space becomes a space, every dash a hyphen, line separators a
line break, and invisible format characters (zero-width spaces, soft hyphens) are dropped. Digit
groups may then be separated by spaces, hyphens, dots or middle dots, and a line break (from the
wrapping of extracted PDF text) may fall between any two digits. Every hit keeps the offset of its
first character in the original text, so callers can tell the line; numbers are masked in messages.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterator

PERSONAL_MAIL_DOMAINS = frozenset({
    "qq.com", "foxmail.com", "163.com", "126.com", "yeah.net", "sina.com", "sina.cn", "sohu.com", "139.com",
    "189.cn", "aliyun.com", "gmail.com", "hotmail.com", "outlook.com", "live.com", "yahoo.com", "icloud.com",
})
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

_BREAK = r"(?: *\n *)"  # a line break (with the spaces around it) may fall between any two digits
_B = _BREAK + "?"
_GROUP = rf"(?:[ \-.·・]{{1,2}}|{_BREAK})?"  # between digit groups: spaces, hyphens, dots, a line break


def _digits(n: int) -> str:
    """``n`` digits, a line break allowed between any two."""
    return r"\d" + rf"(?:{_B}\d)" * (n - 1) if n > 1 else r"\d"


_MOBILE = re.compile(
    rf"(?<!\d)(?<!\d\.)(?:\(?\+?86\)?{_GROUP})?(1{_B}[3-9]{_B}\d){_GROUP}({_digits(4)}){_GROUP}({_digits(4)})(?!\d)(?!\.\d)")
_RESIDENT_ID = re.compile(
    rf"(?<![0-9A-Za-z])({_digits(6)}{_GROUP}{_digits(8)}{_GROUP}{_digits(3)}{_B}[\dXx])(?![0-9A-Za-z])")
_CARD = re.compile(rf"(?<!\d)(?<!\d\.)(\d(?:(?:[ \-]|{_BREAK})?\d){{15,18}})(?!\d)(?!\.\d)")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
_NOT_DIGIT = re.compile(r"[^0-9Xx]")


@dataclass(frozen=True)
class Hit:
    code: str  # P101..P104
    zh: str  # what was found, masked
    en: str
    offset: int  # of the hit's first character in the original text


def resident_id_valid(text: str) -> bool:
    """GB 11643: 17 digits, a plausible birth date, and the ISO 7064 MOD 11-2 check character."""
    body, check = text[:17], text[17].upper()
    if not (body.isascii() and body.isdigit()):
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


def _normal_char(ch: str) -> str:
    category = unicodedata.category(ch)
    if ch in "\r\x0b\x0c\x85" or category in ("Zl", "Zp"):
        return "\n"
    if category == "Zs" or ch == "\t":
        return " "
    if category == "Cf":
        return ""  # zero-width spaces and joiners, soft hyphens, direction marks
    if category == "Pd":
        return "-"
    return unicodedata.normalize("NFKC", ch)


def normalize(text: str) -> tuple[str, list[int] | None]:
    """``text`` normalized for matching, and for each of its characters the offset of the original
    character it came from (None when the text is unchanged, as plain ASCII text is)."""
    if text.isascii() and "\r" not in text and "\t" not in text and "\x0b" not in text and "\x0c" not in text:
        return text, None
    out: list[str] = []
    origin: list[int] = []
    memo: dict[str, str] = {}
    for i, ch in enumerate(text):
        if ch.isascii() and ch not in "\r\t\x0b\x0c":
            out.append(ch)
            origin.append(i)
            continue
        norm = memo.get(ch)
        if norm is None:
            norm = memo[ch] = _normal_char(ch)
        out.extend(norm)
        origin.extend([i] * len(norm))
    return "".join(out), origin


def _mask_mobile(m: re.Match) -> tuple[str, str]:
    head, tail = _NOT_DIGIT.sub("", m.group(1)), _NOT_DIGIT.sub("", m.group(3))
    return f"手机号码 {head}****{tail}", f"a mobile phone number {head}****{tail}"


def find_hits(text: str) -> Iterator[Hit]:
    """Every piece of personal data in ``text``, with its offset in ``text``."""
    norm, origin = normalize(text)

    def at(i: int) -> int:
        return origin[i] if origin is not None else i

    for m in _MOBILE.finditer(norm):
        zh, en = _mask_mobile(m)
        yield Hit("P101", zh, en, at(m.start()))
    for m in _RESIDENT_ID.finditer(norm):
        number = _NOT_DIGIT.sub("", m.group(1))
        if resident_id_valid(number):
            yield Hit("P102", f"居民身份证号码 {number[:6]}********{number[-4:]}",
                      f"a resident ID number {number[:6]}********{number[-4:]}", at(m.start()))
    for m in _CARD.finditer(norm):
        digits = _NOT_DIGIT.sub("", m.group(1))
        if 16 <= len(digits) <= 19 and luhn_valid(digits) and not resident_id_valid(digits[:18].ljust(18, "0")):
            yield Hit("P104", f"银行卡号 ****{digits[-4:]}", f"a bank card number ****{digits[-4:]}", at(m.start()))
    for m in _EMAIL.finditer(norm):
        if m.group(1).lower() in PERSONAL_MAIL_DOMAINS:
            shown = _mask_mail(m.group(0))
            yield Hit("P103", f"个人电子邮箱 {shown}", f"a personal e-mail address {shown}", at(m.start()))


def _mask_mail(address: str) -> str:
    """``zhangsan@qq.com`` as ``z***@qq.com``: findings are printed in CI logs, which may be public."""
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}"


def find_personal_data(text: str) -> Iterator[tuple[str, str, str]]:
    """(code, zh, en) for every kind of personal data in ``text``."""
    for hit in find_hits(text):
        yield hit.code, hit.zh, hit.en
