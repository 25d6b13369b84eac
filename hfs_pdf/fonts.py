"""fonts/*.ttf → registered, embeddable ReportLab fonts (never a system or standard-14 font).

Each locale is printed in one family that covers its script (and the Latin drug names, digits
and phone numbers mixed into it): a single font per paragraph keeps HarfBuzz shaping and text
extraction whole.
"""

from __future__ import annotations

import struct
import unicodedata
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from hfs_pdf.errors import FontError, display_path
from hfs_pdf.resources import data_root

FONTS_DIR = data_root() / "fonts"
"""Fonts ship with hfs-pdf itself (not with a clinic's content folder): `<checkout>/fonts`, or inside the wheel."""


@dataclass(frozen=True)
class FontFamily:
    """The ReportLab names of one embedded family; `<b>` in paragraphs maps to `bold`."""

    regular: str
    bold: str


_FAMILIES: dict[str, tuple[str, str]] = {
    # family: (regular file, bold file)
    "NotoSans": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    "NotoSansCJKSC": ("NotoSansCJKSC-Regular.ttf", "NotoSansCJKSC-Bold.ttf"),
    "NotoSansCJKTC": ("NotoSansCJKTC-Regular.ttf", "NotoSansCJKTC-Bold.ttf"),
    "NotoSansCJKKR": ("NotoSansCJKKR-Regular.ttf", "NotoSansCJKKR-Bold.ttf"),
    "NotoSansCJKJP": ("NotoSansCJKJP-Regular.ttf", "NotoSansCJKJP-Bold.ttf"),
    "Amiri": ("Amiri-Regular.ttf", "Amiri-Bold.ttf"),
}

TAGLINE_SCRIPT_FAMILY = {
    "Deva": "NotoSansDevanagari", "Beng": "NotoSansBengali", "Guru": "NotoSansGurmukhi", "Gujr": "NotoSansGujarati",
    "Khmr": "NotoSansKhmer", "Thai": "NotoSansThai", "Laoo": "NotoSansLao", "Mymr": "NotoSansMyanmar",
    "Ethi": "NotoSansEthiopic", "Armn": "NotoSansArmenian",
}
"""Scripts only the language-assistance taglines use: small subsets in fonts/taglines/ (fonts/build_taglines.py)."""
_FAMILIES.update({family: (f"taglines/{family}-Regular.ttf", f"taglines/{family}-Bold.ttf")
                  for family in TAGLINE_SCRIPT_FAMILY.values()})

_LOCALE_FAMILY = {
    "zh_Hans": "NotoSansCJKSC", "zh_Hant": "NotoSansCJKTC", "ko": "NotoSansCJKKR", "ja": "NotoSansCJKJP",
    "ar": "Amiri", "fa": "Amiri",  # Amiri has the Persian letters (پ چ ژ گ ی ک) and digits ۰–۹
}


def family_name_for(locale: str) -> str:
    return _LOCALE_FAMILY.get(locale, "NotoSans")


def tagline_family_name(code: str, script: str) -> str:
    """The family a tagline is set in: its language's handout family (Chinese, Korean, Japanese,
    Arabic, Persian), else its script's (Devanagari…), else Amiri for Arabic script, else Noto Sans
    (Latin, Cyrillic, Greek)."""
    if code in _LOCALE_FAMILY:
        return _LOCALE_FAMILY[code]
    if script in TAGLINE_SCRIPT_FAMILY:
        return TAGLINE_SCRIPT_FAMILY[script]
    return "Amiri" if script == "Arab" else "NotoSans"


def font_paths(name: str, fonts_dir: Path = FONTS_DIR) -> tuple[Path, ...]:
    """The files of a family (regular, bold): what a document printed in it is made from."""
    return tuple(fonts_dir / file_name for file_name in _FAMILIES[name])


_REGISTERED: dict[str, FontFamily] = {}


def load_font(font_name: str, path: Path) -> TTFont:
    """Parse a font file, checking its table checksums (a few ms even for the CJK fonts).

    Without the checksums a damaged file often parses, and fails only while the PDF is being
    written — an internal error; with them every damaged byte is caught here, naming the file.
    """
    if not path.is_file():
        raise FontError(f"{display_path(path)}: font file missing — restore it from the hfs-pdf checkout (fonts/)")
    try:
        return TTFont(font_name, str(path), validate=1)
    except (TTFError, struct.error, ValueError, IndexError, KeyError, OverflowError) as error:
        reason = " ".join(str(error).split()) or error.__class__.__name__
        raise FontError(f"{display_path(path)}: not a usable TrueType font ({reason}) — restore it from the hfs-pdf "
                        "checkout (fonts/), or use a TrueType-outline .ttf")


