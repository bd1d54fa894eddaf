"""Every generated HTML page, one small function per page kind, each for both languages."""
from __future__ import annotations

import functools
from typing import Iterator

from generator.caches import Caches
from generator.site.charts import chart
from generator.site.i18n import LANGS, enum_label, label
from generator.site.model import SiteEvent, SiteModel
from generator.site.pdf.certificate import certificate_pdf
from generator.site.qr import qr_svg
from generator.site.render import THEME_DIR, render
from generator.site.search import name_tokens

PAGE_SIZE = 50

Page = tuple[str, bytes]  # (output path relative to the site root, bytes)


def out_path(lang: str, path: str) -> str:
    return ("en/" if lang == "en" else "") + path + "index.html"


def home(model: SiteModel) -> Iterator[Page]:
    names = {e.id: e.plan.name for e in model.events}
    declared = [e for e in model.events if e.event.declaration is not None]
    declared.sort(key=lambda e: (e.event.declaration.declared_on, e.id), reverse=True)
    certified = sorted((e for e in model.events if e.certificate is not None),
                       key=lambda e: (e.certificate.published or e.certificate.created, e.id), reverse=True)
    for lang in LANGS:
        yield out_path(lang, ""), render("home.html", lang, "", title=label("nav_home", lang), model=model,
                                         declared=declared, certified=certified, event_names=names)


