"""Drawing name × brand colours → an illustration: simple, calm vector drawings made for the project.

No words inside the pictures, so one drawing serves every language (the caption and the alt
text, both translated, say what it shows); only digits number the panels and the months, in the
language's own digits where it has them (Persian), as the caption names them. Lines are in the brand's text colour and the parts
that matter in its primary colour or the emergency red, each at least 3:1 against the page
(WCAG 1.4.11 for graphics that carry meaning).
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Circle, Drawing, Ellipse, Group, Line, Path, Polygon, Rect, String
from reportlab.lib.colors import HexColor

from hfs_pdf.images import use_embedded_font
from hfs_pdf.layout.numerals import native_digits
from hfs_pdf.model import BrandColors, CalloutKind
from hfs_pdf.palette import CALLOUT_TINTS, key_points_background, tint

WIDTH, HEIGHT = 200.0, 150.0  # most drawings are made in this box, then scaled


def draw_figure(name: str, colors: BrandColors, scale: float, font_name: str, language: str = "en",
                right_to_left: bool = False) -> Drawing:
    """The named drawing at its own size times `scale`, naming only `font_name` (an embedded font);
    its numbers in the language's digits (Persian ۱ ۲ ۳), as its caption prints them, and its
    numbered panels in reading order."""
    ink = _Ink(colors, right_to_left)
    draw, width, (box_width, box_height) = _DRAWINGS[name]
    group = draw(ink)
    factor = width * scale / box_width
    drawing = Drawing(box_width * factor, box_height * factor)
    group.scale(factor, factor)
    drawing.add(group)
    _digits_of(drawing, language)
    return use_embedded_font(drawing, font_name)


def _digits_of(node, language: str) -> None:
    for child in getattr(node, "contents", ()):
        if isinstance(child, String):
            child.text = native_digits(child.text, language)
        else:
            _digits_of(child, language)


class _Ink:
    def __init__(self, colors: BrandColors, right_to_left: bool = False):
        self.right_to_left = right_to_left
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
    2: after surgery, the vessel moved away and a small soft pad between them. (1 is on the
    right in a right-to-left handout, where reading starts.)"""
    group = Group()
    for left, after in ((104.0, False), (0.0, True)) if ink.right_to_left else ((0.0, False), (104.0, True)):
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


def _panel(left: float, bottom: float, width: float, height: float, ink: _Ink) -> Rect:
    return Rect(left, bottom, width, height, rx=8, ry=8, fillColor=ink.soft, strokeColor=None)


def _in_reading_order(ink: _Ink, panels: tuple[Group, ...], pitch: float) -> Group:
    """Numbered panels, drawn left to right `pitch` apart, placed in reading order: in a
    right-to-left handout panel 1 moves to the right, where the reader starts (each panel's own
    content is not mirrored: a face, a bottle and a digit read the same either way)."""
    last = len(panels) - 1
    if ink.right_to_left:
        for index, panel in enumerate(panels):
            panel.translate((last - 2 * index) * pitch, 0)
    return Group(*panels)


