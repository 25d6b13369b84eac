"""Read the ink: what each page of a PDF draws, line by line, left to right as the eye meets it.

The text layer (/ActualText, extracted text) can read perfectly while the glyphs on paper are in
the wrong order: a viewer draws glyphs where the content stream puts them, a screen reader reads
the ActualText. These helpers recover the printed lines from glyph positions, so that tests can
compare them with an independent model of what should be printed:

- `drawn_lines`: each page's printed lines, with the marked content (MCID, ActualText) and the
  structure element (roles, /Lang) they belong to. Positions come from pdfplumber (pdfminer's
  text-state machine, not ours); each glyph is paired with the code the content stream shows
  (`shown_glyphs`), so that the embedded font program says which glyph it is and where its ink is.
- `expected_visual`: the left-to-right order in which a logical line must be drawn, from
  python-bidi (an implementation of UAX #9 independent of the ICU one hfs-pdf uses), mirroring,
  and the isolation of placeholders, phone numbers and digit groups that must read as one unit.
- `match_paragraph`: the drawn lines of one paragraph against its ActualText, line by line.
- `EmbeddedFont`: a font dictionary with its embedded program (Widths against hmtx, outlines).

Everything is parsed once per file (`functools.cache`): the PDFs are built once per session.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterable, Iterator

import pdfplumber
import pikepdf
from bidi import get_display
from fontTools.ttLib import TTFont
from pdfminer.cmapdb import CMapParser, FileUnicodeMap

from .tagtree import marked_content

# --- characters --------------------------------------------------------------------------------

LRI, PDI = "\u2066", "\u2069"
ISOLATE_CONTROLS = "\u2066\u2067\u2068\u2069"
JOINERS = "\u200c\u200d\u2060"
TATWEEL = "\u0640"

_WESTERN = str.maketrans({**{0x0660 + d: str(d) for d in range(10)}, **{0x06F0 + d: str(d) for d in range(10)},
                          0x066B: ".", 0x066C: ","})  # Arabic decimal and thousands separators (Persian 1٫1)

# Bidi_Mirroring_Glyph pairs (UCD BidiMirroring.txt) for the characters a handout may contain;
# `mirror` refuses a mirrored character missing here rather than leave it unmirrored.
MIRRORED = dict(
    pair
    for a, b in ["()", "[]", "{}", "<>", "«»", "‹›", "⁅⁆", "⁽⁾", "₍₎", "⟨⟩", "⟪⟫", "〈〉", "《》", "「」", "『』",
                 "【】", "〔〕", "〖〗", "〘〙", "〚〛", "（）", "［］", "｛｝", "＜＞", "｢｣", "≤≥", "≪≫"]
    for pair in ((a, b), (b, a))
)


def is_rtl_letter(char: str) -> bool:
    """A character of a right-to-left script (Arabic, Hebrew, Syriac, Thaana, N'Ko…)."""
    return unicodedata.bidirectional(char) in ("R", "AL")


def is_mark(char: str) -> bool:
    """A nonspacing mark (Arabic harakat, shadda…): its own glyph, positioned over a letter, so
    its x position says nothing about order. Left out of every comparison."""
    return unicodedata.category(char) == "Mn"


def is_private_use(char: str) -> bool:
    return unicodedata.category(char) == "Co"


def comparable(text: str) -> str:
    """The form both sides of an order comparison are reduced to.

    Left out: nonspacing marks; isolate controls; the zero-width (non-)joiners and word joiner,
    which choose letter forms or forbid a break but draw nothing (Persian می‌شود); tatweel (Amiri joins some letter pairs, such as
    كل, through a kashida glyph whose ToUnicode is U+0640: elongation, not a letter); private-use
    characters (glyphs whose ToUnicode names no real character, reported by their own test).
    Arabic-Indic and Extended Arabic-Indic digits become 0–9 and the Arabic decimal and thousands
    separators . and , (Arabic prints 0–9, Persian ۰–۹: the order check is about order, the digits
    have tests of their own); white space runs become one space; the ends are stripped.
    """
    kept = "".join(c for c in text if not (is_mark(c) or c in ISOLATE_CONTROLS or c in JOINERS or c == TATWEEL
                                           or is_private_use(c)))
    return re.sub(r"\s+", " ", kept.translate(_WESTERN)).strip()


# --- fonts as embedded -------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class EmbeddedFont:
    """A font dictionary of the file and, for TrueType, its embedded program (FontFile2)."""

    subtype: str  # TrueType, Type0, Type1…
    base_font: str  # with its subset tag, e.g. AAAAAB+Amiri-Regular
    first_char: int
    widths: tuple[float, ...]
    program: TTFont | None
    to_unicode: dict[int, str]

    @property
    def code_bytes(self) -> int:
        return 2 if self.subtype == "Type0" else 1

    def width(self, code: int) -> float | None:
        """The /Widths entry for a code (1/1000 text space units): where a viewer puts the next glyph."""
        index = code - self.first_char
        return self.widths[index] if 0 <= index < len(self.widths) else None

    def glyph_name(self, code: int) -> str | None:
        """The glyph a code selects in the embedded program.

        The PDF font has no /Encoding, and ReportLab's subsets (ttfonts.makeSubset) carry a single
        (1, 0) cmap, format 6, mapping code n to the subset glyph of the n-th character the subset
        was given; a symbolic TrueType font's codes go through that cmap (ISO 32000-1, 9.6.6.4).
        Two codes may share a glyph (space and no-break space).
        """
        if self.program is None:
            return None
        table = self.program["cmap"].getcmap(1, 0) or self.program["cmap"].getcmap(3, 0)
        if table is None:
            return None
        return table.cmap.get(code if table.platformID == 1 else 0xF000 + code)

    def advance(self, code: int) -> float | None:
        """The advance width the font program gives the code's glyph, in 1/1000 em."""
        name = self.glyph_name(code)
        if name is None:
            return None
        return self.program["hmtx"][name][0] * 1000 / self.program["head"].unitsPerEm

    def ink(self, code: int) -> tuple[float, float] | None:
        """The horizontal extent of the glyph's outline (xMin, xMax) in 1/1000 em; None: no ink."""
        name = self.glyph_name(code)
        if name is None or "glyf" not in self.program:
            return None
        glyph = self.program["glyf"][name]
        if glyph.numberOfContours == 0:
            return None
        if not hasattr(glyph, "xMin"):
            glyph.recalcBounds(self.program["glyf"])
        scale = 1000 / self.program["head"].unitsPerEm
        return glyph.xMin * scale, glyph.xMax * scale


def _to_unicode(font: pikepdf.Dictionary) -> dict[int, str]:
    if "/ToUnicode" not in font:
        return {}
    cmap = FileUnicodeMap()
    CMapParser(cmap, io.BytesIO(font.ToUnicode.read_bytes())).run()
    return dict(cmap.cid2unichr)


def _embedded_font(font: pikepdf.Dictionary) -> EmbeddedFont:
    descriptor = font.get("/FontDescriptor")
    stream = descriptor.get("/FontFile2") if descriptor is not None else None
    return EmbeddedFont(
        str(font.get("/Subtype", "/?"))[1:], str(font.get("/BaseFont", "/?"))[1:], int(font.get("/FirstChar", 0)),
        tuple(float(w) for w in font.get("/Widths", [])),
        TTFont(io.BytesIO(stream.read_bytes())) if stream is not None else None,
        _to_unicode(font),
    )


@dataclass(frozen=True)
class Shown:
    """One code a text operator shows, under the font selected at that point."""

    font: EmbeddedFont
    code: int


def _strings(operands: list, operator: str) -> Iterator[bytes]:
    if operator in ("Tj", "'"):
        yield bytes(operands[0])
    elif operator == '"':
        yield bytes(operands[2])
    elif operator == "TJ":
        for item in operands[0]:
            if isinstance(item, pikepdf.String):
                yield bytes(item)


@cache
def shown_glyphs(path: Path) -> tuple[tuple[Shown, ...], ...]:
    """Per page (index 0 = page 1), every code shown by Tj/TJ/'/", in content-stream order.

    Form XObjects are followed where they are drawn, with their own resources. A font object is
    parsed once per file however many pages use it.
    """
    fonts: dict[tuple[int, int], EmbeddedFont] = {}
    pages: list[tuple[Shown, ...]] = []
    with pikepdf.open(path) as pdf:
        def walk(content, resources: pikepdf.Dictionary, out: list[Shown], seen: frozenset) -> None:
            current: EmbeddedFont | None = None
            for operands, operator in pikepdf.parse_content_stream(content):
                op = str(operator)
                if op == "Tf":
                    font = (resources.get("/Font") or {}).get(str(operands[0]))
                    if font is not None and font.objgen not in fonts:
                        fonts[font.objgen] = _embedded_font(font)
                    current = fonts[font.objgen] if font is not None else None
                elif op in ("Tj", "TJ", "'", '"') and current is not None:
                    step = current.code_bytes
                    for data in _strings(operands, op):
                        out.extend(Shown(current, int.from_bytes(data[i:i + step], "big")) for i in range(0, len(data), step))
                elif op == "Do":
                    xobject = (resources.get("/XObject") or {}).get(str(operands[0]))
                    if xobject is not None and xobject.get("/Subtype") == "/Form" and xobject.objgen not in seen:
                        walk(xobject, xobject.get("/Resources", resources), out, seen | {xobject.objgen})

        for page in pdf.pages:
            shown: list[Shown] = []
            walk(page, page.Resources, shown, frozenset())
            pages.append(tuple(shown))
    return tuple(pages)


def fonts_in(path: Path) -> dict[EmbeddedFont, tuple[set[int], set[int]]]:
    """Every font the file's pages show text with → (the codes shown, the pages, 1-based)."""
    found: dict[EmbeddedFont, tuple[set[int], set[int]]] = {}
    for number, shown in enumerate(shown_glyphs(path), start=1):
        for item in shown:
            codes, pages = found.setdefault(item.font, (set(), set()))
            codes.add(item.code)
            pages.add(number)
    return found


@cache
def shipped_font(base_font: str, fonts_dir: Path) -> TTFont | None:
    """The shipped font file whose PostScript name is `base_font` without its subset tag."""
    wanted = base_font.split("+", 1)[-1]
    for file in sorted(fonts_dir.glob("*.[ot]tf")):
        font = TTFont(file, lazy=True)
        if font["name"].getDebugName(6) == wanted:
            return font
    return None


def outline(font: TTFont, glyph_name: str) -> tuple:
    """A glyph's outline (contour ends, points, on-curve flags): equal in a subset and its source."""
    glyf = font["glyf"]
    coordinates, ends, flags = glyf[glyph_name].getCoordinates(glyf)
    return tuple(ends), tuple(map(tuple, coordinates)), tuple(f & 1 for f in flags)


# --- the drawn lines ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Glyph:
    """One drawn glyph. `text` is what the font's ToUnicode says it draws (a ligature: several
    characters, in logical order); x0/x1 its advance box as placed (a viewer advances by /Widths);
    `ink` the extent of its outline in the font program (None: blank, such as a space);
    `baseline` the y of its text-space origin before any text rise."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    baseline: float
    font: EmbeddedFont
    code: int
    ink: tuple[float, float] | None

    @property
    def is_space(self) -> bool:
        return self.text.isspace() or not self.text


@dataclass(frozen=True)
class Element:
    """Where a marked-content sequence sits in the structure tree."""

    roles: tuple[str, ...]  # from the top down, e.g. ("Document", "Sect", "L", "LI", "LBody", "P")
    lang: str | None  # the nearest /Lang on the way down (None: the document's language)
    ids: tuple[tuple[int, int], ...]  # the object of each of those elements: which LI, which Div

    def ancestor(self, role: str) -> tuple[int, int] | None:
        """The nearest enclosing element with that role (its object id), e.g. a label's LI."""
        return next((i for r, i in zip(reversed(self.roles), reversed(self.ids)) if r == role), None)


@dataclass(frozen=True)
class DrawnLine:
    """One printed line of one marked-content sequence, or of the page's artifacts (mcid None)."""

    path: Path
    page: int  # 1-based, as a reader counts
    mcid: int | None
    actual_text: str | None  # of the whole marked content this line is part of
    element: Element | None
    glyphs: tuple[Glyph, ...]  # left to right; nonspacing marks left out
    body_size: float  # the largest font size on the line: clearly smaller glyphs are superscripts

    @property
    def inked(self) -> tuple[Glyph, ...]:
        return tuple(g for g in self.glyphs if not g.is_space) or self.glyphs

    @property
    def x0(self) -> float:
        """Left edge of the line's advance boxes (spaces left out): what alignment lines up."""
        return min(g.x0 for g in self.inked)

    @property
    def x1(self) -> float:
        return max(g.x1 for g in self.inked)

    @property
    def top(self) -> float:
        return min(g.top for g in self.glyphs)

    @property
    def bottom(self) -> float:
        return max(g.bottom for g in self.glyphs)

    @property
    def visual(self) -> str:
        return visual_text(self.glyphs, self.body_size)

    @property
    def role(self) -> str:
        return self.element.roles[-1] if self.element else "Artifact"

    def where(self) -> str:
        return f"{self.path.parent.name}/{self.path.name} p.{self.page} " + (
            f"mcid {self.mcid} {self.role}" if self.mcid is not None else "artifact")


def is_superscript(glyph: Glyph, body_size: float) -> bool:
    """A superscript citation glyph: clearly smaller than the text of its line."""
    return not glyph.is_space and glyph.size < body_size * 0.85


def visual_text(glyphs: Iterable[Glyph], body_size: float) -> str:
    """Glyphs (left to right) → the text a reader sees, left to right, in `comparable` form.

    - A glyph whose ToUnicode text is several characters of a right-to-left script (the lam-alef
      ligature maps to لا, logical order) contributes them reversed, i.e. in visual order.
    - Where no space glyph is drawn but a glyph starts more than 0.2 × its size right of what
      came before since the last space, both by advance boxes and by ink, a space is read: a word
      space made by positioning alone. Advance boxes alone see gaps that are not there (an Amiri
      ؤ's advance is far narrower than its outline, and advances are wrong where /Widths disagrees
      with the font program); ink alone sees gaps at side bearings ("1" in "911").
    - A run of superscript glyphs (citation numbers, "5,6") reads as "[5,6]": the brackets the
      same citation has in the ActualText, see `logical_words`.
    """
    out: list[str] = []
    ink_right: float | None = None  # right edges of the ink and of the advance boxes since the last space
    advance_right: float | None = None
    in_super = False
    for glyph in glyphs:
        text = glyph.text[::-1] if len(glyph.text) > 1 and any(map(is_rtl_letter, glyph.text)) else glyph.text
        superscript = is_superscript(glyph, body_size)
        scale = glyph.size / 1000
        ink = (glyph.x0 + glyph.ink[0] * scale, glyph.x0 + glyph.ink[1] * scale) if glyph.ink else None
        if glyph.is_space:
            ink_right = advance_right = None
        elif (ink is not None and ink_right is not None and advance_right is not None
              and ink[0] - ink_right > 0.2 * glyph.size and glyph.x0 - advance_right > 0.2 * glyph.size):
            if in_super:
                out.append("]")
                in_super = False
            out.append(" ")
        if superscript != in_super:
            out.append("[" if superscript else "]")
            in_super = superscript
        out.append(text)
        if ink is not None and not glyph.is_space:
            ink_right = ink[1] if ink_right is None else max(ink_right, ink[1])
            advance_right = glyph.x1 if advance_right is None else max(advance_right, glyph.x1)
    if in_super:
        out.append("]")
    return comparable("".join(out))


@cache
def structure(path: Path) -> dict[tuple[int, int], Element]:
    """(page number, MCID) → the structure element that owns that marked content."""
    found: dict[tuple[int, int], Element] = {}
    with pikepdf.open(path) as pdf:
        pages = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}

        def walk(element: pikepdf.Dictionary, roles: tuple[str, ...], ids: tuple, lang: str | None) -> None:
            roles, ids = roles + (str(element.S)[1:],), ids + (element.objgen,)
            lang = str(element.Lang) if "/Lang" in element else lang
            kids = element.get("/K", [])
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, int):  # a bare MCID on the element's own page
                    found[(pages[element.Pg.objgen], int(kid))] = Element(roles, lang, ids)
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                    found[(pages[kid.Pg.objgen], int(kid.MCID))] = Element(roles, lang, ids)
                elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    walk(kid, roles, ids, lang)

        top = pdf.Root.StructTreeRoot.K
        for element in top if isinstance(top, pikepdf.Array) else [top]:
            walk(element, (), (), None)
    return found


