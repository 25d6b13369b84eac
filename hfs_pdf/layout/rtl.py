"""Right-to-left paragraphs whose lines come out in reading order.

ReportLab 5.1 shapes a right-to-left paragraph as one run and then breaks the *visual* run into
lines, so a three-line Arabic paragraph prints its last line first. It shapes each `<br/>`-separated
line on its own, and those come out right. So this paragraph breaks its lines itself, in logical
order, from the measured width of each shaped word, and hands ReportLab one line per `<br/>`.
"""

from __future__ import annotations

import re

import uharfbuzz
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

_TOKEN = re.compile(r"(<[^>]+>)|([^<]+)")
_SAFETY = 2.0  # points kept free per line, so rounding never makes ReportLab wrap again


def markup_words(markup: str) -> list[str]:
    """Split paragraph markup at spaces into words that each carry their own open/close tags."""
    words: list[str] = []
    stack: list[str] = []
    current = ""
    has_text = False
    for tag, text in _TOKEN.findall(markup):
        if tag:
            if tag.startswith("</"):
                stack.pop()
            elif not tag.endswith("/>"):
                stack.append(tag)
            current += tag
            continue
        for index, part in enumerate(text.split(" ")):
            if index > 0:
                if has_text:
                    words.append(current + _closing(stack))
                current, has_text = "".join(stack), False
            current += part
            has_text = has_text or bool(part)
    if has_text:
        words.append(current)
    return words


_TAG_NAME = re.compile(r"<(\w+)")


def _closing(stack: list[str]) -> str:
    return "".join("</" + _TAG_NAME.match(tag).group(1) + ">" for tag in reversed(stack))


class RightToLeftParagraph(Paragraph):
    """A Paragraph that breaks its own lines (in logical order) before ReportLab sees them."""

    def __init__(self, text: str | None, style, **kwargs):
        self._source = text  # None for the pieces ReportLab makes when it splits a paragraph
        self._broken_for: float | None = None
        self.spoken_lines: list[str] | None = None  # the logical text of each drawn line
        super().__init__(text, style, **kwargs)

    def wrap(self, available_width: float, available_height: float):
        if self._source is not None and self._broken_for != available_width:
            lines = self._break_lines(available_width - self.style.leftIndent - self.style.rightIndent - _SAFETY)
            Paragraph.__init__(self, "<br/>".join(lines), self.style)
            self.spoken_lines = [_plain(line) for line in lines]
            self._broken_for = available_width
        return super().wrap(available_width, available_height)

    def split(self, available_width: float, available_height: float):
        self.wrap(available_width, available_height)
        pieces = super().split(available_width, available_height)
        if self.spoken_lines is not None and len(pieces) == 2:
            # the first piece holds the lines that fit on this page, the second the rest
            fitted = len(pieces[0].blPara.lines)
            pieces[0].spoken_lines, pieces[1].spoken_lines = self.spoken_lines[:fitted], self.spoken_lines[fitted:]
        return pieces

    def _break_lines(self, width: float) -> list[str]:
        space = pdfmetrics.stringWidth(" ", self.style.fontName, self.style.fontSize)
        lines: list[list[str]] = [[]]
        used = 0.0
        for word in markup_words(self._source):
            size = _word_width(word, self.style)
            if lines[-1] and used + space + size > width:
                lines.append([])
                used = 0.0
            used += (space if lines[-1] else 0.0) + size
            lines[-1].append(word)
        return [" ".join(line) for line in lines]


def _plain(markup: str) -> str:
    """Line markup → its text: tags dropped, entities decoded, citation numbers in brackets."""
    from xml.sax.saxutils import unescape

    markup = re.sub(r"<super>([^<]*)</super>", lambda m: f" [{m.group(1)}]" if m.group(1).strip(",") else "", markup)
    return unescape(re.sub(r"<[^>]+>", "", markup), {"&quot;": '"'})


_WORD_WIDTHS: dict[tuple, float] = {}
"""Shaped word widths already measured for this document: words recur, and shaping one costs a
whole Paragraph. Kept per document, because measuring shapes the word, and what was shaped
before decides private-use code points in the PDF (see `fonts.reset_shaping`)."""


def forget_word_widths() -> None:
    _WORD_WIDTHS.clear()


def _word_width(word: str, style) -> float:
    key = (word, style.fontName, style.fontSize, getattr(style, "shaping", 0))
    width = _WORD_WIDTHS.get(key)
    if width is None:
        if "<" in word or "&" in word:  # styled or escaped: let ReportLab measure it as it will set it
            probe = Paragraph(word, style)
            probe.wrap(1e6, 1e6)
            width = max(probe.getActualLineWidths0() or [0.0])
        else:
            width = shaped_width(word, style.fontName, style.fontSize)
        _WORD_WIDTHS[key] = width
    return width


def shaped_width(text: str, font_name: str, font_size: float) -> float:
    """The width of `text` as HarfBuzz shapes it, with the features ReportLab asks for.

    The same figure a one-word Paragraph reports, at a tenth of the cost, and without touching
    ReportLab's shaping state (the private-use numbering of joined letter forms).
    """
    font = pdfmetrics.getFont(font_name)
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    uharfbuzz.shape(uharfbuzz.Font(font.hbFace), buffer, {"kern": True, "liga": True, "dlig": True})
    return font.pdfScale(sum(position.x_advance for position in buffer.glyph_positions)) * font_size / 1000
