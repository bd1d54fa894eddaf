"""Run every file of the hostile-input corpus against a copy of the sample registry."""
from __future__ import annotations

import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

from generator.pipeline import check

HERE = Path(__file__).parent
SAMPLE = pristine_sample()
TODAY = date(2026, 11, 24)
CASES = sorted(HERE.glob("*.yaml"))


def header(raw: bytes) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for line in raw.lstrip(b"\xef\xbb\xbf").decode("utf-8", errors="ignore").splitlines():
        m = re.match(r"#\s*(kind|target|symlink|expect|site):\s*(.+)$", line)
        if m:
            fields.setdefault(m.group(1), []).append(m.group(2).strip())
        elif not line.startswith("#"):
            break
    return fields


def install(case: Path, tmp: Path) -> tuple[Path, Path, dict]:
    raw = case.read_bytes()
    meta = header(raw)
    registry = tmp / "registry"
    shutil.copytree(SAMPLE, registry, symlinks=True)
    target = tmp / meta["target"][0]
    target.write_bytes(raw)
    for spec in meta.get("symlink", []):
        link, dest = (s.strip() for s in spec.split("->"))
        path = target.parent / link
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(dest, path)
    return registry, target, meta


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_hostile_case(case, tmp_path):
    registry, target, meta = install(case, tmp_path)
    result = check(registry, TODAY)
    found = {(f.code, Path(f.location.path).resolve(), f.location.line) for f in result.findings}
    for expect in meta["expect"]:
        if expect == "accepted":
            assert result.errors == 0, [f"{f.location}: {f.code} {f.en}" for f in result.findings if f.severity.value == "error"]
            continue
        code, line = expect.split()
        assert (code, target.resolve(), int(line)) in found, (
            f"{code} at line {line} not reported; got: "
            + "; ".join(f"{f.code}@{f.location}" for f in result.findings if Path(f.location.path).resolve() == target.resolve()))


def test_hostile_text_is_escaped_on_every_page(tmp_path):
    from generator.site.build import build

    case = HERE / "script-in-text.yaml"
    registry, _, _ = install(case, tmp_path)
    out = tmp_path / "site"
    build(registry, out, TODAY, epoch=1764000000, search=False)
    pages = [p for p in out.resolve().rglob("*.html")]
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for needle in ("<script>alert(1)", "<img src=x onerror=alert(3)>", "<svg onload=alert(5)", "\" onmouseover=\"alert(2)"):
            assert needle not in html, f"{needle!r} unescaped in {page}"
    event = (out / "events/2026-riverside-light-art-festival/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in event


def test_parser_warnings_never_reach_the_user():
    """A reused anchor made ruamel print a warning to stderr (found by fuzzing): now only a finding."""
    import warnings

    from generator.loading.yamlsafe import load_yaml_bytes

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        doc, findings = load_yaml_bytes(b"a: &x 1\nb: &x 2\n", "reused.yaml")
    assert doc is None and [f.code for f in findings] == ["Y105"]
    assert caught == []


# ----- attachments (issue 16): binary files, so their expectations are in attachments/expect.txt -----

ATTACHMENTS = HERE / "attachments"
EXPECT = {line.split()[0]: line.split()[1:] for line in (ATTACHMENTS / "expect.txt").read_text(encoding="utf-8").splitlines()
          if line.strip() and not line.startswith("#")}
FESTIVAL = "events/2025/2025-west-bank-lawn-music-festival"


def _attach(registry: Path, name: str, data: bytes) -> tuple[Path, Path]:
    import hashlib

    target = registry / FESTIVAL / "attachments" / name
    target.write_bytes(data)
    report = registry / FESTIVAL / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8") + (
        f"  - path: attachments/{name}\n    sha256: {hashlib.sha256(data).hexdigest()}\n    title: {{zh: 附件, en: Attachment}}\n"),
        encoding="utf-8")
    return target, report


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_hostile_attachment(name, tmp_path):
    import time

    registry = tmp_path / "registry"
    shutil.copytree(SAMPLE, registry, symlinks=True)
    target, report = _attach(registry, name, (ATTACHMENTS / name).read_bytes())
    start = time.monotonic()
    result = check(registry, TODAY)
    elapsed = time.monotonic() - start
    code, line = EXPECT[name]
    where = report if line == "report" else target
    found = [(f.location.line, f.severity.value) for f in result.findings
             if f.code == code and Path(f.location.path).resolve() == where.resolve()]
    assert found, f"{code} not reported for {name}: " + "; ".join(f"{f.code}@{f.location}" for f in result.findings)
    if line.isdigit():
        assert int(line) in [at for at, _ in found]
    assert elapsed < 60, elapsed  # a whole check of the sample: no bomb makes it slow


def test_attachment_with_too_many_entries(tmp_path):
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for i in range(2500):
            archive.writestr(f"{i}", b"")
    registry = tmp_path / "registry"
    shutil.copytree(SAMPLE, registry, symlinks=True)
    target, _ = _attach(registry, "many-entries.xlsx", out.getvalue())
    hits = [f for f in check(registry, TODAY).findings if f.code == "P105"]
    assert [Path(f.location.path).resolve() for f in hits] == [target.resolve()] and "2500 entries" in hits[0].en
