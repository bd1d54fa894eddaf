"""The rules data itself (Art. 12 quality weights, Art. 15 showcase score): every weight and point lies
between 0 and 1, and the showcase's three weights sum to 1, so a score stays between 0 and 100."""
from __future__ import annotations

from decimal import Decimal

from generator.findings import error
from generator.rules.context import RegistryContext

SHOWCASE_WEIGHTS = ("scope", "offset", "support")
SCOPE_POINTS = ("full_all_phases", "full", "basic")


def weights_in_range(ctx: RegistryContext):
    for rules in ctx.registry.rules:
        values: list[tuple[tuple[str | int, ...], Decimal]] = [(("offsets", i, "quality"), o.quality) for i, o in enumerate(rules.offsets.values())]
        if rules.showcase is not None:
            values += [(("showcase", "weights", k), v) for k, v in zip(SHOWCASE_WEIGHTS, rules.showcase.weights)]
            values += [(("showcase", "scope_points", k), v) for k, v in zip(SCOPE_POINTS, rules.showcase.scope_points)]
        for path, value in values:
            if not Decimal(0) <= value <= Decimal(1):
                field = ".".join(str(p) for p in path)
                yield error("R960", rules.doc.at(*path), f"{field} 为 {value}，须在 0 到 1 之间",
                            f"{field} is {value}; it must lie between 0 and 1")
        if rules.showcase is not None and sum(rules.showcase.weights) != 1:
            total = sum(rules.showcase.weights)
            yield error("R961", rules.doc.at("showcase", "weights"),
                        f"展示得分的三项权重之和为 {total}，须为 1（否则得分不在 0 到 100 之间）；请调整 scope、offset、support",
                        f"the showcase score's three weights sum to {total}, not 1 (the score would leave 0 to 100); "
                        "adjust scope, offset and support")
