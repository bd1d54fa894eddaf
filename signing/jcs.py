"""JSON Canonicalization Scheme (RFC 8785) through the ``rfc8785`` library."""

from __future__ import annotations

import math
from typing import Any

import rfc8785

from .errors import CanonicalizationError


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


def canonicalize(obj: Any) -> bytes:
    """Return the RFC 8785 canonical UTF-8 bytes of a JSON value.

    Non-finite numbers, integers outside the I-JSON range and non-string keys are refused
    with a bilingual :class:`CanonicalizationError`. Refusing floats where a document
    expects decimal strings is the caller's job.
    """
    bad = _find_non_finite(obj, "")
    if bad is not None:
        raise CanonicalizationError(
            f"JSON 中不允许 NaN 或无穷大（位置 {bad or '/'}）",
            f"NaN or infinity is not allowed in JSON (at {bad or '/'})",
        )
    try:
        return rfc8785.dumps(obj)
    except rfc8785.IntegerDomainError as error:
        raise CanonicalizationError(
            f"整数超出 JSON 安全范围（±2^53）：{error}",
            f"integer outside the JSON safe range (±2^53): {error}",
        ) from None
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as error:
        raise CanonicalizationError(
            f"无法规范化为 JCS：{error}", f"cannot canonicalize with JCS: {error}"
        ) from None
