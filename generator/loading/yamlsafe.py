"""Safe loading of untrusted YAML 1.2 with a location for every value.

ruamel.yaml parses and composes the node graph; we construct plain values ourselves so that we
control exactly what is accepted: the YAML 1.2 core schema only (no timestamps: dates stay strings
and are checked by the schema's ``format``), decimals as ``Decimal`` (never ``float``), no custom
tags, no anchors or aliases (so no alias bombs), no duplicate keys, UTF-8 only, bounded size,
depth and number length.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
import warnings
from decimal import Decimal, InvalidOperation
from pathlib import Path as FsPath
from typing import Any, cast

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.findings import Finding, Location, error
from generator.loading import pitfalls
from generator.loading.document import Document, Path

MAX_BYTES = 1_000_000
MAX_DEPTH = 40
MAX_NODES = 200_000
MAX_NUMBER_CHARS = 40

_CORE = "tag:yaml.org,2002:"
# Bidirectional controls (Trojan Source, CVE-2021-42574), zero-width and other invisible format
# characters, and C1 controls: they make a name read differently from what it is.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0080-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]")
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


# The parser's usual complaints, in Chinese, with what they mostly mean (English hint after the text).
_PROBLEMS = {
    "could not find expected ':'": ("缺少“键: 值”中的半角冒号", " (a line lacks the ASCII colon of `key: value`)"),
    "mapping values are not allowed here": ("此处不能出现“键: 值”：冒号后的文本含有“: ”时请加引号，或检查缩进",
                                            " (quote a text holding ': ', or check the indentation)"),
    "did not find expected ',' or '}'": ("{…} 中缺少半角逗号或右括号 }", " (a comma or the closing } is missing)"),
    "did not find expected ',' or ']'": ("[…] 中缺少半角逗号或右括号 ]", " (a comma or the closing ] is missing)"),
    "did not find expected key": ("缩进不一致或缺少键", " (the indentation is uneven or a key is missing)"),
    "found character that cannot start any token": ("出现了不能开始任何内容的字符", ""),
    "found unexpected end of stream": ("文件意外结束（引号或括号未闭合？）", " (an unclosed quote or bracket?)"),
}


class _Refused(Exception):
    def __init__(self, code: str, node: Node | None, zh: str, en: str):
        super().__init__(en)
        self.code, self.node, self.zh, self.en = code, node, zh, en


def read_limited(path: FsPath, shown: str) -> tuple[bytes | None, list[Finding]]:
    """The bytes of a file within the size limit, or None and the finding that says why not."""
    try:
        raw = path.read_bytes() if path.stat().st_size <= MAX_BYTES else None
    except OSError as exc:
        return None, [error("Y100", Location(shown), f"无法读取文件：{exc.strerror}",
                            f"cannot read file: {exc.strerror}")]
    if raw is None:
        return None, [error("Y101", Location(shown, 1, 1),
                            f"文件超过 {MAX_BYTES} 字节的上限；请拆分文件或把大数据放入附件",
                            f"file is larger than the {MAX_BYTES}-byte limit; split it or move bulk data to an attachment")]
    return raw, []


def load_yaml(path: FsPath, display: str | None = None) -> tuple[Document | None, list[Finding]]:
    """Load one YAML file. Returns the document, or None and the findings that explain why not."""
    shown = display or str(path)
    raw, findings = read_limited(path, shown)
    return load_yaml_bytes(raw, shown) if raw is not None else (None, findings)


def load_yaml_bytes(raw: bytes, shown: str) -> tuple[Document | None, list[Finding]]:
    digest = hashlib.sha256(raw).hexdigest()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [error("Y102", Location(shown, line, 1),
                            f"文件不是 UTF-8 编码（第 {exc.start} 字节）；请以 UTF-8 保存",
                            f"file is not UTF-8 (byte {exc.start}); save it as UTF-8")]
    try:
        root = _compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        found = pitfalls.diagnose(text, mark.line + 1 if mark else 1)
        if found is not None:
            return None, [error(found.code, Location(shown, found.line, found.column), found.zh, found.en)]
        loc = Location(shown, mark.line + 1, mark.column + 1) if mark else Location(shown, 1, 1)
        problem = (exc.problem or exc.context or "syntax error").strip()
        zh_problem, en_hint = _PROBLEMS.get(problem, (problem, ""))
        return None, [error("Y103", loc, f"YAML 语法错误：{zh_problem}（{problem}）；请检查本行及上一行",
                            f"YAML syntax error: {problem}{en_hint}; check this line and the one above")]
    except RecursionError:  # the parser itself recursed too deep: nesting, not syntax
        return None, [error("Y107", Location(shown, 1, 1), f"嵌套超过 {MAX_DEPTH} 层", f"nesting deeper than {MAX_DEPTH} levels")]
    except (YAMLError, ValueError) as exc:
        return None, [error("Y103", Location(shown, 1, 1), f"YAML 无法解析：{type(exc).__name__}",
                            f"YAML cannot be parsed: {type(exc).__name__}")]
    if root is None:
        return None, [error("Y104", Location(shown, 1, 1), "文件为空", "file is empty")]
    builder = _Builder(shown)
    try:
        data = builder.build(root, (), 0)
    except _Refused as exc:
        mark = exc.node.start_mark if exc.node is not None else None
        loc = Location(shown, mark.line + 1, mark.column + 1) if mark else Location(shown, 1, 1)
        return None, [error(exc.code, loc, exc.zh, exc.en)]
    except RecursionError:
        return None, [error("Y107", Location(shown, 1, 1), "嵌套过深", "nesting too deep")]
    return Document(shown, data, builder.values, builder.keys, digest), []


try:  # libyaml through ruamel.yaml.clib: the same nodes and marks, about twice as fast
    from ruamel.yaml.cyaml import CSafeLoader
except ImportError:  # pragma: no cover - the pure-Python parser is always there
    CSafeLoader = None  # type: ignore[assignment,misc]

# The C composer recurses on the C stack and crashes (SIGSEGV) on nesting in the tens of thousands,
# which a 1 MB file can hold. Nesting depth is bounded by the brackets in the text plus, per line,
# the indentation and the "- "/"? " entries; above this bound the pure-Python parser is used, which
# raises RecursionError (reported as Y107) instead of crashing. Real records stay far below it.
C_PARSER_DEPTH_BOUND = 1000


# libyaml's composer does not keep anchors on nodes; where one may appear, the pure-Python parser
# decides (so an anchor is refused the same way whichever parser runs).
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[\{,])&[^\s\[\]{},]")


def _c_parser_safe(text: str) -> bool:
    if text.count("[") + text.count("{") > C_PARSER_DEPTH_BOUND or _MAYBE_ANCHOR.search(text):
        return False
    for line in text.splitlines():
        body = line.lstrip(" \t")
        if len(line) - len(body) + body.count("- ") + body.count("? ") > C_PARSER_DEPTH_BOUND:
            return False
    return True


def _compose(text: str):
    """Parse and compose one YAML 1.2 document into nodes that keep their marks.

    ruamel's warnings (e.g. a reused anchor) are silenced: such input is refused with a finding,
    and nothing but findings may reach the user."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _compose_quietly(text)


