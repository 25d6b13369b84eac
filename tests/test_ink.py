"""The ink: what the pages draw, glyph by glyph, not what their text layer says.

The ActualText of a paragraph can read perfectly while its glyphs are drawn in the wrong order,
with the wrong advance widths, or broken at a place the script forbids. These tests recover the
printed lines from glyph positions (tests/ink.py) and compare them with independent models:
python-bidi for right-to-left order (UAX #9), the embedded font programs for widths and shapes,
UAX #14 / CLREQ / JLREQ for Chinese and Japanese line starts and ends, and the catalogs' own
text for where Korean lines may break.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pikepdf
import pytest
import yaml
from babel import Locale
from babel.messages.pofile import read_po

from hfs_pdf import operations
from hfs_pdf.model import PRINT_VARIANTS, Variant

from . import ink
from .conftest import HANDOUT_IDS, PROJECT

LOCALES = operations.Project(PROJECT).locales()


def _locale(name: str) -> Locale:
    return Locale.parse(name)


RIGHT_TO_LEFT = [name for name in LOCALES if _locale(name).character_order == "right-to-left"]
CHINESE_JAPANESE = [name for name in LOCALES if _locale(name).language in ("zh", "ja")]
KOREAN = [name for name in LOCALES if _locale(name).language == "ko"]
# Widths: every file where shaping or CJK fonts are involved, one handout of every other language.
WIDTH_CASES = [
    (name, handout_id) for name in LOCALES
    for handout_id in (HANDOUT_IDS if name in RIGHT_TO_LEFT + CHINESE_JAPANESE + KOREAN else ["overview"])
]

BRAND = yaml.safe_load((PROJECT / "brands" / "demo.yaml").read_text(encoding="utf-8"))
WEBSITE = BRAND["website"].split("://", 1)[-1].rstrip("/")  # printed without scheme, as hfs-pdf prints it
# Placeholder values hfs-pdf puts into translated text: each must read left to right, as one unit.
UNITS = (BRAND["name"], BRAND["phone"], str(BRAND["emergency_number"]), WEBSITE)
FONTS = PROJECT / "fonts"


def _pdf(root: Path, locale: str, handout_id: str, variant: Variant) -> Path:
    suffix = "" if variant is Variant.STANDARD else f".{variant.value}"
    path = root / locale / f"{handout_id}{suffix}.pdf"
    assert path.is_file(), f"{path} was not built"
    return path


def _superscript_citations(variant: Variant) -> bool:
    """The standard variant prints citations as superscript numbers, large print as [n] at text size."""
    return variant is Variant.STANDARD


def _catalog(locale: str) -> dict[str, str]:
    with open(PROJECT / "translations" / locale / "LC_MESSAGES" / "hfs_pdf.po", "rb") as handle:
        return {str(message.id): message.string for message in read_po(handle) if message.id and message.string}


def _is_english_reference(line: ink.DrawnLine) -> bool:
    """A line of the references section, which stays English (left to right) in every language:
    inside an element with a left-to-right /Lang, and no right-to-left letter of its own."""
    lang = line.element.lang if line.element else None
    return (lang is not None and _locale(lang.replace("-", "_")).character_order == "left-to-right"
            and not any(map(ink.is_rtl_letter, line.visual)))


def _fail_on(problems: list[str], heading: str, limit: int = 25) -> None:
    """Fail with the problems one per line (the first `limit`), under `heading`."""
    if problems:
        shown = "\n  ".join(problems[:limit])
        more = f"\n  … and {len(problems) - limit} more" if len(problems) > limit else ""
        pytest.fail(f"{heading}: {len(problems)} problem(s)\n  {shown}{more}", pytrace=False)


RTL_CASES = [(l, h, v) for l in RIGHT_TO_LEFT for h in HANDOUT_IDS for v in PRINT_VARIANTS]
RTL_IDS = [f"{l}-{h}-{v.value}" for l, h, v in RTL_CASES]


def test_every_right_to_left_language_is_built_and_tested(every_pdf: Path):
    """The right-to-left tests below are parametrised from the catalogs; the output must agree."""
    built = {folder.name for folder in every_pdf.iterdir() if folder.is_dir()}
    built_rtl = {name for name in built if _locale(name).character_order == "right-to-left"}
    assert built_rtl == set(RIGHT_TO_LEFT) and built_rtl, (built_rtl, RIGHT_TO_LEFT)


# --- 2a: right-to-left lines in bidi order ------------------------------------------------------

@pytest.mark.parametrize("locale, handout_id, variant", RTL_CASES, ids=RTL_IDS)
def test_right_to_left_lines_are_drawn_in_bidi_order(every_pdf: Path, locale: str, handout_id: str, variant: Variant):
    """Every printed line of every tagged paragraph draws, left to right, the UAX #9 visual order
    of the next run of words of its ActualText (python-bidi, mirrored, units isolated). The
    English references are left out; their Arabic heading is not."""
    path = _pdf(every_pdf, locale, handout_id, variant)
    problems, checked = [], 0
    for lines in ink.paragraphs(ink.drawn_lines(path)).values():
        if not lines[0].actual_text or all(_is_english_reference(line) for line in lines):
            continue
        checked += len(lines)
        for miss in ink.match_paragraph(lines, True, UNITS, _superscript_citations(variant)):
            problems.append(f"{miss.line.where()}: drawn {miss.line.visual[:60]!r} ≠ expected {miss.expected[:60]!r}")
    assert checked, f"{path}: no right-to-left line found"
    _fail_on(problems, f"{path} (visual order, left to right; {checked} lines checked)")


PAGE, VERSION = "Page {page} of {total}", "Version {version}"  # msgids of the footer (hfs_pdf.layout.page)


@pytest.mark.parametrize("locale, handout_id, variant", RTL_CASES, ids=RTL_IDS)
def test_right_to_left_footer_reads_in_bidi_order(every_pdf: Path, locale: str, handout_id: str, variant: Variant):
    """The footer is an artifact (no ActualText): its translated strings, filled in, must each
    appear on the page in their visual order, and the contact line must read as bidi orders it."""
    path = _pdf(every_pdf, locale, handout_id, variant)
    catalog = _catalog(locale)
    version = yaml.safe_load((PROJECT / "handouts" / f"{handout_id}.yaml").read_text(encoding="utf-8"))["review"]["version"]
    lines = ink.drawn_lines(path)
    total = max(line.page for line in lines)
    contact = " · ".join((BRAND["name"], BRAND["phone"], WEBSITE))
    problems = []
    for page in range(1, total + 1):
        footer = [line.visual for line in lines if line.page == page and line.mcid is None]
        wanted = {
            "page number": catalog.get(PAGE, PAGE).format(page=page, total=total),
            "version": catalog.get(VERSION, VERSION).format(version=version),
            "contact line": contact,
        }
        for what, logical in wanted.items():
            visual = ink.expected_visual(logical, True, UNITS)
            found = any(visual == text for text in footer) if what == "contact line" else any(visual in text for text in footer)
            if not found:
                problems.append(f"p.{page} {what}: expected {visual!r} in the footer, which draws {footer!r}")
    _fail_on(problems, str(path))


# --- 2b: mixed runs in right-to-left paragraphs -------------------------------------------------

def _rtl_paragraphs(every_pdf: Path, variants: tuple[Variant, ...] = PRINT_VARIANTS):
    """(path, variant, lines of one paragraph on one page) for every right-to-left paragraph."""
    for locale in RIGHT_TO_LEFT:
        for handout_id in HANDOUT_IDS:
            for variant in variants:
                path = _pdf(every_pdf, locale, handout_id, variant)
                for lines in ink.paragraphs(ink.drawn_lines(path)).values():
                    text = lines[0].actual_text or ""
                    if any(map(ink.is_rtl_letter, text)):
                        yield path, variant, lines


def _split_across_lines(lines: list[ink.DrawnLine], unit: str) -> int:
    """How often a unit of several words is broken between two lines, in reading order: its first
    words end one line (at its left end, in right-to-left text), the rest begin the next (at its
    right end). A clinic's name may be long, so it may break; each part still reads as written."""
    words = unit.split(" ")
    return sum(
        1
        for upper, lower in zip(lines, lines[1:])
        for cut in range(1, len(words))
        if upper.visual.startswith(" ".join(words[:cut]) + " ") and lower.visual.endswith(" " + " ".join(words[cut:]))
    )


