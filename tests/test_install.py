"""Install like any Python tool: a wheel, in a fresh virtual environment outside the repository.

The wheel must carry the fonts, default handouts, translations, demo brand and sample pack
(`hfs_pdf/defaults/…`); `hfs-pdf init` then makes a clinic's project from them, and a Spanish
build runs there without the checkout. Offline: the new environment borrows this one's
libraries through a .pth file, and the wheel is built without build isolation.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from pypdf import PdfReader

from .conftest import PROJECT

SOURCES = ("pyproject.toml", "README.md", "hfs_pdf", "fonts", "handouts", "translations", "brands", "packs")


def _run(*command: str | Path, cwd: Path) -> str:
    done = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, f"{command}: {done.stdout}{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the hfs-pdf wheel installed (its bin/ folder)."""
    work = tmp_path_factory.mktemp("install")
    source = work / "source"
    source.mkdir()
    for name in SOURCES:  # build from a copy: building writes build/ and egg-info beside the sources
        if (PROJECT / name).is_dir():
            shutil.copytree(PROJECT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        else:
            shutil.copy2(PROJECT / name, source / name)
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", work / "wheel",
         source, cwd=work)
    wheel = next((work / "wheel").glob("hfs_pdf-*.whl"))
    venv = work / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=work)
    site = Path(sysconfig.get_paths(vars={"base": str(venv), "platbase": str(venv)})["purelib"])
    # this environment's libraries (its .pth files, such as hfs-pdf's editable install, are not read)
    (site / "borrowed-libraries.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run(venv / "bin" / "python", "-m", "pip", "install", "--no-deps", "--no-index", "-q", wheel, cwd=work)
    return venv / "bin"


def test_the_wheel_carries_every_default_and_runs_without_the_checkout(installed: Path, tmp_path: Path):
    where = _run(installed / "python", "-c", "import hfs_pdf, hfs_pdf.fonts as f; print(hfs_pdf.__file__); print(f.FONTS_DIR)",
                 cwd=tmp_path).split()
    assert not Path(where[0]).is_relative_to(PROJECT) and Path(where[1]).is_relative_to(installed.parent)
    assert (Path(where[1]) / "NotoSans-Regular.ttf").is_file() and (Path(where[1]) / "taglines").is_dir()

    created = _run(installed / "hfs-pdf", "init", "clinic", cwd=tmp_path)
    clinic = tmp_path / "clinic"
    assert "created clinic/handouts" in created or f"created {clinic / 'handouts'}" in created
    for name in ("handouts/overview.yaml", "translations/es/LC_MESSAGES/hfs_pdf.po", "translations/taglines.yaml",
                 "brands/demo.yaml", "packs/waiting-room.yaml", "hfs-pdf.toml"):
        assert (clinic / name).is_file(), name

    output = _run(installed / "hfs-pdf", "build", "--lang", "es", "--handout", "botulinum-toxin", cwd=clinic)
    pdf = clinic / "dist" / "es" / "botulinum-toxin.pdf"
    assert pdf.is_file(), output
    assert PdfReader(pdf).trailer["/Root"]["/Lang"] == "es"
    assert "Toxina botulínica" in PdfReader(pdf).pages[0].extract_text() or "toxina botulínica" in PdfReader(pdf).pages[0].extract_text()


def test_init_refuses_a_folder_that_holds_a_project_and_build_in_an_empty_folder_says_what_to_do(installed: Path, tmp_path: Path):
    _run(installed / "hfs-pdf", "init", "clinic", cwd=tmp_path)
    again = subprocess.run([str(installed / "hfs-pdf"), "init", "clinic"], cwd=tmp_path, capture_output=True, text=True)
    assert again.returncode == 2 and "already has handouts" in again.stderr and "Traceback" not in again.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    build = subprocess.run([str(installed / "hfs-pdf"), "build"], cwd=empty, capture_output=True, text=True)
    assert build.returncode == 1 and "hfs-pdf init DIR" in build.stderr and "Traceback" not in build.stderr


def test_a_project_made_by_an_older_version_borrows_new_page_chrome_instead_of_failing(translated_copy: Path, tmp_path: Path):
    """A clinic's catalogs come from the version that ran `init`; page chrome added since (here "For
    you") prints in hfs-pdf's own translation, with a warning to update — not English, not a failure."""
    from click.testing import CliRunner

    from hfs_pdf.cli import cli
    from hfs_pdf.i18n.catalogs import po_path, read_catalog, write_catalog

    from .pdfcheck import page_texts, words

    po = po_path(translated_copy / "translations", "es")
    catalog = read_catalog(po, "es")
    catalog.delete("For you")
    po.write_bytes(write_catalog(po, catalog))
    result = CliRunner().invoke(cli, ["build", "--root", str(translated_copy), "--lang", "es", "--handout", "overview",
                                      "--out", str(tmp_path), "--patient", "Ana"])
    assert result.exit_code == 0, result.output
    assert "lacks 1 page-chrome string(s) of this hfs-pdf version" in result.stderr
    assert "Para usted" in words(page_texts(tmp_path / "es" / "overview.pdf")[0])
