"""Language-assistance taglines: the file, the brand's choice, the sheet, the handout block — and
the ink: every tagline's glyphs are the ones HarfBuzz shapes for its text and font."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest
import uharfbuzz
from click.testing import CliRunner
from fontTools.ttLib import TTFont

from hfs_pdf import operations
from hfs_pdf.cli import cli
from hfs_pdf.content import load_brand
from hfs_pdf.content.taglines import NATIONAL_TOP_15, PHONE, load_taglines
from hfs_pdf.errors import BrandError, ContentError, FontError
from hfs_pdf.fonts import FONTS_DIR, font_paths, tagline_family_name
from hfs_pdf.layout.taglines import FALLBACK, check_tagline_fonts
from hfs_pdf.model import Tagline, TaglineChoice
from hfs_pdf.taglines import tagline_sheet_pdf

from .conftest import PROJECT, line_of
from .ink import outline, shown_glyphs, structure
from .pdfcheck import page_texts

TAGLINES = load_taglines()
COMPLEX = ("hi", "ne", "bn", "pa", "gu", "ur", "km", "th", "my", "am", "hy", "uk", "so", "hmn")


@pytest.fixture(scope="module")
def sheet(tmp_path_factory) -> Path:
    """The sheet with every shipped tagline."""
    brand = replace(load_brand(PROJECT / "brands" / "demo.yaml"), taglines=TaglineChoice(tuple(TAGLINES.taglines)))
    path = tmp_path_factory.mktemp("taglines") / "sheet.pdf"
    path.write_bytes(tagline_sheet_pdf(brand))
    return path


def test_the_project_ships_taglines_in_the_national_top_15_and_the_complex_scripts():
    codes = set(TAGLINES.taglines)
    assert len(codes) >= 30
    assert set(NATIONAL_TOP_15) <= codes and set(COMPLEX) <= codes
    assert all(t.text.count(PHONE) == 1 for t in TAGLINES.taglines.values())
    assert TAGLINES.machine_drafted and TAGLINES.reviewed_by is None  # never pretend
    scripts = {code: TAGLINES.taglines[code].script for code in ("hi", "bn", "pa", "gu", "ur", "km", "th", "my", "am", "hy")}
    assert scripts == {"hi": "Deva", "bn": "Beng", "pa": "Guru", "gu": "Gujr", "ur": "Arab", "km": "Khmr", "th": "Thai",
                       "my": "Mymr", "am": "Ethi", "hy": "Armn"}


def _mcid_glyphs(path: Path) -> dict[tuple[int, int], list[tuple[str, str, tuple]]]:
    """(page, MCID) → every glyph shown in it, in content-stream order: (font, text, outline)."""
    found: dict[tuple[int, int], list] = {}
    with pdfplumber.open(path) as pdf:
        for number, (page, shown) in enumerate(zip(pdf.pages, shown_glyphs(path)), start=1):
            assert len(page.chars) == len(shown)
            for char, item in zip(page.chars, shown):
                if char["mcid"] is None:
                    continue
                name = item.font.glyph_name(item.code)
                drawn = outline(item.font.program, name) if name else None
                found.setdefault((number, char["mcid"]), []).append(
                    (item.font.base_font.split("+")[-1], item.font.to_unicode.get(item.code, ""), drawn, round(char["top"])))
    return found


def _harfbuzz_outlines(tagline: Tagline) -> tuple[str, list[tuple]]:
    """What HarfBuzz draws for the tagline's script-font runs, shaped from the shipped font file:
    (the font's PostScript name, the outlines in visual order of each run, runs in logical order)."""
    family = tagline_family_name(tagline.code, tagline.script)
    path = font_paths(family)[0]
    tools = TTFont(path)
    cmap = tools.getBestCmap()
    blob = uharfbuzz.Blob.from_file_path(str(path))
    font = uharfbuzz.Font(uharfbuzz.Face(blob))
    order = tools.getGlyphOrder()
    text = tagline.text.replace(PHONE, "(555) 010-0142")
    runs, run = [], ""
    for char in text:  # what the script font cannot draw is set in Noto Sans, in runs of its own
        if ord(char) in cmap or char == " ":
            run += char
        else:
            runs.append(run)
            run = ""
    runs.append(run)
    outlines = []
    for piece in runs:
        for word in piece.split(" ") if not tagline.right_to_left else [piece]:
            if not word.strip():
                continue
            buffer = uharfbuzz.Buffer()
            buffer.add_str(word)
            buffer.guess_segment_properties()
            buffer.language = tagline.code.split("_")[0]
            uharfbuzz.shape(font, buffer, {"kern": True, "liga": True})
            glyphs = [(outline(tools, order[info.codepoint]), word[info.cluster]) for info in buffer.glyph_infos]
            outlines.append([g for g in glyphs if g[0][0]])  # spaces and other blank glyphs have no contours
    return tools["name"].getDebugName(6), outlines


@pytest.mark.parametrize("code", sorted(TAGLINES.taglines))
def test_every_tagline_is_drawn_with_the_glyphs_harfbuzz_shapes(sheet: Path, code: str):
    """Conjuncts, reordered vowel signs, Khmer subscripts, Arabic joining: the drawn glyphs of the
    tagline's text (its regular-weight runs) are, in order, the glyphs HarfBuzz chooses for it."""
    tagline = TAGLINES.taglines[code]
    elements = structure(sheet)
    mine = [key for key, element in elements.items() if element.lang == tagline.tag and element.roles[-1] == "P"]
    assert mine, f"no paragraph tagged /Lang {tagline.tag}"
    font_name, expected_runs = _harfbuzz_outlines(tagline)
    glyphs = [g for key in sorted(mine) for g in _mcid_glyphs(sheet)[key]]
    drawn = [g for g in glyphs if g[0] == font_name and g[2] and g[2][0]]  # its text, in its regular font
    if tagline.right_to_left:  # each line is drawn right to left: read it back in logical order
        lines: dict[int, list] = {}
        for g in drawn:
            lines.setdefault(g[3], []).append(g)
        drawn = [g for top in sorted(lines) for g in reversed(lines[top])]
        expected = [g for run in expected_runs for g in reversed(run)]
        # The phone number runs left to right inside the line, and ASCII punctuation beside it goes
        # where the bidi algorithm puts it, which HarfBuzz, shaping one run without bidi, cannot know:
        # compare the right-to-left letters (their joining forms and ligatures).
        drawn = [g for g in drawn if not g[1].isascii()]
        expected = [g for g in expected if not g[1].isascii()]
    else:
        expected = [g for run in expected_runs for g in run]
    assert [g[2] for g in drawn] == [g[0] for g in expected], f"{code}: drawn glyphs differ from HarfBuzz's shaping"


def test_every_tagline_is_its_own_language_in_the_structure_and_the_text(sheet: Path):
    langs = {element.lang for element in structure(sheet).values()}
    assert {t.tag for t in TAGLINES.taglines.values()} <= langs
    text = " ".join(page_texts(sheet))
    assert len(page_texts(sheet)) == 1
    for tagline in TAGLINES.taglines.values():
        if tagline.script == "Latn":
            assert tagline.name in text


def test_a_character_no_font_has_is_an_error_naming_the_language_and_character():
    hindi = TAGLINES.taglines["hi"]
    broken = replace(hindi, text=hindi.text.replace(" ", " \u0995 ", 1))  # a Bengali letter in Hindi text
    with pytest.raises(FontError) as caught:
        check_tagline_fonts([broken], TAGLINES.source)
    message = str(caught.value.problems[0])
    assert f"taglines.yaml:{hindi.line}: taglines.hi:" in message and "U+0995" in message


def test_a_broken_taglines_file_is_refused_with_its_line(tmp_path: Path):
    path = tmp_path / "taglines.yaml"
    path.write_text('taglines:\n  es:\n    name: "Español"\n    text: "Llame al 555."\n  xx-bad:\n    name: a\n    text: "{clinic_phone}"\n',
                    encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_taglines.__wrapped__(path)
    problems = [str(p) for p in caught.value.problems]
    assert any(":4: taglines.es.text must say {clinic_phone} exactly once" in p for p in problems), problems
    assert any(":5: taglines.xx-bad" in p for p in problems), problems


def _brand(tmp_path: Path, taglines: str) -> Path:
    source = (PROJECT / "brands" / "demo.yaml").read_text(encoding="utf-8")
    source = "\n".join(line for line in source.splitlines() if not line.startswith("taglines") and not line.startswith("  languages")
                       and not line.startswith("  on_handouts"))
    path = tmp_path / "brand.yaml"
    path.write_text(source + "\n" + taglines, encoding="utf-8")
    (tmp_path / "demo-logo.svg").write_bytes((PROJECT / "brands" / "demo-logo.svg").read_bytes())
    return path


def test_a_brand_lists_its_languages_and_an_unknown_one_is_an_error_with_its_line(tmp_path: Path):
    good = load_brand(_brand(tmp_path, "taglines:\n  languages: [es, hi, ar]\n  on_handouts: true\n"))
    assert good.taglines == TaglineChoice(("es", "hi", "ar"), True)
    assert load_brand(_brand(tmp_path, "taglines: {}\n")).taglines == TaglineChoice(NATIONAL_TOP_15, False)
    path = _brand(tmp_path, "taglines:\n  languages:\n    - es\n    - klingon\n")
    with pytest.raises(BrandError) as caught:
        load_brand(path)
    message = str(caught.value.problems[0])
    assert f"brand.yaml:{line_of(path, 'klingon')}: taglines.languages[1]: no tagline in 'klingon'" in message


def test_the_taglines_command_writes_a_one_page_sheet(tmp_path: Path):
    out = tmp_path / "help.pdf"
    result = CliRunner().invoke(cli, ["taglines", "--root", str(PROJECT), "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert len(page_texts(out)) == 1
    langs = {element.lang for element in structure(out).values()}
    assert {code.replace("_", "-") for code in NATIONAL_TOP_15} <= langs


def test_a_brand_can_print_its_taglines_on_the_last_page_of_every_handout(tmp_path: Path, project_copy: Path):
    brand = _brand(project_copy / "brands", "taglines:\n  languages: [es, hi, km, ar, th]\n  on_handouts: true\n")
    report = operations.build(operations.Project.at(project_copy), languages=("en",), handout_ids=("overview",),
                              out_dir=tmp_path, brand_path=brand)
    assert report.ok, report.problems
    pdf = tmp_path / "en" / "overview.pdf"
    pages = page_texts(pdf)
    assert "Free help in your language" in pages[-1] and "Español" in pages[-1]
    last = len(pages)
    langs = {element.lang for (page, _), element in structure(pdf).items() if page == last}
    assert {"es", "hi", "km", "ar", "th"} <= langs
    assert len(pages) <= 4
