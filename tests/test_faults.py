"""Faults injected into every writer: a write that fails half-way leaves the last good output whole.

Each test first counts the file-system steps a successful run takes (creating a temporary file,
flushing it to disk, renaming it into place, renaming folders), then runs again once per step,
failing at exactly that step — with a full disk (OSError) or as if the process were killed there
(KeyboardInterrupt, which nothing may swallow). After every failure: each output file holds either
its previous bytes or its new ones in full (never a torn file), nothing looks finished that is
not (no half release under the release's name), and no temporary or staging file is left. A clean
run afterwards gives the same bytes as a run that never failed (the cache serves nothing damaged).
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

from hfs_pdf import operations
from hfs_pdf.errors import HfsPdfError

from .conftest import PROJECT

STEPS = (
    (tempfile, "mkstemp"),
    (os, "fsync"),
    (os, "replace"),
    (Path, "rename"),
)


class _Injected(Exception):
    pass


@contextmanager
def faults(fail_at: int | None, error: BaseException):
    """Count the file-system steps; the `fail_at`-th one (1-based) raises `error` instead."""
    count = [0]
    originals = {(owner, name): getattr(owner, name) for owner, name in STEPS}

    def wrap(original):
        def step(*args, **kwargs):
            count[0] += 1
            if count[0] == fail_at:
                raise error
            return original(*args, **kwargs)
        return step

    for (owner, name), original in originals.items():
        setattr(owner, name, wrap(original))
    try:
        yield count
    finally:
        for (owner, name), original in originals.items():
            setattr(owner, name, original)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _scraps(root: Path) -> list[str]:
    return sorted(p.name for p in root.rglob("*") if p.name.endswith((".part", ".partial", ".old")))


# Three catalogs — a left-to-right, a right-to-left and a CJK one — are enough to show that every
# compiled catalog stays whole: each is written by the same code, and every one more multiplies
# the runs (one per file-system step, each compiling them all) — with all sixteen, one test took minutes.
FAULT_LANGUAGES = ("es", "ar", "zh_Hans")


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    root = tmp_path / "clinic"
    for folder in ("handouts", "brands"):
        shutil.copytree(PROJECT / folder, root / folder)
    others = [path.name for path in (PROJECT / "translations").iterdir() if path.is_dir() and path.name not in FAULT_LANGUAGES]
    shutil.copytree(PROJECT / "translations", root / "translations", ignore=shutil.ignore_patterns("*.mo", *others))
    operations.i18n_compile(operations.Project.at(root))
    return root


ORIGINAL, EDITED = "Riverside Neurology Clinic", "Riverbend Neurology Clinic"


def _set_brand(root: Path, old: str, new: str) -> None:
    """The clinic's name changed: every document differs, so a run must rewrite each file."""
    brand = root / "brands" / "demo.yaml"
    brand.write_text(brand.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _edit(root: Path) -> None:
    _set_brand(root, ORIGINAL, EDITED)


def _each_fault(clinic: Path, run, error: BaseException, steps: int, *, before_old=lambda: None, after_old=lambda: None,
                before_new=lambda: None):
    """For each file-system step in turn: make the previous good output again (original brand),
    then run with the edited brand, failing at that step; yield the step for the checks."""
    for fail_at in range(1, steps + 1):
        _set_brand(clinic, EDITED, ORIGINAL)
        before_old()
        run()
        after_old()
        _set_brand(clinic, ORIGINAL, EDITED)
        before_new()
        _run_failing(run, fail_at, error)
        yield fail_at


FAULTS = [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()]
FAULT_IDS = ["disk-full", "killed"]


def _run_failing(run, fail_at: int, error: BaseException) -> None:
    with faults(fail_at, error):
        try:
            run()
        except HfsPdfError as raised:
            assert isinstance(error, OSError), raised  # a full disk is reported, one line naming the path
            assert all("cannot be written" in str(p) or "release failed" in str(p) for p in raised.problems), raised.problems
        except KeyboardInterrupt:
            assert isinstance(error, KeyboardInterrupt)


@pytest.mark.parametrize("error", FAULTS, ids=FAULT_IDS)
def test_build_keeps_every_file_whole(clinic: Path, tmp_path: Path, error: BaseException):
    project = operations.Project.at(clinic)
    out = tmp_path / "dist"

    def run():
        report = operations.build(project, languages=("en", "ar"), handout_ids=("overview",), out_dir=out, jobs=1)
        assert report.ok, report.problems

    run()
    old = _snapshot(out)
    _edit(clinic)
    cache = clinic / ".hfs-pdf-cache"
    shutil.rmtree(cache)
    with faults(None, error) as steps:  # cold: the cache is written too
        run()
    new = _snapshot(out)

    def is_old() -> None:
        assert _snapshot(out) == old  # the previous good output

    for fail_at in _each_fault(clinic, run, error, steps[0], before_old=lambda: shutil.rmtree(out, ignore_errors=True),
                               after_old=is_old, before_new=lambda: shutil.rmtree(cache, ignore_errors=True)):
        after = _snapshot(out)
        assert set(after) == set(old), fail_at
        for name, data in after.items():
            assert data in (old[name], new[name]), (fail_at, name)  # whole: the old file or the new one
        assert _scraps(tmp_path) == [], fail_at
    run()
    assert _snapshot(out) == new  # nothing the failures left behind (cache included) changes a clean run


@pytest.mark.parametrize("error", FAULTS, ids=FAULT_IDS)
def test_release_is_all_new_or_all_old(clinic: Path, tmp_path: Path, error: BaseException):
    project = operations.Project.at(clinic)
    out = tmp_path / "release"

    def run():
        report = operations.release(project, languages=("en",), handout_ids=("overview",), out_dir=out, jobs=1)
        assert report.ok, report.problems

    run()
    old = _snapshot(out)
    _edit(clinic)
    with faults(None, error) as steps:
        run()
    new = _snapshot(out)
    for fail_at in _each_fault(clinic, run, error, steps[0], before_old=lambda: shutil.rmtree(out, ignore_errors=True)):
        assert _snapshot(out) in (old, new), fail_at  # the release as a whole: never a mix, never half
        assert _scraps(tmp_path) == [], (fail_at, _scraps(tmp_path))


@pytest.mark.parametrize("error", FAULTS, ids=FAULT_IDS)
def test_pack_and_compiled_catalogs_stay_whole(clinic: Path, tmp_path: Path, error: BaseException):
    project = operations.Project.at(clinic)
    pack_file = tmp_path / "pack.yaml"
    pack_file.write_text("name: Test\nlanguages: [en]\nhandouts:\n  - handout: overview\n    copies: 2\n", encoding="utf-8")
    out = tmp_path / "pack.pdf"

    def run():
        operations.pack(project, pack_file, out, jobs=1)
        operations.i18n_compile(project)

    run()
    old_pack, old_catalogs = out.read_bytes(), _snapshot(clinic / "translations")
    _edit(clinic)
    with faults(None, error) as steps:
        run()
    new_pack = out.read_bytes()
    for fail_at in _each_fault(clinic, run, error, steps[0]):
        assert out.read_bytes() in (old_pack, new_pack), fail_at
        assert _snapshot(clinic / "translations") == old_catalogs, fail_at  # same content: whole files
        assert _scraps(tmp_path) == [], fail_at
