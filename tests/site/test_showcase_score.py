"""Art. 15 showcase: the supporting-material part counts the share of emissions resting on placeholder
factors (issue 12: a certificate 84 % placeholder scored 96.5)."""
from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal as D

from samplekit import pristine_sample

from generator.pipeline import check
from generator.site.credentials import showcase_score


def test_placeholder_emissions_weaken_the_support(tmp_path):
    root = shutil.copytree(pristine_sample(), tmp_path / "registry")
    result = check(root, date(2026, 7, 1), "registry")
    event = next(e for e in result.registry.events if e.folder_id == "2025-yrd-green-building-expo")
    account = result.accounts[event.rel_dir]
    placeholder = sum((x.tco2e for x in account.lines if x.factor_origin == "placeholder"), D(0))
    share = (placeholder / account.total).quantize(D("0.0001"))
    assert share > D("0.8")  # the expo's total rests mostly on placeholder factors
    backed = D(sum(1 for line in event.report.lines if line.evidence or line.factor.evidence)) / len(event.report.lines)
    score = showcase_score(event, account, "full")
    assert score.support == backed * (1 - share) < D("0.2")
    assert score.total < 80  # was 96.5 with every line backed by a file


def test_estimated_activity_data_weakens_the_support_too(tmp_path):
    """Issue 12: the support part is 1 - the share resting on a placeholder factor OR on estimated
    activity data (each line once). The forum: 9 of its 10 lines have evidence (PAPER none)."""
    root = shutil.copytree(pristine_sample(), tmp_path / "registry")
    forum = root / "events/2026/2026-pujiang-low-carbon-forum"
    (forum / "certificate.json").unlink(missing_ok=True)

    def support() -> D:
        result = check(root, date(2026, 7, 1), "registry")
        event = next(e for e in result.registry.events if e.folder_id == "2026-pujiang-low-carbon-forum")
        return showcase_score(event, result.accounts[event.rel_dir], "basic").support

    # placeholder lines 290.6047 of 312.9247 t -> share 0.9287; PAPER (estimated) is a placeholder line too
    assert support() == D("0.9") * (1 - D("0.9287"))
    report = forum / "report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("unit: GJ, source: metered,", "unit: GJ, source: estimated,"), encoding="utf-8")
    # HEAT (7.2 t, official factor) now rests on an estimate: (290.6047 + 7.2) / 312.9247 -> 0.9517
    assert support() == D("0.9") * (1 - D("0.9517"))
