"""What the commands do, as plain functions that return summaries; the CLI only parses and prints.

Each operation runs the stages in order — load → localize → lay out → render → publish — and
collects the problems of every document instead of stopping at the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale, UnknownLocaleError

from hfs_pdf.content import load_brand, load_handouts
from hfs_pdf.errors import ContentError, HfsPdfError, TranslationError, Problem, ProjectError, RenderError, UsageError, display_path
from hfs_pdf.i18n import catalogs
from hfs_pdf.i18n.extract import extract_template
from hfs_pdf.i18n.texts import translatable_texts
from hfs_pdf.i18n import SOURCE_LOCALE, Localization, localize, source_localization
from hfs_pdf.i18n.locales import available_locales, resolve_locales
from hfs_pdf.fonts import family_name_for, font_family
from hfs_pdf.i18n.coverage import check_coverage
from hfs_pdf.layout import CHROME, LayoutOptions, lay_out
from hfs_pdf.model import Brand, Handout, Paper, Variant
from hfs_pdf.publish import output_path, write_atomic
from hfs_pdf.readability import Readability, assess
from hfs_pdf.render import render_pdf

DEFAULT_BRAND = Path("brands") / "demo.yaml"


@dataclass(frozen=True)
class Project:
    """A folder holding handouts/, translations/ and brands/ — hfs-pdf's own, or a clinic's copy."""

    root: Path

    @property
    def handouts_dir(self) -> Path:
        return self.root / "handouts"

    @property
    def translations_dir(self) -> Path:
        return self.root / "translations"

    @property
    def default_brand(self) -> Path:
        return self.root / DEFAULT_BRAND

    @classmethod
    def at(cls, root: Path) -> "Project":
        project = cls(root)
        if not project.handouts_dir.is_dir():
            raise ProjectError(
                f"{display_path(root)}: no handouts/ folder here — run hfs-pdf in a project folder or pass --root DIR"
            )
        return project

    def locales(self) -> list[str]:
        return available_locales(self.translations_dir)


@dataclass
class Built:
    handout_id: str
    locale: str
    variant: Variant
    path: Path
    pages: int
    bytes: int


@dataclass
class BuildReport:
    built: list[Built] = field(default_factory=list)
    problems: list[Problem | str] = field(default_factory=list)
    warnings: list[Problem | str] = field(default_factory=list)
    unreviewed: list[str] = field(default_factory=list)  # locales whose translation is a machine draft

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class ValidationReport:
    handouts: list[Handout]
    brand: Brand | None
    problems: list[Problem | str]


def validate(project: Project, brand_path: Path | None = None) -> ValidationReport:
    """Check every handout and the brand; report every problem at once."""
    loaded = load_handouts(project.handouts_dir)
    problems: list[Problem | str] = list(loaded.problems)
    brand = None
    try:
        brand = load_brand(brand_path or project.default_brand)
    except HfsPdfError as error:
        problems.extend(error.problems)
    return ValidationReport(list(loaded.handouts), brand, problems)


def build(
    project: Project,
    *,
    languages: tuple[str, ...] = (),
    handout_ids: tuple[str, ...] = (),
    out_dir: Path = Path("dist"),
    brand_path: Path | None = None,
    paper: Paper | None = None,
    variants: tuple[Variant, ...] = (Variant.STANDARD,),
    allow_incomplete: bool = False,
) -> BuildReport:
    """Build the chosen handouts × languages × variants into out_dir; broken inputs build nothing."""
    locales = resolve_locales(languages, project.locales())
    selected = load_handouts(project.handouts_dir).only(handout_ids)
    brand = load_brand(brand_path or project.default_brand)
    report = BuildReport(problems=list(selected.problems))
    options_paper = paper or brand.paper
    for locale in locales:
        localization = _localization(project, locale, allow_incomplete, report)
        if localization is None:
            continue
        for handout in selected.handouts:
            for variant in variants:
                try:
                    report.built.append(
                        _build_one(handout, brand, localization, LayoutOptions(options_paper, variant), out_dir, locale,
                                   allow_incomplete, report.warnings)
                    )
                except HfsPdfError as error:
                    report.problems.extend(error.problems)
    return report


def _localization(project: Project, locale: str, allow_incomplete: bool, report: "BuildReport") -> Localization | None:
    """The locale's checked catalog; on failure its problems go in the report and None comes back."""
    if locale == SOURCE_LOCALE:
        return source_localization()
    try:
        localization, warnings = catalogs.load_localization(project.translations_dir, locale, allow_incomplete=allow_incomplete)
    except HfsPdfError as error:
        report.problems.extend(error.problems)
        return None
    report.warnings.extend(warnings)
    if localization.reviewed_by is None:
        report.unreviewed.append(locale)
    return localization


def _build_one(
    handout: Handout, brand: Brand, localization: Localization, options: LayoutOptions, out_dir: Path, locale: str,
    allow_incomplete: bool, warnings: list,
) -> Built:
    wanted = [(None, message) for message in CHROME] + [(handout.id, text) for _, text in translatable_texts(handout)]
    missing = catalogs.missing_messages(localization, wanted, f"needed by {handout.id}")
    if missing and not allow_incomplete:
        raise TranslationError(missing)
    warnings.extend(missing)
    localized = localize(handout, localization)
    check_coverage(handout, localized, localization, font_family(family_name_for(localization.name)), CHROME, brand)
    layout = lay_out(localized, brand, localization, options)
    rendered = render_pdf(layout)
    if rendered.pages > layout.page_budget:
        raise RenderError(
            Problem(
                display_path(handout.source),
                f"handout {handout.id!r} ({locale}, {options.variant.value}) takes {rendered.pages} pages, over its budget "
                f"of {layout.page_budget} — shorten its text or questions",
            )
        )
    path = output_path(out_dir, locale, handout.id, options.variant)
    write_atomic(path, rendered.data)
    return Built(handout.id, locale, options.variant, path, rendered.pages, len(rendered.data))


