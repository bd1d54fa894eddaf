"""Bilingual vocabulary of the demo: places, themes, venues, organizers, reduction measures and the
emission sources an event of each kind typically reports. Everything here is fictional."""
from __future__ import annotations

# (district code, zh, en, slug) — district codes are those of the Shanghai rules.
PLACES = [
    ("huangpu", "外滩", "Bund", "bund"), ("huangpu", "豫园", "Yuyuan", "yuyuan"),
    ("xuhui", "徐汇滨江", "West Bund", "west-bund"), ("xuhui", "漕河泾", "Caohejing", "caohejing"),
    ("changning", "虹桥", "Hongqiao", "hongqiao"), ("jingan", "静安", "Jing'an", "jingan"),
    ("putuo", "苏州河", "Suzhou Creek", "suzhou-creek"), ("hongkou", "北外滩", "North Bund", "north-bund"),
    ("yangpu", "杨浦滨江", "Yangpu Riverside", "yangpu-riverside"), ("minhang", "紫竹", "Zizhu", "zizhu"),
    ("baoshan", "吴淞口", "Wusongkou", "wusongkou"), ("jiading", "嘉定", "Jiading", "jiading"),
    ("pudong", "陆家嘴", "Lujiazui", "lujiazui"), ("pudong", "张江", "Zhangjiang", "zhangjiang"),
    ("pudong", "世博", "Expo", "expo"), ("pudong", "临港", "Lingang", "lingang"),
    ("jinshan", "金山嘴", "Jinshanzui", "jinshanzui"), ("songjiang", "佘山", "Sheshan", "sheshan"),
    ("qingpu", "朱家角", "Zhujiajiao", "zhujiajiao"), ("qingpu", "国家会展", "National Exhibition", "necc"),
    ("fengxian", "海湾", "Haiwan", "haiwan"), ("chongming", "崇明", "Chongming", "chongming"),
]

THEMES = {
    "performance": [("爵士", "Jazz", "jazz"), ("草地音乐", "Lawn Music", "lawn-music"), ("交响", "Symphony", "symphony"),
                    ("戏剧", "Theatre", "theatre"), ("灯光艺术", "Light Art", "light-art"), ("民乐", "Folk Music", "folk-music")],
    "sports": [("马拉松", "Marathon", "marathon"), ("自行车", "Cycling", "cycling"), ("帆船", "Sailing", "sailing"),
               ("网球", "Tennis", "tennis"), ("电竞", "Esports", "esports"), ("龙舟", "Dragon Boat", "dragon-boat")],
    "conference": [("低碳", "Low-Carbon", "low-carbon"), ("人工智能", "AI", "ai"), ("金融", "Finance", "finance"),
                   ("城市更新", "Urban Renewal", "urban-renewal"), ("生物医药", "Biomedicine", "biomedicine"),
                   ("航运", "Shipping", "shipping")],
    "exhibition": [("绿色建筑", "Green Building", "green-building"), ("新能源汽车", "New Energy Vehicle", "nev"),
                   ("工业博览", "Industry", "industry"), ("设计", "Design", "design"), ("茶博", "Tea", "tea"),
                   ("图书", "Book", "book")],
    "other": [("城市定向", "City Orienteering", "orienteering"), ("市集", "Market", "market"),
              ("公益", "Charity", "charity"), ("科普", "Science", "science")],
}
NOUNS = {
    "performance": ("音乐节", "Festival", "festival"), "sports": ("赛", "Race", "race"),
    "conference": ("论坛", "Forum", "forum"), "exhibition": ("博览会", "Expo", "expo"),
    "other": ("活动周", "Week", "week"),
}
VENUES = {
    "performance": ("{p}户外草坪", "{p} open-air lawn"), "sports": ("{p}城市道路赛道", "{p} city road course"),
    "conference": ("{p}国际会议中心（示例）", "{p} International Conference Centre (sample)"),
    "exhibition": ("{p}会展中心 1–{h} 号馆（示例）", "{p} Exhibition Centre, halls 1-{h} (sample)"),
    "other": ("{p}公共空间", "{p} public spaces"),
}
ORGANIZER_KINDS = [
    ("文化传播有限公司（示例）", "Culture Communication Co., Ltd. (sample)"),
    ("体育发展有限公司（示例）", "Sports Development Co., Ltd. (sample)"),
    ("会展服务有限公司（示例）", "Exhibition Services Co., Ltd. (sample)"),
    ("产业联盟（示例）", "Industry Alliance (sample)"),
    ("文旅发展有限公司（示例）", "Culture and Tourism Co., Ltd. (sample)"),
]

