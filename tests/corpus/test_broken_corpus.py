"""Every broken file in tests/corpus produces its expected codes at its expected lines."""
import re
from pathlib import Path

import pytest

from generator.loading.registry import load_record
from generator.loading.walk import RegistryFile
from generator.validation.schemas import KINDS

CORPUS = Path(__file__).parent
FILES = sorted(CORPUS.glob("*.yaml"))
KIND = re.compile(r"^# kind: (\S+)\s*$")
EXPECT = re.compile(r"^# expect: ([A-Z]\d{3}) (\d+)\s*$")


def _header(path: Path) -> tuple[str, list[tuple[str, int]]]:
    raw = path.read_bytes()
    text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8", errors="ignore")
    kind, expects = None, []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if m := KIND.match(line):
            kind = m.group(1)
        elif m := EXPECT.match(line):
            expects.append((m.group(1), int(m.group(2))))
    return kind, expects


def test_corpus_is_large_enough():
    assert len(FILES) >= 15
    assert (CORPUS / "README.md").is_file()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_header_is_well_formed(path: Path):
    kind, expects = _header(path)
    assert kind in KINDS, f"{path.name}: '# kind:' missing or unknown"
    assert expects, f"{path.name}: no '# expect:' line"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_expected_codes_at_expected_lines(path: Path):
    kind, expects = _header(path)
    record, findings = load_record(RegistryFile(kind, path, path.name))
    assert record is None, f"{path.name} loaded without error"
    got = {(f.code, f.location.line) for f in findings}
    for code, line in expects:
        assert (code, line) in got, f"{path.name}: expected {code} at line {line}, got {sorted(got)}"
    assert all(f.location.path == path.name for f in findings)
    assert all(f.zh and f.en for f in findings)
