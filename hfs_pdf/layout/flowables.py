"""Custom flowables the handout needs beyond ReportLab's own: write-in lines, list rows, a QR code painter."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Table


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


@lru_cache(maxsize=8)
def qr_modules(url: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code's dark modules, row by row (ReportLab's own encoder, error correction M).

    Encoding is slow in pure Python and every document of a brand shows the same code, so a
    process encodes each URL once.
    """
    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(url)
    code.make()
    return tuple(tuple(bool(module) for module in row) for row in code.modules)


class Centred(Flowable):
    """A flowable that does not split (a drawing), centred in the width it is given.

    A table cell places its flowables at its left edge (or right, by the cell's alignment, for
    every flowable at once); a picture inside a coloured box should sit in the middle of it."""

    def __init__(self, flowable: Flowable):
        super().__init__()
        self.flowable = flowable

    def wrap(self, available_width, available_height):
        inner_width, self.height = self.flowable.wrap(available_width, available_height)
        self.width = max(available_width, inner_width)
        self._inner_width = inner_width
        return self.width, self.height

    def draw(self):
        self.flowable.drawOn(self.canv, (self.width - self._inner_width) / 2, 0)


@dataclass(frozen=True)
class QrPainter:
    """Paints a QR code `size` points square, quiet zone included, as one filled path."""

    url: str
    size: float
    color: str
    quiet_zone: int = 4  # modules of light margin on every side, as the QR standard asks

    @property
    def width(self) -> float:
        return self.size

    def draw_on(self, canvas, x: float, y: float) -> None:
        modules = qr_modules(self.url)
        module = self.size / (len(modules) + 2 * self.quiet_zone)
        path = canvas.beginPath()
        for row_index, row in enumerate(modules):
            top = y + self.size - (row_index + self.quiet_zone + 1) * module
            column = 0
            for dark, run in groupby(row):
                length = len(list(run))
                if dark:
                    path.rect(x + (column + self.quiet_zone) * module, top, length * module, module)
                column += length
        canvas.saveState()
        canvas.setFillColor(HexColor(self.color))
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()


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
        if getattr(self, "_wrapped_for", None) == available_width:
            return self.width, self.height  # a row's height depends on the width only
        self._wrapped_for = available_width
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


class BalancedRows(Flowable):
    """Unsplittable rows set in `columns` columns of about equal height, in reading order.

    Used for the reference list. ReportLab's BalancedColumns finds its split by deep-copying and
    re-wrapping the whole list many times (a tenth of a document's render time, and copies of
    tagged flowables); list rows never split, so balancing them is a small search over row
    heights. Rows fill the first column top to bottom, then the next; across a page break the
    rows that fit stay, balanced, and the rest go on.
    """

    def __init__(self, rows: list[Flowable], columns: int, gap: float):
        super().__init__()
        self.rows, self.columns, self.gap = rows, columns, gap

    def _heights(self, available_width: float, available_height: float) -> list[float]:
        self._column_width = (available_width - self.gap * (self.columns - 1)) / self.columns
        return [row.wrap(self._column_width, available_height)[1] + row.getSpaceAfter() for row in self.rows]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        heights = self._heights(available_width, available_height)
        self._breaks, self.height = _balance(heights, self.columns)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        heights = self._heights(available_width, available_height)
        fitting = max((count for count in range(1, len(self.rows)) if _balance(heights[:count], self.columns)[1] <= available_height), default=0)
        if fitting == 0:
            return []
        return [
            BalancedRows(self.rows[:fitting], self.columns, self.gap),
            BalancedRows(self.rows[fitting:], self.columns, self.gap),
        ]

    def draw(self) -> None:
        starts = [0, *self._breaks]
        ends = [*self._breaks, len(self.rows)]
        for column, (start, end) in enumerate(zip(starts, ends)):
            x = column * (self._column_width + self.gap)
            top = self.height
            for row in self.rows[start:end]:
                top -= row.height
                row.drawOn(self.canv, x, top)
                top -= row.getSpaceAfter()


def _balance(heights: list[float], columns: int) -> tuple[list[int], float]:
    """Where to start each column after the first so that the tallest column is as short as possible.

    Tries each candidate height (the tallest a column could be made) from the smallest up and
    fills columns greedily; returns the row indexes that start columns 2…n and the height reached.
    """
    candidates = sorted({sum(heights[start:end]) for start in range(len(heights)) for end in range(start + 1, len(heights) + 1)})
    for limit in candidates:
        breaks, used = [], 0.0
        for index, height in enumerate(heights):
            if used + height > limit + 1e-6 and used > 0:
                breaks.append(index)
                used = 0.0
            used += height
        if len(breaks) < columns:
            column_heights = [sum(heights[a:b]) for a, b in zip([0, *breaks], [*breaks, len(heights)])]
            return breaks, max(column_heights, default=0.0)
    return [], sum(heights)


class RightToLeftTable(Table):
    """A table whose columns run from the right, drawn cell by cell from the right too.

    ReportLab draws each row's cells left to right; for a right-to-left table that is the reverse
    of reading order, and the tagged cells' marked content would come out of tag-tree order.
    Cells are queued while ReportLab draws the table and then drawn row by row, right to left
    (the grid and backgrounds are decoration: their order does not matter).
    """

    def draw(self) -> None:
        self._queued: list[tuple] = []
        super().draw()
        queued, self._queued = self._queued, None
        row: list[tuple] = []
        for cell in [*queued, None]:
            if row and (cell is None or cell[2][1] != row[0][2][1]):  # a new row starts at another height
                for waiting in reversed(row):
                    Table._drawCell(self, *waiting)
                row = []
            if cell is not None:
                row.append(cell)

    def _drawCell(self, cellval, cellstyle, pos, size) -> None:
        if getattr(self, "_queued", None) is None:
            return Table._drawCell(self, cellval, cellstyle, pos, size)
        self._queued.append((cellval, cellstyle, pos, size))