@cache
def actual_texts(path: Path) -> dict[tuple[int, int], str]:
    """(page number, MCID) → the /ActualText of that marked content ("" when it has none)."""
    with pikepdf.open(path) as pdf:
        return {(index + 1, mcid): entry["text"] for (index, mcid), entry in marked_content(pdf).items()}


def _lines_of(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """One marked content's glyphs → its lines, top to bottom, each left to right.

    Glyphs share a line when their baselines (text-space origin, before text rise) are within
    0.3 × font size: the rise that lifts a superscript, or nudges an Amiri glyph, is no new line.
    A superscript placed by moving the text origin instead makes a line of small glyphs only;
    such a line joins the full-size line its vertical extent overlaps.
    """
    lines: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: -g.baseline):
        if lines and abs(lines[-1][0].baseline - glyph.baseline) <= 0.3 * max(glyph.size, lines[-1][0].size):
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    body = max((g.size for g in glyphs), default=0)
    full = [line for line in lines if max(g.size for g in line) >= body * 0.85]
    kept: list[list[Glyph]] = []
    for line in lines:
        if line not in full:
            top, bottom = min(g.top for g in line), max(g.bottom for g in line)
            host = next((o for o in full if min(g.top for g in o) < bottom and max(g.bottom for g in o) > top), None)
            if host is not None:
                host.extend(line)
                continue
        kept.append(line)
    return [sorted(line, key=lambda g: (g.x0, g.x1)) for line in kept]


