"""Noto Sans CJK (CFF OpenType) → subset TrueType-outline fonts that ReportLab can embed.

ReportLab embeds only glyf-outline TrueType fonts, and Noto Sans CJK ships as CFF (`OTTO`).
This script subsets each face to the characters its language needs, converts the cubic CFF
outlines to quadratic TrueType ones (fontTools cu2qu) and writes them into fonts/.

Reproducible: same input files, same output bytes. Run it only when upgrading the fonts:

    pip install fonttools
    apt-get download fonts-noto-cjk && dpkg -x fonts-noto-cjk_*.deb /tmp/noto-cjk
    python fonts/build_cjk.py /tmp/noto-cjk/usr/share/fonts/opentype/noto [JP KR SC TC]

(naming faces rebuilds only those, e.g. `JP` after the Japanese catalog changed).

Input: Debian fonts-noto-cjk 1:20220127+repack1-1 (Noto Sans CJK 2.004), SIL OFL 1.1.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

OUT = Path(__file__).resolve().parent

# Collection index of each face inside NotoSansCJK-{Regular,Bold}.ttc.
FACES = {"JP": 0, "KR": 1, "SC": 2, "TC": 3}

COMMON = (
    set(range(0x20, 0x7F))  # ASCII: Latin drug names, digits, placeholders' values
    | set(range(0xA0, 0x180))  # Latin-1 and Latin Extended-A (é in names)
    | set(range(0x2000, 0x2070))  # general punctuation: dashes, quotes, bullets, …
    | {0x2122, 0x2190, 0x2192, 0x2212, 0x25CF, 0x25A0}
    | set(range(0x3000, 0x3040))  # CJK symbols and punctuation
    | set(range(0xFF00, 0xFFF0))  # full-width forms
)


def _encodable(encoding: str, ranges: list[tuple[int, int]]) -> set[int]:
    found = set()
    for start, end in ranges:
        for code in range(start, end + 1):
            try:
                chr(code).encode(encoding)
            except UnicodeEncodeError:
                continue
            found.add(code)
    return found


CATALOGS = Path(__file__).resolve().parents[1] / "translations"
FACE_LOCALE = {"SC": "zh_Hans", "TC": "zh_Hant", "KR": "ko", "JP": "ja"}


def used_in_catalog(face: str) -> set[int]:
    """Every character the shipped catalog of this face's language uses (e.g. 䓬 in 苯二氮䓬, outside GB2312)."""
    path = CATALOGS / FACE_LOCALE[face] / "LC_MESSAGES" / "hfs_pdf.po"
    return {ord(c) for c in path.read_text(encoding="utf-8") if ord(c) > 0x7F} if path.is_file() else set()


def charset(face: str) -> set[int]:
    """SC: every GB2312 character. TC: every Big5 character (the common-use subset lacks 胍, 酮, 痹…).
    KR: every precomposed Hangul syllable and the compatibility jamo. JP: every JIS X 0208 character
    (the kanji, kana and symbols of ordinary Japanese text) and all kana. Plus whatever the catalog uses."""
    if face == "SC":
        base = _encodable("gb2312", [(0x2E80, 0x9FFF)])
    elif face == "TC":
        base = _encodable("big5", [(0x2E80, 0x9FFF)])
    elif face == "JP":
        base = _encodable("iso2022_jp", [(0x2E80, 0x9FFF)]) | set(range(0x3040, 0x3100)) | set(range(0x31F0, 0x3200))
    else:
        base = set(range(0xAC00, 0xD7A4)) | set(range(0x3130, 0x3190)) | set(range(0x1100, 0x1200))
    return COMMON | base | used_in_catalog(face)


def cff_to_glyf(font: TTFont, max_error: float = 1.0) -> None:
    """Replace CFF outlines by TrueType ones (after fontTools' Snippets/otf2ttf.py)."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_error, reverse_direction=True))
        glyf[name] = pen.glyph()
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["maxp"].tableVersion = 0x00010000
    for attribute in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                      "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(font["maxp"], attribute, 0)
    font["maxp"].maxZones = 1
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names: smaller, and names are not needed to render
    font.sfntVersion = "\x00\x01\x00\x00"


def build(source_dir: Path, faces: list[str]) -> None:
    for weight in ("Regular", "Bold"):
        collection = source_dir / f"NotoSansCJK-{weight}.ttc"
        for face, index in FACES.items():
            if faces and face not in faces:
                continue
            font = TTFont(collection, fontNumber=index, lazy=False)
            options = subset.Options()
            options.layout_features = ["kern", "vert", "vrt2"]  # no locale variants: they triple TC's size
            options.name_IDs = ["*"]
            options.notdef_outline = True
            options.hinting = False
            options.desubroutinize = True
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=charset(face))
            subsetter.subset(font)
            cff_to_glyf(font)
            target = OUT / f"NotoSansCJK{face}-{weight}.ttf"
            font.save(target, reorderTables=True)
            print(f"{target.name}: {target.stat().st_size // 1024} KiB, {len(font.getGlyphOrder())} glyphs")


if __name__ == "__main__":
    build(Path(sys.argv[1]), sys.argv[2:])
