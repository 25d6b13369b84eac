"""Layout → PDF bytes. Pure: nothing is written to disk here."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from io import BytesIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from hfs_pdf.layout import Layout
from hfs_pdf.layout.page import PageDecoration
from hfs_pdf.layout.structure import ARTIFACT_CLOSE, ARTIFACT_OPEN
from hfs_pdf.render.pdfua import make_accessible
from hfs_pdf.render.shaped import private_use_text


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int


class _DecoratedCanvas(Canvas):
    """Holds finished pages back until the end, so decoration can say "page X of Y".

    Each page's state is kept at showPage and replayed at save, when the total is known.
    """

    def __init__(self, *args, decorate: PageDecoration, **kwargs):
        super().__init__(*args, **kwargs)
        self._decorate = decorate
        self._held_pages: list[dict] = []
        self.addLiteral(ARTIFACT_OPEN)  # everything not explicitly tagged is an artifact

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()
        self.addLiteral(ARTIFACT_OPEN)

    def save(self) -> None:
        total = len(self._held_pages)
        for state in self._held_pages:
            self.__dict__.update(state)
            self._decorate.every_page(self, self._pageNumber, total)
            self.addLiteral(ARTIFACT_CLOSE)
            super().showPage()
        super().save()


def render_pdf(layout: Layout) -> RenderedPdf:
    buffer = BytesIO()
    info = layout.info
    geometry = layout.geometry
    doc = BaseDocTemplate(
        buffer,
        pagesize=geometry.size,
        title=info.title,
        author=info.author,
        subject=info.subject,
        keywords=list(info.keywords),
        creator=info.creator,
        lang=info.language,
        displayDocTitle=True,
        invariant=1,  # no creation timestamp or random document id: same input, same bytes
        initialFontName=layout.fonts.regular,  # otherwise every page names unembedded Helvetica
        initialFontSize=10,
        leftMargin=geometry.first.x,
        rightMargin=geometry.first.x,
    )
    first, later = geometry.first, geometry.later
    doc.addPageTemplates(
        [
            PageTemplate(
                "first",
                [Frame(first.x, first.y, first.width, first.height, id="first", **_NO_PADDING)],
                onPage=lambda canvas, doc: layout.decorate.first_page(canvas),
                autoNextPageTemplate="later",
            ),
            PageTemplate("later", [Frame(later.x, later.y, later.width, later.height, id="later", **_NO_PADDING)]),
        ]
    )
    doc.build(list(layout.story), canvasmaker=partial(_DecoratedCanvas, decorate=layout.decorate))
    shaped = private_use_text((layout.fonts.regular, layout.fonts.bold, *layout.more_fonts))
    data = make_accessible(buffer.getvalue(), layout.structure, info, shaped)
    return RenderedPdf(data, doc.page)


_NO_PADDING = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
