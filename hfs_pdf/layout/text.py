"""A drawn paragraph → the words a reader should hear (the marked content's /ActualText).

ReportLab drops the space at a soft line break, so copied or spoken text glues the last word of a
line to the first of the next ("willexplain"); shaped Arabic extracts as private-use glyph codes.
ActualText gives assistive technology the real text of exactly the lines drawn on this page.
"""

from __future__ import annotations

from reportlab.platypus import Paragraph

from hfs_pdf.layout.bidi import without_controls


def spoken_text(paragraph: Paragraph, line_joiner: str = " ") -> str | None:
    own = getattr(paragraph, "spoken_lines", None)  # right-to-left paragraphs know their logical lines
    if own is not None:
        return line_joiner.join(own)
    para = getattr(paragraph, "blPara", None)
    if para is None:
        return None
    lines = []
    for line in para.lines:
        if para.kind == 0:
            lines.append(" ".join(line[1]))
        else:
            lines.append("".join(_frag_text(frag) for frag in line.words).strip())
    return without_controls(line_joiner.join(line for line in lines if line))


def _frag_text(frag) -> str:
    text = getattr(frag, "text", "")
    if getattr(frag, "rise", 0) > 0 and text.strip():  # a superscript citation number
        return f" [{text.strip()}]"
    return text
