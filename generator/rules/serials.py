"""No unit is used twice: serial blocks never overlap anywhere in the registry (sort and sweep)."""
from __future__ import annotations

from generator.findings import error
from generator.rules.context import CheckContext


def no_serial_used_twice(ctx: CheckContext):
    """Sort every block by (registry, prefix, first) and sweep: O(n log n) in the number of blocks."""
    blocks = []
    for event in ctx.registry.events:
        for ret in event.retirements:
            for block in ret.serials:
                if block.last >= block.first:
                    blocks.append((ret.registry, block.prefix.upper(), block.first, block.last, ret, block))
    blocks.sort(key=lambda b: (b[0], b[1], b[2], b[3], b[4].doc.path, b[5].index))
    reach = None  # the block reaching furthest so far within the current (registry, prefix)
    for current in blocks:
        if reach is not None and reach[:2] == current[:2] and current[2] <= reach[3]:
            yield _overlap(current, reach)
            yield _overlap(reach, current)
        if reach is None or reach[:2] != current[:2] or current[3] > reach[3]:
            reach = current


def _overlap(here, there):
    registry, prefix, _, _, ret, block = here
    other_ret, other_block = there[4], there[5]
    first, last = max(here[2], there[2]), min(here[3], there[3])
    return error("R510", ret.doc.at("serials", block.index),
                 f"序列号 {prefix} {first}–{last} 已在 {other_ret.doc.path}（{other_ret.id}）中注销；同一单位不得使用两次",
                 f"serials {prefix} {first}-{last} are also retired in {other_ret.doc.path} ({other_ret.id}); a unit cannot be used twice",
                 related=(other_ret.doc.at("serials", other_block.index),))
