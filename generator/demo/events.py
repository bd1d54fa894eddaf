"""One demo event: its dates, size, emission lines, outcome (open, overdue, neutral, declared,
certified, revoked) and files. Each event draws from its own random stream (seed, index), so events
do not depend on each other; only serial numbers come from the shared allocator, in event order."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal, localcontext

from generator.accounting.units import Metering, convert, parse_factor_unit
from generator.demo import attachments as att, records, vocab
from generator.demo.serials import SerialAllocator
from generator.rules.retirements import prefix_year

FIRST_DAY, LAST_DAY = date(2025, 7, 15), date(2027, 3, 31)
KINDS = [("performance", 25), ("sports", 15), ("conference", 30), ("exhibition", 20), ("other", 10)]
DURATION = {"performance": (1, 14), "sports": (1, 3), "conference": (1, 4), "exhibition": (3, 7), "other": (1, 5)}
ACCREDITED_FROM = date(2025, 8, 1)


@dataclass(frozen=True)
class Shared:
    """What every event needs: the reference date, default factors and scopes, the agencies."""

    today: date
    factors: dict  # key -> Factor (generator.model.records)
    basic_categories: frozenset
    deadline_months: int
    agencies: tuple[str, ...]  # active agencies that prepare reports and certify
    suspended: tuple[tuple[str, date], ...]  # (agency id, suspended since)
    estimate_lines_from: date | None = None  # hosting start from which the rules want estimate lines (Art. 9)


@dataclass
class Draft:
    index: int
    year: int
    event_id: str
    files: dict[str, bytes] = field(default_factory=dict)  # relative to the event folder
    status: str = "planned"
    certify: dict | None = None  # {agency, number, scope, at}
    declaration_id: str | None = None
    declared_on: date | None = None
    report_agency: str | None = None
    last_retired: date | None = None

    @property
    def rel_dir(self) -> str:
        return f"events/{self.year}/{self.event_id}"


def _day(rng: random.Random, low: date, high: date) -> date:
    return low + timedelta(days=rng.randint(0, max(0, (high - low).days)))


def _months_later(day: date, months: int) -> date:
    from generator.accounting.compute import add_months

    return add_months(day, months)


def _ceil(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_CEILING))


def draft_event(index: int, seed, shared: Shared, serials: SerialAllocator) -> Draft:
    rng = random.Random(f"{seed}:event:{index}")
    kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    district, place_zh, place_en, place_slug = rng.choice(vocab.PLACES)
    theme_zh, theme_en, theme_slug = rng.choice(vocab.THEMES[kind])
    noun_zh, noun_en, noun_slug = vocab.NOUNS[kind]
    start = _day(rng, FIRST_DAY, LAST_DAY)
    end = start + timedelta(days=rng.randint(*DURATION[kind]) - 1)
    event_id = f"{start.year}-{place_slug}-{theme_slug}-{noun_slug}-{index + 1:05d}"
    draft = Draft(index, start.year, event_id)
    edition = rng.randint(2, 15)
    name = (f"{start.year} {place_zh}{theme_zh}{noun_zh}（第 {edition} 届）",
            f"{start.year} {place_en} {theme_en} {noun_en} (edition {edition})")
    scale, attendance = _attendance(rng, kind)
    phases = {"preparation": (start - timedelta(days=rng.randint(20, 180)), start - timedelta(days=1)),
              "hosting": (start, end)}
    if rng.random() < 0.9:
        phases["closing"] = (end + timedelta(days=1), end + timedelta(days=rng.randint(1, 20)))
    last = max(p[1] for p in phases.values())
    deadline = _months_later(end, shared.deadline_months)
    lines, files = _lines(rng, kind, scale, phases, shared, event_id)
    basic = sum((x["tco2e"] for x in lines if x["category"] in shared.basic_categories), Decimal(0))
    total = sum((x["tco2e"] for x in lines), Decimal(0))
    kinds = rng.choice(vocab.OFFSET_PLANS)
    target = "full" if rng.random() < 0.7 else "basic"
    organizer = (f"{place_zh}{theme_zh}{rng.choice(vocab.ORGANIZER_KINDS)[0]}",
                 f"{place_en} {theme_en} {rng.choice(vocab.ORGANIZER_KINDS)[1]}")
    hall = rng.randint(2, 8)
    plan = {
        "id": event_id, "name": name, "kind": kind, "organizer": organizer,
        "venue": tuple(v.format(p=s, h=hall) for v, s in zip(vocab.VENUES[kind], (place_zh, place_en))),
        "district": district,
        "content": (f"{theme_zh}主题{noun_zh}，为期 {(end - start).days + 1} 天，预计 {scale:,} 人次参与。",
                    f"A {theme_en.lower()} {noun_en.lower()} over {(end - start).days + 1} days with about {scale:,} participants."),
        "phases": phases, "attendance": attendance,
        "measures": [(ph, area, zh, en, Decimal(rng.randint(1, 60)) if rng.random() < 0.6 else None)
                     for ph, area, zh, en in rng.sample(vocab.MEASURES, rng.randint(3, 6)) if ph in phases],
        "estimate": (Decimal(_ceil(basic * Decimal(rng.uniform(0.8, 1.2)))), Decimal(_ceil(total * Decimal(rng.uniform(0.8, 1.2))))),
        "target_scope": target, "kinds": kinds,
        "offset_text": (f"计划以 {'、'.join(kinds)} 抵销{'全部' if target == 'full' else '基本'}范围排放。",
                        f"Offsets with {', '.join(kinds)} for the {target} scope."),
        "expected_neutral_by": min(deadline, last + timedelta(days=rng.randint(30, 300))),
    }
    if shared.estimate_lines_from is not None and start >= shared.estimate_lines_from:
        plan["estimate_lines"] = _estimate_lines(random.Random(f"{seed}:estimate:{index}"), lines, scale)
    if not plan["measures"]:
        plan["measures"] = [("hosting", "transport", *vocab.MEASURES[3][2:], None)]
    draft.files["plan.yaml"] = records.plan_yaml(plan)
    prepared_on = last + timedelta(days=rng.randint(10, 40))
    if prepared_on > shared.today - timedelta(days=5) or rng.random() < 0.06:
        draft.status = "overdue" if deadline < shared.today else "planned"
        return draft  # not accounted yet (or late: overdue)
    prepared_by = _preparer(rng, shared, prepared_on, draft)
    report_atts = sorted({(x["evidence"], files[x["evidence"]]) for x in lines if x["evidence"]}
                         | {(x["measured"][2], files[x["measured"][2]]) for x in lines if x["measured"]})
    excluded = sorted(shared.basic_categories - {x["category"] for x in lines})
    draft.files["report.yaml"] = records.report_yaml(
        event_id, prepared_by, prepared_on, lines, [(c, vocab.EXCLUSION_REASON[c]) for c in excluded],
        [(path, att.sha256(data), vocab.EVIDENCE_TITLE[path.split("/")[1].rsplit(".", 1)[0]]) for path, data in report_atts])
    draft.files.update(files)
    _outcome(rng, draft, shared, serials, plan, end, deadline, _ceil(basic), _ceil(total), organizer)
    return draft


def _attendance(rng: random.Random, kind: str) -> tuple[int, dict]:
    small = rng.random() < 0.07  # below the Art. 2 thresholds: filed voluntarily (a warning)
    if kind == "exhibition":
        visits = rng.randint(2000, 9000) if small else rng.randint(10000, 400000)
        area = Decimal(rng.randint(1500, 4800) if small else rng.randint(5000, 200000))
        return visits, {"visits": visits, "exhibition_area_m2": area}
    low = {"conference": 400, "other": 300}.get(kind, 5000)
    people = rng.randint(low // 4, low - 1) if small else rng.randint(low, low * 40)
    out = {"on_site_participants": people}
    if kind == "conference" and rng.random() < 0.5:
        out["online_participants"] = rng.randint(1000, 200000)
    return people, out


def _lines(rng, kind, scale, phases, shared, event_id):
    factor_scale = max(0.02, min(3.0, scale / 40000))
    picks = rng.choices(vocab.SOURCES, [s[-1] for s in vocab.SOURCES], k=rng.randint(15, 21))
    lines: list = []
    files: dict = {}
    counts: dict[tuple[str, str], int] = {}
    with localcontext() as ctx:
        ctx.prec = 100
        for n, (category, mode, unit, key, low, high, density, _) in enumerate(picks):
            phase = "hosting" if n < 3 else rng.choice([p for p in phases] + ["hosting"] * 2)
            counts[(phase, category)] = counts.get((phase, category), 0) + 1
            amount = Decimal(max(1, int(rng.uniform(low, high) * factor_scale)))
            if unit == "t":
                amount = Decimal(max(1, int(rng.uniform(low, high) * factor_scale * 10))) / 10
            measured = None
            stem = vocab.EVIDENCE[category]
            evidence = f"attachments/{stem}.{'csv' if stem == 'energy-statement' else 'pdf'}" if rng.random() < 0.9 else None
            if category in vocab.MEASURED and rng.random() < 0.15 and (category != "stationary_fuel" or unit == "Nm3"):
                value, measured_unit, zh, en = vocab.MEASURED[category]
                if category == "travel":
                    mode, unit = "rail", "passenger-km"  # no default factor for conventional rail: measured
                measured = (value, measured_unit, "attachments/measured-factors.pdf", (f"依据{zh}", f"From the {en}"))
            factor_value, factor_unit = (Decimal(measured[0]), measured[1]) if measured else (shared.factors[key].value, shared.factors[key].unit)
            funit = parse_factor_unit(factor_unit)
            dens = (Decimal(density[0]), density[1]) if density else None
            conditions = rng.choice(vocab.GAS_CONDITIONS) if unit == "m3" and category == "stationary_fuel" else None
            per_room = rng.choice(vocab.GUESTS_PER_ROOM) if unit == "guest-night" else None
            band = vocab.AIR_BANDS.get(key) if mode == "air" and not measured else None
            metering = Metering(dens, (Decimal(conditions[0]), Decimal(conditions[1])) if conditions else None,
                                Decimal(per_room) if per_room else None)
            converted, _ = convert(amount, unit, funit.per, metering)
            tco2e = converted * factor_value * funit.to_tonnes
            cat_zh, cat_en = vocab.CATEGORY_TEXT[category]
            ph_zh, ph_en = vocab.PHASE_TEXT[phase]
            what_zh, what_en = vocab.MODE_TEXT.get(mode, ("普通铁路", "conventional rail")) if mode else (cat_zh, cat_en)
            seq = counts[(phase, category)]
            lines.append({
                "id": f"{phase[0].upper()}-{category.split('_')[-1][:5].upper()}-{n + 1:02d}", "phase": phase,
                "category": category, "mode": mode,
                "description": (f"{ph_zh}阶段{what_zh}（第 {seq} 项）", f"{ph_en.capitalize()}: {what_en} (item {seq})"),
                "amount": amount, "unit": unit, "evidence": evidence, "density": density, "key": key,
                "conditions": conditions, "guests_per_room": per_room, "distance_band": band,
                "measured": measured, "tco2e": tco2e,
            })
    for x in lines:
        for path in filter(None, (x["evidence"], x["measured"][2] if x["measured"] else None)):
            if path not in files:
                files[path] = _evidence_file(path, event_id, [y for y in lines if path in (y["evidence"], (y["measured"] or (0, 0, None))[2])])
    return lines, files


PER_PERSON = ("travel", "accommodation", "catering")  # estimated as a headcount times a quantity each


def _estimate_lines(rng: random.Random, lines: list[dict], scale: int) -> list[dict]:
    """The plan's estimate lines (Art. 9): the sources the event expects, each amount 80-120 % of what
    it will report, with a default factor (a measured one is not known at planning); travel, nights
    and meals as a headcount times a quantity per person. Own random stream: other files unchanged."""
    out: list[dict] = []
    for n, x in enumerate(lines):
        if x["measured"] and x["category"] == "travel":
            continue  # conventional rail has no default factor
        amount = x["amount"] * Decimal(rng.randint(80, 120)) / 100
        item = {"id": f"EST-{n + 1:02d}", "phase": x["phase"], "category": x["category"], "mode": x["mode"],
                "description": x["description"], "unit": x["unit"], "density": x["density"], "key": x["key"],
                "conditions": x["conditions"], "guests_per_room": x["guests_per_room"], "distance_band": x["distance_band"]}
        if x["category"] in PER_PERSON:
            people = rng.randint(max(1, scale // 20), max(1, scale))
            item.update(people=people, per_person=max(Decimal("0.1"), (amount / people).quantize(Decimal("0.1"))))
        else:
            item["amount"] = max(Decimal("0.1"), amount.quantize(Decimal("0.1")))
        out.append(item)
    return out


def _evidence_file(path: str, event_id: str, lines: list[dict]) -> bytes:
    if path.endswith(".csv"):
        return att.csv("line,phase,amount,unit", [f"{x['id']},{x['phase']},{x['amount']},{x['unit']}" for x in lines])
    rows = [f"{vocab.EVIDENCE_TITLE[path.split('/')[1][:-4]][1]} [demo]", f"Event: {event_id}"]
    rows += [f"{x['id']} {x['phase']} {x['category']}: {x['amount']} {x['unit']}" for x in lines]
    return att.pdf(rows)


def _preparer(rng, shared: Shared, prepared_on: date, draft: Draft) -> dict:
    if prepared_on < ACCREDITED_FROM or rng.random() < 0.3:
        return {"role": "organizer"}
    usable = [a for a, since in shared.suspended if ACCREDITED_FROM <= prepared_on < since]
    agency = rng.choice(list(shared.agencies) + usable)
    draft.report_agency = agency
    return {"role": "agency", "agency": agency}


def _outcome(rng, draft: Draft, shared: Shared, serials, plan, end, deadline, need_basic, need_full, organizer):
    today = shared.today
    window = (end + timedelta(days=14), min(deadline, today - timedelta(days=15)))
    roll = rng.random()
    done = window[0] <= window[1] and (roll < 0.85 if deadline < today else roll < 0.6)
    target = plan["target_scope"]
    needed = need_full if target == "full" else need_basic
    if done:
        quantities = _split(rng, plan["kinds"], need_basic, needed)
    else:
        share = rng.choice([0, 0, 0.3, 0.6, 0.9])
        partial = int(needed * share)
        quantities = [(plan["kinds"][0], partial)] if partial and window[0] <= window[1] else []
    retirements = []
    for k, (kind, quantity) in enumerate(quantities, start=1):
        retirements.append(_retirement(rng, draft, serials, kind, quantity, k, _day(rng, *window), plan))
    draft.status = "done" if done else ("overdue" if deadline < today else "open")
    if not done or not retirements:
        return
    draft.last_retired = max(r["retired_on"] for r in retirements)
    after = draft.last_retired
    if rng.random() < 0.75:
        draft.declaration_id = f"{draft.event_id[5:]}-declaration"[-64:].lstrip("-")
        draft.declared_on = _day(rng, after, min(after + timedelta(days=30), today - timedelta(days=10)))
        statement = (f"{plan['name'][0]}已按《上海市大型活动碳中和工作指引》完成核算，并注销 {sum(q for _, q in quantities)} 吨碳配额和减排量，"
                     f"实现{'全口径' if target == 'full' else '基本'}碳中和。",
                     f"{plan['name'][1]} accounted its emissions under the Shanghai guideline and retired {sum(q for _, q in quantities)} t of "
                     f"allowances and credits, reaching {target}-scope carbon neutrality.")
        draft.files["declaration.yaml"] = records.declaration_yaml({
            "id": draft.declaration_id, "event": draft.event_id, "scope": target, "declared_on": draft.declared_on,
            "declarant": organizer, "statement": statement, "retirements": [r["id"] for r in retirements]})
    if rng.random() < 0.4 or draft.declaration_id is None and rng.random() < 0.5:
        agency = draft.report_agency if draft.report_agency in shared.agencies else rng.choice(shared.agencies)
        at = max(_day(rng, after + timedelta(days=3), after + timedelta(days=30)), ACCREDITED_FROM)
        at = min(at, today - timedelta(days=11))
        draft.certify = {"agency": agency, "number": f"CN-{at.year}-{draft.index + 1:05d}", "scope": target,
                         "at": f"{at.isoformat()}T10:00:00Z", "day": at}


def _split(rng, kinds, need_basic: int, needed: int) -> list[tuple[str, int]]:
    surplus = rng.choice([0, 0, 1, 5, 10])
    if len(kinds) > 1 and needed > need_basic >= 1:
        return [(kinds[0], need_basic + surplus), (kinds[1], needed - need_basic)]
    if needed >= 20 and rng.random() < 0.3:
        half = needed // 2
        return [(kinds[0], half), (kinds[0], needed - half + surplus)]
    return [(kinds[0], max(1, needed + surplus))]


KIND_SLUG = {"cea": "cea", "shea": "shea", "ccer": "ccer", "shanghai_ver": "shver", "recognised_other": "rec"}


def _retirement(rng, draft: Draft, serials: SerialAllocator, kind, quantity, k, retired_on, plan) -> dict:
    registry, prefixes, project = vocab.OFFSETS[kind]
    # Units exist from their vintage year on (R508): only prefixes of a year not after the retirement.
    prefix = rng.choice([p for p in prefixes if prefix_year(p) <= retired_on.year] or prefixes[:1])
    rid = f"{draft.event_id[5:]}-{KIND_SLUG[kind]}-{k:03d}"[-64:].lstrip("-")
    proof = f"attachments/{KIND_SLUG[kind]}-cancellation-{k}.pdf"
    blocks = serials.blocks(registry, prefix, quantity, 2 if quantity > 10 and rng.random() < 0.15 else 1)
    proof_bytes = att.pdf([f"{registry} - cancellation certificate [demo]",
                           *[f"Units: {b['prefix']} from {b['first']} to {b['last']}" for b in blocks],
                           f"Quantity: {quantity} t; retired {retired_on.isoformat()}",
                           f"Purpose: carbon neutrality of {draft.event_id}"])
    draft.files[proof] = proof_bytes
    r = {"id": rid, "event": draft.event_id, "kind": kind, "registry": registry, "serials": blocks,
         "quantity": quantity, "retired_on": retired_on,
         "project": (*project, prefix, prefix_year(prefix)) if project else None,
         "statement": (f"用于{plan['name'][0]}碳中和", f"For the carbon neutrality of the {plan['name'][1]}"),
         "method": "purchase" if rng.random() < 0.9 else "donation", "seller": vocab.OFFSET_SELLERS[kind],
         "recognition": {"title": records.text("关于认可上海碳普惠减排量用于大型活动碳中和的通知（示例）",
                                               "Notice recognising Shanghai carbon-inclusion reductions for event neutrality (sample)"),
                         "issuer": records.text("上海市生态环境局", "Shanghai Municipal Bureau of Ecology and Environment"),
                         "number": "沪环气候〔2025〕示例号", "date": date(2025, 9, 1)} if kind == "recognised_other" else None,
         "proof": proof, "proof_sha256": att.sha256(proof_bytes)}
    draft.files[f"retirements/{rid}.yaml"] = records.retirement_yaml(r)
    return r
