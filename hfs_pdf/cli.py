"""Command line: parse options → call an operation → print its summary. No logic lives here."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

import click

import hfs_pdf
from hfs_pdf import operations
from hfs_pdf.errors import HfsPdfError
from hfs_pdf.model import Paper, Variant


class ReportedError(click.ClickException):
    """Prints each problem of an HfsPdfError on its own line, then exits with the error's code."""

    def __init__(self, problems, exit_code: int = 1):
        self.lines = [str(p) for p in problems]
        super().__init__("\n".join(self.lines))
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        for line in self.lines:
            click.echo(f"error: {line}", err=True)


@contextmanager
def _reporting():
    """Turn the library's errors into Click errors: one line per problem, the error's exit code."""
    try:
        yield
    except HfsPdfError as error:
        raise _reported(error)


def _echo_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


def _reported(error: HfsPdfError) -> click.ClickException:
    if error.exit_code == 2:
        return click.UsageError(str(error))
    return ReportedError(error.problems, error.exit_code)


root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Project folder holding handouts/, translations/ and brands/.",
)
brand_option = click.option(
    "--brand",
    "brand_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Brand file (default: brands/demo.yaml in the project folder).",
)


jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1,
    help="Parallel processes (default: all CPU cores).",
)
force_option = click.option(
    "--force", is_flag=True, help="Rebuild every document, even those whose inputs have not changed since the last build."
)
skip_incomplete_option = click.option(
    "--skip-incomplete", is_flag=True,
    help="Leave out languages whose catalog still has untranslated or fuzzy strings (reported), instead of failing.",
)


def _project(root: Path) -> operations.Project:
    with _reporting():
        return operations.Project.at(root)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(hfs_pdf.__version__, prog_name="hfs-pdf")
def cli() -> None:
    """Build branded, accessible hemifacial-spasm patient handouts as PDF.

    \b
    Example:
      hfs-pdf build --lang en
    """


