"""A personalised copy: the patient's name, clinician, next visit and a note, printed on page 1
in the handout's language — and stored nowhere else."""

from __future__ import annotations

import os
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from hfs_pdf.cli import cli

from .ink import structure
from .pdfcheck import page_texts, words

NAME = "Zoë Quintanilla-Ortega"
NOTE = "Use 2 drops in the left eye <b>at night</b> & come back early."


def _personal_build(project: Path, out: Path, *extra: str):
    return CliRunner().invoke(cli, [
        "build", "--root", str(project), "--handout", "botulinum-toxin", "--out", str(out),
        "--patient", NAME, "--clinician", "Dr. Rivera", "--next-visit", "2027-01-15", "--note", NOTE, *extra,
    ], catch_exceptions=False)


def _everything_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*"))


def test_the_box_is_printed_escaped_translated_and_tagged(translated_copy: Path, tmp_path: Path):
    result = _personal_build(translated_copy, tmp_path / "out", "--lang", "en", "--lang", "es")
    assert result.exit_code == 0, result.output
    english = words(page_texts(tmp_path / "out" / "en" / "botulinum-toxin.pdf")[0])
    assert f"For you For: {NAME}" in english and "Your clinician: Dr. Rivera" in english
    assert "Your next visit: January 15, 2027" in english
    assert NOTE in english  # the markup-like text prints literally, never as bold
    spanish = words(page_texts(tmp_path / "out" / "es" / "botulinum-toxin.pdf")[0])
    assert f"Para usted Para: {NAME}" in spanish and "Su próxima cita: 15 de enero de 2027" in spanish
    roles = {element.roles[-1] for element in structure(tmp_path / "out" / "es" / "botulinum-toxin.pdf").values()}
    assert "H2" in roles


def test_nothing_personal_is_kept_in_the_cache_logs_names_or_metadata(translated_copy: Path, tmp_path: Path):
    cache = translated_copy / ".hfs-pdf-cache"
    out = tmp_path / "out"
    ordinary = CliRunner().invoke(cli, ["build", "--root", str(translated_copy), "--handout", "botulinum-toxin", "--out",
                                        str(tmp_path / "plain"), "--lang", "es"])
    assert ordinary.exit_code == 0
    before = {path: path.read_bytes() for path in _everything_under(cache) if path.is_file() and path.name != "digests.json"}
    result = _personal_build(translated_copy, out, "--lang", "es")
    assert result.exit_code == 0, result.output
    after = {path: path.read_bytes() for path in _everything_under(cache) if path.is_file() and path.name != "digests.json"}
    assert after == before  # the cache neither gained nor changed a document
    encodings = [NAME.encode("utf-8"), NAME.encode("utf-16-be"), "Quintanilla".encode("utf-8"), "Quintanilla".encode("utf-16-be")]
    for path in _everything_under(cache):
        assert "Quintanilla" not in path.name
        if path.is_file():
            assert not any(needle in path.read_bytes() for needle in encodings), path
    assert [p.relative_to(out).as_posix() for p in _everything_under(out)] == ["es", "es/botulinum-toxin.pdf"]
    assert "Quintanilla" not in result.stdout + result.stderr
    with pikepdf.open(out / "es" / "botulinum-toxin.pdf") as pdf:
        info = " ".join(str(value) for value in pdf.docinfo.values())
        xmp = bytes(pdf.Root.Metadata.read_bytes())
    assert "Quintanilla" not in info and b"Quintanilla" not in xmp


@pytest.mark.parametrize("option, value, says", [
    ("--note", "x" * 401, "--note has 401 characters — at most 400"),
    ("--patient", "Ana\u202eLópez", "--patient contains a control or invisible character"),
    ("--patient", "Ана Лопес \u0905", "--patient: 'अ' (U+0905) cannot be printed"),
    ("--next-visit", "15/01/2027", "Invalid value for '--next-visit'"),
])
def test_a_bad_personal_detail_is_refused_naming_the_field_not_the_text(translated_copy: Path, tmp_path: Path,
                                                                         option: str, value: str, says: str):
    result = CliRunner().invoke(cli, ["build", "--root", str(translated_copy), "--handout", "overview",
                                                      "--lang", "es", "--out", str(tmp_path / "o"), option, value])
    assert result.exit_code in (1, 2)
    assert says in result.stderr, result.stderr
    assert not (tmp_path / "o" / "es").exists()
    if option != "--next-visit":
        assert value not in result.stderr


def test_a_personalised_copy_can_be_bilingual(translated_copy: Path, tmp_path: Path):
    result = _personal_build(translated_copy, tmp_path / "out", "--lang", "es", "--bilingual")
    assert result.exit_code == 0, result.output
    first = words(page_texts(tmp_path / "out" / "es" / "botulinum-toxin.bilingual.pdf")[0])
    assert f"Para: {NAME}" in first and "Botulinum toxin injections for hemifacial spasm" in first
    assert not list((translated_copy / ".hfs-pdf-cache").rglob("*bilingual*"))
