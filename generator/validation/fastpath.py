"""A fast pre-check of records with jsonschema-rs; Python jsonschema stays the authority.

Most records are valid, and Python jsonschema spends milliseconds to say so. The Rust validator
(jsonschema-rs) answers in microseconds. It is used one way only: when it says a record is valid,
the record has no schema errors; when it says anything else (invalid, an error, a value it cannot
take), the Python validator runs exactly as before and produces every finding. So each result is
unchanged provided that

    rust_valid(convert(x))  implies  python_valid(x)                                  (*)

for every instance x the loader can produce (dict, list, str, int, bool, None, and
decimal.Decimal for non-integers; dates stay strings). Why (*) holds, hazard by hazard:

1. Numbers. Python jsonschema counts a Decimal as a "number" but never as an "integer", while
   jsonschema-rs counts any integral value (1.0, 1E+3) as an integer. :func:`to_rust` hands each
   Decimal d over as the float f = float(d) (correctly rounded), and refuses the fast path (so
   Python decides) when f is integral or not finite; that covers every integral d, since rounding
   an integer gives an integral float or an infinity. With f finite and non-integral:
   - "type": integer is false on both sides (f non-integral; Decimal never integer), number is
     true on both sides;
   - bounds: :func:`audit` admits only integer bounds b with |b| <= 2**53, so b is an exact float.
     Rounding is monotone and round(b) = b, so d >= b implies f >= b and d <= b implies f <= b;
     f == b is impossible (f is non-integral), and d == b would make f == b. Hence d < b iff
     f < b and d > b iff f > b: minimum/maximum/exclusive* agree exactly;
   - enum/const: the audit admits only string values, which no number equals on either side;
   - uniqueItems: equal decimals give equal floats, and a non-integral float equals no int, so
     items equal for Python are equal for Rust: "unique" in Rust implies "unique" in Python (the
     converse can fail, so the audit allows uniqueItems only where it must hold: outside `not`
     and `if`).
   Python ints are passed as they are when |n| <= 2**53 (exact in any representation) and refused
   otherwise; bools stay bools, which neither side counts as a number.
   Anything else (floats, tuples, subclasses, non-string keys) is refused.
2. Formats. Every `format` reachable from a record schema is given to jsonschema-rs as a custom
   format whose function is Python's own FORMAT_CHECKER.conforms for that name (custom formats
   take precedence over the built-in ones), with validate_formats on; both sides call it for
   strings only. An exception in a checker counts as "invalid" here, so Python decides.
3. Patterns. The audit admits only patterns of a small dialect (:func:`pattern_kind`): ASCII
   literals, the escapes \\. \\^ \\$ and the like, plain groups, |, quantifiers + * ? {m,n},
   classes of ASCII literals and ranges, ^ first and $ last. Python `re` and Rust `regex` (chosen
   with RegexOptions) give such a pattern the same language over code points, except that
   Python's $ also matches before a final "\\n". So for a pattern without $ both agree exactly,
   and for one ending in $ Rust matches s only if Python does, and they can differ only on
   strings ending in "\\n" (no literal of the dialect is a newline). Rust being
   stricter is safe where a pattern must match (the usual case). Under `not` it is the other way
   round; the audit allows an $-pattern there only as `{"pattern": Q, "not": {"pattern": P}}` with
   Q "anchored" (^ first, $ last, no top-level |): if Rust accepts, Q matched the whole string, so
   s holds no newline, and on such strings P means the same to both. Under `if` (which must agree
   both ways) only $-free patterns pass.
4. $ref: jsonschema-rs gets a Registry of our own schema files, built with a retriever that
   refuses everything, and validators are built with offline=True: nothing is ever fetched.
5. Unknown keywords: jsonschema-rs and Python both ignore them. The audit admits "x-..." keywords
   and annotations only, besides the keywords argued above and the structural ones both
   implement alike for 2020-12 (type, required, properties, additionalProperties, items,
   propertyNames, allOf, anyOf, if/then/else, $ref with siblings, min/max counts; string lengths
   count code points on both sides); any other keyword disables the fast path for that record
   kind (Python then validates everything, as before).
A string Rust cannot hold (a lone surrogate) makes jsonschema-rs raise: Python decides.

If jsonschema-rs is missing or a schema fails the audit, the fast path is off for that kind and
every record goes through Python, so results never depend on it. tests/generator/
test_validation_fastpath.py checks (*) by differential testing and that the shipped schemas pass
the audit.
"""
from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Any, Callable, Iterable
from urllib.parse import urljoin