@pytest.mark.parametrize("unit", [BRAND["phone"], BRAND["name"]], ids=["phone", "clinic-name"])
def test_placeholder_values_read_left_to_right_in_right_to_left_paragraphs(every_pdf: Path, unit: str):
    """Wherever Arabic text carries the phone number or the clinic's name, the page
    draws it exactly as written, left to right, as many times as the paragraph says it (a name
    broken between two lines counts when both parts read in order)."""
    problems, seen = [], 0
    for path, _, lines in _rtl_paragraphs(every_pdf):
        said = ink.comparable(lines[0].actual_text).count(unit)
        if not said:
            continue
        seen += said
        drawn = sum(line.visual.count(unit) for line in lines) + _split_across_lines(lines, unit)
        if drawn != said:
            problems.append(f"{lines[0].where()}: {unit!r} {said}× in the text, drawn {drawn}×: "
                            + " / ".join(line.visual[:70] for line in lines))
    assert seen, f"no right-to-left paragraph mentions {unit!r}: the test would prove nothing"
    _fail_on(problems, "right-to-left handouts")


def test_numbers_grouped_with_spaces_keep_their_order(every_pdf: Path):
    """"100 000" in the Arabic overview (and any such number anywhere) prints as "100 000"."""
    problems, seen = [], 0
    for path, _, lines in _rtl_paragraphs(every_pdf):
        for number in re.findall(ink.DIGIT_GROUPS, ink.comparable(lines[0].actual_text)):
            seen += 1
            if not any(number in line.visual for line in lines):
                problems.append(f"{lines[0].where()}: {number!r} not drawn as written: "
                                + " / ".join(line.visual[:70] for line in lines))
    assert seen, "no grouped number in any right-to-left paragraph: the test would prove nothing"
    _fail_on(problems, "right-to-left handouts")


