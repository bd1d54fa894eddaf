"""carbonreg demo: a valid, realistic registry, the same bytes for the same seed."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.demo import DEMO_TODAY, generate
from generator.demo.keys import derive_key
from generator.pipeline import check


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def demo30(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "registry"
    generate(out, 30, seed=7)
    return out


def test_demo_of_30_events_checks_with_no_errors(demo30):
    result = check(demo30, DEMO_TODAY)
    assert [f for f in result.findings if f.severity.name == "ERROR"] == []
    statuses = {a.status for a in result.accounts.values()}
    assert {"done", "open", "planned", "revoked"} <= statuses


def test_demo_has_every_kind_of_record(demo30):
    result = check(demo30, DEMO_TODAY)
    events = result.registry.events
    assert len(events) == 30
    assert {e.plan.kind for e in events} >= {"performance", "conference", "exhibition"}
    assert any(e.certificate for e in events) and any(e.declaration_credential for e in events)
    assert result.registry.revocations and result.registry.trust.root_chain
    sources = {line.factor.source for e in events if e.report for line in e.report.lines}
    assert sources == {"default", "measured"}
    assert any(f.code == "R201" for f in result.findings)  # some events below the Art. 2 thresholds


def test_demo_records_are_about_seven_kilobytes(demo30):
    reports = [p.stat().st_size for p in demo30.glob("events/*/*/report.yaml")]
    assert 5_000 < sum(reports) / len(reports) < 9_000


def test_demo_writes_no_private_key(demo30):
    for path in demo30.rglob("*"):
        if path.is_file():
            assert b"PRIVATE KEY" not in path.read_bytes()


def test_demo_is_deterministic_for_a_seed(tmp_path):
    generate(tmp_path / "a", 6, seed=3)
    generate(tmp_path / "b", 6, seed=3)
    generate(tmp_path / "c", 6, seed=4)
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    assert _tree(tmp_path / "a") != _tree(tmp_path / "c")


def test_demo_keys_are_derived_from_the_seed():
    def raw(k):
        return k.public_key().public_bytes_raw()
    assert raw(derive_key(1, "log")) == raw(derive_key(1, "log"))
    assert raw(derive_key(1, "log")) != raw(derive_key(1, "status")) != raw(derive_key(2, "status"))


def test_demo_command(tmp_path, capsys):
    assert main(["demo", "--events", "3", "--seed", "5", "--out", str(tmp_path / "r")]) == 0
    assert "--today 2026-12-01" in capsys.readouterr().out
    assert main(["demo", "--events", "3", "--out", str(tmp_path / "r")]) == 2  # not empty: refused
