"""The English handouts as a reader gets them: text, fonts, metadata, page budget."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from hfs_pdf.content import load_brand, load_handout
from hfs_pdf.content.markup import parse_markup, plain_text

from .conftest import HANDOUT_IDS, PROJECT
from .pdfcheck import STANDARD_14, base_name, fonts, page_texts, words

BRAND = load_brand(PROJECT / "brands" / "demo.yaml")
PLACEHOLDERS = {"clinic_name": BRAND.name, "clinic_phone": BRAND.phone, "emergency_number": BRAND.emergency_number}


def _readable(source: str) -> str:
    return words(plain_text(parse_markup(source), PLACEHOLDERS))


def test_the_whole_set_is_there():
    assert HANDOUT_IDS == [
        "acupuncture", "botulinum-toxin", "combining-therapies", "diagnosis",
        "herbal-medicine", "medication", "mvd-surgery", "overview",
    ]


@pytest.mark.parametrize("handout_id", HANDOUT_IDS)
def test_handout_text_is_printed(built: dict[str, Path], handout_id: str):
    handout = load_handout(PROJECT / "handouts" / f"{handout_id}.yaml")
    text = words(" ".join(page_texts(built[handout_id])))
    assert _readable(handout.title) in text
    assert "Key points" in text and "Questions to ask your doctor" in text and "References" in text
    for section in handout.sections:
        assert _readable(section.heading) in text
    for question in handout.questions:
        assert _readable(question) in text
    for reference in handout.references:
        assert words(reference.text)[:40] in text
    assert "Draft — pending clinical review" in text


@pytest.mark.parametrize("handout_id", HANDOUT_IDS)
def test_fits_its_page_budget_and_every_page_has_its_footer(built: dict[str, Path], handout_id: str):
    """Three pages at most in English, so translations (15–30 % longer) fit the budget of two
    sheets printed on both sides (the drawings, the table and the full safety warnings no longer
    fit one sheet). A draft's footer dates its version and never says "reviewed"."""
    handout = load_handout(PROJECT / "handouts" / f"{handout_id}.yaml")
    texts = page_texts(built[handout_id])
    assert 1 <= len(texts) <= 3
    assert handout.review.status.value == "draft"
    for number, text in enumerate(texts, start=1):
        flat = words(text)
        assert f"Page {number} of {len(texts)}" in flat
        dated = f"{handout.review.last_reviewed:%B} {handout.review.last_reviewed.day}, {handout.review.last_reviewed.year}"
        assert f"{handout_id} · Version {handout.review.version} · Version date {dated}" in flat
        assert "Last reviewed" not in flat and "reviewed November" not in flat
        assert BRAND.phone in flat


def test_a_reviewed_handout_says_when_it_was_last_reviewed(tmp_path: Path):
    from hfs_pdf import operations

    root = tmp_path / "clinic"
    for folder in ("handouts", "brands"):
        shutil.copytree(PROJECT / folder, root / folder)
    path = root / "handouts" / "overview.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  status: draft\n", "  status: reviewed\n  reviewer_role: Neurologist\n", 1), encoding="utf-8")
    report = operations.build(operations.Project.at(root), languages=("en",), handout_ids=("overview",), out_dir=tmp_path / "out")
    assert report.ok, report.problems
    flat = words(" ".join(page_texts(tmp_path / "out" / "en" / "overview.pdf")))
    assert "overview · Version 1.2 · Last reviewed December 2, 2026" in flat
    assert "Version date" not in flat and "Draft — pending clinical review" not in flat


@pytest.mark.parametrize("handout_id", HANDOUT_IDS)
def test_every_font_is_embedded_and_none_is_a_standard_14_font(built: dict[str, Path], handout_id: str):
    used = fonts(built[handout_id])
    assert {base_name(name) for name in used} == {"NotoSans-Regular", "NotoSans-Bold"}
    assert all(used.values()), used
    raw = built[handout_id].read_bytes()
    for name in STANDARD_14:
        assert f"/{name}".encode() not in raw


@pytest.mark.parametrize("handout_id", HANDOUT_IDS)
def test_metadata(built: dict[str, Path], handout_id: str):
    handout = load_handout(PROJECT / "handouts" / f"{handout_id}.yaml")
    reader = PdfReader(built[handout_id])
    info = reader.metadata
    assert info.title == _readable(handout.title)
    assert info.author == "Riverside Neurology Clinic"
    assert info.subject == _readable(handout.key_points)
    assert handout_id in info["/Keywords"] and "hemifacial spasm" in info["/Keywords"]
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True


def test_placeholders_are_filled_from_the_brand(built: dict[str, Path]):
    text = words(" ".join(page_texts(built["botulinum-toxin"])))
    assert "{emergency_number}" not in text
    assert "Call 911" in text


def test_citations_print_as_numbers_and_links_are_clickable(built: dict[str, Path]):
    reader = PdfReader(built["overview"])
    uris = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    ]
    assert "https://pmc.ncbi.nlm.nih.gov/articles/PMC4227371/" in uris
    assert "[@" not in " ".join(page_texts(built["overview"]))


