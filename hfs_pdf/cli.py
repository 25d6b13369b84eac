"""Command line: parse options → call an operation → print its summary. No logic lives here."""

from __future__ import annotations

import os
import sys
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


def _project(root: Path) -> operations.Project:
    try:
        return operations.Project.at(root)
    except HfsPdfError as error:
        raise _reported(error)


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
@root_option
def build(languages, handout_ids, out_dir, brand_path, paper, large_print, root) -> None:
    """Write one PDF per handout and language into --out (LANG/ID.pdf).

    \b
    Examples:
      hfs-pdf build --lang en
      hfs-pdf build --handout botulinum-toxin --paper a4 --out handouts-a4
    """
    project = _project(root)
    variant = Variant.LARGE_PRINT if large_print else Variant.STANDARD
    try:
        report = operations.build(
            project,
            languages=languages,
            handout_ids=handout_ids,
            out_dir=out_dir,
            brand_path=brand_path,
            paper=Paper(paper) if paper else None,
            variants=(variant,),
        )
    except HfsPdfError as error:
        raise _reported(error)
    for item in report.built:
        click.echo(f"wrote {item.path} ({item.pages} pages, {item.bytes // 1024} KiB)")
    summary = f"{len(report.built)} PDF(s) written to {out_dir}"
    if not report.ok:
        click.echo(summary, err=True)
        raise ReportedError(report.problems)
    click.echo(summary)


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
    rows = [(h.id, h.title, h.review.version, h.review.status.value) for h in report.handouts]
    widths = [max(len(str(row[i])) for row in rows + [("id", "title", "version", "status")]) for i in range(4)]
    for row in [("id", "title", "version", "status")] + rows:
        click.echo("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())
    for problem in report.problems:
        click.echo(f"warning: {problem}", err=True)
    click.echo(f"\nlanguages: {', '.join(project.locales())}")


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
