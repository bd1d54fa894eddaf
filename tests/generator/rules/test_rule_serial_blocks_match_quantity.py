"""R504 quantity equals the serial count; R505 serial blocks well formed."""
from pathlib import Path

from gentestkit import MARATHON, assert_at, codes, edit, line_of, only, run

CCER = f"{MARATHON}/retirements/pjm-2026-ccer-001.yaml"


def test_sample_passes(reg: Path):
    assert not {"R504", "R505"} & codes(run(reg))


def test_r504_quantity_differs_from_serial_count(reg: Path):
    ret = reg / CCER
    edit(ret, "quantity: 700", "quantity: 701")
    f = only(run(reg), "R504")
    assert_at(f, CCER, line_of(ret, "quantity: 701"), 11)
    assert "701" in f.en and "700" in f.en


def test_r504_counts_every_block(reg: Path):
    ret = reg / CCER
    edit(ret, '  - {prefix: CCER-310000-2024-0087, first: "000000001", last: "000000700"}\n',
         '  - {prefix: CCER-310000-2024-0087, first: "000000001", last: "000000300"}\n'
         '  - {prefix: CCER-310000-2024-0087, first: "000000501", last: "000000900"}\n')
    assert "R504" not in codes(run(reg))  # 300 + 400 = 700
    edit(ret, 'last: "000000900"', 'last: "000000899"')
    assert "699" in only(run(reg), "R504").en


def test_r505_reversed_block(reg: Path):
    ret = reg / CCER
    edit(ret, 'first: "000000001", last: "000000700"', 'first: "000000700", last: "000000001"')
    f = [x for x in run(reg).findings if x.code == "R505"]
    assert len(f) == 1
    assert_at(f[0], CCER, line_of(ret, 'first: "000000700"'))
    assert "reversed" in f[0].en


def test_r505_different_widths(reg: Path):
    ret = reg / CCER
    edit(ret, 'last: "000000700"', 'last: "00000700"')
    f = only(run(reg), "R505")
    assert_at(f, CCER, line_of(ret, 'last: "00000700"'))
