"""The floor `make bench` measures hfs-pdf against: the same handouts, laid out by hfs-pdf's own
story code (same text, fonts, shaping, line breaks and page decoration), rendered by plain
ReportLab Platypus — no tagging (no marked content or /ActualText), no PDF/UA post-processing
(pikepdf), no thumbnails, no cache, no checks. What hfs-pdf spends above this is its own cost.

    python scripts/floor.py single     # the English overview, once (bench times the whole process)
    python scripts/floor.py all        # every document of a release, in one process: prints its CPU seconds
"""

from __future__ import annotations

import sys
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def plain_pdf(layout) -> bytes:
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    from hfs_pdf.layout.structure import Tagged

    Tagged.draw = lambda self: self.flowable.drawOn(self.canv, 0, 0)  # untagged: just the ink
    buffer = BytesIO()
    geometry, first, later = layout.geometry, layout.geometry.first, layout.geometry.later
    doc = BaseDocTemplate(buffer, pagesize=geometry.size, invariant=1, initialFontName=layout.fonts.regular)
    padding = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def decorate(canvas: Canvas, doc) -> None:
        layout.decorate.every_page(canvas, doc.page, doc.page)  # the same footer, without the page total's second pass

    doc.addPageTemplates([
        PageTemplate("first", [Frame(first.x, first.y, first.width, first.height, **padding)],
                     onPage=lambda canvas, doc: layout.decorate.first_page(canvas), onPageEnd=decorate,
                     autoNextPageTemplate="later"),
        PageTemplate("later", [Frame(later.x, later.y, later.width, later.height, **padding)], onPageEnd=decorate),
    ])
    doc.build(list(layout.story))
    return buffer.getvalue()


def documents(languages: list[str] | None = None):
    """(handout, brand, localization, options, English source for a bilingual copy) of every document a release makes."""
    from hfs_pdf import operations
    from hfs_pdf.content import load_brand, load_handouts
    from hfs_pdf.i18n import localize, source_localization
    from hfs_pdf.i18n.catalogs import load_localization
    from hfs_pdf.model import LayoutOptions, Variant

    project = operations.Project.at(ROOT)
    brand = load_brand(project.default_brand)
    handouts = load_handouts(project.handouts_dir).handouts
    for locale in languages or project.locales():
        localization = source_localization() if locale == "en" else load_localization(project.translations_dir, locale)[0]
        for handout in handouts:
            for variant in Variant:  # as the release makes them: a bilingual copy of every translation
                if variant is Variant.BILINGUAL and locale == "en":
                    continue
                english = handout if variant is Variant.BILINGUAL else None
                yield localize(handout, localization), brand, localization, LayoutOptions(brand.paper, variant), english


def main(mode: str) -> None:
    from hfs_pdf.fonts import family_name_for, release_families_except
    from hfs_pdf.layout import lay_out

    if mode == "single":
        for handout, brand, localization, options, _ in documents(["en"]):
            if handout.id == "overview" and options.variant.value == "standard":
                plain_pdf(lay_out(handout, brand, localization, options))
        return
    start, count = time.process_time(), 0
    for handout, brand, localization, options, english in documents():
        release_families_except(family_name_for(localization.name))
        plain_pdf(lay_out(handout, brand, localization, options, english=english))
        count += 1
    print(f"{count} {time.process_time() - start:.3f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "single")
