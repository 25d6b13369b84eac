"""4 RENDER: a Layout → PDF bytes, with embedded fonts and document metadata."""

from hfs_pdf.render.pdf import RenderedPdf, render_pdf

__all__ = ["RenderedPdf", "render_pdf"]
