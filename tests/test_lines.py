"""Right-to-left and CJK paragraphs (layout.lines) drawn into a PDF and read back from the glyphs.

These pin the pieces one at a time — where a line may break, which runs trade places, what stays
whole, how a paragraph splits, which link box lands where — on short texts whose right answer is
known by hand; tests/test_ink.py checks every real handout.
"""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from fontTools.ttLib import TTFont
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from hfs_pdf.fonts import font_family, reset_shaping
from hfs_pdf.layout.bidi import LRI, NO_BREAK_SPACE, PDI, isolate, keep_numbers_whole
from hfs_pdf.layout.inline import InlineContext, to_markup
from hfs_pdf.layout.linebreak import break_opportunities
from hfs_pdf.layout.lines import ShapedParagraph
from hfs_pdf.render.shaped import private_use_text

PAGE = (400, 600)


def _style(family: str = "Amiri", size: float = 14, **extra) -> ParagraphStyle:
    fonts = font_family(family)
    reset_shaping(fonts)
    settings = dict(fontName=fonts.regular, fontSize=size, leading=size * 1.4, alignment=TA_RIGHT,
                    allowWidows=0, allowOrphans=0)
    return ParagraphStyle("test", **(settings | extra))


def _draw(tmp_path: Path, paragraph: ShapedParagraph, width: float = 300) -> Path:
    path = tmp_path / "p.pdf"
    canvas = Canvas(str(path), pagesize=PAGE, invariant=1)
    paragraph.wrapOn(canvas, width, 500)
    paragraph.drawOn(canvas, 50, PAGE[1] - 50 - paragraph.height)
    canvas.save()
    return path


def _page_chars(path: Path) -> list[dict]:
    """pdfplumber's characters, with the private-use codes of joined letter forms turned back into
    the letters they draw (the job `render.pdfua` does for real handouts)."""
    fonts = font_family("Amiri")
    letters = private_use_text((fonts.regular, fonts.bold))
    with pdfplumber.open(path) as pdf:
        chars = pdf.pages[0].chars
    for char in chars:
        font = char["fontname"].split("+", 1)[-1]
        if len(char["text"]) == 1 and ord(char["text"]) in letters.get(font, {}):
            char["text"] = letters[font][ord(char["text"])]
    return chars


def _left_to_right(path: Path) -> str:
    return "".join(c["text"] for c in sorted(_page_chars(path), key=lambda c: c["x0"]) if c["text"].strip())


def _arabic(markup: str, **style) -> ShapedParagraph:
    return ShapedParagraph(markup, _style(**style), language="ar", right_to_left=True)


def _drawn_words(path: Path) -> list[list[str]]:
    """Each printed line's words, right to left (as an Arabic reader meets them), each word's
    letters put back in logical order, from the glyph boxes (not the text layer's order)."""
    chars = [c for c in _page_chars(path) if c["text"].strip()]
    lines: dict[int, list] = {}
    for char in chars:
        lines.setdefault(round(char["bottom"]), []).append(char)
    result = []
    for _, line in sorted(lines.items()):
        line.sort(key=lambda c: -c["x1"])  # right to left
        words, current, last_left = [], "", None
        for char in line:
            if last_left is not None and last_left - char["x1"] > char["size"] * 0.15:
                words.append(current)
                current = ""
            current += char["text"]
            last_left = char["x0"]
        words.append(current)
        result.append(words)
    return result


def test_arabic_words_are_drawn_right_to_left(tmp_path: Path):
    """The heading that printed as "نجاحها؟ مدى ما" (read from the right) before."""
    words = _drawn_words(_draw(tmp_path, _arabic("ما مدى نجاحها؟")))
    assert len(words) == 1
    assert words[0] == ["ما", "مدى", "نجاحها؟"]


def test_a_latin_abbreviation_keeps_its_parentheses_and_the_full_stop_goes_to_its_left(tmp_path: Path):
    drawn = _left_to_right(_draw(tmp_path, _arabic("عملية (MVD). بعدها")))
    # left to right on the page: بعدها … then the full stop, then (MVD) with mirrored brackets, then عملية
    assert ".(MVD)" in drawn
    left_to_right = drawn.index(".(MVD)")
    assert "عملية"[::-1] in drawn[left_to_right:] and "بعدها"[::-1] in drawn[:left_to_right]