# -- translation catalogs ---------------------------------------------------------------------

TRANSLATION_LOCALES = ("es", "zh_Hans", "zh_Hant", "vi", "ko", "tl", "ru", "ar", "ht", "fr", "pt_BR")
"""The languages hfs-pdf ships: the most-needed languages of US language-assistance notices."""


def i18n_extract(project: Project) -> Path:
    """handouts/*.yaml + page chrome → translations/hfs_pdf.pot."""
    loaded = load_handouts(project.handouts_dir)
    if loaded.problems:
        raise ContentError(loaded.problems)
    path = catalogs.template_path(project.translations_dir)
    write_atomic(path, catalogs.write_catalog(path, extract_template(project.handouts_dir)))
    return path


def i18n_init(project: Project, locale: str) -> Path:
    """Start a catalog for a new language from the template (which is refreshed first)."""
    try:
        Locale.parse(locale)
    except (ValueError, UnknownLocaleError):
        raise UsageError(f"{locale!r} is not a locale Babel knows — use a code such as es, zh_Hant or pt_BR")
    path = catalogs.po_path(project.translations_dir, locale)
    if path.exists():
        raise UsageError(f"{display_path(path)} exists already — use `hfs-pdf i18n update` to refresh it")
    template = catalogs.read_catalog(i18n_extract(project))
    write_atomic(path, catalogs.write_catalog(path, catalogs.new_catalog(template, locale)))
    return path


def i18n_update(project: Project) -> list[Path]:
    """Refresh the template and merge it into every catalog (changed English becomes fuzzy)."""
    template = catalogs.read_catalog(i18n_extract(project))
    updated = []
    for locale in project.locales()[1:]:
        path = catalogs.po_path(project.translations_dir, locale)
        catalog = catalogs.read_catalog(path, locale)
        catalog.update(template, update_header_comment=False)
        catalog.obsolete.clear()  # gone from the English: keeping them only confuses translators
        write_atomic(path, catalogs.write_catalog(path, catalog))
        updated.append(path)
    return updated


def i18n_compile(project: Project) -> list[Path]:
    """Every catalog → its .mo, refusing any catalog whose translations break placeholders or markup."""
    written, problems = [], []
    for locale in project.locales()[1:]:
        po = catalogs.po_path(project.translations_dir, locale)
        try:
            catalog = catalogs.read_catalog(po, locale)
        except HfsPdfError as error:
            problems.extend(error.problems)
            continue
        check = catalogs.check_catalog(catalog, po)
        if check.broken:
            problems.extend(check.broken)
            continue
        mo = catalogs.mo_path(project.translations_dir, locale)
        write_atomic(mo, catalogs.compile_catalog(catalog))
        written.append(mo)
    if problems:
        raise TranslationError(problems)
    return written


@dataclass(frozen=True)
class CatalogStatus:
    locale: str
    group: str  # a handout id, or "page chrome"
    translated: int
    fuzzy: int
    untranslated: int
    reviewed_by: str | None


def i18n_status(project: Project) -> list[CatalogStatus]:
    """Per language and handout: how many strings are translated, fuzzy, untranslated; who reviewed."""
    rows = []
    for locale in project.locales()[1:]:
        po = catalogs.po_path(project.translations_dir, locale)
        catalog = catalogs.read_catalog(po, locale)
        check = catalogs.check_catalog(catalog, po)
        untranslated = {id(m) for m in check.untranslated}
        fuzzy = {id(m) for m in check.fuzzy}
        counts: dict[str, list[int]] = {}
        for message in catalog:
            if not message.id:
                continue
            tally = counts.setdefault(message.context or "page chrome", [0, 0, 0])
            tally[2 if id(message) in untranslated else 1 if id(message) in fuzzy else 0] += 1
        reviewer = catalogs.reviewed_by(catalog)
        rows.extend(CatalogStatus(locale, group, *tally, reviewer) for group, tally in counts.items())
    return rows


# -- plain language -----------------------------------------------------------------------------


@dataclass
class PlainLanguageReport:
    rows: list[Readability] = field(default_factory=list)
    problems: list[Problem | str] = field(default_factory=list)


def check_plain_language(project: Project, languages: tuple[str, ...] = ("all",)) -> PlainLanguageReport:
    """Reading figures for every handout and language; the English gate's failures as problems."""
    report = PlainLanguageReport()
    loaded = load_handouts(project.handouts_dir)
    report.problems.extend(loaded.problems)
    for locale in resolve_locales(languages, project.locales()):
        if locale == SOURCE_LOCALE:
            localization = source_localization()
        else:
            localization, _ = catalogs.load_localization(project.translations_dir, locale, allow_incomplete=True)
        for handout in loaded.handouts:
            row = assess(localize(handout, localization), locale)
            report.rows.append(row)
            report.problems.extend(Problem(display_path(handout.source), problem) for problem in row.problems())
    return report
