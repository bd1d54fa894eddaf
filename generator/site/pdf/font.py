"""The certificate PDF's font: Noto Sans SC (SIL Open Font License 1.1), from the PyPI package
``pylopdf-fonts-zh-cn`` (pinned in ``pyproject.toml``; its file is checked against ``FONT_SHA256``
so a different font can never change the output silently). Never a system font.

Each PDF embeds a subset holding only the glyphs it uses. Giving fpdf2 the whole font (8 MB, CFF
outlines) costs 0.3-0.6 s per PDF (it parses and subsets the font each time); here the font is
opened once per process, each character's outline is converted to TrueType quadratics once
(``cu2qu``, kept per process), and every PDF gets a small TrueType font built from those glyphs
(about 20 ms). The glyphs are Noto's own, so the printed page is the same everywhere."""
from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

FONT_PACKAGE = "pylopdf_fonts_zh_cn"
FONT_SHA256 = "faa6c9df652116dde789d351359f3d7e5d2285a2b2a1f04a2d7244df706d5ea9"  # NotoSansSC-Regular.otf, v2.004
FAMILY = "CarbonregNotoSansSC"
FALLBACK = "\u25a1"  # WHITE SQUARE: shown for a character the font lacks (never silently dropped)


class FontError(Exception):
    """The font package is missing or is not the pinned font."""


@dataclass(frozen=True)
class SubsetFont:
    data: bytes  # a TrueType font with just the glyphs asked for
    missing: frozenset  # characters the font lacks (drawn as FALLBACK)


def font_path() -> Path:
    try:
        module = __import__(FONT_PACKAGE)
    except ImportError as error:
        raise FontError(f"证书 PDF 需要字体包 pylopdf-fonts-zh-cn（运行 make setup 安装）/ the certificate PDF needs the font "
                        f"package pylopdf-fonts-zh-cn (run make setup): {error}") from None
    return Path(module.sans_path())


class _Source:
    """The full font, opened once per process, and each character's TrueType glyph once."""

    def __init__(self, path: Path) -> None:
        from fontTools.ttLib import TTFont

        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != FONT_SHA256:
            raise FontError(f"{path} 不是固定版本的 Noto Sans SC（SHA-256 不符）/ {path} is not the pinned Noto Sans SC "
                            f"(SHA-256 differs): reinstall with make setup")
        self.font = TTFont(BytesIO(data), lazy=True)
        self.cmap = self.font.getBestCmap()
        self.glyphs = self.font.getGlyphSet()
        self.metrics = self.font["hmtx"].metrics
        self.converted: dict[str, _Glyph] = {}  # glyph name -> (TrueType glyph, advance, lsb)
        head, hhea, os2 = self.font["head"], self.font["hhea"], self.font["OS/2"]
        self.upem, self.created = head.unitsPerEm, head.created
        self.ascent, self.descent = hhea.ascent, hhea.descent
        self.os2 = dict(sTypoAscender=os2.sTypoAscender, sTypoDescender=os2.sTypoDescender,
                        sTypoLineGap=os2.sTypoLineGap, usWinAscent=os2.usWinAscent, usWinDescent=os2.usWinDescent,
                        sxHeight=getattr(os2, "sxHeight", 0), sCapHeight=getattr(os2, "sCapHeight", 0),
                        achVendID=os2.achVendID, fsType=os2.fsType)

    def glyph(self, name: str) -> "_Glyph":
        hit = self.converted.get(name)
        if hit is None:
            from fontTools.pens.cu2quPen import Cu2QuPen
            from fontTools.pens.ttGlyphPen import TTGlyphPen

            pen = TTGlyphPen(None)
            self.glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
            glyph = pen.glyph()
            glyph.recalcBounds(None)
            contours = max(glyph.numberOfContours, 0)
            points = len(glyph.coordinates) if contours else 0
            box = (glyph.xMin, glyph.yMin, glyph.xMax, glyph.yMax) if contours else (0, 0, 0, 0)
            # kept compiled: each PDF's font copies the bytes instead of compiling the outline again
            hit = self.converted[name] = _Glyph(glyph.compile(None, recalcBBoxes=False), self.metrics[name][0],
                                                box, points, contours)
        return hit


@dataclass(frozen=True)
class _Glyph:
    data: bytes  # the compiled TrueType glyph (its header holds its box)
    advance: int
    box: tuple  # xMin, yMin, xMax, yMax
    points: int
    contours: int


@functools.lru_cache(maxsize=1)
def _source() -> _Source:
    return _Source(font_path())


def subset_font(text: str) -> SubsetFont:
    """A TrueType font with the glyphs of every character in ``text`` (and .notdef, space, FALLBACK);
    the same text always gives the same bytes."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.ttLib import newTable
    from fontTools.ttLib.tables._g_l_y_f import Glyph

    source = _source()
    wanted = sorted(set(text) | {" ", FALLBACK} - {"\n", "\r", "\t"})
    missing = frozenset(ch for ch in wanted if ord(ch) not in source.cmap)
    order, cmap, glyphs = [".notdef"], {}, {}
    for name in [".notdef"] + [source.cmap[ord(ch)] for ch in wanted if ch not in missing]:
        if name not in glyphs:
            glyphs[name] = source.glyph(name)
            if name != ".notdef":
                order.append(name)
    for ch in wanted:
        if ch not in missing:
            cmap[ord(ch)] = source.cmap[ord(ch)]
    builder = FontBuilder(source.upem, isTTF=True)
    builder.updateHead(created=source.created, modified=source.created)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap(cmap)
    builder.font["loca"], builder.font["glyf"] = newTable("loca"), newTable("glyf")
    builder.font["glyf"].glyphs = {name: Glyph(glyph.data) for name, glyph in glyphs.items()}  # compiled: no setupGlyf
    builder.font["glyf"].glyphOrder = order
    builder.setupHorizontalMetrics({name: (glyph.advance, glyph.box[0]) for name, glyph in glyphs.items()})
    builder.setupHorizontalHeader(ascent=source.ascent, descent=source.descent)
    builder.setupNameTable({"familyName": FAMILY, "styleName": "Regular",
                            "copyright": "Noto Sans SC: (c) 2014-2021 Adobe (http://www.adobe.com/), "
                                         "SIL Open Font License 1.1"})
    builder.setupOS2(**source.os2)
    builder.setupPost()
    _summaries(builder.font, list(glyphs.values()))
    out = BytesIO()
    builder.save(out)
    return SubsetFont(out.getvalue(), missing)


def _summaries(font, glyphs: list) -> None:
    """The font-wide numbers fontTools would compute by expanding every glyph again (head box, maxp,
    hhea extremes), from the numbers kept per glyph; the font is then saved without recomputing
    them (``recalcBBoxes`` off), and so is fpdf2's subset of it (certificate.py)."""
    drawn = [g for g in glyphs if g.contours]
    head, maxp, hhea = font["head"], font["maxp"], font["hhea"]
    head.xMin, head.yMin = min(g.box[0] for g in drawn), min(g.box[1] for g in drawn)
    head.xMax, head.yMax = max(g.box[2] for g in drawn), max(g.box[3] for g in drawn)
    maxp.maxPoints, maxp.maxContours = max(g.points for g in drawn), max(g.contours for g in drawn)
    hhea.advanceWidthMax = max(g.advance for g in glyphs)
    hhea.minLeftSideBearing = min(g.box[0] for g in drawn)
    hhea.minRightSideBearing = min(g.advance - g.box[2] for g in drawn)
    hhea.xMaxExtent = max(g.box[2] for g in drawn)
    font.recalcBBoxes = False
