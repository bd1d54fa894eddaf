"""Each answer of ``carbonreg new``'s questions checked as it is typed: a check takes the text and
returns the value to keep, or raises :class:`Retry` with what to type instead (in both languages)."""
from __future__ import annotations

import re
from datetime import date
from typing import Callable

from generator.errors import CarbonregError

EVENT_ID = re.compile(r"^[0-9]{4}(-[a-z0-9]+)+$")
RECORD_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
KIND_NAMES = {"演出": "performance", "体育": "sports", "体育赛事": "sports", "会议": "conference",
              "论坛": "conference", "展览": "exhibition", "展会": "exhibition", "其他": "other"}


class Retry(CarbonregError):
    """An answer that is not valid: what to type instead (the question is asked again)."""


Check = Callable[[str, dict], object]


def a_date(text: str, _: dict) -> str:
    try:
        return date.fromisoformat(text.replace("/", "-").replace("．", "-")).isoformat()
    except ValueError:
        raise Retry(f"{text!r} 不是有效日期；请按 YYYY-MM-DD 输入，如 2026-09-20",
                    f"{text!r} is not a valid date; type YYYY-MM-DD, e.g. 2026-09-20") from None


def end_date(text: str, values: dict) -> str:
    end = a_date(text, values)
    start = values.get("start")
    if start and end < start:
        raise Retry(f"结束日期 {end} 早于开始日期 {start}", f"the end {end} is before the start {start}")
    return end


def choice(options: tuple[str, ...], names: dict[str, str] | None = None) -> Check:
    def check(text: str, _: dict) -> str:
        value = (names or {}).get(text.strip(), text.strip().lower())
        if value not in options:
            raise Retry(f"{text!r} 不在可选值中；请输入其中之一：{', '.join(options)}",
                        f"{text!r} is not one of the choices; type one of: {', '.join(options)}")
        return value
    return check


def district(districts: dict) -> Check:
    """A district code, or its name as people write it (黄浦区, 黄浦, Huangpu), taken as the code."""
    from generator.rules.classification import district_code

    def check(text: str, _: dict) -> str:
        if not districts:
            return text
        code = text if text in districts else district_code(text, districts)
        if code is None:
            listed_zh = "、".join(f"{c}（{label.zh}）" for c, label in districts.items())
            listed_en = ", ".join(f"{c} ({label.en})" for c, label in districts.items())
            raise Retry(f"未知的区 {text!r}；可选：{listed_zh}", f"unknown district {text!r}; choose one of: {listed_en}")
        return code
    return check


def identifier(pattern: re.Pattern, zh: str, en: str, example: str) -> Check:
    def check(text: str, _: dict) -> str:
        if len(text) > 64 or not pattern.fullmatch(text):
            raise Retry(f"{zh}只能用小写字母、数字和短横线，如 {example}", f"the {en} takes lower-case letters, digits and hyphens, e.g. {example}")
        return text
    return check


def whole_number(text: str, _: dict) -> int:
    if not text.isdigit() or int(text) <= 0:
        raise Retry(f"{text!r} 不是正整数；请只输入数字，如 740", f"{text!r} is not a whole number above 0; type digits only, e.g. 740")
    return int(text)


def free_text(text: str, _: dict) -> str:
    return text