def _stroke_signs(ink: _Ink) -> Group:
    """The three sudden stroke signs of F.A.S.T.: 1 one side of the face droops, 2 one arm
    drifts down when both are raised, 3 speech comes out jumbled. The sign itself is in red."""
    face, arm, speech = (Group(_panel(left, 4, 96, 102, ink)) for left in (0.0, 102.0, 204.0))
    group = face
    # 1: the face, its left half (the reader's right) fallen: lower eyelid line, mouth corner down
    group.add(Ellipse(48, 54, 30, 38, fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.3))
    group.add(Ellipse(37, 64, 6, 3, fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1))
    group.add(Circle(37, 64, 1.8, fillColor=ink.line, strokeColor=None))
    droopy_lid = Path(fillColor=ink.line, strokeColor=ink.line, strokeWidth=1)
    droopy_lid.moveTo(53, 61)
    droopy_lid.curveTo(56, 64, 62, 64, 65, 60)
    droopy_lid.curveTo(62, 59, 56, 59, 53, 61)
    droopy_lid.closePath()
    group.add(droopy_lid)
    mouth = Path(strokeColor=ink.alarm, strokeWidth=1.8, fillColor=None, strokeLineCap=1)
    mouth.moveTo(36, 38)
    mouth.curveTo(42, 37, 50, 36, 54, 34)
    mouth.curveTo(57, 32, 59, 29, 61, 26)
    group.add(mouth)
    group.add(_arrow(ink, 70, 40, 70, 25))
    group = arm
    # 2: a person with both arms raised; one arm sinks
    group.add(Circle(150, 78, 10, fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.3))
    body = Path(fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.3)
    body.moveTo(136, 12)
    body.lineTo(138, 58)
    body.curveTo(139, 65, 161, 65, 162, 58)
    body.lineTo(164, 12)
    body.closePath()
    group.add(body)
    group.add(Line(139, 60, 112, 62, strokeColor=ink.line, strokeWidth=4, strokeLineCap=1))  # the steady arm
    group.add(Line(161, 58, 184, 40, strokeColor=ink.alarm, strokeWidth=4, strokeLineCap=1))  # the weak one
    group.add(_arrow(ink, 191, 50, 191, 32))
    group = speech
    # 3: a face speaking, and what comes out is jumbled
    group.add(Circle(228, 56, 15, fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.3))
    group.add(Circle(224, 60, 1.6, fillColor=ink.line, strokeColor=None))
    group.add(Circle(233, 60, 1.6, fillColor=ink.line, strokeColor=None))
    group.add(Ellipse(229, 49, 4, 2.5, fillColor=ink.line, strokeColor=None))
    bubble = Path(fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.2)
    bubble.moveTo(252, 58)
    bubble.lineTo(246, 50)
    bubble.lineTo(256, 54)
    bubble.curveTo(250, 66, 254, 88, 272, 88)
    bubble.curveTo(292, 88, 296, 66, 288, 56)
    bubble.curveTo(282, 48, 266, 46, 256, 54)
    bubble.closePath()
    group.add(bubble)
    jumble = Path(strokeColor=ink.alarm, strokeWidth=1.6, fillColor=None, strokeLineCap=1, strokeLineJoin=1)
    jumble.moveTo(258, 68)
    for x, y in ((262, 76), (265, 62), (269, 78), (273, 63), (276, 74), (280, 66), (285, 71)):
        jumble.lineTo(x, y)
    group.add(jumble)
    for panel, left, digit in ((face, 0.0, "1"), (arm, 102.0, "2"), (speech, 204.0, "3")):
        panel.add(_numeral(ink, left + 84, 94, digit))  # last: over the speech bubble's edge
    return _in_reading_order(ink, (face, arm, speech), pitch=102)


def _eye(ink: _Ink, cx: float, cy: float, closed: bool) -> Group:
    eye = Group()
    if closed:
        lid = Path(strokeColor=ink.line, strokeWidth=1.6, fillColor=None, strokeLineCap=1)
        lid.moveTo(cx - 22, cy)
        lid.curveTo(cx - 10, cy - 10, cx + 10, cy - 10, cx + 22, cy)
        eye.add(lid)
        for dx in (-12, 0, 12):
            eye.add(Line(cx + dx, cy - 7.5 + abs(dx) * 0.12, cx + dx * 1.2, cy - 13, strokeColor=ink.line, strokeWidth=1.1))
        return eye
    shape = Path(fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.4)
    shape.moveTo(cx - 22, cy)
    shape.curveTo(cx - 10, cy + 14, cx + 10, cy + 14, cx + 22, cy)
    shape.curveTo(cx + 10, cy - 14, cx - 10, cy - 14, cx - 22, cy)
    shape.closePath()
    eye.add(shape)
    eye.add(Circle(cx, cy, 7, fillColor=ink.main, strokeColor=None))
    eye.add(Circle(cx, cy, 3, fillColor=ink.line, strokeColor=None))
    return eye


