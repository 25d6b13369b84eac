"""Stage 2, LOCALIZE: extraction, catalog workflow and the build's translation policy.

These tests use a scratch catalog whose "translation" marks each string (`«ES» …`), so they can
see which strings were translated and which fell back to English. The real catalogs are checked
in test_languages.py.
"""

from __future__ import annotations

import os
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from hfs_pdf import operations
from hfs_pdf.cli import cli
from hfs_pdf.i18n.catalogs import po_path, write_catalog
from hfs_pdf.i18n.extract import extract_template
from hfs_pdf.i18n.texts import translatable_texts
from hfs_pdf.content import load_handout

from .conftest import HANDOUT_IDS, PROJECT
from .pdfcheck import page_texts, words


def _run(runner: CliRunner, *args: str):
    return runner.invoke(cli, list(args), catch_exceptions=False)


def _fill(root: Path, locale: str, translate) -> Path:
    """Give every message of the locale's catalog the translation `translate(message)` (None leaves it empty)."""
    path = po_path(root / "translations", locale)
    catalog = read_po(path.open("rb"))
    for message in catalog:
        if message.id:
            message.string = translate(message) or ""
    path.write_bytes(write_catalog(path, catalog))
    return path


def _marked(message) -> str:
    return f"«ES» {message.id}"


@pytest.fixture
def spanish(project_copy: Path) -> Path:
    """A project copy with an `es` catalog in which every string is marked as translated."""
    operations.i18n_init(operations.Project.at(project_copy), "es")
    _fill(project_copy, "es", _marked)
    _set_review_header(project_copy, "Translation-Review: pending — machine-drafted, not yet checked by a human translator")
    return project_copy


def _set_review_header(root: Path, *lines: str) -> Path:
    """Replace the catalog's `Translation-Review:` header line by `lines` (as a translator would)."""
    po = po_path(root / "translations", "es")
    text = po.read_text(encoding="utf-8")
    start = text.index("# Translation-Review:")
    end = text.index("\n", start)
    po.write_text(text[:start] + "\n".join(f"# {line}" for line in lines) + text[end:], encoding="utf-8")
    return po


def test_extractor_is_registered_for_pybabel():
    assert "hfs_handout" in {entry.name for entry in entry_points(group="babel.extractors")}


def test_template_has_every_handout_text_with_its_handout_as_context():
    template = extract_template(PROJECT / "handouts")
    by_context = {}
    for message in template:
        if message.id:
            by_context.setdefault(message.context, set()).add(message.id)
    assert set(by_context) == {None, *HANDOUT_IDS}
    for handout_id in HANDOUT_IDS:
        handout = load_handout(PROJECT / "handouts" / f"{handout_id}.yaml")
        assert by_context[handout_id] == {text for _, text in translatable_texts(handout)}
    assert {"Page {page} of {total}", "Questions to ask your doctor", "Key points"} <= by_context[None]


