"""Waiting-room print packs: the sample pack, read back from its PDF page by page."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from hfs_pdf import operations
from hfs_pdf.cli import cli
from hfs_pdf.errors import PackError

from .conftest import PROJECT, line_of
from .pdfcheck import page_texts, words

SAMPLE = PROJECT / "packs" / "waiting-room.yaml"


@pytest.fixture
def sample(translated_copy: Path, tmp_path: Path) -> tuple[operations.PackReport, Path]:
    out = tmp_path / "waiting-room.pdf"
    report = operations.pack(operations.Project.at(translated_copy), SAMPLE, out)
    assert report.ok, report.problems
    return report, out


def _outline(reader: PdfReader) -> list[tuple[str, int, list[tuple[str, int]]]]:
    """(title, page number, children) of the pack's bookmarks, 1-based pages."""
    entries, outline = [], reader.outline
    for index, item in enumerate(outline):
        if isinstance(item, list):
            continue
        children = outline[index + 1] if index + 1 < len(outline) and isinstance(outline[index + 1], list) else []
        entries.append((
            item.title, reader.get_destination_page_number(item) + 1,
            [(child.title, reader.get_destination_page_number(child) + 1) for child in children],
        ))
    return entries


def test_sample_pack_every_handout_copy_starts_on_a_front_page(sample):
    report, out = sample
    reader = PdfReader(out)
    texts = page_texts(out)
    plan = report.plan
    assert plan.duplex and len(reader.pages) == plan.pages and plan.pages % 2 == 0
    assert plan.sheets == plan.pages // 2
    copies = 0
    for row in plan.rows:
        title = words(report.titles[row.language, row.handout_id])
        assert len(row.copy_starts) == row.copies
        for start in row.copy_starts:
            assert start % 2 == 1, f"{row.language}/{row.handout_id} copy starts on page {start}, a back"
            assert title in words(texts[start - 1]), f"page {start} is not the first page of {row.handout_id}"
            copies += 1
    assert copies == 4 * (6 + 4 + 2) + 2 * 2  # as packs/waiting-room.yaml asks
    # the language-assistance sheet comes right after the pick list, on a front, and the pick list says so
    assert "Free language assistance" in texts[plan.tagline_page - 1] and plan.tagline_page == 3
    assert "Español" in texts[plan.tagline_page - 1] and "日本語" in texts[plan.tagline_page - 1]
    assert f"Page {plan.tagline_page}: the clinic's language-assistance sheet" in words(texts[0])

def test_sample_pack_outline_matches_the_plan(sample):
    report, out = sample
    outline = _outline(PdfReader(out))
    assert outline[0][:2] == ("Pick list", 1)
    assert outline[1][:2] == ("Free language assistance", report.plan.tagline_page) == ("Free language assistance", 3)
    languages = [title for title, _, _ in outline[2:]]
    assert languages == ["English — English", "Español — Spanish", "中文 (繁體) — Chinese (Traditional)", "Tiếng Việt — Vietnamese"]
    separators = report.plan.separator_pages
    assert [page for _, page, _ in outline[2:]] == [separators[language] for language in ("en", "es", "zh_Hant", "vi")]
    starts = [page for _, _, children in outline[2:] for _, page in children]
    assert starts == [start for row in report.plan.rows for start in row.copy_starts]


def test_sample_pack_pick_list_and_separators(sample):
    report, out = sample
    texts = page_texts(out)
    pick_list = words(texts[0])
    assert "Print pack: Waiting room rack — weekly refill" in pick_list
    assert f"{report.plan.pages} pages on {report.plan.sheets} sheets" in pick_list
    assert "not yet reviewed by a human" in pick_list and "Spanish, Chinese (Traditional), Vietnamese" in pick_list
    for row in report.plan.rows:
        assert f"{row.copies} {row.pages} {row.sheets * row.copies} {row.first_page}" in pick_list
    assert words(texts[1]) == ""  # the pick list's blank back
    for language, native in (("es", "Español"), ("zh_Hant", "中文 (繁體)"), ("vi", "Tiếng Việt")):
        page = report.plan.separator_pages[language]
        assert page % 2 == 1 and native in texts[page - 1]


def test_blank_backs_only_where_a_part_ends_on_a_front(sample):
    report, out = sample
    texts = page_texts(out)
    plan = report.plan
    # the pick list, the tagline sheet and each separator take one page and leave a blank back
    expected_blanks = 1 + (plan.tagline_page is not None) + len(plan.separator_pages) + sum(row.copies for row in plan.rows if row.pages % 2)
    blank = [number for number, text in enumerate(texts, start=1) if not text.strip()]
    assert len(blank) == expected_blanks
    assert all(number % 2 == 0 for number in blank)
    reader = PdfReader(out)
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/Duplex"] == "/DuplexFlipLongEdge"
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/PrintScaling"] == "/None"


def test_single_sided_a4_pack_has_no_blank_pages(translated_copy: Path, tmp_path: Path):
    pack_file = tmp_path / "small.yaml"
    pack_file.write_text(
        "name: Front desk\npaper: a4\nduplex: false\nseparators: false\nlanguages: [ar, es]\n"
        "handouts:\n  - handout: mvd-surgery\n    copies: 3\n", encoding="utf-8",
    )
    out = tmp_path / "small.pdf"
    report = operations.pack(operations.Project.at(translated_copy), pack_file, out)
    assert report.ok, report.problems
    reader = PdfReader(out)
    expected = 1 + sum(row.pages * row.copies for row in report.plan.rows)
    assert len(reader.pages) == report.plan.pages == report.plan.sheets == expected
    assert all(text.strip() for text in page_texts(out))
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages} == {(595, 842)}
    assert [row.first_page for row in report.plan.rows] == [2, 2 + 3 * report.plan.rows[0].pages]