def _eye_care(ink: _Ink) -> Group:
    """Eye care when the eyelid cannot close: 1 by day (a sun), drops of artificial tears into the
    open eye; 2 at night (a moon), the closed eye under a clear protective cover."""
    day, night = Group(_panel(0, 4, 96, 102, ink)), Group(_panel(104, 4, 96, 102, ink))
    group = day
    for ray in range(8):  # 1: the sun, top left
        angle = ray * math.pi / 4
        group.add(Line(16 + 8 * math.cos(angle), 90 + 8 * math.sin(angle), 16 + 12 * math.cos(angle), 90 + 12 * math.sin(angle),
                       strokeColor=ink.line, strokeWidth=1.2))
    group.add(Circle(16, 90, 5, fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.2))
    group.add(_eye(ink, 48, 28, closed=False))
    bottle = Path(fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.3)  # a dropper bottle, tip down
    bottle.moveTo(40, 92)
    bottle.lineTo(56, 92)
    bottle.lineTo(56, 72)
    bottle.lineTo(51, 66)
    bottle.lineTo(49, 60)
    bottle.lineTo(47, 60)
    bottle.lineTo(45, 66)
    bottle.lineTo(40, 72)
    bottle.closePath()
    group.add(bottle)
    group.add(Rect(40, 80, 16, 6, fillColor=ink.main, strokeColor=None))
    drop = Path(fillColor=ink.main, strokeColor=None)
    drop.moveTo(48, 55)
    drop.curveTo(46, 50, 44, 48, 44, 46)
    drop.curveTo(44, 42, 52, 42, 52, 46)
    drop.curveTo(52, 48, 50, 50, 48, 55)
    drop.closePath()
    group.add(drop)
    group = night
    moon = Path(fillColor=ink.line, strokeColor=None)  # 2: the moon, top left
    moon.moveTo(122, 100)
    moon.curveTo(108, 98, 108, 78, 122, 76)
    moon.curveTo(114, 82, 114, 94, 122, 100)
    moon.closePath()
    group.add(moon)
    group.add(_eye(ink, 152, 46, closed=True))
    group.add(Ellipse(152, 44, 30, 22, fillColor=None, strokeColor=ink.main, strokeWidth=2.4))  # the eye cover
    group.add(Line(122, 48, 106, 56, strokeColor=ink.main, strokeWidth=2))
    group.add(Line(182, 48, 198, 56, strokeColor=ink.main, strokeWidth=2))
    day.add(_numeral(ink, 84, 94, "1"))
    night.add(_numeral(ink, 188, 94, "2"))
    return _in_reading_order(ink, (day, night), pitch=104)


def _bring_medicines(ink: _Ink) -> Group:
    """A bag holding everything taken — a pill bottle, a strip of tablets, a box of herbs, a tea
    bag — to bring, in its packaging, to every visit."""
    group = Group(_panel(0, 4, 200, 142, ink))
    for x in (52, 148):  # the handles, behind what the bag holds
        handle = Path(strokeColor=ink.line, strokeWidth=2, fillColor=None)
        handle.moveTo(x - 14, 76)
        handle.curveTo(x - 14, 132, x + 14, 132, x + 14, 76)
        group.add(handle)
    bottle = Group(
        Rect(46, 64, 28, 44, rx=3, ry=3, fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.3),
        Rect(43, 108, 34, 10, rx=2, ry=2, fillColor=ink.main, strokeColor=None),
        Rect(50, 76, 20, 16, fillColor=ink.soft, strokeColor=None),  # its label
    )
    group.add(bottle)
    strip = Group(Rect(80, 66, 26, 52, rx=2, ry=2, fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.3))
    for row in range(4):
        for col in range(2):
            strip.add(Circle(87 + col * 12, 76 + row * 11, 3.4, fillColor=ink.main, strokeColor=None))
    group.add(strip)
    herbs = Group(Rect(110, 64, 34, 48, rx=2, ry=2, fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.3))
    leaf = Path(fillColor=ink.main, strokeColor=None)
    leaf.moveTo(118, 78)
    leaf.curveTo(118, 94, 130, 102, 138, 102)
    leaf.curveTo(138, 88, 130, 78, 118, 78)
    leaf.closePath()
    herbs.add(leaf)
    herbs.add(Line(118, 78, 133, 96, strokeColor=ink.paper, strokeWidth=1))
    group.add(herbs)
    group.add(Rect(148, 70, 22, 26, rx=2, ry=2, fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.2))  # a tea bag
    group.add(Line(159, 96, 161, 120, strokeColor=ink.line, strokeWidth=0.9))
    group.add(Rect(156, 120, 12, 9, fillColor=ink.main, strokeColor=None))
    bag = Path(fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.5)
    bag.moveTo(30, 76)
    bag.lineTo(170, 76)
    bag.lineTo(160, 14)
    bag.lineTo(40, 14)
    bag.closePath()
    group.add(bag)
    group.add(Rect(80, 36, 40, 16, rx=3, ry=3, fillColor=ink.main, strokeColor=None))
    return group


