"""Read back what hfs-pdf produced: text, fonts and metadata, through pypdf (not our own code)."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique",
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
    "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def words(text: str) -> str:
    """Collapse whitespace so a phrase matches wherever the layout broke its lines."""
    return re.sub(r"\s+", " ", text).strip()


def fonts(path: Path) -> dict[str, bool]:
    """Every font the file's pages use → whether its program is embedded."""
    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            name = str(font["/BaseFont"]).lstrip("/")
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found[name] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def base_name(font: str) -> str:
    """`AAAAAA+NotoSans-Bold` → `NotoSans-Bold` (drop the subset tag)."""
    return font.split("+", 1)[-1]
