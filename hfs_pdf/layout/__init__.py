"""3 LAY OUT: localized Handout × Brand × options → flowables, page geometry and page decoration."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable

from hfs_pdf.content.markup import parse_markup, plain_text
from hfs_pdf.i18n import Localization
from hfs_pdf.layout.page import PageDecorator, PageGeometry, page_decorator, page_geometry
from hfs_pdf.layout.story import build_story
from hfs_pdf.layout.styles import make_styles
from hfs_pdf.model import Brand, Handout, Paper, Variant
from hfs_pdf.fonts import FontFamily, font_family

PAGE_BUDGET = {Variant.STANDARD: 2, Variant.LARGE_PRINT: 6}
"""Most pages a handout may take: standard prints on one sheet, both sides."""


@dataclass(frozen=True)
class LayoutOptions:
    paper: Paper
    variant: Variant = Variant.STANDARD


@dataclass(frozen=True)
class DocumentInfo:
    """What goes into the PDF's metadata."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    language: str


@dataclass
class Layout:
    """Everything the renderer needs; it knows nothing about handouts."""

    story: list[Flowable]
    geometry: PageGeometry
    decorate: PageDecorator
    fonts: FontFamily
    info: DocumentInfo
    page_budget: int


def lay_out(handout: Handout, brand: Brand, localization: Localization, options: LayoutOptions) -> Layout:
    fonts = font_family()
    styles = make_styles(brand.colors, fonts, options.variant)
    geometry = page_geometry(options.paper, options.variant)
    title = plain_text(parse_markup(handout.title))
    return Layout(
        story=build_story(handout, brand, localization, styles),
        geometry=geometry,
        decorate=page_decorator(handout, brand, localization, fonts, geometry, options.variant),
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
