"""The YAML mistakes a person typing with a Chinese input method makes, each named on its own line
with what to type instead (Y114-Y119).

The parser reports where it gave up, which is often the line after the mistake and in words about
tokens. ``diagnose`` looks at the text up to that place for a known mistake and, when it finds one,
reports that instead. ``flow_comma`` and ``leading_zeros`` catch the mistakes that parse without
error but change the data (a comma that splits a text, a serial that loses its zeros)."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Pitfall:
    code: str
    line: int  # 1-based
    column: int  # 1-based
    zh: str
    en: str


_TAB_INDENT = re.compile(r"^( *)\t")
_FULL_COLON = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_-]*)\s*：")
_FLOW_FULL_COMMA = re.compile(r"，\s*([A-Za-z_][A-Za-z0-9_-]*)\s*[:：]")
_FULL_QUOTES = "“”‘’「」"


def diagnose(text: str, error_line: int) -> Pitfall | None:
    """The first known mistake on lines 1..error_line (1-based; the parser's line), or None."""
    lines = text.splitlines()
    for number, line in enumerate(lines[:max(error_line, 1)], 1):
        found = _on_line(number, line, number >= error_line - 1)
        if found is not None:
            return found
    return None


def _on_line(number: int, line: str, near: bool) -> Pitfall | None:
    tab = _TAB_INDENT.match(line)
    if tab:
        return Pitfall("Y114", number, len(tab.group(1)) + 1,
                       f"第 {number} 行用制表符（Tab）缩进；YAML 只能用空格缩进：请把 Tab 换成空格（每层两个空格）",
                       f"line {number} is indented with a tab; YAML indents with spaces only: replace the tab "
                       "with spaces (two per level)")
    colon = _FULL_COLON.match(line)
    if colon:
        key = colon.group(2)
        col = line.index("：", colon.start(2)) + 1
        return Pitfall("Y115", number, col,
                       f"“{key}”后面是全角冒号“：”；请改为半角冒号加空格，写成 `{key}: …`（可先切换到英文输入法）",
                       f"the colon after {key!r} is the full-width '：'; type an ASCII colon and a space: "
                       f"`{key}: …` (switch the input method to English first)")
    if "{" in line or "[" in line:
        comma = _FLOW_FULL_COMMA.search(line)
        if comma:
            return Pitfall("Y116", number, comma.start() + 1,
                           f"在 {{…}} 或 […] 中用全角逗号“，”分隔了字段 {comma.group(1)}；请改为半角逗号加空格“, ”",
                           f"the full-width comma '，' separates field {comma.group(1)!r} inside {{…}} or […]; "
                           "type an ASCII comma and a space ', '")
    for quote in _FULL_QUOTES[:2]:
        if near and quote in line and ":" in line:
            return Pitfall("Y119", number, line.index(quote) + 1,
                           "此处的中文引号“ ”不起引号作用；需要引号时请用半角双引号 \"…\"",
                           "Chinese quotation marks “ ” do not quote in YAML; where quotes are needed type "
                           "ASCII double quotes \"…\"")
    return None


_WORDS_WITH_FULL_COMMA = re.compile(r"^[A-Za-z0-9_.-]+(\s*，\s*[A-Za-z0-9_.-]+)+$")


def full_width_list(text: str) -> tuple[str, str] | None:
    """(zh, en) when a plain value is codes joined by '，' (``[cea，ccer]``), else None."""
    if not _WORDS_WITH_FULL_COMMA.match(text):
        return None
    fixed = ", ".join(part.strip() for part in text.split("，"))
    return (f"“{text}”中用了全角逗号“，”分隔列表项；请改为半角逗号加空格：[{fixed}]",
            f"{text!r} separates list items with the full-width comma '，'; type an ASCII comma and a space: [{fixed}]")


def flow_comma(key: str, previous: tuple[str, str] | None) -> tuple[str, str]:
    """(zh, en) for ``{zh: 起点, 终点, en: …}``: the comma ended the text and ``key`` became a field."""
    if previous is None:
        return (f"{{…}} 中的“{key}”后面没有冒号，被当成了字段名；文本中有逗号时请用半角双引号把整段文本括起来",
                f"{key!r} inside {{…}} has no colon, so it was read as a field name; when a text holds a comma, "
                "put the whole text in ASCII double quotes")
    name, value = previous
    whole = f"{value}, {key}".replace("“", "").replace("”", "")
    curly = any(q in value + key for q in _FULL_QUOTES)
    zh_quotes = "（中文引号“ ”不起引号作用）" if curly else ""
    en_quotes = " (Chinese quotation marks “ ” do not quote)" if curly else ""
    return (f"{name} 的文本在逗号处被截断，“{key}”被当成了字段名；请用半角双引号把整段文本括起来："
            f"{name}: \"{whole}\"{zh_quotes}，或改用中文逗号“，”",
            f"the text of {name} was cut at the comma and {key!r} was read as a field name; put the whole "
            f"text in ASCII double quotes: {name}: \"{whole}\"{en_quotes}, or use the Chinese comma '，'")


_LEADING_ZEROS = re.compile(r"^[+-]?0[0-9]")


def leading_zeros(text: str) -> tuple[str, str] | None:
    """(zh, en) for an unquoted number written with leading zeros (a serial such as 000000001)."""
    if not _LEADING_ZEROS.match(text):
        return None
    return (f"不带引号的 {text} 会被读成数字，前导零会丢失；序列号或编号请加半角双引号：\"{text}\"；如果是数量，请去掉前导零",
            f"unquoted {text} reads as a number and loses its leading zeros; quote a serial or code: "
            f"\"{text}\"; if it is an amount, drop the leading zeros")
