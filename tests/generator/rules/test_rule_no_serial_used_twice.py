"""R510 no serial is retired twice anywhere in the registry: both files reported, each pointing at the other."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from gentestkit import MARATHON, SALON, TODAY, assert_at, codes, edit, line_of, run, shown, with_code
from hypothesis import given, settings, strategies as st

from generator.caches import Caches
from generator.loading.document import Document
from generator.model.records import Event, Registry, Retirement, SerialBlock
from generator.rules import serials
from generator.rules.context import RegistryContext
from generator.rules.facts import facts_of

MARATHON_CCER = f"{MARATHON}/retirements/pjm-2026-ccer-001.yaml"
SALON_CCER = f"{SALON}/retirements/css-2026-ccer-001.yaml"
SALON_BLOCK = '  - {prefix: CCER-310000-2024-0112, first: "000000501", last: "000000502"}'


def _salon_block(reg: Path, prefix: str, first: str, last: str, quantity: int) -> None:
    ret = reg / SALON_CCER
    edit(ret, SALON_BLOCK, f'  - {{prefix: {prefix}, first: "{first}", last: "{last}"}}')
    edit(ret, "quantity: 2", f"quantity: {quantity}")


def _assert_pair(result, reg: Path) -> None:
    found = {f.location.path: f for f in with_code(result, "R510")}
    assert set(found) == {shown(MARATHON_CCER), shown(SALON_CCER)}
    m, s = found[shown(MARATHON_CCER)], found[shown(SALON_CCER)]
    m_line = line_of(reg / MARATHON_CCER, "prefix: CCER-310000-2024-0087")
    s_line = line_of(reg / SALON_CCER, "- {prefix:")
    assert_at(m, MARATHON_CCER, m_line)
    assert_at(s, SALON_CCER, s_line)
    assert [(r.path, r.line) for r in m.related] == [(shown(SALON_CCER), s_line)]
    assert [(r.path, r.line) for r in s.related] == [(shown(MARATHON_CCER), m_line)]
    assert "css-2026-ccer-001" in m.en and "pjm-2026-ccer-001" in s.en
    assert result.failed()


def test_sample_passes(reg: Path):
    assert "R510" not in codes(run(reg))


def test_same_block_retired_by_two_events(reg: Path):
    _salon_block(reg, "CCER-310000-2024-0087", "000000001", "000000700", 700)
    result = run(reg)
    _assert_pair(result, reg)
    assert "1-700" in with_code(result, "R510")[0].en


def test_overlapping_but_not_equal_blocks(reg: Path):
    _salon_block(reg, "CCER-310000-2024-0087", "000000699", "000000702", 4)
    result = run(reg)
    _assert_pair(result, reg)
    assert all("699-700" in f.en for f in with_code(result, "R510"))


def test_adjacent_blocks_do_not_overlap(reg: Path):
    _salon_block(reg, "CCER-310000-2024-0087", "000000701", "000000702", 2)
    assert "R510" not in codes(run(reg))


def test_leading_zero_variant_is_the_same_serial(reg: Path):
    _salon_block(reg, "CCER-310000-2024-0087", "700", "701", 2)
    _assert_pair(run(reg), reg)


def test_prefix_case_variant_is_the_same_serial(reg: Path):
    _salon_block(reg, "ccer-310000-2024-0087", "000000001", "000000002", 2)
    _assert_pair(run(reg), reg)


def test_same_numbers_under_another_prefix_are_distinct(reg: Path):
    _salon_block(reg, "CCER-310000-2024-0088", "000000001", "000000002", 2)
    assert "R510" not in codes(run(reg))


def test_overlap_within_one_retirement(reg: Path):
    ret = reg / MARATHON_CCER
    edit(ret, '  - {prefix: CCER-310000-2024-0087, first: "000000001", last: "000000700"}\n',
         '  - {prefix: CCER-310000-2024-0087, first: "000000001", last: "000000400"}\n'
         '  - {prefix: CCER-310000-2024-0087, first: "000000100", last: "000000399"}\n')
    lines = sorted(f.location.line for f in with_code(run(reg), "R510"))
    assert lines == [line_of(ret, '"000000001"'), line_of(ret, '"000000100"')]


# --- the sweep on its own: records built directly, no files -------------------------------------

def _ret(rid: str, blocks: list[tuple[str, int, int]], registry: str = "national-ccer-registry") -> Retirement:
    return Retirement(rid, "2025-e", "ccer", registry, None,
                      tuple(SerialBlock(p, a, b, 9, 9, i) for i, (p, a, b) in enumerate(blocks)),
                      sum(b - a + 1 for _, a, b in blocks), date(2026, 1, 1), "2025-e", "purchase", None,
                      "attachments/p.pdf", (), Document(f"retirements/{rid}.yaml", {}))


def _ctx(retirements: list[Retirement]) -> RegistryContext:
    event = Event("2025-e", "2025", "events/2025/2025-e", Path("."), None, None, tuple(retirements), None)
    return RegistryContext.of(Registry(Path("."), ".", None, (), (), {}, ()), (facts_of(event, None),), TODAY, Caches(None))


def test_twenty_thousand_blocks_with_one_planted_overlap():
    rets = []
    for r in range(200):  # 200 retirements x 100 blocks (the schema's maximum per retirement)
        rets.append(_ret(f"r{r:03d}", [("CCER-X", (r * 100 + b) * 10 + 1, (r * 100 + b) * 10 + 5) for b in range(100)]))
    assert sum(len(x.serials) for x in rets) == 20_000
    # Plant one overlap: retirement r199's last block reaches into r000's first block.
    rets.append(_ret("planted", [("ccer-x", 3, 3)]))
    found = list(serials.no_serial_used_twice(_ctx(rets)))
    assert sorted(f.location.path for f in found) == ["retirements/planted.yaml", "retirements/r000.yaml"]


def _overlaps(a, b) -> bool:
    return a[0] == b[0] and a[1].upper() == b[1].upper() and a[2] <= b[3] and b[2] <= a[3]


blocks_strategy = st.lists(
    st.tuples(st.sampled_from(["national-ccer-registry", "shanghai-ets-registry"]), st.sampled_from(["A", "a", "B"]),
              st.integers(1, 60), st.integers(0, 8)),
    min_size=1, max_size=25)


@settings(max_examples=200, deadline=None)
@given(blocks_strategy)
def test_sweep_reports_exactly_the_blocks_that_overlap_some_other(raw):
    blocks = [(reg, prefix, first, first + length) for reg, prefix, first, length in raw]
    rets = [_ret(f"r{i}", [(b[1], b[2], b[3])], b[0]) for i, b in enumerate(blocks)]
    found = list(serials.no_serial_used_twice(_ctx(rets)))
    reported = {f.location.path for f in found}
    expected = {f"retirements/r{i}.yaml" for i, a in enumerate(blocks)
                if any(_overlaps(a, b) for j, b in enumerate(blocks) if j != i)}
    assert reported == expected
    for f in found:  # every related location is a block that really overlaps the reported one
        i = int(f.location.path.split("/r")[1].split(".")[0])
        j = int(f.related[0].path.split("/r")[1].split(".")[0])
        assert i != j and _overlaps(blocks[i], blocks[j])