@cli.command()
@click.option("--lang", "languages", multiple=True, metavar="LANG", help="Language code (repeatable), or 'all'. Default: en.")
@click.option("--handout", "handout_ids", multiple=True, metavar="ID", help="Handout id (repeatable). Default: every handout.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("dist"), show_default=True, help="Output folder.")
@brand_option
@click.option("--paper", type=click.Choice([p.value for p in Paper]), default=None, help="Paper size (default: the brand's).")
@click.option("--large-print", is_flag=True, help="Build the large-print variant (18 pt body text) instead of the standard one.")
@click.option("--allow-incomplete", is_flag=True, help="Print English for untranslated or fuzzy strings (with a warning) instead of failing.")
@skip_incomplete_option
@jobs_option
@force_option
@root_option
def build(languages, handout_ids, out_dir, brand_path, paper, large_print, allow_incomplete, skip_incomplete, jobs, force,
          root) -> None:
    """Write one PDF per handout and language into --out (LANG/ID.pdf).

    Only documents whose content, translation, brand, fonts, options or code changed are
    rebuilt; the others are reported as unchanged.

    \b
    Examples:
      hfs-pdf build --lang en
      hfs-pdf build --handout botulinum-toxin --paper a4 --out handouts-a4
      hfs-pdf build --lang all -j 2 --force
    """
    project = _project(root)
    variant = Variant.LARGE_PRINT if large_print else Variant.STANDARD
    with _reporting():
        total = operations.document_count(project, languages, handout_ids, 1)
        step, finish = _progress(total, _built_line)
        try:
            report = operations.build(
                project,
                languages=languages,
                handout_ids=handout_ids,
                out_dir=out_dir,
                brand_path=brand_path,
                paper=Paper(paper) if paper else None,
                variants=(variant,),
                allow_incomplete=allow_incomplete,
                skip_incomplete=skip_incomplete,
                jobs=jobs,
                force=force,
                on_document=step,
            )
        finally:
            finish()
    if _shows_bar(total):  # the bar has gone: list what was written
        for item in report.built:
            click.echo(_built_line(item))
    _echo_warnings(report)
    if report.unreviewed:
        click.echo(
            f"note: machine-drafted translation, not yet reviewed by a human: {', '.join(report.unreviewed)} "
            "(each PDF says so on page 1)",
            err=True,
        )
    rendered = sum(1 for item in report.built if item.rendered)
    summary = f"{len(report.built)} PDF(s) in {out_dir} ({rendered} built, {len(report.built) - rendered} unchanged since the last build)"
    if not report.ok:
        click.echo(summary, err=True)
        raise ReportedError(report.problems)
    click.echo(summary)


def _echo_warnings(report) -> None:
    for warning in report.warnings:
        click.echo(f"warning: {warning} (printed in English)", err=True)
    for notice in report.notices:
        click.echo(f"warning: {notice}", err=True)
    for compiled in getattr(report, "compiled", ()):
        click.echo(f"note: {compiled}", err=True)
    for skipped in getattr(report, "skipped", ()):
        click.echo(f"warning: {skipped}", err=True)


def _built_line(item) -> str:
    state = "wrote" if item.written else "unchanged"
    origin = "" if item.rendered else ", from the cache"
    return f"{state} {item.path} ({item.pages} pages, {item.bytes // 1024} KiB{origin})"


def _release_line(item) -> str:
    origin = "built" if item.rendered else "from the cache"
    return f"{origin}: {item.locale}/{item.path.name} ({item.pages} pages)"


def _shows_bar(total: int) -> bool:
    return sys.stdout.isatty() and total > 1


def _progress(total: int, line):
    """A progress bar on a terminal; plain log lines (one per document, as it finishes) otherwise."""
    if _shows_bar(total):
        bar = click.progressbar(length=total, label="building", show_pos=True)
        bar.__enter__()
        return (lambda built: bar.update(1)), (lambda: bar.__exit__(None, None, None))
    return (lambda built: built and click.echo(line(built))), (lambda: None)


@cli.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True, help="Release folder (replaced whole).")
@jobs_option
@force_option
@click.option("--lang", "languages", multiple=True, metavar="LANG", help="Languages (default: all).")
@click.option("--handout", "handout_ids", multiple=True, metavar="ID", help="Handouts (default: all).")
@brand_option
@click.option("--paper", type=click.Choice([p.value for p in Paper]), default=None, help="Paper size (default: the brand's).")
@skip_incomplete_option
@root_option
def release(out_dir, jobs, force, languages, handout_ids, brand_path, paper, skip_incomplete, root) -> None:
    """Build every handout × language × variant with manifest.json, SHA256SUMS, a zip and index.html.

    \b
    Example:
      hfs-pdf release --out release/ -j 2
    """
    project = _project(root)
    with _reporting():
        step, finish = _progress(operations.document_count(project, languages or ("all",), handout_ids, len(Variant)), _release_line)
        try:
            report = operations.release(
                project, out_dir, languages=languages or ("all",), handout_ids=handout_ids, brand_path=brand_path,
                paper=Paper(paper) if paper else None, jobs=jobs, force=force, on_document=step,
                skip_incomplete=skip_incomplete,
            )
        finally:
            finish()
    _echo_warnings(report)
    if not report.ok:
        click.echo(f"release failed: {len(report.problems)} problem(s); {len(report.built)} document(s) built; "
                   f"nothing written to {out_dir}", err=True)
        raise ReportedError(report.problems)
    rendered = sum(1 for item in report.built if item.rendered)
    click.echo(
        f"released {len(report.built)} PDF(s) to {out_dir} (manifest.json, SHA256SUMS, index.html, zip; "
        f"{rendered} built, {len(report.built) - rendered} unchanged since the last build)"
    )


