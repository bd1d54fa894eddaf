"""The certificate PDF's font (generator/site/pdf/font.py): a small TrueType font per PDF made of
Noto Sans SC's own glyphs; the pinned font file only; characters it lacks are shown, not dropped."""
from __future__ import annotations

from io import BytesIO

import pytest
from fontTools.ttLib import TTFont

from generator.site.pdf import certificate, font


def test_the_subset_holds_exactly_the_characters_asked_for():
    made = font.subset_font("碳中和 CN-2026-0001")
    parsed = TTFont(BytesIO(made.data))
    assert set(parsed.getBestCmap()) == {ord(ch) for ch in "碳中和CN-2026-01 "} | {ord(font.FALLBACK)}
    assert parsed["maxp"].numGlyphs < 20 and "glyf" in parsed and made.missing == frozenset()
    full = TTFont(font.font_path(), lazy=True)  # Noto's own glyph (its advance), in quadratic outlines
    name = full.getBestCmap()[ord("碳")]
    assert parsed.getBestCmap()[ord("碳")] == name and parsed["hmtx"][name] == full["hmtx"][name]
    assert font.subset_font("碳中和 CN-2026-0001").data == made.data


def test_a_character_the_font_lacks_is_drawn_as_a_box_not_dropped():
    lacking = "\U0001f600"  # an emoji: not in Noto Sans SC
    made = font.subset_font("碳" + lacking)
    assert made.missing == frozenset({lacking})
    usable = frozenset("碳" + lacking) - made.missing
    assert certificate._clean("碳" + lacking + "\u202e", usable) == "碳" + font.FALLBACK + font.FALLBACK
    assert certificate._clean("tCO₂e", frozenset("tCO2e")) == "tCO2e"


def test_only_the_pinned_font_file_is_used(tmp_path):
    other = tmp_path / "NotoSansSC-Regular.otf"
    other.write_bytes(font.font_path().read_bytes()[:-1] + b"\0")
    with pytest.raises(font.FontError) as caught:
        font._Source(other)
    assert "SHA-256" in str(caught.value) and "make setup" in str(caught.value)