def _split_at_gaps(line: list[Glyph], ems: float) -> list[list[Glyph]]:
    """A line → its pieces wherever the advance boxes are more than `ems` × size apart."""
    pieces: list[list[Glyph]] = [[]]
    for glyph in line:
        if pieces[-1] and glyph.x0 - max(g.x1 for g in pieces[-1]) > ems * glyph.size:
            pieces.append([])
        pieces[-1].append(glyph)
    return pieces


@cache
def drawn_lines(path: Path) -> tuple[DrawnLine, ...]:
    """Every printed line of the file: page by page, marked content by marked content, top to bottom.

    pdfplumber places each glyph and says which MCID it is drawn in (None: an artifact, such as
    the footer); its glyphs come in content-stream order, so they pair one to one with
    `shown_glyphs`, checked by text and font name. Glyphs are then grouped by MCID and into lines
    by baseline (`_lines_of`). Artifact lines are cut where glyphs are more than 3 em apart: the
    footer sets different texts on one baseline (contact details at one edge, "Page 1 of 2" at
    the other). Tagged lines are never cut: a paragraph whose words drift apart still reads as
    one line, and fails its comparison.
    """
    texts = actual_texts(path)
    elements = structure(path)
    shown_pages = shown_glyphs(path)
    result: list[DrawnLine] = []
    with pdfplumber.open(path) as pdf:
        for number, (page, shown) in enumerate(zip(pdf.pages, shown_pages), start=1):
            chars = page.chars
            if len(chars) != len(shown):
                raise AssertionError(f"{path} p.{number}: pdfplumber places {len(chars)} glyphs, the content shows {len(shown)}")
            groups: dict[int | None, list[Glyph]] = {}
            for char, item in zip(chars, shown):
                mapped = item.font.to_unicode.get(item.code)
                if char["fontname"] != item.font.base_font or (mapped is not None and mapped != char["text"]):
                    raise AssertionError(f"{path} p.{number}: glyph {char['text']!r} ({char['fontname']}) "
                                         f"does not pair with code {item.code} of {item.font.base_font}")
                text = "".join(c for c in char["text"] if not is_mark(c))
                if not text:
                    continue
                groups.setdefault(char["mcid"], []).append(Glyph(
                    text, char["x0"], char["x1"], char["top"], char["bottom"], round(char["size"], 3),
                    char["matrix"][5], item.font, item.code, item.font.ink(item.code),
                ))
            for mcid in sorted(groups, key=lambda m: (m is None, m or 0)):
                for line in _lines_of(groups[mcid]):
                    for piece in _split_at_gaps(line, 3.0) if mcid is None else [line]:
                        if all(g.is_space for g in piece):
                            continue
                        result.append(DrawnLine(
                            path, number, mcid,
                            texts.get((number, mcid)) if mcid is not None else None,
                            elements.get((number, mcid)) if mcid is not None else None,
                            tuple(piece), max(g.size for g in piece),
                        ))
    return tuple(result)