MEASURES = [
    ("preparation", "communication", "电子票务与电子手册，不印刷纸质材料。", "Digital tickets and programme; nothing printed."),
    ("preparation", "consumables", "展位与舞台采用可重复使用的模块化结构。", "Reusable modular stages and booths."),
    ("preparation", "energy", "全部灯具采用 LED，签订绿电采购协议。", "LED lighting throughout and a green-power purchase agreement."),
    ("hosting", "transport", "凭票免费乘坐地铁，设置接驳大巴。", "Free metro rides with a ticket and shuttle buses."),
    ("hosting", "catering", "使用可重复使用餐具，提供直饮水，不提供瓶装水。", "Reusable tableware and refill stations instead of bottled water."),
    ("hosting", "venue", "场馆空调温度按季节设定并分区控制。", "Seasonal set points and zoned control of air conditioning."),
    ("hosting", "accommodation", "推荐步行可达的合作酒店，取消每日更换床单。", "Partner hotels within walking distance; no daily linen change."),
    ("closing", "waste", "分类回收，物料捐赠再利用。", "Sorted collection; materials donated for reuse."),
    ("closing", "energy", "撤场期间关闭非必要照明与设备。", "Non-essential lighting and equipment off during teardown."),
]

# (category, mode, unit, default factor key, low, high, density, weight). Amounts scale with attendance.
SOURCES = [
    ("purchased_electricity", None, "kWh", "electricity-shanghai", 2_000, 400_000, None, 4),
    ("purchased_heat", None, "GJ", "heat-shanghai", 20, 2_000, None, 1),
    ("stationary_fuel", None, "Nm3", "natural-gas-stationary", 300, 20_000, None, 1),
    ("stationary_fuel", None, "t", "diesel-stationary", 1, 12, None, 1),
    ("event_vehicles", None, "L", "gasoline-vehicle", 200, 6_000, ("0.74", "kg/L"), 1),
    ("event_vehicles", None, "t", "diesel-vehicle", 1, 8, None, 1),
    ("travel", "air", "passenger-km", "travel-air", 50_000, 3_000_000, None, 2),
    ("travel", "high_speed_rail", "passenger-km", "travel-high-speed-rail", 50_000, 2_000_000, None, 2),
    ("travel", "metro", "passenger-km", "travel-metro", 20_000, 2_000_000, None, 2),
    ("travel", "bus", "passenger-km", "travel-bus", 5_000, 300_000, None, 1),
    ("travel", "taxi", "passenger-km", "travel-taxi", 2_000, 200_000, None, 1),
    ("travel", "private_car", "passenger-km", "travel-private-car", 10_000, 900_000, None, 1),
    ("travel", "shuttle_bus", "vehicle-km", "travel-shuttle-bus", 500, 12_000, None, 1),
    ("accommodation", None, "room-night", "accommodation-hotel", 100, 12_000, None, 2),
    ("catering", None, "meal", "catering-meal", 500, 70_000, None, 2),
    ("materials", None, "t", "materials-paper", 1, 8, None, 1),
    ("materials", None, "t", "materials-plastic", 1, 25, None, 1),
    ("waste", None, "t", "waste-landfill", 1, 40, None, 1),
    ("waste", None, "t", "waste-incineration", 1, 40, None, 1),
    # units people report in (issue 12): heat in tce, gas in m3 at stated conditions, flights by band,
    # freight in t-km, guest-nights (events.py adds the conditions and guests per room)
    ("purchased_heat", None, "tce", "heat-shanghai", 1, 70, None, 1),
    ("stationary_fuel", None, "m3", "natural-gas-stationary", 300, 20_000, None, 1),
    ("travel", "air", "passenger-km", "travel-air-short-haul", 20_000, 600_000, None, 1),
    ("travel", "air", "passenger-km", "travel-air-medium-haul", 50_000, 2_000_000, None, 1),
    ("travel", "air", "passenger-km", "travel-air-long-haul", 100_000, 4_000_000, None, 1),
    ("materials", None, "t-km", "freight-road", 500, 200_000, None, 1),
    ("accommodation", None, "guest-night", "accommodation-hotel", 150, 18_000, None, 1),
]
# The flight distance band of an air factor (the line names it: distance_band).
AIR_BANDS = {"travel-air-short-haul": "short_haul", "travel-air-medium-haul": "medium_haul",
             "travel-air-long-haul": "long_haul"}