_ABBREVIATION = re.compile(r"\(([A-Z][A-Za-z]{1,5})\)([.،:؟؛!,]?)")


def _bracket_shape(glyph: ink.Glyph) -> str | None:
    """Which bracket a glyph looks like: its outline in the embedded subset against the outlines
    the shipped font's cmap gives "(" and ")". The ToUnicode text is not trusted for this."""
    source = ink.shipped_font(glyph.font.base_font, FONTS)
    name = glyph.font.glyph_name(glyph.code)
    if source is None or name is None:
        return None
    drawn = ink.outline(glyph.font.program, name)
    cmap = source.getBestCmap()
    return next((char for char in "()" if ord(char) in cmap and ink.outline(source, cmap[ord(char)]) == drawn), None)


def _glyphs_of(line: ink.DrawnLine, text: str) -> list[ink.Glyph]:
    """The glyphs of a line that draw `text` (left to right, one glyph per character)."""
    glyphs = [g for g in line.glyphs if not g.is_space]
    for start in range(len(glyphs) - len(text) + 1):
        if "".join(g.text for g in glyphs[start:start + len(text)]) == text:
            return glyphs[start:start + len(text)]
    return []


def test_parenthesised_abbreviations_read_left_to_right_with_the_punctuation_after_them_on_their_left(every_pdf: Path):
    """"(MVD)." in Arabic: the letters and brackets read "(MVD)" left to right, the glyph at the
    left looks like "(" and the one at the right like ")", and the full stop (or Arabic comma,
    colon, question mark) that follows it in reading order is drawn to its left."""
    problems, seen = [], 0
    for path, _, lines in _rtl_paragraphs(every_pdf):
        for abbreviation, punctuation in _ABBREVIATION.findall(ink.comparable(lines[0].actual_text)):
            seen += 1
            unit, wanted = f"({abbreviation})", f"{punctuation}({abbreviation})"
            line = next((line for line in lines if unit in line.visual), None)
            if line is None:
                problems.append(f"{lines[0].where()}: {unit} is not drawn as written: "
                                + " / ".join(l.visual[:60] for l in lines if abbreviation[:2] in l.visual))
                continue
            if wanted not in line.visual:
                at = line.visual.find(unit)
                around = line.visual[max(0, at - 12):at + len(unit) + 12]
                problems.append(f"{line.where()}: expected {wanted!r} in visual order, drawn …{around}…")
            brackets = _glyphs_of(line, unit)
            shapes = (_bracket_shape(brackets[0]), _bracket_shape(brackets[-1])) if brackets else (None, None)
            if shapes != ("(", ")"):
                problems.append(f"{line.where()}: the brackets of {unit} look like {shapes}, left to right")
    assert seen, "no parenthesised abbreviation in any right-to-left paragraph: the test would prove nothing"
    _fail_on(problems, "right-to-left handouts")


_FINAL_CITATION = re.compile(r"\[\d+\](?: \[\d+\])*[.،؟!]$")
_CITATION_WORD = re.compile(r"\[\d+\][.،؟!]?")


@pytest.mark.parametrize("variant", PRINT_VARIANTS, ids=[v.value for v in PRINT_VARIANTS])
def test_a_citation_that_ends_a_paragraph_is_drawn_at_the_left_end_of_its_last_line(every_pdf: Path, variant: Variant):
    """"… تتحكم فيها [1]." ends the paragraph: in visual order its last line starts (at the left)
    with the full stop, then the citation (superscript ¹, or "[1]" in large print), then the word."""
    problems, seen = [], 0
    for path, _, lines in _rtl_paragraphs(every_pdf, (variant,)):
        text = ink.comparable(lines[0].actual_text)
        if not _FINAL_CITATION.search(text):
            continue
        seen += 1
        words = ink.logical_words(text, _superscript_citations(variant))
        start = len(words) - 1
        while start > 0 and _CITATION_WORD.fullmatch(words[start]):  # large print: "فيها [5] [6]."
            start -= 1
        last = lines[-1]
        tail = words[max(start, len(words) - len(last.visual.split(" "))):]
        expected = ink.expected_visual(" ".join(tail), True, UNITS)
        if not last.visual.startswith(expected):
            problems.append(f"{last.where()}: the last line should start with {expected!r}: drawn {last.visual[:60]!r}")
    assert seen, "no right-to-left paragraph ends with a citation: the test would prove nothing"
    _fail_on(problems, "right-to-left handouts")