@cache
def horizontal_rules(path: Path) -> dict[int, list[tuple[float, float, float]]]:
    """Page number → (x0, x1, top) of every horizontal rule drawn (footer rule, write-in lines…)."""
    with pdfplumber.open(path) as pdf:
        return {
            number: [(line["x0"], line["x1"], line["top"]) for line in page.lines if abs(line["top"] - line["bottom"]) < 0.5]
            for number, page in enumerate(pdf.pages, start=1)
        }


def paragraphs(lines: Iterable[DrawnLine]) -> dict[tuple[int, int], list[DrawnLine]]:
    """Tagged lines grouped by (page, MCID), each group top to bottom."""
    grouped: dict[tuple[int, int], list[DrawnLine]] = {}
    for line in lines:
        if line.mcid is not None:
            grouped.setdefault((line.page, line.mcid), []).append(line)
    return grouped


# --- the oracle: UAX #9 through python-bidi ----------------------------------------------------

_LEVELS = re.compile(r"levels:\s*\[(.*?)\]\s*,\s*paragraphs", re.S)
_LEVEL = re.compile(r"Level\(\s*(\d+)\s*,?\s*\)")


def resolved_levels(text: str, base_rtl: bool) -> list[int]:
    """The embedding level of each character of a paragraph, before the per-line rule L1."""
    info = get_display(text, base_dir="R" if base_rtl else "L", debug=True)
    match = _LEVELS.search(info)
    if match is None:
        raise AssertionError(f"python-bidi's debug output has no levels: {info[:200]!r}")
    per_byte = [int(level) for level in _LEVEL.findall(match.group(1))]
    if len(per_byte) != len(text.encode("utf-8")):
        raise AssertionError(f"python-bidi gave {len(per_byte)} levels for the {len(text.encode())} bytes of {text!r}")
    levels, offset = [], 0
    for char in text:
        levels.append(per_byte[offset])
        offset += len(char.encode("utf-8"))
    return levels


