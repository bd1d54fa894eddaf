"""The ``verify`` console script (not yet implemented: the steps exist as library functions)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``verify``; exits 2 until the verification command is built."""
    print("verify: 尚未实现 / not yet implemented", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