def test_the_website_reads_left_to_right_wherever_it_is_printed(every_pdf: Path):
    """In the header band (tagged: its ActualText names it) and in every page's footer (an
    artifact) of every right-to-left handout, the website is drawn exactly as written."""
    problems, seen = [], 0
    for locale in RIGHT_TO_LEFT:
        for handout_id in HANDOUT_IDS:
            for variant in PRINT_VARIANTS:
                lines = ink.drawn_lines(_pdf(every_pdf, locale, handout_id, variant))
                for paragraph in ink.paragraphs(lines).values():
                    if WEBSITE in (paragraph[0].actual_text or ""):
                        seen += 1
                        if not any(WEBSITE in line.visual for line in paragraph):
                            problems.append(f"{paragraph[0].where()}: drawn {[l.visual[:60] for l in paragraph]}")
                for page in sorted({line.page for line in lines}):
                    footer = [line.visual for line in lines if line.page == page and line.mcid is None]
                    seen += 1
                    if not any(WEBSITE in text for text in footer):
                        problems.append(f"{lines[0].path.name} p.{page} footer: drawn {footer}")
    assert seen, "the website is printed nowhere"
    _fail_on(problems, "right-to-left handouts")


# --- 2c: right-to-left layout geometry --------------------------------------------------------

def _frame_right(path: Path, page: int) -> float:
    """The text frame's right edge: the footer rule runs from margin to margin, the longest
    horizontal rule on every page."""
    rules = ink.horizontal_rules(path)[page]
    assert rules, f"{path} p.{page}: no footer rule to find the frame by"
    return max(rules, key=lambda rule: rule[1] - rule[0])[1]


@pytest.mark.parametrize("locale, handout_id, variant", RTL_CASES, ids=RTL_IDS)
def test_right_to_left_paragraphs_are_right_aligned_and_labels_sit_on_the_right(
    every_pdf: Path, locale: str, handout_id: str, variant: Variant,
):
    """Every line of a right-to-left paragraph ends (right edge) within 1.5 pt of the paragraph's
    other lines; paragraphs directly in the document or a section end at the text frame's right
    edge; a list label (• or "1.") is to the right of its item's text."""
    path = _pdf(every_pdf, locale, handout_id, variant)
    lines = ink.drawn_lines(path)
    frames = {page: _frame_right(path, page) for page in {line.page for line in lines}}
    title_top = min((l.top for l in lines if l.page == 1 and l.role == "H1"), default=0.0)
    problems = []
    for (page, mcid), paragraph in ink.paragraphs(lines).items():
        if not any(map(ink.is_rtl_letter, paragraph[0].actual_text or "")) or paragraph[0].role == "Lbl":
            continue
        edges = [line.x1 for line in paragraph]
        if max(edges) - min(edges) > 1.5:
            problems.append(f"{paragraph[0].where()}: right edges {[round(e, 1) for e in edges]} are not aligned")
        element = paragraph[0].element
        in_header_band = page == 1 and paragraph[0].bottom <= title_top
        if element and element.roles[-2] in ("Document", "Sect") and not in_header_band:
            if abs(max(edges) - frames[page]) > 1.5:
                problems.append(f"{paragraph[0].where()}: right edge {max(edges):.1f}, the frame's is {frames[page]:.1f}")
    items: dict[tuple, dict[str, list[ink.DrawnLine]]] = {}
    for line in lines:
        if line.element is None or "LI" not in line.element.roles or _is_english_reference(line):
            continue
        item = line.element.ancestor("LI")
        part = "label" if line.role == "Lbl" else "body"
        items.setdefault((line.page, item), {}).setdefault(part, []).append(line)
    for (page, _), parts in items.items():
        if "label" in parts and "body" in parts:
            label, body = parts["label"][0], parts["body"]
            if label.x0 < max(line.x1 for line in body) - 0.5:
                problems.append(f"{label.where()}: label {label.visual!r} at x {label.x0:.1f}–{label.x1:.1f} is not right "
                                f"of its item's text, which ends at {max(l.x1 for l in body):.1f}")
    _fail_on(problems, str(path))


# --- 2d: Widths agree with the embedded font programs ---------------------------------------------