def line_end_rule(text: str, levels: list[int], base_rtl: bool) -> list[int]:
    """UAX #9 L1 at the end of a line: trailing white space and isolate controls take the paragraph level."""
    levels = list(levels)
    for index in range(len(text) - 1, -1, -1):
        if unicodedata.bidirectional(text[index]) not in ("WS", "LRI", "RLI", "FSI", "PDI"):
            break
        levels[index] = 1 if base_rtl else 0
    return levels


def bidi_levels(text: str, base_rtl: bool) -> list[int]:
    """The resolved embedding level of each character of one line (UAX #9 P–I, and L1).

    python-bidi's get_display returns only the reordered string; with debug=True it returns the
    Rust BidiInfo, which holds the levels, one per UTF-8 byte. Mirroring needs them (L4: a
    character at an odd level is drawn mirrored). `expected_visual` checks the reordering made
    from these levels against get_display, so a change in that debug form fails loudly.
    """
    info = get_display(text, base_dir="R" if base_rtl else "L", debug=True)
    match = _LEVELS.search(info)
    if match is None:
        raise AssertionError(f"python-bidi's debug output has no levels: {info[:200]!r}")
    per_byte = [int(level) for level in _LEVEL.findall(match.group(1))]
    if len(per_byte) != len(text.encode("utf-8")):
        raise AssertionError(f"python-bidi gave {len(per_byte)} levels for the {len(text.encode())} bytes of {text!r}")
    levels, offset = [], 0
    for char in text:
        levels.append(per_byte[offset])
        offset += len(char.encode("utf-8"))
    for index in range(len(text) - 1, -1, -1):  # L1: trailing white space and isolate controls
        if unicodedata.bidirectional(text[index]) not in ("WS", "LRI", "RLI", "FSI", "PDI"):
            break
        levels[index] = 1 if base_rtl else 0
    return levels


