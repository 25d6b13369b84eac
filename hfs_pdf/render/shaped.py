"""Shaped glyphs → the text they draw, so copied and spoken Arabic is real letters.

Every glyph that has no character of its own (initial, medial and final letter forms,
ligatures) is drawn through a private-use code point (`fonts.glyph_code`), which ReportLab
writes into the PDF's ToUnicode map. Reading the font's substitution tables backwards (fontTools) tells which
letters each such glyph stands for: a final form of ب is ب, the lam-alef ligature is لا.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont as ToolsFont
from reportlab.pdfbase import pdfmetrics

from hfs_pdf.fonts import added_codes

@lru_cache(maxsize=None)
def glyph_text(font_file: str) -> dict[int, str]:
    """Glyph id → the characters it draws, through cmap then every single, multiple and ligature substitution.

    A multiple substitution (Amiri lengthens some joins with kashida glyphs) gives its first glyph
    the source's text; a glyph it inserts takes the text of the glyph it is a variant of
    (`uni0640.05` draws a tatweel, U+0640), as its name says.
    """
    font = ToolsFont(font_file, lazy=True)
    order = font.getGlyphOrder()
    ids = {name: index for index, name in enumerate(order)}
    text: dict[str, str] = {}
    for code, name in sorted(font.getBestCmap().items()):
        text.setdefault(name, chr(code))
    singles, multiples, ligatures = [], [], []
    if "GSUB" in font:
        for lookup in font["GSUB"].table.LookupList.Lookup:
            for table in lookup.SubTable:
                kind = lookup.LookupType
                if kind == 7:  # extension: the real subtable is inside
                    kind, table = table.ExtensionLookupType, table.ExtSubTable
                if kind == 1:
                    singles.append(table.mapping)
                elif kind == 2:
                    multiples.append(table.mapping)
                elif kind == 3:
                    singles.append({source: options[0] for source, options in table.alternates.items() if options})
                elif kind == 4:
                    ligatures.append(table.ligatures)
    changed = True
    while changed:  # substitutions chain (isolated → final → a stylistic variant): follow to a fixpoint
        changed = False
        for mapping in singles:
            for source, target in mapping.items():
                if source in text and target not in text:
                    text[target] = text[source]
                    changed = True
        for mapping in multiples:
            for source, sequence in mapping.items():
                if source not in text or not sequence:
                    continue
                if sequence[0] not in text:
                    text[sequence[0]] = text[source]
                    changed = True
                for inserted in sequence[1:]:
                    variant_of = inserted.split(".", 1)[0]
                    if inserted not in text and variant_of in text:
                        text[inserted] = text[variant_of]
                        changed = True
        for table in ligatures:
            for first, entries in table.items():
                for ligature in entries:
                    parts = [first, *ligature.Component]
                    if ligature.LigGlyph not in text and all(part in text for part in parts):
                        text[ligature.LigGlyph] = "".join(text[part] for part in parts)
                        changed = True
    return {ids[name]: value for name, value in text.items() if name in ids}


def private_use_text(font_names: tuple[str, ...]) -> dict[str, dict[int, str]]:
    """PostScript font name → {private-use code point given to a glyph: the text it draws}."""
    result: dict[str, dict[int, str]] = {}
    for name in font_names:
        face = pdfmetrics.getFont(name).face
        assigned = added_codes(name)
        if not assigned:
            continue
        known = glyph_text(str(Path(face.filename)))
        ps_name = face.name.decode() if isinstance(face.name, bytes) else face.name
        result[ps_name] = {code: known[gid] for code, gid in assigned.items() if gid in known}
    return result
