"""The verifier's specification as data: ``signing/verifier.json``, the one file both verifiers read.

It holds the step names in their order, the limits on input and the texts the verify path prints
(step texts, refusals and the labels filled into them), each in Chinese and English under one key.
The Python verifier reads it here; the site build embeds the same bytes in the verify page, where
the browser verifier (``site/theme/assets/verify/values.js``) reads them, so that a text, a limit
or a step is changed in one place for both.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

SPEC_PATH = Path(__file__).with_name("verifier.json")
SPEC: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))  # package data, read once at import

STEP_NAMES: tuple[str, ...] = tuple(SPEC["steps"])
LIMITS: dict[str, int] = dict(SPEC["limits"])
_FIELD = re.compile(r"\{(\w+)\}")


def fill(template: str, values: dict[str, Any]) -> str:
    """``template`` with each ``{name}`` replaced by ``values[name]`` (the browser fills the same way)."""
    return _FIELD.sub(lambda m: str(values[m[1]]), template)


def text(key: str, /, **values: Any) -> tuple[str, str]:
    """The Chinese and English text of message ``key`` with ``values`` filled in."""
    message = SPEC["messages"][key]
    return fill(message["zh"], values), fill(message["en"], values)
