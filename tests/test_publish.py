"""Stage 5, PUBLISH: files appear whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hfs_pdf.errors import OutputError
from hfs_pdf.model import Variant
from hfs_pdf.publish import output_path, write_atomic


def test_output_names_say_language_and_variant(tmp_path: Path):
    assert output_path(tmp_path, "es", "mvd-surgery", Variant.STANDARD) == tmp_path / "es" / "mvd-surgery.pdf"
    assert output_path(tmp_path, "es", "mvd-surgery", Variant.LARGE_PRINT) == tmp_path / "es" / "mvd-surgery.large-print.pdf"


def test_write_replaces_the_file_whole(tmp_path: Path):
    target = tmp_path / "en" / "x.pdf"
    write_atomic(target, b"%PDF-old")
    write_atomic(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["x.pdf"]


@pytest.mark.parametrize("interruption, raised", [(KeyboardInterrupt, KeyboardInterrupt), (OSError, OutputError)])
def test_an_interrupted_write_leaves_the_old_file_and_no_scraps(tmp_path: Path, monkeypatch, interruption, raised):
    target = tmp_path / "x.pdf"
    write_atomic(target, b"%PDF-old")

    def interrupted(source, destination):
        raise interruption()

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(raised):
        write_atomic(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.pdf"]


def test_a_folder_that_cannot_hold_the_file_is_an_error_naming_it(tmp_path: Path):
    (tmp_path / "dist").write_text("a file where a folder should be")
    target = tmp_path / "dist" / "en" / "x.pdf"
    with pytest.raises(OutputError) as error:
        write_atomic(target, b"%PDF")
    assert [str(problem) for problem in error.value.problems] == [
        f"{target}: cannot be written ({tmp_path / 'dist'} is a file, not a folder) — choose another output path, "
        "or free space / fix permissions"
    ]