def font_family(name: str = "NotoSans", fonts_dir: Path = FONTS_DIR) -> FontFamily:
    """Register a family once per process (until released) and return its names."""
    if name in _REGISTERED:
        return _REGISTERED[name]
    family = FontFamily(regular=name, bold=f"{name}-Bold")
    for font_name, path in zip((family.regular, family.bold), font_paths(name, fonts_dir)):
        pdfmetrics.registerFont(load_font(font_name, path))
    addMapping(name, 0, 0, family.regular)
    addMapping(name, 1, 0, family.bold)
    addMapping(name, 0, 1, family.regular)  # no italics: large-print guidance avoids them
    addMapping(name, 1, 1, family.bold)
    _REGISTERED[name] = family
    return family


def release_families_except(keep: str) -> None:
    """Unregister every family but `keep` and Noto Sans.

    A parsed CJK family holds 15–25 MiB; a worker that moves from Chinese documents on to Korean
    ones need not hold both (documents arrive grouped by language, so little is re-read).
    """
    for name in [name for name in _REGISTERED if name not in (keep, "NotoSans")]:
        family = _REGISTERED.pop(name)
        for font_name in (family.regular, family.bold):
            pdfmetrics.getFont(font_name).unregister()
            _LOADED_SIZE.pop(font_name, None)


_LOADED_SIZE: dict[str, int] = {}
"""How many characters each font maps as loaded (taken at its first reset, which comes before any
document draws shaped glyphs with it). Only `glyph_code` adds mappings after that, at the end."""

_PRIVATE_USE_START = 0xE000


def glyph_code(font_name: str, glyph: int) -> int:
    """The character code that selects `glyph` in ReportLab's subset of the font.

    ReportLab embeds fonts by character: a glyph with a character of its own in the font's cmap
    is drawn through it; a glyph that has none (an Arabic letter's joined form, a ligature) gets
    the next free private-use code point, whose ToUnicode entry `render.pdfua` later replaces
    with the letters it draws. Its width is the glyph's advance in the font program, so /Widths
    agrees with the embedded font (PDF/UA-1 §7.21.5); where HarfBuzz moved the glyph, the text
    drawing says so in the content stream.
    """
    face = pdfmetrics.getFont(font_name).face
    characters = face.glyphToChar.get(glyph)
    if characters:
        return characters[0]
    code = _PRIVATE_USE_START
    while code in face.charToGlyph:
        code += 1
    if code > 0xF8FF:
        raise FontError(f"{font_name}: more shaped glyphs than private-use code points")
    _LOADED_SIZE.setdefault(font_name, len(face.charToGlyph))
    face.charToGlyph[code] = glyph
    face.glyphToChar[glyph] = [code]
    face.charWidths[code] = face._pdfScale(face.hmetrics[glyph][0])
    return code


def added_codes(font_name: str) -> dict[int, int]:
    """The private-use codes `glyph_code` handed out since the font was loaded → their glyphs."""
    face = pdfmetrics.getFont(font_name).face
    loaded = _LOADED_SIZE.get(font_name, len(face.charToGlyph))
    return {code: face.charToGlyph[code] for code in islice(face.charToGlyph, loaded, None)}


def reset_shaping(family: FontFamily) -> None:
    """Give the next document the font as it was loaded, whatever earlier documents drew.

    Private-use codes are handed out in order of first use (`glyph_code`), process-wide. A
    document's bytes would then depend on which documents the same worker drew before it, and a
    release would not be reproducible. Removing the mappings added since loading makes every
    document start from the same state.
    """
    for name in (family.regular, family.bold):
        face = pdfmetrics.getFont(name).face
        loaded = _LOADED_SIZE.setdefault(name, len(face.charToGlyph))
        if len(face.charToGlyph) == loaded:
            continue  # nothing was added: the usual case
        for code in list(islice(face.charToGlyph, loaded, None)):
            glyph = face.charToGlyph.pop(code)
            face.charWidths.pop(code, None)
            characters = face.glyphToChar.get(glyph, [])
            if code in characters:
                characters.remove(code)
                if not characters:
                    del face.glyphToChar[glyph]


def missing_characters(text: str, font_name: str) -> list[str]:
    """Characters of `text` (after NFC) that the font has no glyph for; spaces and controls excepted."""
    covered = pdfmetrics.getFont(font_name).face.charToGlyph
    missing: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if ord(char) not in covered and not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf"):
            if char not in missing:
                missing.append(char)
    return missing


def require_shaping() -> None:
    """Arabic needs HarfBuzz: without uharfbuzz ReportLab silently prints unjoined, left-to-right letters."""
    from reportlab.pdfbase import ttfonts

    if getattr(ttfonts, "uharfbuzz", None) is None:
        raise FontError("uharfbuzz is not installed, so Arabic cannot be shaped — reinstall hfs-pdf (pip install -e .)")
