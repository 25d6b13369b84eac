"""Semantic structure while drawing: which marked content on which page belongs to which element.

ReportLab has no tagging engine. Each page's content stream is opened as an artifact; a `Tagged`
flowable closes the artifact, draws its flowable inside `/Role <</MCID n>> BDC … EMC`, and reopens it,
so anything drawn outside a tagged flowable (box backgrounds, rules, write-in lines, running
headers and footers) is an artifact by construction. Each `Node` records the (page, MCID) pairs
drawn for it; `render.pdfua` turns the node tree into the PDF structure tree afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from reportlab.platypus import Flowable, Paragraph

ARTIFACT_OPEN = "/Artifact BMC"
ARTIFACT_CLOSE = "EMC"


@dataclass
class Mark:
    """One marked-content sequence: page number (1-based), MCID on that page, and what it says."""

    page: int
    mcid: int
    actual_text: str | None = None
    box: tuple[float, float, float, float] | None = None  # where it was drawn, in page coordinates


@dataclass(eq=False)
class Node:
    """A structure element: role (H1, P, L, LI, Lbl, LBody, Div, Figure, Link…) and its kids in order."""

    role: str
    kids: list[Union["Node", Mark]] = field(default_factory=list)
    alt: str | None = None
    lang: str | None = None
    title: str | None = None  # headings: the bookmark text
    scope: str | None = None  # table headers: "Column" or "Row"

    def add(self, role: str, **attributes) -> "Node":
        child = Node(role, **attributes)
        self.kids.append(child)
        return child

    def walk(self):
        yield self
        for kid in self.kids:
            if isinstance(kid, Node):
                yield from kid.walk()


def next_mcid(canvas) -> int:
    """MCIDs count from 0 on every page."""
    counters = canvas.__dict__.setdefault("_hfs_mcids", {})
    page = canvas.getPageNumber()
    counters[page] = counters.get(page, -1) + 1
    return counters[page]


def begin_marked(canvas, node: Node, actual_text: str | None = None, size: tuple[float, float] | None = None) -> None:
    mcid = next_mcid(canvas)
    box = None
    if size is not None:
        x, y = canvas._currentMatrix[4], canvas._currentMatrix[5]
        box = (x, y, x + size[0], y + size[1])
    node.kids.append(Mark(canvas.getPageNumber(), mcid, actual_text, box))
    properties = f"<</MCID {mcid}" + (f" /ActualText {pdf_text_string(actual_text)}" if actual_text else "") + ">>"
    canvas.addLiteral(f"{ARTIFACT_CLOSE}\n/{node.role} {properties} BDC")


def end_marked(canvas) -> None:
    canvas.addLiteral(f"EMC\n{ARTIFACT_OPEN}")


def begin_pagination(canvas, subtype: str) -> None:
    """Running headers, footers and page numbers: artifacts a reader may announce as such (ISO 32000 14.8.2.2)."""
    canvas.addLiteral(f"{ARTIFACT_CLOSE}\n/Artifact <</Type /Pagination /Subtype /{subtype}>> BDC")


def pdf_text_string(text: str) -> str:
    """A PDF text string as UTF-16BE hex (safe for any script and any parenthesis)."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


class Tagged(Flowable):
    """Draw `flowable` as marked content of `node`; its split pieces stay parts of the same node."""

    def __init__(self, flowable: Flowable, node: Node, text_of=None):
        super().__init__()
        self.flowable = flowable
        self.node = node
        self.text_of = text_of  # flowable → the text a reader should hear (ActualText), or None
        self._wrapped_for: float | None = None

    # Layout is the wrapped flowable's own.
    def wrap(self, available_width, available_height):
        """Wrap the flowable; a paragraph already broken for this width is not broken again.

        ReportLab asks for the same wrap many times (frames, KeepTogether, balanced columns), and
        line breaking is most of a handout's layout time. A paragraph's height depends only on
        the width; its `blPara` holds the lines of its last wrap (splitting discards them) and its
        `width` the width they were broken for.
        """
        flowable = self.flowable
        reusable = (
            self._wrapped_for == available_width and isinstance(flowable, Paragraph)
            and getattr(flowable, "blPara", None) is not None and flowable.width == available_width
        )
        if not reusable:
            self.width, self.height = flowable.wrap(available_width, available_height)
            self._wrapped_for = available_width
        return self.width, self.height

    def split(self, available_width, available_height):
        return [Tagged(piece, self.node, self.text_of) for piece in self.flowable.split(available_width, available_height)]

    def getSpaceBefore(self):
        return self.flowable.getSpaceBefore()

    def getSpaceAfter(self):
        return self.flowable.getSpaceAfter()

    def getKeepWithNext(self):
        return self.flowable.getKeepWithNext()

    def minWidth(self):
        return self.flowable.minWidth()

    def draw(self):
        begin_marked(self.canv, self.node, self.text_of(self.flowable) if self.text_of else None, (self.width, self.height))
        self.flowable.drawOn(self.canv, 0, 0)
        end_marked(self.canv)

    @property
    def keepWithNext(self):
        return getattr(self.flowable, "keepWithNext", 0)

    def identity(self, maxLen=None):
        return f"Tagged({self.node.role}, {self.flowable.identity(maxLen)})"
