"""One meaning per flag: the bilingual help of options shared by several commands, in one table.

``fill_help(parser)`` gives every option that its command left without help the text below (a
command's own, more specific help wins). ``tests/generator/test_cli_consistency.py`` holds every
option of every command to having help in Chinese and English, and ``--registry`` to meaning the
registry folder everywhere.
"""
from __future__ import annotations

import argparse

REGISTRY = "登记库文件夹 / registry folder (default: registry)"

# option -> help, for every command that has it
SHARED = {
    "--registry": REGISTRY,
    "--out": "输出文件夹 / output folder",
    "--today": "检查登记库所依据的日期（默认今天）/ the date the registry is checked as of (default: today)",
    "--at": "签署时间，UTC，如 2026-12-01T00:00:00Z（默认现在）/ signing time, UTC, e.g. 2026-12-01T00:00:00Z (default: now)",
    "--format": "输出格式 / output format",
    "--port": "本机端口 / port on 127.0.0.1 (default: 8000)",
    "--key": "加密私钥文件（PEM）/ encrypted private key file (PEM)",
    "--authorizations-key": "授权角色的私钥文件 / the authorizations role's key file",
    "--status-key": "状态列表角色的私钥文件 / the status role's key file",
    "--log-key": "公开日志角色的私钥文件 / the log role's key file",
    "--platform-key": "平台声明角色的私钥文件 / the platform role's key file (signs declarations)",
    "--root-key": "根角色私钥文件，每个根密钥一次 / a root key file, once per root key",
    "--threshold": "根签名门限（默认 2）/ root signatures required (default: 2)",
    "--name": "信任根名称，如 carbonreg:shanghai / the trust root's name, e.g. carbonreg:shanghai",
    "--platform-name-zh": "平台名称（中文）/ the platform's name in Chinese",
    "--platform-name-en": "平台名称（英文）/ the platform's name in English",
    "--expires": "到期时间，UTC / expiry, UTC (YYYY-MM-DDTHH:MM:SSZ)",
    "--key-from": "密钥生效时间（默认登记生效日）/ key valid from (default: accreditation start)",
    "--until": "授权截止时间，UTC（默认登记截止日）/ authorization ends, UTC (default: accreditation end)",
    "--since": "暂停起始时间，UTC / suspended since, UTC (YYYY-MM-DDTHH:MM:SSZ)",
    "--agency": "机构编号 / agency id",
    "--number": "证书编号，如 CN-2026-0001 / certificate number, e.g. CN-2026-0001",
    "--scope": "碳中和范围 / neutrality scope (basic, full)",
    "--days": "有效天数（默认 7）/ days valid (default: 7)",
    "--kind": "类型 / kind",
    "--event": "活动编号 / event id",
    "--article": "依据条款（第十六或十七条）/ article applied (16 or 17)",
    "--reason-zh": "撤销理由（中文）/ reason in Chinese",
    "--reason-en": "撤销理由（英文）/ reason in English",
    "--decided-by-zh": "决定方（中文）/ decided by, in Chinese",
    "--decided-by-en": "决定方（英文）/ decided by, in English",
    "--decided-on": "决定日期（默认今天）/ decision date, YYYY-MM-DD (default: today)",
    "--suspend-agency": "同时暂停的机构编号（第十七条）/ agency suspended with it (Art. 17)",
    "--district": "所在区代码，如 pudong / district code, e.g. pudong",
    "--on-site-participants": "现场参加人数 / on-site participants",
    "--visits": "参观人次 / visits",
    "--exhibition-area-m2": "展览面积（平方米）/ exhibition area (m²)",
    "--measure-area": "减排措施领域 / area of the reduction measure",
    "--estimate-basic": "基本范围排放估算（tCO2e）/ estimated basic-scope emissions (tCO2e)",
    "--estimate-total": "总排放估算（tCO2e）/ estimated total emissions (tCO2e)",
    "--target-scope": "计划的碳中和范围 / planned neutrality scope",
    "--offset-kind": "计划使用的抵销类型，可多次 / offset kind planned, repeatable",
    "--expected-neutral-by": "预计实现碳中和日期 / expected neutral by, YYYY-MM-DD",
    "--serial": "序列号区段 PREFIX:FIRST-LAST，可多次 / serial block PREFIX:FIRST-LAST, repeatable",
    "--quantity": "注销数量（整吨）/ quantity retired (whole tonnes)",
    "--retired-on": "注销日期 / retired on, YYYY-MM-DD",
    "--method": "取得方式 / how obtained (purchase, donation)",
    "--project-id": "项目编号 / project id",
    "--vintage": "减排量年份 / vintage year",
    "--province": "项目所在省份 / project province",
    "--website": "网站 / website (https://…)",
}
# "--x-zh" / "--x-en" text fields of the templates: the field in each language
TEXT_FIELDS = {"name": ("名称", "name"), "organizer": ("举办单位", "organizer"), "venue": ("场馆", "venue"),
               "content": ("活动内容", "content"), "measure": ("减排措施", "reduction measure"),
               "from": ("来源单位", "obtained from"), "project": ("项目名称", "project name"),
               "statement": ("声明内容", "statement")}
# positional arguments and options whose meaning depends on the command: (command, dest) -> help
BY_COMMAND = {
    ("keys generate", "out"): "新私钥文件的路径（放在仓库之外）/ path of the new key file (outside the repository)",
    ("trust authorize", "agency"): "机构编号 / agency id",
    ("trust suspend", "agency"): "机构编号 / agency id",
    ("serve", "out"): "输出文件夹 / output folder (default: _site)",
    ("serve", "today"): "期限状态所用日期 / reference date (default: today)",
    ("new retirement", "kind"): "抵销类型 / offset kind",
    ("new event", "kind"): "活动类型 / event kind",
    ("revoke", "kind"): "撤销对象类型 / what is revoked (declaration, certificate)",
    ("revoke", "event"): "活动编号 / event id",
}


def _default(command: str, action: argparse.Action) -> str | None:
    if (command, action.dest) in BY_COMMAND:
        return BY_COMMAND[(command, action.dest)]
    for option in action.option_strings:
        if option in SHARED:
            return SHARED[option]
        for field, (zh, en) in TEXT_FIELDS.items():
            if option == f"--{field}-zh":
                return f"{zh}（中文）/ {en} in Chinese"
            if option == f"--{field}-en":
                return f"{zh}（英文）/ {en} in English"
    return None


def _bilingual(text) -> bool:
    return isinstance(text, str) and any("\u4e00" <= ch <= "\u9fff" for ch in text) and any(ch.isascii() and ch.isalpha() for ch in text)


def fill_help(parser: argparse.ArgumentParser, command: str = "") -> None:
    """Give every option of ``parser`` and its subcommands whose help is missing or not bilingual the shared text."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                fill_help(sub, f"{command} {name}".strip())
        elif not isinstance(action, argparse._HelpAction) and not _bilingual(action.help):
            action.help = _default(command, action) or action.help
