"""Brand × variant → paragraph styles. Sizes follow the variant; colours come from the brand."""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from hfs_pdf.layout.lines import ParagraphMaker, paragraph_maker
from hfs_pdf.model import BrandColors, CalloutKind, Variant
from hfs_pdf.palette import CALLOUT_TINTS
from hfs_pdf.fonts import FontFamily


@dataclass(frozen=True)
class Scale:
    """Type sizes in points. Large print follows APH/RNIB guidance: body ≥ 18 pt, headings ≥ 22 pt."""

    body: float
    title: float
    heading: float
    small: float
    footer: float
    leading: float  # line height as a multiple of the size; ≥ 1.25 everywhere


SCALES = {
    Variant.STANDARD: Scale(body=10.5, title=20, heading=13.5, small=7.5, footer=7.5, leading=1.32),
    Variant.LARGE_PRINT: Scale(body=18, title=28, heading=22, small=18, footer=14, leading=1.35),
}


@dataclass(frozen=True)
class Script:
    """How a language's text flows: direction, and who breaks and draws its lines."""

    language: str = "en"  # for line breaking rules and HarfBuzz (e.g. Persian and Urdu letter forms)
    right_to_left: bool = False
    own_lines: bool = False  # broken by UAX #14 and drawn from HarfBuzz glyphs (layout.lines), not by ReportLab

    @property
    def alignment(self) -> int:
        return TA_RIGHT if self.right_to_left else TA_LEFT

    @property
    def make_paragraph(self) -> ParagraphMaker:
        return paragraph_maker(self.language, self.right_to_left, self.own_lines)


LATIN = Script()


def script_for(locale: Locale) -> Script:
    """Right-to-left languages, Chinese and Japanese set their own lines (layout.lines); Korean,
    which breaks at spaces, and the Latin and Cyrillic languages are set by ReportLab."""
    right_to_left = locale.character_order == "right-to-left"
    if right_to_left or locale.language in ("zh", "ja"):
        return Script(language=locale.language, right_to_left=right_to_left, own_lines=True)
    return Script(language=locale.language)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    draft: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    box_label: ParagraphStyle
    callout_title: dict[CalloutKind, ParagraphStyle]
    question: ParagraphStyle
    reference_heading: ParagraphStyle
    reference: ParagraphStyle
    table_header: ParagraphStyle
    table_cell: ParagraphStyle
    caption: ParagraphStyle
    colors: BrandColors
    figure_scale: float  # illustrations are drawn larger in large print
    bullet_font: str
    bullet_size: float
    reference_columns: int  # large print uses one column: columns are hard to follow
    right_to_left: bool
    script: Script
    superscript_citations: bool  # large print prints "[1]" at full size: superscripts are too small to read


def make_styles(colors: BrandColors, fonts: FontFamily, variant: Variant, script: Script = LATIN) -> Styles:
    variant = variant.print_size
    scale = SCALES[variant]
    text = HexColor(colors.text)

    def style(name: str, size: float, *, bold: bool = False, color=text, **extra) -> ParagraphStyle:
        settings = dict(
            fontName=fonts.bold if bold else fonts.regular,
            fontSize=size,
            leading=round(size * scale.leading, 2),
            textColor=color,
            alignment=script.alignment,  # ragged, no hyphenation: easier to read
            allowWidows=0,
            allowOrphans=0,
        )
        return ParagraphStyle(name, **(settings | extra))

    body = style("body", scale.body, spaceAfter=scale.body * 0.4)
    table_size = scale.body if variant is Variant.LARGE_PRINT else scale.body - 1.5
    return Styles(
        title=style("title", scale.title, bold=True, color=HexColor(colors.primary), spaceAfter=scale.body * 0.3),
        draft=style("draft", scale.small + 0.5, bold=True, color=HexColor(CALLOUT_TINTS[CalloutKind.WARNING][1]), spaceAfter=scale.body * 0.6),
        heading=style(
            "heading", scale.heading, bold=True, color=HexColor(colors.primary),
            spaceBefore=scale.body * 0.75, spaceAfter=scale.body * 0.3, keepWithNext=1,
        ),
        body=body,
        box_label=style("box_label", scale.body, bold=True, color=HexColor(colors.primary), spaceAfter=scale.body * 0.2),
        callout_title={
            kind: style(f"callout_{kind.value}", scale.body, bold=True, color=HexColor(title), spaceAfter=scale.body * 0.25)
            for kind, (_, title) in CALLOUT_TINTS.items()
        },
        question=style("question", scale.body),
        # large print: every heading at heading size, and no small print at all
        reference_heading=style(
            "reference_heading", scale.heading if variant is Variant.LARGE_PRINT else scale.small + 1, bold=True,
            color=HexColor(colors.primary) if variant is Variant.LARGE_PRINT else text,
            spaceBefore=scale.body * 0.8, spaceAfter=2, keepWithNext=1,
        ),
        # references are English bibliographic records in every language: left to right
        reference=style("reference", scale.small, alignment=TA_LEFT),
        # a table's cells are narrower than the page: a size smaller, except in large print
        # a narrow column breaks a long compound at its own hyphen ("Botulinumtoxin-|Spritzen"), not at
        # any letter as ReportLab otherwise must ("…Spritz|en"); words without one are kept short in the
        # catalogs (tests/test_ink.py checks every cell line)
        table_header=style("table_header", table_size, bold=True, color=HexColor(colors.on_primary), embeddedHyphenation=1),
        table_cell=style("table_cell", table_size, embeddedHyphenation=1),
        caption=style("caption", scale.body, bold=True, color=HexColor(colors.primary), spaceBefore=scale.body * 0.5,
                      spaceAfter=scale.body * 0.3, keepWithNext=1),
        bullet_font=fonts.regular,
        bullet_size=scale.body,
        reference_columns=1 if variant is Variant.LARGE_PRINT else 2,
        right_to_left=script.right_to_left,
        script=script,
        colors=colors,
        figure_scale=1.5 if variant is Variant.LARGE_PRINT else 1.0,
        superscript_citations=variant is not Variant.LARGE_PRINT,
    )
