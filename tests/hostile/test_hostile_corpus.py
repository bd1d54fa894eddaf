"""Run every file of the hostile-input corpus against a copy of the sample registry."""
from __future__ import annotations
from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

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
