"""hfs-pdf.toml: a project's defaults, below HFS_PDF_* variables and options; bad files name their line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from hfs_pdf.cli import cli

A4_WIDTH, LETTER_WIDTH = 595.28, 612.0


def _build(project: Path, out: Path, *options: str, env: dict[str, str] | None = None) -> float:
    """Build the English overview; the width of its first page."""
    result = CliRunner().invoke(cli, ["build", "--root", str(project), "--handout", "overview", "--lang", "en",
                                      "--out", str(out), *options], env=env or {}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return float(PdfReader(out / "en" / "overview.pdf").pages[0].mediabox.width)


def test_options_beat_variables_which_beat_the_file_which_beats_the_default(project_copy: Path, tmp_path: Path):
    assert _build(project_copy, tmp_path / "default") == pytest.approx(LETTER_WIDTH)  # the demo brand's paper
    (project_copy / "hfs-pdf.toml").write_text('paper = "a4"\n', encoding="utf-8")
    assert _build(project_copy, tmp_path / "file") == pytest.approx(A4_WIDTH, abs=0.1)
    assert _build(project_copy, tmp_path / "env", env={"HFS_PDF_PAPER": "letter"}) == pytest.approx(LETTER_WIDTH)
    assert _build(project_copy, tmp_path / "option", "--paper", "a4", env={"HFS_PDF_PAPER": "letter"}) == pytest.approx(A4_WIDTH, abs=0.1)


def test_the_file_sets_languages_and_out_and_config_says_where_each_value_came_from(translated_copy: Path, tmp_path: Path):
    project_copy = translated_copy
    out = tmp_path / "from-config"
    (project_copy / "hfs-pdf.toml").write_text(f'languages = ["es"]\nout = "{out}"\n', encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["build", "--root", str(project_copy), "--handout", "overview"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert (out / "es" / "overview.pdf").is_file() and not (out / "en").exists()
    shown = runner.invoke(cli, ["config", "--root", str(project_copy)], env={"HFS_PDF_JOBS": "1"}).output
    rows = {line.split()[0]: line for line in shown.splitlines()[1:]}
    assert "hfs-pdf.toml:1" in rows["languages"] and " es " in rows["languages"]
    assert "hfs-pdf.toml:2" in rows["out"]
    assert "HFS_PDF_JOBS" in rows["jobs"] and "default" in rows["paper"]


@pytest.mark.parametrize("text, line, says", [
    ('paper = "a4"\nlanguages = ["en",\n', 2, "not valid TOML"),
    ('paper = "a4"\ncolour = "blue"\n', 2, "unknown key 'colour'"),
    ('\n\npaper = "a5"\n', 3, 'paper: must be "letter" or "a4"'),
    ('jobs = 0\n', 1, "jobs: must be a whole number"),
    ('languages = []\n', 1, "languages: must be a list of language codes"),
])
def test_a_bad_config_file_is_one_line_per_problem_with_its_line(project_copy: Path, text: str, line: int, says: str):
    (project_copy / "hfs-pdf.toml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--root", str(project_copy)])
    assert result.exit_code == 1
    assert f"hfs-pdf.toml:{line}: " in result.output and says in result.output, result.output
    assert "Traceback" not in result.output and not (project_copy / "dist").exists()
