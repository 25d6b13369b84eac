"""The command line as clinic staff use it: exit codes, exact messages, and what lands on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from hfs_pdf import __version__
from hfs_pdf.cli import cli

from .pdfcheck import page_texts, words


def _run(runner: CliRunner, *args: str):
    return runner.invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("command", [[], ["build"], ["list"], ["validate"]], ids=["hfs-pdf", "build", "list", "validate"])
def test_every_command_has_help_with_an_example(runner: CliRunner, command: list[str]):
    result = _run(runner, *command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output and "hfs-pdf " in result.output


def test_version(runner: CliRunner):
    result = _run(runner, "--version")
    assert result.exit_code == 0 and result.output == f"hfs-pdf, version {__version__}\n"


def test_build_one_handout_on_a4(runner: CliRunner, project_copy: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = _run(runner, "build", "--root", str(project_copy), "--lang", "en", "--handout", "mvd-surgery", "--paper", "a4", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["en", "en/mvd-surgery.pdf"]
    from pypdf import PdfReader

    width, height = (float(v) for v in PdfReader(out / "en" / "mvd-surgery.pdf").pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)
    assert result.output.endswith(f"1 PDF(s) in {out} (1 built, 0 unchanged since the last build)\n")


def test_validate_reports_every_problem_and_exits_1(runner: CliRunner, project_copy: Path):
    overview = project_copy / "handouts" / "overview.yaml"
    overview.write_text(overview.read_text().replace("kind: tip", "kind: note"))
    acupuncture = project_copy / "handouts" / "acupuncture.yaml"
    acupuncture.write_text(acupuncture.read_text().replace("status: draft", "status: approved"))
    result = _run(runner, "validate", "--root", str(project_copy))
    assert result.exit_code == 1
    lines = result.stderr.splitlines() if hasattr(result, "stderr") else result.output.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"error: {acupuncture}:5: review.status is 'approved' — it must be one of: draft, reviewed")
    assert lines[1].startswith(f"error: {overview}:") and "callout.kind is 'note'" in lines[1]
    assert "Traceback" not in result.output


def test_a_broken_handout_gets_no_pdf_but_the_others_build(runner: CliRunner, project_copy: Path, tmp_path: Path):
    overview = project_copy / "handouts" / "overview.yaml"
    overview.write_text(overview.read_text().replace("[@lu2014]", "[@nobody]", 1))
    out = tmp_path / "out"
    result = _run(runner, "build", "--root", str(project_copy), "--out", str(out))
    assert result.exit_code == 1
    assert "citation [@nobody] does not match any reference key" in result.output
    built = sorted(p.name for p in (out / "en").iterdir())
    assert "overview.pdf" not in built and len(built) == 7
    assert not list(out.rglob("*.part"))


@pytest.mark.parametrize(
    "args, message",
    [
        (["--lang", "de"], "no handouts in 'de' — available languages: en, all"),
        (["--lang", "xx"], "--lang 'xx' is not a language code Babel knows — use one of: en, all"),
        (["--handout", "surgery"], "unknown handout surgery — available: acupuncture, botulinum-toxin, combining-therapies, "
                                   "diagnosis, herbal-medicine, medication, mvd-surgery, overview"),
        (["--paper", "legal"], "Invalid value for '--paper': 'legal' is not one of 'letter', 'a4'."),
    ],
    ids=["unknown-lang", "garbage-lang", "unknown-handout", "bad-paper"],
)
def test_usage_mistakes_exit_2_with_the_fix(runner: CliRunner, project_copy: Path, tmp_path: Path, args, message):
    result = _run(runner, "build", "--root", str(project_copy), "--out", str(tmp_path / "out"), *args)
    assert result.exit_code == 2
    assert f"Error: {message}" in result.output
    assert not (tmp_path / "out").exists()


def test_regional_spelling_of_english_is_accepted(runner: CliRunner, project_copy: Path, tmp_path: Path):
    result = _run(runner, "build", "--root", str(project_copy), "--lang", "en-US", "--handout", "overview", "--out", str(tmp_path))
    assert result.exit_code == 0 and (tmp_path / "en" / "overview.pdf").is_file()


def test_not_a_project_folder(runner: CliRunner, tmp_path: Path):
    result = _run(runner, "build", "--root", str(tmp_path))
    assert result.exit_code == 1
    assert result.output == (f"error: {tmp_path}: no handouts/ folder here — start a project with `hfs-pdf init DIR` "
                             "(it copies the default handouts, translations and a brand to edit), or pass --root DIR\n")


def test_a_bad_brand_file_stops_the_build(runner: CliRunner, project_copy: Path, tmp_path: Path):
    brand = project_copy / "brands" / "demo.yaml"
    brand.write_text(brand.read_text().replace('text: "#1A1A1A"', 'text: "#AAAAAA"'))
    result = _run(runner, "build", "--root", str(project_copy), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "body text on the page (#AAAAAA on #FFFFFF) has contrast 2.32:1, below the WCAG AA minimum of 4.5:1" in result.output
    assert not (tmp_path / "out").exists()


def test_list(runner: CliRunner, project_copy: Path):
    result = _run(runner, "list", "--root", str(project_copy))
    assert result.exit_code == 0
    assert "mvd-surgery          Microvascular decompression (MVD) surgery        1.2      draft" in result.output
    assert result.output.endswith("languages: en\n")


def test_untrusted_text_never_becomes_reportlab_markup(runner: CliRunner, project_copy: Path, tmp_path: Path):
    overview = project_copy / "handouts" / "overview.yaml"
    hostile = '<img src="/etc/passwd"/> <font color="red" size="40">BIG</font> <a href="https://evil.example">x</a> AT&T &amp; <b>'
    overview.write_text(overview.read_text().replace("It is rare.", f"'{hostile}' It is rare.".replace("'", ""), 1))
    result = _run(runner, "build", "--root", str(project_copy), "--handout", "overview", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    text = words(" ".join(page_texts(tmp_path / "en" / "overview.pdf")))
    assert words(hostile) in text
    from pypdf import PdfReader

    link_targets = [
        str(annotation.get_object()["/A"]["/URI"])
        for page in PdfReader(tmp_path / "en" / "overview.pdf").pages
        for annotation in page.get("/Annots") or []
    ]
    assert link_targets and not any("evil" in target for target in link_targets)


def test_unwritable_output_is_one_error_line_not_a_crash(runner: CliRunner, project_copy: Path, tmp_path: Path):
    (tmp_path / "taken").write_text("a file, not a folder")
    out = tmp_path / "taken" / "dist"
    result = _run(runner, "build", "--root", str(project_copy), "--handout", "overview", "--out", str(out))
    assert result.exit_code == 1
    assert result.output == (
        f"error: {out}: cannot be written ({tmp_path / 'taken'} is a file, not a folder) — choose another output path, "
        "or free space / fix permissions\n"
    )
    assert not out.exists()


def _hfs_pdf(*args: str, cwd: Path, **options):
    import subprocess
    import sys

    return subprocess.Popen([sys.executable, "-m", "hfs_pdf", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **options)


def test_quiet_and_verbose_cannot_be_combined(runner: CliRunner):
    result = runner.invoke(cli, ["-q", "-v", "list"])
    assert result.exit_code == 2 and "cannot both be given" in result.output


def test_a_reader_that_stops_early_does_not_stop_the_work(project_copy: Path, tmp_path: Path):
    """`hfs-pdf build … | head -1`: the reader goes away after one line; every PDF is still written,
    the exit is clean and no BrokenPipeError is printed."""
    import subprocess
    import sys

    out = tmp_path / "out"
    pipeline = subprocess.run(
        f"{sys.executable} -m hfs_pdf build --root {project_copy} --out {out} -j 1 | head -1",
        shell=True, capture_output=True, text=True, cwd=tmp_path,
    )
    assert pipeline.stdout.startswith("wrote ") and pipeline.stdout.count("\n") == 1
    assert "BrokenPipe" not in pipeline.stderr and "Traceback" not in pipeline.stderr and "internal error" not in pipeline.stderr
    assert len(list((out / "en").glob("*.pdf"))) == 8


def test_ctrl_c_exits_130_and_leaves_no_half_written_file(project_copy: Path, tmp_path: Path):
    import signal
    import time

    out = tmp_path / "out"
    process = _hfs_pdf("build", "--root", str(project_copy), "--out", str(out), "--large-print", "-j", "2", cwd=tmp_path)
    deadline = time.monotonic() + 60
    while not list(out.glob("en/*.pdf")) and time.monotonic() < deadline:  # until it is busy writing
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    assert not list(out.rglob("*.part")) and not list(out.rglob(".*"))
