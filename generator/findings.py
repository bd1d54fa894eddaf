"""Findings: what a check reports, with a location in a source file, in Chinese and English."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a registry file; line and column are 1-based, None when unknown."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.path
        return f"{self.path}:{self.line}:{self.column or 1}"


@dataclass(frozen=True)
class Finding:
    """One problem found in the registry, collected rather than thrown."""

    code: str
    severity: Severity
    location: Location
    zh: str
    en: str
    related: tuple[Location, ...] = field(default=())

    @property
    def message(self) -> str:
        return f"{self.zh} / {self.en}"

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.line or 0, loc.column or 0, self.code, self.en)


def error(code: str, location: Location, zh: str, en: str, related: tuple[Location, ...] = ()) -> Finding:
    return Finding(code, Severity.ERROR, location, zh, en, related)


def warning(code: str, location: Location, zh: str, en: str, related: tuple[Location, ...] = ()) -> Finding:
    return Finding(code, Severity.WARNING, location, zh, en, related)


class Outcome:
    """What a check result with ``findings`` says: error and warning counts, and whether it failed."""

    findings: tuple[Finding, ...]

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    def failed(self, strict: bool = False) -> bool:
        return self.errors > 0 or (strict and self.warnings > 0)


def sorted_findings(findings) -> list[Finding]:
    """Stable, deterministic order: by file, line, column, code."""
    unique = {(f.code, f.location, f.en): f for f in findings}
    return sorted(unique.values(), key=Finding.sort_key)
