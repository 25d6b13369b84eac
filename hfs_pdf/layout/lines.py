"""Paragraph markup → lines broken in logical order (UAX #14), each drawn in visual order (UAX #9)
from HarfBuzz glyphs.

ReportLab 5.1 cannot set these scripts right: it lays a right-to-left line's words out left to
right (it has no bidi algorithm), gives shaped glyphs the width of their first occurrence in
/Widths, and its CJK wrapping lets "，" start a line. This paragraph does the three steps
itself, with maintained implementations of each: ICU breaks the lines (linebreak), ICU orders
each line's runs (bidi), HarfBuzz shapes every run in its own direction (glyphs), and ReportLab
only writes the glyphs where they were placed.

It keeps the interface the rest of the layout relies on (wrap, split, draw, the text of each
drawn line for /ActualText), so lists, boxes, table cells, the header band, footers and print
pack sheets all draw right-to-left and CJK text through this one path.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Callable

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paraparser import ParaParser

from hfs_pdf.layout.bidi import BidiParagraph, without_controls
from hfs_pdf.layout.numerals import digit_table, native_digits
from hfs_pdf.layout.glyphs import Glyphs, shape
from hfs_pdf.layout.linebreak import break_opportunities

_SPACES = " \u00a0\n\t"
_FUZZ = 1e-6


@dataclass(frozen=True)
class Segment:
    """Part of a drawn line in one direction and one style, shaped, with its place on the line."""

    start: int
    end: int
    frag: object  # ReportLab's fragment: fontName, fontSize, textColor, rise, link
    glyphs: Glyphs
    x: float  # left edge, from the paragraph's left edge


class _Source:
    """A paragraph's text, parsed once: its characters, the style fragment each belongs to, the
    pieces a line may not split, and their widths (which do not depend on the line width)."""

    def __init__(self, markup: str, style, language: str, right_to_left: bool, own_digits: bool = True):
        _, frags, _ = ParaParser().parse(markup, style)
        self.frags = [frag for frag in frags if getattr(frag, "text", "")]
        if own_digits and digit_table(language):  # Persian prints ۰–۹ (layout.numerals); a link's address stays as typed
            for frag in self.frags:
                if not _url(frag):
                    frag.text = native_digits(frag.text, language)
        self.text = "".join(frag.text for frag in self.frags)
        self.codepoints = [ord(char) for char in self.text]
        self.starts: list[int] = []  # where each fragment starts in `text`
        position = 0
        for frag in self.frags:
            self.starts.append(position)
            position += len(frag.text)
        self.language = language
        self.right_to_left = right_to_left
        ends = break_opportunities(self.text, language)
        self.pieces = list(zip([0, *ends[:-1]], ends))
        self.piece_starts = [start for start, _ in self.pieces]
        self._widths: dict[int, tuple[float, float]] = {}

    @cached_property
    def bidi(self) -> BidiParagraph:
        return BidiParagraph(self.text, self.right_to_left)

    def frag_index(self, position: int) -> int:
        return bisect_right(self.starts, position) - 1

    def style_runs(self, start: int, end: int) -> list[tuple[int, int, object]]:
        """`start:end` cut where the style changes, in logical order."""
        runs = []
        index = self.frag_index(start)
        while start < end:
            frag_end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
            stop = min(end, frag_end)
            runs.append((start, stop, self.frags[index]))
            start, index = stop, index + 1
        return runs

    def measure(self, start: int, end: int) -> float:
        """Advance of `start:end`, shaped in the direction HarfBuzz guesses (enough for a width)."""
        return sum(
            shape(self.codepoints, a, b, frag.fontName, frag.fontSize, None, self.language).width
            for a, b, frag in self.style_runs(start, end)
        )

    def piece_widths(self, index: int) -> tuple[float, float]:
        """A piece's width without its trailing spaces (what a line ending there holds) and with them."""
        widths = self._widths.get(index)
        if widths is None:
            start, end = self.pieces[index]
            core_end = _strip_end(self.text, start, end)
            core = self.measure(start, core_end)
            widths = self._widths[index] = (core, core + (self.measure(core_end, end) if core_end < end else 0.0))
        return widths

    def spoken(self, start: int, end: int) -> str:
        """The text a reader should hear for `start:end`: citation numbers as " [n]", no controls."""
        parts = []
        for a, b, frag in self.style_runs(start, end):
            text = without_controls(self.text[a:b])
            if getattr(frag, "rise", 0) > 0:
                number = text.strip().strip(",")
                text = f" [{number}]" if number else ""
            parts.append(text)
        return " ".join("".join(parts).split())


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _SPACES:
        end -= 1
    return end