def _needle_pack(ink: _Ink) -> Group:
    """An acupuncture needle in its own sealed pack, and the "do not reuse" symbol (ISO 7000-1051:
    a 2 in a circle, struck through) that single-use packs carry."""
    group = Group(_panel(0, 4, 200, 102, ink))
    pack = Path(fillColor=ink.paper, strokeColor=ink.line, strokeWidth=1.3)
    pack.moveTo(14, 40)
    pack.lineTo(14, 70)
    for step in range(12):  # the sealed, zigzag edge
        pack.lineTo(18 + step * 8, 74 if step % 2 == 0 else 70)
    pack.lineTo(112, 70)
    pack.lineTo(112, 40)
    for step in range(12):
        pack.lineTo(108 - step * 8, 36 if step % 2 == 0 else 40)
    pack.closePath()
    group.add(pack)
    group.add(Line(28, 55, 104, 55, strokeColor=ink.line, strokeWidth=0.8))  # the needle itself
    group.add(Rect(22, 51, 20, 8, rx=2, ry=2, fillColor=ink.main, strokeColor=None))  # its handle
    group.add(Circle(150, 55, 26, fillColor=ink.paper, strokeColor=ink.alarm, strokeWidth=3))
    group.add(String(150, 44, "2", fontSize=30, fillColor=ink.line, textAnchor="middle"))
    group.add(Line(132, 37, 168, 73, strokeColor=ink.alarm, strokeWidth=3))
    return group


def _syringe(ink: _Ink, x: float, y: float) -> Group:
    """A small syringe standing on its needle, its tip at (x, y)."""
    return Group(
        Line(x, y, x, y + 6, strokeColor=ink.line, strokeWidth=1),
        Rect(x - 3.5, y + 6, 7, 16, rx=1, ry=1, fillColor=ink.main, strokeColor=ink.line, strokeWidth=0.8),
        Line(x, y + 22, x, y + 27, strokeColor=ink.line, strokeWidth=1.2),
        Line(x - 4.5, y + 27, x + 4.5, y + 27, strokeColor=ink.line, strokeWidth=1.4),
    )


def _injection_cycle(ink: _Ink) -> Group:
    """How much the face twitches (the red line) over a year of injections every 3 months: each
    one (a syringe on the time line) brings the spasms down within days; they creep back as it
    wears off, and the next one brings them down again. The time line counts months: 0 3 6 9 12,
    running the way the handout reads (from the right in Arabic and Persian); the digits
    themselves are never mirrored."""
    width = 300.0
    group = Group(_panel(0, 4, width, 102, ink))
    chart = Group()
    left, right, base = 14.0, 288.0, 34.0
    first = left + 14
    step = (right - 12 - first) / 4  # 3 months
    high, low = 90.0, base + 14
    chart.add(Line(left, base, right, base, strokeColor=ink.line, strokeWidth=1.2))
    level = Path(strokeColor=ink.alarm, strokeWidth=2.2, fillColor=None, strokeLineCap=1, strokeLineJoin=1)
    level.moveTo(left, high)
    for n in range(4):
        x = first + n * step
        level.lineTo(x, high)
        level.curveTo(x + 6, high, x + 8, low, x + 14, low)  # it works within days
        level.lineTo(x + step - 34, low)
        level.curveTo(x + step - 14, low, x + step - 8, high, x + step, high)  # and slowly wears off
    level.lineTo(right, high)
    chart.add(level)
    for n in range(5):
        x = first + n * step
        chart.add(Line(x, base, x, base - 4, strokeColor=ink.line, strokeWidth=1))
        if n < 4:
            chart.add(_syringe(ink, x, base + 1))
        label_x = width - x if ink.right_to_left else x
        group.add(String(label_x, base - 16, str(3 * n), fontSize=10, fillColor=ink.line, textAnchor="middle"))
    if ink.right_to_left:
        chart.transform = (-1, 0, 0, 1, width, 0)
    group.add(chart)
    return group

_DRAWINGS = {  # name: (how to draw it, its width in points in a standard handout, the box it is drawn in)
    "face-spasm": (_face_spasm, 140, (WIDTH, HEIGHT)),
    "nerve-and-vessel": (_nerve_and_vessel, 210, (WIDTH, HEIGHT)),
    "injection-sites": (_injection_sites, 140, (WIDTH, HEIGHT)),
    "mri-scan": (_mri_scan, 150, (WIDTH, HEIGHT)),
    "stroke-signs": (_stroke_signs, 252, (300.0, 110.0)),
    "eye-care": (_eye_care, 170, (200.0, 110.0)),
    "bring-medicines": (_bring_medicines, 130, (WIDTH, HEIGHT)),
    "needle-pack": (_needle_pack, 150, (200.0, 110.0)),
    "injection-cycle": (_injection_cycle, 270, (300.0, 110.0)),
}
