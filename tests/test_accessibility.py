"""Stage 4, RENDER: every PDF is a tagged PDF/UA-1 document that reads as the handout does."""

from __future__ import annotations

import os
import re
from pathlib import Path

import outloud
import pytest

from hfs_pdf import operations
from hfs_pdf.model import PRINT_VARIANTS, Variant

from .conftest import HANDOUT_IDS, PROJECT
from .test_ink import _source_catalog
from .tagtree import outline, tagged_font_sizes

LOCALES = operations.Project(PROJECT).locales()
SNAPSHOTS = Path(__file__).parent / "snapshots"
SNAPSHOT_CASES = [("en", "overview"), ("zh_Hans", "overview"), ("ar", "overview"), ("en", "mvd-surgery")]


def _pdf(root: Path, locale: str, handout_id: str, variant: Variant) -> Path:
    suffix = "" if variant is Variant.STANDARD else f".{variant.value}"
    return root / locale / f"{handout_id}{suffix}.pdf"


# Known and accepted: Arabic-script positional letter forms (Arabic, Persian) are distinct glyphs that
# rightly map to the same letter (ب initial, medial, final → U+0628), which outloud's semantic layer
# warns about (TXT-004).
ACCEPTED_WARNINGS = {"ar": {"TXT-004"}, "fa": {"TXT-004"}}


@pytest.mark.parametrize("variant", PRINT_VARIANTS, ids=[v.value for v in PRINT_VARIANTS])
@pytest.mark.parametrize("locale", LOCALES)
def test_every_pdf_passes_the_pdfua_validator(every_pdf: Path, locale: str, variant: Variant):
    """outloud, both layers (PDF/UA-1 conformance and semantic checks): no error, and no warning
    other than the accepted ones above."""
    findings = {}
    for handout_id in HANDOUT_IDS:
        result = outloud.check(str(_pdf(every_pdf, locale, handout_id, variant)))
        assert result.error is None, result.error
        bad = [
            f"{f.rule} p.{f.page}: {f.message}"
            for f in result.findings
            if f.severity == "error" or (f.severity == "warning" and f.rule not in ACCEPTED_WARNINGS.get(locale, ()))
        ]
        if bad:
            findings[handout_id] = bad
    assert findings == {}


@pytest.mark.parametrize("locale, handout_id", SNAPSHOT_CASES, ids=[f"{l}-{h}" for l, h in SNAPSHOT_CASES])
def test_tag_tree_matches_the_reviewed_snapshot(every_pdf: Path, locale: str, handout_id: str):
    """The structure tree as a screen reader walks it. Regenerate with `make snapshots`, read the diff."""
    actual = outline(_pdf(every_pdf, locale, handout_id, Variant.STANDARD))
    snapshot = SNAPSHOTS / f"{locale}-{handout_id}.txt"
    if os.environ.get("HFS_PDF_UPDATE_SNAPSHOTS"):
        snapshot.parent.mkdir(exist_ok=True)
        snapshot.write_text(actual, encoding="utf-8")
    assert actual == snapshot.read_text(encoding="utf-8")


def test_words_at_line_ends_are_not_glued(every_pdf: Path):
    tree = outline(_pdf(every_pdf, "en", "overview", Variant.STANDARD))
    assert "It is not dangerous in itself" in tree  # "not" ends a printed line
    assert "notdangerous" not in tree


def test_arabic_reads_as_real_letters_in_logical_order(every_pdf: Path):
    tree = outline(_pdf(every_pdf, "ar", "overview", Variant.STANDARD))
    assert "H1 'التشنج النصفي الوجهي — نظرة عامة'" in tree
    assert not any("\ue000" <= char <= "\uf8ff" for char in tree)  # no private-use glyph codes


def test_references_keep_their_english_language_tag(every_pdf: Path):
    tree = outline(_pdf(every_pdf, "es", "overview", Variant.STANDARD))
    assert "Sect Lang='en'" in tree


