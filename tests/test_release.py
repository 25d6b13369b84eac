"""Stage 5, PUBLISH: a release is complete, described by its manifest, and byte-reproducible."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from hfs_pdf import operations
from hfs_pdf.cli import cli
from hfs_pdf.content import load_handout

from .conftest import PROJECT


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("release-project")
    for folder in ("handouts", "brands", "translations"):
        shutil.copytree(PROJECT / folder, root / folder, ignore=shutil.ignore_patterns("*.mo"))
    operations.i18n_compile(operations.Project.at(root))
    return root


def _release(runner: CliRunner, project: Path, out: Path, *extra: str):
    return runner.invoke(
        cli, ["release", "--root", str(project), "--out", str(out), "--lang", "en", "--lang", "ar",
              "--handout", "overview", "--handout", "mvd-surgery", *extra],
        catch_exceptions=False,
    )


@pytest.fixture(scope="module")
def two_releases(project: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    runner = CliRunner()
    first, second = tmp_path_factory.mktemp("r1") / "release", tmp_path_factory.mktemp("r2") / "release"
    assert _release(runner, project, first, "-j", "2").exit_code == 0
    # rendered again (not served from the cache), in this process instead of two workers
    assert _release(runner, project, second, "-j", "1", "--force").exit_code == 0
    return first, second


def test_unchanged_release_comes_from_the_cache_with_the_same_bytes(two_releases, project: Path, tmp_path: Path):
    third = tmp_path / "release"
    result = _release(CliRunner(), project, third)
    assert result.exit_code == 0
    assert result.output.rstrip().endswith("; 0 built, 10 unchanged since the last build)")  # 8 + Arabic bilingual
    assert _files(third) == _files(two_releases[0])


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(two_releases):
    first, second = two_releases
    assert _files(first) == _files(second)  # PDFs, thumbnails, manifest, sums and the zip itself


def test_manifest_describes_every_file(two_releases):
    release = two_releases[0]
    manifest = json.loads((release / "manifest.json").read_text())
    pdfs = sorted(p.relative_to(release).as_posix() for p in release.rglob("*.pdf"))
    assert sorted(entry["path"] for entry in manifest["files"]) == pdfs
    assert len(pdfs) == 2 * 2 * 2 + 2  # handouts × languages × print variants, and Arabic's bilingual copies
    for entry in manifest["files"]:
        pdf = release / entry["path"]
        assert entry["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
        assert entry["bytes"] == pdf.stat().st_size
        assert entry["pages"] == len(PdfReader(pdf).pages)
        version = load_handout(PROJECT / "handouts" / f"{entry['handout']}.yaml").review.version
        assert entry["content_version"] == version and entry["review_status"] == "draft, pending clinical review"
        assert entry["translation_status"] == ("source" if entry["language"] == "en" else "machine draft, pending human review")


def test_checksums_and_zip_cover_the_release(two_releases):
    release = two_releases[0]
    sums = dict(reversed(line.split("  ")) for line in (release / "SHA256SUMS").read_text().splitlines())
    for name, digest in sums.items():
        assert hashlib.sha256((release / name).read_bytes()).hexdigest() == digest
    with zipfile.ZipFile(release / "hfs-pdf-handouts.zip") as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert set(names) == set(sums) | {"SHA256SUMS"}
        for name in names:
            assert archive.read(name) == (release / name).read_bytes()


def test_index_links_every_pdf_with_a_thumbnail(two_releases):
    release = two_releases[0]
    page = (release / "index.html").read_text()
    cards = re.findall(r'<li class="card".*?<img src="([^"]+)" alt="".*?<a class="open" href="([^"]+)">', page)
    assert sorted(link for _, link in cards) == sorted(p.relative_to(release).as_posix() for p in release.rglob("*.pdf"))
    for thumbnail, link in cards:  # the thumbnail is decorative: the card's title names the handout
        assert (release / thumbnail).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert Path(thumbnail).stem == Path(link).stem


def test_a_failed_document_fails_the_release_and_leaves_nothing(project: Path, tmp_path: Path):
    broken = tmp_path / "broken"
    shutil.copytree(project, broken)
    overview = broken / "handouts" / "mvd-surgery.yaml"
    overview.write_text(overview.read_text().replace("[@miller2012]", "[@nobody]", 1))
    out = tmp_path / "release"
    result = _release(CliRunner(), broken, out)
    assert result.exit_code == 1
    assert "citation [@nobody] does not match any reference key" in result.output
    assert "release failed:" in result.output and "nothing written to" in result.output
    assert not out.exists() and not (tmp_path / ".release.partial").exists()


def test_a_release_folder_that_cannot_be_written_leaves_nothing(project: Path, tmp_path: Path):
    (tmp_path / "taken").write_text("a file, not a folder")
    out = tmp_path / "taken" / "release"
    result = _release(CliRunner(), project, out)
    assert result.exit_code == 1
    assert result.output == (
        f"error: {tmp_path / 'taken'}: cannot be written ({tmp_path / 'taken'} is a file, not a folder) — "
        "choose another output path, or free space / fix permissions\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_zip_entries_carry_exactly_the_fixed_time(two_releases, project: Path, tmp_path: Path, monkeypatch):
    """Not "close to": a timestamp slipped in would otherwise pass whenever both test releases
    happen to fall in the same 2-second zip-time window."""
    with zipfile.ZipFile(two_releases[0] / "hfs-pdf-handouts.zip") as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00:00 UTC
    out = tmp_path / "release"
    assert _release(CliRunner(), project, out).exit_code == 0
    with zipfile.ZipFile(out / "hfs-pdf-handouts.zip") as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}


def test_the_release_is_renamed_into_place_not_copied(project: Path, tmp_path: Path, monkeypatch):
    """A copy that fails half-way leaves half a release that looks finished; a rename cannot.
    The staged manifest and the published one are the same file (same inode)."""
    from hfs_pdf.publish import release as release_module

    staged: list[int] = []
    write = release_module.write_release_files

    def recording(folder: Path, *args, **kwargs):
        write(folder, *args, **kwargs)
        staged.append((folder / "manifest.json").stat().st_ino)

    monkeypatch.setattr(release_module, "write_release_files", recording)
    out = tmp_path / "release"
    assert _release(CliRunner(), project, out).exit_code == 0
    assert staged == [(out / "manifest.json").stat().st_ino]


def test_a_release_that_fails_at_the_last_step_leaves_the_previous_one_whole(project: Path, tmp_path: Path, monkeypatch):
    out = tmp_path / "release"
    assert _release(CliRunner(), project, out).exit_code == 0
    before = _files(out)
    real_rename = Path.rename

    def failing(self, target):
        if self.name == ".release.partial":
            raise OSError(28, "No space left on device")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", failing)
    result = _release(CliRunner(), project, out, "--force")
    assert result.exit_code == 1
    assert "No space left on device" in result.output
    assert _files(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release"]  # no staging or retired folder left


def test_a_release_killed_between_its_two_renames_is_put_back_by_the_next_run(project: Path, tmp_path: Path):
    """A hard kill can land between moving the old release aside and moving the new one in; the
    next run (here one that fails on a broken handout) finds the old release aside and restores it."""
    out = tmp_path / "release"
    assert _release(CliRunner(), project, out).exit_code == 0
    before = _files(out)
    out.rename(tmp_path / ".release.old")
    broken = tmp_path / "broken"
    shutil.copytree(project, broken)
    handout = broken / "handouts" / "overview.yaml"
    handout.write_text(handout.read_text().replace("[@lu2014]", "[@nobody]", 1))
    assert _release(CliRunner(), broken, out).exit_code == 1
    assert _files(out) == before
    assert not (tmp_path / ".release.old").exists()
