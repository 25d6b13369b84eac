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
