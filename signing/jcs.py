"""JSON Canonicalization Scheme (RFC 8785) through the ``rfc8785`` library.

The values we canonicalize come from strict JSON (``strictjson``): plain dicts with ASCII
keys, lists, strings, safe integers, booleans and null. For those, :func:`_plain` writes the
very bytes ``rfc8785.dumps`` writes (tested against it), with the standard library's JSON
string escaping: the same escapes (``\\"``, ``\\\\``, ``\\b \\f \\n \\r \\t``, ``\\u00xx`` for the
other control characters) and nothing else; for ASCII keys, code point order is RFC 8785's
UTF-16 code unit order. Anything else (a float, a non-ASCII key, a subclass, an integer out of
range, a lone surrogate, nesting deeper than 64) goes to ``rfc8785``, imported only then: it
costs a cold ``verify`` about 2 ms to import and is several times slower.
"""

from __future__ import annotations

import math
from json.encoder import encode_basestring
from typing import Any

from .errors import CanonicalizationError
from .verifier_spec import text as spec_text

_SAFE_INTEGER = 2**53 - 1
_MAX_DEPTH = 64  # deeper values take the rfc8785 path, so that recursion limits are met as before
_ATOMS = {None: "null", True: "true", False: "false"}


class _NotPlain(Exception):
    """A value :func:`_plain` leaves to ``rfc8785``."""


def _find_non_finite(value: Any, path: str) -> str | None:
    """Return the path of the first NaN or infinity inside ``value``, if any."""
    if isinstance(value, float) and not math.isfinite(value):
        return path
    if isinstance(value, dict):
        for key, item in value.items():
            found = _find_non_finite(item, f"{path}/{key}")
            if found is not None:
                return found
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            found = _find_non_finite(item, f"{path}/{index}")
            if found is not None:
                return found
    return None


def _write_plain(value: Any, out: list[str], depth: int = 0) -> None:
    """Append the RFC 8785 text of a plain JSON value to ``out``; raise :class:`_NotPlain` otherwise."""
    kind = type(value)
    if depth > _MAX_DEPTH:
        raise _NotPlain
    if kind is str:
        out.append(encode_basestring(value))
    elif kind is dict:
        keys = sorted(value)  # for ASCII keys, code point order is UTF-16 code unit order
        if not all(type(key) is str and key.isascii() for key in keys):
            raise _NotPlain
        out.append("{")
        for index, key in enumerate(keys):
            if index:
                out.append(",")
            out.append(encode_basestring(key))
            out.append(":")
            _write_plain(value[key], out, depth + 1)
        out.append("}")
    elif kind is list or kind is tuple:
        out.append("[")
        for index, item in enumerate(value):
            if index:
                out.append(",")
            _write_plain(item, out, depth + 1)
        out.append("]")
    elif kind is int and -_SAFE_INTEGER <= value <= _SAFE_INTEGER:
        out.append(str(value))
    elif kind is bool or value is None:
        out.append(_ATOMS[value])
    else:
        raise _NotPlain


def _plain(obj: Any) -> bytes | None:
    """``rfc8785.dumps(obj)`` for a plain JSON value (see the module docstring); else None."""
    out: list[str] = []
    try:
        _write_plain(obj, out)
        return "".join(out).encode("utf-8")
    except (_NotPlain, TypeError, UnicodeEncodeError, RecursionError):  # TypeError: keys that cannot be sorted
        return None


def canonicalize(obj: Any) -> bytes:
    """Return the RFC 8785 canonical UTF-8 bytes of a JSON value.

    Non-finite numbers, integers outside the I-JSON range and non-string keys are refused
    with a bilingual :class:`CanonicalizationError`. Refusing floats where a document
    expects decimal strings is the caller's job.
    """
    plain = _plain(obj)
    if plain is not None:  # no float inside, so nothing for _find_non_finite to find
        return plain
    bad = _find_non_finite(obj, "")
    if bad is not None:
        raise CanonicalizationError(*spec_text("jcs.non-finite-number", path=bad or "/"))
    import rfc8785

    try:
        return rfc8785.dumps(obj)
    except rfc8785.IntegerDomainError as error:
        raise CanonicalizationError(*spec_text("jcs.integer-out-of-range", error=error)) from None
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as error:
        raise CanonicalizationError(*spec_text("jcs.cannot-canonicalize", error=error)) from None
