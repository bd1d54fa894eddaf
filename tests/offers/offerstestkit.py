"""Helpers for the offer tests: the sample registry, text edits, locations, and made-up offers."""
from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

from generator.model.records import Offer, Project, Supplier, Text
from generator.pipeline import CheckResult, check

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "generator"))
from gentestkit import copy_sample, edit, line_of  # noqa: E402,F401  (shared with the generator tests)

REPO = Path(__file__).resolve().parents[2]
SAMPLE = pristine_sample()
TODAY = date(2026, 11, 24)  # every sample offer is valid; the forum is open with a full-scope shortfall
SHOWN = "registry"
FORUM = "events/2026/2026-pujiang-low-carbon-forum"
FORUM_ID = "2026-pujiang-low-carbon-forum"
CCER = "offers/ccer-2026-chongming-wind.yaml"
SHEA = "offers/shea-2026-lingang-power.yaml"
SHVER = "offers/shver-2026-metro-carbon-inclusion.yaml"
CEA = "offers/cea-2026-minhang-thermal.yaml"




def run(root: Path, today: date = TODAY) -> CheckResult:
    return check(root, today, SHOWN)


def codes(result: CheckResult) -> list[str]:
    return [f.code for f in result.findings]


def only(result: CheckResult, code: str):
    found = [f for f in result.findings if f.code == code]
    assert len(found) == 1, [(f.code, str(f.location), f.en) for f in result.findings]
    return found[0]


def offer(id: str = "o", kind: str = "shea", quantity: int = 10, price: str | None = "50", *,
          registry: str | None = None, province: str = "shanghai", valid_from: date = date(2026, 1, 1),
          valid_until: date = date(2026, 12, 31)) -> Offer:
    """A made-up offer (no source document), usable under the sample rules unless told otherwise."""
    registry = registry or {"cea": "national-ets-registry", "shea": "shanghai-ets-registry",
                            "ccer": "national-ccer-registry", "shanghai_ver": "shanghai-ver-registry"}.get(kind, "other")
    project = None if kind in ("cea", "shea") else Project("P-1", Text("项目", "Project"), None, province, None, 2025)
    return Offer(id, Supplier(Text("供给方", "Supplier"), None, None, None, None, None), kind, registry, project, 2025,
                 quantity, "donation" if price is None else "purchase", None if price is None else Decimal(price),
                 None, valid_from, valid_until, None, doc=None)