def test_init_marks_the_catalog_as_not_yet_translated_and_never_as_machine_drafted(runner: CliRunner, project_copy: Path):
    result = _run(runner, "i18n", "init", "es", "--root", str(project_copy))
    assert result.exit_code == 0
    text = po_path(project_copy / "translations", "es").read_text()
    assert "# Translation-Review: pending — not yet translated\n# Reviewed-By:\n" in text
    assert "machine" not in text.split("msgid")[0]  # the header says nothing of a machine
    status = _run(runner, "i18n", "status", "--root", str(project_copy))
    assert "es        overview             0           0      " in status.output
    assert "not yet translated" in status.output and "machine" not in status.output
    # translated by a person, not yet reviewed: the PDF and the build say "not reviewed", never "machine"
    _fill(project_copy, "es", _marked)
    texts = len({text for _, text in translatable_texts(load_handout(project_copy / "handouts" / "overview.yaml"))})
    assert f"es        overview             {texts:<12}0      0             pending human review" in _run(
        runner, "i18n", "status", "--root", str(project_copy)).output.replace("  \n", "\n")
    _run(runner, "i18n", "compile", "--root", str(project_copy))
    out = project_copy / "out"
    result = _run(runner, "build", "--root", str(project_copy), "--lang", "es", "--handout", "overview", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "note: translation, not yet reviewed by a human: es" in result.output and "machine" not in result.output
    text = words(" ".join(page_texts(out / "es" / "overview.pdf")))
    assert "«ES» This translation has not yet been checked by a second, qualified translator." in text
    assert "drafted by machine" not in text


def test_review_is_recorded_per_handout(runner: CliRunner, spanish: Path, tmp_path: Path):
    po = _set_review_header(spanish, "Translation-Review: pending — machine-drafted, not yet checked by a human translator",
                            "Reviewed-Handout: botulinum-toxin — A. Ruiz, certified medical translator")
    assert _run(runner, "i18n", "compile", "--root", str(spanish)).exit_code == 0
    status = _run(runner, "i18n", "status", "--root", str(spanish)).output
    rows = {line.split()[1]: line for line in status.splitlines() if line.startswith("es ")}
    assert rows["botulinum-toxin"].endswith("reviewed by A. Ruiz, certified medical translator")
    assert rows["overview"].rstrip().endswith("machine draft, pending human review")
    out = tmp_path / "release"
    result = _run(runner, "release", "--root", str(spanish), "--lang", "es", "--out", str(out))
    assert result.exit_code == 0, result.output
    import json

    manifest = {(e["language"], e["handout"], e["variant"]): e for e in json.loads((out / "manifest.json").read_text())["files"]}
    assert manifest["es", "botulinum-toxin", "standard"]["translation_status"] == "reviewed by A. Ruiz, certified medical translator"
    assert manifest["es", "overview", "standard"]["translation_status"] == "machine draft, pending human review"
    reviewed = words(" ".join(page_texts(out / "es" / "botulinum-toxin.pdf")))
    assert "«ES» Translation checked by A. Ruiz, certified medical translator." in reviewed
    assert "drafted by machine" not in reviewed
    assert "«ES» This translation was drafted by machine" in words(" ".join(page_texts(out / "es" / "overview.pdf")))
    # a review of a handout that does not exist is refused with its header line, not ignored
    text = po.read_text(encoding="utf-8").replace("Reviewed-Handout: botulinum-toxin", "Reviewed-Handout: botox")
    po.write_text(text, encoding="utf-8")
    line = 1 + text.splitlines().index("# Reviewed-Handout: botox — A. Ruiz, certified medical translator")
    result = _run(runner, "build", "--root", str(spanish), "--lang", "es", "--out", str(tmp_path / "x"))
    assert result.exit_code == 1
    assert f"es/LC_MESSAGES/hfs_pdf.po:{line}: Reviewed-Handout names 'botox'" in result.output


def test_plain_pybabel_extract_with_babel_cfg_finds_what_hfs_pdf_extracts(tmp_path: Path):
    import subprocess
    import sys

    out = tmp_path / "pybabel.pot"
    subprocess.run([sys.executable, "-c", "from babel.messages.frontend import main; main()", "--quiet", "extract",
                    "-F", "babel.cfg", "-o", str(out), "."], cwd=PROJECT, check=True)

    def messages(catalog):  # pybabel wraps long comments: compare their words
        return {(m.context, m.id): (" ".join(m.auto_comments), tuple(m.locations)) for m in catalog if m.id}

    ours = messages(extract_template(PROJECT / "handouts"))
    assert any(context is None for context, _ in ours)  # the page chrome is there
    assert messages(read_po(out.open("rb"))) == ours


def test_translated_build_uses_the_catalog_and_says_it_is_unreviewed(runner: CliRunner, spanish: Path, tmp_path: Path):
    assert _run(runner, "i18n", "compile", "--root", str(spanish)).exit_code == 0
    result = _run(runner, "build", "--root", str(spanish), "--lang", "es", "--handout", "overview", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "note: machine-drafted translation, not yet reviewed by a human: es" in result.output
    text = words(" ".join(page_texts(tmp_path / "es" / "overview.pdf")))
    assert "«ES» Hemifacial spasm — an overview" in text
    pages = len(page_texts(tmp_path / "es" / "overview.pdf"))
    assert "«ES» Questions to ask your doctor" in text and f"«ES» Page 1 of {pages}" in text
    assert "«ES» This translation was drafted by machine" in text
    from pypdf import PdfReader

    assert PdfReader(tmp_path / "es" / "overview.pdf").trailer["/Root"]["/Lang"] == "es"


def test_reviewed_catalog_says_who_checked_it(runner: CliRunner, spanish: Path, tmp_path: Path):
    po = po_path(spanish / "translations", "es")
    po.write_text(po.read_text().replace("# Reviewed-By:\n", "# Reviewed-By: A. Translator, certified medical translator\n"))
    _run(runner, "i18n", "compile", "--root", str(spanish))
    result = _run(runner, "build", "--root", str(spanish), "--lang", "es", "--handout", "overview", "--out", str(tmp_path))
    assert "machine-drafted" not in result.output
    text = words(" ".join(page_texts(tmp_path / "es" / "overview.pdf")))
    assert "«ES» Translation checked by A. Translator, certified medical translator." in text


def test_untranslated_strings_fail_the_build_with_their_catalog_lines(runner: CliRunner, spanish: Path, tmp_path: Path):
    po = _fill(spanish, "es", lambda m: None if (m.context, m.id) == ("overview", "Bring a family member or friend if it helps you.") else _marked(m))
    _run(runner, "i18n", "compile", "--root", str(spanish))
    result = _run(runner, "build", "--root", str(spanish), "--lang", "es", "--out", str(tmp_path))
    assert result.exit_code == 1
    lines = po.read_text().splitlines()
    line = next(n for n, text in enumerate(lines, 1)
                if text == 'msgid "Bring a family member or friend if it helps you."' and lines[n - 2] == 'msgctxt "overview"')
    assert [l for l in result.output.splitlines() if l.startswith("error:")] == [
        f"error: {po}:{line}: untranslated [overview] 'Bring a family member or friend if it helps you.' — translate it",
        f"error: {po}: 1 string(s) not ready — translate them, or build with --allow-incomplete to print English for these",
    ]
    assert not (tmp_path / "es").exists()


def test_allow_incomplete_prints_english_for_the_missing_strings_with_a_warning(runner: CliRunner, spanish: Path, tmp_path: Path):
    _fill(spanish, "es", lambda m: None if (m.context, m.id) == ("overview", "Bring a family member or friend if it helps you.") else _marked(m))
    _run(runner, "i18n", "compile", "--root", str(spanish))
    result = _run(runner, "build", "--root", str(spanish), "--lang", "es", "--handout", "overview",
                  "--allow-incomplete", "--out", str(tmp_path))
    assert result.exit_code == 0
    assert "untranslated [overview] 'Bring a family member or friend if it helps you.' — translate it (printed in English)" in result.output
    text = words(" ".join(page_texts(tmp_path / "es" / "overview.pdf")))
    assert "«ES» Keep a diary of when the spasms happen and how they affect your day." in text
    assert "Bring a family member or friend if it helps you." in text and "«ES» Bring a family member" not in text


def test_fuzzy_strings_are_not_ready(runner: CliRunner, spanish: Path, tmp_path: Path):
    po = po_path(spanish / "translations", "es")
    catalog = read_po(po.open("rb"))
    catalog.get("Key points").flags.add("fuzzy")
    po.write_bytes(write_catalog(po, catalog))
    _run(runner, "i18n", "compile", "--root", str(spanish))
    result = _run(runner, "build", "--root", str(spanish), "--lang", "es", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert "fuzzy [page chrome] 'Key points' — check the translation against the changed English" in result.output


@pytest.mark.parametrize(
    "msgid, broken, complaint",
    [
        ("Page {page} of {total}", "Página {page} de {totl}",
         "placeholders ['page', 'total'] became ['page', 'totl'] — keep every {name} exactly as in the English"),
        ("Call {emergency_number} if you have trouble swallowing, speaking or breathing after an injection. "
         "This can happen hours or weeks later [@fdabont].",
         "Llame al 911 si tiene problemas para tragar [@fdabont].",
         "the markup differs from the English (missing {emergency_number}) — keep it exactly as in the English"),
        ("Hemifacial spasm — an overview", "<font color=red>Espasmo</font> {clinic_fax}",
         "unknown placeholder {clinic_fax} — use one of {clinic_name}, {clinic_phone}, {emergency_number}, "
         "or write {{ and }} for literal braces"),
    ],
    ids=["chrome-placeholder", "dropped-placeholder", "injected-placeholder"],
)
def test_broken_placeholders_are_rejected_by_compile(runner: CliRunner, spanish: Path, msgid, broken, complaint):
    po = _fill(spanish, "es", lambda m: broken if m.id == msgid else _marked(m))
    result = _run(runner, "i18n", "compile", "--root", str(spanish))
    assert result.exit_code == 1
    assert complaint in result.output
    assert f"error: {po}:" in result.output
    assert not po.with_suffix(".mo").exists()


def test_invalid_po_syntax_names_the_line(runner: CliRunner, spanish: Path):
    po = po_path(spanish / "translations", "es")
    po.write_text(po.read_text().replace('msgstr "«ES» Key points"', 'msgstr "«ES» Key points"\nKey points again', 1))
    line = next(n for n, text in enumerate(po.read_text().splitlines(), 1) if text == 'Key points again')
    result = _run(runner, "i18n", "compile", "--root", str(spanish))
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {po}:{line}: invalid PO syntax: ")
    assert "— fix it in a PO editor" in result.output


def test_a_catalog_that_is_not_utf8_names_the_line_of_the_bad_byte(runner: CliRunner, spanish: Path, tmp_path: Path):
    po = po_path(spanish / "translations", "es")
    data = po.read_bytes()
    at = data.index("«ES» Key points".encode())
    po.write_bytes(data[:at] + b"\xff" + data[at + 1:])  # one flipped byte
    line = data.count(b"\n", 0, at) + 1
    for command in (("i18n", "compile"), ("build", "--lang", "es", "--out", str(tmp_path)), ("i18n", "status")):
        result = _run(runner, *command, "--root", str(spanish))
        assert result.exit_code == 1, command
        assert f"error: {po}:{line}: not valid UTF-8 (byte 0xFF) — save the file as UTF-8 in a PO editor" in result.output
        assert "internal error" not in result.output
    assert not list(tmp_path.rglob("*.pdf"))


@pytest.mark.parametrize("damage", [
    lambda data: b"\x00" * len(data),  # bad magic number
    lambda data: data[:40],  # cut short
    lambda data: data[:8] + b"\xff\xff\xff\x7f" + data[12:],  # an absurd string count
])
def test_a_damaged_compiled_catalog_is_an_input_error(runner: CliRunner, spanish: Path, tmp_path: Path, damage):
    _run(runner, "i18n", "compile", "--root", str(spanish))
    mo = po_path(spanish / "translations", "es").with_suffix(".mo")
    mo.write_bytes(damage(mo.read_bytes()))
    result = _run(runner, "build", "--root", str(spanish), "--lang", "es", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert f"error: {mo}: compiled catalog is damaged (" in result.output
    assert ") — run `hfs-pdf i18n compile`" in result.output
    assert not list(tmp_path.rglob("*.pdf"))


def test_a_catalog_newer_than_its_compiled_form_is_compiled_by_the_build(runner: CliRunner, spanish: Path, tmp_path: Path):
    """As Sphinx does: a fresh clone (no .mo) or a catalog just edited builds without a separate
    compile step, and says so; the PDF is the new translation, never stale text or English."""
    po = po_path(spanish / "translations", "es")
    mo = po.with_suffix(".mo")
    assert not mo.exists()
    arguments = ("build", "--root", str(spanish), "--lang", "es", "--handout", "overview", "--out", str(tmp_path))
    result = _run(runner, *arguments)
    assert result.exit_code == 0, result.output
    assert f"note: compiled {mo}: its catalog had changed" in result.output
    assert "«ES» Hemifacial spasm — an overview" in words(" ".join(page_texts(tmp_path / "es" / "overview.pdf")))
    _fill(spanish, "es", lambda m: f"«ES-B» {m.id}")
    os.utime(mo, ns=(po.stat().st_mtime_ns - 10**9,) * 2)  # the catalog is newer than what was compiled
    result = _run(runner, *arguments)
    assert result.exit_code == 0 and f"note: compiled {mo}: its catalog had changed" in result.output
    assert "«ES-B» Hemifacial spasm — an overview" in words(" ".join(page_texts(tmp_path / "es" / "overview.pdf")))
    again = _run(runner, *arguments)
    assert "note: compiled" not in again.output


def test_a_catalog_that_cannot_be_compiled_fails_the_build_with_its_problems(runner: CliRunner, spanish: Path, tmp_path: Path):
    _fill(spanish, "es", lambda m: "«ES» {clinic_fax}" if m.id == "Key points" else _marked(m))
    result = _run(runner, "build", "--root", str(spanish), "--lang", "es", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert "note: compiled" not in result.output and not list(tmp_path.rglob("*.pdf"))


def test_a_glyph_missing_from_the_font_names_character_msgid_and_line(runner: CliRunner, spanish: Path, tmp_path: Path):
    po = _fill(spanish, "es", lambda m: "«ES» Puntos clave ☃" if m.id == "Key points" else _marked(m))
    _run(runner, "i18n", "compile", "--root", str(spanish))
    result = _run(runner, "build", "--root", str(spanish), "--lang", "es", "--handout", "overview", "--out", str(tmp_path))
    assert result.exit_code == 1
    line = next(n for n, text in enumerate(po.read_text().splitlines(), 1) if text == 'msgid "Key points"')
    assert (
        f"error: {po}:{line}: '☃' (U+2603 SNOWMAN) not in font NotoSans (msgid [page chrome] 'Key points') — "
        "use another character or add a font that has it (fonts/README.md)"
    ) in result.output
    assert not (tmp_path / "es" / "overview.pdf").exists()


@pytest.mark.parametrize("spelling", ["es", "es-MX", "es_US", "ES"])
def test_lang_spellings(runner: CliRunner, spanish: Path, tmp_path: Path, spelling: str):
    _run(runner, "i18n", "compile", "--root", str(spanish))
    result = _run(runner, "build", "--root", str(spanish), "--lang", spelling, "--handout", "overview", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "es" / "overview.pdf").is_file()


@pytest.mark.parametrize(
    "spelling, locale",
    [("zh-Hant", "zh_Hant"), ("zh_TW", "zh_Hant"), ("zh-HK", "zh_Hant"), ("zh-CN", "zh_Hans"), ("zh", "zh_Hans"),
     ("pt-BR", "pt_BR"), ("pt_BR", "pt_BR"), ("es-419", "es"), ("ar-EG", "ar"), ("ko-KR", "ko"), ("fil", "tl"),
     ("tl", "tl"), ("ht", "ht"), ("en-GB", "en")],
)
def test_usual_spellings_resolve_to_the_shipped_locales(spelling: str, locale: str):
    from hfs_pdf.i18n.locales import resolve_locales

    shipped = ["en", "ar", "es", "fr", "ht", "ko", "pt_BR", "ru", "tl", "vi", "zh_Hans", "zh_Hant"]
    assert resolve_locales((spelling,), shipped) == [locale]


def test_a_string_missing_from_the_catalog_is_an_error_not_english(runner: CliRunner, spanish: Path, tmp_path: Path,
                                                                   monkeypatch):
    # hfs-pdf ships no catalog of its own here, so there is nothing to borrow page chrome from
    # (tests/test_install.py checks the borrowing when it does)
    monkeypatch.setattr("hfs_pdf.i18n.catalogs._borrow_tool_chrome", lambda *args: ())
    po = po_path(spanish / "translations", "es")
    catalog = read_po(po.open("rb"))
    del catalog["Scan for more information"]
    po.write_bytes(write_catalog(po, catalog))
    _run(runner, "i18n", "compile", "--root", str(spanish))
    result = _run(runner, "build", "--root", str(spanish), "--lang", "es", "--handout", "overview", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert (f"error: {po}: [page chrome] 'Scan for more information' is not in the catalog (needed by overview) — "
            "run `hfs-pdf i18n update` and translate it") in result.output
    assert not (tmp_path / "es" / "overview.pdf").exists()


def _dose_changed(spanish: Path, comment: str | None = None) -> tuple[Path, int]:
    """The Spanish translation of '... about 3 months ...' with 3 mistyped as 5 (a dose interval)."""
    po = po_path(spanish / "translations", "es")
    catalog = read_po(po.open("rb"))
    message = next(m for m in catalog if m.context == "overview" and m.id.startswith("**Botulinum toxin injections.**"))
    message.string = message.id.replace("about 3 months", "about 5 months")
    if comment:
        message.user_comments.append(comment)
    po.write_bytes(write_catalog(po, catalog))
    return po, read_po(po.open("rb")).get(message.id, context="overview").lineno


def test_a_translated_number_that_differs_from_the_english_is_refused(runner: CliRunner, spanish: Path, tmp_path: Path):
    """A mistyped dose interval, time or count must never reach a patient: compile, validate and build refuse it."""
    po, line = _dose_changed(spanish)
    from hfs_pdf.i18n.catalogs import short_text

    english = short_text("**Botulinum toxin injections.** This is the usual first choice.")
    expected = (f"error: {po}:{line}: [overview] {english!r}: "
                "numbers missing 3; not in the English 5 — write every number as the English has it, or, if the "
                "difference is right, add the translator comment '# numbers-ok: <why>' to this entry")
    for command in (("i18n", "compile"), ("validate",), ("build", "--lang", "es", "--handout", "overview", "--out", str(tmp_path))):
        result = _run(runner, *command, "--root", str(spanish))
        assert result.exit_code == 1, command
        assert expected in result.output.splitlines(), (command, result.output)
    assert not list(tmp_path.rglob("*.pdf"))


def test_an_approved_number_difference_is_accepted_and_listed(runner: CliRunner, spanish: Path, tmp_path: Path):
    po, line = _dose_changed(spanish, "numbers-ok: the Spanish label counts the months differently (test)")
    assert _run(runner, "i18n", "compile", "--root", str(spanish)).exit_code == 0
    result = _run(runner, "build", "--root", str(spanish), "--lang", "es", "--handout", "overview", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    status = _run(runner, "i18n", "status", "--root", str(spanish))
    from hfs_pdf.i18n.catalogs import short_text

    english = short_text("**Botulinum toxin injections.** This is the usual first choice.")
    assert (f"numbers changed on purpose: {po}:{line}: [overview] {english!r}: missing 3; not in the English 5 — "
            "the Spanish label counts the months differently (test)") in status.output


@pytest.mark.parametrize("english, translated", [
    ("About 10 in every 100,000 people.", "Unas 10 de cada 100 000 personas."),
    ("About 10 in every 100,000 people.", "نحو ١٠ من كل ١٠٠٬٠٠٠ شخص."),
    ("It came back in 2.4% of people.", "Volvió en el 2,4 % de las personas."),
])
def test_numbers_compare_across_digits_and_grouping(english: str, translated: str):
    from babel.messages.catalog import Message

    from hfs_pdf.i18n.catalogs import changed_numbers

    assert changed_numbers(Message(english, translated)) is None
    assert changed_numbers(Message(english, translated.replace("10", "19").replace("١٠", "١٩").replace("2,4", "4,2"))) is not None


def _msgfmt() -> str:
    import shutil as _shutil

    found = _shutil.which("msgfmt")
    if found is None:
        pytest.skip("GNU gettext's msgfmt is not installed here (.ci/run installs it)")
    return found


def _msgfmt_check(path: Path) -> str:
    import subprocess

    run = subprocess.run([_msgfmt(), "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    return "" if run.returncode == 0 else run.stderr


@pytest.mark.parametrize("locale", operations.Project(PROJECT).locales()[1:])
def test_every_shipped_catalog_passes_msgfmt_check(locale: str):
    assert _msgfmt_check(po_path(PROJECT / "translations", locale)) == ""


def test_i18n_update_writes_catalogs_msgfmt_accepts_and_reads_back_unchanged(runner: CliRunner, translated_copy: Path):
    """Babel wrapped a multi-line previous msgid (#|) as one comment and msgfmt -c rejected the file;
    reading such a file back turned the lines into stray comments."""
    handout = translated_copy / "handouts" / "overview.yaml"
    handout.write_text(handout.read_text(encoding="utf-8").replace("people have it.", "people have this condition.", 1),
                       encoding="utf-8")
    assert _run(runner, "i18n", "extract", "--root", str(translated_copy)).exit_code == 0
    assert _run(runner, "i18n", "update", "--root", str(translated_copy)).exit_code == 0
    for locale in ("es", "ar", "zh_Hant"):
        po = po_path(translated_copy / "translations", locale)
        assert _msgfmt_check(po) == ""
        text = po.read_text(encoding="utf-8")
        assert '#| msgid ""\n#| "It is rare. About 10 in every 100,000 people have it.' in text
        assert "\n# |" not in text
        from hfs_pdf.i18n.catalogs import read_catalog

        assert write_catalog(po, read_catalog(po, locale)) == po.read_bytes()  # a second update changes nothing


def test_catalog_headers_name_their_language_and_its_plural_rule():
    tagalog = po_path(PROJECT / "translations", "tl").read_text(encoding="utf-8")
    assert '"Language: tl\\n"' in tagalog
    arabic = po_path(PROJECT / "translations", "ar").read_text(encoding="utf-8")
    assert ('"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "\n'
            '"n%100>=11 ? 4 : 5);\\n"') in arabic
    import gettext

    rule = gettext.c2py(read_po(po_path(PROJECT / "translations", "ar").open("rb")).plural_expr)
    assert [rule(n) for n in (0, 1, 2, 3, 11, 100, 102, 111)] == [0, 1, 2, 3, 4, 5, 5, 4]  # CLDR's Arabic categories


def test_a_language_in_progress_is_left_out_only_when_asked(runner: CliRunner, spanish: Path, tmp_path: Path):
    """A new language being translated must not stop a clinic's build of the others."""
    operations.i18n_init(operations.Project.at(spanish), "fr")  # a new, empty catalog
    arguments = ("build", "--root", str(spanish), "--lang", "es", "--lang", "fr", "--handout", "overview", "--out", str(tmp_path))
    failing = _run(runner, *arguments)
    assert failing.exit_code == 1 and "untranslated [overview]" in failing.output
    result = _run(runner, *arguments, "--skip-incomplete")
    assert result.exit_code == 0, result.output
    fr = po_path(spanish / "translations", "fr")
    count = sum(1 for m in read_po(fr.open("rb")) if m.id)
    assert f"warning: fr left out: {count} string(s) of {fr} not ready (--skip-incomplete) — translate them to build it" in result.output
    assert (tmp_path / "es" / "overview.pdf").exists() and not (tmp_path / "fr").exists()
