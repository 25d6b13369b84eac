"""Brand × handout → page geometry and the per-page decoration (header band, running header, footer).

Decoration is drawn once the page count is known, so the footer can say "Page 1 of 2".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from reportlab.graphics import renderPDF
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas

from hfs_pdf.i18n import N_, Localization
from hfs_pdf.layout.flowables import QrPainter
from hfs_pdf.images import load_svg, scaled
from hfs_pdf.layout.bidi import isolate
from hfs_pdf.layout.inline import bare_domain, plain_markup
from hfs_pdf.layout.structure import Node, begin_marked, begin_pagination, end_marked
from hfs_pdf.layout.styles import SCALES, Script
from hfs_pdf.content.brand import qr_address
from hfs_pdf.model import Brand, Handout, Paper, ReviewStatus, Variant
from hfs_pdf.fonts import FontFamily

PAGE_SIZES = {Paper.LETTER: LETTER, Paper.A4: A4}

# Translators: page numbers in the footer; keep {page} and {total}.
FOOTER_PAGE = N_("Page {page} of {total}")
# Translators: content version in the footer, e.g. "Version 1.0"; keep {version}.
FOOTER_VERSION = N_("Version {version}")
# Translators: {date} is filled in already formatted for your language.
FOOTER_REVIEWED = N_("Last reviewed {date}")
# Translators: the date this version of a not-yet-reviewed handout was written; {date} is filled in
# already formatted for your language. Do not say "reviewed": no clinician has checked it yet.
FOOTER_VERSION_DATE = N_("Version date {date}")
# Translators: caption beside the QR code in the header.
QR_CAPTION = N_("Scan for more information")
# Translators: what a screen reader says for the QR code in the header; {url} is the web address.
QR_ALT = N_("QR code linking to {url}")
CHROME = (FOOTER_PAGE, FOOTER_VERSION, FOOTER_REVIEWED, FOOTER_VERSION_DATE, QR_CAPTION, QR_ALT)


@dataclass(frozen=True)
class Frame:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class PageGeometry:
    size: tuple[float, float]
    first: Frame
    later: Frame
    margin: float
    band_height: float
    footer_height: float


@dataclass(frozen=True)
class PageDecoration:
    """`first_page` paints page 1's header band as the page begins; `every_page` paints the footer
    (and later pages' header rule) once the page count is known."""

    first_page: Callable[[Canvas], None]
    every_page: Callable[[Canvas, int, int], None]


def footer_lines(variant: Variant) -> int:
    """Large print gives the page number a line of its own: at 14 pt it no longer fits beside the contact line."""
    return 2 if variant.print_size is Variant.STANDARD else 3


def page_geometry(paper: Paper, variant: Variant) -> PageGeometry:
    width, height = PAGE_SIZES[paper]
    scale = SCALES[variant.print_size]
    margin = 46 if variant.print_size is Variant.STANDARD else 40
    band = 64 if variant.print_size is Variant.STANDARD else 110
    footer = scale.footer * footer_lines(variant) * 1.3 + 20
    running_header = scale.footer * 1.3 + 18
    bottom = footer + 6
    return PageGeometry(
        size=(width, height),
        first=Frame(margin, bottom, width - 2 * margin, height - band - 14 - bottom),
        later=Frame(margin, bottom, width - 2 * margin, height - running_header - 10 - bottom),
        margin=margin,
        band_height=band,
        footer_height=footer,
    )


@dataclass(frozen=True)
class HeaderFigures:
    """The structure elements of the header's images: the logo (None when decorative) and the QR code."""

    logo: Node | None
    clinic: Node  # the clinic's name and department
    contact: Node  # phone, website and the QR caption
    qr: Node


def page_header_figures(brand: Brand, localization: Localization, document: Node, address: str) -> HeaderFigures:
    """The header's images come first in reading order: the clinic's logo, then its QR code."""
    logo = None
    if brand.logo is not None and not brand.logo.decorative:
        logo = document.add("Figure", alt=brand.logo.alt)
    clinic = document.add("P")
    contact = document.add("P")
    qr = document.add("Figure", alt=localization.gettext(QR_ALT).format(url=bare_domain(address)))
    return HeaderFigures(logo, clinic, contact, qr)


def page_decorator(
    handout: Handout, brand: Brand, localization: Localization, fonts: FontFamily, geometry: PageGeometry,
    variant: Variant, script: Script, figures: HeaderFigures,
) -> PageDecoration:
    """Return the functions that paint the header band and the footers.

    Text is set through the script's own paragraphs (`Script.make_paragraph`), not with
    drawString, so that it is broken, ordered and shaped like the body; a right-to-left page
    mirrors the footer.
    """
    _ = localization.gettext
    scale = SCALES[variant.print_size]
    colors = brand.colors
    width, height = geometry.size
    margin = geometry.margin
    logo = _logo_drawer(brand, fonts, geometry.band_height - 16)
    qr = QrPainter(qr_address(brand.qr_url, localization.tag, handout.id), geometry.band_height - 12, colors.text)
    version = _(FOOTER_VERSION).format(version=handout.review.version)
    # a draft's date is when this version was written, not a review no one has done
    dated = FOOTER_REVIEWED if handout.review.status is ReviewStatus.REVIEWED else FOOTER_VERSION_DATE
    reviewed = _(dated).format(date=localization.long_date(handout.review.last_reviewed))
    # each item is a unit: in a right-to-left footer the items run from the right, each reading as written
    separated = (lambda *items: " · ".join(map(isolate, items))) if script.right_to_left else (lambda *items: " · ".join(items))
    contact = separated(brand.name, brand.phone, bare_domain(brand.website))
    about = separated(handout.id, version, reviewed)
    start, end = (TA_RIGHT, TA_LEFT) if script.right_to_left else (TA_LEFT, TA_RIGHT)

    def text(canvas: Canvas, value: str, y: float, align: int, *, bold: bool = False, color: str = colors.text) -> None:
        style = ParagraphStyle(
            "chrome", fontName=fonts.bold if bold else fonts.regular, fontSize=scale.footer,
            leading=scale.footer * 1.25, textColor=HexColor(color), alignment=align,
        )
        paragraph = script.make_paragraph(plain_markup(value, script.right_to_left), style)
        paragraph.wrapOn(canvas, width - 2 * margin, scale.footer * 3)
        paragraph.drawOn(canvas, margin, y - scale.footer * 0.25)

    def header_band(canvas: Canvas) -> None:
        """Page 1's band, painted before the page's content so that it comes first in reading order."""
        canvas.saveState()
        _header_band(canvas, brand, fonts, geometry, logo, qr, _(QR_CAPTION), script, figures, scale.small)
        canvas.restoreState()

    def decorate(canvas: Canvas, number: int, total: int) -> None:
        canvas.saveState()
        if number > 1:
            # Only a rule: the footer names the handout on every page, and a one-off running title
            # would be read by checkers as prose hidden in an artifact.
            baseline = height - margin * 0.5 - scale.footer
            begin_pagination(canvas, "Header")
            canvas.setStrokeColor(HexColor(colors.accent))
            canvas.setLineWidth(0.8)
            canvas.line(margin, baseline - 5, width - margin, baseline - 5)
            end_marked(canvas)
        begin_pagination(canvas, "Footer")
        top = geometry.footer_height
        canvas.setStrokeColor(HexColor(colors.accent))
        canvas.setLineWidth(0.8)
        canvas.line(margin, top, width - margin, top)
        first_line = top - 6 - scale.footer
        text(canvas, contact, first_line, start)
        text(canvas, about, first_line - scale.footer * 1.3, start)
        page_line = first_line - scale.footer * 1.3 * (footer_lines(variant) - 2) * 2
        text(canvas, _(FOOTER_PAGE).format(page=number, total=total), page_line, end, bold=True)
        end_marked(canvas)
        canvas.restoreState()

    return PageDecoration(header_band, decorate)


def _header_band(
    canvas: Canvas, brand: Brand, fonts: FontFamily, geometry: PageGeometry, logo, qr, caption: str, script: Script,
    figures: HeaderFigures, min_text_size: float,
) -> None:
    """Page 1's coloured band: logo, clinic name and department on the left; contact and QR code on the right."""
    width, height = geometry.size
    band = geometry.band_height
    colors = brand.colors
    canvas.setFillColor(HexColor(colors.primary))
    canvas.rect(0, height - band, width, band, stroke=0, fill=1)
    x = geometry.margin
    if logo is not None:
        if figures.logo is not None:
            begin_marked(canvas, figures.logo)
        x += logo(canvas, x, height - band + 8) + 12
        if figures.logo is not None:
            end_marked(canvas)
    # QR code on a light tile (scanners need a light quiet zone); its left edge bounds the text.
    tile = qr.width + 6
    tile_x = width - geometry.margin - tile
    right = tile_x - 8
    name_size = min(band * 0.25, 24)
    small = max(name_size * 0.6, min_text_size)
    name = _band_paragraph(brand.name, fonts.bold, name_size, colors.on_primary, script, right - x, TA_LEFT)
    department = _band_paragraph(brand.department, fonts.regular, small, colors.on_primary, script, right - x, TA_LEFT)
    block = name.height + department.height
    top = height - (band - block) / 2
    begin_marked(canvas, figures.clinic, brand.name)
    name.drawOn(canvas, x, top - name.height)
    end_marked(canvas)
    begin_marked(canvas, figures.clinic, brand.department)
    department.drawOn(canvas, x, top - block)
    end_marked(canvas)
    tile_y = height - band + (band - tile) / 2
    canvas.setFillColor(HexColor(colors.background))
    canvas.rect(tile_x, tile_y, tile, tile, stroke=0, fill=1)
    begin_marked(canvas, figures.qr)
    qr.draw_on(canvas, tile_x + 3, tile_y + 3)
    end_marked(canvas)
    # Phone and website go beside the QR code when they fit, and the QR code's caption under them,
    # on up to two lines (German and Polish captions are long); the footer repeats phone and website.
    name_width = max(max(name.getActualLineWidths0()), max(department.getActualLineWidths0()))
    room = right - (x + name_width + 16)
    contact_width = max(canvas.stringWidth(text, fonts.regular, small) for text in (brand.phone, bare_domain(brand.website)))
    if contact_width > room:
        return
    style = ParagraphStyle("caption", fontName=fonts.bold, fontSize=small, leading=small * 1.2,
                           textColor=HexColor(colors.on_primary), alignment=TA_RIGHT)
    # the caption is translated: set it as the script's paragraph, not with drawString
    paragraph = script.make_paragraph(plain_markup(caption, script.right_to_left), style)
    paragraph.wrapOn(canvas, room, small * 6)
    caption_lines = len(paragraph.getActualLineWidths0())
    lines = 2 + (caption_lines if caption_lines <= 2 else 0)
    if small * 1.25 * lines + small > band:
        return
    canvas.setFillColor(HexColor(colors.on_primary))
    top = height - band / 2 + small * 1.25 * lines / 2 - small  # the first baseline, the block centred in the band
    canvas.setFont(fonts.regular, small)
    begin_marked(canvas, figures.contact, f"{brand.phone} {bare_domain(brand.website)}")
    canvas.drawRightString(right, top, brand.phone)
    canvas.drawRightString(right, top - small * 1.25, bare_domain(brand.website))
    end_marked(canvas)
    if caption_lines <= 2:
        begin_marked(canvas, figures.contact, caption)
        paragraph.drawOn(canvas, right - paragraph.width, top - small * 1.25 - small * 0.3 - paragraph.height)
        end_marked(canvas)


def _band_paragraph(value: str, font: str, size: float, color: str, script: Script, width: float, align: int) -> Flowable:
    style = ParagraphStyle("band", fontName=font, fontSize=size, leading=size * 1.2, textColor=HexColor(color),
                           alignment=align)
    paragraph = script.make_paragraph(plain_markup(value, script.right_to_left), style)
    paragraph.wrap(width, size * 6)
    return paragraph


def _logo_drawer(brand: Brand, fonts: FontFamily, box: float):
    """Load the logo once per handout; return a painter that draws it and returns its width."""
    if brand.logo is None:
        return None
    path = brand.logo.path
    if path.suffix.lower() == ".svg":
        drawing = load_svg(path, fonts.regular)
        if drawing is None:
            return None
        drawing = scaled(drawing, box * 2.5, box)

        def paint_svg(canvas: Canvas, x: float, y: float) -> float:
            renderPDF.draw(drawing, canvas, x, y + (box - drawing.height) / 2)
            return drawing.width

        return paint_svg
    from reportlab.lib.utils import ImageReader

    image = ImageReader(str(path))
    image_width, image_height = image.getSize()
    factor = min(box * 2.5 / image_width, box / image_height)

    def paint_png(canvas: Canvas, x: float, y: float) -> float:
        canvas.drawImage(image, x, y, image_width * factor, image_height * factor, mask="auto")
        return image_width * factor

    return paint_png
