"""A strict loader for untrusted JSON (certificates, trust metadata, status lists).

Refuses what the standard ``json`` module quietly accepts: duplicate keys, ``NaN`` and
``Infinity``, a byte-order mark, invalid UTF-8, oversized input, integers beyond 2^53,
floats (our documents carry quantities as decimal strings), strings not in NFC and values
nested deeper than :data:`MAX_DEPTH` (the browser verifier's limit too): a refusal, never a
``RecursionError``.
"""

from __future__ import annotations

import json
import os
import unicodedata
from typing import Any

from .errors import StrictJSONError, UnreadableJSONError
from .verifier_spec import LIMITS, text as spec_text

MAX_BYTES = LIMITS["jsonBytes"]  # the limits are in signing/verifier.json, read by the browser verifier too
MAX_SAFE_INTEGER = 2**53 - 1
MAX_DEPTH = LIMITS["jsonDepth"]
NESTED_ZH, NESTED_EN = spec_text("json.nested")


def _refuse_constant(name: str) -> Any:
    raise StrictJSONError(*spec_text("json.constant", name=name))


def _refuse_float(text: str) -> Any:
    raise StrictJSONError(*spec_text("json.float", text=text))


def _parse_int(text: str) -> int:
    value = int(text)
    if abs(value) > MAX_SAFE_INTEGER:
        raise StrictJSONError(*spec_text("json.integer-range", text=text))
    return value


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise StrictJSONError(*spec_text("json.duplicate-key", key=repr(key)))
        result[key] = value
    return result


def _check_nfc_and_depth(value: Any, require_nfc: bool) -> None:
    """Refuse strings not in NFC (when asked) and nesting deeper than MAX_DEPTH, without recursion."""
    pending: list[tuple[Any, str, int]] = [(value, "", 0)]
    while pending:
        item, path, depth = pending.pop()
        if isinstance(item, str):
            if require_nfc and not unicodedata.is_normalized("NFC", item):
                raise StrictJSONError(*spec_text("json.string-is-not-in-nfc", path=path or "/"))
        elif isinstance(item, (dict, list)):
            if depth >= MAX_DEPTH:
                raise StrictJSONError(NESTED_ZH, NESTED_EN)
            if isinstance(item, dict):
                for key, member in reversed(list(item.items())):
                    pending.append((member, f"{path}/{key}", depth + 1))
                    pending.append((key, f"{path}/{key}", depth + 1))
            else:
                pending.extend((member, f"{path}/{index}", depth + 1) for index, member in reversed(list(enumerate(item))))


def loads(
    data: bytes | str,
    *,
    max_bytes: int = MAX_BYTES,
    allow_floats: bool = False,
    require_nfc: bool = True,
) -> Any:
    """Parse untrusted JSON strictly; raise :class:`StrictJSONError` on anything doubtful."""
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if len(raw) > max_bytes:
        raise UnreadableJSONError(*spec_text("json.too-large", limit=max_bytes))
    if raw.startswith(b"\xef\xbb\xbf"):
        raise UnreadableJSONError(*spec_text("json.bom"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnreadableJSONError(*spec_text("json.not-utf-8", error=error)) from None
    try:
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_refuse_constant,
            parse_float=None if allow_floats else _refuse_float,
            parse_int=_parse_int,
        )
    except RecursionError:
        raise StrictJSONError(NESTED_ZH, NESTED_EN) from None
    except json.JSONDecodeError as error:
        raise UnreadableJSONError(
            *spec_text("json.syntax-error", line=error.lineno, column=error.colno, what=error.msg)
        ) from None
    _check_nfc_and_depth(value, require_nfc)
    return value


def load_path(path: str | os.PathLike[str], **options: Any) -> Any:
    """Read a file and parse it with :func:`loads`; unreadable files raise StrictJSONError."""
    limit = options.get("max_bytes", MAX_BYTES)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as error:
        raise UnreadableJSONError(*spec_text("input.cannot-read-file", path=path, error=error.strerror)) from None
    return loads(raw, **options)
