"""Helpers for the generator tests: copy the sample registry, edit it as text, run the check."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

from generator.findings import Finding
from generator.pipeline import CheckResult, check

REPO = Path(__file__).resolve().parents[2]
SAMPLE = pristine_sample()
# A fixed reference date: after every retirement and declaration of the sample, before any deadline.
TODAY = date(2026, 7, 1)
SHOWN = "registry"

MARATHON = "events/2025/2025-pujiang-city-marathon"
SALON = "events/2025/2025-campus-sustainability-salon"
FESTIVAL = "events/2025/2025-west-bank-lawn-music-festival"
EXPO = "events/2025/2025-yrd-green-building-expo"
FORUM = "events/2026/2026-pujiang-low-carbon-forum"
RIVERSIDE = "events/2026/2026-riverside-light-art-festival"


def copy_sample(tmp_path: Path) -> Path:
    root = tmp_path / "registry"
    shutil.copytree(SAMPLE, root, symlinks=True)
    return root


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` by ``new`` in a file; ``old`` must occur exactly ``count`` times."""
    text = path.read_text(encoding="utf-8")
    found = text.count(old)
    assert found == count, f"{old!r} occurs {found} times in {path}, expected {count}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    """1-based number of the line holding the nth occurrence of ``needle``."""
    seen = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == nth:
                return number
    raise AssertionError(f"{needle!r} (occurrence {nth}) not in {path}")


def column_of(path: Path, needle: str, nth: int = 1) -> int:
    """1-based column where ``needle`` starts on the line of its nth occurrence."""
    line = path.read_text(encoding="utf-8").splitlines()[line_of(path, needle, nth) - 1]
    return line.index(needle) + 1


def run(root: Path, today: date = TODAY) -> CheckResult:
    return check(root, today, SHOWN)


def shown(rel: str) -> str:
    """How a file under the registry copy is named in findings."""
    return f"{SHOWN}/{rel}"


def with_code(result: CheckResult, code: str) -> list[Finding]:
    return [f for f in result.findings if f.code == code]


def only(result: CheckResult, code: str) -> Finding:
    found = with_code(result, code)
    assert len(found) == 1, f"expected one {code}, got {[str(f.location) + ' ' + f.en for f in found]}"
    return found[0]


def codes(result: CheckResult) -> set[str]:
    return {f.code for f in result.findings}


def assert_at(finding: Finding, rel: str, line: int, column: int | None = None) -> None:
    assert finding.location.path == shown(rel), finding.location
    assert finding.location.line == line, (finding.location, finding.en)
    if column is not None:
        assert finding.location.column == column, (finding.location, finding.en)


def baseline_codes() -> set[str]:
    """Codes the untouched sample produces (one expected R201 warning)."""
    return {"R201"}