def visual_order(levels: list[int]) -> list[int]:
    """UAX #9 L2: the indexes of the characters, left to right."""
    order = list(range(len(levels)))
    if not levels:
        return order
    lowest_odd = min((level for level in levels if level % 2), default=max(levels) + 1)
    for level in range(max(levels), lowest_odd - 1, -1):
        index = 0
        while index < len(order):
            if levels[order[index]] < level:
                index += 1
                continue
            end = index
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[index:end] = reversed(order[index:end])
            index = end
    return order


def mirror(char: str) -> str:
    """UAX #9 L4 for a character at an odd level."""
    if char in MIRRORED:
        return MIRRORED[char]
    if unicodedata.mirrored(char):
        raise AssertionError(f"U+{ord(char):04X} {unicodedata.name(char, '')} mirrors in right-to-left text: add it to ink.MIRRORED")
    return char


DIGIT_GROUPS = r"\d{1,3}(?: \d{3})+(?!\d)"  # "100 000": one number, not two
PHONE_LIKE = r"\(\d+\) ?\d[\d-]*\d"  # "(555) 010-0142"


def isolate_units(text: str, units: Iterable[str] = ()) -> str:
    """Wrap each run that must read left to right as one piece in LRI…PDI.

    The units: placeholder values put into translations (clinic name, phone, emergency number,
    website), numbers grouped with spaces, phone-like runs. Without the isolate, UAX #9 lets the
    space inside "100 000" take the paragraph's direction, and "000 100" is printed.
    """
    alternatives = [re.escape(unit) for unit in sorted(set(units), key=len, reverse=True) if unit]
    pattern = re.compile("|".join(f"(?:{a})" for a in [*alternatives, PHONE_LIKE, DIGIT_GROUPS]))
    return pattern.sub(lambda m: LRI + m.group(0) + PDI, text)