@pytest.mark.parametrize("source, whole", [
    ("يصيب نحو 10 من كل 100 000 شخص", "100 000"),
    ("اتصل بالرقم (555) 010-0142 الآن", "(555) 010-0142"),
])
def test_numbers_with_spaces_print_as_written(tmp_path: Path, source: str, whole: str):
    """A plain bidi algorithm prints "000 100" and "010-0142 (555)"."""
    drawn = _left_to_right(_draw(tmp_path, _arabic(keep_numbers_whole(source)), width=340))
    assert whole.replace(" ", "") in drawn


def test_phone_numbers_never_break_across_lines_in_any_language():
    """Korean, like every language set by ReportLab, breaks lines at spaces: "(555)" ended one
    line and "010-0142" began the next."""
    from reportlab.platypus import Paragraph

    context = InlineContext(placeholders={"clinic_phone": "(555) 010-0142"}, citations={}, link_color="#000000")
    markup = to_markup("Call the clinic at {clinic_phone} if it gets worse, or tell us at the next visit.", context)
    style = _style("NotoSans", 10, alignment=0)
    for width in range(60, 400, 3):
        paragraph = Paragraph(markup, style)
        paragraph.wrap(width, 1000)
        assert not any(" ".join(line[1]).endswith("(555)") for line in paragraph.blPara.lines), width
    assert to_markup("about 10 in 100 000 people", context) == f"about 10 in 100{NO_BREAK_SPACE}000 people"


def test_numbers_with_spaces_never_break_across_lines():
    assert keep_numbers_whole("نحو 100 000 شخص") == f"نحو 100{NO_BREAK_SPACE}000 شخص"
    assert keep_numbers_whole("الرقم (555) 010-0142") == f"الرقم {LRI}(555){NO_BREAK_SPACE}010-0142{PDI}"
    assert keep_numbers_whole("بين 3 و 4 أشهر، 12 345 مرة") == f"بين 3 و 4 أشهر، 12{NO_BREAK_SPACE}345 مرة"
    assert keep_numbers_whole("1: الوعاء يضغط. 2: بعد الجراحة") == f"1:{NO_BREAK_SPACE}الوعاء يضغط. 2:{NO_BREAK_SPACE}بعد الجراحة"
    assert keep_numbers_whole("at 10:30 today", False) == "at 10:30 today"


def test_a_placeholder_value_is_one_unit_inside_arabic(tmp_path: Path):
    """The clinic's English name and phone, filled into an Arabic sentence, read as in the brand file."""
    context = InlineContext(placeholders={"clinic_name": "Riverside Neurology Clinic", "clinic_phone": "(555) 010-0142",
                                          "emergency_number": "911"},
                            citations={}, link_color="#000000", right_to_left=True)
    markup = to_markup("اتصل بـ {clinic_name} على الرقم {clinic_phone} فورًا.", context)
    assert isolate("Riverside Neurology Clinic") in markup
    drawn = _left_to_right(_draw(tmp_path, _arabic(markup, size=10), width=380))
    assert "(555)010-0142" in drawn
    assert "RiversideNeurologyClinic" in drawn
    assert drawn.index("(555)") < drawn.index("Riverside")  # the later value stands further left


def test_any_filled_in_value_keeps_its_own_order(tmp_path: Path):
    """A phone written "555 0100" has no strong direction of its own: without isolation the
    words around it would make it "0100 555"."""
    context = InlineContext(placeholders={"clinic_phone": "555 0100"}, citations={}, link_color="#000000", right_to_left=True)
    drawn = _left_to_right(_draw(tmp_path, _arabic(to_markup("اتصل بالرقم {clinic_phone} فورًا.", context))))
    assert "5550100" in drawn


def test_a_bold_word_inside_arabic_keeps_its_place(tmp_path: Path):
    """Style changes cut a right-to-left run into parts, which are drawn from the right too."""
    words = _drawn_words(_draw(tmp_path, _arabic("قبل <b>عريض جدا</b> بعد")))
    assert words == [["قبل", "عريض", "جدا", "بعد"]]


