"""Every input the tool reads, damaged at random: the tool either works or says what is wrong.

Mutations of the real files (flipped bytes, deleted, duplicated and swapped lines, truncation,
stray YAML / PO / markup syntax) are fed to each loader and to the command line. The property:
a loader returns a value or raises hfs-pdf's own error whose every problem names the file; the
command line exits 0, 1 or 2 with neither a traceback nor "internal error", and leaves no
temporary or partial file. Hypothesis shrinks any failure to a small mutation and replays it.

`make test` runs a fixed, fast sample (derandomized: the same cases every run);
`make fuzz` sets HFS_PDF_FUZZ_EXAMPLES for a long random run. Its findings become regular tests.
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hfs_pdf import operations
from hfs_pdf.cli import cli
from hfs_pdf.content import load_brand, load_handout
from hfs_pdf.content.packs import load_pack
from hfs_pdf.errors import HfsPdfError
from hfs_pdf.i18n.catalogs import check_catalog, compile_catalog, load_localization, mo_path, po_path, read_catalog

from .conftest import HANDOUT_IDS, PROJECT

LONG_RUN = "HFS_PDF_FUZZ_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("HFS_PDF_FUZZ_EXAMPLES", "60"))
settings.register_profile(
    "fuzz", max_examples=EXAMPLES, deadline=None, derandomize=not LONG_RUN, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
FUZZ = settings.get_profile("fuzz")
FEW = settings(FUZZ, max_examples=max(8, EXAMPLES // 6))  # cases that render a PDF each

SNIPPETS = [
    b":", b": ", b"- ", b"-", b'"', b"'", b"{", b"}", b"[", b"]", b"**", b"[@", b"[@lu2014]", b"{clinic_fax}",
    b"\t", b"  ", b"\n", b"#", b"&", b"<b>", b"</super>", b"%s", b"{date}", b"msgid ", b'msgstr "', b"#, fuzzy\n",
    b'msgctxt "x"\n', b"\xff", b"\xc3", b"\x00", b"~", b"!!python/object:os.system", b"*anchor", b"&anchor ",
    b"1.0", b"2026-02-30", b"yes", b"null", "٣٧".encode(), "\u202e".encode(), "\u2066".encode(),
]


@st.composite
def mutated(draw, data: bytes) -> bytes:
    """`data` with one to three random edits."""
    for _ in range(draw(st.integers(1, 3))):
        lines = data.split(b"\n")
        kind = draw(st.sampled_from(("flip", "delete", "duplicate", "swap", "truncate", "insert")))
        if kind == "flip" and data:
            at = draw(st.integers(0, len(data) - 1))
            data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
        elif kind == "delete" and len(lines) > 1:
            del lines[draw(st.integers(0, len(lines) - 1))]
            data = b"\n".join(lines)
        elif kind == "duplicate":
            at = draw(st.integers(0, len(lines) - 1))
            lines.insert(at, lines[at])
            data = b"\n".join(lines)
        elif kind == "swap" and len(lines) > 1:
            a, b = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[a], lines[b] = lines[b], lines[a]
            data = b"\n".join(lines)
        elif kind == "truncate":
            data = data[: draw(st.integers(0, len(data)))]
        else:
            at = draw(st.integers(0, len(data)))
            data = data[:at] + draw(st.sampled_from(SNIPPETS)) + data[at:]
    return data


def _names_the_file(error: HfsPdfError, *paths: Path) -> None:
    names = [str(path) for path in paths] + [path.name for path in paths]
    for problem in error.problems:
        assert any(name in str(problem) for name in names), f"{problem} does not name {names}"
        assert "\n" not in str(problem).strip(), f"not one line: {problem!r}"


def _scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / uuid.uuid4().hex[:8]


# --- loaders ------------------------------------------------------------------------------------

@pytest.mark.parametrize("handout_id", ["overview", "medication"])
@FUZZ
@given(data=st.data())
def test_a_damaged_handout_loads_or_names_its_file(tmp_path_factory, handout_id: str, data):
    source = (PROJECT / "handouts" / f"{handout_id}.yaml").read_bytes()
    folder = _scratch(tmp_path_factory)
    folder.mkdir()
    path = folder / f"{handout_id}.yaml"
    path.write_bytes(data.draw(mutated(source)))
    try:
        load_handout(path)
    except HfsPdfError as error:
        _names_the_file(error, path)


@pytest.mark.parametrize("locale", ["es", "ar", "zh_Hant"])
@FUZZ
@given(data=st.data())
def test_a_damaged_catalog_reads_or_names_its_file(tmp_path_factory, locale: str, data):
    source = po_path(PROJECT / "translations", locale).read_bytes()
    path = _scratch(tmp_path_factory).with_suffix(".po")
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data.draw(mutated(source)))
    try:
        check_catalog(read_catalog(path, locale), path)
    except HfsPdfError as error:
        _names_the_file(error, path)


@FUZZ
@given(data=st.data())
def test_a_damaged_compiled_catalog_loads_or_names_its_file(tmp_path_factory, data):
    root = _scratch(tmp_path_factory)
    po = po_path(root, "es")
    po.parent.mkdir(parents=True)
    shutil.copy(po_path(PROJECT / "translations", "es"), po)
    mo = mo_path(root, "es")
    mo.write_bytes(data.draw(mutated(compile_catalog(read_catalog(po, "es")))))
    try:
        localization, _ = load_localization(root, "es")
        localization.gettext("Key points")
    except HfsPdfError as error:
        _names_the_file(error, mo, po)


@pytest.mark.parametrize("target", ["demo.yaml", "demo-logo.svg"])
@FUZZ
@given(data=st.data())
def test_a_damaged_brand_or_logo_loads_or_names_its_file(tmp_path_factory, target: str, data):
    folder = _scratch(tmp_path_factory)
    shutil.copytree(PROJECT / "brands", folder)
    (folder / target).write_bytes(data.draw(mutated((PROJECT / "brands" / target).read_bytes())))
    try:
        load_brand(folder / "demo.yaml")
    except HfsPdfError as error:
        _names_the_file(error, folder / "demo.yaml", folder / target)


@pytest.fixture(scope="module")
def png_logo(tmp_path_factory) -> bytes:
    from PIL import Image

    path = tmp_path_factory.mktemp("logo") / "logo.png"
    Image.effect_noise((240, 96), 40).convert("RGB").save(path)
    return path.read_bytes()


@FUZZ
@given(data=st.data())
def test_a_damaged_png_logo_loads_or_names_its_file(tmp_path_factory, png_logo: bytes, data):
    folder = _scratch(tmp_path_factory)
    shutil.copytree(PROJECT / "brands", folder)
    brand = folder / "demo.yaml"
    brand.write_text(brand.read_text(encoding="utf-8").replace("file: demo-logo.svg", "file: logo.png"), encoding="utf-8")
    (folder / "logo.png").write_bytes(data.draw(mutated(png_logo)))
    try:
        load_brand(brand)
    except HfsPdfError as error:
        _names_the_file(error, brand, folder / "logo.png")


@FUZZ
@given(data=st.data())
def test_a_damaged_pack_file_loads_or_names_its_file(tmp_path_factory, data):
    path = _scratch(tmp_path_factory).with_suffix(".yaml")
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data.draw(mutated((PROJECT / "packs" / "waiting-room.yaml").read_bytes())))
    try:
        load_pack(path, HANDOUT_IDS, operations.Project(PROJECT).locales())
    except HfsPdfError as error:
        _names_the_file(error, path)


# --- the command line, end to end ---------------------------------------------------------------

@pytest.fixture(scope="module")
def clinic(tmp_path_factory) -> Path:
    """A compiled copy of the project that each case copies again before damaging it."""
    root = tmp_path_factory.mktemp("fuzz-clinic") / "clinic"
    for folder in ("handouts", "brands", "translations"):
        shutil.copytree(PROJECT / folder, root / folder, ignore=shutil.ignore_patterns("*.mo"))
    operations.i18n_compile(operations.Project.at(root))
    return root


def _no_scraps(folder: Path) -> None:
    scraps = [p for p in folder.rglob("*") if p.name.endswith((".part", ".partial", ".old")) or p.name.startswith(".")
              and p.is_file() and p.suffix == ".part"]
    assert scraps == [], scraps


def _invoke(arguments: list[str]):
    result = CliRunner().invoke(cli, arguments, catch_exceptions=True)
    assert result.exit_code in (0, 1, 2), (arguments, result.exit_code, result.output, result.exception)
    assert "internal error" not in result.output and "Traceback" not in result.output, result.output
    return result


TARGETS = ["handouts/overview.yaml", "translations/es/LC_MESSAGES/hfs_pdf.po", "translations/es/LC_MESSAGES/hfs_pdf.mo",
           "brands/demo.yaml", "brands/demo-logo.svg"]


@pytest.mark.parametrize("target", TARGETS)
@FEW
@given(data=st.data())
def test_building_from_damaged_input_works_or_fails_cleanly(tmp_path_factory, clinic: Path, target: str, data):
    root = _scratch(tmp_path_factory)
    shutil.copytree(clinic, root)
    damaged = root / target
    mtime = damaged.stat().st_mtime_ns
    damaged.write_bytes(data.draw(mutated(damaged.read_bytes())))
    os.utime(damaged, ns=(mtime, mtime))  # a damaged .mo must not be caught merely for being older than its .po
    out = root / "out"
    result = _invoke(["build", "--root", str(root), "--lang", "es", "--handout", "overview", "--out", str(out), "-j", "1"])
    if result.exit_code == 0:
        assert (out / "es" / "overview.pdf").read_bytes()[:5] == b"%PDF-"
    else:
        assert not (out / "es" / "overview.pdf").exists()
        # one line per problem, then the build's summary
        assert all(re.match(r"(error|warning|note): |\d+ PDF\(s\) in ", line) for line in result.output.splitlines()), result.output
    _no_scraps(root)


WORDS = ["build", "list", "validate", "check", "i18n", "status", "compile", "--lang", "--handout",
         "--paper", "--out", "--brand", "--root", "-j", "--force", "--large-print", "--allow-incomplete", "es", "ar", "xx",
         "zh-TW", "pt-BR", "all", "overview", "nope", "a4", "b5", "0", "-1", "two", "", "--", "-", "--help", "\u202e",
         "../../etc", "/dev/null/x"]


@FEW
@given(arguments=st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
def test_any_command_line_exits_0_1_or_2_without_a_traceback(tmp_path_factory, clinic: Path, arguments: list[str]):
    """Random words from the commands' own vocabulary; builds stay small (one handout, in a scratch folder)."""
    root = _scratch(tmp_path_factory)
    root.mkdir()
    if arguments[0] == "build":
        arguments = [arguments[0], "--root", str(clinic), "--handout", "overview", "--out", str(root / "out"),
                     *[a for a in arguments[1:] if a not in ("--root", "all", "--handout", "--out")]]
    elif arguments[0] not in ("--help",):
        arguments = [*arguments, "--root", str(clinic)] if arguments[0] in ("list", "validate", "check") else arguments
    _invoke(arguments)
    _no_scraps(root)


@FUZZ
@given(data=st.data())
def test_a_damaged_font_file_is_refused_when_it_is_loaded(tmp_path_factory, data):
    """A damaged font used to parse and then fail while the PDF was written ("internal error").
    Every mutation either leaves a font that draws, or is refused at load, naming the file."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    from hfs_pdf.fonts import load_font

    path = _scratch(tmp_path_factory).with_suffix(".ttf")
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data.draw(mutated((PROJECT / "fonts" / "NotoSans-Regular.ttf").read_bytes())))
    try:
        font = load_font(f"Fuzz-{uuid.uuid4().hex}", path)
    except HfsPdfError as error:
        _names_the_file(error, path)
        return
    from reportlab.pdfbase import pdfmetrics

    pdfmetrics.registerFont(font)
    try:
        canvas = Canvas(io.BytesIO())
        canvas.setFont(font.fontName, 10)
        canvas.drawString(10, 10, "Hemifacial spasm 123 ÄÖ")
        canvas.save()
    finally:
        font.unregister()
