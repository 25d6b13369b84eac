"""Language-assistance taglines → tagged paragraphs, each in its own language, script and font.

Every tagline is one paragraph: the language's name in bold, then "free language help … call
{clinic_phone}". It is shaped by HarfBuzz and broken by ICU (`layout.lines`) like the handouts'
right-to-left and CJK text, because Devanagari conjuncts, Khmer subscripts and Thai word breaks
need both; its structure element carries its own `/Lang`. The phone number stays in 0–9 in every
script (it is what the patient dials) and is one unbreakable, left-to-right unit.
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from hfs_pdf.content.taglines import PHONE
from hfs_pdf.errors import FontError, Problem, display_path
from hfs_pdf.fonts import FontFamily, font_family, missing_characters, reset_shaping, tagline_family_name
from hfs_pdf.i18n import N_
from hfs_pdf.layout.bidi import NO_BREAK_SPACE, isolate
from hfs_pdf.layout.glyphs import glyph_ids
from hfs_pdf.layout.lines import ShapedParagraph
from hfs_pdf.layout.structure import Node, Tagged
from hfs_pdf.layout.text import spoken_text
from hfs_pdf.model import Tagline

TAGLINES_HEADING = N_("Free help in your language")
CHROME = (TAGLINES_HEADING,)

UNSPACED_SCRIPTS = ("Hani", "Hira", "Kana", "Thai", "Laoo", "Khmr", "Mymr")
"""Scripts written without spaces between words: a line break inside them is not a space."""
TALL_SCRIPTS = ("Thai", "Laoo", "Khmr", "Mymr", "Deva", "Beng", "Guru", "Gujr", "Ethi")
"""Scripts whose marks stack above and below the letters: a more open leading keeps lines apart."""


def tagline_families(taglines: list[Tagline]) -> dict[str, FontFamily]:
    """Register each tagline's family once; the document starts from the fonts as loaded."""
    families: dict[str, FontFamily] = {FALLBACK: font_family(FALLBACK)}
    for tagline in taglines:
        name = tagline_family_name(tagline.code, tagline.script)
        if name not in families:
            families[name] = font_family(name)
            reset_shaping(families[name])
    return families


FALLBACK = "NotoSans"
"""The script fonts have no Latin digits or ASCII punctuation: those characters (the phone number,
a colon) are set in Noto Sans, in runs of their own, and shaped apart from the script's letters."""


def _covered(char: str, font: str) -> bool:
    return not missing_characters(char, font)


def _with_fallback(text: str, font: str, fallback: str) -> str:
    """Escaped markup of `text` in which every run the font cannot draw is set in `fallback`."""
    pieces: list[str] = []
    run: list[str] = []
    run_in_fallback = False
    for char in text:
        neutral = char.isspace() or unicodedata.category(char) == "Cf"
        in_fallback = run_in_fallback if neutral else not _covered(char, font)
        if in_fallback != run_in_fallback and run:
            pieces.append(_run(run, fallback if run_in_fallback else None))
            run = []
        run_in_fallback = in_fallback
        run.append(char)
    if run:
        pieces.append(_run(run, fallback if run_in_fallback else None))
    return "".join(pieces)


def _run(chars: list[str], font: str | None) -> str:
    text = escape("".join(chars))
    return f'<font name="{font}">{text}</font>' if font else text


def check_tagline_fonts(taglines: list[Tagline], source) -> None:
    """Every character of every tagline has a glyph in its font, and HarfBuzz shapes it without
    a missing glyph (.notdef): else an error naming the language, the character and the line."""
    problems = []
    for tagline in taglines:
        family = font_family(tagline_family_name(tagline.code, tagline.script))
        fallback = font_family(FALLBACK)
        text = tagline.name + " " + tagline.text.replace(PHONE, "0123456789")
        for font, spare in ((family.regular, fallback.regular), (family.bold, fallback.bold)):
            missing = [c for c in missing_characters(text, font) if missing_characters(c, spare)]
            text = "".join(c for c in text if not missing_characters(c, font))  # what the script font draws itself
            if not missing and 0 in glyph_ids(text, font, tagline.right_to_left, tagline.code.split("_")[0]):
                missing = ["a character HarfBuzz could not shape"]
            if missing:
                what = ", ".join(f"{c!r} (U+{ord(c):04X})" if len(c) == 1 else c for c in missing)
                problems.append(Problem(display_path(source), f"taglines.{tagline.code}: {what} cannot be printed in "
                                        f"font {font} — fix the text, or add the character to the font "
                                        "(fonts/build_taglines.py)", tagline.line))
                break
    if problems:
        raise FontError(problems)