def test_arabic_indic_digits_in_handout_text_print_as_western_digits():
    context = InlineContext(placeholders={}, citations={}, link_color="#000000", right_to_left=True)
    assert to_markup("الجرعة ٣٧ ملغ", context) == "الجرعة 37 ملغ"


def test_a_citation_after_the_last_word_sits_to_its_left_and_is_spoken_in_brackets(tmp_path: Path):
    paragraph = _arabic("يساعد الحقن<super>3</super>.")
    chars = _page_chars(_draw(tmp_path, paragraph))
    three = next(c for c in chars if c["text"] == "3")
    last_word = [c for c in chars if "\u0621" <= c["text"] <= "\u064a"]
    assert three["x1"] <= min(c["x0"] for c in last_word) + 0.5
    assert three["size"] < 14 and three["top"] < min(c["top"] for c in last_word)
    assert paragraph.spoken_lines == ["يساعد الحقن [3]."]


def test_a_citation_after_a_number_is_not_read_as_more_digits(tmp_path: Path):
    """"6 in 100 [@x]." in Arabic: the mark belongs after "100" in reading order, so to its left,
    not glued on its right as if the number were 1005."""
    context = InlineContext(placeholders={}, citations={"x": 5, "y": 6}, link_color="#000000", right_to_left=True)
    paragraph = _arabic(to_markup("نحو 6 من كل 100 [@x] [@y].", context))
    chars = _page_chars(_draw(tmp_path, paragraph))
    small = [c for c in chars if c["size"] < 14]
    hundred = [c for c in chars if c["text"] in "10" and c["size"] == 14]
    assert [c["text"] for c in sorted(small, key=lambda c: c["x0"])] == ["5", ",", "6"]
    assert max(c["x1"] for c in small) <= min(c["x0"] for c in hundred) + 0.5
    assert paragraph.spoken_lines == ["نحو 6 من كل 100 [5] [6]."]


def test_lines_are_broken_in_logical_order_and_right_aligned(tmp_path: Path):
    words = [f"كلمة{n}" for n in range(1, 25)]
    paragraph = _arabic(" ".join(words))
    path = _draw(tmp_path, paragraph, width=200)
    spoken = paragraph.spoken_lines
    assert len(spoken) > 2 and " ".join(spoken) == " ".join(words)  # the first words fill the first line
    with pdfplumber.open(path) as pdf:
        chars = pdf.pages[0].chars
    rights = {}
    for char in chars:
        rights[round(char["bottom"])] = max(rights.get(round(char["bottom"]), 0), char["x1"])
    assert max(rights.values()) - min(rights.values()) < 1.5  # every line ends at the right margin
    assert abs(max(rights.values()) - 250) < 1.5


@pytest.mark.parametrize("text, before_forbidden", [
    ("草药可能有帮助，所以我们不知道。", "，"),
    ("请看说明（注意）再服用。", "）"),
    ("ちょっと待ってください。", "っ"),
])
def test_cjk_never_breaks_before_closing_punctuation_or_small_kana(text: str, before_forbidden: str):
    language = "ja" if "ち" in text else "zh"
    forbidden_start = text.index(before_forbidden)
    assert forbidden_start not in break_opportunities(text, language)


def test_cjk_never_breaks_after_opening_punctuation():
    text = "请看说明（注意）再服用。"
    assert text.index("（") + 1 not in break_opportunities(text, "zh")


def test_cjk_paragraph_never_starts_a_line_with_a_comma(tmp_path: Path):
    text = "有些面肌痉挛患者会尝试中草药，包括天麻、钩藤和六味地黄丸。还没有研究检验过它们对面肌痉挛的效果，所以我们不知道它们是否有帮助。"
    for width in range(120, 300, 7):  # every width puts some punctuation at a line's edge
        paragraph = ShapedParagraph(text, _style("NotoSansCJKSC", 10, alignment=0), language="zh", right_to_left=False)
        paragraph.wrap(width, 1000)
        for line in paragraph.spoken_lines:
            assert line[0] not in "，。、；：！？）」", (width, line)
            assert line[-1] not in "（「", (width, line)
        assert "".join(paragraph.spoken_lines) == text