@pytest.mark.parametrize("variant", PRINT_VARIANTS, ids=[v.value for v in PRINT_VARIANTS])
@pytest.mark.parametrize("locale, handout_id", WIDTH_CASES, ids=[f"{l}-{h}" for l, h in WIDTH_CASES])
def test_widths_match_the_embedded_font_program(every_pdf: Path, locale: str, handout_id: str, variant: Variant):
    """A viewer advances by /Widths and draws the outline of the font program: where they disagree,
    glyphs overlap or leave gaps. For every code a text operator shows under a TrueType font, the
    /Widths entry must equal the advance of the glyph that code selects in FontFile2 (through the
    subset's (1, 0) cmap), within 1 unit of 1/1000 em."""
    path = _pdf(every_pdf, locale, handout_id, variant)
    problems, checked = [], 0
    for font, (codes, pages) in ink.fonts_in(path).items():
        if font.subtype != "TrueType":
            continue
        if font.program is None:
            problems.append(f"{font.base_font}: no FontFile2")
            continue
        for code in sorted(codes):
            checked += 1
            width, advance = font.width(code), font.advance(code)
            text = font.to_unicode.get(code, "?")
            if width is None:
                problems.append(f"{font.base_font} code {code} ({text!r}): outside FirstChar…LastChar")
            elif advance is None:
                problems.append(f"{font.base_font} code {code} ({text!r}): selects no glyph in the subset's cmap")
            elif abs(width - advance) > 1:
                problems.append(f"{font.base_font} code {code} ({text!r}, p.{min(pages)}): /Widths {width:g} ≠ "
                                f"font program {advance:g}")
    assert checked, f"{path}: no text shown"
    _fail_on(problems, f"{path} ({checked} codes shown)", 15)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_glyph_names_its_text(every_pdf: Path, locale: str):
    """ToUnicode gives every shown code real characters: the ink comparisons above read glyphs
    through it (and leave out private-use characters, which name nothing)."""
    problems = []
    for handout_id in HANDOUT_IDS:
        for variant in PRINT_VARIANTS:
            path = _pdf(every_pdf, locale, handout_id, variant)
            for font, (codes, pages) in ink.fonts_in(path).items():
                for code in sorted(codes):
                    text = font.to_unicode.get(code)
                    if text is None or any(map(ink.is_private_use, text)):
                        problems.append(f"{path.name} {font.base_font} code {code} (p.{min(pages)}): ToUnicode {text!r}")
    _fail_on(problems, f"{locale} handouts")


# --- 2e: Chinese and Japanese line breaking -------------------------------------------------------

def _with_width_forms(chars: str) -> set[str]:
    """Characters and their fullwidth / halfwidth forms (U+FF01–FF5E, U+FF61–FF65)."""
    forms = set(chars)
    for char in chars:
        if "!" <= char <= "~":
            forms.add(chr(ord(char) + 0xFEE0))
    halfwidth = {"。": "｡", "「": "｢", "」": "｣", "、": "､", "・": "･"}
    forms.update(half for full, half in halfwidth.items() if full in chars)
    return forms


# UAX #14 classes CL, CP, EX, IS, NS (with CJ) and the JLREQ / CLREQ line-start prohibitions.
NO_LINE_START = _with_width_forms(
    "，。、；：！？）」』】〕〉》〙〗〟’”…‥・ー"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ゝゞヽヾ"
    ",.;:!?)]}"
)
NO_LINE_END = _with_width_forms("（「『【〔〈《〘〖〝‘“([{")

CJ_CASES = [(l, h, v) for l in CHINESE_JAPANESE for h in HANDOUT_IDS for v in PRINT_VARIANTS]


@pytest.mark.parametrize("locale, handout_id, variant", CJ_CASES, ids=[f"{l}-{h}-{v.value}" for l, h, v in CJ_CASES])
def test_chinese_and_japanese_lines_respect_the_kinsoku_rules(every_pdf: Path, locale: str, handout_id: str, variant: Variant):
    """No printed line (body text, headings, lists, boxes, any tagged text) starts with closing
    punctuation or another character the rules forbid at a line start, and none ends with an
    opening bracket or quotation mark."""
    path = _pdf(every_pdf, locale, handout_id, variant)
    problems = []
    lines = [line for line in ink.drawn_lines(path) if line.mcid is not None]
    for line in lines:
        text = line.visual
        if text and text[0] in NO_LINE_START:
            problems.append(f"{line.where()}: starts with {text[0]!r}: {text[:40]!r}")
        if text and text[-1] in NO_LINE_END:
            problems.append(f"{line.where()}: ends with {text[-1]!r}: …{text[-40:]!r}")
    assert lines, f"{path}: no tagged line"
    _fail_on(problems, str(path))


# --- 2f: Korean breaks between words ------------------------------------------------------------

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_SOURCE_CITATION = re.compile(r"\[@[^\]\s]+\]")
_LINK = re.compile(r"\[([^\]]*)\]\((https?://[^)\s]+)\)")


def _source_text(message: str) -> str:
    """A catalog string as printed, less citations: placeholders filled, markup dropped."""
    values = {"clinic_name": BRAND["name"], "clinic_phone": BRAND["phone"], "emergency_number": str(BRAND["emergency_number"])}
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), message).replace("**", "")
    text = _SOURCE_CITATION.sub("", text)
    text = re.sub(r"(?<!\{)\{(\w+)\}(?!\})", lambda m: values.get(m.group(1), m.group(0)), text)
    return text.replace("{{", "{").replace("}}", "}")