def test_pack_is_byte_reproducible(translated_copy: Path, tmp_path: Path):
    project = operations.Project.at(translated_copy)
    first = operations.pack(project, SAMPLE, tmp_path / "one.pdf")
    second = operations.pack(project, SAMPLE, tmp_path / "two.pdf", force=True)
    assert first.ok and second.ok
    assert (tmp_path / "one.pdf").read_bytes() == (tmp_path / "two.pdf").read_bytes()


BROKEN = {
    # case: (old text, new text, line to point at, message)
    "unknown-handout": ("handout: botulinum-toxin", "handout: botox", "handout: botox",
                        "handouts[1].handout 'botox' is not a handout — use one of: acupuncture, botulinum-toxin, "
                        "combining-therapies, diagnosis, herbal-medicine, medication, mvd-surgery, overview"),
    "unknown-language": ("languages: [en, es, zh-Hant, vi]", "languages: [en, xx-Klingon]", "languages: [en, xx",
                         "languages[1]: 'xx-Klingon' is not a language code Babel knows — use one of: en, ar, de, es, fa, fr, ht, "
                         "it, ja, ko, pl, pt_BR, ru, tl, vi, zh_Hans, zh_Hant, all"),
    "zero-copies": ("copies: 4", "copies: 0", "copies: 0", "handouts[1].copies is 0 — it must be from 1 to 500"),
    "copies-not-a-number": ("copies: 4", "copies: four", "copies: four", "handouts[1].copies must be a whole number from 1 to 500"),
    "bad-paper": ("paper: letter ", "paper: legal ", "paper: legal", "paper is 'legal' — it must be one of: letter, a4"),
    "duplex-not-boolean": ("duplex: true ", "duplex: yes ", "duplex: yes", "duplex must be true or false"),
    "unknown-key": ("separators: true", "separator: true", "separator: true",
                    "unknown key separator — expected one of: name, languages, handouts, paper, duplex, separators, taglines"),
    "repeated-entry": ("handout: diagnosis", "handout: botulinum-toxin", "handout: botulinum-toxin\n    copies: 2",
                       "handouts[2] lists botulinum-toxin (standard) again — add the copies up in one entry"),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_bad_pack_file_is_one_error_with_its_line_and_writes_nothing(runner, translated_copy: Path, tmp_path: Path, case: str):
    old, new, needle, message = BROKEN[case]
    pack_file = tmp_path / "pack.yaml"
    text = SAMPLE.read_text(encoding="utf-8")
    assert old in text
    pack_file.write_text(text.replace(old, new, 1), encoding="utf-8")
    out = tmp_path / "pack.pdf"
    result = runner.invoke(cli, ["pack", str(pack_file), "--out", str(out), "--root", str(translated_copy)])
    line = line_of(pack_file, needle.split("\n")[0]) if "\n" not in needle else _line_of_block(pack_file, needle)
    assert result.exit_code == 1, result.output
    assert result.output == f"error: {pack_file}:{line}: {message}\n"
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def _line_of_block(path: Path, block: str) -> int:
    """The line where a multi-line needle starts (the repeated entry's list item)."""
    text = path.read_text(encoding="utf-8")
    return text[: text.index(block)].count("\n") + 1


def test_failed_handout_build_writes_no_pack(translated_copy: Path, tmp_path: Path):
    po = translated_copy / "translations" / "vi" / "LC_MESSAGES" / "hfs_pdf.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Những điểm chính"', 'msgstr ""', 1), encoding="utf-8")
    operations.i18n_compile(operations.Project.at(translated_copy))
    out = tmp_path / "pack.pdf"
    report = operations.pack(operations.Project.at(translated_copy), SAMPLE, out)
    assert not report.ok and not out.exists()
    line = line_of(po, 'msgid "Key points"')
    assert str(report.problems[0]) == f"{po}:{line}: untranslated [page chrome] 'Key points' — translate it"


def test_missing_pack_file(translated_copy: Path, tmp_path: Path):
    with pytest.raises(PackError) as error:
        operations.pack(operations.Project.at(translated_copy), tmp_path / "nowhere.yaml", tmp_path / "out.pdf")
    assert str(error.value.problems[0]).endswith("nowhere.yaml: file not found — check the path")


def test_pack_name_is_printed_literally_never_as_markup(project_copy: Path, tmp_path: Path):
    pack_file = tmp_path / "hostile.yaml"
    name = 'Rack <font name="Bogus">A & B</font> <img src="x"/>'
    pack_file.write_text(
        f"name: '{name}'\nduplex: false\nlanguages: [en]\nhandouts:\n  - handout: overview\n    copies: 1\n", encoding="utf-8",
    )
    out = tmp_path / "hostile.pdf"
    report = operations.pack(operations.Project.at(project_copy), pack_file, out)
    assert report.ok, report.problems
    texts = page_texts(out)
    assert f"Print pack: {name}" in words(texts[0])
    assert name in words(texts[1])  # the separator
