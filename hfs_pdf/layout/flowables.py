"""Custom flowables the handout needs beyond ReportLab's own: write-in lines and a QR code."""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from hfs_pdf.layout.images import use_embedded_font


class WriteInLines(Flowable):
    """Ruled lines under a question, for the patient to write the doctor's answer."""

    def __init__(self, count: int, spacing: float, color: str):
        super().__init__()
        self.count, self.spacing, self.color = count, spacing, color

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.count * self.spacing

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(HexColor(self.color))
        canvas.setLineWidth(0.6)
        for index in range(self.count):
            y = (self.count - index - 1) * self.spacing + 1
            canvas.line(0, y, self.width, y)
        canvas.restoreState()


def qr_drawing(url: str, size: float, color: str, font_name: str) -> Drawing:
    """A QR code for `url`, `size` points square (ReportLab's own QR encoder)."""
    widget = QrCodeWidget(url, barLevel="M")
    widget.barFillColor = HexColor(color)
    x0, y0, x1, y1 = widget.getBounds()
    width, height = x1 - x0, y1 - y0
    drawing = Drawing(size, size, transform=[size / width, 0, 0, size / height, -x0 * size / width, -y0 * size / height])
    drawing.add(widget)
    return use_embedded_font(drawing, font_name)


class ListRow(Flowable):
    """One list item: its label (bullet or number) and its body, side by side.

    The label is drawn first so that drawing order matches reading order (Lbl, then LBody) in
    both directions; a right-to-left row puts the label on the right. A row is never split: list
    items are short, and a bullet without its text on the next page helps nobody.
    """

    def __init__(self, label: Flowable, body: list[Flowable], label_width: float, *, right_to_left: bool, space_after: float):
        super().__init__()
        self.label, self.body, self.label_width = label, body, label_width
        self.right_to_left = right_to_left
        self.spaceAfter = space_after

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        body_width = available_width - self.label_width
        self._label_height = self.label.wrap(self.label_width, available_height)[1]
        self._body_heights = [flowable.wrap(body_width, available_height)[1] for flowable in self.body]
        gaps = sum(flowable.getSpaceAfter() for flowable in self.body[:-1])
        self.height = max(self._label_height, sum(self._body_heights) + gaps)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        label_x = self.width - self.label_width if self.right_to_left else 0
        body_x = 0 if self.right_to_left else self.label_width
        self.label.drawOn(self.canv, label_x, self.height - self._label_height)
        top = self.height
        for flowable, height in zip(self.body, self._body_heights):
            top -= height
            flowable.drawOn(self.canv, body_x, top)
            top -= flowable.getSpaceAfter()