def expected_visual(logical_line: str, base_rtl: bool = True, units: Iterable[str] = ()) -> str:
    """The left-to-right order in which `logical_line` must be drawn, in `comparable` form.

    python-bidi resolves the levels (the hard part of UAX #9: weak and neutral types, bracket
    pairs, isolates); the reordering (L2) and mirroring (L4) are done here from those levels, and
    the reordering is checked against python-bidi's own get_display.
    """
    isolated = isolate_units(comparable(logical_line), units)
    levels = bidi_levels(isolated, base_rtl)
    order = visual_order(levels)
    reference = get_display(isolated, base_dir="R" if base_rtl else "L")
    reordered = "".join(isolated[i] for i in order)
    if comparable(reordered) != comparable(reference):
        raise AssertionError(f"L2 from python-bidi's levels disagrees with its get_display for {isolated!r}")
    return comparable("".join(mirror(isolated[i]) if levels[i] % 2 else isolated[i] for i in order))


def _isolated_with_origin(text: str, units: Iterable[str]) -> tuple[str, list[int]]:
    """`isolate_units(text)` and, for each of its characters, the index in `text` it stands for
    (an inserted LRI stands for the character after it, a PDI for the one before)."""
    isolated = isolate_units(text, units)
    origin, position = [], 0
    for char in isolated:
        if char == LRI:
            origin.append(position)
        elif char == PDI:
            origin.append(position - 1)
        else:
            origin.append(position)
            position += 1
    return isolated, origin


