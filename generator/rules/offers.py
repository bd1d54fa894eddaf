"""Offers (Art. 7 offset matching, Art. 12 offset kinds): what a supplier offers must be usable.

Each offer is judged under the rules in force on its ``valid_from`` date: the kind must be allowed,
held in an allowed registry and, where the rules say so, generated in the right place (CCER
generated in Shanghai). Ids are unique among offers and never equal to a retirement id."""
from __future__ import annotations

from pathlib import Path

from generator.accounting.in_force import rules_in_force
from generator.findings import error
from generator.model.records import Offer
from generator.rules.context import RegistryContext
from generator.rules.retirements import offset_kind_problems

OFFER_CODES = {"kind": "O101", "registry": "O102", "province": "O103"}


def kind_allowed(ctx: RegistryContext):
    for offer in ctx.registry.offers:
        rules = rules_in_force(ctx.registry, offer.valid_from)
        if rules is None:
            yield error("O101", offer.doc.at("valid_from"),
                        f"{offer.valid_from} 没有生效的规则，无法判断 {offer.kind} 能否用于抵销（第十二条）",
                        f"no rules are in force on {offer.valid_from}, so {offer.kind} cannot be judged usable for offsetting (Art. 12)")
            continue
        for problem, where, zh, en in offset_kind_problems(rules, offer.kind, offer.registry, offer.project):
            yield error(OFFER_CODES[problem], offer.doc.at(*where), zh, en)


def validity_window(ctx: RegistryContext):
    for offer in ctx.registry.offers:
        if offer.valid_until <= offer.valid_from:
            yield error("O104", offer.doc.at("valid_until"),
                        f"有效期至 {offer.valid_until} 须晚于有效期起 {offer.valid_from}",
                        f"valid_until {offer.valid_until} must be after valid_from {offer.valid_from}")


def ids_unique(ctx: RegistryContext):
    """Offer ids are unique, match their file names and never equal a retirement id."""
    retirements = {f.value: f for facts in ctx.facts for f in facts.ids if f.kind == "retirement"}
    seen: dict[str, Offer] = {}
    for offer in ctx.registry.offers:
        stem = Path(offer.doc.path).stem
        if stem != offer.id:
            yield error("O107", offer.doc.at("id"),
                        f"供给编号 {offer.id!r} 与文件名 {stem}.yaml 不一致",
                        f"offer id {offer.id!r} differs from its file name {stem}.yaml")
        first = seen.setdefault(offer.id, offer)
        if first is not offer:
            yield error("O105", offer.doc.at("id"),
                        f"供给编号 {offer.id!r} 已被 {first.doc.path} 使用；编号全库唯一且永不复用",
                        f"offer id {offer.id!r} is already used by {first.doc.path}; ids are unique and never reused",
                        related=(first.doc.at("id"),))
        if offer.id in retirements:
            ret = retirements[offer.id]
            yield error("O106", offer.doc.at("id"),
                        f"供给编号 {offer.id!r} 与注销证明 {ret.where.shown} 的编号相同；请另取编号",
                        f"offer id {offer.id!r} equals the id of the retirement {ret.where.shown}; choose another id",
                        related=(ret.where.location(),))