@pytest.mark.parametrize(
    "source, printed",
    [
        ("**Dry eye or watery eye** [@a] [@b].", "<b>Dry eye or watery eye</b><super>1</super><super>,</super><super>2</super>."),
        ("control [@a].", "control<super>1</super>."),
        ("x [@b] and y [@a]", "x<super>2</super> and y<super>1</super>"),
    ],
)
def test_citations_attach_to_their_words_and_adjacent_ones_get_a_comma(source: str, printed: str):
    from hfs_pdf.layout.inline import InlineContext, to_markup

    assert to_markup(source, InlineContext({}, {"a": 1, "b": 2}, "#000000")) == printed


@pytest.mark.parametrize("language", ["en", "ar"])
def test_qr_code_scans_to_the_brand_address(every_pdf: Path, language: str):
    """Decode the printed QR code from a rendering of page 1, as a patient's phone would."""
    import pypdfium2
    import zxingcpp

    document = pypdfium2.PdfDocument(every_pdf / language / "overview.pdf")
    try:
        image = document[0].render(scale=2).to_pil()
    finally:
        document.close()
    codes = zxingcpp.read_barcodes(image)
    assert [(code.format, code.text) for code in codes] == [(zxingcpp.BarcodeFormat.QRCode, BRAND.qr_url)]


def test_the_qr_code_leads_to_the_page_of_its_language_and_handout(tmp_path: Path):
    """qr_url's {lang} and {handout} are filled in per document (they used to print as braces)."""
    import pypdfium2
    import zxingcpp

    from hfs_pdf import operations

    root = tmp_path / "clinic"
    for folder in ("handouts", "brands", "translations"):
        shutil.copytree(PROJECT / folder, root / folder, ignore=shutil.ignore_patterns("*.mo"))
    brand = root / "brands" / "demo.yaml"
    brand.write_text(brand.read_text(encoding="utf-8").replace(
        "qr_url: https://riverside-neuro.example.org/hemifacial-spasm",
        "qr_url: https://riverside-neuro.example.org/hfs/{lang}/{handout}"), encoding="utf-8")
    report = operations.build(operations.Project.at(root), languages=("en", "zh_Hant"), handout_ids=("botulinum-toxin",),
                              out_dir=tmp_path / "out")
    assert report.ok, report.problems
    for lang, folder in (("en", "en"), ("zh-Hant", "zh_Hant")):
        document = pypdfium2.PdfDocument(tmp_path / "out" / folder / "botulinum-toxin.pdf")
        try:
            image = document[0].render(scale=2).to_pil()
        finally:
            document.close()
        assert [code.text for code in zxingcpp.read_barcodes(image)] == [
            f"https://riverside-neuro.example.org/hfs/{lang}/botulinum-toxin"]


def _english_project(root: Path, edit) -> "operations.Project":
    from hfs_pdf import operations

    for folder in ("handouts", "brands"):
        shutil.copytree(PROJECT / folder, root / folder)
    path = root / "handouts" / "overview.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return operations.Project.at(root)


def test_a_box_taller_than_a_page_carries_on_over_the_page(tmp_path: Path):
    """A help box longer than a whole page (many signs, its picture, large print) breaks between
    its lines and continues on the next page; it used to stop the build with ReportLab's
    LayoutError ("internal error")."""
    from hfs_pdf import operations
    from hfs_pdf.model import Variant

    signs = "".join(f'    - "Warning sign number {n}: call the clinic the same day if this happens to you."\n' for n in range(1, 25))
    project = _english_project(tmp_path / "clinic", lambda text: text.replace(
        '    - "**See your doctor soon** if the twitching starts on both sides of your face."\n',
        '    - "**See your doctor soon** if the twitching starts on both sides of your face."\n' + signs, 1))
    report = operations.build(project, languages=("en",), handout_ids=("overview",), out_dir=tmp_path / "out",
                              variants=(Variant.LARGE_PRINT,))
    assert report.ok, report.problems
    pages = [words(text) for text in page_texts(tmp_path / "out" / "en" / "overview.large-print.pdf")]
    title = next(number for number, text in enumerate(pages) if "When to get help" in text)
    last = next(number for number, text in enumerate(pages) if "Warning sign number 24:" in text)
    assert last > title and "Warning sign number 1:" in pages[title]  # the title kept its first lines


def test_a_paragraph_taller_than_a_page_inside_a_box_is_named_not_an_internal_error(tmp_path: Path):
    from hfs_pdf import operations
    from hfs_pdf.model import Variant

    long_text = " ".join(["The spasm can come and go during the day, and it is often worse when you are tired."] * 40)
    project = _english_project(tmp_path / "clinic", lambda text: text.replace(
        "            Ask for the handouts on diagnosis, injections, medicines, surgery, acupuncture,\n",
        f"            {long_text}\n", 1))
    report = operations.build(project, languages=("en",), handout_ids=("overview",), out_dir=tmp_path / "out",
                              variants=(Variant.LARGE_PRINT,))
    assert not report.ok
    (problem,) = report.problems
    assert "overview.yaml" in str(problem)
    assert "handout 'overview' (en, large-print): a part of it on page" in str(problem)
    assert "is taller than a whole page and cannot be split — shorten that paragraph, box or table row" in str(problem)
    assert not (tmp_path / "out" / "en" / "overview.large-print.pdf").exists()
