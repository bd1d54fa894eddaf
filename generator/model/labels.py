"""The names of the records' enumerated values (status, level, kind, category, mode, …) in Chinese and
English: one table per enum, read by the site, open data, offers, estimates and the filing page."""
from __future__ import annotations

STATUS = {
    "done": ("已完成", "Done"),
    "open": ("进行中", "Open"),
    "overdue": ("已逾期", "Overdue"),
    "planned": ("计划中", "Planned"),
    "revoked": ("已撤销", "Revoked"),
}
LEVEL = {
    "full": ("全口径碳中和", "Full-scope neutral"),
    "basic": ("基本碳中和", "Basic neutral"),
    "none": ("未实现", "Not yet neutral"),
}
KIND = {
    "performance": ("演出", "Performance"),
    "sports": ("赛事", "Sports event"),
    "conference": ("会议", "Conference"),
    "exhibition": ("展览", "Exhibition"),
    "other": ("其他", "Other"),
}
PHASE = {"preparation": ("筹备", "Preparation"), "hosting": ("举办", "Hosting"), "closing": ("收尾", "Closing")}
CATEGORY = {
    "stationary_fuel": ("化石燃料（固定源）", "Fossil fuel, stationary"),
    "event_vehicles": ("活动用车燃料", "Event vehicles"),
    "purchased_electricity": ("外购电力", "Purchased electricity"),
    "purchased_heat": ("外购热力", "Purchased heat"),
    "travel": ("出行", "Travel"),
    "accommodation": ("住宿", "Accommodation"),
    "catering": ("餐饮", "Catering"),
    "materials": ("物资消耗", "Materials"),
    "waste": ("废弃物处理", "Waste"),
    "fugitive_gases": ("制冷剂等非二氧化碳气体逸散", "Refrigerant and other non-CO2 gas leakage"),
}
MODE = {
    "air": ("航空", "air"), "high_speed_rail": ("高铁", "high-speed rail"), "rail": ("铁路", "rail"),
    "metro": ("地铁", "metro"), "bus": ("公交", "bus"), "taxi": ("出租车", "taxi"),
    "private_car": ("私家车", "private car"), "shuttle_bus": ("接驳大巴", "shuttle bus"),
}
AREA = {
    "venue": ("场地", "Venue"), "transport": ("交通", "Transport"), "accommodation": ("住宿", "Accommodation"),
    "catering": ("餐饮", "Catering"), "consumables": ("耗材", "Consumables"), "energy": ("能源", "Energy"),
    "waste": ("废弃物", "Waste"), "communication": ("宣传", "Communication"),
}
OFFSET_KIND = {
    "cea": ("全国碳配额", "National allowance (CEA)"),
    "shea": ("本市碳配额", "Shanghai allowance (SHEA)"),
    "ccer": ("国家核证自愿减排量", "CCER"),
    "shanghai_ver": ("本市自愿减排量", "Shanghai voluntary reduction"),
    "recognised_other": ("主管部门认可的其他减排量", "Other recognised reduction"),
    "vcs": ("VCS", "VCS"),
    "gold_standard": ("黄金标准", "Gold Standard"),
}
REGISTRY = {
    "national-ets-registry": ("全国碳排放权注册登记系统", "National ETS registry"),
    "national-ccer-registry": ("全国温室气体自愿减排注册登记系统", "National CCER registry"),
    "shanghai-ets-registry": ("上海碳排放权登记系统", "Shanghai ETS registry"),
    "shanghai-ver-registry": ("本市自愿减排量登记系统", "Shanghai voluntary reduction registry"),
    "verra": ("Verra", "Verra"),
    "gold-standard": ("黄金标准登记处", "Gold Standard registry"),
    "other": ("其他", "Other"),
}
SCOPE = {"basic": ("基本范围", "Basic scope"), "full": ("全口径（基本 + 拓展范围）", "Full scope (basic + extended)")}
ASSURANCE = {"reasonable": ("合理保证", "reasonable assurance"), "limited": ("有限保证", "limited assurance")}
ACTIVITY_SOURCE = {"metered": ("计量读数", "metered"), "invoiced": ("发票或结算单", "invoiced"),
                   "surveyed": ("调查", "surveyed"), "estimated": ("估算", "estimated"), "unstated": ("未说明", "not stated")}
PER = {"perParticipant": ("每位现场参加者", "per on-site participant"), "perVisit": ("每参观人次", "per visit"),
       "perSquareMetre": ("每平方米展览面积", "per m² of exhibition area")}
ENUMS = {"activity_source": ACTIVITY_SOURCE, "assurance": ASSURANCE, "per": PER, "scope": SCOPE, "status": STATUS, "level": LEVEL,
         "kind": KIND, "phase": PHASE, "category": CATEGORY, "mode": MODE, "area": AREA, "offset_kind": OFFSET_KIND, "registry": REGISTRY}


def enum_label(enum: str, value: str, lang: str) -> str:
    pair = ENUMS[enum].get(value, (value, value))
    return pair[0] if lang == "zh" else pair[1]
