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
from reportlab.platypus import Paragraph
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas

from hfs_pdf.content.markup import parse_markup, plain_text
from hfs_pdf.i18n import N_, Localization
from hfs_pdf.layout.flowables import qr_drawing
from hfs_pdf.layout.images import load_svg, scaled
from hfs_pdf.layout.inline import bare_domain, plain_markup
from hfs_pdf.layout.styles import SCALES, Script
from hfs_pdf.model import Brand, Handout, Paper, Variant
from hfs_pdf.fonts import FontFamily

PAGE_SIZES = {Paper.LETTER: LETTER, Paper.A4: A4}

# Translators: page numbers in the footer; keep {page} and {total}.
FOOTER_PAGE = N_("Page {page} of {total}")
# Translators: content version in the footer, e.g. "Version 1.0"; keep {version}.
FOOTER_VERSION = N_("Version {version}")
# Translators: {date} is filled in already formatted for your language.
FOOTER_REVIEWED = N_("Last reviewed {date}")
# Translators: caption beside the QR code in the header.
QR_CAPTION = N_("Scan for more information")
CHROME = (FOOTER_PAGE, FOOTER_VERSION, FOOTER_REVIEWED, QR_CAPTION)


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


PageDecorator = Callable[[Canvas, int, int], None]


def page_geometry(paper: Paper, variant: Variant) -> PageGeometry:
    width, height = PAGE_SIZES[paper]
    scale = SCALES[variant]
    margin = 46 if variant is Variant.STANDARD else 40
    band = 64 if variant is Variant.STANDARD else 92
    footer = scale.footer * 2 * 1.3 + 20
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


def page_decorator(
    handout: Handout, brand: Brand, localization: Localization, fonts: FontFamily, geometry: PageGeometry,
    variant: Variant, script: Script,
) -> PageDecorator:
    """Return the function that paints header and footer on page `number` of `total`.

    Translated text is set as a Paragraph, not with drawString, so that it is shaped (Arabic)
    like the body; a right-to-left page mirrors the footer.
    """
    _ = localization.gettext
    scale = SCALES[variant]
    colors = brand.colors
    width, height = geometry.size
    margin = geometry.margin
    logo = _logo_drawer(brand, fonts, geometry.band_height - 16)
    qr = qr_drawing(brand.qr_url, geometry.band_height - 12, colors.text, fonts.regular)
    contact = " · ".join((brand.name, brand.phone, bare_domain(brand.website)))
    version = _(FOOTER_VERSION).format(version=handout.review.version)
    reviewed = _(FOOTER_REVIEWED).format(date=localization.long_date(handout.review.last_reviewed))
    about = f"{handout.id} · {version} · {reviewed}"
    running_title = f"{brand.name} · {plain_text(parse_markup(handout.title))}"
    start, end = (TA_RIGHT, TA_LEFT) if script.right_to_left else (TA_LEFT, TA_RIGHT)

    def text(canvas: Canvas, value: str, y: float, align: int, *, bold: bool = False, color: str = colors.text) -> None:
        style = ParagraphStyle(
            "chrome", fontName=fonts.bold if bold else fonts.regular, fontSize=scale.footer,
            leading=scale.footer * 1.25, textColor=HexColor(color), alignment=align, shaping=int(script.shaping),
        )
        paragraph = Paragraph(plain_markup(value, script.right_to_left), style)
        paragraph.wrapOn(canvas, width - 2 * margin, scale.footer * 3)
        paragraph.drawOn(canvas, margin, y - scale.footer * 0.25)

    def decorate(canvas: Canvas, number: int, total: int) -> None:
        canvas.saveState()
        if number == 1:
            _header_band(canvas, brand, fonts, geometry, logo, qr, _(QR_CAPTION), script.shaping)
        else:
            baseline = height - margin * 0.5 - scale.footer
            text(canvas, running_title, baseline, start)
            canvas.setStrokeColor(HexColor(colors.accent))
            canvas.setLineWidth(0.8)
            canvas.line(margin, baseline - 5, width - margin, baseline - 5)
        top = geometry.footer_height
        canvas.setStrokeColor(HexColor(colors.accent))
        canvas.setLineWidth(0.8)
        canvas.line(margin, top, width - margin, top)
        first_line = top - 6 - scale.footer
        text(canvas, contact, first_line, start)
        text(canvas, about, first_line - scale.footer * 1.3, start)
        text(canvas, _(FOOTER_PAGE).format(page=number, total=total), first_line, end, bold=True)
        canvas.restoreState()

    return decorate


def _header_band(
    canvas: Canvas, brand: Brand, fonts: FontFamily, geometry: PageGeometry, logo, qr, caption: str, shaping: bool
) -> None:
    """Page 1's coloured band: logo, clinic name and department on the left; contact and QR code on the right."""
    width, height = geometry.size
    band = geometry.band_height
    colors = brand.colors
    canvas.setFillColor(HexColor(colors.primary))
    canvas.rect(0, height - band, width, band, stroke=0, fill=1)
    x = geometry.margin
    if logo is not None:
        x += logo(canvas, x, height - band + 8) + 12
    canvas.setFillColor(HexColor(colors.on_primary))
    name_size = band * 0.25
    canvas.setFont(fonts.bold, name_size)
    canvas.drawString(x, height - band / 2 + 2, brand.name)
    small = name_size * 0.6
    canvas.setFont(fonts.regular, small)
    canvas.drawString(x, height - band / 2 - name_size * 0.85, brand.department)
    # QR code on a light tile (scanners need a light quiet zone), caption and contact to its left.
    tile = qr.width + 6
    tile_x = width - geometry.margin - tile
    tile_y = height - band + (band - tile) / 2
    canvas.setFillColor(HexColor(colors.background))
    canvas.rect(tile_x, tile_y, tile, tile, stroke=0, fill=1)
    renderPDF.draw(qr, canvas, tile_x + 3, tile_y + 3)
    # Phone and website go beside the QR code when they fit; the footer repeats them anyway.
    right = tile_x - 8
    contact = (brand.phone, bare_domain(brand.website), caption)
    contact_width = max(canvas.stringWidth(text, fonts.bold, small) for text in contact)
    name_width = max(canvas.stringWidth(brand.name, fonts.bold, name_size), canvas.stringWidth(brand.department, fonts.regular, small))
    if x + name_width + 16 < right - contact_width:
        canvas.setFillColor(HexColor(colors.on_primary))
        middle = height - band / 2
        canvas.setFont(fonts.regular, small)
        canvas.drawRightString(right, middle + small * 1.2, brand.phone)
        canvas.drawRightString(right, middle - small * 0.3, bare_domain(brand.website))
        # the caption is translated: set it as a (shaped) paragraph, not with drawString
        style = ParagraphStyle("caption", fontName=fonts.bold, fontSize=small, leading=small * 1.2,
                               textColor=HexColor(colors.on_primary), alignment=TA_RIGHT, shaping=int(shaping))
        paragraph = Paragraph(plain_markup(caption, shaping), style)
        paragraph.wrapOn(canvas, right - x, small * 3)
        paragraph.drawOn(canvas, right - paragraph.width, middle - small * 2.05)


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
