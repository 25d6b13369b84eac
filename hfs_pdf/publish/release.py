"""Built documents → a release folder: PDFs, page-1 thumbnails, index.html, manifest.json,
SHA256SUMS and one zip of the whole set. Byte-reproducible: sorted everything, fixed timestamps
(SOURCE_DATE_EPOCH when set), no random ids.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hfs_pdf.publish.contact_sheet import SheetBrand

ZIP_NAME = "hfs-pdf-handouts.zip"
THUMBNAIL_WIDTH = 180  # pixels: enough to recognise a handout on a contact sheet


@dataclass(frozen=True)
class ReleaseEntry:
    """One PDF of the release and what the manifest says about it."""

    path: str  # relative to the release folder, e.g. "es/overview.large-print.pdf"
    handout: str
    title: str
    language: str
    variant: str
    pages: int
    content_version: str
    review_status: str
    translation_status: str
    thumbnail: bytes  # page 1 as PNG (made beside the PDF, in the worker that rendered it)


def source_date() -> tuple[int, int, int, int, int, int]:
    """The timestamp files in the zip carry: SOURCE_DATE_EPOCH if set, else 1980-01-01 (zip's epoch)."""
    import time

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return time.gmtime(max(int(epoch), 315532800))[:6]
    return (1980, 1, 1, 0, 0, 0)


def thumbnail_png(pdf: bytes) -> bytes:
    """Page 1 as a small PNG (pypdfium2 renders, Pillow encodes; both deterministic).

    zlib level 3: smaller *and* faster than the default 6 on these pictures; `optimize=True`
    would triple the encoding time to save 1 %.
    """
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        scale = THUMBNAIL_WIDTH / page.get_width()
        image = page.render(scale=scale).to_pil()
    finally:
        document.close()
    buffer = BytesIO()
    image.save(buffer, format="PNG", compress_level=3)
    return buffer.getvalue()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_release_files(folder: Path, entries: list[ReleaseEntry], tool_version: str, brand: "SheetBrand | None" = None) -> None:
    """Add thumbnails, index.html (publish.contact_sheet), manifest.json, SHA256SUMS and the zip to a folder of built PDFs."""
    from hfs_pdf.publish.contact_sheet import contact_sheet_html

    entries = sorted(entries, key=lambda e: (e.handout, e.language, e.variant))
    for entry in entries:
        thumb = folder / "thumbnails" / Path(entry.path).with_suffix(".png")
        thumb.parent.mkdir(parents=True, exist_ok=True)
        thumb.write_bytes(entry.thumbnail)
    (folder / "index.html").write_text(contact_sheet_html(entries, brand), encoding="utf-8")
    files = []
    for entry in entries:
        pdf = folder / entry.path
        files.append({
            "path": entry.path, "handout": entry.handout, "title": entry.title, "language": entry.language,
            "variant": entry.variant, "pages": entry.pages, "bytes": pdf.stat().st_size, "sha256": sha256(pdf),
            "content_version": entry.content_version, "review_status": entry.review_status,
            "translation_status": entry.translation_status,
        })
    manifest = {"generator": f"hfs-pdf {tool_version}", "documents": len(files), "files": files}
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    listed = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.name != ZIP_NAME)
    (folder / "SHA256SUMS").write_text("".join(f"{sha256(folder / name)}  {name}\n" for name in listed if name != "SHA256SUMS"))
    listed = sorted(set(listed) | {"SHA256SUMS"})
    stamp = source_date()
    with zipfile.ZipFile(folder / ZIP_NAME, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in listed:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            # PDFs and PNGs are compressed inside already: deflating them again gains nothing
            info.compress_type = zipfile.ZIP_STORED if name.endswith((".pdf", ".png")) else zipfile.ZIP_DEFLATED
            archive.writestr(info, (folder / name).read_bytes())
