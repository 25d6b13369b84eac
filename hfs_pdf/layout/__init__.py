"""3 LAY OUT: localized Handout × Brand × options → flowables, page geometry and page decoration."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable

import hfs_pdf

from hfs_pdf.content.brand import qr_address
from hfs_pdf.content.markup import parse_markup, plain_text
from hfs_pdf.i18n import Localization
from hfs_pdf.layout.page import PageDecoration, PageGeometry, page_decorator, page_geometry, page_header_figures
from hfs_pdf.layout.structure import Node
from hfs_pdf.layout.story import build_story
from hfs_pdf.layout.page import CHROME as PAGE_CHROME
from hfs_pdf.layout.story import CHROME as STORY_CHROME
from hfs_pdf.layout.taglines import CHROME as TAGLINE_CHROME
from hfs_pdf.layout.styles import make_styles, script_for
from hfs_pdf.model import Brand, Handout, LayoutOptions, Paper, PersonalDetails, Variant
from hfs_pdf.fonts import FontFamily, family_name_for, font_family, reset_shaping

CHROME = PAGE_CHROME + STORY_CHROME + TAGLINE_CHROME
"""Every page-chrome string the layout may print (for the glyph coverage check)."""

PAGE_BUDGET = {Variant.STANDARD: 4, Variant.LARGE_PRINT: 12, Variant.BILINGUAL: 8}
"""Most pages a handout may take: two sheets printed on both sides (large print: six).

Until version 1.1 the English source fitted one sheet; the full safety warnings, the drawings
and the comparison table no longer do at a readable size, so English now takes up to three pages
and translations (15–30 % longer) up to four. Large print sets the same text at 18 pt or more,
about three times the area: up to 12 pages. A bilingual copy prints the English after each part
of a translation, at standard size: about twice a translation, up to 8 pages.
"""


@dataclass(frozen=True)
class DocumentInfo:
    """What goes into the PDF's metadata."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    language: str
    creator: str = f"hfs-pdf {hfs_pdf.__version__}"


@dataclass
class Layout:
    """Everything the renderer needs; it knows nothing about handouts."""

    story: list[Flowable]
    structure: Node  # the Document element; filled with marks while the story is drawn
    geometry: PageGeometry
    decorate: PageDecoration
    fonts: FontFamily
    info: DocumentInfo
    page_budget: int
    more_fonts: tuple[str, ...] = ()  # fonts drawn besides `fonts` (the taglines'): their shaped glyphs need text too


ENGLISH_BESIDE_TEXT = "#474747"
"""The English of a bilingual copy is set a shade lighter than the translation (still over 7:1 on
white and on the boxes' tints), so the eye can tell the two apart at a glance."""


def _english_beside(english: Handout | None, brand: Brand, options: LayoutOptions):
    from dataclasses import replace

    from hfs_pdf.layout.styles import LATIN

    if english is None:
        raise ValueError("a bilingual layout needs the English source handout")
    colors = replace(brand.colors, text=ENGLISH_BESIDE_TEXT)
    return english, make_styles(colors, font_family("NotoSans"), Variant.STANDARD, LATIN)


def _tagline_fonts(brand: Brand, fonts: FontFamily) -> tuple[str, ...]:
    """The fonts of the brand's taglines when every handout prints them (checked here, before drawing)."""
    if brand.taglines is None or not brand.taglines.on_handouts:
        return ()
    from hfs_pdf.content.taglines import choose, load_taglines
    from hfs_pdf.layout.taglines import check_tagline_fonts, tagline_families

    taglines = load_taglines()
    chosen = choose(taglines, brand.taglines.languages)
    check_tagline_fonts(chosen, taglines.source)
    return tuple(name for family in tagline_families(chosen).values() if family != fonts
                 for name in (family.regular, family.bold))


def lay_out(handout: Handout, brand: Brand, localization: Localization, options: LayoutOptions,
            personal: PersonalDetails | None = None, english: Handout | None = None) -> Layout:
    """`english`: the source handout, printed after each part of the translation (the bilingual variant)."""
    fonts = font_family(family_name_for(localization.name))
    script = script_for(localization.locale)
    reset_shaping(fonts)  # a document must not depend on what the process drew before it
    styles = make_styles(brand.colors, fonts, options.variant, script)
    geometry = page_geometry(options.paper, options.variant)
    title = plain_text(parse_markup(handout.title))
    document = Node("Document", lang=None)
    header = page_header_figures(brand, localization, document, qr_address(brand.qr_url, localization.tag, handout.id))
    return Layout(
        more_fonts=_tagline_fonts(brand, fonts) + (("NotoSans", "NotoSans-Bold") if options.variant is Variant.BILINGUAL else ()),
        story=build_story(handout, brand, localization, styles, document, personal,
                          _english_beside(english, brand, options) if options.variant is Variant.BILINGUAL else None),
        structure=document,
        geometry=geometry,
        decorate=page_decorator(handout, brand, localization, fonts, geometry, options.variant, script, header),
        fonts=fonts,
        info=DocumentInfo(
            title=title,
            author=brand.name,
            subject=plain_text(parse_markup(handout.key_points)),
            keywords=("hemifacial spasm", handout.id, f"version {handout.review.version}", options.variant.value),
            language=localization.tag,
        ),
        page_budget=PAGE_BUDGET[options.variant],
    )
