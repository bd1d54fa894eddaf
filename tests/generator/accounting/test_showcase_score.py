"""Art. 15 showcase: the supporting-material part counts the share of emissions resting on placeholder
factors (issue 12: a certificate 84 % placeholder scored 96.5); the weights and scope points are the
rules' data (issue 18), and rules without them rank nothing."""
from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal as D

from samplekit import pristine_sample

from generator.accounting.showcase import showcase_score
from generator.pipeline import check


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


def _expo_score(root):
    result = check(root, date(2026, 7, 1), "registry")
    event = next(e for e in result.registry.events if e.folder_id == "2025-yrd-green-building-expo")
    return showcase_score(event, result.accounts[event.rel_dir], "full")


def test_the_weights_and_points_are_the_rules_data(tmp_path):
    """All the weight on the scope, every scope worth 0.7: the score is 70.0 whatever the offsets and
    material (the expo is accounted under shanghai-2025)."""
    root = shutil.copytree(pristine_sample(), tmp_path / "registry")
    rules = root / "rules/shanghai-2025.yaml"
    text = rules.read_text(encoding="utf-8")
    text = text.replace('weights: {scope: "0.4", offset: "0.3", support: "0.3"}', 'weights: {scope: "1", offset: "0", support: "0"}')
    text = text.replace('scope_points: {full_all_phases: "1", full: "0.8", basic: "0.5"}',
                        'scope_points: {full_all_phases: "0.7", full: "0.7", basic: "0.7"}')
    rules.write_text(text, encoding="utf-8")
    score = _expo_score(root)
    assert score.scope == D("0.7") and score.total == D("70.0")


def test_rules_without_a_showcase_rank_nothing(tmp_path):
    root = shutil.copytree(pristine_sample(), tmp_path / "registry")
    rules = root / "rules/shanghai-2025.yaml"
    text = rules.read_text(encoding="utf-8")
    start = text.index("showcase:")
    end = text.index("deadline_months_after_end:")
    rules.write_text(text[:start] + text[end:], encoding="utf-8")
    assert _expo_score(root) is None