@cli.command()
@click.argument("pack_file", metavar="PACK.yaml", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The pack's PDF.")
@brand_option
@jobs_option
@force_option
@root_option
def pack(pack_file, out_path, brand_path, jobs, force, root) -> None:
    """Build a waiting-room print pack: pick list, separator sheets and copies in one PDF.

    \b
    Example:
      hfs-pdf pack packs/waiting-room.yaml --out waiting-room.pdf
    """
    project = _project(root)
    with _reporting():
        step, finish = _progress(operations.pack_size(project, pack_file), _release_line)
        try:
            report = operations.pack(
                project, pack_file, out_path, brand_path=brand_path, jobs=jobs, force=force, on_document=step,
            )
        finally:
            finish()
    _echo_warnings(report)
    if not report.ok:
        click.echo(f"pack failed: nothing written to {out_path}", err=True)
        raise ReportedError(report.problems)
    plan = report.plan
    for row in plan.rows:
        title = report.titles[row.language, row.handout_id]
        click.echo(
            f"{row.number:3}. {row.language:8} {row.handout_id} ({row.variant.value}) × {row.copies}: "
            f"{row.pages} page(s) each, from page {row.first_page} — {title}"
        )
    if report.unreviewed:
        click.echo(f"note: machine-drafted translation, not yet reviewed by a human: {', '.join(report.unreviewed)}", err=True)
    sides = "double-sided" if plan.duplex else "single-sided"
    click.echo(f"wrote {out_path} ({plan.pages} pages, {plan.sheets} sheets {sides})")


@cli.command()
@brand_option
@root_option
def validate(brand_path, root) -> None:
    """Check every handout and the brand file; list every problem at once.

    \b
    Example:
      hfs-pdf validate --brand brands/my-clinic.yaml
    """
    report = operations.validate(_project(root), brand_path)
    if report.problems:
        raise ReportedError(report.problems)
    click.echo(f"{len(report.handouts)} handouts and brand {report.brand.id!r}: no problems found")


@cli.command(name="list")
@root_option
def list_handouts(root) -> None:
    """Show the handouts (id, title, version, review status) and the languages.

    \b
    Example:
      hfs-pdf list
    """
    project = _project(root)
    report = operations.validate(project)
    _echo_table(
        ("id", "title", "version", "status"),
        [(h.id, h.title, h.review.version, h.review.status.value) for h in report.handouts],
    )
    for problem in report.problems:
        click.echo(f"warning: {problem}", err=True)
    click.echo(f"\nlanguages: {', '.join(project.locales())}")


@cli.command()
@click.option("--lang", "languages", multiple=True, metavar="LANG", help="Language code (repeatable), or 'all' (default).")
@root_option
def check(languages, root) -> None:
    """Plain-language report per handout and language; fails if English is above grade 8
    or has a sentence over 25 words.

    \b
    Example:
      hfs-pdf check --lang en --lang es
    """
    with _reporting():
        report = operations.check_plain_language(_project(root), languages or ("all",))
    header = ("language", "handout", "formula", "score", "median sentence", "longest", "long words")
    _echo_table(header, [
        (r.locale, r.handout_id, r.formula or "—", "—" if r.score is None else f"{r.score:.1f}",
         f"{r.median_sentence:g} {r.unit}", f"{r.longest.length} {r.unit}", "—" if r.long_words is None else str(r.long_words))
        for r in report.rows
    ])
    if report.problems:
        raise ReportedError(report.problems)


@cli.group()
def i18n() -> None:
    """Manage the translation catalogs in translations/ (gettext, edited in Poedit or Weblate).

    \b
    Example:
      hfs-pdf i18n init es && hfs-pdf i18n status
    """


@i18n.command()
@root_option
def extract(root) -> None:
    """Write translations/hfs_pdf.pot from the handouts and the page chrome.

    \b
    Example:
      hfs-pdf i18n extract
    """
    with _reporting():
        path = operations.i18n_extract(_project(root))
    click.echo(f"wrote {path}")


@i18n.command()
@click.argument("lang")
@root_option
def init(lang, root) -> None:
    """Start the catalog for a new language LANG (e.g. de, pt_BR).

    \b
    Example:
      hfs-pdf i18n init de
    """
    with _reporting():
        path = operations.i18n_init(_project(root), lang)
    click.echo(f"wrote {path} (marked: machine draft / pending human review until Reviewed-By is filled in)")


@i18n.command()
@root_option
def update(root) -> None:
    """Merge changed English into every catalog; changed strings become fuzzy.

    \b
    Example:
      hfs-pdf i18n update
    """
    with _reporting():
        paths = operations.i18n_update(_project(root))
    for path in paths:
        click.echo(f"updated {path}")


@i18n.command(name="compile")
@root_option
def compile_(root) -> None:
    """Compile every catalog to .mo, rejecting broken placeholders or markup.

    \b
    Example:
      hfs-pdf i18n compile
    """
    with _reporting():
        paths = operations.i18n_compile(_project(root))
    click.echo(f"compiled {len(paths)} catalog(s)")


@i18n.command()
@root_option
def status(root) -> None:
    """Per language and handout: translated / fuzzy / untranslated, and review status.

    \b
    Example:
      hfs-pdf i18n status
    """
    with _reporting():
        project = _project(root)
        rows = operations.i18n_status(project)
        approved = operations.approved_number_differences(project)
    header = ("language", "handout", "translated", "fuzzy", "untranslated", "review")
    _echo_table(header, [
        (r.locale, r.group, str(r.translated), str(r.fuzzy), str(r.untranslated),
         f"reviewed by {r.reviewed_by}" if r.reviewed_by else "machine draft, pending human review")
        for r in rows
    ])
    for entry in approved:
        click.echo(f"numbers changed on purpose: {entry.where}: [{entry.context}] {entry.english!r}: "
                   f"{entry.difference} — {entry.reason}")


def main() -> None:
    """Entry point. A bug (not a user mistake) prints one line instead of a traceback unless HFS_PDF_DEBUG=1."""
    try:
        cli(prog_name="hfs-pdf")
    except Exception as error:  # only reached by bugs: every user mistake is an HfsPdfError
        if os.environ.get("HFS_PDF_DEBUG"):
            raise
        click.echo(
            f"hfs-pdf: internal error ({error.__class__.__name__}: {error}) — please report it; "
            "set HFS_PDF_DEBUG=1 to see the details",
            err=True,
        )
        sys.exit(70)
