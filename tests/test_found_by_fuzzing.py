"""Inputs the fuzz runs (tests/test_fuzz.py, make fuzz) found mishandled, pinned one by one.

Each was a traceback or an "internal error" (or a message spread over several lines) before; each
must be one line naming the file, and the line where there is one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hfs_pdf.content import load_brand, load_handout
from hfs_pdf.errors import BrandError, ContentError, FontError, TranslationError
from hfs_pdf.fonts import load_font
from hfs_pdf.i18n.catalogs import check_catalog, po_path, read_catalog

from .conftest import PROJECT


def _only_problem(error) -> str:
    (problem,) = error.value.problems
    assert "\n" not in str(problem)
    return str(problem)


def test_a_control_character_in_a_handout(tmp_path: Path):
    path = tmp_path / "overview.yaml"
    text = (PROJECT / "handouts" / "overview.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("review:", "review:\x00", 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_handout(path)
    assert _only_problem(caught) == f"{path}:3: character U+0000 is not allowed in YAML — delete it (a damaged file?)"


def test_a_handout_that_is_not_utf8_names_the_line(tmp_path: Path):
    path = tmp_path / "overview.yaml"
    data = (PROJECT / "handouts" / "overview.yaml").read_bytes()
    at = data.index(b"Hemifacial spasm makes")
    path.write_bytes(data[:at] + b"\xff" + data[at + 1:])
    with pytest.raises(ContentError) as caught:
        load_handout(path)
    line = data.count(b"\n", 0, at) + 1
    assert _only_problem(caught) == f"{path}:{line}: is not UTF-8 text (byte 0xFF) — save the file as UTF-8"


def _catalog_copy(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "es.po"
    text = po_path(PROJECT / "translations", "es").read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("old, new, message", [
    ('"POT-Creation-Date: 2026-01-01 00:00+0000\\n"', '"POT-Creation-Date: 2026-01-01 00:00+\\n"',
     "unconverted data remains: +"),
    ("charset=utf-8", "charset=utf-8x", "invalid PO header (unknown encoding: utf-8x) — fix the header fields in a PO editor"),
], ids=["date", "charset"])
def test_a_damaged_catalog_header(tmp_path: Path, old: str, new: str, message: str):
    path = _catalog_copy(tmp_path, old, new)
    with pytest.raises(TranslationError) as caught:
        read_catalog(path, "es")
    problem = _only_problem(caught)
    assert problem.startswith(f"{path}:") and problem.split(":")[1].isdigit()  # file:line
    assert message in problem and "— fix" in problem


def test_a_po_syntax_error_quoting_the_header_stays_on_one_line(tmp_path: Path):
    path = _catalog_copy(tmp_path, 'msgid ""\nmsgstr ""\n"Project-Id-Version', 'msgid ""\n"Project-Id-Version')
    with pytest.raises(TranslationError) as caught:
        read_catalog(path, "es")
    assert _only_problem(caught).startswith(f"{path}:")
    assert "invalid PO syntax: missing msgstr" in _only_problem(caught)


def test_an_edited_msgid_with_broken_markup_is_a_catalog_problem(tmp_path: Path):
    path = _catalog_copy(tmp_path, 'msgid "What is acupuncture?"', 'msgid "**What is acupuncture?"')
    problems = [str(p) for p in check_catalog(read_catalog(path, "es"), path).broken]
    assert len(problems) == 1 and problems[0].startswith(f"{path}:")
    assert "the English (msgid) is not valid handout markup (** opens bold text that is never closed" in problems[0]
    assert problems[0].endswith("— do not edit msgids; run `hfs-pdf i18n update`")


def test_a_logo_without_its_file_key(tmp_path: Path):
    shutil.copytree(PROJECT / "brands", tmp_path / "brands")
    path = tmp_path / "brands" / "demo.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  file: demo-logo.svg\n", "", 1), encoding="utf-8")
    with pytest.raises(BrandError) as caught:
        load_brand(path)
    assert [str(p).split(": ", 1)[1] for p in caught.value.problems] == ["logo.file is missing — add it"]


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) * 9 // 10],  # parses, and used to fail only while the PDF was written
    lambda data: data[:40000],
    lambda data: data[:12] + bytes(200) + data[212:],
], ids=["truncated-90", "truncated", "zeroed-directory"])
def test_a_damaged_font_file_is_refused_when_loaded(tmp_path: Path, damage):
    path = tmp_path / "NotoSans-Regular.ttf"
    path.write_bytes(damage((PROJECT / "fonts" / "NotoSans-Regular.ttf").read_bytes()))
    with pytest.raises(FontError) as caught:
        load_font("Damaged", path)
    assert _only_problem(caught).startswith(f"{path}: not a usable TrueType font (")
    assert _only_problem(caught).endswith("— restore it from the hfs-pdf checkout (fonts/), or use a TrueType-outline .ttf")
