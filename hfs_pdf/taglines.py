"""`hfs-pdf taglines`: the brand's language-assistance taglines as a one-page sheet."""

from __future__ import annotations

from pathlib import Path

from hfs_pdf.content import load_brand
from hfs_pdf.content.taglines import NATIONAL_TOP_15, choose, load_taglines
from hfs_pdf.errors import Problem, RenderError, display_path
from hfs_pdf.fonts import require_shaping
from hfs_pdf.model import Brand, Paper
from hfs_pdf.publish import write_atomic


def brand_taglines(brand: Brand) -> list:
    """The taglines a brand prints: its list, or the national top 15 when it names none."""
    taglines = load_taglines()
    languages = brand.taglines.languages if brand.taglines else NATIONAL_TOP_15
    return choose(taglines, languages)


def tagline_sheet_pdf(brand: Brand, paper: Paper | None = None) -> bytes:
    """The sheet's PDF bytes (checked fonts, one page)."""
    from hfs_pdf.layout.taglines import check_tagline_fonts, tagline_sheet
    from hfs_pdf.render.pdf import render_pdf

    require_shaping()
    chosen = brand_taglines(brand)
    check_tagline_fonts(chosen, load_taglines().source)
    rendered = render_pdf(tagline_sheet(brand, chosen, paper or brand.paper))
    if rendered.pages > 1:
        raise RenderError(Problem(display_path(brand.source), f"the {len(chosen)} taglines take {rendered.pages} pages — "
                                  "list fewer languages under taglines.languages (one page holds about 40)"))
    return rendered.data


def write_tagline_sheet(brand_path: Path, out_path: Path, paper: Paper | None = None) -> Path:
    data = tagline_sheet_pdf(load_brand(brand_path), paper)
    write_atomic(out_path, data)
    return out_path
