"""No page repeats a whole-site navigation: pages that do not list events do not grow with them."""
from __future__ import annotations

import shutil

from sitetestkit import build_ok, copy_registry, html_pages, parse_html


def header_link_counts(root) -> set[int]:
    return {len(parse_html((root / rel).read_text(encoding="utf-8")).header_links()) for rel in html_pages(root)}


def add_plan_only_copies(registry, result, n: int) -> None:
    plan_only = next(e for e in result.registry.events if e.plan and not e.report and not e.retirements)
    for i in range(n):
        new_id = f"{plan_only.plan.id}-copy{i}"
        dest = registry / plan_only.rel_dir.replace(plan_only.plan.id, new_id)
        shutil.copytree(registry / plan_only.rel_dir, dest)
        plan = dest / "plan.yaml"
        plan.write_text(plan.read_text(encoding="utf-8").replace(f"id: {plan_only.plan.id}\n", f"id: {new_id}\n"),
                        encoding="utf-8")


def test_header_and_narrative_pages_do_not_grow_with_the_registry(site, result, tmp_path):
    registry = copy_registry(tmp_path / "registry")
    add_plan_only_copies(registry, result, 12)
    grown = build_ok(registry, tmp_path / "_site")
    assert len(html_pages(grown)) == len(html_pages(site.root)) + 12 * 2
    assert header_link_counts(site.root) == header_link_counts(grown)
    assert len(header_link_counts(grown)) == 1 and max(header_link_counts(grown)) <= 13  # 11 nav links since the verify page joined the menu
    for page in ("docs/guideline/index.html", "en/docs/filing/index.html", "agencies/index.html",
                 f"events/{sorted(e.plan.id for e in result.registry.events if e.plan and e.report)[0]}/index.html"):
        assert (grown / page).read_bytes() == (site.root / page).read_bytes(), page
