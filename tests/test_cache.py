"""Incremental builds: only documents whose inputs changed are rendered again, and what the cache
serves is byte for byte what a fresh build makes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from hfs_pdf import operations
from hfs_pdf.cache import CACHE_DIR_NAME
from hfs_pdf.model import Paper

from .pdfcheck import page_texts, words

TWO = ("overview", "mvd-surgery")


def _build(root: Path, out: Path, **options) -> dict[tuple[str, str], operations.Built]:
    options.setdefault("handout_ids", TWO)
    report = operations.build(operations.Project.at(root), out_dir=out, **options)
    assert report.ok, report.problems
    return {(item.locale, item.handout_id): item for item in report.built}


def _rendered(built: dict) -> set[tuple[str, str]]:
    return {name for name, item in built.items() if item.rendered}


def test_second_build_renders_nothing_and_rewrites_nothing(project_copy: Path, tmp_path: Path):
    out = tmp_path / "out"
    first = _build(project_copy, out)
    assert _rendered(first) == {("en", "overview"), ("en", "mvd-surgery")}
    stamps = {name: item.path.stat().st_mtime_ns for name, item in first.items()}
    second = _build(project_copy, out)
    assert _rendered(second) == set()
    assert not any(item.written for item in second.values())
    assert {name: item.path.stat().st_mtime_ns for name, item in second.items()} == stamps
    assert [(i.pages, i.title) for i in second.values()] == [(i.pages, i.title) for i in first.values()]


def test_changed_handout_rebuilds_only_itself(project_copy: Path, tmp_path: Path):
    out = tmp_path / "out"
    _build(project_copy, out)
    source = project_copy / "handouts" / "overview.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("an overview", "the basics", 1), encoding="utf-8")
    again = _build(project_copy, out)
    assert _rendered(again) == {("en", "overview")}
    assert "Hemifacial spasm — the basics" in words(" ".join(page_texts(again["en", "overview"].path)))


def test_touched_but_identical_file_is_not_a_change(project_copy: Path, tmp_path: Path):
    out = tmp_path / "out"
    _build(project_copy, out)
    source = project_copy / "handouts" / "overview.yaml"
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 5_000_000_000))
    assert _rendered(_build(project_copy, out)) == set()


def test_brand_change_rebuilds_every_document(project_copy: Path, tmp_path: Path):
    out = tmp_path / "out"
    _build(project_copy, out)
    brand = project_copy / "brands" / "demo.yaml"
    brand.write_text(brand.read_text(encoding="utf-8").replace("(555) 010-0142", "(555) 010-0199"), encoding="utf-8")
    again = _build(project_copy, out)
    assert _rendered(again) == {("en", "overview"), ("en", "mvd-surgery")}
    assert "(555) 010-0199" in " ".join(page_texts(again["en", "overview"].path))


def test_logo_change_rebuilds(project_copy: Path, tmp_path: Path):
    out = tmp_path / "out"
    _build(project_copy, out)
    logo = project_copy / "brands" / "demo-logo.svg"
    logo.write_text(logo.read_text(encoding="utf-8").replace("</svg>", "<!-- recoloured --></svg>"), encoding="utf-8")
    assert _rendered(_build(project_copy, out)) == {("en", "overview"), ("en", "mvd-surgery")}


def test_catalog_change_rebuilds_only_that_language(translated_copy: Path, tmp_path: Path):
    out = tmp_path / "out"
    _build(translated_copy, out, languages=("en", "es"))
    po = translated_copy / "translations" / "es" / "LC_MESSAGES" / "hfs_pdf.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Página {page} de {total}"', 'msgstr "Pág. {page} de {total}"'), encoding="utf-8")
    operations.i18n_compile(operations.Project.at(translated_copy))
    again = _build(translated_copy, out, languages=("en", "es"))
    assert _rendered(again) == {("es", "overview"), ("es", "mvd-surgery")}
    assert "Pág. 1 de" in " ".join(page_texts(again["es", "overview"].path))


def test_options_are_part_of_the_key(project_copy: Path, tmp_path: Path):
    _build(project_copy, tmp_path / "letter")
    a4 = _build(project_copy, tmp_path / "a4", paper=Paper.A4)
    assert _rendered(a4) == {("en", "overview"), ("en", "mvd-surgery")}
    assert _rendered(_build(project_copy, tmp_path / "letter")) == set()


def test_force_renders_everything_again_with_the_same_bytes(project_copy: Path, tmp_path: Path):
    out = tmp_path / "out"
    first = _build(project_copy, out)
    data = {name: item.path.read_bytes() for name, item in first.items()}
    forced = _build(project_copy, out, force=True)
    assert _rendered(forced) == set(first)
    assert {name: item.path.read_bytes() for name, item in forced.items()} == data


def test_deleted_output_is_restored_from_the_cache(project_copy: Path, tmp_path: Path):
    out = tmp_path / "out"
    first = _build(project_copy, out)
    data = first["en", "overview"].path.read_bytes()
    shutil.rmtree(out)
    again = _build(project_copy, out)
    assert _rendered(again) == set() and again["en", "overview"].written
    assert again["en", "overview"].path.read_bytes() == data


def test_damaged_cache_entry_is_rebuilt_not_served(project_copy: Path, tmp_path: Path):
    out = tmp_path / "out"
    first = _build(project_copy, out)
    good = first["en", "overview"].path.read_bytes()
    cached = next((project_copy / CACHE_DIR_NAME / "demo" / "en").glob("overview.*.pdf"))
    cached.write_bytes(cached.read_bytes().replace(b"%%EOF", b"%%EOX"))
    again = _build(project_copy, out)
    assert _rendered(again) == {("en", "overview")}
    assert again["en", "overview"].path.read_bytes() == good


def test_cli_reports_unchanged_documents_and_force(runner, project_copy: Path, tmp_path: Path):
    from hfs_pdf.cli import cli

    out = tmp_path / "out"
    arguments = ["build", "--root", str(project_copy), "--handout", "overview", "--out", str(out)]
    assert runner.invoke(cli, arguments).exit_code == 0
    again = runner.invoke(cli, arguments)
    assert again.exit_code == 0, again.output
    assert again.output == f"1 PDF(s) in {out} (0 built, 1 unchanged since the last build)\n"  # nothing else to say
    verbose = runner.invoke(cli, ["-v", *arguments])
    assert verbose.output.startswith(f"up to date {out / 'en' / 'overview.pdf'} (3 pages,")
    forced = runner.invoke(cli, [*arguments, "--force"])
    # rendered again, same bytes: no "unchanged" line under "1 built"
    assert forced.exit_code == 0 and forced.output == f"1 PDF(s) in {out} (1 built, 0 unchanged since the last build)\n"
    assert "rebuilt (same bytes as before)" in runner.invoke(cli, ["-v", *arguments, "--force"]).output
    assert runner.invoke(cli, ["-q", *arguments, "--force"]).output == ""


def test_shaped_document_does_not_depend_on_what_the_process_built_before(translated_copy: Path, tmp_path: Path):
    """ReportLab numbers shaped Arabic glyphs process-wide in order of first use; each document
    must start afresh, or a release's bytes would depend on which worker built what."""
    def cli_build(out: Path, *handouts: str) -> bytes:
        arguments = [a for h in handouts for a in ("--handout", h)]
        subprocess.run(
            [sys.executable, "-m", "hfs_pdf", "build", "--root", str(translated_copy), "--lang", "ar", *arguments,
             "--out", str(out), "--force", "-j", "1"],
            check=True, capture_output=True,
        )
        return (out / "ar" / "overview.pdf").read_bytes()

    alone = cli_build(tmp_path / "alone", "overview")
    after_others = cli_build(tmp_path / "after", "diagnosis", "medication", "overview")
    assert alone == after_others