try:
    import jsonschema_rs
except ImportError:  # pragma: no cover - it is a dependency; without it Python does everything
    jsonschema_rs = None  # type: ignore[assignment]

INT_LIMIT = 2 ** 53

POS, NEG, EXACT = 1, -1, 0  # what a subschema's Rust verdict must imply about Python's

_ANNOTATIONS = {"$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default",
                "deprecated", "readOnly", "writeOnly"}
_TYPES = {"object", "array", "string", "integer", "number", "boolean", "null"}
_BOUNDS = {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}
_COUNTS = {"minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"}
_SAME_INSTANCE = {"then", "else"}
_CHILDREN = {"additionalProperties", "items", "propertyNames"}


class Unsafe(Exception):
    """A value that the fast path does not take: Python decides."""


# ---- patterns ---------------------------------------------------------------------------------

_LITERAL = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/:_ @,-")
_META = set(".^$+*?()[]{}|\\")
_CLASS_LITERAL = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._/ ()+:@,")
_QUANT = re.compile(r"\{([0-9]{1,4})(,([0-9]{1,4})?)?\}")


def pattern_kind(pattern: str) -> str | None:
    """None outside the audited dialect, else "exact" (no $), "dollar" (ends in an unescaped $) or
    "anchored" (a "dollar" one that starts with ^ and has no | outside parentheses, so what it
    matches in Rust is a whole string of dialect literals: never one holding a newline)."""
    i, n, depth, atom, top_bar = 0, len(pattern), 0, False, False
    if pattern.startswith("^"):
        i = 1
    end = n
    dollar = pattern.endswith("$") and not _escaped(pattern, n - 1)
    if dollar:
        end = n - 1
    while i < end:
        c = pattern[i]
        if c == "\\":
            if i + 1 >= end or pattern[i + 1] not in _META:
                return None
            i, atom = i + 2, True
        elif c == "(":
            if pattern.startswith("(?", i):
                return None
            depth, i, atom = depth + 1, i + 1, False
        elif c == ")":
            if depth == 0:
                return None
            depth, i, atom = depth - 1, i + 1, True
        elif c == "|":
            top_bar = top_bar or depth == 0
            i, atom = i + 1, False
        elif c in "+*?":
            if not atom:
                return None
            i, atom = i + 1, False
        elif c == "{":
            m = _QUANT.match(pattern, i, end)
            if not atom or not m or (m.group(3) and int(m.group(3)) < int(m.group(1))):
                return None
            i, atom = m.end(), False
        elif c == "[":
            j = _class_end(pattern, i + 1, end)
            if j is None:
                return None
            i, atom = j, True
        elif c in _LITERAL:
            i, atom = i + 1, True
        else:
            return None
    if depth:
        return None
    if not dollar:
        return "exact"
    return "anchored" if pattern.startswith("^") and not top_bar else "dollar"


def _escaped(text: str, index: int) -> bool:
    slashes = 0
    while index - 1 - slashes >= 0 and text[index - 1 - slashes] == "\\":
        slashes += 1
    return slashes % 2 == 1


