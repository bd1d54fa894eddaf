"""``carbonreg match``: exit codes 0 / 1 / 2, bilingual text and JSON."""
from __future__ import annotations

import json

from offerstestkit import CCER, CEA, FORUM, FORUM_ID, SAMPLE, SHEA, edit

from generator.cli import main

SAMPLE_ARGS = ["--registry", str(SAMPLE), "--today", "2026-11-24"]


def test_forum_text_lists_ranked_offers(capsys):
    assert main(["match", FORUM_ID, *SAMPLE_ARGS]) == 0
    out = capsys.readouterr().out
    assert "2026 浦江低碳发展论坛 / 2026 Pujiang Low-Carbon Development Forum" in out
    assert "全口径缺口 / full scope shortfall: 285 t" in out
    assert "基本范围缺口 / basic scope shortfall: 0 t" in out
    ids = ["ccer-2026-chongming-wind", "shver-2026-metro-carbon-inclusion", "cea-2026-minhang-thermal",
           "shea-2026-lingang-power"]
    assert [out.index(i) for i in ids] == sorted(out.index(i) for i in ids)
    assert "可贡献 / would contribute 25 t" in out
    assert "可全部覆盖 / covered: 285 / 285 t" in out and "CNY 18,850.00" in out


def test_event_folder_is_accepted(capsys):
    assert main(["match", str(SAMPLE / FORUM) + "/", *SAMPLE_ARGS, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["event"] == FORUM_ID
    assert data["shortfall"] == {"basic": 0, "full": 285}
    assert [o["contributes"] for o in data["offers"]] == [200, 60, 25, 0]
    assert data["offers"][0]["price_per_tonne_cny"] == "86.50" and data["cost_cny"] == "18850.00"
    assert data["covered"] is True


def test_relative_folder_and_basic_scope_nothing_short(capsys):
    assert main(["match", FORUM, *SAMPLE_ARGS, "--scope", "basic"]) == 0
    out = capsys.readouterr().out
    assert "nothing is short for the basic scope" in out and "无需撮合" in out
    assert "ccer-2026-chongming-wind" not in out


def test_done_event_nothing_short(capsys):
    assert main(["match", "2025-pujiang-city-marathon", *SAMPLE_ARGS]) == 0
    assert "nothing is short" in capsys.readouterr().out


def test_not_covered_is_said(reg, capsys):
    edit(reg / CCER, "quantity_available: 200", "quantity_available: 100")
    edit(reg / CEA, "valid_from: 2026-06-01", "valid_from: 2027-01-01")
    edit(reg / SHEA, "valid_from: 2026-05-01", "valid_from: 2027-01-01")
    assert main(["match", FORUM_ID, "--registry", str(reg), "--today", "2026-11-24"]) == 0
    out = capsys.readouterr().out
    assert "不能全部覆盖 / not covered: 160 / 285 t" in out and "still short 125 t" in out


def test_unknown_event_exits_2(capsys):
    assert main(["match", "2026-no-such-event", *SAMPLE_ARGS]) == 2
    assert "no such event" in capsys.readouterr().err


def test_missing_registry_exits_2(tmp_path, capsys):
    assert main(["match", FORUM_ID, "--registry", str(tmp_path / "none")]) == 2


def test_registry_with_errors_exits_1(reg, capsys):
    edit(reg / SHEA, "registry: shanghai-ets-registry", "registry: national-ets-registry")
    assert main(["match", FORUM_ID, "--registry", str(reg), "--today", "2026-11-24"]) == 1
    captured = capsys.readouterr()
    assert "O102" in captured.err and captured.out == ""


def test_prices_and_costs_are_shown_exactly(reg, capsys):
    edit(reg / CCER, 'price_per_tonne_cny: "86.50"', 'price_per_tonne_cny: "86.125"')
    assert main(["match", FORUM_ID, "--registry", str(reg), "--today", "2026-11-24"]) == 0
    out = capsys.readouterr().out
    assert "purchase CNY 86.125/t" in out and "cost CNY 17,225.000" in out  # 200 × 86.125, not rounded
