"""Serial numbers that are never used twice: one counter per (registry, prefix), blocks handed out in
order with small gaps (other buyers' cancellations), 9-digit numbers as the registries print them."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

WIDTH = 9


@dataclass
class SerialAllocator:
    rng: random.Random
    next_free: dict[tuple[str, str], int] = field(default_factory=dict)

    def blocks(self, registry: str, prefix: str, quantity: int, pieces: int = 1) -> list[dict[str, str]]:
        """``pieces`` blocks (each at least one unit) totalling ``quantity`` units."""
        pieces = max(1, min(pieces, quantity))
        cuts = sorted(self.rng.sample(range(1, quantity), pieces - 1)) if pieces > 1 else []
        sizes = [b - a for a, b in zip([0, *cuts], [*cuts, quantity])]
        out = []
        for size in sizes:
            start = self.next_free.get((registry, prefix), 1 + self.rng.randrange(1000, 90000)) + self.rng.randrange(0, 400)
            last = start + size - 1
            self.next_free[(registry, prefix)] = last + 1
            out.append({"prefix": prefix, "first": str(start).zfill(WIDTH), "last": str(last).zfill(WIDTH)})
        return out