def test_a_citation_mark_never_starts_a_line(tmp_path: Path):
    """Chinese may break before a digit, so "⁶。" began a line; large print's "[3]" after a space
    stood alone on one."""
    source = "如果出现这种情况，请告诉医生[@x]。" * 3
    superscript = InlineContext(placeholders={}, citations={"x": 6}, link_color="#000000", own_lines=True)
    large = InlineContext(placeholders={}, citations={"x": 3}, link_color="#000000", own_lines=True, superscript_citations=False)
    for context in (superscript, large):
        for width in range(60, 260, 5):
            paragraph = ShapedParagraph(to_markup(source, context), _style("NotoSansCJKSC", 10, alignment=0),
                                        language="zh", right_to_left=False)
            paragraph.wrap(width, 1000)
            for line in paragraph.spoken_lines:
                assert not line.startswith(("[", "。")), (width, line)


def test_split_keeps_widows_and_orphans_away():
    paragraph = _arabic(" ".join(f"كلمة{n}" for n in range(60)))
    paragraph.wrap(200, 1000)
    count, leading = len(paragraph.lines), paragraph.style.leading
    assert count >= 5
    assert paragraph.split(200, leading * 1.5) == []  # one line alone at the foot of the page
    first, rest = paragraph.split(200, leading * (count - 1))  # would leave one line alone on the next
    assert (len(first.lines), len(rest.lines)) == (count - 2, 2)
    assert first.spoken_lines + rest.spoken_lines == paragraph.spoken_lines
    assert rest.wrap(200, 1000)[1] == 2 * leading


def test_a_link_box_covers_the_link_wherever_bidi_puts_it(tmp_path: Path):
    markup = 'زوروا <a href="https://example.org/" color="#0000ff">example.org</a> للمزيد'
    path = _draw(tmp_path, _arabic(markup))
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        link = page.annots[0]
        label = [c for c in page.chars if c["text"] in "example.org" and c["text"].strip() and c["non_stroking_color"] != (0,)]
    assert link["uri"] == "https://example.org/"
    assert link["x0"] - 0.5 <= min(c["x0"] for c in label) and max(c["x1"] for c in label) <= link["x1"] + 0.5


def test_shaped_glyph_widths_are_the_font_programs_own(tmp_path: Path):
    """Bold Amiri kerns and joins: HarfBuzz's advance for a glyph differs from its advance in the
    font. /Widths must hold the font's (PDF/UA-1 §7.21.5); the difference is drawn as TJ shifts."""
    style = _style(fontName=font_family("Amiri").bold)
    path = _draw(tmp_path, ShapedParagraph("<b>تخفيف الضغط الوعائي الدقيق، التي تؤخذ بالفم.</b> يعتمد",
                                           style, language="ar", right_to_left=True))
    checked = 0
    with pikepdf.open(path) as pdf:
        for font in pdf.pages[0].Resources.Font.values():
            if "/FontDescriptor" not in font:
                continue  # the canvas's unused initial font
            program = TTFont(io.BytesIO(font.FontDescriptor.FontFile2.read_bytes()))
            cmap = next(table.cmap for table in program["cmap"].tables if table.cmap)
            scale = 1000 / program["head"].unitsPerEm
            for offset, width in enumerate(font.Widths):
                glyph = cmap.get(int(font.FirstChar) + offset)
                if glyph is not None:
                    assert abs(float(width) - program["hmtx"][glyph][0] * scale) <= 1, (str(font.BaseFont), offset)
                    checked += 1
    assert checked > 20


def test_japanese_never_breaks_between_a_number_and_its_counter():
    """"10人に約9人" printed as "…10 / 人に約9人": the count lost its counter at the line's end."""
    source = "手術は、10人に約9人に効果があります。100人に約4人は、見られませんでした。" * 2
    context = InlineContext(placeholders={}, citations={}, link_color="#000000", own_lines=True)
    font_family("NotoSansCJKJP")
    for width in range(60, 260, 4):
        paragraph = ShapedParagraph(to_markup(source, context), _style("NotoSansCJKJP", 10, alignment=0),
                                    language="ja", right_to_left=False)
        paragraph.wrap(width, 1000)
        for line, following in zip(paragraph.spoken_lines, paragraph.spoken_lines[1:]):
            assert not (line[-1].isdigit() and following[0] in "人"), (width, line, following)
