"""Drawing name × brand colours → an illustration: simple, calm vector drawings made for the project.

No words inside the pictures, so one drawing serves every language (the caption and the alt
text, both translated, say what it shows); only digits, which every script here prints the same,
number the two halves of a before-and-after. Lines are in the brand's text colour and the parts
that matter in its primary colour or the emergency red, each at least 3:1 against the page
(WCAG 1.4.11 for graphics that carry meaning).
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Ellipse, Group, Line, Path, Polygon, Rect, String
from reportlab.lib.colors import HexColor

from hfs_pdf.images import use_embedded_font
from hfs_pdf.model import BrandColors, CalloutKind
from hfs_pdf.palette import CALLOUT_TINTS, key_points_background, tint

WIDTH, HEIGHT = 200.0, 150.0  # every drawing is made in this box, then scaled


def draw_figure(name: str, colors: BrandColors, scale: float, font_name: str) -> Drawing:
    """The named drawing at its own size times `scale`, naming only `font_name` (an embedded font)."""
    ink = _Ink(colors)
    draw, width = _DRAWINGS[name]
    group = draw(ink)
    factor = width * scale / WIDTH
    drawing = Drawing(WIDTH * factor, HEIGHT * factor)
    group.scale(factor, factor)
    drawing.add(group)
    return use_embedded_font(drawing, font_name)


class _Ink:
    def __init__(self, colors: BrandColors):
        self.line = HexColor(colors.text)
        self.main = HexColor(colors.primary)
        self.soft = HexColor(key_points_background(colors))
        self.paper = HexColor(colors.background)
        alarm = CALLOUT_TINTS[CalloutKind.EMERGENCY][1]
        self.alarm = HexColor(alarm)
        self.glow = HexColor(tint(alarm, colors.background, 0.14))  # solid, not transparent: prints the same everywhere


def _face(ink: _Ink, cx: float = 100, cy: float = 75, squeeze: bool = False, shading: tuple = ()) -> Group:
    """A calm face seen from the front; `squeeze` narrows its eye and lifts its mouth on the
    reader's right (the side in spasm); `shading` is painted on the skin, under the features."""
    face = Group()
    face.add(Ellipse(cx - 50, cy + 2, 6, 11, fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.2))
    face.add(Ellipse(cx + 50, cy + 2, 6, 11, fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.2))
    face.add(Ellipse(cx, cy, 48, 62, fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.4))
    for shape in shading:
        face.add(shape)
    for side in (-1, 1):
        tight = squeeze and side == 1
        eye_x, eye_y = cx + side * 19, cy + 14
        brow = Path(strokeColor=ink.line, strokeWidth=1.3, fillColor=None)
        drop = -4 if tight else 0  # a squeezed eye pulls its brow down
        brow.moveTo(eye_x - 11, eye_y + 11 + drop)
        brow.curveTo(eye_x - 4, eye_y + 16 + drop, eye_x + 4, eye_y + 16 + drop, eye_x + 11, eye_y + 12 + drop)
        face.add(brow)
        face.add(Ellipse(eye_x, eye_y, 9, 1.2 if tight else 4.2, fillColor=ink.line if tight else ink.paper,
                         strokeColor=ink.line, strokeWidth=1.1))
        if not tight:
            face.add(Circle(eye_x, eye_y, 2.2, fillColor=ink.line, strokeColor=None))
    nose = Path(strokeColor=ink.line, strokeWidth=1.1, fillColor=None)
    nose.moveTo(cx, cy + 10)
    nose.curveTo(cx - 2, cy, cx - 7, cy - 8, cx - 4, cy - 11)
    nose.curveTo(cx - 1, cy - 13, cx + 3, cy - 12, cx + 5, cy - 11)
    face.add(nose)
    mouth = Path(strokeColor=ink.line, strokeWidth=1.3, fillColor=None)
    lift = 6 if squeeze else 0
    mouth.moveTo(cx - 15, cy - 28)
    mouth.curveTo(cx - 6, cy - 33, cx + 6, cy - 33 + lift * 0.4, cx + 15, cy - 28 + lift)
    face.add(mouth)
    return face


def _arrow(ink: _Ink, x1: float, y1: float, x2: float, y2: float) -> Group:
    arrow = Group(Line(x1, y1, x2, y2, strokeColor=ink.alarm, strokeWidth=1.4))
    dx, dy = x2 - x1, y2 - y1
    length = (dx * dx + dy * dy) ** 0.5
    ux, uy = dx / length, dy / length
    arrow.add(Polygon([x2, y2, x2 - 6 * ux + 3 * uy, y2 - 6 * uy - 3 * ux, x2 - 6 * ux - 3 * uy, y2 - 6 * uy + 3 * ux],
                      fillColor=ink.alarm, strokeColor=None))
    return arrow


