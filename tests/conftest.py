"""Shared fixtures: the real project folder, a scratch copy of it, and the English handouts built once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hfs_pdf import operations

PROJECT = Path(__file__).resolve().parents[1]
HANDOUT_IDS = sorted(p.stem for p in (PROJECT / "handouts").glob("*.yaml"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A clinic's own copy of the content, safe to break."""
    root = tmp_path / "clinic"
    for folder in ("handouts", "brands"):
        shutil.copytree(PROJECT / folder, root / folder)
    (root / "translations").mkdir()
    return root


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every English handout built once for the whole session: handout id → PDF path."""
    out = tmp_path_factory.mktemp("dist")
    report = operations.build(operations.Project.at(PROJECT), languages=("en",), out_dir=out)
    assert report.ok, report.problems
    return {item.handout_id: item.path for item in report.built}
