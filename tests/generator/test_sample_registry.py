"""The shipped sample registry: passes the check and covers what the issue asks of it."""
from collections import Counter

from gentestkit import SAMPLE, run

from generator.formats.summary import counts


def test_sample_passes_with_only_the_expected_warning():
    result = run(SAMPLE)
    assert result.errors == 0
    assert [f.code for f in result.findings] == ["R201"]
    assert not result.failed()


def test_every_event_kind_and_every_phase():
    result = run(SAMPLE)
    plans = [e.plan for e in result.registry.events]
    assert all(plans)
    large_kinds = Counter(p.kind for p in plans)
    assert {"performance", "sports", "conference", "exhibition"} <= set(large_kinds)
    assert any(set(p.phases) == {"preparation", "hosting", "closing"} for p in plans)


def test_statuses_and_levels():
    result = run(SAMPLE)
    levels = {a.level for a in result.accounts.values()}
    assert {"full", "basic"} <= levels
    assert any(a.status in ("open", "planned") for a in result.accounts.values())
    origins = {x.factor_origin for a in result.accounts.values() for x in a.lines}
    assert {"measured", "official", "placeholder"} <= origins
    kinds = {r.kind for e in result.registry.events for r in e.retirements}
    assert len(kinds) >= 3
    assert counts(result)["errors"] == 0
