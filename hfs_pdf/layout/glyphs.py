"""A run of text × font × direction → positioned glyphs (HarfBuzz), as ReportLab draws them.

The result is a ReportLab `ShapedStr`: one character code per glyph (`fonts.glyph_code`) with
HarfBuzz's advance and offsets for each. ReportLab's text object writes it as a TJ array that
moves every glyph from the advance in /Widths to where HarfBuzz put it, so the positioning lives
in the content stream and /Widths stays the font's own.
"""

from __future__ import annotations

from dataclasses import dataclass

import uharfbuzz
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

from hfs_pdf.fonts import glyph_code

FEATURES = {"kern": True, "liga": True}
"""Kerning and standard ligatures (Arabic's required ones, lam-alef among them, come with the
script). Not the discretionary ligatures ReportLab also asks for: in Amiri they are decorative
calligraphic forms that make a patient handout harder to read."""


@dataclass(frozen=True)
class Glyphs:
    text: ShapedStr  # what ReportLab's text object draws
    width: float  # in points


def _hb_font(font) -> uharfbuzz.Font:
    """The HarfBuzz font of a ReportLab font, kept on it (so it goes when the font is released)."""
    hb_font = font.__dict__.get("_hfs_hb_font")
    if hb_font is None:
        hb_font = font.__dict__["_hfs_hb_font"] = uharfbuzz.Font(font.hbFace)
    return hb_font


def glyph_ids(text: str, font_name: str, right_to_left: bool, language: str) -> list[int]:
    """The glyphs HarfBuzz chooses for a text in one direction, in visual order (0 = missing)."""
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if right_to_left else "ltr"
    buffer.language = language
    buffer.flags = uharfbuzz.BufferFlags.REMOVE_DEFAULT_IGNORABLES
    uharfbuzz.shape(_hb_font(pdfmetrics.getFont(font_name)), buffer, FEATURES)
    return [info.codepoint for info in buffer.glyph_infos]


def shape(codepoints: list[int], start: int, end: int, font_name: str, font_size: float, right_to_left: bool | None,
          language: str) -> Glyphs:
    """Shape characters `start:end` of a line, the rest of it given as context (Arabic joining
    across a change of style), in the run's own direction; right-to-left runs come out in visual
    order with their brackets mirrored (HarfBuzz applies Bidi_Mirroring_Glyph). `None` lets
    HarfBuzz guess the direction from the script: enough to measure a piece of a line."""
    buffer = uharfbuzz.Buffer()
    buffer.add_codepoints(codepoints, start, end - start)
    buffer.guess_segment_properties()
    if right_to_left is not None:
        buffer.direction = "rtl" if right_to_left else "ltr"
    buffer.language = language
    buffer.flags = uharfbuzz.BufferFlags.REMOVE_DEFAULT_IGNORABLES  # isolates and marks draw nothing
    font = pdfmetrics.getFont(font_name)
    uharfbuzz.shape(_hb_font(font), buffer, FEATURES)
    face = font.face
    scale = face._pdfScale
    characters: list[str] = []
    data: list[ShapeData] = []
    advance = 0.0
    for info, position in zip(buffer.glyph_infos, buffer.glyph_positions):
        code = glyph_code(font_name, info.codepoint)
        x_advance = scale(position.x_advance)
        characters.append(chr(code))
        data.append(ShapeData(info.cluster, x_advance, scale(position.y_advance), scale(position.x_offset),
                              scale(position.y_offset), face.charWidths[code]))
        advance += x_advance
    return Glyphs(ShapedStr("".join(characters), shapeData=data), advance * font_size / 1000)
