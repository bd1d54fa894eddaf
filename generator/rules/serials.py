"""No unit is used twice: serial blocks never overlap anywhere in the registry (sort and sweep)."""
from __future__ import annotations

from generator.findings import error
from generator.rules.context import RegistryContext


def no_serial_used_twice(ctx: RegistryContext):
    """Sort every block by (registry, prefix, first) and sweep: O(n log n) in the number of blocks."""
    blocks = [b for facts in ctx.facts for b in facts.serials]
    blocks.sort(key=lambda b: (b.registry, b.prefix, b.first, b.last, b.where.shown, b.where.keys))
    reach = None  # the block reaching furthest so far within the current (registry, prefix)
    for current in blocks:
        if reach is not None and (reach.registry, reach.prefix) == (current.registry, current.prefix) \
                and current.first <= reach.last:
            yield _overlap(current, reach)
            yield _overlap(reach, current)
        if reach is None or (reach.registry, reach.prefix) != (current.registry, current.prefix) \
                or current.last > reach.last:
            reach = current


def _overlap(here, there):
    first, last = max(here.first, there.first), min(here.last, there.last)
    return error("R510", here.where.location(),
                 f"序列号 {here.prefix} {first}–{last} 已在 {there.where.shown}（{there.retirement_id}）中注销；同一单位不得使用两次",
                 f"serials {here.prefix} {first}-{last} are also retired in {there.where.shown} ({there.retirement_id}); a unit cannot be used twice",
                 related=(there.where.location(),))