def _skeleton(text: str) -> tuple[str, list[bool]]:
    """Text → its characters without white space, and for each whether white space (or the
    start) comes right before it: where a line may begin."""
    chars, space_before, pending = [], [], True
    for char in text:
        if char.isspace():
            pending = True
            continue
        chars.append(char)
        space_before.append(pending)
        pending = False
    return "".join(chars), space_before


def _drawn_skeleton(line: ink.DrawnLine) -> str:
    """A drawn line's text without white space and without its citation numbers (superscript, or
    "[n]" at text size), which the catalog writes as [@key]."""
    return re.sub(r"\[\d+(?:,\d+)*\]|\s", "", line.visual)


def _occurrences(needle: str, haystack: str) -> list[int]:
    return [m.start() for m in re.finditer(f"(?={re.escape(needle)})", haystack)] if needle else []


def _mid_word_breaks(lines: list[ink.DrawnLine], drawn: list[str], chars: str, spaces: list[bool], offset: int) -> list[str]:
    """Where these lines, read at `offset` of a catalog text, begin or end inside one of its words."""
    problems, position = [], offset
    for index, (line, text) in enumerate(zip(lines, drawn)):
        if position > 0 and not spaces[position]:
            before = drawn[index - 1][-8:] if index else chars[max(0, position - 8):position]
            problems.append(f"{line.where()}: a line starts inside a word: …{before}|{text[:8]}…")
        position += len(text)
    if position < len(chars) and not spaces[position]:  # the paragraph goes on on the next page
        problems.append(f"{lines[-1].where()}: the page ends inside a word: …{drawn[-1][-8:]}|{chars[position:position + 8]}…")
    return problems


KO_CASES = [(l, h, v) for l in KOREAN for h in HANDOUT_IDS for v in PRINT_VARIANTS]


@pytest.mark.parametrize("locale, handout_id, variant", KO_CASES, ids=[f"{l}-{h}-{v.value}" for l, h, v in KO_CASES])
def test_korean_lines_break_between_words(every_pdf: Path, locale: str, handout_id: str, variant: Variant):
    """Korean is broken at spaces, like English. Each Hangul paragraph's printed lines are found in
    the catalog text they come from (not in the ActualText, which is made from the same lines), and
    every line must begin where that text has a space: after a space or at its start."""
    path = _pdf(every_pdf, locale, handout_id, variant)
    sources = [_skeleton(_source_text(text)) for text in _catalog(locale).values()]
    problems, checked = [], 0
    for lines in ink.paragraphs(ink.drawn_lines(path)).values():
        if not _HANGUL.search(lines[0].actual_text or ""):
            continue
        drawn = [_drawn_skeleton(line) for line in lines]
        joined = "".join(drawn)
        candidates = [(chars, spaces, offset) for chars, spaces in sources for offset in _occurrences(joined, chars)]
        if not candidates:
            problems.append(f"{lines[0].where()}: not found in the catalog: {lines[0].visual[:40]!r}")
            continue
        checked += len(lines)
        # The same words can open a longer string (a heading, then a paragraph that starts with
        # it): the reading with the fewest mid-word breaks is the one the page was set from.
        problems.extend(min((_mid_word_breaks(lines, drawn, *c) for c in candidates), key=len))
    assert checked, f"{path}: no Hangul line checked"
    _fail_on(problems, str(path))


# --- blank forms ------------------------------------------------------------------------------

@pytest.mark.parametrize("locale", ["en", *RIGHT_TO_LEFT])
def test_a_form_runs_from_the_start_of_the_line_in_its_script(every_pdf: Path, locale: str):
    """The spasm diary's rows are named in the first column: at the left in English, at the right
    in Arabic and Persian, where the reader starts — and each day's name is drawn in its own words."""
    path = _pdf(every_pdf, locale, "diagnosis", Variant.STANDARD)
    catalog = {} if locale == "en" else _catalog(locale)
    names = [catalog.get(f"Day {n}", f"Day {n}") for n in range(1, 8)]
    lines = [line for line in ink.drawn_lines(path) if line.role == "Figure"]
    found = {}
    for name in names:
        expected = ink.expected_visual(name, locale != "en") if locale != "en" else name
        hits = [line for line in lines if ink.comparable(line.visual) == ink.comparable(expected)]
        assert hits, f"{path.name}: {name!r} not drawn as {expected!r} in the form"
        found[name] = hits[0]
    with pikepdf.open(path) as pdf:
        middle = float(pdf.pages[0].mediabox[2]) / 2
    if locale == "en":
        assert all(line.x1 < middle for line in found.values())
    else:
        assert all(line.x0 > middle for line in found.values())


def _drawing_alts(locale: str, handout_id: str) -> set[str]:
    """The alt texts of the handout's drawings (not its forms), in its language: among the blocks
    and inside coloured boxes."""
    from hfs_pdf.content import load_handout
    from hfs_pdf.model import Callout, Figure

    handout = load_handout(PROJECT / "handouts" / f"{handout_id}.yaml")
    blocks = [block for section in handout.sections for block in section.blocks] + [handout.get_help]
    alts = [block.alt for block in blocks if isinstance(block, Figure)]
    alts += [block.figure.alt for block in blocks if isinstance(block, Callout) and block.figure]
    if locale != "en":
        catalog = _source_catalog(locale)
        alts = [catalog.get(alt, context=handout_id).string for alt in alts]
    return {" ".join(alt.split()) for alt in alts}