def test_a_cache_that_cannot_be_written_costs_speed_not_the_build(runner, project_copy: Path, tmp_path: Path):
    from hfs_pdf.cli import cli

    (project_copy / CACHE_DIR_NAME).write_text("read-only project folders happen")
    out = tmp_path / "out"
    arguments = ["build", "--root", str(project_copy), "--handout", "overview", "--out", str(out)]
    for _ in range(2):
        result = runner.invoke(cli, arguments)
        assert result.exit_code == 0, result.output
        assert "(1 built, 0 unchanged since the last build)" in result.output
        assert result.output.count("the build cache is off, so every build renders everything") == 1
    assert (out / "en" / "overview.pdf").read_bytes().startswith(b"%PDF")


def test_release_after_build_adds_thumbnails_without_rendering_again(project_copy: Path, tmp_path: Path):
    _build(project_copy, tmp_path / "dist")
    report = operations.release(operations.Project.at(project_copy), tmp_path / "release", handout_ids=TWO, languages=("en",))
    assert report.ok, report.problems
    standard = {(b.locale, b.handout_id) for b in report.built if b.variant.value == "standard"}
    assert standard == {("en", "overview"), ("en", "mvd-surgery")}
    assert not any(b.rendered for b in report.built if b.variant.value == "standard")
    assert all(b.rendered for b in report.built if b.variant.value == "large-print")
    for name in ("overview", "mvd-surgery"):
        assert (tmp_path / "release" / "thumbnails" / "en" / f"{name}.png").read_bytes()[:4] == b"\x89PNG"


def test_a_damaged_digest_memo_is_ignored(project_copy: Path, tmp_path: Path):
    out = tmp_path / "out"
    _build(project_copy, out)
    (project_copy / CACHE_DIR_NAME / "digests.json").write_text('["not", "a", "mapping"]')
    assert _rendered(_build(project_copy, out)) == set()
    (project_copy / CACHE_DIR_NAME / "digests.json").write_text('{"x": 1, "y": [1, 2]}')
    assert _rendered(_build(project_copy, out)) == set()


def test_a_damaged_entry_description_is_rebuilt(project_copy: Path, tmp_path: Path):
    out = tmp_path / "out"
    _build(project_copy, out)
    for meta in (project_copy / CACHE_DIR_NAME / "demo" / "en").glob("*.json"):
        meta.write_text("[]")
    assert _rendered(_build(project_copy, out)) == {("en", "overview"), ("en", "mvd-surgery")}
