"""How the site shows quantities: one rule per context, applied everywhere.

- Open data and signed credentials carry **exact** decimals (``opendata.py``, the bundles); the
  certificate and declaration pages print the signed values exactly, as the verifier shows them.
- Pages round emissions to **one decimal place of a tonne (0.1 tCO₂e, half up)**; the rounding is
  stated in every page's footer. Offsets are whole tonnes already (needed is rounded up, Art. 13).
- Every number has thousands separators (``1,234,567.8``); units are written with subscripts and
  superscripts (tCO₂e, 10⁴ kWh) and, on Chinese pages, in Chinese where the unit is a word.
- Times are shown as ``2026-11-25 08:30 UTC``, never as raw ISO 8601 stamps.
- Intensities (tCO2e per participant, visit, m², from ``accounting/indicators.py``) are shown in
  **kgCO₂e per unit, to 0.1 kg, half up** (a tenth of a tonne would read 0.0 for most events); shares
  of emissions as **percent to 0.1 %, half up**.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

PAGE_PLACES = 1  # decimals of a tonne shown on pages

# Word units (as filed in activity data and factor units) in each language; symbols stay symbols.
_WORDS = {
    "passenger-km": ("人公里", "passenger-km"),
    "vehicle-km": ("车公里", "vehicle-km"),
    "room-night": ("间夜", "room-nights"),
    "meal": ("份餐", "meals"),
    "person-day": ("人天", "person-days"),
    "unit": ("件", "units"),
    "piece": ("件", "pieces"),
}
_SYMBOLS = [(re.compile(r"10\^(\d+)"), lambda m: "10" + m.group(1).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")) + " "),
            (re.compile(r"CO2"), lambda m: "CO₂"), (re.compile(r"(?<=[a-zA-Z])3\b"), lambda m: "³"),
            (re.compile(r"(?<=m)2\b"), lambda m: "²")]


def grouped(value: Decimal | int) -> str:
    """Exact, with thousands separators and no trailing zeros (integers stay integers)."""
    if isinstance(value, int):
        return f"{value:,}"
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{int(value):,}"
    text = f"{value.normalize():,f}"
    return text


def rounded(value: Decimal | int, places: int = PAGE_PLACES) -> str:
    """A page's value: rounded half up to ``places`` decimals, thousands separators, fixed decimals."""
    q = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if q == 0:
        q = abs(q)  # never "-0.0"
    return f"{q:,f}"


def signed(value: Decimal) -> str:
    text = rounded(value)
    return ("+" + text) if Decimal(value).quantize(Decimal(1).scaleb(-PAGE_PLACES), rounding=ROUND_HALF_UP) > 0 else text


def unit(text: str, lang: str) -> str:
    """A unit as filed (``kgCO2e/passenger-km``, ``tCO2/10^4kWh``) as a reader writes it."""
    parts = []
    for part in str(text).split("/"):
        word = _WORDS.get(part)
        if word is not None:
            parts.append(word[0] if lang == "zh" else word[1])
            continue
        for pattern, repl in _SYMBOLS:
            part = pattern.sub(repl, part)
        parts.append(part.strip())
    return "/".join(parts)


def moment(value) -> str:
    """An instant (ISO 8601 string or datetime) as ``YYYY-MM-DD HH:MM UTC``; a date stays a date."""
    if value is None or value == "":
        return ""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    if value.tzinfo is not None:
        from datetime import timezone
        value = value.astimezone(timezone.utc)
    return value.strftime("%Y-%m-%d %H:%M UTC")


_NUMBER = re.compile(r"(?<![\w.^])(\d+)(\.\d+)?(?![\w^])")


def derivation(text: str, lang: str) -> str:
    """A line's computation as the accounting wrote it (``30696 passenger-km × 0.17 kgCO2e/passenger-km
    = 5.21832 tCO2e``) with the numbers grouped and the units written as :func:`unit` writes them.
    The numbers stay exact: this is the working, not a rounded result."""
    out = []
    for token in str(text).split(" "):
        if _NUMBER.fullmatch(token.rstrip(";,")):
            tail = token[len(token.rstrip(";,")):]
            out.append(grouped(Decimal(token.rstrip(";,"))) + tail)
        elif any(c.isalpha() for c in token):
            tail = token[len(token.rstrip(";,")):]
            out.append(unit(token.rstrip(";,"), lang) + tail)
        else:
            out.append(token)
    return " ".join(out)


_DIGITS = "零一二三四五六七八九"


def article(number: str, lang: str) -> str:
    """An article of the guideline as readers cite it: ``17`` -> 第十七条 / Art. 17 (other text unchanged)."""
    text = str(number).strip()
    if not text.isdigit() or not 0 < int(text) < 100:
        return text
    if lang != "zh":
        return f"Art. {int(text)}"
    n = int(text)
    tens, ones = divmod(n, 10)
    words = ("" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")) + ("" if ones == 0 and tens else _DIGITS[ones])
    return f"第{words}条"


def filesize(size: int) -> str:
    """Bytes as a reader compares them: 812 B, 12.4 KB, 3.1 MB (1 KB = 1,000 B)."""
    if size < 1000:
        return f"{size:,} B"
    for unit_name, scale in (("KB", 10**3), ("MB", 10**6), ("GB", 10**9)):
        if size < scale * 1000 or unit_name == "GB":
            return f"{rounded(Decimal(size) / scale)} {unit_name}"
    return f"{size:,} B"


def intensity(tco2e_per_unit: Decimal) -> str:
    """An intensity in tCO2e per unit as a page shows it: kgCO2e to 0.1 kg, half up, with separators."""
    return rounded(Decimal(tco2e_per_unit) * 1000, 1)


def percent(share: Decimal) -> str:
    """A share between 0 and 1 as a page shows it: percent to 0.1 %, half up (``0.9287`` -> ``92.9%``)."""
    return rounded(Decimal(share) * 100, 1) + "%"