@cache
def _source_catalog(locale: str):
    from hfs_pdf.i18n.catalogs import po_path

    return read_po(po_path(PROJECT / "translations", locale).open("rb"))


def _figure_contents(path: Path, alts: set[str]) -> dict[tuple[int, int], int]:
    """(page index, MCID) → figure number, for each Figure whose alt text is in `alts`."""
    wanted: dict[tuple[int, int], int] = {}
    with pikepdf.open(path) as pdf:
        pages = {page.objgen: index for index, page in enumerate(pdf.pages)}

        def walk(element) -> None:
            kids = element.get("/K", [])
            kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            if element.get("/S") == "/Figure" and " ".join(str(element.get("/Alt", "")).split()) in alts:
                number = len(set(wanted.values()))
                for kid in kids:
                    if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                        wanted[(pages[kid.Pg.objgen], int(kid.MCID))] = number
                    elif isinstance(kid, int):
                        wanted[(pages[element.Pg.objgen], kid)] = number
            for kid in kids:
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                    walk(kid)

        walk(pdf.Root.StructTreeRoot)
    return wanted


def _figure_ink(path: Path, alts: set[str]) -> list[tuple[int, float, float, float, float]]:
    """(page index, left, bottom, right, top) of what each Figure whose alt text is in `alts` draws:
    the union of the page objects in its marked content (pdfium reads their MCIDs)."""
    import pypdfium2
    import pypdfium2.raw as pdfium

    wanted = _figure_contents(path, alts)
    boxes: dict[int, tuple[int, float, float, float, float]] = {}
    document = pypdfium2.PdfDocument(path)
    try:
        for index in range(len(document)):
            for obj in document[index].get_objects(max_depth=2):
                number = wanted.get((index, pdfium.FPDFPageObj_GetMarkedContentID(obj.raw)))
                if number is None:
                    continue
                left, bottom, right, top = obj.get_bounds()
                _, l0, b0, r0, t0 = boxes.get(number, (index, left, bottom, right, top))
                boxes[number] = (index, min(l0, left), min(b0, bottom), max(r0, right), max(t0, top))
    finally:
        document.close()
    return [boxes[number] for number in sorted(boxes)]


def _figure_numbers(path: Path, alts: set[str]) -> set[str]:
    """The digits each drawing prints, as read left to right along each of its baselines
    (pdfium's characters, each traced to the page object, and so the Figure, that drew it)."""
    import ctypes

    import pypdfium2
    import pypdfium2.raw as pdfium

    wanted = _figure_contents(path, alts)
    found: list[tuple[int, int, float, float, str]] = []  # figure, page, middle, left, digit
    document = pypdfium2.PdfDocument(path)
    try:
        for index in range(len(document)):
            text = document[index].get_textpage()
            for char in range(pdfium.FPDFText_CountChars(text.raw)):
                number = wanted.get((index, pdfium.FPDFPageObj_GetMarkedContentID(pdfium.FPDFText_GetTextObject(text.raw, char))))
                letter = chr(pdfium.FPDFText_GetUnicode(text.raw, char))
                if number is None or not letter.isdigit():
                    continue
                left, right, bottom, top = (ctypes.c_double() for _ in range(4))
                pdfium.FPDFText_GetCharBox(text.raw, char, left, right, bottom, top)
                found.append((number, index, (bottom.value + top.value) / 2, left.value, letter))
    finally:
        document.close()
    lines: list[list[tuple]] = []  # glyphs of one figure whose middles are within 3 pt: one line
    for glyph in sorted(found):
        if lines and lines[-1][-1][:2] == glyph[:2] and glyph[2] - lines[-1][-1][2] < 3:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    return {"".join(glyph[4] for glyph in sorted(line, key=lambda glyph: glyph[3])) for line in lines}


@pytest.mark.parametrize("variant", PRINT_VARIANTS, ids=[v.value for v in PRINT_VARIANTS])
@pytest.mark.parametrize("locale", LOCALES)
def test_every_drawing_is_printed_whole_and_centred_on_the_page(every_pdf: Path, locale: str, variant: Variant):
    """Each drawing's ink, the ones inside coloured boxes too (stroke signs, eye care, the bag of
    medicines), sits in the middle of the text column (the margins are equal) and inside the
    page's margins, in every language and both print sizes. A table cell puts flowables at its
    left edge: a drawing in a box used to print off-centre."""
    for handout_id in HANDOUT_IDS:
        path = _pdf(every_pdf, locale, handout_id, variant)
        alts = _drawing_alts(locale, handout_id)
        with pikepdf.open(path) as pdf:
            width = float(pdf.pages[0].MediaBox[2])
        drawings = _figure_ink(path, alts)
        assert len(drawings) == len(alts), (handout_id, "a drawing was not found in the ink")
        for page, left, bottom, right, top in drawings:
            assert abs((left + right) / 2 - width / 2) < 2, (handout_id, page, left, right)
            assert left >= 36 and right <= width - 36, (handout_id, page, left, right)