@pytest.mark.parametrize("handout_id", HANDOUT_IDS)
def test_large_print_sizes(every_pdf: Path, handout_id: str):
    """Large print: every word a reader gets (all tagged text, references too) ≥ 18 pt, headings ≥ 22 pt."""
    sizes = tagged_font_sizes(_pdf(every_pdf, "en", handout_id, Variant.LARGE_PRINT))
    assert min(size for role_sizes in sizes.values() for size in role_sizes) >= 18
    assert min(sizes["H1"]) >= 22 and min(sizes["H2"]) >= 22
    standard = tagged_font_sizes(_pdf(every_pdf, "en", handout_id, Variant.STANDARD))
    assert max(standard["P"]) < 18


def _expected_alts(locale: str, handout_id: str) -> list[str]:
    """The drawings' and forms' alt texts as the handout and its language's catalog say them:
    the drawings among the blocks and those inside coloured boxes (the stroke signs in the help
    box, eye care in "Protect your eye")."""
    from hfs_pdf.content import load_handout
    from hfs_pdf.model import Callout, Figure, Form

    handout = load_handout(PROJECT / "handouts" / f"{handout_id}.yaml")
    blocks = [block for section in handout.sections for block in section.blocks] + [handout.get_help]
    # drawings, and blank forms (a grid to write in is a picture of a form, described by its alt text)
    alts = [block.alt for block in blocks if isinstance(block, (Figure, Form))]
    alts += [block.figure.alt for block in blocks if isinstance(block, Callout) and block.figure]
    if locale == "en":
        return alts
    catalog = _source_catalog(locale)
    return [catalog.get(alt, context=handout_id).string for alt in alts]


@pytest.mark.parametrize("variant", PRINT_VARIANTS, ids=[v.value for v in PRINT_VARIANTS])
@pytest.mark.parametrize("locale", LOCALES)
def test_drawings_are_figures_with_alt_text_in_the_handouts_language(every_pdf: Path, locale: str, variant: Variant):
    for handout_id in HANDOUT_IDS:  # every handout has a drawing or a form to fill in
        tree = outline(_pdf(every_pdf, locale, handout_id, variant))
        alts = [line.strip() for line in tree.splitlines() if line.strip().startswith("Figure Alt=")]
        expected = _expected_alts(locale, handout_id)
        assert expected, handout_id
        for alt in expected:
            # the YAML's line breaks are spaces; a no-break space (French « … ») stays what it is
            spoken = re.sub(r"[ \t\r\n]+", " ", alt).strip()
            assert f"Figure Alt={spoken!r} ''" in alts, (handout_id, alt)
        # no drawing without its own alt text: besides these, only the header band's logo and QR code
        assert len(alts) == len(expected) + 2, handout_id


@pytest.mark.parametrize("variant", PRINT_VARIANTS, ids=[v.value for v in PRINT_VARIANTS])
@pytest.mark.parametrize("locale", LOCALES)
def test_the_comparison_table_is_a_pdfua_table_in_every_language(every_pdf: Path, locale: str, variant: Variant):
    """Standard: one Table, a header row of TH (Scope Column), each row named by a TH (Scope Row).
    Large print: one small Table per treatment, with a Caption and TH (Scope Row) beside each TD."""
    from hfs_pdf.content import load_handout
    from hfs_pdf.model import Table

    handout = load_handout(PROJECT / "handouts" / "overview.yaml")
    table = next(block for section in handout.sections for block in section.blocks if isinstance(block, Table))
    rows, columns = len(table.rows), len(table.columns)
    roles = [line.strip().split(" ")[0] + (" " + line.split("Scope=")[1].split(" ")[0] if "Scope=" in line else "")
             for line in outline(_pdf(every_pdf, locale, "overview", variant)).splitlines()]
    if variant is Variant.STANDARD:
        assert roles.count("Table") == 1 and roles.count("Caption") == 1
        assert roles.count("TR") == rows + 1
        assert roles.count("TH Column") == columns and roles.count("TH Row") == rows
        assert roles.count("TD") == rows * (columns - 1)
    else:
        assert roles.count("Table") == rows and roles.count("Caption") == rows
        assert roles.count("TR") == rows * (columns - 1) == roles.count("TH Row") == roles.count("TD")
        assert roles.count("TH Column") == 0
