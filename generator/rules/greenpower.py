"""Green electricity is claimed once: a green electricity certificate id appears on one report line
in the whole registry (R511), found from every event's facts as serial overlaps are (R510)."""
from __future__ import annotations

from generator.findings import error
from generator.rules.context import RegistryContext


def no_certificate_claimed_twice(ctx: RegistryContext):
    """Group every claimed certificate id of the registry; each claim after the first of an id is
    reported at its place, with the first claim as the related location (and the first at its own
    place, with the second as related)."""
    claims: dict[str, list] = {}
    for facts in ctx.facts:
        for claim in facts.green_certificates:
            claims.setdefault(claim.id, []).append(claim)
    for cid in sorted(claims):
        found = sorted(claims[cid], key=lambda c: (c.where.shown, c.where.keys))
        if len(found) < 2:
            continue
        first = found[0]
        yield _twice(first, found[1])
        for other in found[1:]:
            yield _twice(other, first)


def _twice(here, there):
    return error("R511", here.where.location(),
                 f"绿证 {here.id} 已由 {there.where.shown}（排放行 {there.line_id}）使用；同一绿证只能抵减一次外购电力排放，请删除重复的编号",
                 f"green electricity certificate {here.id} is also claimed in {there.where.shown} (line {there.line_id}); "
                 f"a certificate reduces purchased-electricity emissions once: remove the repeated id",
                 related=(there.where.location(),))
