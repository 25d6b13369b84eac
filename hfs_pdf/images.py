"""Logo files → ReportLab drawables, sized to a box and using only embedded fonts.

Outside the layout package because the brand loader opens logos too (to reject a broken one at
load time) and should not pay for importing the whole layout stage to do so.
"""

from __future__ import annotations

import logging
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Group, String


def load_svg(path: Path, font_name: str | None = None) -> Drawing | None:
    """Parse an SVG with svglib; None when it cannot be read.

    svglib draws SVG text in Helvetica, a font that is never embedded. Naming an embedded font
    here keeps every font in the PDF embedded (PDF/UA requires it).
    """
    from svglib.svglib import svg2rlg

    quiet = logging.getLogger("svglib.svglib")
    level, quiet.level = quiet.level, logging.CRITICAL
    try:
        drawing = svg2rlg(str(path))
    except Exception:  # svglib raises lxml, ValueError, … for broken files; all mean "unreadable"
        drawing = None
    finally:
        quiet.level = level
    if drawing is not None and font_name:
        use_embedded_font(drawing, font_name)
    return drawing


def use_embedded_font(drawing: Drawing, font_name: str) -> Drawing:
    """Make a drawing name only `font_name`.

    renderPDF starts every drawing by selecting its default font (Helvetica, never embedded)
    unless the drawing names an initial font; svglib also draws SVG text in Helvetica.
    """
    drawing.initialFontName = font_name
    _strings_use(drawing, font_name)
    return drawing


def _strings_use(node: Group, font_name: str) -> None:
    for child in getattr(node, "contents", ()):
        if isinstance(child, String):
            child.fontName = font_name
        else:
            _strings_use(child, font_name)


def scaled(drawing: Drawing, max_width: float, max_height: float) -> Drawing:
    """Scale a drawing uniformly to fit the box."""
    factor = min(max_width / drawing.width, max_height / drawing.height)
    drawing.scale(factor, factor)
    drawing.width *= factor
    drawing.height *= factor
    return drawing
