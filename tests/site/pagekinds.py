"""One page of each kind a built site has (picked from its open data and folders), for the tests that
look at every page kind: widths on a phone, accessibility, chart text."""
from __future__ import annotations

import csv
from pathlib import Path


def page_kinds(root: Path) -> dict[str, str]:
    """Page kind -> a site-relative URL of one page of that kind (zh; prefix 'en/' for English)."""
    with open(root / "data" / "events.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))

    def first(status):
        return next((r["id"] for r in rows if r["status"] == status), None)

    def folder(pattern, up=1):
        hit = sorted(root.glob(pattern))
        return hit[0].parents[up - 1].name if hit else None

    kinds = {"home": "", "events": "events/", "statistics": "statistics/", "agencies": "agencies/", "data": "data/",
             "revocations": "revocations/", "showcase": "showcase/", "offers": "offers/", "verify": "verify/", "file": "file/",
             "search": "search/", "docs": "docs/", "methodology": "docs/methodology/", "guideline": "docs/guideline/"}
    if len(rows) > 50:
        kinds["events-page-2"] = "events/page/2/"
    for status in ("done", "open", "overdue", "planned", "revoked"):
        if first(status):
            kinds[f"event-{status}"] = f"events/{first(status)}/"
    reported = folder("events/*/report/index.html", up=2)
    if reported:
        kinds["report"] = f"events/{reported}/report/"
    for kind in ("certificate", "declaration"):
        event = folder(f"events/*/{kind}/index.html", up=2)
        if event:
            kinds[kind] = f"events/{event}/{kind}/"
    notice = folder("revocations/*/index.html")
    if notice:
        kinds["revocation"] = f"revocations/{notice}/"
    return kinds


def both_languages(kinds: dict[str, str]) -> list[tuple[str, str]]:
    return [(f"{k} zh", p) for k, p in kinds.items()] + [(f"{k} en", "en/" + p) for k, p in kinds.items()]
