"""``generate``: a whole demo registry in named stages (shared data → events → files → trust)."""
from __future__ import annotations

import os
import random
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from generator import datadir
from generator.demo import records
from generator.demo.events import Draft, Shared, draft_event
from generator.demo.serials import SerialAllocator
from generator.demo.trust import certify_all, setup_platform, sign_and_publish
from generator.demo.yamltext import dump

DEMO_TODAY = date(2026, 12, 1)  # `carbonreg check DIR --today 2026-12-01` gives 0 errors
SAMPLE = datadir.SAMPLE_REGISTRY
STATUS_AT, STATUS_EXPIRES = "2026-11-28T00:00:00Z", "2026-12-12T00:00:00Z"
PUBLISH_AT = "2026-11-25T00:00:00Z"
EXTRA_AGENCIES = [
    ("demo-lujiazui-carbon-audit", "陆家嘴碳审计事务所（演示）", "Lujiazui Carbon Audit LLP (demo)"),
    ("demo-yangtze-verification", "长江低碳核查中心（演示）", "Yangtze Low-Carbon Verification Centre (demo)"),
    ("demo-minhang-green-consulting", "闵行绿色咨询有限公司（演示）", "Minhang Green Consulting Co., Ltd. (demo)"),
]


@dataclass(frozen=True)
class DemoSummary:
    out: Path
    events: int
    statuses: dict[str, int]
    declared: int
    certified: int
    revoked: int
    today: date


def generate(out: Path, events: int, seed: int | str = 1, today: date = DEMO_TODAY) -> DemoSummary:
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} exists and is not empty")
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("GIT_CEILING_DIRECTORIES", str(out.resolve().parent))  # status list: "unversioned"
    shared = _shared_data(out, today)
    serials = SerialAllocator(random.Random(f"{seed}:serials"))
    drafts = [draft_event(i, seed, shared, serials) for i in range(events)]
    notices = _revocations(drafts, seed, today)
    for draft in drafts:
        for rel, data in draft.files.items():
            path = out / draft.rel_dir / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    agencies = _agency_records(out)
    setup_platform(out, seed, today, agencies, {"jiangnan-green-verification": "2026-06-15T00:00:00Z"})
    certify_all(out, seed, today, [(d.rel_dir, d.certify) for d in drafts if d.certify])
    for name, data in notices:
        (out / "revocations").mkdir(exist_ok=True)
        (out / "revocations" / name).write_bytes(data)
    sign_and_publish(out, seed, today, STATUS_AT, STATUS_EXPIRES, PUBLISH_AT)
    statuses: dict[str, int] = {}
    for d in drafts:
        statuses[d.status] = statuses.get(d.status, 0) + 1
    return DemoSummary(out, events, dict(sorted(statuses.items())), sum(1 for d in drafts if d.declaration_id),
                       sum(1 for d in drafts if d.certify), len(notices), today)


def _shared_data(out: Path, today: date) -> Shared:
    """Copy rules, factors and agencies from the sample registry, add demo agencies and registry.yaml."""

    for folder in ("rules", "factors", "agencies"):
        shutil.copytree(SAMPLE / folder, out / folder)
    for agency_id, zh, en in EXTRA_AGENCIES:
        data = {"id": agency_id, "name": records.text(zh, en),
                "accreditation": {"from": date(2025, 8, 1), "until": date(2028, 7, 31),
                                  "basis": records.text("演示平台登记的技术服务机构（第五、十七条）",
                                                        "Technical service agency registered with the demo platform (Art. 5, 17)")},
                "status": "active"}
        (out / "agencies" / f"{agency_id}.yaml").write_bytes(dump(data, records.header("agency")))
    (out / "registry.yaml").write_bytes(dump({
        "name": records.text("上海市大型活动碳中和登记库（演示数据）", "Shanghai large-event carbon neutrality registry (demo data)"),
        "jurisdiction": "shanghai", "base_url": "https://demo.carbonreg.example.org/",
        "operator": records.text("carbonreg 演示平台运营方", "carbonreg demo platform operator"),
        "contact": "mailto:registry@demo.carbonreg.example.org",
        "data_licence": {"id": "CC-BY-4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}},
        records.header("registry")))
    fset = _load(out / "factors" / "shanghai-default-2022.yaml", "factor-set")
    rules = _load(out / "rules" / "shanghai-2025.yaml", "rules")
    agencies = _agency_records(out)
    versions = [_load(p, "rules") for p in sorted((out / "rules").glob("*.yaml"))]
    lines_from = min((v.effective_from for v in versions if v.plan_estimate == "lines"), default=None)
    return Shared(today, fset.factors, rules.basic_categories, rules.deadline_months,
                  tuple(a.id for a in agencies if a.status == "active"),
                  tuple((a.id, a.suspended_since) for a in agencies if a.suspended_since), lines_from)


def _load(path: Path, kind: str):
    from generator.loading.registry import load_record
    from generator.loading.walk import RegistryFile

    record, findings = load_record(RegistryFile(kind, path, str(path)))
    if record is None:
        raise ValueError(f"{path}: {findings}")
    return record


def _agency_records(out: Path) -> list:
    return [_load(p, "agency") for p in sorted((out / "agencies").glob("*.yaml"))]


def _revocations(drafts: list[Draft], seed, today: date) -> list[tuple[str, bytes]]:
    """About 3 % of published claims are revoked (at least one): notices under revocations/."""
    rng = random.Random(f"{seed}:revocations")
    eligible = [d for d in drafts if d.declaration_id or d.certify]
    chosen = [d for d in eligible if rng.random() < 0.03] or eligible[:1]
    notices = []
    for n, d in enumerate(chosen, start=1):
        kind = "declaration" if d.declaration_id else "certificate"
        since: date | None = d.declared_on if kind == "declaration" else (d.certify or {}).get("day")
        assert since is not None  # a declared event has its day, a certified one its certificate's
        decided = min(since + timedelta(days=rng.randint(20, 200)), today - timedelta(days=5))
        suspended = "jiangnan-green-verification" if d.report_agency == "jiangnan-green-verification" else None
        notice_id = f"rev-{decided.year}-{n:04d}"
        reason = (("核查发现核算报告遗漏场馆柴油发电机排放并低报用电量，属于重大遗漏；撤销该声明。",
                   "A review found that the report omitted the venue's diesel generators and under-reported electricity, a major omission; the claim "
                   "is revoked.")
                  if rng.random() < 0.5 else
                  ("注销证明所列序列号与登记机构记录不符，无法确认抵销真实性；撤销该声明。",
                   "The serials on the cancellation proof do not match the registry's records, so the offsets cannot be confirmed; the claim is revoked."))
        data = records.revocation_yaml({"id": notice_id, "kind": kind, "event": d.event_id,
                                        "target": d.declaration_id if kind == "declaration" else (d.certify or {}).get("number"),
                                        "decided_on": decided, "article": "17" if suspended else "16", "reason": reason,
                                        "agency_suspended": suspended})
        d.status = "revoked"
        notices.append((f"{notice_id}.yaml", data))
    return notices