@pytest.mark.parametrize("variant", PRINT_VARIANTS, ids=[v.value for v in PRINT_VARIANTS])
@pytest.mark.parametrize("locale", LOCALES)
def test_numbered_panels_read_in_the_handouts_direction_and_digits(every_pdf: Path, locale: str, variant: Variant):
    """A drawing's numbered panels (eye care 1-2, the nerve before and after 1-2, the stroke signs
    1-2-3) and its time line (months 0 3 6 9 12) start where the reader starts: at the left, or
    at the right in Arabic and Persian; and their numbers are printed in the digits the caption
    uses (Persian ۱ ۲ ۳)."""
    from hfs_pdf.layout.numerals import native_digits

    language = _locale(locale).language
    in_order = {"botulinum-toxin": [["1", "2"]], "mvd-surgery": [["1", "2"], ["1", "2", "3"]],
                "combining-therapies": [["0", "3", "6", "9", "12"], ["1", "2", "3"]], "overview": [["1", "2", "3"]]}
    for handout_id, sequences in in_order.items():
        numbers = {"".join(reversed(seq) if locale in RIGHT_TO_LEFT else seq) for seq in sequences}  # as read left to right
        drawn = _figure_numbers(_pdf(every_pdf, locale, handout_id, variant), _drawing_alts(locale, handout_id))
        wanted = {native_digits(n, language) for n in numbers}
        assert drawn == wanted, (handout_id, drawn)


def test_a_boxs_picture_prints_where_the_handout_puts_it(every_pdf: Path):
    """The stroke signs print under the words they show ("Stroke signs start suddenly: …") and
    above the box's other advice in the overview; after the list of emergency signs in the
    surgery handout, whose YAML lists the picture after the bullets."""
    import pdfplumber

    def line_top(page, text: str) -> float:  # PDF coordinates: from the bottom of the page
        found = page.search(text)
        assert found, text
        return page.height - found[0]["top"]

    for handout_id, above, below in (("overview", "Stroke signs start suddenly", "See your doctor soon if your face"),
                                      ("mvd-surgery", "Clear, watery fluid dripping", "References")):
        path = _pdf(every_pdf, "en", handout_id, Variant.STANDARD)
        with pdfplumber.open(path) as pdf:
            boxes = [box for box in _figure_ink(path, _drawing_alts("en", handout_id)) if pdf.pages[box[0]].search(above)]
            assert len(boxes) == 1, handout_id
            index, left, bottom, right, top = boxes[0]
            page = pdf.pages[index]
            assert line_top(page, above) > top and bottom > line_top(page, below), handout_id


SPACED = [name for name in LOCALES if name not in RIGHT_TO_LEFT + CHINESE_JAPANESE + KOREAN]  # set by ReportLab


@pytest.mark.parametrize("variant", PRINT_VARIANTS, ids=[v.value for v in PRINT_VARIANTS])
@pytest.mark.parametrize("locale", SPACED)
def test_table_cells_never_break_a_word_in_the_middle(every_pdf: Path, locale: str, variant: Variant):
    """A narrow column of the treatment table must not print half a word on each line
    ("Botulinumtoxin-Spritz" / "en"): a long compound breaks at its own hyphen. Every piece each
    cell line prints is a whole word of that cell, or a hyphenated word's part up to its hyphen."""
    from hfs_pdf.content import load_handout
    from hfs_pdf.model import Table

    handout = load_handout(PROJECT / "handouts" / "overview.yaml")
    table = next(block for section in handout.sections for block in section.blocks if isinstance(block, Table))
    cells = [*table.columns, *(cell for row in table.rows for cell in row)]
    if locale != "en":
        cells = [_source_catalog(locale).get(cell, context="overview").string for cell in cells]
    allowed = set()
    for cell in cells:
        for word in re.sub(r"\s*\[@[^\]]+\]", "", cell).split():
            allowed.add(word)
            pieces = word.split("-")
            allowed.update(piece + "-" for piece in pieces[:-1])
            allowed.add(pieces[-1])
    strip = ".,;:()"
    allowed = {word.strip(strip) for word in allowed}
    printed = [(line.where(), re.sub(r"\[[\d,\s]+\]", "", piece).strip(strip))  # citation marks left out
               for line in ink.drawn_lines(_pdf(every_pdf, locale, "overview", variant))
               if line.role in ("TD", "TH") for piece in line.visual.split()]
    broken = [(where, piece) for where, piece in printed if piece and piece not in allowed and not piece.isdigit()]
    assert broken == []
