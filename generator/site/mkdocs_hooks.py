"""mkdocs hook: give narrative pages the same template globals as generated pages."""
from __future__ import annotations

from generator.site.i18n import label


def on_page_context(context, page, config, nav):
    lang = "en" if page.url.startswith("en/") else "zh"
    root = (context.get("base_url") or ".").rstrip("/") + "/"
    rel = page.url[3:] if lang == "en" else page.url
    context.update(
        lang=lang,
        root=root,
        title=page.title or label("nav_docs", lang),
        search_title=f"{page.title or label('nav_docs', lang)} · {label('nav_docs', lang)}",
        t=lambda key: label(key, lang),
        url=lambda p: root + ("en/" if lang == "en" else "") + p,
        alt_url=root + (rel if lang == "en" else "en/" + rel),
    )
    return context
