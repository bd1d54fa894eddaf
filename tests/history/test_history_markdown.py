"""The Markdown summary (``--format markdown``): verdict, table, links, and inert untrusted text."""
from __future__ import annotations

from datetime import date

from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

from generator.findings import Location, error, warning
from generator.formats import FORMATS, markdown
from generator.pipeline import check

RESULT = check(pristine_sample(), date(2026, 7, 1), "registry")


def with_findings(*findings):
    from dataclasses import replace

    return replace(RESULT, findings=tuple(findings))


def test_registered():
    assert FORMATS["markdown"] is markdown.render


def test_passing_check():
    out = markdown.render(with_findings(), env={})
    assert out.startswith("## ✅ carbonreg check：通过 / passed")
    assert "| " not in out.split("<details>")[0]


def test_errors_before_warnings_and_plain_locations_outside_actions():
    w = warning("H107", Location("registry/a.yaml", 1, 1), "两个活动", "two events")
    e = error("H101", Location("registry/z.yaml", 7, 3), "已发布", "published")
    out = markdown.render(with_findings(w, e), env={})
    assert out.index("H101") < out.index("H107")
    assert "registry/z\\.yaml\\:7\\:3" in out and "](" not in out
    assert "1 errors, 1 warnings" in out


def test_untrusted_text_is_inert():
    hostile = 'x | <img src=x onerror=alert(1)> [click](https://evil.example) @someone `code`\n# head'
    out = markdown.render(with_findings(error("S201", Location("registry/a|b.yaml", 1), hostile, hostile)), env={})
    row = [line for line in out.splitlines() if "S201" in line][0]
    assert "<img" not in row and "&lt;img" in row
    assert "[click](" not in row and "\\@someone" in row
    assert row.count(" | ") == 3  # four cells only: the pipes in the message are escaped


def test_row_limit():
    many = [error("S201", Location(f"registry/f{i}.yaml", 1), "错", "bad") for i in range(markdown.MAX_ROWS + 5)]
    out = markdown.render(with_findings(*many), env={})
    assert "5 more not listed" in out