def _class_end(pattern: str, i: int, end: int) -> int | None:
    """The index after the `]` closing a class that starts at i, or None if the class is unaudited.

    Members: ASCII letters and digits, a few punctuation characters, ranges within digits, lower
    or upper case letters, escaped meta characters, and '-' first or last. No negation, no nested
    class, no Rust set operations (&&, --, ~~)."""
    first = True
    while i < end:
        c = pattern[i]
        if c == "]" and not first:
            return i + 1
        if c == "\\":
            if i + 1 >= end or pattern[i + 1] not in _META | {"-"}:
                return None
            i += 2
        elif c == "-":
            if not (first or pattern[i + 1:i + 2] == "]"):
                return None
            i += 1
        elif c in _CLASS_LITERAL:
            if pattern[i + 1:i + 2] == "-" and pattern[i + 2:i + 3] not in ("]", ""):
                hi = pattern[i + 2]
                same = any(c in r and hi in r for r in ("0123456789", "abcdefghijklmnopqrstuvwxyz",
                                                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
                if not same or hi < c:
                    return None
                i += 3
            else:
                i += 1
        else:
            return None
        first = False
    return None


# ---- the audit ---------------------------------------------------------------------------------

def audit(resources: dict[str, Any], root_uri: str) -> tuple[list[str], set[str]]:
    """Problems that keep the fast path off for the schema at root_uri, and the formats it uses.

    Walks every subschema reachable from the root, following $ref, with the polarity in which
    its Rust verdict is used: POS (Rust valid must imply Python valid), NEG (under `not`: Rust
    invalid must imply Python invalid) or EXACT (under `if`: both)."""
    problems: list[str] = []
    formats: set[str] = set()
    seen: set[tuple[int, int, bool]] = set()

    def resolve(base: str, ref: str, where: str):
        doc, _, fragment = ref.partition("#")
        uri = urljoin(base, doc) if doc else base
        node = resources.get(uri)
        if node is None or (fragment and not fragment.startswith("/")):
            problems.append(f"{where}: $ref {ref!r} is not one of our schema files")
            return None, None
        for token in fragment.split("/")[1:] if fragment else []:
            token = token.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, dict) or token not in node:
                problems.append(f"{where}: $ref {ref!r} does not resolve")
                return None, None
            node = node[token]
        return uri, node

    def visit(node: Any, base: str, where: str, polarity: int, guarded: bool = False) -> None:
        if isinstance(node, bool):
            return
        if not isinstance(node, dict):
            problems.append(f"{where}: a subschema that is neither an object nor a boolean")
            return
        key = (id(node), polarity, guarded)
        if key in seen:
            return
        seen.add(key)
        if "$id" in node and resources.get(base) is not node:
            problems.append(f"{where}: a nested $id")
        for name, value in node.items():
            at = f"{where}/{name}"
            if name.startswith("x-") or name in _ANNOTATIONS:
                continue  # ignored by both validators ($defs are reached through $ref)
            if name == "type":
                types = value if isinstance(value, list) else [value]
                if not types or any(t not in _TYPES for t in types):
                    problems.append(f"{at}: unaudited type {value!r}")
            elif name in ("enum", "const"):
                options = value if name == "enum" and isinstance(value, list) else [value]
                if name == "enum" and not isinstance(value, list) or not all(type(o) is str for o in options):
                    problems.append(f"{at}: only string values are audited")
            elif name in _BOUNDS:
                if type(value) is not int or abs(value) > INT_LIMIT:
                    problems.append(f"{at}: only integer bounds within 2**53 are audited")
            elif name in _COUNTS:
                if type(value) is not int or value < 0:
                    problems.append(f"{at}: not a non-negative integer")
            elif name == "required":
                if not isinstance(value, list) or not all(type(k) is str for k in value):
                    problems.append(f"{at}: not a list of strings")
            elif name == "uniqueItems":
                if value is not False and (value is not True or polarity != POS):
                    problems.append(f"{at}: uniqueItems is audited only where it must hold")
            elif name == "pattern":
                kind = pattern_kind(value) if isinstance(value, str) else None
                if kind is None:
                    problems.append(f"{at}: pattern {value!r} is outside the audited dialect")
                elif kind != "exact" and not (polarity == POS or (polarity == NEG and guarded)):
                    problems.append(f"{at}: a $-pattern where Rust must not be stricter")
            elif name == "format":
                if not isinstance(value, str) or polarity != POS:
                    problems.append(f"{at}: format is audited only where it must hold")
                else:
                    formats.add(value)
            elif name == "properties":
                if not isinstance(value, dict):
                    problems.append(f"{at}: not an object")
                    continue
                for prop, sub in value.items():
                    visit(sub, base, f"{at}/{prop}", polarity)
            elif name in _CHILDREN or name in _SAME_INSTANCE:
                visit(value, base, at, polarity)
            elif name in ("allOf", "anyOf"):
                if not isinstance(value, list) or not value:
                    problems.append(f"{at}: not a non-empty list")
                    continue
                for i, sub in enumerate(value):
                    visit(sub, base, f"{at}/{i}", polarity)
            elif name == "not":
                own = node.get("pattern")
                guard = polarity == POS and isinstance(own, str) and pattern_kind(own) == "anchored"
                visit(value, base, at, -polarity, guard)
            elif name == "if":
                visit(value, base, at, EXACT)
            elif name == "$ref":
                uri, target = resolve(base, value, at) if isinstance(value, str) else (None, None)
                if uri is not None:
                    visit(target, uri, f"{uri}#{value.partition('#')[2]}", polarity)
            else:
                problems.append(f"{at}: keyword {name!r} is not audited for the fast path")

    if root_uri not in resources:
        return [f"{root_uri}: no such schema"], formats
    visit(resources[root_uri], root_uri, root_uri + "#", POS)
    return problems, formats


# ---- the instance ------------------------------------------------------------------------------

def to_rust(value: Any) -> Any:
    """A copy of a loaded value that jsonschema-rs judges as Python does (see the module doc).

    Raises Unsafe for a value that must go to Python."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return value
    if kind is int:
        if -INT_LIMIT <= value <= INT_LIMIT:
            return value
        raise Unsafe("integer beyond 2**53")
    if kind is Decimal:
        if not value.is_finite():
            raise Unsafe("non-finite decimal")
        as_float = float(value)
        if not math.isfinite(as_float) or as_float.is_integer():
            raise Unsafe("integral decimal, or one whose float is integral or infinite")
        return as_float
    if kind is dict:
        out = {}
        for key, item in value.items():
            if type(key) is not str:
                raise Unsafe("non-string key")
            out[key] = to_rust(item)
        return out
    if kind is list:
        return [to_rust(item) for item in value]
    raise Unsafe(f"unexpected {kind.__name__}")


# ---- the validator -----------------------------------------------------------------------------

def _refuse(uri: str):
    raise LookupError(f"schemas are never fetched: {uri}")


def _format_function(checker, name: str) -> Callable[[str], bool]:
    def conforms(value: str) -> bool:
        try:
            return checker.conforms(value, name) is True
        except Exception:  # Python's validator would raise here: let it
            return False
    return conforms


def rust_registry(resources: Iterable[tuple[str, Any]]):
    if jsonschema_rs is None:
        return None
    return jsonschema_rs.Registry(list(resources), draft=jsonschema_rs.Draft202012, retriever=_refuse)


def rust_validator(resources: dict[str, Any], registry, root_uri: str, format_checker):
    """The jsonschema-rs validator for one schema, or None where the fast path is off."""
    if jsonschema_rs is None or registry is None:
        return None
    try:
        problems, formats = audit(resources, root_uri)
        if problems:
            return None
        return jsonschema_rs.Draft202012Validator(
            resources[root_uri],
            registry=registry,
            offline=True,
            validate_formats=True,
            formats={name: _format_function(format_checker, name) for name in sorted(formats)},
            pattern_options=jsonschema_rs.RegexOptions(),
        )
    except Exception:  # pragma: no cover - a schema the audit or jsonschema-rs cannot take
        return None


def fast_valid(rust, instance: Any) -> bool:
    """True only if jsonschema-rs says the instance is valid; False means "ask Python"."""
    if rust is None:
        return False
    try:
        return rust.is_valid(to_rust(instance)) is True
    except Exception:  # Unsafe, a string Rust cannot hold, a failing format checker, ...
        return False
