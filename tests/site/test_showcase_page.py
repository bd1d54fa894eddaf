"""The showcase page states the formula it ranks by from the rules data: one formula when every rules
version sets the same one, each with its rules ids when they differ (issue 18: the weights were
constants in the site)."""
from __future__ import annotations

import shutil
from datetime import date

from samplekit import pristine_sample

from generator.site.build import build


def _showcase(tmp_path, edit_2025=None):
    root = shutil.copytree(pristine_sample(), tmp_path / "registry")
    if edit_2025:
        rules = root / "rules/shanghai-2025.yaml"
        rules.write_text(edit_2025(rules.read_text(encoding="utf-8")), encoding="utf-8")
    out = tmp_path / "site"
    build(root, out, date(2026, 12, 1), epoch=1764000000, search=False)
    return (out / "showcase/index.html").read_text(encoding="utf-8"), (out / "en/showcase/index.html").read_text(encoding="utf-8")


def test_one_formula_from_the_rules(tmp_path):
    zh, en = _showcase(tmp_path)
    assert zh.count("<pre><code>得分 = 100 × (0.4 × 核算范围 + 0.3 × 抵销质量 + 0.3 × 材料支撑度)</code></pre>") == 1
    assert "全口径 = 0.8；基本范围 = 0.5" in zh and "full scope = 0.8; basic scope = 0.5" in en
    assert "Rules shanghai-2025" not in en


def test_each_rules_formula_when_they_differ(tmp_path):
    def weigh_scope(text):
        return (text.replace('weights: {scope: "0.4", offset: "0.3", support: "0.3"}', 'weights: {scope: "0.6", offset: "0.2", support: "0.2"}')
                    .replace('basic: "0.5"}', 'basic: "0.25"}'))
    zh, en = _showcase(tmp_path, weigh_scope)
    assert "<p>Rules shanghai-2025:</p>" in en and "<p>Rules shanghai-2026:</p>" in en and "<p>规则 shanghai-2025：</p>" in zh
    assert "Score = 100 × (0.6 × Accounting scope + 0.2 × Offset quality + 0.2 × Supporting material)" in en
    assert "Score = 100 × (0.4 × Accounting scope + 0.3 × Offset quality + 0.3 × Supporting material)" in en
    assert "basic scope = 0.25." in en and "basic scope = 0.5." in en
