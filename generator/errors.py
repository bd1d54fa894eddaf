"""The one error type of carbonreg's commands: a message in Chinese and English, and an exit code.

Every library error a user can cause (git, writes refused, operations, scaffolding, output folders,
init, the comment job) is a ``CarbonregError``; ``generator/cli.py`` catches it once and prints
``carbonreg: <zh> / <en>`` instead of a traceback."""
from __future__ import annotations


class CarbonregError(Exception):
    exit_code = 1

    def __init__(self, zh: str, en: str):
        super().__init__(f"{zh} / {en}")
        self.zh, self.en = zh, en