def expected_visual_in(words: list[str], start: int, count: int, base_rtl: bool = True, units: Iterable[str] = ()) -> str:
    """The left-to-right order in which `words[start:start + count]`, one printed line of the
    paragraph `words`, must be drawn, in `comparable` form.

    UAX #9 resolves the levels over the whole paragraph (a number takes its type from the strong
    letter before it, which may stand on the line above: after Arabic, "5.7%" is an Arabic number
    whose "%" goes to its left) and reorders each line on its own (L1–L2); mirroring is L4.
    """
    paragraph = " ".join(words)
    begin = len(" ".join(words[:start])) + (1 if start else 0)
    end = begin + len(" ".join(words[start:start + count]))
    isolated, origin = _isolated_with_origin(paragraph, units)
    levels = resolved_levels(isolated, base_rtl)
    picked = [index for index, at in enumerate(origin) if begin <= at < end]
    line = "".join(isolated[index] for index in picked)
    line_levels = line_end_rule(line, [levels[index] for index in picked], base_rtl)
    order = visual_order(line_levels)
    return comparable("".join(mirror(line[i]) if line_levels[i] % 2 else line[i] for i in order))


_CITATIONS = re.compile(r"\s*((?:\[\d+\]\s*)*\[\d+\])")


def logical_words(actual_text: str, superscript_citations: bool) -> list[str]:
    """A paragraph's ActualText → its words, in `comparable` form.

    The ActualText spells a superscript citation " [5]" (" [5] [6]" for two) where the page draws
    a small "5,6" glued to the word before it, which `visual_text` reads as "[5,6]"; so, when
    citations are superscripts, " [5] [6]" becomes "[5,6]" glued to the word before. Large print
    draws "[5] [6]" at text size, as its ActualText has it.
    """
    text = comparable(actual_text)
    if superscript_citations:
        text = _CITATIONS.sub(lambda m: "[" + ",".join(re.findall(r"\d+", m.group(1))) + "]", text)
    return text.split(" ") if text else []


@dataclass(frozen=True)
class LineMismatch:
    line: DrawnLine
    expected: str  # the visual order of the logical words the line should hold
    logical: str  # those words, in logical order


def match_paragraph(lines: list[DrawnLine], base_rtl: bool, units: Iterable[str], superscript_citations: bool) -> list[LineMismatch]:
    """The drawn lines of one paragraph (one MCID on one page, top to bottom) against its ActualText.

    Each line must draw, in bidi visual order, the next run of whole logical words: as many as it
    has words (known from its own spaces), starting where the line above ended; together the lines
    use up the ActualText. So words out of order within a line and lines out of order are both
    caught. After a mismatch the next line may match any run (a resync), so one wrong line is
    reported once, not with every line after it. Levels come from the whole paragraph, the
    reordering from each line (UAX #9: rules P–I per paragraph, L1–L4 per line).
    """
    words = logical_words(lines[0].actual_text or "", superscript_citations)
    mismatches: list[LineMismatch] = []
    position = 0
    for line in lines:
        visual = line.visual
        count = len(visual.split(" "))
        run = " ".join(words[position:position + count])
        expected = expected_visual_in(words, position, count, base_rtl, units)
        if expected == visual:
            position += count
            continue
        mismatches.append(LineMismatch(line, expected, run))
        position += count
        for start in range(len(words) - count + 1):
            if expected_visual_in(words, start, count, base_rtl, units) == visual:
                position = start + count
                break
    if position != len(words) and not mismatches:
        mismatches.append(LineMismatch(lines[-1], f"lines that hold all {len(words)} words", f"they hold {position}"))
    return mismatches
