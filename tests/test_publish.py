"""Stage 5, PUBLISH: files appear whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, OSError])
def test_an_interrupted_write_leaves_the_old_file_and_no_scraps(tmp_path: Path, monkeypatch, interruption):
    target = tmp_path / "x.pdf"
    write_atomic(target, b"%PDF-old")

    def interrupted(source, destination):
        raise interruption()

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(interruption):
        write_atomic(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.pdf"]
