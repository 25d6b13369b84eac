"""Shared fixtures: the real project folder, a scratch copy of it, and the English handouts built once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hfs_pdf import operations
from hfs_pdf.model import Variant

PROJECT = Path(__file__).resolve().parents[1]
HANDOUT_IDS = sorted(p.stem for p in (PROJECT / "handouts").glob("*.yaml"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def copy_of_project(root: Path) -> operations.Project:
    """The project's handouts, brands and translations copied to `root` (no compiled catalogs: the
    build compiles them), for module-scoped fixtures that build from a scratch project."""
    for folder in ("handouts", "brands", "translations"):
        shutil.copytree(PROJECT / folder, root / folder, ignore=shutil.ignore_patterns("*.mo"))
    return operations.Project.at(root)


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A clinic's own copy of the content, safe to break."""
    root = tmp_path / "clinic"
    for folder in ("handouts", "brands"):
        shutil.copytree(PROJECT / folder, root / folder)
    (root / "translations").mkdir()
    return root


@pytest.fixture
def translated_copy(project_copy: Path) -> Path:
    """A clinic's copy with every catalog, compiled."""
    shutil.copytree(PROJECT / "translations", project_copy / "translations", dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.mo"))
    operations.i18n_compile(operations.Project.at(project_copy))
    return project_copy


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every English handout built once for the whole session: handout id → PDF path."""
    out = tmp_path_factory.mktemp("dist")
    report = operations.build(operations.Project.at(PROJECT), languages=("en",), out_dir=out)
    assert report.ok, report.problems
    return {item.handout_id: item.path for item in report.built}


@pytest.fixture(scope="session")
def every_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every handout × language × variant, built once from freshly compiled catalogs: the output folder."""
    root = tmp_path_factory.mktemp("project")
    for folder in ("handouts", "brands", "translations"):
        shutil.copytree(PROJECT / folder, root / folder, ignore=shutil.ignore_patterns("*.mo"))
    project = operations.Project.at(root)
    operations.i18n_compile(project)
    out = root / "dist"
    report = operations.build(project, languages=("all",), out_dir=out, variants=(Variant.STANDARD, Variant.LARGE_PRINT),
                              jobs=os.cpu_count() or 1)  # the slowest fixture of the suite: on every core
    assert report.ok, report.problems
    return out


def line_of(path: Path, needle: str) -> int:
    """The first line of the file that contains `needle` (1-based), for expected error locations."""
    return next(number for number, line in enumerate(path.read_text().splitlines(), start=1) if needle in line)


def problems_of(load, error_type: type, path: Path) -> list[str]:
    """The problem lines `load(path)` raises, with the path itself shown as FILE."""
    with pytest.raises(error_type) as caught:
        load(path)
    return [str(p).replace(str(path), "FILE") for p in caught.value.problems]
