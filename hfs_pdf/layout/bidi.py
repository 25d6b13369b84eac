"""A printed line in logical order → its directional runs in visual order (UAX #9, through ICU).

ReportLab 5.1 has no bidirectional algorithm (its `rlbidi` hook is not on PyPI), so it set every
right-to-left line's words left to right. ICU's `ubidi` is the reference-grade implementation:
isolates, paired brackets, the current Unicode version. It is applied per printed line, after
the line was broken in logical order, as UAX #9 §3.4 asks; each run is then shaped by HarfBuzz in
its own direction (which also mirrors brackets in right-to-left runs).

Two things the algorithm cannot know are settled before it runs, in `isolate` and
`keep_numbers_whole`: a value filled into a sentence (a phone number, the clinic's name) is one
unit, and "100 000" with a space as group separator is one number, not two that trade places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import icu

FSI, LRI, PDI = "\u2068", "\u2066", "\u2069"
NO_BREAK_SPACE = "\u00a0"
CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2060")
"""Directional marks, embeddings, overrides and isolates (they steer the algorithm) and the word
joiner (it steers line breaking): none of them draws anything."""

_STRONG_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")


@dataclass(frozen=True)
class Run:
    """Characters `start:end` of a line (Python indexes), all in one direction."""

    start: int
    end: int
    right_to_left: bool


class BidiParagraph:
    """A paragraph's embedding levels (UAX #9 rules P–I, over the whole paragraph), from which
    each printed line takes its runs (rules L1–L2, per line)."""

    def __init__(self, text: str, right_to_left: bool):
        self.text = text
        self.right_to_left = right_to_left
        self._bidi = None
        if right_to_left or _STRONG_RTL.search(text):
            self._bidi = icu.Bidi()
            self._bidi.setPara(icu.UnicodeString(text), 1 if right_to_left else 0)
            self._utf16 = utf16_offsets(text)
            self._index = python_indexes(text)

    def line_runs(self, start: int, end: int) -> list[Run]:
        """Characters `start:end` (one printed line) as directional runs, left to right as drawn."""
        if end <= start:
            return []
        if self._bidi is None:
            return [Run(start, end, False)]  # left-to-right text with nothing to reorder
        line = self._bidi.setLine(self._utf16[start], self._utf16[end])
        base = self._utf16[start]
        runs = []
        for number in range(line.countRuns()):
            run_start, length, direction = line.getVisualRun(number)
            runs.append(Run(self._index[base + run_start], self._index[base + run_start + length], direction == 1))
        return runs


def utf16_offsets(text: str) -> list[int]:
    """Python string index → UTF-16 offset, for every index up to the end."""
    offsets, offset = [], 0
    for char in text:
        offsets.append(offset)
        offset += 2 if ord(char) > 0xFFFF else 1
    offsets.append(offset)
    return offsets


def python_indexes(text: str) -> list[int]:
    """UTF-16 offset (ICU's unit) → Python string index, for every offset up to the end."""
    index: list[int] = []
    for position, char in enumerate(text):
        index.append(position)
        if ord(char) > 0xFFFF:
            index.append(position)
    index.append(len(text))
    return index


def isolate(value: str) -> str:
    """A value filled into a sentence, as one directional unit (First Strong Isolate).

    "(555) 010-0142" inside Arabic would otherwise print as "010-0142 (555)", and an English
    clinic name could trade places with the Arabic words around it.
    """
    return FSI + value + PDI if value else value


_GROUPED_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d])")
_NUMBER_LABEL = re.compile(r"(?<!\S)\d{1,2}: ")
_PHONE = re.compile(r"\(\d+\)[ \u00a0]?\d[\d\u00a0 -]*\d")


def keep_numbers_whole(text: str, right_to_left: bool = True) -> str:
    """Numbers that contain spaces, made unbreakable units: "100 000", "(555) 010-0142", and a
    number label such as "2: " kept with the word after it.

    A space between digit groups becomes a no-break space, so line breaking never splits the
    number (in any language) and, being bidi class CS, it keeps the digits in one run in
    right-to-left text; there a phone number written with its area code in parentheses is also
    isolated left to right.
    """
    text = _GROUPED_NUMBER.sub(lambda match: match.group(0).replace(" ", NO_BREAK_SPACE), text)
    text = _NUMBER_LABEL.sub(lambda match: match.group(0)[:-1] + NO_BREAK_SPACE, text)  # "2: after MVD" stays together
    isolated = (lambda match: LRI + match.group(0).replace(" ", NO_BREAK_SPACE) + PDI) if right_to_left else (
        lambda match: match.group(0).replace(" ", NO_BREAK_SPACE))
    return _PHONE.sub(isolated, text)


def without_controls(text: str) -> str:
    """The text a reader hears: directional controls dropped, no-break spaces as spaces."""
    return "".join(char for char in text if char not in CONTROLS).replace(NO_BREAK_SPACE, " ")