class ShapedParagraph(Flowable):
    """A paragraph that breaks, orders and shapes its own lines; see the module docstring."""

    def __init__(self, markup: str, style, *, language: str, right_to_left: bool, own_digits: bool = True):
        """`own_digits=False` keeps 0–9 even where the language has digits of its own (a phone number to dial)."""
        source = _Source(markup, style, language, right_to_left, own_digits)
        self._set_up(style, source, (0, len(source.text)))

    def _set_up(self, style, source: _Source, span: tuple[int, int]) -> None:
        Flowable.__init__(self)
        self.style, self._source, self._span = style, source, span
        self._broken_for: float | None = None
        self.lines: list[tuple[int, int]] = []  # (start, end) of each line in the source text
        self.width = self.height = 0.0

    def _piece(self, lines: list[tuple[int, int]], width: float) -> "ShapedParagraph":
        """Part of this paragraph (what a page split leaves on each side), already broken for `width`;
        broken again from its own text if it is later laid out at another width."""
        piece = ShapedParagraph.__new__(ShapedParagraph)
        piece._set_up(self.style, self._source, (lines[0][0], lines[-1][1]))
        piece.lines, piece._broken_for = lines, width
        return piece

    # -- layout ------------------------------------------------------------------------------
    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._broken_for != available_width:
            self.lines = self._break(available_width - self.style.leftIndent - self.style.rightIndent)
            self._broken_for = available_width
            self.__dict__.pop("_drawn", None)
        self.width = available_width
        self.height = len(self.lines) * self.style.leading
        return self.width, self.height

    def _break(self, width: float) -> list[tuple[int, int]]:
        source = self._source
        span_start, span_end = self._span
        first = max(0, bisect_right(source.piece_starts, span_start) - 1)
        lines: list[tuple[int, int]] = []
        line_start, used, pending = span_start, 0.0, 0.0
        for index in range(first, len(source.pieces)):
            start, end = source.pieces[index]
            if start >= span_end:
                break
            core, full = source.piece_widths(index)
            if used > 0 and used + pending + core > width + _FUZZ:
                lines.append((line_start, start))
                line_start, used, pending = start, 0.0, 0.0
            used += pending + core
            pending = full - core
        if _strip_end(source.text, line_start, span_end) > line_start:
            lines.append((line_start, span_end))
        return lines

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """Widows and orphans as ReportLab's Paragraph treats them: with neither allowed, no line
        is left alone at the foot of a page or the head of the next."""
        self.wrap(available_width, available_height)
        style = self.style
        count = len(self.lines)
        fitting = int(available_height / style.leading)
        if fitting == 0 or (not style.allowOrphans and fitting <= 1):
            return []
        if count <= fitting:
            return [self]
        if not style.allowWidows and count == fitting + 1:
            if (style.allowOrphans and count == 3) or count > 3:
                fitting -= 1
            else:
                return []
        return [self._piece(self.lines[:fitting], available_width), self._piece(self.lines[fitting:], available_width)]

    def minWidth(self) -> float:
        widest = max((self._source.piece_widths(i)[0] for i in range(len(self._source.pieces))), default=0.0)
        return widest + self.style.leftIndent + self.style.rightIndent

    def getActualLineWidths0(self) -> list[float]:
        return [sum(segment.glyphs.width for segment in line) for line in self._drawn]

    @property
    def spoken_lines(self) -> list[str]:
        """The logical text of each drawn line: what /ActualText says for this piece."""
        return [self._source.spoken(start, end) for start, end in self.lines]

    # -- drawing -----------------------------------------------------------------------------
    @cached_property
    def _drawn(self) -> list[list[Segment]]:
        return [self._line_segments(start, end) for start, end in self.lines]

    def _line_segments(self, start: int, end: int) -> list[Segment]:
        """A line's segments left to right: its directional runs in visual order (UAX #9 L2), each
        cut where the style changes (in a right-to-left run the later cut comes first), shaped."""
        source = self._source
        end = _strip_end(source.text, start, end)
        segments: list[Segment] = []
        x = 0.0
        for run in source.bidi.line_runs(start, end):
            parts = source.style_runs(run.start, run.end)
            if run.right_to_left:
                parts.reverse()
            for a, b, frag in parts:
                glyphs = shape(source.codepoints, a, b, frag.fontName, frag.fontSize, run.right_to_left, source.language)
                segments.append(Segment(a, b, frag, glyphs, x))
                x += glyphs.width
        return segments

    def draw(self) -> None:
        canvas, style = self.canv, self.style
        available = self.width - style.leftIndent - style.rightIndent
        baseline = self.height - style.fontSize
        for segments in self._drawn:
            line_width = sum(segment.glyphs.width for segment in segments)
            offset = style.leftIndent
            if style.alignment == TA_RIGHT:
                offset += available - line_width
            elif style.alignment == TA_CENTER:
                offset += (available - line_width) / 2
            text = canvas.beginText()
            for segment in segments:
                frag = segment.frag
                text.setTextOrigin(offset + segment.x, baseline)
                text.setFont(frag.fontName, frag.fontSize)
                text.setFillColor(frag.textColor)
                text.setRise(frag.rise)
                text.textOut(segment.glyphs.text)
            canvas.drawText(text)
            self._links(segments, offset, baseline)
            baseline -= style.leading

    def _links(self, segments: list[Segment], offset: float, baseline: float) -> None:
        """One link annotation per stretch of a line that points at the same address."""
        stretch: list = []  # [url, left, right]
        for segment in [*segments, None]:
            link = _url(segment.frag) if segment is not None else None
            if stretch and link != stretch[0]:
                low = baseline - self.style.fontSize / 8
                self.canv.linkURL(stretch[0], (offset + stretch[1], low, offset + stretch[2], low + self.style.leading),
                                  relative=1, thickness=0)
                stretch = []
            if link:
                if stretch:
                    stretch[2] = segment.x + segment.glyphs.width
                else:
                    stretch = [link, segment.x, segment.x + segment.glyphs.width]

    def identity(self, maxLen=None) -> str:
        start, end = self._span
        return f"ShapedParagraph({self._source.text[start:end][:maxLen or 40]!r})"


def _url(frag) -> str | None:
    links = getattr(frag, "link", None)
    return links[0][1] if links else None


ParagraphMaker = Callable[[str, object], Flowable]


def paragraph_maker(language: str, right_to_left: bool, own_lines: bool) -> ParagraphMaker:
    """How a script's paragraphs are made: through this module when it must break or order its
    own lines (right to left, Chinese, Japanese), else ReportLab's Paragraph (Latin, Cyrillic,
    Korean, which breaks at spaces)."""
    if not own_lines:
        return Paragraph
    return lambda markup, style: ShapedParagraph(markup, style, language=language, right_to_left=right_to_left)
