"""Noto fonts for the language-assistance taglines → small subsets in fonts/taglines/.

A tagline sheet prints about thirty languages; most are set in Noto Sans, Amiri or the CJK fonts
the handouts use already. The other scripts (Devanagari, Bengali, Gurmukhi, Gujarati, Khmer, Thai,
Lao, Myanmar, Ethiopic, Armenian) each get their Noto Sans face, cut down to the characters their
taglines use plus ASCII, with every OpenType layout feature kept, because HarfBuzz needs them to
form conjuncts, reorder vowel signs and stack Khmer subscripts. Re-run after editing the taglines:

    apt-get install fonts-noto-core        # Debian 12: fonts-noto-core 20201225-1, SIL OFL 1.1
    python fonts/build_taglines.py /usr/share/fonts/truetype/noto

Reproducible: the same fonts and taglines give the same bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hfs_pdf.content.taglines import TAGLINES_FILE, load_taglines  # noqa: E402
from hfs_pdf.fonts import TAGLINE_SCRIPT_FAMILY  # noqa: E402

OUT = ROOT / "fonts" / "taglines"
ALWAYS = set(range(0x20, 0x7F)) | {0xA0, 0x200C, 0x200D, 0x2010, 0x2011, 0x2013, 0x2014, 0x2019, 0x25CC}
"""ASCII (the phone number, brackets), no-break space, joiners, dashes and the dotted circle
HarfBuzz draws under a mark that has no base."""


def build(source_dir: Path) -> None:
    taglines = load_taglines(TAGLINES_FILE).taglines.values()
    OUT.mkdir(exist_ok=True)
    for script, family in sorted(TAGLINE_SCRIPT_FAMILY.items()):
        characters = set(ALWAYS)
        for tagline in taglines:
            if tagline.script == script:
                characters |= {ord(c) for c in tagline.name + tagline.text}
        for weight in ("Regular", "Bold"):
            font = TTFont(source_dir / f"{family}-{weight}.ttf", lazy=False)
            options = subset.Options()
            options.layout_features = ["*"]  # shaping needs them all
            options.name_IDs = ["*"]
            options.notdef_outline = True
            options.hinting = False
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=characters)
            subsetter.subset(font)
            target = OUT / f"{family}-{weight}.ttf"
            font.save(target, reorderTables=True)
            print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KiB, {len(font.getGlyphOrder())} glyphs")


if __name__ == "__main__":
    build(Path(sys.argv[1]))
