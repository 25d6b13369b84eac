"""A release for a whole health system: split across CI machines and merged back byte for byte,
and one release per clinic's brand."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from hfs_pdf import operations
from hfs_pdf.cli import cli

from .conftest import PROJECT

SUBSET = ("--lang", "en", "--lang", "ar", "--handout", "overview", "--handout", "mvd-surgery")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("shard-project")
    for folder in ("handouts", "brands", "translations"):
        shutil.copytree(PROJECT / folder, root / folder, ignore=shutil.ignore_patterns("*.mo"))
    operations.i18n_compile(operations.Project.at(root))
    return root


def _cli(*args: str | Path):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def _tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def shards(project: Path, tmp_path_factory) -> tuple[Path, list[Path]]:
    """An unsharded release, and the same release built as 3 shards (each in its own process state)."""
    work = tmp_path_factory.mktemp("shards")
    assert _cli("release", "--root", project, "--out", work / "full", *SUBSET, "-j", "1").exit_code == 0
    folders = []
    for number in (1, 2, 3):
        folder = work / f"shard-{number}"
        result = _cli("release", "--root", project, "--out", folder, *SUBSET, "--shard", f"{number}/3", "-j", "1", "--force")
        assert result.exit_code == 0, result.output
        folders.append(folder)
    return work / "full", folders


def test_three_shards_merge_into_the_unsharded_release_byte_for_byte(shards, tmp_path: Path):
    full, folders = shards
    counts = [len(list(folder.rglob("*.pdf"))) for folder in folders]
    assert sum(counts) == 2 * 2 * 2 + 2 and all(counts)  # every shard does some of the work (bilingual: Arabic only)
    result = _cli("release", "merge", tmp_path / "merged", *reversed(folders))  # in any order
    assert result.exit_code == 0, result.output
    merged, whole = _tree(tmp_path / "merged"), _tree(full)
    assert sorted(merged) == sorted(whole)  # manifest.json, SHA256SUMS, index.html, zip, PDFs, thumbnails
    assert [name for name in whole if merged[name] != whole[name]] == []


def test_a_wrong_merge_is_refused_and_writes_nothing(shards, project: Path, tmp_path: Path):
    _, (first, second, third) = shards
    out = tmp_path / "merged"
    missing = _cli("release", "merge", out, first, second)
    assert missing.exit_code == 1 and "shard(s) 3/3 missing" in missing.output
    doubled = _cli("release", "merge", out, first, first, second, third)
    assert doubled.exit_code == 1 and "shard(s) 1 given twice" in doubled.output
    other = tmp_path / "a4-shard-3"
    assert _cli("release", "--root", project, "--out", other, *SUBSET, "--shard", "3/3", "--paper", "a4").exit_code == 0
    mixed = _cli("release", "merge", out, first, second, other)
    assert mixed.exit_code == 1 and "was built from other inputs, code or options" in mixed.output
    broken = tmp_path / "broken"
    shutil.copytree(third, broken)
    gone = json.loads((broken / "shard.json").read_text())["entries"][0]["path"]
    (broken / gone).unlink()
    damaged = _cli("release", "merge", out, first, second, broken)
    assert damaged.exit_code == 1 and f"{gone} is listed but its PDF or thumbnail is gone" in damaged.output
    not_a_shard = _cli("release", "merge", out, first, second, tmp_path)
    assert not_a_shard.exit_code == 1 and "not a release shard" in not_a_shard.output
    assert not out.exists() and "Traceback" not in damaged.output
    bad = _cli("release", "--root", project, "--out", tmp_path / "x", "--shard", "4/3")
    assert bad.exit_code == 2 and "write K/N with 1 ≤ K ≤ N" in bad.output


def test_every_brand_gets_its_own_release(project: Path, tmp_path: Path):
    brands = project / "brands"
    north = (brands / "demo.yaml").read_text(encoding="utf-8").replace("id: demo", "id: north").replace(
        "name: Riverside Neurology Clinic", "name: Northgate Facial Nerve Centre")
    (brands / "north.yaml").write_text(north, encoding="utf-8")
    try:
        out = tmp_path / "releases"
        result = _cli("release", "--root", project, "--out", out, "--all-brands", "--lang", "en", "--handout", "overview")
        assert result.exit_code == 0, result.output
        assert sorted(p.name for p in out.iterdir()) == ["demo", "north"]
        for brand, name in (("demo", "Riverside Neurology Clinic"), ("north", "Northgate Facial Nerve Centre")):
            manifest = json.loads((out / brand / "manifest.json").read_text())
            assert manifest["documents"] == 2
            assert PdfReader(out / brand / "en" / "overview.pdf").metadata["/Author"] == name
        (brands / "twin.yaml").write_text(north, encoding="utf-8")
        twins = _cli("release", "--root", project, "--out", tmp_path / "t", "--brand", brands / "north.yaml",
                     "--brand", brands / "twin.yaml", "--lang", "en")
        assert twins.exit_code == 2 and "both have id 'north'" in twins.output
    finally:
        for name in ("north.yaml", "twin.yaml"):
            (brands / name).unlink(missing_ok=True)
