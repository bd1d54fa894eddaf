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


def test_flight_bands_and_unit_conversions_are_shown_with_their_status_and_source():
    reg, _ = load_registry(SAMPLE, "registry")
    text = methodology_markdown(reg.rules, reg.factor_sets, "en")
    section = _sections(text)["shanghai-default-2022"]
    assert "**Flight distance bands** (⚠ placeholder" in section and "US Environmental Protection Agency" in section
    assert "| `medium_haul` | 482.8032 | 3701.4912 |" in section   # 300 and 2,300 miles, 1 mile = 1.609344 km
    conversions = text[text.index("## Unit conversions"):]
    assert "1 tce equals 29307.6 MJ (⚠ placeholder" in conversions and "GB/T 2589-2020" in conversions
    assert "273.15" in conversions and "101.325" in conversions
    zh = methodology_markdown(reg.rules, reg.factor_sets, "zh")
    assert "航程距离段" in zh and "单位换算" in zh and "标准状况" in zh
