"""The methodology page's Markdown (generator/site/methodology.py): each factor set names its
jurisdiction, and a set of a jurisdiction the registry has no rules for (the sample's national grid
factor sets beside its Shanghai rules) is marked as reference only."""
from samplekit import SAMPLE

from generator.loading.registry import load_registry
from generator.site.methodology import methodology_markdown


def _sections(text: str) -> dict[str, str]:
    parts = text.split("\n## ")[1:]
    return {part.split("`")[1]: part for part in parts}


def test_sets_of_other_jurisdictions_are_marked_reference_only():
    reg, _ = load_registry(SAMPLE, "registry")
    for lang, mark in (("zh", "仅供参考"), ("en", "shown for reference")):
        sections = _sections(methodology_markdown(reg.rules, reg.factor_sets, lang))
        assert "jurisdiction `national`" in sections["national-default-2022"] or "地区 `national`" in sections["national-default-2022"]
        for set_id in ("national-default-2021", "national-default-2022", "national-default-2023"):
            assert mark in sections[set_id], (lang, set_id)
        assert mark not in sections["shanghai-default-2022"]
