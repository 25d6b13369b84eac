"""Every shipped language, from its real catalog: complete, faithful to the numbers, and printed.

A language ships when its catalog is in translations/; these tests then hold it to the release bar.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from pypdf import PdfReader

from hfs_pdf import operations
from hfs_pdf.content.markup import parse_markup, plain_text
from reportlab.pdfbase import pdfmetrics

from hfs_pdf.fonts import family_name_for, font_family
from hfs_pdf.i18n.catalogs import check_catalog, number_approval, po_path, reviewed_by

from .conftest import PROJECT
from .pdfcheck import base_name, fonts, page_texts
from .tagtree import outline

LOCALES = operations.Project(PROJECT).locales()[1:]
ARABIC_SCRIPT = ("ar", "fa")
TEXT_EXTRACTS = [locale for locale in LOCALES if locale not in ARABIC_SCRIPT]  # shaped Arabic script extracts as glyph codes (see accessibility)


def _catalog(locale: str):
    return read_po(po_path(PROJECT / "translations", locale).open("rb"))


def _numbers(text: str) -> Counter[str]:
    """The numbers a reader sees, ignoring citation keys and thousands separators (1,262 = 1 262 = 1262)."""
    text = re.sub(r"\[@[^\]]+\]", "", text)
    text = re.sub(r"(?<=\d)[,\s\u00a0\u202f.](?=\d{3}(?!\d))", "", text)
    return Counter(re.findall(r"\d+", text))


def _face_name(font_name: str) -> str:
    name = pdfmetrics.getFont(font_name).face.name
    return name.decode() if isinstance(name, bytes) else name


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def localized_dist(every_pdf: Path) -> Path:
    return every_pdf


def test_the_eleven_languages_ship():
    assert sorted(LOCALES) == sorted(operations.TRANSLATION_LOCALES)


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_is_complete_and_keeps_the_markup(locale: str):
    path = po_path(PROJECT / "translations", locale)
    check = check_catalog(_catalog(locale), path)
    assert (check.untranslated, check.fuzzy, check.broken) == ([], [], [])


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def _a_date_with_its_month_as_a_number(message) -> bool:
    """The one approved difference: a form's example date ("March 3") written as Chinese, Japanese
    and Korean write dates (3月3日), which adds the month's own number and changes nothing else."""
    date = re.fullmatch(r"(\w+) (\d+)", message.id)
    if not date or date.group(1) not in MONTHS or number_approval(message) is None:
        return False
    month = str(MONTHS.index(date.group(1)) + 1)
    return _numbers(message.string) == Counter([date.group(2), month])


@pytest.mark.parametrize("locale", LOCALES)
def test_every_number_survives_translation(locale: str):
    changed = [
        (message.context, message.id)
        for message in _catalog(locale)
        if message.id and _numbers(message.id) != _numbers(message.string) and not _a_date_with_its_month_as_a_number(message)
    ]
    assert changed == []


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_is_honestly_labelled_as_a_machine_draft(locale: str):
    catalog = _catalog(locale)
    assert reviewed_by(catalog) is None
    assert "Translation-Review: pending" in catalog.header_comment


@pytest.mark.parametrize("locale", LOCALES)
def test_pdf_is_in_the_language_with_its_font(localized_dist: Path, locale: str):
    pdf = localized_dist / locale / "overview.pdf"
    assert PdfReader(pdf).trailer["/Root"]["/Lang"] == locale.replace("_", "-")
    family = font_family(family_name_for(locale))
    faces = {_face_name(family.regular), _face_name(family.bold)}
    used = {base_name(name) for name in fonts(pdf)}
    assert used <= faces | {"NotoSans-Regular", "NotoSans-Bold"}  # references print in Noto Sans
    assert _face_name(family.regular) in used


@pytest.mark.parametrize("locale", TEXT_EXTRACTS)
def test_pdf_text_is_the_catalog_translation_not_english(localized_dist: Path, locale: str):
    catalog = _catalog(locale)
    translated = {(m.context, m.id): m.string for m in catalog if m.id}
    text = _squeeze(" ".join(page_texts(localized_dist / locale / "overview.pdf")))
    for msgid in ("Hemifacial spasm — an overview", "What causes it?", "Is it safe for me to drive?"):
        assert _squeeze(plain_text(parse_markup(translated[("overview", msgid)]))) in text
        assert _squeeze(msgid) not in text
    assert _squeeze(translated[(None, "Questions to ask your doctor")]) in text
    assert _squeeze(translated[(None, "Page {page} of {total}")].format(page=1, total=len(page_texts(localized_dist / locale / "overview.pdf")))) in text


def test_arabic_digits_keep_their_order(tmp_path: Path):
    """ReportLab 5.1 reverses runs of Arabic-Indic digits when it shapes right-to-left text ("١٢"
    prints as ٢١), while Western digits come out in order. So no Arabic-Indic digit may reach the
    page: the layout prints them as 0-9, and the spoken text keeps the number's logical order."""
    root = tmp_path / "project"
    for folder in ("handouts", "brands"):
        shutil.copytree(PROJECT / folder, root / folder)
    project = operations.Project.at(root)
    operations.i18n_init(project, "ar")
    path = po_path(root / "translations", "ar")
    catalog = read_po(path.open("rb"))
    for message in catalog:
        if message.id:
            message.string = message.id
    catalog.get("Key points").string = "الجرعة ٣٧ ملغ"  # "dose 37 mg", in Arabic-Indic digits
    catalog.get("Key points").user_comments.append("numbers-ok: a test of how Arabic-Indic digits print")
    from hfs_pdf.i18n.catalogs import write_catalog

    path.write_bytes(write_catalog(path, catalog))
    operations.i18n_compile(project)
    report = operations.build(project, languages=("ar",), handout_ids=("overview",), out_dir=tmp_path / "out")
    assert report.ok, report.problems
    pdf = tmp_path / "out" / "ar" / "overview.pdf"
    chunks: list[str] = []
    PdfReader(pdf).pages[0].extract_text(visitor_text=lambda text, *_: chunks.append(text))
    drawn = "".join(chunks)
    assert "37" in drawn
    assert not any("\u0660" <= char <= "\u0669" for char in drawn)
    assert "P 'الجرعة 37 ملغ'" in outline(pdf)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_header_band_keeps_phone_website_and_the_qr_caption_in_every_language(localized_dist: Path, locale: str):
    """The QR code's caption, translated, is printed beside it in every language (a long German or
    Polish caption takes two lines rather than pushing the phone and website off the band)."""
    from hfs_pdf.i18n.catalogs import read_catalog
    from hfs_pdf.layout.page import QR_CAPTION

    from .ink import actual_texts

    caption = read_catalog(po_path(PROJECT / "translations", locale), locale)[QR_CAPTION].string
    for handout_id in ("overview", "mvd-surgery"):
        page_one = [text for (page, _), text in actual_texts(localized_dist / locale / f"{handout_id}.pdf").items() if page == 1]
        assert caption in page_one and any("(555) 010-0142" in text for text in page_one), (locale, handout_id)
