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
from hfs_pdf.model import Paper, PersonalDetails, Variant


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
    envvar="HFS_PDF_BRAND",
    help="Brand file (default: hfs-pdf.toml's brand, else brands/demo.yaml in the project folder).",
)
paper_option = click.option(
    "--paper", type=click.Choice([p.value for p in Paper]), default=None, envvar="HFS_PDF_PAPER",
    help="Paper size (default: the brand's).",
)


jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, envvar="HFS_PDF_JOBS",
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


class _ProjectGroup(click.Group):
    """Keeps the whole command line, so the group can find --root (and its hfs-pdf.toml) before
    the command itself is parsed."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["hfs_pdf.arguments"] = list(args)
        return super().parse_args(ctx, args)


@click.group(cls=_ProjectGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(hfs_pdf.__version__, prog_name="hfs-pdf")
@click.option("-q", "--quiet", is_flag=True, help="Print only problems (and warnings); no per-document lines, notes or summary.")
@click.option("-v", "--verbose", is_flag=True, help="Also list documents that were already up to date, and every note.")
@click.pass_context
def cli(ctx: click.Context, quiet: bool, verbose: bool) -> None:
    """Build branded, accessible hemifacial-spasm patient handouts as PDF.

    \b
    Example:
      hfs-pdf init my-clinic && cd my-clinic && hfs-pdf build --lang es
    """
    from hfs_pdf.config import default_map

    if quiet and verbose:
        raise click.UsageError("-q/--quiet and -v/--verbose cannot both be given")
    ctx.meta["hfs_pdf.verbosity"] = -1 if quiet else 1 if verbose else 0
    with _reporting():  # the project's hfs-pdf.toml: defaults below options and HFS_PDF_* variables
        ctx.default_map = default_map(_root_in(ctx.meta.get("hfs_pdf.arguments", [])))


def _root_in(arguments: list[str]) -> Path:
    """The --root a command line names (the group reads its config before the command parses it)."""
    for index, argument in enumerate(arguments):
        if argument == "--root" and index + 1 < len(arguments):
            return Path(arguments[index + 1])
        if argument.startswith("--root="):
            return Path(argument.split("=", 1)[1])
    return Path(".")


@cli.command()
@click.option("--lang", "languages", multiple=True, metavar="LANG", envvar="HFS_PDF_LANG",
              help="Language code (repeatable), or 'all'. Default: hfs-pdf.toml's languages, else en.")
@click.option("--handout", "handout_ids", multiple=True, metavar="ID", help="Handout id (repeatable). Default: every handout.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("dist"), show_default=True,
              envvar="HFS_PDF_OUT", help="Output folder.")
@brand_option
@paper_option
@click.option("--large-print", is_flag=True, help="Build the large-print variant (18 pt body text) instead of the standard one.")
@click.option("--bilingual", is_flag=True,
              help="Build the bilingual variant of a translation: the English after each part (LANG/ID.bilingual.pdf).")
@click.option("--allow-incomplete", is_flag=True, help="Print English for untranslated or fuzzy strings (with a warning) instead of failing.")
@skip_incomplete_option
@click.option("--patient", default=None, metavar="NAME", help="A personalised copy: the patient's name in a \"For you\" box on page 1 (stored nowhere).")
@click.option("--clinician", default=None, metavar="NAME", help="A personalised copy: the clinician's name.")
@click.option("--next-visit", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="A personalised copy: the next visit, printed in the handout's language.")
@click.option("--note", default=None, metavar="TEXT", help="A personalised copy: a short note from the clinician (up to 400 characters).")
@jobs_option
@force_option
@root_option
def build(languages, handout_ids, out_dir, brand_path, paper, large_print, bilingual, allow_incomplete, skip_incomplete, patient,
          clinician, next_visit, note, jobs, force, root) -> None:
    """Write one PDF per handout and language into --out (LANG/ID.pdf).

    Only documents whose content, translation, brand, fonts, options or code changed are
    rebuilt; the others are reported as unchanged.

    \b
    Examples:
      hfs-pdf build --lang en
      hfs-pdf build --handout botulinum-toxin --paper a4 --out handouts-a4
      hfs-pdf build --lang all -j 2 --force
      hfs-pdf build --handout botulinum-toxin --lang es --patient "Ana López" --next-visit 2027-01-15 --out ana
    """
    project = _project(root)
    if large_print and bilingual:
        raise click.UsageError("--large-print and --bilingual cannot both be given: the bilingual copy is standard size")
    variant = Variant.LARGE_PRINT if large_print else Variant.BILINGUAL if bilingual else Variant.STANDARD
    personal = PersonalDetails(patient, clinician, next_visit.date() if next_visit else None, note)
    with _reporting():
        if personal:
            operations.check_personal(personal)
        total = operations.document_count(project, languages, handout_ids, (variant,))
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
                personal=personal or None,
            )
        finally:
            finish()
    if _shows_bar(total):  # the bar has gone: list what was written
        for item in report.built:
            line = _built_line(item)
            if line:
                _say(line)
    _echo_warnings(report)
    _echo_review_notes(report.built, " (each PDF says so on page 1)")
    rendered = sum(1 for item in report.built if item.rendered)
    summary = f"{len(report.built)} PDF(s) in {out_dir} ({rendered} built, {len(report.built) - rendered} unchanged since the last build)"
    if not report.ok:
        click.echo(summary, err=True)
        raise ReportedError(report.problems)
    _say(summary)


def _verbosity() -> int:
    """-1 quiet, 0 normal, 1 verbose (set by the group's -q/-v)."""
    context = click.get_current_context(silent=True)
    return context.meta.get("hfs_pdf.verbosity", 0) if context else 0


def _say(line: str) -> None:
    """A result line on stdout (a written file, the summary): left out with -q."""
    if _verbosity() >= 0:
        click.echo(line)


def _note(line: str) -> None:
    """Chatter on stderr (compiled catalogs, review notes): left out with -q."""
    if _verbosity() >= 0:
        click.echo(line, err=True)


def _echo_warnings(report) -> None:
    for warning in report.warnings:
        click.echo(f"warning: {warning} (printed in English)", err=True)
    for notice in report.notices:
        click.echo(f"warning: {notice}", err=True)
    for compiled in getattr(report, "compiled", ()):
        _note(f"note: {compiled}")
    for skipped in getattr(report, "skipped", ()):
        click.echo(f"warning: {skipped}", err=True)


def _echo_review_notes(built, where: str) -> None:
    """One note line per kind of unreviewed translation, naming its languages."""
    by_status: dict[str, list[str]] = {}
    for item in built:
        if item.translation_status != "source" and not item.reviewed_by and item.locale not in by_status.get(item.translation_status, []):
            by_status.setdefault(item.translation_status, []).append(item.locale)
    for status, locales in by_status.items():
        kind = "machine-drafted translation" if status.startswith("machine") else "translation"
        _note(f"note: {kind}, not yet reviewed by a human: {', '.join(locales)}{where}")


def _built_line(item) -> str | None:
    """One document's line, or None where there is nothing to say (up to date, not -v)."""
    if item.written:
        state = "wrote"
    elif item.rendered:
        state = "rebuilt (same bytes as before)"  # a forced build of unchanged inputs
    else:
        state = "up to date"
    if not item.written and _verbosity() < 1:
        return None
    origin = "" if item.rendered else ", from the cache"
    return f"{state} {item.path} ({item.pages} pages, {item.bytes // 1024} KiB{origin})"


def _release_line(item) -> str | None:
    """Progress of a release or pack (stderr): what was rendered; the cached ones too with -v."""
    if not item.rendered and _verbosity() < 1:
        return None
    origin = "built" if item.rendered else "from the cache"
    return f"{origin}: {item.locale}/{item.path.name} ({item.pages} pages)"


def _shows_bar(total: int) -> bool:
    return sys.stderr.isatty() and total > 1 and _verbosity() >= 0


def _progress(total: int, line, progress_only: bool = False):
    """A progress bar on a terminal; plain log lines (one per document, as it finishes) otherwise:
    on stdout when they are the command's results (build's files), on stderr when only progress."""
    if _shows_bar(total):
        bar = click.progressbar(length=total, label="building", show_pos=True, file=sys.stderr)
        bar.__enter__()
        return (lambda built: bar.update(1)), (lambda: bar.__exit__(None, None, None))

    def step(built) -> None:
        text = line(built) if built else None
        if text:
            (_note if progress_only else _say)(text)

    return step, (lambda: None)


@cli.group(invoke_without_command=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Release folder (replaced whole); with several brands, one folder per brand id inside it.")
@jobs_option
@force_option
@click.option("--lang", "languages", multiple=True, metavar="LANG", help="Languages (default: all).")
@click.option("--handout", "handout_ids", multiple=True, metavar="ID", help="Handouts (default: all).")
@click.option("--brand", "brand_paths", multiple=True, type=click.Path(dir_okay=False, path_type=Path), envvar="HFS_PDF_BRAND",
              help="Brand file (repeatable: one release per brand, in OUT/<brand id>/). Default: hfs-pdf.toml's, else brands/demo.yaml.")
@click.option("--all-brands", is_flag=True, help="One release per brand file in brands/, in OUT/<brand id>/.")
@click.option("--shard", "shard_text", metavar="K/N", default=None,
              help="Build only the K-th of N equal parts (for a CI matrix); put them together with `release merge`.")
@paper_option
@skip_incomplete_option
@root_option
@click.pass_context
def release(ctx, out_dir, jobs, force, languages, handout_ids, brand_paths, all_brands, shard_text, paper, skip_incomplete,
            root) -> None:
    """Build every handout × language × variant with manifest.json, SHA256SUMS, a zip and index.html.

    \b
    Examples:
      hfs-pdf release --out release/ -j 2
      hfs-pdf release --out shard-2 --shard 2/3          # on each of 3 CI machines, then:
      hfs-pdf release merge release/ shard-1 shard-2 shard-3
      hfs-pdf release --out releases/ --all-brands       # releases/<brand id>/ for each brands/*.yaml
    """
    if ctx.invoked_subcommand is not None:
        return
    if out_dir is None:
        raise click.UsageError("Missing option '--out'.")
    from hfs_pdf.publish.shards import Shard

    project = _project(root)
    with _reporting():
        shard = Shard.parse(shard_text) if shard_text else None
        brands = operations.release_brands(project, brand_paths, all_brands, out_dir)
    for brand_path, brand_out in brands:
        if len(brands) > 1:
            _note(f"brand {brand_path}: release in {brand_out}")
        _release_one(project, brand_out, jobs, force, languages, handout_ids, brand_path, paper, skip_incomplete, shard)


def _release_one(project, out_dir, jobs, force, languages, handout_ids, brand_path, paper, skip_incomplete, shard) -> None:
    with _reporting():
        total = operations.document_count(project, languages or ("all",), handout_ids, tuple(Variant))
        step, finish = _progress(total // shard.count if shard else total, _release_line, progress_only=True)
        try:
            report = operations.release(
                project, out_dir, languages=languages or ("all",), handout_ids=handout_ids, brand_path=brand_path,
                paper=Paper(paper) if paper else None, jobs=jobs, force=force, on_document=step,
                skip_incomplete=skip_incomplete, shard=shard,
            )
        finally:
            finish()
    _echo_warnings(report)
    if not report.ok:
        click.echo(f"release failed: {len(report.problems)} problem(s); {len(report.built)} document(s) built; "
                   f"nothing written to {out_dir}", err=True)
        raise ReportedError(report.problems)
    rendered = sum(1 for item in report.built if item.rendered)
    what = (f"shard {shard.number}/{shard.count}: {len(report.built)} PDF(s) to {out_dir} (shard.json; merge the shards "
            "with `hfs-pdf release merge`" if shard else
            f"released {len(report.built)} PDF(s) to {out_dir} (manifest.json, SHA256SUMS, index.html, zip")
    _say(f"{what}; {rendered} built, {len(report.built) - rendered} unchanged since the last build)")


@release.command(name="merge")
@click.argument("out_dir", metavar="OUT", type=click.Path(file_okay=False, path_type=Path))
@click.argument("shard_dirs", metavar="SHARD_DIR...", nargs=-1, required=True, type=click.Path(file_okay=False, path_type=Path))
def release_merge(out_dir, shard_dirs) -> None:
    """Put the shards of one release together into OUT: the release an unsharded run makes, byte for byte.

    \b
    Example:
      hfs-pdf release merge release/ shard-1 shard-2 shard-3
    """
    from hfs_pdf.publish.shards import merge_shards

    with _reporting():
        count = merge_shards(out_dir, list(shard_dirs), hfs_pdf.__version__)
    _say(f"released {count} PDF(s) to {out_dir} from {len(shard_dirs)} shard(s) (manifest.json, SHA256SUMS, index.html, zip)")


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
        step, finish = _progress(operations.pack_size(project, pack_file), _release_line, progress_only=True)
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
        _say(
            f"{row.number:3}. {row.language:8} {row.handout_id} ({row.variant.value}) × {row.copies}: "
            f"{row.pages} page(s) each, from page {row.first_page} — {title}"
        )
    _echo_review_notes(report.built, "")
    sides = "double-sided" if plan.duplex else "single-sided"
    _say(f"wrote {out_path} ({plan.pages} pages, {plan.sheets} sheets {sides})")


@cli.command()
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The sheet's PDF.")
@brand_option
@paper_option
@root_option
def taglines(out_path, brand_path, paper, root) -> None:
    """A one-page sheet: "free language help" in each of the brand's languages (taglines: in its file).

    \b
    Example:
      hfs-pdf taglines --out dist/language-help.pdf
    """
    from hfs_pdf.taglines import write_tagline_sheet

    project = _project(root)
    with _reporting():
        path = write_tagline_sheet(brand_path or project.default_brand, out_path, Paper(paper) if paper else None)
    _say(f"wrote {path} (1 page)")


@cli.command(name="init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def init_project(folder) -> None:
    """Start a clinic's own project in FOLDER: the default handouts, translations, a brand to edit,
    a sample print pack and an hfs-pdf.toml.

    \b
    Example:
      hfs-pdf init my-clinic && cd my-clinic && hfs-pdf build --lang es
    """
    from hfs_pdf.starter import init_project as make

    with _reporting():
        created = make(folder)
    for path in created:
        click.echo(f"created {path}")
    click.echo(f"next: edit {folder / 'brands' / 'demo.yaml'} (your clinic's name, phone, logo, colours), then run "
               f"`hfs-pdf build --lang es` in {folder}")


@cli.command()
@root_option
def config(root) -> None:
    """Show the settings in force and where each came from (option > HFS_PDF_* variable > hfs-pdf.toml > default).

    \b
    Example:
      HFS_PDF_PAPER=a4 hfs-pdf config
    """
    from hfs_pdf.config import settings_in_force

    with _reporting():
        settings = settings_in_force(root)
    _echo_table(("setting", "value", "from", "meaning"), [
        (s.key.name, " ".join(s.value) if isinstance(s.value, tuple) else str(s.value if s.value is not None else "—"),
         s.source, s.key.meaning)
        for s in settings
    ])


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
    click.echo(f"wrote {path} (marked: not yet translated; its header records who drafted and who reviewed it — "
               "see translations/README.md)")


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
         r.review)
        for r in rows
    ])
    for entry in approved:
        click.echo(f"numbers changed on purpose: {entry.where}: [{entry.context}] {entry.english!r}: "
                   f"{entry.difference} — {entry.reason}")


class _ClosedPipeTolerant:
    """stdout that survives its reader going away (`hfs-pdf pack … | head`): once the pipe is
    closed, further lines are dropped and the command finishes its work — the files it writes are
    the point, not the lines — instead of dying half-way with a BrokenPipeError."""

    def __init__(self, stream):
        self._stream = stream
        self.closed_by_reader = False

    def write(self, text: str) -> int:
        if not self.closed_by_reader:
            try:
                return self._stream.write(text)
            except BrokenPipeError:
                self._reader_gone()
        return len(text)

    def flush(self) -> None:
        if not self.closed_by_reader:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._reader_gone()

    def _reader_gone(self) -> None:
        self.closed_by_reader = True
        try:  # the interpreter's own flush at exit must not complain either
            os.dup2(os.open(os.devnull, os.O_WRONLY), self._stream.fileno())
        except (OSError, ValueError):
            pass

    def __getattr__(self, name):
        return getattr(self._stream, name)


def main() -> None:
    """Entry point. A bug (not a user mistake) prints one line instead of a traceback unless HFS_PDF_DEBUG=1;
    Ctrl-C exits 130 (outputs are written atomically, so nothing half-written is left)."""
    sys.stdout = _ClosedPipeTolerant(sys.stdout)
    try:
        code = cli.main(prog_name="hfs-pdf", standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except click.exceptions.Abort:  # Click's word for KeyboardInterrupt
        click.echo("hfs-pdf: interrupted — no file was left half-written", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except Exception as error:  # only reached by bugs: every user mistake is an HfsPdfError
        if os.environ.get("HFS_PDF_DEBUG"):
            raise
        click.echo(
            f"hfs-pdf: internal error ({error.__class__.__name__}: {error}) — please report it; "
            "set HFS_PDF_DEBUG=1 to see the details",
            err=True,
        )
        sys.exit(70)
