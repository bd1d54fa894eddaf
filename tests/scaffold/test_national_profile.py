"""The generic national profile (profiles/national/, issue 12): another jurisdiction reuses the code by
adding data only. A registry started with ``carbonreg init --jurisdiction national`` takes a sample-like
event (tests/scaffold/national_event/) accounted with the national grid factors: ``check`` passes,
the totals are the hand computation below, the factor set in force follows the event's date, and
``build`` publishes the event with the factor and its status."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from generator.accounting.compute import compute_event
from generator.loading.registry import load_registry

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
EVENT = "2025-capital-green-finance-forum"


def carbonreg(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
           "CARBONREG_CACHE": os.environ.get("CARBONREG_CACHE", str(tmp_path / "cache")), "HOME": str(tmp_path)}
    return subprocess.run(["carbonreg", *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
                          stdin=subprocess.DEVNULL)


@pytest.fixture()
def national(tmp_path) -> Path:
    made = carbonreg(tmp_path, "init", "city", "--jurisdiction", "national", "--no-git")
    assert made.returncode == 0, made.stdout + made.stderr
    registry = tmp_path / "city" / "registry"
    shutil.copytree(HERE / "national_event", registry / "events" / "2025" / EVENT)
    return registry


def _account(registry: Path, today: date):
    reg, _ = load_registry(registry, "registry")
    [event] = [e for e in reg.events if e.folder_id == EVENT]
    account, findings = compute_event(reg, event, today)
    assert not findings
    return account


def test_a_national_event_checks_with_hand_computed_totals(national, tmp_path):
    checked = carbonreg(tmp_path, "check", str(national), "--today", "2025-12-01")
    assert checked.returncode == 0 and "0 errors" in checked.stdout, checked.stdout + checked.stderr
    account = _account(national, date(2025, 12, 1))
    # hosted 2025-06-10: the set of the 2022 factors (2024-12-20 .. 2026-01-31) and the national rules
    assert (account.rules.id, account.factor_set.id) == ("national-2019", "national-default-2022")
    lines = {x.line.id: x for x in account.lines}
    # 85,000 kWh = 85 MWh x 0.5366 tCO2/MWh = 45.611 t; 1,200 Nm3 = 0.12 x 10^4 Nm3 x 21.6 = 2.592 t
    assert lines["ELEC"].tco2e == Decimal("45.611") and lines["ELEC"].factor_origin == "secondary"
    assert lines["GAS"].tco2e == Decimal("2.592")
    # 120,000 passenger-km x 0.04 kg = 4.8 t; 2,000 meals x 2.5 kg = 5 t
    assert (lines["HSR"].tco2e, lines["MEALS"].tco2e) == (Decimal("4.8"), Decimal("5"))
    assert (account.basic, account.extended, account.total) == (Decimal("48.203"), Decimal("9.8"), Decimal("58.003"))
    assert (account.needed_basic, account.needed_full, account.status) == (49, 59, "open")


def test_the_factor_set_in_force_follows_the_event_date(national):
    plan = national / "events" / "2025" / EVENT / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("{start: 2025-06-10, end: 2025-06-11}",
                                                              "{start: 2026-03-10, end: 2026-03-11}"), encoding="utf-8")
    account = _account(national, date(2026, 4, 1))
    assert account.factor_set.id == "national-default-2023"
    # 85 MWh x 0.5306 = 45.101 t; basic 45.101 + 2.592 = 47.693; total + 9.8 = 57.493
    assert [x.tco2e for x in account.lines if x.line.id == "ELEC"] == [Decimal("45.101")]
    assert (account.basic, account.total, account.needed_full) == (Decimal("47.693"), Decimal("57.493"), 58)


def test_a_national_registry_builds_its_site(national, tmp_path):
    out = tmp_path / "site"
    built = carbonreg(tmp_path, "build", "--registry", str(national), "--out", str(out), "--today", "2025-12-01",
                      "--no-search")
    assert built.returncode == 0, built.stdout + built.stderr
    report = (out / "en" / "events" / EVENT / "report" / "index.html").read_text(encoding="utf-8")
    assert "85 MWh × 0.5366 tCO₂/MWh = 45.611 tCO₂e" in report
    assert "secondary source" in report   # the factor's status, never shown as official
    method = (out / "en" / "docs" / "methodology" / "index.html").read_text(encoding="utf-8")
    assert "national-default-2021" in method and "national-default-2023" in method