def _compose_quietly(text: str):
    if CSafeLoader is not None and _c_parser_safe(text):
        loader = CSafeLoader(text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()
    yaml = YAML(typ="safe", pure=True)  # pure=True: never the C parser here (see above)
    yaml.version = (1, 2)
    return yaml.compose(text)


def _no_colon(key: Node, value: Node) -> bool:
    """A flow-mapping entry written without a colon (``{a: 1, b}``): an empty value right at the key."""
    return (isinstance(value, ScalarNode) and value.value == "" and not value.style
            and value.start_mark.index == key.end_mark.index)


def _quote(text: str, limit: int = 60) -> str:
    short = text if len(text) <= limit else text[:limit] + "…"
    return repr(short)


class _Builder:
    """Turns composed nodes into plain values, recording where each one starts."""

    def __init__(self, shown: str):
        self.shown = shown
        self.values: dict[Path, tuple[int, int]] = {}
        self.keys: dict[Path, tuple[int, int]] = {}
        self.seen: set[int] = set()

    def build(self, node: Node, path: Path, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise _Refused("Y107", node, f"嵌套超过 {MAX_DEPTH} 层", f"nesting deeper than {MAX_DEPTH} levels")
        if id(node) in self.seen or getattr(node, "anchor", None):
            raise _Refused("Y105", node, "不允许使用锚点和别名（& 和 *）；请直接写出值",
                           "anchors and aliases (& and *) are not allowed; write the value out")
        self.seen.add(id(node))
        if len(self.seen) > MAX_NODES:
            raise _Refused("Y108", node, f"值的数量超过 {MAX_NODES}", f"more than {MAX_NODES} values")
        self.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        tag = str(node.tag)
        if isinstance(node, MappingNode):
            if tag != _CORE + "map":
                raise self._tag(node, tag)
            return self._mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            if tag != _CORE + "seq":
                raise self._tag(node, tag)
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(cast(ScalarNode, node), tag)

    def _mapping(self, node: MappingNode, path: Path, depth: int) -> dict:
        result: dict[str, Any] = {}
        previous: tuple[str, str] | None = None
        for key_node, value_node in node.value:
            if node.flow_style and _no_colon(key_node, value_node):
                zh, en = pitfalls.flow_comma(str(key_node.value), previous)
                raise _Refused("Y117", key_node, zh, en)
            if isinstance(value_node, ScalarNode):
                previous = (str(key_node.value), str(value_node.value))
            if not isinstance(key_node, ScalarNode) or str(key_node.tag) == _CORE + "merge":
                raise _Refused("Y109", key_node, "键必须是普通字符串（不允许合并键 << 或复合键）",
                               "keys must be plain strings (no merge keys << or complex keys)")
            key = self._text(key_node, str(key_node.value))
            if key in result:
                first = self.keys[path + (key,)]
                raise _Refused("Y106", key_node,
                               f"重复的键 {_quote(key)}（首次出现在第 {first[0]} 行）；删除或合并其中一个",
                               f"duplicate key {_quote(key)} (first at line {first[0]}); remove or merge one of them")
            self.keys[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, path + (key,), depth + 1)
        return result

    def _scalar(self, node: ScalarNode, tag: str) -> Any:
        text = node.value
        if not node.style:  # plain (unquoted): the mistakes a quote would have avoided
            listed = pitfalls.full_width_list(text)
            if listed:
                raise _Refused("Y116", node, *listed)
            if tag in (_CORE + "int", _CORE + "float") and (zeros := pitfalls.leading_zeros(text)):
                raise _Refused("Y118", node, *zeros)
        if tag in (_CORE + "str", _CORE + "timestamp"):
            # YAML 1.2's core schema has no timestamps: a date stays a string; the schema checks it.
            return self._text(node, text)
        if tag == _CORE + "null" and text in _NULLS:
            return None
        if tag == _CORE + "bool":
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
            return text
        if tag == _CORE + "int":
            return self._int(node, text)
        if tag == _CORE + "float":
            return self._decimal(node, text)
        raise self._tag(node, tag)

    def _int(self, node: ScalarNode, text: str) -> int:
        self._check_length(node, text)
        try:
            if "_" in text:
                raise ValueError(text)
            if text.lower().lstrip("+-").startswith(("0x", "0o")):
                return int(text, 0)
            return int(text, 10)
        except ValueError:
            raise _Refused("Y110", node, f"无法识别的整数 {_quote(text)}", f"unreadable integer {_quote(text)}") from None

    def _decimal(self, node: ScalarNode, text: str) -> Decimal:
        self._check_length(node, text)
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            raise _Refused("Y110", node, f"不允许的数值 {_quote(text)}（只接受有限的十进制数）",
                           f"number {_quote(text)} is not allowed (only finite decimals)")
        return value

    def _text(self, node: ScalarNode, text: str) -> str:
        bad = _INVISIBLE.search(text)
        if bad:
            name = unicodedata.name(bad.group(0), f"U+{ord(bad.group(0)):04X}")
            raise _Refused("Y112", node, f"文本中含有不可见或改变文字方向的控制字符 {name}（U+{ord(bad.group(0)):04X}）；请删除",
                           f"text holds an invisible or direction-changing control character {name} (U+{ord(bad.group(0)):04X}); remove it")
        if not unicodedata.is_normalized("NFC", text):
            raise _Refused("Y113", node, "文本不是 Unicode NFC 规范形式（常见于从 macOS 复制的文字）；请转换为 NFC 后保存",
                           "text is not in Unicode NFC form (common when copied on macOS); convert it to NFC and save")
        return text

    def _check_length(self, node: ScalarNode, text: str) -> None:
        if len(text) > MAX_NUMBER_CHARS:
            raise _Refused("Y110", node, f"数字过长（超过 {MAX_NUMBER_CHARS} 个字符）",
                           f"number longer than {MAX_NUMBER_CHARS} characters")

    def _tag(self, node: Node, tag: str) -> _Refused:
        return _Refused("Y111", node, f"不允许的标签 {_quote(tag)}；只接受普通的映射、列表和标量",
                        f"tag {_quote(tag)} is not allowed; only plain mappings, lists and scalars")