def event_list(model: SiteModel) -> Iterator[Page]:
    events = model.events
    pages = max(1, -(-len(events) // PAGE_SIZE))
    facets = {
        "kinds": sorted({e.plan.kind for e in events}),
        "years": sorted({e.year for e in events}, reverse=True),
        "statuses": sorted({e.account.status for e in events}),
        "districts": sorted({(e.plan.district, e.district) for e in events}, key=lambda x: x[0]),
    }
    for page in range(1, pages + 1):
        path = "events/" if page == 1 else f"events/page/{page}/"
        items = events[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        for lang in LANGS:
            js_labels: dict[str, str | dict[str, str]] = {
                key: label(key, lang) for key in ("events_count", "filtered_count", "page_of", "prev", "next")}
            js_labels["levels"] = {k: enum_label("level", k, lang) for k in ("full", "basic", "none")}
            yield out_path(lang, path), render("events.html", lang, path, title=label("nav_events", lang),
                                               items=items, page=page, pages=pages, total=len(events),
                                               pager=pager_numbers(page, pages), js_labels=js_labels, **facets)


def pager_numbers(page: int, pages: int) -> list[int | None]:
    """The page numbers a pager shows: first two, last two and the neighbours of ``page``; None is a gap.
    (assets/events.js pageNumbers does the same for a filtered list.)"""
    keep = sorted({n for n in (1, 2, page - 1, page, page + 1, pages - 1, pages) if 1 <= n <= pages})
    out: list[int | None] = []
    last = 0
    for n in keep:
        if n - last > 1:
            out.append(None)
        out.append(n)
        last = n
    return out


def _scope_label(lang: str):
    """The label of a scope as the accounting decided it (``LineResult.scope``, ``Rules.scope_of``)."""
    def scope_label(scope: str | None) -> str:
        return label(f"{scope}_scope", lang) if scope in ("basic", "extended") else "—"
    return scope_label


def _category_scopes(e: SiteEvent) -> dict[str, str | None]:
    """The scope of each category the event's rules place in one (``Rules.scope_of`` decides)."""
    rules = e.account.rules
    if rules is None:
        return {}
    return {category: rules.scope_of(category) for category in sorted(rules.basic_categories | rules.extended_categories)}


def _event_charts(e: SiteEvent, lang: str) -> dict:
    a = e.account
    unit = label("tonnes_unit", lang)
    phase = [(enum_label("phase", k, lang), v, k) for k, v in a.by_phase.items()]
    category = [(enum_label("category", k, lang), v, k) for k, v in a.by_category.items()]
    return {"phase": chart(phase, label("by_phase", lang), label("phase", lang), unit, ordered=True),
            "category": chart(category, label("by_category", lang), label("category", lang), unit)}


def _attachments(e: SiteEvent):
    return [att for _, att in e.event.attachments()]


def event_pages(model: SiteModel, base_url: str | None, caches: Caches, events=None) -> Iterator[Page]:
    qrs = caches.derived("qr")
    for e in model.events if events is None else events:
        atts = _attachments(e)
        for lang in LANGS:
            public = (base_url or "").rstrip("/") + "/" + ("en/" if lang == "en" else "") + e.path
            qr = qr_svg(public, label("qr", lang), qrs) if base_url else ""
            ctx = dict(e=e, model=model, scope_label=_scope_label(lang), category_scopes=_category_scopes(e), attachments=atts,
                       revocations=model.revocations_of(e.id))
            name = e.plan.name.zh if lang == "zh" else e.plan.name.en
            yield out_path(lang, e.path), render("event.html", lang, e.path, title=name, qr=qr,
                                                 charts=_event_charts(e, lang), page_url=public if base_url else "",
                                                 search_title=f"{name} · {label('event', lang)}",
                                                 search_name=name_tokens(name), **ctx)
            if e.event.report is not None:
                path = e.path + "report/"
                yield out_path(lang, path), render("report.html", lang, path,
                                                   title=f"{name} · {label('report_title', lang)}",
                                                   page_url=public + "report/" if base_url else "",
                                                   search_title=f"{name} · {label('report_kind', lang)}", **ctx)


def _authorized_keys(model: SiteModel) -> dict[str, list[dict]]:
    """Agency id -> its keys as the signed authorization document lists them, with fingerprints."""
    from signing.multikey import decode_public_key, fingerprint

    doc = model.trust.authorizations if model.trust else None
    out: dict[str, list[dict]] = {}
    for agency in (doc or {}).get("signed", {}).get("agencies", []):
        out[agency["id"]] = [{"fingerprint": fingerprint(decode_public_key(k["publicKeyMultibase"])),
                              "valid_from": k["validFrom"], "valid_until": k["validUntil"],
                              "compromised": k.get("compromisedSince")} for k in agency.get("keys", [])]
    return out


def agencies(model: SiteModel) -> Iterator[Page]:
    authorized = _authorized_keys(model)
    for lang in LANGS:
        yield out_path(lang, "agencies/"), render("agencies.html", lang, "agencies/",
                                                  title=label("agencies", lang), model=model, authorized=authorized,
                                                  search_title=label("agencies", lang))


def credential_pages(model: SiteModel, base_url: str | None, caches: Caches, events=None) -> Iterator[Page]:
    """A printable page per certificate and per published declaration, with the bundle and its PDF
    (which embeds the bundle, see ``pdf/certificate.py``) to download.
    Not search results: the event's page carries the same name, number and statement, and comes first."""
    qrs, pdfs = caches.derived("qr"), caches.derived("pdf")
    for e in model.events if events is None else events:
        for view in (e.certificate, e.declaration_vc):
            if view is None:
                continue
            yield f"{e.path}{view.kind}.json", view.bundle
            path = f"{e.path}{view.kind}/"
            revoked = [r for r in model.revocations_of(e.id) if r.target_id == view.number]
            site = (base_url or "").rstrip("/") + "/" if base_url else None
            page_url = f"{site}{path}" if site else None
            # Same bundle, addresses and notices, same bytes (certificate_pdf is deterministic): a
            # rebuild takes the PDF from the cache instead of laying it out again (70 ms each).
            key = pdfs.key("pdf", view.bundle, page_url or "", site or "",
                           *(f"{r.id}\0{r.decided_on}\0{r.reason.zh}\0{r.reason.en}" for r in revoked))
            yield f"{e.path}{view.kind}.pdf", pdfs.bytes_or_compute(
                key, functools.partial(certificate_pdf, view, page_url, site, revoked))
            for lang in LANGS:
                public = (base_url or "").rstrip("/") + "/" + ("en/" if lang == "en" else "") + path
                qr = qr_svg(public, label("qr", lang), qrs) if base_url else ""
                yield out_path(lang, path), render("credential.html", lang, path,
                                                   title=f"{label(view.kind, lang)} {view.number}", e=e, c=view,
                                                   qr=qr, revocations=revoked, page_url=public if base_url else None)


def offers(model: SiteModel) -> Iterator[Page]:
    for lang in LANGS:
        yield out_path(lang, "offers/"), render("offers.html", lang, "offers/", title=label("offers", lang),
                                               model=model, search_title=label("offers", lang))


def showcase(model: SiteModel) -> Iterator[Page]:
    for lang in LANGS:
        yield out_path(lang, "showcase/"), render("showcase.html", lang, "showcase/",
                                                  title=label("showcase", lang), model=model)


def statistics(model: SiteModel) -> Iterator[Page]:
    for lang in LANGS:
        unit, n = label("tonnes_unit", lang), label("events_filed", lang)
        charts = {
            "year": chart([(str(y.year), y.accounted) for y in model.years], label("by_year", lang),
                          label("year", lang), unit, ordered=True),
            "kind": chart([(enum_label("kind", k, lang), t) for k, (_, t) in model.by_kind.items()],
                          label("by_kind", lang), label("kind", lang), unit),
            "district": chart([(name.zh if lang == "zh" else name.en, t) for _, (name, _, t) in model.by_district.items()],
                              label("by_district", lang), label("district", lang), unit),
            "district_n": chart([(name.zh if lang == "zh" else name.en, c) for _, (name, c, _) in model.by_district.items()],
                                label("by_district_count", lang), label("district", lang), n, whole=True),
            "month": chart([(m, c) for m, (c, _) in model.by_month.items()], label("by_month", lang),
                           label("month", lang), n, ordered=True, whole=True),
            "month_t": chart([(m, t) for m, (_, t) in model.by_month.items()], label("by_month_tonnes", lang),
                             label("month", lang), unit, ordered=True),
            "category": chart([(enum_label("category", k, lang), v) for k, v in model.by_category.items()],
                              label("by_category", lang), label("category", lang), unit),
            "offset": chart([(enum_label("offset_kind", k, lang), v) for k, v in model.by_offset_kind.items()],
                            label("by_offset_kind", lang), label("offset_kind", lang), unit, whole=True),
        }
        yield out_path(lang, "statistics/"), render("statistics.html", lang, "statistics/",
                                                    title=label("statistics", lang), model=model, charts=charts)


def data_page(model: SiteModel, schemas: list[str], published) -> Iterator[Page]:
    """The open-data page: each dataset's files with what they hold, columns, size, licence, update time."""
    from generator.site.datasets import column_note
    from generator.site.opendata import SCHEMA_VERSION

    for lang in LANGS:
        yield out_path(lang, "data/"), render("data.html", lang, "data/", title=label("open_data", lang),
                                              model=model, schemas=schemas, published=published,
                                              note=lambda c, lang=lang: column_note(c, lang),
                                              schema_version=SCHEMA_VERSION)


def revocation_pages(model: SiteModel) -> Iterator[Page]:
    names = {e.id: e.plan.name for e in model.events}
    for lang in LANGS:
        yield out_path(lang, "revocations/"), render("revocations.html", lang, "revocations/",
                                                     title=label("revocations", lang), model=model,
                                                     event_names=names)
        for rev in model.revocations:
            path = f"revocations/{rev.id}/"
            name = names.get(rev.event_id)
            event_name = (name.zh if lang == "zh" else name.en) if name else rev.event_id
            yield out_path(lang, path), render("revocation.html", lang, path,
                                               title=f"{event_name} · {label('revocation', lang)} {rev.id}", rev=rev,
                                               search_title=f"{event_name} · {label('revocation', lang)} {rev.id}",
                                               event_name=event_name, model=model)


def not_found(model: SiteModel, base_url: str | None) -> Iterator[Page]:
    """``404.html`` at the root, which static hosts serve for a missing address (at any depth)."""
    from urllib.parse import urlsplit

    home = (urlsplit(base_url).path if base_url else "/") or "/"
    yield "404.html", render("404.html", "zh", "", model=model, home=home if home.endswith("/") else home + "/")


def search_page() -> Iterator[Page]:
    for lang in LANGS:
        yield out_path(lang, "search/"), render("search.html", lang, "search/", title=label("search", lang),
                                                js_labels={"other": label("search_other_lang", lang)})


def verify_page(model: SiteModel) -> Iterator[Page]:
    """Verify in the browser (``assets/verify/*.js``): the site's first root, the one the page pins, is
    embedded too, for use from ``file://`` where the page cannot fetch ``trust/1.root.json``."""
    import hashlib
    import json

    from signing.jcs import canonicalize
    from signing.verifier_spec import SPEC_PATH

    chain = model.trust.root_chain if model.trust is not None else ()
    first = chain[0] if chain else None
    pinned = json.dumps(first, ensure_ascii=False, sort_keys=True) if first else ""
    print_ = hashlib.sha256(canonicalize(first["signed"])).hexdigest() if first else ""
    root_file = f"trust/{first['signed']['version']}.root.json" if first else "trust/1.root.json"
    parts = (THEME_DIR / "assets" / "verify" / "ORDER").read_text(encoding="utf-8").split()  # the verifier's scripts, in order
    spec = SPEC_PATH.read_bytes()  # step names, limits and texts: the file the Python verifier reads
    yield "assets/verify/verifier.json", spec
    embedded = spec.decode("utf-8").replace("<", "\\u003c")  # the same JSON, safe inside <script> (no "</script>")
    for lang in LANGS:
        yield out_path(lang, "verify/"), render("verify.html", lang, "verify/", title=label("verify_page", lang),
                                                pinned_root=pinned, root_fingerprint=print_, root_file=root_file,
                                                verify_parts=parts, verifier_spec=embedded)


def file_page(reg) -> Iterator[Page]:
    """The filing page (issue 13 §1): its form, lists and checks come from the embedded data
    (generator/filing/pagedata.py); its scripts are assets/filing/ and the accounting port."""
    import json

    from generator.filing.pagedata import page_data
    from generator.site.i18n import FILING_JS

    data = json.dumps(page_data(reg), ensure_ascii=False, separators=(",", ":"))  # the schemas' field order is the form's
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")  # inert inside <script>
    for lang in LANGS:
        labels = {k: v[0] if lang == "zh" else v[1] for k, v in FILING_JS.items()}
        yield out_path(lang, "file/"), render("file.html", lang, "file/", title=label("file_page", lang),
                                              filing_data=data, js_labels=labels)
