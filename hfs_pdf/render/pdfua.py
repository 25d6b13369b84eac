"""ReportLab's PDF × the layout's structure nodes → a tagged PDF/UA-1 file (pikepdf, public API only).

ReportLab drew the content with marked-content ids (see layout.structure); this stage adds what it
cannot: the structure tree and its parent tree, link annotations tied to Link elements, page tab
order, XMP metadata with the PDF/UA identification, bookmarks for the headings, and clean
ToUnicode maps.
"""

from __future__ import annotations

import re
from io import BytesIO

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from hfs_pdf.layout.structure import Mark, Node

PDFUA_NAMESPACE = "http://www.aiim.org/pdfua/ns/id/"


def make_accessible(data: bytes, structure: Node, info, shaped_text: dict[str, dict[int, str]] | None = None) -> bytes:
    """`info` is the layout's DocumentInfo: title, author, subject, keywords, language.

    `shaped_text` maps a font's PostScript name to the text of each private-use code point
    ReportLab gave its shaped glyphs (render.shaped), so that ToUnicode maps say real letters.
    """
    with pikepdf.open(BytesIO(data)) as pdf:
        pages = list(pdf.pages)
        root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        parent_tree: dict[int, object] = {}
        page_marks: dict[int, dict[int, pikepdf.Object]] = {}  # page index → MCID → element
        page_boxes: dict[int, list[tuple[tuple, pikepdf.Object]]] = {}  # page index → (box, element)

        def build(node: Node, parent) -> pikepdf.Object:
            element = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + node.role), P=parent))
            if node.alt:
                element.Alt = String(node.alt)
            if node.lang:
                element.Lang = String(node.lang)
            if node.scope:
                element.A = Dictionary(O=Name.Table, Scope=Name("/" + node.scope))
            kids = Array()
            for kid in node.kids:
                if isinstance(kid, Node) and not _has_content(kid):
                    continue  # e.g. header text that did not fit and was not drawn
                if isinstance(kid, Mark):
                    page = pages[kid.page - 1]
                    kids.append(Dictionary(Type=Name.MCR, Pg=page.obj, MCID=kid.mcid))
                    page_marks.setdefault(kid.page - 1, {})[kid.mcid] = element
                    if kid.box:
                        page_boxes.setdefault(kid.page - 1, []).append((kid.box, element))
                else:
                    kids.append(build(kid, element))
            element.K = kids
            on = {mark.page for mark in _marks(node)}
            if len(on) == 1:  # readers and checkers place an element (a table, say) by its /Pg
                element.Pg = pages[on.pop() - 1].obj
            return element

        document = build(structure, root)
        root.K = Array([document])
        for index, page in enumerate(pages):
            marks = page_marks.get(index, {})
            page.obj.StructParents = index
            parent_tree[index] = pdf.make_indirect(Array([marks[m] for m in sorted(marks)]))
        next_key = len(pages)
        next_key = _tie_links(pdf, pages, page_boxes, parent_tree, next_key)
        root.ParentTree = pdf.make_indirect(Dictionary(Nums=Array([x for key in sorted(parent_tree) for x in (key, parent_tree[key])])))
        root.ParentTreeNextKey = next_key
        root.RoleMap = Dictionary()
        pdf.Root.StructTreeRoot = root
        pdf.Root.MarkInfo = Dictionary(Marked=True)
        pdf.Root.Lang = String(info.language)
        pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        _bookmarks(pdf, structure, pages)
        _clean_to_unicode(pdf, shaped_text or {})
        _xmp(pdf, info)
        out = BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()


def _marks(node: Node):
    for kid in node.kids:
        if isinstance(kid, Mark):
            yield kid
        else:
            yield from _marks(kid)


def _has_content(node: Node) -> bool:
    return any(isinstance(kid, Mark) or _has_content(kid) for kid in node.kids)


def _tie_links(pdf, pages, page_boxes, parent_tree, next_key: int) -> int:
    """Every link annotation becomes a Link element (with an OBJR) inside the paragraph it sits in."""
    for index, page in enumerate(pages):
        annotations = page.obj.get("/Annots")
        if not annotations:
            continue
        page.obj.Tabs = Name.S
        boxes = page_boxes.get(index, [])
        for annotation in annotations:
            if annotation.get("/Subtype") != Name.Link:
                continue
            uri = str(annotation.get("/A", {}).get("/URI", ""))
            annotation.Contents = String(uri or "link")
            annotation.F = 4  # Print
            owner = _element_at(boxes, [float(v) for v in annotation.Rect])
            if owner is None:
                raise ValueError(f"link to {uri} on page {index + 1} is outside every tagged paragraph")
            link = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Link, P=owner, Pg=page.obj, Alt=String(uri)))
            link.K = Array([Dictionary(Type=Name.OBJR, Obj=annotation, Pg=page.obj)])
            owner.K.append(link)
            annotation.StructParent = next_key
            parent_tree[next_key] = link
            next_key += 1
    return next_key


def _element_at(boxes, rect) -> pikepdf.Object | None:
    """The tagged element whose drawn box holds the centre of the annotation's rectangle."""
    x, y = (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2
    for (left, bottom, right, top), element in boxes:
        if left - 1 <= x <= right + 1 and bottom - 1 <= y <= top + 1:
            return element
    return None


def _bookmarks(pdf, structure: Node, pages) -> None:
    with pdf.open_outline() as outline:
        for node in structure.walk():
            if node.role in ("H1", "H2") and node.title:
                first = next((kid for kid in node.kids if isinstance(kid, Mark)), None)
                if first is not None:
                    outline.root.append(pikepdf.OutlineItem(node.title, first.page - 1))


_ENTRY = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]{4})>")
_FORBIDDEN = {0x0000, 0xFEFF, 0xFFFE}


def _clean_to_unicode(pdf, shaped_text: dict[str, dict[int, str]]) -> None:
    """ToUnicode maps PDF/UA accepts and readers understand.

    ReportLab maps subset code 0 (.notdef) to U+0000, which PDF/UA forbids, and shaped glyphs to
    private-use code points, which read as nothing; both are replaced.
    """
    for obj in pdf.objects:
        if not (isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == Name.Font and "/ToUnicode" in obj):
            continue
        private = shaped_text.get(str(obj.BaseFont).split("+", 1)[-1].lstrip("/"), {})

        def replace(match: re.Match) -> bytes:
            target = int(match.group(2), 16)
            if target in _FORBIDDEN:
                text = "\ufffd"
            elif target in private:
                text = private[target]
            else:
                return match.group(0)
            return b"<" + match.group(1) + b"> <" + text.encode("utf-16-be").hex().upper().encode() + b">"

        stream = obj.ToUnicode
        data = stream.read_bytes()
        cleaned = _ENTRY.sub(replace, data)
        if cleaned != data:
            stream.write(cleaned)


def _xmp(pdf, info) -> None:
    """XMP with everything the Info dictionary says (pikepdf rewrites the Info dictionary from it)."""
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta.register_xml_namespace(PDFUA_NAMESPACE, "pdfuaid")
        meta["dc:title"] = info.title
        meta["dc:creator"] = [info.author]
        meta["dc:description"] = info.subject
        meta["dc:language"] = [info.language]
        meta["pdf:Keywords"] = ", ".join(info.keywords)
        meta["xmp:CreatorTool"] = info.creator
        meta["{%s}part" % PDFUA_NAMESPACE] = "1"