def tagline_paragraphs(taglines: list[Tagline], phone: str, parent: Node, *, size: float, color: str,
                       families: dict[str, FontFamily]) -> list[Flowable]:
    """One tagged paragraph per tagline, in the order given."""
    dial = isolate(phone.replace(" ", NO_BREAK_SPACE))  # one left-to-right unit, never split
    flowables: list[Flowable] = []
    for tagline in taglines:
        family = families[tagline_family_name(tagline.code, tagline.script)]
        style = ParagraphStyle(
            f"tagline-{tagline.code}", fontName=family.regular, fontSize=size,
            leading=round(size * (1.55 if tagline.script in TALL_SCRIPTS else 1.3), 2),
            textColor=HexColor(color), alignment=TA_RIGHT if tagline.right_to_left else TA_LEFT, spaceAfter=size * 0.45,
        )
        fallback = families.get(FALLBACK) or font_family(FALLBACK)
        before, after = tagline.text.split(PHONE)
        name = _with_fallback(tagline.name, family.bold, fallback.bold)
        markup = f"<b>{name}</b> " + _with_fallback(before + dial + after, family.regular, fallback.regular)
        paragraph = ShapedParagraph(markup, style, language=tagline.code.split("_")[0], right_to_left=tagline.right_to_left,
                                    own_digits=False)
        joiner = "" if tagline.script in UNSPACED_SCRIPTS else " "
        flowables.append(Tagged(paragraph, parent.add("P", lang=tagline.tag), lambda f, joiner=joiner: spoken_text(f, joiner)))
    return flowables


SHEET_TITLE = "Free language assistance"
SHEET_INTRO = "Ask for help in your language at the front desk, or call {phone}. It is free."
SHEET_SIZE = 8.5


def tagline_sheet(brand, taglines: list[Tagline], paper) -> "Layout":
    """A one-page sheet of the brand's taglines (English title, then one paragraph per language,
    in two balanced columns), tagged like a handout so it passes the same accessibility checks."""
    from reportlab.platypus import Paragraph

    from hfs_pdf.layout import DocumentInfo, Layout
    from hfs_pdf.layout.flowables import BalancedRows
    from hfs_pdf.layout.inline import plain_markup
    from hfs_pdf.layout.page import PageDecoration, page_geometry
    from hfs_pdf.layout.structure import begin_pagination, end_marked
    from hfs_pdf.model import Variant

    fonts = font_family("NotoSans")
    reset_shaping(fonts)
    families = tagline_families(taglines)
    geometry = page_geometry(paper, Variant.STANDARD)
    document = Node("Document")
    primary = HexColor(brand.colors.primary)
    title_style = ParagraphStyle("sheet-title", fontName=fonts.bold, fontSize=18, leading=22, textColor=primary, spaceAfter=4)
    intro_style = ParagraphStyle("sheet-intro", fontName=fonts.regular, fontSize=10.5, leading=14,
                                 textColor=HexColor(brand.colors.text), spaceAfter=12)
    story: list[Flowable] = [
        Tagged(Paragraph(plain_markup(SHEET_TITLE), title_style), document.add("H1", title=SHEET_TITLE)),
        Tagged(Paragraph(plain_markup(f"{brand.name}. " + SHEET_INTRO.format(phone=brand.phone)), intro_style),
               document.add("P")),
    ]
    rows = tagline_paragraphs(taglines, brand.phone, document.add("Sect"), size=SHEET_SIZE, color=brand.colors.text,
                              families=families)
    story.append(BalancedRows(rows, 2, gap=18))

    def footer(canvas, number: int, total: int) -> None:
        canvas.saveState()
        begin_pagination(canvas, "Footer")
        canvas.setFont(fonts.regular, 7.5)
        canvas.setFillColor(HexColor(brand.colors.text))
        canvas.drawString(geometry.margin, geometry.footer_height - 14, f"{brand.name} · {brand.phone} · {brand.website}")
        end_marked(canvas)
        canvas.restoreState()

    more = tuple(name for family in families.values() if family != fonts for name in (family.regular, family.bold))
    return Layout(
        story=story, structure=document, geometry=geometry, decorate=PageDecoration(lambda canvas: None, footer),
        fonts=fonts,
        info=DocumentInfo(title=f"{SHEET_TITLE} — {brand.name}", author=brand.name, subject=SHEET_TITLE,
                          keywords=("language assistance", "taglines"), language="en"),
        page_budget=1, more_fonts=more,
    )
