"""Text × locale → where a line may end (UAX #14 line breaking, through ICU).

ICU's line break rules carry the classes of every character and the tailorings CLREQ and JLREQ
ask for: no line starts with closing punctuation (，。、；：！？）」 …) and none ends with an
opening one (（「 …); "strict" also keeps small kana and the prolonged sound mark off a line's
start. ReportLab's CJK wrapping only pushes one character back, so "，" could start a line.
"""

from __future__ import annotations

from functools import lru_cache

import icu

from hfs_pdf.layout.bidi import python_indexes


@lru_cache(maxsize=None)
def _line_breaker(language: str) -> icu.BreakIterator:
    tailoring = "@lb=strict" if language in ("zh", "ja") else ""
    return icu.BreakIterator.createLineInstance(icu.Locale(language + tailoring))


def break_opportunities(text: str, language: str) -> list[int]:
    """Indexes (Python) where a line may end: the text before each one is a piece that stays whole.

    The last one is always `len(text)`. A piece keeps its trailing spaces; the layout does not
    count them at the end of a line.
    """
    if not text:
        return []
    breaker = _line_breaker(language)
    breaker.setText(text)
    index = python_indexes(text)
    return [index[offset] for offset in breaker if offset > 0]
