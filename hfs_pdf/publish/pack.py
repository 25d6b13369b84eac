"""Built handouts → one print-ready pack PDF: pick list, separator sheets, copies, blank backs.

The plan (which page each part starts on) is pure arithmetic, so the pick list printed on page
1 and the PDF assembled after it cannot disagree. In a double-sided pack every part — the pick
list, each separator, each copy of each handout — starts on the front of a sheet: a part that
ends on a front gets a blank back.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from hfs_pdf.model import Pack, PackItem, Variant

PICK_LIST_PAGES = 1
SEPARATOR_PAGES = 1
TAGLINE_PAGES = 1  # the language-assistance sheet (hfs_pdf.taglines), when the pack asks for it


@dataclass(frozen=True)
class PackDocument:
    """One built handout of the pack: what the pick list says about it, and its PDF."""

    language: str
    item: PackItem
    title: str  # as printed, in its language
    pages: int
    data: bytes


@dataclass(frozen=True)
class PackRow:
    """One line of the pick list."""

    number: int
    language: str
    handout_id: str
    variant: Variant
    copies: int
    pages: int  # of one copy
    sheets: int  # of one copy
    copy_starts: tuple[int, ...]  # the pack page (1-based) where each copy starts

    @property
    def first_page(self) -> int:
        return self.copy_starts[0]


@dataclass(frozen=True)
class PackPlan:
    rows: tuple[PackRow, ...]
    separator_pages: dict[str, int]  # language → its separator's page (empty without separators)
    pages: int
    sheets: int
    duplex: bool
    tagline_page: int | None = None  # the language-assistance sheet's page (None: the pack has none)


def sheets_for(pages: int, duplex: bool) -> int:
    return (pages + 1) // 2 if duplex else pages


def _padded(pages: int, duplex: bool) -> int:
    """Pages a part takes in the pack: a double-sided part ends on a back."""
    return pages + (pages % 2 if duplex else 0)


def plan_pack(pack: Pack, documents: list[PackDocument]) -> PackPlan:
    """Where every part of the pack goes, in print order."""
    page = 1 + _padded(PICK_LIST_PAGES, pack.duplex)
    tagline_page = None
    if pack.taglines:
        tagline_page, page = page, page + _padded(TAGLINE_PAGES, pack.duplex)
    rows, separators = [], {}
    for document in documents:
        if pack.separators and document.language not in separators:
            separators[document.language] = page
            page += _padded(SEPARATOR_PAGES, pack.duplex)
        step = _padded(document.pages, pack.duplex)
        starts = tuple(page + copy * step for copy in range(document.item.copies))
        rows.append(PackRow(
            len(rows) + 1, document.language, document.item.handout_id, document.item.variant, document.item.copies,
            document.pages, sheets_for(document.pages, pack.duplex), starts,
        ))
        page += step * document.item.copies
    pages = page - 1
    return PackPlan(tuple(rows), separators, pages, sheets_for(pages, pack.duplex), pack.duplex, tagline_page)


def assemble_pack(
    pack: Pack, plan: PackPlan, documents: list[PackDocument], pick_list: bytes, separators: dict[str, bytes],
    outline_titles: dict[str, str], taglines: bytes | None = None,
) -> bytes:
    """The pack's PDF: parts in plan order, blank backs where the plan has them, an outline to find each part.

    Pages are copied with pikepdf; each source document's fonts are copied once, however many
    copies of it the pack prints. The handouts' structure trees stay in their own PDFs: a pack is
    for the printer (screen-reader users get the single-handout PDFs), so page-level structure
    references are removed rather than left dangling.
    """
    import pikepdf

    pdf = pikepdf.new()
    size = None
    outline: list[tuple[str, int, list[tuple[str, int]]]] = []

    def add(data: bytes, times: int = 1) -> None:
        nonlocal size
        source = pikepdf.open(BytesIO(data))
        for _ in range(times):
            for page in source.pages:
                pdf.pages.append(page)
                copied = pdf.pages[-1]
                size = size or copied.mediabox
                _drop_structure_references(copied)
            if pack.duplex and len(pdf.pages) % 2:
                pdf.add_blank_page(page_size=(float(size[2]), float(size[3])))

    add(pick_list)
    outline.append(("Pick list", 0, []))
    if plan.tagline_page is not None:
        if taglines is None or len(pdf.pages) + 1 != plan.tagline_page:
            raise AssertionError("pack plan and assembly disagree on the tagline sheet")  # a bug, never bad input
        outline.append(("Free language assistance", len(pdf.pages), []))
        add(taglines)
    for row, document in zip(plan.rows, documents):
        if outline[-1][0] != outline_titles[document.language]:  # a new language: its bookmark opens its separator
            outline.append((outline_titles[document.language], len(pdf.pages), []))
            if document.language in plan.separator_pages:
                add(separators[document.language])
        if len(pdf.pages) + 1 != row.first_page:
            raise AssertionError(f"pack plan and assembly disagree at row {row.number}")  # a bug, never bad input
        add(document.data, row.copies)
        for copy, start in enumerate(row.copy_starts, start=1):
            label = f"{document.title} ({row.variant.value}) — copy {copy} of {row.copies}"
            outline[-1][2].append((label, start - 1))
    if len(pdf.pages) != plan.pages:
        raise AssertionError("pack plan and assembly disagree on the page count")
    _finish(pdf, pack, outline)
    buffer = BytesIO()
    pdf.save(buffer, deterministic_id=True, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue()


def _drop_structure_references(page) -> None:
    import pikepdf

    if "/StructParents" in page.obj:
        del page.obj["/StructParents"]
    for annotation in page.obj.get("/Annots", pikepdf.Array()):
        if "/StructParent" in annotation:
            del annotation["/StructParent"]


def _finish(pdf, pack: Pack, outline) -> None:
    import pikepdf

    with pdf.open_outline() as tree:
        for title, page, children in outline:
            entry = pikepdf.OutlineItem(title, page)
            entry.children.extend(pikepdf.OutlineItem(label, start) for label, start in children)
            tree.root.append(entry)
    pdf.docinfo["/Title"] = pack.name
    pdf.docinfo["/Creator"] = "hfs-pdf print pack"
    pdf.Root.ViewerPreferences = pikepdf.Dictionary(
        DisplayDocTitle=True,
        PrintScaling=pikepdf.Name("/None"),  # print at actual size: no "fit to page" shrinking
        Duplex=pikepdf.Name.DuplexFlipLongEdge if pack.duplex else pikepdf.Name.Simplex,
    )
    pdf.Root.PageMode = pikepdf.Name.UseOutlines