# Metering conditions of gas read in m3 (°C, absolute kPa) and guests per room of guest-night lines.
GAS_CONDITIONS = [("15", "101.325"), ("20", "101.325"), ("20", "102.5"), ("-5", "101.8")]
GUESTS_PER_ROOM = ["1.2", "1.5", "1.8", "2"]
# Measured factors an event may report instead of a default (Art. 11: measured first).
MEASURED = {
    "purchased_electricity": ("0.35", "kgCO2/kWh", "绿电协议与供电方排放因子证明", "green power agreement and supplier factor"),
    "stationary_fuel": ("2.05", "kgCO2/Nm3", "气体组分检测报告", "gas composition lab report"),
    "event_vehicles": ("2.93", "tCO2/t", "燃料检测报告", "fuel lab report"),
    "travel": ("0.028", "kgCO2e/passenger-km", "运营方排放数据", "operator emission data"),
}
CATEGORY_TEXT = {
    "purchased_electricity": ("用电", "electricity"), "purchased_heat": ("外购热力", "purchased heat"),
    "stationary_fuel": ("固定燃烧", "stationary fuel"), "event_vehicles": ("活动用车", "event vehicles"),
    "travel": ("出行", "travel"), "accommodation": ("住宿", "accommodation"), "catering": ("餐饮", "catering"),
    "materials": ("物料", "materials"), "waste": ("废弃物", "waste"),
}
# Why a category of the basic scope has no line (Art. 11: excluded explicitly, with a reason).
EXCLUSION_REASON = {
    "purchased_electricity": ("场馆用电由场馆方计量并计入其自身核算，活动未单独购电。",
                              "The venue meters its power in its own accounts; the event bought no electricity."),
    "purchased_heat": ("场馆未使用外购热力（空调为电驱动）。", "The venue used no purchased heat (air conditioning is electric)."),
    "stationary_fuel": ("场馆内未燃烧燃料（无锅炉、灶具或发电机）。", "No fuel was burned on site (no boilers, stoves or generators)."),
    "event_vehicles": ("活动未使用专用车辆。", "The event ran no vehicles of its own."),
}
MODE_TEXT = {
    "air": ("航空", "air"), "high_speed_rail": ("高铁", "high-speed rail"), "metro": ("地铁", "metro"),
    "bus": ("公交", "bus"), "taxi": ("出租车", "taxi"), "private_car": ("私家车", "private car"),
    "shuttle_bus": ("接驳大巴", "shuttle bus"),
}
PHASE_TEXT = {"preparation": ("筹备", "preparation"), "hosting": ("举办", "hosting"), "closing": ("收尾", "closing")}
EVIDENCE = {  # category -> attachment file stem (several lines share one file)
    "purchased_electricity": "energy-statement", "purchased_heat": "energy-statement",
    "stationary_fuel": "fuel-log", "event_vehicles": "fuel-log", "travel": "travel-survey",
    "accommodation": "lodging-and-catering", "catering": "lodging-and-catering", "materials": "materials-and-waste",
    "waste": "materials-and-waste",
}
EVIDENCE_TITLE = {
    "energy-statement": ("能源账单与电表读数", "Energy bills and meter readings"),
    "fuel-log": ("燃油与燃气记录", "Fuel and gas log"),
    "travel-survey": ("参与者出行调查汇总", "Participant travel survey summary"),
    "lodging-and-catering": ("住宿与餐饮数据", "Accommodation and catering data"),
    "materials-and-waste": ("物料与废弃物过磅单", "Materials and waste weighbridge tickets"),
    "measured-factors": ("实测排放因子证明", "Evidence of measured emission factors"),
}

# Offset kinds allowed by the rules, with their registry, serial prefixes and project (credits only).
OFFSETS = {
    "cea": ("national-ets-registry", ["CEA-2023-SH", "CEA-2024-SH", "CEA-2025-SH"], None),
    "shea": ("shanghai-ets-registry", ["SHEA-2024", "SHEA-2025", "SHEA-2026"], None),
    "ccer": ("national-ccer-registry", ["CCER-310000-2024-0087", "CCER-310000-2024-0112", "CCER-310000-2025-0019"],
             ("renewable_energy", "奉贤海上风电项目（示例）", "Fengxian offshore wind farm (sample)")),
    "shanghai_ver": ("shanghai-ver-registry", ["SHVER-2024-FO-0007", "SHVER-2025-CI-0031"],
                     ("forestry", "崇明生态林碳汇项目（示例）", "Chongming ecological forest carbon sink (sample)")),
    "recognised_other": ("other", ["SHCI-2025-PT", "SHCI-2026-PT"],
                         ("carbon_inclusion", "上海碳普惠公共出行减排量（示例）", "Shanghai carbon-inclusion public transport reductions (sample)")),
}
OFFSET_SELLERS = {
    "cea": ("全国碳排放权交易市场", "National carbon market"),
    "shea": ("上海环境能源交易所", "Shanghai Environment and Energy Exchange"),
    "ccer": ("上海某新能源发电企业（示例）", "A Shanghai renewable power company (sample)"),
    "shanghai_ver": ("上海环境能源交易所", "Shanghai Environment and Energy Exchange"),
    "recognised_other": ("上海碳普惠平台（示例）", "Shanghai carbon-inclusion platform (sample)"),
}
OFFSET_PLANS = [["cea", "ccer"], ["shea", "shanghai_ver"], ["cea"], ["shea"], ["ccer"], ["shanghai_ver", "recognised_other"],
                ["shea", "ccer"], ["recognised_other"]]
