"""A minimal Hugo site with the same pages as ours: one content file per event page, report page and
credential page in both languages (JSON front matter with the same data), a paginated event list,
and layouts that produce pages of similar size. Generated from our checked registry (not timed)."""
from __future__ import annotations

import json
from pathlib import Path

CONFIG = """baseURL = "https://demo.carbonreg.example.org/"
defaultContentLanguage = "zh"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[pagination]
  pagerSize = 50
[languages.zh]
  contentDir = "content/zh"
  languageCode = "zh-CN"
  weight = 1
[languages.en]
  contentDir = "content/en"
  languageCode = "en"
  weight = 2
"""
# ~6 KB of page chrome (navigation, footer, inline style), as on our pages.
CHROME = "<nav>" + "".join(f'<a href="/{p}/">{p}</a>' for p in ("events", "statistics", "agencies", "showcase", "data", "search", "revocations", "docs")) + "</nav>"
STYLE = "<style>" + "body{font-family:system-ui;margin:0 auto;max-width:60rem}table{border-collapse:collapse}td,th{padding:.2rem .5rem;border-bottom:1px solid #ddd}" * 24 + "</style>"
BASE = """<!doctype html><html lang="{{ .Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>""" + STYLE + """</head>
<body>""" + CHROME + """<main>{{ block "main" . }}{{ end }}</main><footer>carbonreg · {{ .Lang }} · {{ .Site.Title }}</footer></body></html>
"""
SINGLE = """{{ define "main" }}<h1>{{ .Title }}</h1>
<dl><dt>kind</dt><dd>{{ .Params.kind }}</dd><dt>district</dt><dd>{{ .Params.district }}</dd>
<dt>dates</dt><dd>{{ .Params.start }} – {{ .Params.end }}</dd><dt>organizer</dt><dd>{{ .Params.organizer }}</dd>
<dt>status</dt><dd>{{ .Params.status }}</dd><dt>total</dt><dd>{{ .Params.total }} t</dd><dt>basic</dt><dd>{{ .Params.basic }} t</dd>
<dt>retired</dt><dd>{{ .Params.retired }} t</dd></dl>
<table><tr><th>id</th><th>phase</th><th>category</th><th>amount</th><th>factor</th><th>tCO2e</th><th>derivation</th></tr>
{{ range .Params.lines }}<tr><td>{{ .id }}</td><td>{{ .phase }}</td><td>{{ .category }}</td><td>{{ .amount }} {{ .unit }}</td><td>{{ .factor }}</td><td>{{ .tco2e }}</td><td>{{ .derivation }}</td></tr>
{{ end }}</table>
<ul>{{ range .Params.retirements }}<li>{{ .id }} {{ .kind }} {{ .quantity }} t {{ .retired_on }}</li>{{ end }}</ul>
{{ .Content }}{{ end }}
"""
LIST = """{{ define "main" }}<h1>{{ .Title }}</h1><ol>
{{ $p := .Paginate (where .Site.RegularPages "Type" "events") }}{{ range $p.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.kind }} {{ .Params.total }} t {{ .Params.status }}</li>
{{ end }}</ol>{{ with $p.Next }}<a href="{{ .URL }}">next</a>{{ end }}{{ end }}
"""


def _event_data(e, lang: str) -> dict:
    a, plan = e.account, e.plan
    tx = (lambda t: t.zh) if lang == "zh" else (lambda t: t.en)
    return {
        "title": tx(plan.name), "kind": plan.kind, "district": tx(e.district), "start": plan.start.isoformat(),
        "end": plan.end.isoformat(), "organizer": tx(plan.organizer), "status": a.status, "total": f"{a.total:f}",
        "basic": f"{a.basic:f}", "retired": a.retired,
        "lines": [{"id": x.line.id, "phase": x.line.phase, "category": x.line.category, "amount": f"{x.line.amount:f}",
                   "unit": x.line.unit, "factor": f"{x.factor_value} {x.factor_unit}", "tco2e": f"{x.tco2e:f}",
                   "derivation": x.derivation} for x in a.lines],
        "retirements": [{"id": r.id, "kind": r.kind, "quantity": r.quantity, "retired_on": r.retired_on.isoformat()}
                        for r in e.event.retirements],
    }


def write_hugo_site(model, site: Path) -> int:
    """Write the Hugo project for ``model`` (our SiteModel) into ``site``; returns the number of content pages."""
    (site / "layouts" / "_default").mkdir(parents=True, exist_ok=True)
    (site / "hugo.toml").write_text(CONFIG + f'title = "{model.name.en}"\n', encoding="utf-8")
    (site / "layouts" / "_default" / "baseof.html").write_text(BASE, encoding="utf-8")
    (site / "layouts" / "_default" / "single.html").write_text(SINGLE, encoding="utf-8")
    (site / "layouts" / "_default" / "list.html").write_text(LIST, encoding="utf-8")
    (site / "layouts" / "index.html").write_text(LIST, encoding="utf-8")
    pages = 0
    for lang in ("zh", "en"):
        content = site / "content" / lang
        (content / "events").mkdir(parents=True, exist_ok=True)
        (content / "reports").mkdir(parents=True, exist_ok=True)
        (content / "events" / "_index.md").write_text(json.dumps({"title": "events"}) + "\n", encoding="utf-8")
        for e in model.events:
            data = _event_data(e, lang)
            (content / "events" / f"{e.id}.md").write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
            pages += 1
            if e.event.report is not None:
                report = dict(data, title=data["title"] + " · report", url=f"/{'en/' if lang == 'en' else ''}events/{e.id}/report/")
                (content / "reports" / f"{e.id}.md").write_text(json.dumps(report, ensure_ascii=False) + "\n", encoding="utf-8")
                pages += 1
            for view in (e.certificate, e.declaration_vc):
                if view is not None:
                    cred = dict(data, title=f"{view.kind} {view.number}", url=f"/{'en/' if lang == 'en' else ''}events/{e.id}/{view.kind}/")
                    (content / "reports" / f"{e.id}-{view.kind}.md").write_text(json.dumps(cred, ensure_ascii=False) + "\n", encoding="utf-8")
                    pages += 1
    return pages
