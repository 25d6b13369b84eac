"""The staff-facing sheets of a print pack: the one-page pick list and the language separators.

A separator names its language in that language (from CLDR, through Babel), large, so whoever
fills the waiting-room rack can find "Tiếng Việt" without reading Vietnamese. Every text that
comes from a file or a catalog is escaped before ReportLab's paragraph parser sees it.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from babel import Locale
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from hfs_pdf.fonts import family_name_for, font_family, reset_shaping
from hfs_pdf.layout.inline import plain_markup
from hfs_pdf.layout.page import PAGE_SIZES
from hfs_pdf.layout.styles import script_for
from hfs_pdf.model import Pack

INK = "#1A1A1A"
RULE = "#8C8C8C"
STRIPE = "#F0F0F0"


@dataclass(frozen=True)
class LanguageNames:
    native: str  # "Español", "中文（繁體）", "العربية"
    english: str  # "Spanish", "Chinese (Traditional)", "Arabic"
    right_to_left: bool


def language_names(locale: str) -> LanguageNames:
    parsed = Locale.parse(locale)
    native = parsed.get_display_name(parsed) or locale
    return LanguageNames(native[:1].upper() + native[1:], parsed.get_display_name("en") or locale, parsed.character_order == "right-to-left")


@dataclass(frozen=True)
class PickListRow:
    number: int
    language: str
    title: str  # the handout's English title
    variant: str
    copies: int
    pages: int
    sheets: int
    first_page: int


def pick_list_pdf(
    pack: Pack, rows: list[PickListRow], total_pages: int, total_sheets: int, unreviewed: list[str],
    tagline_page: int | None = None,
) -> tuple[bytes, int]:
    """The pick list as PDF bytes, and how many pages it took (the caller insists on one)."""
    fonts = font_family("NotoSans")
    title = ParagraphStyle("title", fontName=fonts.bold, fontSize=16, leading=20, textColor=HexColor(INK))
    text = ParagraphStyle("text", fontName=fonts.regular, fontSize=9.5, leading=12.5, textColor=HexColor(INK))
    cell = ParagraphStyle("cell", parent=text, fontSize=8.5, leading=10.5)
    number = ParagraphStyle("number", parent=cell, alignment=TA_RIGHT)
    head = ParagraphStyle("head", parent=cell, fontName=fonts.bold)
    head_number = ParagraphStyle("head-number", parent=head, alignment=TA_RIGHT)
    sides = "double-sided (flip on long edge)" if pack.duplex else "single-sided"
    story = [
        Paragraph(plain_markup(f"Print pack: {pack.name}"), title),
        Spacer(1, 4),
        Paragraph(plain_markup(
            f"{pack.paper.value.upper() if pack.paper.value == 'a4' else pack.paper.value.capitalize()} paper, {sides}. "
            f"{total_pages} pages on {total_sheets} sheets, this pick list included."
        ), text),
    ]
    if pack.duplex:
        story.append(Paragraph(plain_markup(
            "Every handout starts on the front of a sheet; the blank backs are part of the pack — print every page."
        ), text))
    if tagline_page is not None:
        story.append(Paragraph(plain_markup(
            f"Page {tagline_page}: the clinic's language-assistance sheet (free language help, in each of its languages) "
            "— post it at the front desk."
        ), text))
    if pack.separators:
        story.append(Paragraph(plain_markup("A separator sheet names each language before its handouts."), text))
    if unreviewed:
        names = ", ".join(language_names(locale).english for locale in unreviewed)
        story.append(Paragraph(plain_markup(
            f"Translations not yet reviewed by a human (each handout says so on page 1): {names}."
        ), text))
    story.append(Spacer(1, 8))
    header = ["#", "Language", "Handout", "Print", "Copies", "Pages each", "Sheets", "First page"]
    numeric = {0, 4, 5, 6, 7}
    data = [[Paragraph(plain_markup(h), head_number if i in numeric else head) for i, h in enumerate(header)]]
    for row in rows:
        names = language_names(row.language)
        values = [
            str(row.number), f"{names.english} ({row.language})", row.title, row.variant, str(row.copies),
            str(row.pages), str(row.sheets * row.copies), str(row.first_page),
        ]
        data.append([Paragraph(plain_markup(v), number if i in numeric else cell) for i, v in enumerate(values)])
    table = Table(data, colWidths=["5%", "20%", "31%", "11%", "8%", "8%", "8%", "9%"], repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),  # else Tables name unembedded Helvetica
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, HexColor(INK)),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, HexColor(RULE)),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [HexColor("#FFFFFF"), HexColor(STRIPE)]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    story.append(table)
    return _render(story, pack, f"Pick list — {pack.name}", fonts.regular)


def separator_pdf(pack: Pack, locale: str, handouts: int, copies: int, first_page: int, last_page: int) -> bytes:
    """A sheet that names the language in itself (large) and in English, with what follows it."""
    names = language_names(locale)
    native_fonts = font_family(family_name_for(locale))
    reset_shaping(native_fonts)  # same bytes whatever this process drew before
    fonts = font_family("NotoSans")
    native = ParagraphStyle(
        "native", fontName=native_fonts.bold, fontSize=54, leading=70, alignment=TA_CENTER, textColor=HexColor(INK),
    )
    # the name is set like the language's own handouts: ordered, broken and shaped for its script
    make_paragraph = script_for(Locale.parse(locale)).make_paragraph
    english = ParagraphStyle("english", fontName=fonts.regular, fontSize=24, leading=30, alignment=TA_CENTER, textColor=HexColor(INK))
    detail = ParagraphStyle("detail", fontName=fonts.regular, fontSize=12, leading=16, alignment=TA_CENTER, textColor=HexColor(INK))
    height = PAGE_SIZES[pack.paper][1]
    story = [
        Spacer(1, height * 0.25),
        make_paragraph(plain_markup(names.native, names.right_to_left), native),
        Spacer(1, 12),
        *([Paragraph(plain_markup(names.english), english)] if names.english != names.native else []),
        Spacer(1, 36),
        Paragraph(plain_markup(
            f"{handouts} handout{'s' if handouts != 1 else ''}, {copies} cop{'ies' if copies != 1 else 'y'}: "
            f"pages {first_page}–{last_page} of this pack"
        ), detail),
        Paragraph(plain_markup(pack.name), detail),
    ]
    data, _ = _render(story, pack, f"{names.english} — {pack.name}", fonts.regular)
    return data


def _render(story: list, pack: Pack, title: str, font: str) -> tuple[bytes, int]:
    buffer = BytesIO()
    margin = 46
    document = SimpleDocTemplate(
        buffer, pagesize=PAGE_SIZES[pack.paper], title=title, creator="hfs-pdf print pack", invariant=1,
        initialFontName=font, leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin,
    )
    document.build(story)
    return buffer.getvalue(), document.page