def _face_spasm(ink: _Ink) -> Group:
    """Where the spasms start (around one eye) and how they spread (cheek, corner of the mouth)."""
    zones = tuple(Circle(x, y, r, fillColor=ink.glow, strokeColor=None) for x, y, r in ((119, 89, 16), (124, 66, 12), (116, 47, 9)))
    group = Group(_face(ink, squeeze=True, shading=zones))
    for x, y in ((139, 97), (141, 88), (138, 80)):  # twitch marks beside the eye
        group.add(Line(x, y, x + 7, y + (y - 88) * 0.3, strokeColor=ink.alarm, strokeWidth=1.3))
    group.add(_arrow(ink, 131, 79, 132, 70))
    group.add(_arrow(ink, 127, 58, 122, 52))
    return group


def _injection_sites(ink: _Ink) -> Group:
    """The usual injection spots on the side in spasm: around the eye, the cheek, near the mouth."""
    group = Group(_face(ink))
    sites = ((111, 97), (126, 97), (109, 82), (124, 81), (137, 89), (128, 68), (140, 62), (121, 46))
    for x, y in sites:
        group.add(Circle(x, y, 3.6, fillColor=ink.main, strokeColor=ink.paper, strokeWidth=1.2))
    return group


def _numeral(ink: _Ink, x: float, y: float, digit: str) -> Group:
    """12 pt in a standard handout, 18 pt in large print (drawings are scaled 1.5 there)."""
    return Group(
        Circle(x, y, 9.5, fillColor=ink.main, strokeColor=None),
        String(x, y - 4.3, digit, fontSize=12, fillColor=ink.paper, textAnchor="middle"),
    )


def _nerve_and_vessel(ink: _Ink) -> Group:
    """1: a blood vessel pressing on the facial nerve where it leaves the brainstem.
    2: after surgery, the vessel moved away and a small soft pad between them."""
    group = Group()
    for left, after in ((0.0, False), (104.0, True)):
        panel = Group()
        panel.add(Rect(left, 8, 96, 134, rx=8, ry=8, fillColor=ink.soft, strokeColor=None))
        stem = Path(fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.2)
        stem.moveTo(left + 10, 16)
        stem.curveTo(left + 4, 60, left + 4, 100, left + 12, 134)
        stem.lineTo(left + 30, 134)
        stem.curveTo(left + 36, 100, left + 36, 60, left + 30, 16)
        stem.closePath()
        panel.add(stem)
        nerve = Path(strokeColor=ink.main, strokeWidth=4.5, fillColor=None, strokeLineCap=1)
        nerve.moveTo(left + 30, 74)
        nerve.curveTo(left + 52, 72, left + 68, 66, left + 90, 58)
        panel.add(nerve)
        vessel = Path(strokeColor=ink.alarm, strokeWidth=3.2, fillColor=None, strokeLineCap=1)
        lift = 24 if after else 0
        vessel.moveTo(left + 40, 132)
        vessel.curveTo(left + 26, 104 + lift, left + 34, 74 + lift, left + 50, 78 + lift)
        vessel.curveTo(left + 66, 82 + lift, left + 70, 116, left + 82, 132)
        panel.add(vessel)
        if after:
            panel.add(Rect(left + 38, 80, 18, 11, rx=3, ry=3, fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1))
        else:
            for x in (left + 40, left + 48, left + 56):  # where the vessel presses on the nerve
                panel.add(Line(x, 66, x - 2, 60, strokeColor=ink.alarm, strokeWidth=1))
        panel.add(_numeral(ink, left + 84, 128, "2" if after else "1"))
        group.add(panel)
    return group


def _mri_scan(ink: _Ink) -> Group:
    """A person lying on the table of an MRI scanner, about to slide into its ring."""
    group = Group()
    group.add(Rect(96, 14, 92, 124, rx=14, ry=14, fillColor=ink.soft, strokeColor=ink.line, strokeWidth=1.3))
    group.add(Circle(142, 76, 34, fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.3))
    group.add(Rect(10, 56, 150, 8, rx=3, ry=3, fillColor=ink.main, strokeColor=None))  # the table
    group.add(Rect(40, 30, 8, 26, fillColor=ink.line, strokeColor=None))  # its stand
    body = Path(fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.2)
    body.moveTo(30, 64)
    body.curveTo(30, 76, 40, 78, 60, 76)
    body.lineTo(118, 74)
    body.curveTo(126, 74, 126, 64, 118, 64)
    body.closePath()
    group.add(body)
    group.add(Circle(130, 72, 8, fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.2))  # the head, in the ring
    return group


_DRAWINGS = {  # name: (how to draw it, its width in points in a standard handout)
    "face-spasm": (_face_spasm, 140),
    "nerve-and-vessel": (_nerve_and_vessel, 210),
    "injection-sites": (_injection_sites, 140),
    "mri-scan": (_mri_scan, 150),
}
