"""Jinja rendering of generated pages with the shared theme in ``site/theme``; templates only read."""
from __future__ import annotations

import functools
from decimal import Decimal

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from markupsafe import Markup, escape

from generator import datadir
from generator.site import quantities as q
from generator.site.i18n import enum_label, label

THEME_DIR = datadir.THEME
ATTENDANCE = {
    "on_site_participants": ("现场参加人数", "on-site participants"),
    "online_participants": ("线上参加人数", "online participants"),
    "visits": ("参观人次", "visits"),
    "exhibition_area_m2": ("展览面积（m²）", "exhibition area (m²)"),
}


@pass_context
def _text_in_language(ctx, text) -> str:
    """A bilingual ``Text`` in the page's language."""
    return text.zh if ctx["lang"] == "zh" else text.en


def _breakable(text) -> Markup:
    """Escaped text that may wrap after its separators (serial numbers, ids: ``CEA-2024-SH:77366``)."""
    out = str(escape(str(text)))
    for sep in ("-", ":", "–", "/", "_", "."):
        out = out.replace(sep, sep + "<wbr>")
    return Markup(out)


@functools.cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(THEME_DIR)),
        autoescape=select_autoescape(["html", "xml"], default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["tx"] = _text_in_language
    # One presentation rule for quantities (generator/site/quantities.py).
    env.filters["tonnes"] = lambda v: q.rounded(Decimal(v))          # pages: 0.1 t, stated in the footer
    env.filters["exact"] = lambda v: q.grouped(Decimal(str(v)))       # credentials: the signed value
    env.filters["whole"] = lambda v: q.grouped(int(v)) if Decimal(v) == int(v) else q.grouped(Decimal(v))
    env.filters["plain"] = lambda v: q.grouped(Decimal(v))
    env.filters["signed"] = lambda v: q.signed(Decimal(v))
    env.filters["moment"] = q.moment
    env.filters["breakable"] = _breakable
    env.filters["filesize"] = q.filesize
    env.filters["share"] = lambda v: q.rounded(Decimal(v), 2)  # a part between 0 and 1
    env.filters["percent"] = lambda v: q.percent(Decimal(v))  # a share of emissions (issue 12)
    env.filters["intensity"] = lambda v: q.intensity(Decimal(v))  # tCO2e per unit, shown in kg
    return env


def depth_prefix(page_path: str) -> str:
    """Relative prefix from a page at ``page_path`` (a directory URL like 'en/events/x/') to the root."""
    return "../" * page_path.count("/")


def page_globals(lang: str, path: str) -> dict:
    """What every page template can call: labels in its language and links relative to itself."""
    full = ("en/" if lang == "en" else "") + path
    root = depth_prefix(full)
    return {
        "lang": lang,
        "root": root,
        "t": lambda key: label(key, lang),
        "en": lambda enum, value: enum_label(enum, value, lang),
        "url": lambda p: root + ("en/" if lang == "en" else "") + p,
        "alt_url": root + (path if lang == "en" else "en/" + path),
        "attendance_label": lambda k: ATTENDANCE.get(k, (k, k))[0 if lang == "zh" else 1],
        "unit": lambda u: q.unit(u, lang),
        "derivation": lambda text: q.derivation(text, lang),
        "article": lambda n: q.article(n, lang),
    }


def render(template: str, lang: str, path: str, **context) -> bytes:
    html = environment().get_template(template).render(**page_globals(lang, path), **context)
    return html.encode("utf-8")
