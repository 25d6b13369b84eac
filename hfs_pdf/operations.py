"""What the commands do, as plain functions that return summaries; the CLI only parses and prints.

Each operation runs the stages in order — load → localize → lay out → render → publish — and
collects the problems of every document instead of stopping at the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from typing import TYPE_CHECKING

from reportlab.platypus.doctemplate import LayoutError

from hfs_pdf import __version__
from hfs_pdf.cache import CACHE_DIR_NAME, BuildCache, CachedDocument, Slot, brand_inputs
from hfs_pdf.content import load_brand, load_handouts
from hfs_pdf.content.handouts import handout_paths
from hfs_pdf.fonts import family_name_for, font_paths
from hfs_pdf.errors import ContentError, HfsPdfError, TranslationError, Problem, ProjectError, RenderError, UsageError, display_path
from hfs_pdf.i18n import catalogs
from hfs_pdf.i18n.texts import translatable_texts
from hfs_pdf.i18n import SOURCE_LOCALE, Localization, localize, source_localization
from hfs_pdf.i18n.locales import available_locales, resolve_locales
from hfs_pdf.model import Brand, Handout, LayoutOptions, Pack, Paper, PersonalDetails, ReviewStatus, Variant
from hfs_pdf.publish import output_path, write_atomic
from hfs_pdf.publish.files import cannot_write, check_writable

if TYPE_CHECKING:
    from hfs_pdf.publish.pack import PackPlan
    from hfs_pdf.publish.shards import Shard
    from hfs_pdf.readability import Readability

# The layout and render stages (ReportLab, pikepdf), the extractor, the release writer and the
# readability formulas are imported by the operations that use them: a command pays only for
# what it runs, which keeps `hfs-pdf list` and an up-to-date build fast.

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
                f"{display_path(root)}: no handouts/ folder here — start a project with `hfs-pdf init DIR` "
                "(it copies the default handouts, translations and a brand to edit), or pass --root DIR"
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
    title: str = ""
    reviewed_by: str | None = None  # the translation's human reviewer; None while pending review
    translation_status: str = "source"  # Localization.review_status: "machine draft, pending human review", …
    rendered: bool = True  # False: its inputs are unchanged since the last build; the PDF came from the cache
    written: bool = True  # False: the output file already held these exact bytes
    thumbnail: bytes | None = field(default=None, repr=False)  # page 1 as PNG, when the build was asked for thumbnails
    data: bytes | None = field(default=None, repr=False)  # the PDF, when the build wrote no files


@dataclass
class BuildReport:
    built: list[Built] = field(default_factory=list)
    problems: list[Problem | str] = field(default_factory=list)
    warnings: list[Problem | str] = field(default_factory=list)  # strings printed in English (--allow-incomplete)
    unreviewed: list[str] = field(default_factory=list)  # locales with a document whose translation is pending review
    notices: list[str] = field(default_factory=list)  # anything else worth a warning line
    compiled: list[str] = field(default_factory=list)  # catalogs compiled because their .po had changed
    skipped: list[str] = field(default_factory=list)  # languages left out because their catalog is not ready

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
    for locale in project.locales()[1:]:  # a catalog that breaks markup or changes a number is a content problem too
        po = catalogs.po_path(project.translations_dir, locale)
        try:
            problems.extend(catalogs.check_catalog(catalogs.read_catalog(po, locale), po).broken)
        except HfsPdfError as error:
            problems.extend(error.problems)
    return ValidationReport(list(loaded.handouts), brand, problems)


@dataclass(frozen=True)
class RenderTask:
    """One document to render: everything a worker process needs, all picklable."""

    handout: Handout
    brand: Brand
    locale: str
    translations_dir: Path
    options: LayoutOptions
    allow_incomplete: bool
    slot: Slot | None = None  # where the cache keeps it
    key: str = ""
    thumbnail: bool = False  # also make a page-1 PNG (for a release's contact sheet)
    personal: PersonalDetails | None = None  # a personalised copy: never cached (see build)


@dataclass(frozen=True)
class RenderResult:
    task: RenderTask
    data: bytes | None = None
    pages: int = 0
    title: str = ""
    problems: tuple[Problem | str, ...] = ()
    warnings: tuple[Problem | str, ...] = ()
    reviewed_by: str | None = None
    thumbnail: bytes | None = None
    translation_status: str = "source"


def build(
    project: Project,
    *,
    languages: tuple[str, ...] = (),
    handout_ids: tuple[str, ...] = (),
    variants: tuple[Variant, ...] = (Variant.STANDARD,),
    documents: list[tuple[str, str, Variant]] | None = None,
    out_dir: Path | None = Path("dist"),
    brand_path: Path | None = None,
    paper: Paper | None = None,
    allow_incomplete: bool = False,
    jobs: int = 1,
    force: bool = False,
    thumbnails: bool = False,
    on_document=None,
    skip_incomplete: bool = False,
    personal: PersonalDetails | None = None,
) -> BuildReport:
    """Build the chosen handouts × languages × variants into out_dir; broken inputs build nothing.

    A personalised copy (`personal`) is always rendered afresh and never enters the cache: the
    patient's details live only in the PDF written to out_dir.

    `documents` names exactly which (locale, handout id, variant) to build instead (print packs).
    Documents whose inputs are unchanged since they were last built come from the cache (see
    `hfs_pdf.cache`) without loading anything; `force` renders every one again. With jobs > 1
    documents render in that many processes; files are still written here, in order. With no
    out_dir nothing is written and each `Built` carries its PDF's bytes.
    `on_document(Built | None)` is called as each document finishes (for progress displays).
    """
    if out_dir is not None:
        check_writable(out_dir)
    if documents is None:
        handouts = tuple(handout_paths(project.handouts_dir, handout_ids))
        locales = resolve_locales(languages, project.locales())
        documents = [(locale, handout, variant) for locale in locales for handout in handouts for variant in variants
                     if not (variant is Variant.BILINGUAL and locale == SOURCE_LOCALE)]  # English has no English beside it
        if not documents and Variant.BILINGUAL in variants:
            raise UsageError("a bilingual copy puts the English beside a translation — choose a translated language, "
                             "e.g. --lang es --bilingual")
    elif any(variant is Variant.BILINGUAL and locale == SOURCE_LOCALE for locale, _, variant in documents):
        raise UsageError("English has no bilingual copy — ask for it in a translated language")
    compiled = compile_stale_catalogs(project, (locale for locale, _, _ in documents))
    skipped = incomplete_locales(project, {locale for locale, _, _ in documents}) if skip_incomplete else {}
    documents = [document for document in documents if document[0] not in skipped]
    brand_file = brand_path or project.default_brand
    sources = handout_paths(project.handouts_dir, tuple(dict.fromkeys(handout for _, handout, _ in documents)))
    cache = BuildCache(project.root / CACHE_DIR_NAME)
    brand_inputs_ = brand_inputs(brand_file)
    planned: list[tuple[Slot, str]] = []
    for locale, handout, variant in documents:
        language_inputs = [*catalogs.catalog_paths(project.translations_dir, locale), *font_paths(family_name_for(locale))]
        slot = Slot(locale, handout, variant, paper, brand_file.stem)
        key = cache.document_key([sources[handout], *brand_inputs_, *language_inputs], repr(slot), f"allow_incomplete={allow_incomplete}")
        planned.append((slot, key))
    report = BuildReport(compiled=compiled, skipped=_skipped_notes(project, skipped))
    stale: list[tuple[Slot, str]] = []
    for slot, key in planned:
        hit = None if force or personal else cache.get(slot, key)
        if hit is None:
            stale.append((slot, key))
            continue
        data, document, thumbnail = hit
        if thumbnails and thumbnail is None:  # built by `build`, first released now: no need to render again
            from hfs_pdf.publish.release import thumbnail_png

            thumbnail = thumbnail_png(data)
            cache.put(slot, data, document, thumbnail)
        served = RenderResult(None, data, document.pages, document.title, (), document.warnings, document.reviewed_by, thumbnail,
                              document.translation_status)
        _finish(report, out_dir, slot, served, on_document)
    if stale:
        for result in _render_stale(project, stale, brand_file, allow_incomplete, thumbnails, jobs, report, personal):
            if result.data is not None and not personal:
                warnings = tuple(str(warning) for warning in result.warnings)
                document = CachedDocument(result.task.key, result.pages, result.title, warnings, result.reviewed_by,
                                          result.translation_status)
                cache.put(result.task.slot, result.data, document, result.thumbnail)
            _finish(report, out_dir, result.task.slot, result, on_document)
    cache.save()
    if cache.unwritable is not None:
        report.notices.append(f"{cache.unwritable.problems[0]}; the build cache is off, so every build renders everything")
    order = {(slot.locale, slot.handout_id, slot.variant): index for index, (slot, _) in enumerate(planned)}
    report.built.sort(key=lambda built: order[built.locale, built.handout_id, built.variant])
    report.unreviewed = list(dict.fromkeys(
        built.locale for built in report.built if built.locale != SOURCE_LOCALE and built.reviewed_by is None
    ))
    return report


def _skipped_notes(project: Project, skipped: dict[str, int]) -> list[str]:
    return [
        f"{locale} left out: {count} string(s) of {display_path(catalogs.po_path(project.translations_dir, locale))} "
        "not ready (--skip-incomplete) — translate them to build it" for locale, count in sorted(skipped.items())
    ]


def _render_stale(project, stale, brand_file, allow_incomplete, thumbnails, jobs, report, personal=None):
    """Load, check and render the documents the cache could not serve; yield their results.

    Problems with the inputs themselves (a broken handout, brand or catalog) go in the report.
    """
    from hfs_pdf.fonts import require_shaping

    require_shaping()
    selected = load_handouts(project.handouts_dir, tuple(sorted({slot.handout_id for slot, _ in stale})))
    brand = load_brand(brand_file)
    report.problems.extend(selected.problems)
    handouts = {handout.id: handout for handout in selected.handouts}
    usable_locales = {
        locale for locale in dict.fromkeys(slot.locale for slot, _ in stale)
        if _localization(project, locale, allow_incomplete, report) is not None
    }
    tasks = [
        RenderTask(
            handouts[slot.handout_id], brand, slot.locale, project.translations_dir,
            LayoutOptions(slot.paper or brand.paper, slot.variant), allow_incomplete, slot, key, thumbnails, personal,
        )
        for slot, key in stale
        if slot.handout_id in handouts and slot.locale in usable_locales
    ]
    for result in _render_all(tasks, jobs):
        report.problems.extend(result.problems)
        yield result


def _finish(report: BuildReport, out_dir: Path | None, slot: Slot, result: RenderResult, on_document) -> None:
    """Put one document's PDF in place (only if its bytes changed) and report it."""
    report.warnings.extend(w for w in result.warnings if w not in report.warnings)
    built = None
    if result.data is not None:
        path = output_path(out_dir or Path(), slot.locale, slot.handout_id, slot.variant)
        written = out_dir is not None and not _holds(path, result.data)
        if written:
            write_atomic(path, result.data)
        built = Built(
            slot.handout_id, slot.locale, slot.variant, path, result.pages, len(result.data), result.title, result.reviewed_by, result.translation_status, rendered=result.task is not None, written=written, thumbnail=result.thumbnail,
            data=None if out_dir is not None else result.data,
        )
        report.built.append(built)
    if on_document:
        on_document(built)


def _holds(path: Path, data: bytes) -> bool:
    """Does the file hold exactly these bytes already? (An up-to-date build rewrites nothing.)"""
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _render_all(tasks: list[RenderTask], jobs: int):
    if jobs <= 1 or len(tasks) <= 1:
        yield from map(render_task, tasks)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts) as pool:
        yield from pool.map(render_task, tasks, chunksize=max(1, len(tasks) // (jobs * 8)))


def _ignore_interrupts() -> None:
    """Ctrl-C is the main process's to handle (exit 130, nothing half-written); workers just stop with it."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _localization(project: Project, locale: str, allow_incomplete: bool, report: "BuildReport") -> Localization | None:
    """The locale's checked catalog; on failure its problems go in the report and None comes back."""
    try:
        localization, warnings = _load_localization(project.translations_dir, locale, allow_incomplete)
    except HfsPdfError as error:
        report.problems.extend(error.problems)
        return None
    report.warnings.extend(warnings)
    if localization.borrowed_chrome:
        notice = (f"{display_path(localization.catalog)} lacks {len(localization.borrowed_chrome)} page-chrome string(s) of this "
                  f"hfs-pdf version; they print in hfs-pdf's own {locale} translation — run `hfs-pdf i18n update` to take them "
                  "into your catalog and review them")
        if notice not in report.notices:
            report.notices.append(notice)
    return localization


def _load_localization(translations_dir: Path, locale: str, allow_incomplete: bool):
    """Each process reads and checks a catalog once, however many documents use it (until the files change)."""
    if locale == SOURCE_LOCALE:
        return source_localization(), []
    stamp = tuple(
        path.stat().st_mtime_ns if path.exists() else None
        for path in (catalogs.po_path(translations_dir, locale), catalogs.mo_path(translations_dir, locale))
    )
    return _checked_catalog(translations_dir, locale, allow_incomplete, stamp)


@lru_cache(maxsize=64)
def _checked_catalog(translations_dir: Path, locale: str, allow_incomplete: bool, stamp: tuple):
    return catalogs.load_localization(translations_dir, locale, allow_incomplete=allow_incomplete)


PERSONAL_LIMITS = {"patient": 80, "clinician": 80, "note": 400}
"""Longest text each personal field takes (characters): a name, and a note that fits the box."""


def check_personal(personal: PersonalDetails) -> None:
    """Refuse what cannot go in the box: too long, or control characters. The message names the
    field and the problem, never the text (personal data stays out of logs)."""
    import unicodedata

    for name, limit in PERSONAL_LIMITS.items():
        text = getattr(personal, name)
        if text is None:
            continue
        if not text.strip():
            raise UsageError(f"--{name} is empty — leave it out, or write the {name}'s text")
        if len(text) > limit:
            raise UsageError(f"--{name} has {len(text)} characters — at most {limit} fit the box; shorten it")
        if any(unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs") for c in text):
            raise UsageError(f"--{name} contains a control or invisible character — type it again as plain text")


def check_personal_characters(personal: PersonalDetails, localization: Localization, fonts) -> None:
    """Every character of the personal details is in the document's font (an error names the field
    and the character, not the text)."""
    from hfs_pdf.errors import FontError
    from hfs_pdf.fonts import missing_characters

    for name in ("patient", "clinician", "note"):
        text = getattr(personal, name)
        missing = missing_characters(text, fonts.regular) if text else []
        if missing:
            shown = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in missing)
            raise FontError(f"--{name}: {shown} cannot be printed in the {localization.name} handout's font "
                            f"({fonts.regular}) — write the {name} in the handout's script or in Latin letters")


def render_task(task: RenderTask) -> RenderResult:
    """Render one document (in whatever process): checks, layout, PDF bytes. Writes nothing."""
    from hfs_pdf.fonts import family_name_for, font_family, release_families_except
    from hfs_pdf.i18n.coverage import check_coverage
    from hfs_pdf.layout import CHROME, lay_out
    from hfs_pdf.render import render_pdf

    handout = task.handout
    try:
        localization, _ = _load_localization(task.translations_dir, task.locale, task.allow_incomplete)
        wanted = [(None, message) for message in CHROME] + [(handout.id, text) for _, text in translatable_texts(handout)]
        missing = catalogs.missing_messages(localization, wanted, f"needed by {handout.id}")
        if missing and not task.allow_incomplete:
            raise TranslationError(missing)
        localized = localize(handout, localization)
        family = family_name_for(localization.name)
        release_families_except(family)  # a worker holds one script's fonts at a time
        check_coverage(handout, localized, localization, font_family(family), CHROME, task.brand)
        if task.personal:
            check_personal_characters(task.personal, localization, font_family(family))
        layout = lay_out(localized, task.brand, localization, task.options, task.personal,
                         english=handout if task.options.variant is Variant.BILINGUAL else None)
        try:
            rendered = render_pdf(layout)
        except LayoutError as error:  # a block that cannot break across pages is taller than a page
            page = re.search(r"on page (\d+)", str(error))
            raise RenderError(
                Problem(
                    display_path(handout.source),
                    f"handout {handout.id!r} ({task.locale}, {task.options.variant.value}): a part of it"
                    f"{' on page ' + page.group(1) if page else ''} is taller than a whole page and cannot be split "
                    "— shorten that paragraph, box or table row",
                )
            )
        if rendered.pages > layout.page_budget:
            raise RenderError(
                Problem(
                    display_path(handout.source),
                    f"handout {handout.id!r} ({task.locale}, {task.options.variant.value}) takes {rendered.pages} pages, "
                    f"over its budget of {layout.page_budget} — shorten its text or questions",
                )
            )
    except HfsPdfError as error:
        return RenderResult(task, problems=error.problems)
    thumbnail = None
    if task.thumbnail:
        from hfs_pdf.publish.release import thumbnail_png

        thumbnail = thumbnail_png(rendered.data)
    return RenderResult(
        task, rendered.data, rendered.pages, layout.info.title, warnings=tuple(missing),
        reviewed_by=localization.reviewer_for(handout.id), thumbnail=thumbnail,
        translation_status=localization.review_status(handout.id),
    )


# -- translation catalogs ---------------------------------------------------------------------

TRANSLATION_LOCALES = ("es", "zh_Hans", "zh_Hant", "vi", "ko", "tl", "ru", "ar", "ht", "fr", "pl", "pt_BR", "it", "de", "ja", "fa")
"""The languages hfs-pdf ships: the national top 15 of US language-assistance taglines (CMS), Chinese in both scripts."""


def i18n_extract(project: Project) -> Path:
    """handouts/*.yaml + page chrome → translations/hfs_pdf.pot."""
    from hfs_pdf.i18n.extract import extract_template

    loaded = load_handouts(project.handouts_dir)
    if loaded.problems:
        raise ContentError(loaded.problems)
    path = catalogs.template_path(project.translations_dir)
    write_atomic(path, catalogs.write_catalog(path, extract_template(project.handouts_dir)))
    return path


def i18n_init(project: Project, locale: str) -> Path:
    """Start a catalog for a new language from the template (which is refreshed first)."""
    from babel import Locale, UnknownLocaleError

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


def i18n_compile(project: Project, locales: tuple[str, ...] | None = None) -> list[Path]:
    """Every catalog (or those of `locales`) → its .mo, refusing any catalog whose translations
    break placeholders, markup or numbers."""
    written, problems = [], []
    for locale in locales if locales is not None else project.locales()[1:]:
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


def incomplete_locales(project: Project, locales) -> dict[str, int]:
    """Locales whose catalog reads and keeps every placeholder, markup and number, but still has
    untranslated or fuzzy strings → how many. (A broken catalog is not "in progress": it fails.)"""
    found = {}
    for locale in sorted(locales):
        if locale == SOURCE_LOCALE:
            continue
        po = catalogs.po_path(project.translations_dir, locale)
        try:
            check = catalogs.check_catalog(catalogs.read_catalog(po, locale), po)
        except HfsPdfError:
            continue
        if not check.broken and (check.untranslated or check.fuzzy):
            found[locale] = len(check.untranslated) + len(check.fuzzy)
    return found


def compile_stale_catalogs(project: Project, locales) -> list[str]:
    """Compile every catalog of `locales` whose .po is newer than its .mo (or has none), as Sphinx
    does: a fresh clone, or a catalog just edited, builds without a separate compile step. A broken
    catalog is left alone here; loading it reports its problems."""
    stale = []
    for locale in dict.fromkeys(locales):
        if locale == SOURCE_LOCALE:
            continue
        po, mo = catalogs.po_path(project.translations_dir, locale), catalogs.mo_path(project.translations_dir, locale)
        if po.is_file() and (not mo.is_file() or mo.stat().st_mtime_ns < po.stat().st_mtime_ns):
            stale.append(locale)
    notices = []
    for locale in stale:
        try:
            written = i18n_compile(project, (locale,))
        except HfsPdfError:
            continue
        notices.extend(f"compiled {display_path(mo)}: its catalog had changed" for mo in written)
    return notices


@dataclass(frozen=True)
class CatalogStatus:
    locale: str
    group: str  # a handout id, or "page chrome"
    translated: int
    fuzzy: int
    untranslated: int
    review: str  # "reviewed by …", "machine draft, pending human review", "pending human review"


@dataclass(frozen=True)
class ApprovedNumbers:
    """A translation whose numbers differ from the English on purpose, with the translator's reason."""

    where: str  # catalog:line
    context: str
    english: str
    difference: str
    reason: str


def approved_number_differences(project: Project) -> list[ApprovedNumbers]:
    """Every `# numbers-ok:` entry of every catalog: what a reviewer should look at first."""
    found = []
    for locale in project.locales()[1:]:
        po = catalogs.po_path(project.translations_dir, locale)
        for message in catalogs.read_catalog(po, locale):
            reason = catalogs.number_approval(message) if message.id and message.string else None
            difference = catalogs.changed_numbers(message) if reason else None
            if difference:
                found.append(ApprovedNumbers(f"{display_path(po)}:{message.lineno}", message.context or "page chrome",
                                             catalogs.short_text(message.id), difference, reason))
    return found


def i18n_status(project: Project) -> list[CatalogStatus]:
    """Per language and handout: how many strings are translated, fuzzy, untranslated; who reviewed."""
    from gettext import NullTranslations

    from babel import Locale

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
        localization = Localization(locale, Locale.parse(locale), NullTranslations(), po,
                                    reviewed_by=catalogs.reviewed_by(catalog),
                                    machine_drafted=catalogs.machine_drafted(catalog),
                                    reviewed_handouts=catalogs.reviewed_handouts(catalog, po))
        started = any(translated or fuzzy for translated, fuzzy, _ in counts.values())
        rows.extend(CatalogStatus(locale, group, *tally, localization.review_status(group) if started else "not yet translated")
                    for group, tally in counts.items())
    return rows


# -- plain language -----------------------------------------------------------------------------


@dataclass
class PlainLanguageReport:
    rows: list["Readability"] = field(default_factory=list)
    problems: list[Problem | str] = field(default_factory=list)


def check_plain_language(project: Project, languages: tuple[str, ...] = ("all",)) -> PlainLanguageReport:
    """Reading figures for every handout and language; the English gate's failures as problems."""
    from hfs_pdf.readability import assess

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


# -- release ------------------------------------------------------------------------------------


def document_count(project: Project, languages: tuple[str, ...], handout_ids: tuple[str, ...],
                   variants: tuple[Variant, ...]) -> int:
    """How many documents a build or release will make (for a progress bar); loads nothing."""
    handouts = len(handout_paths(project.handouts_dir, handout_ids))
    locales = resolve_locales(languages, project.locales())
    translated = sum(1 for locale in locales if locale != SOURCE_LOCALE)
    return sum(handouts * (translated if variant is Variant.BILINGUAL else len(locales)) for variant in variants)


def release(
    project: Project,
    out_dir: Path,
    *,
    languages: tuple[str, ...] = ("all",),
    handout_ids: tuple[str, ...] = (),
    brand_path: Path | None = None,
    paper: Paper | None = None,
    jobs: int = 1,
    force: bool = False,
    on_document=None,
    skip_incomplete: bool = False,
    shard: "Shard | None" = None,
) -> BuildReport:
    """Every handout × language × variant, with manifest, checksums, zip and contact sheet — or,
    with `shard`, every N-th document and a shard.json for `release merge` (publish.shards).

    Built aside in `.<out>.partial` and renamed into place only when every document succeeded:
    a half-finished release never looks finished.
    """
    import shutil

    from hfs_pdf.publish.release import write_release_files
    from hfs_pdf.publish.shards import write_shard_files

    everything, skipped = _release_documents(project, languages, handout_ids, skip_incomplete)
    documents = shard.picks(everything) if shard else everything

    check_writable(out_dir.parent)
    staging = out_dir.parent / f".{out_dir.name}.partial"
    retired = out_dir.parent / f".{out_dir.name}.old"
    if retired.is_dir() and not out_dir.exists():
        retired.rename(out_dir)  # a release killed between its two renames: the previous one comes back
    shutil.rmtree(staging, ignore_errors=True)
    try:
        report = build(
            project, documents=[(locale, handout, Variant(variant)) for locale, handout, variant in documents],
            out_dir=staging, brand_path=brand_path, paper=paper, jobs=jobs, force=force, thumbnails=True,
            on_document=on_document, skip_incomplete=skip_incomplete,
        )
        report.skipped = _skipped_notes(project, skipped)
        if not report.ok:
            return report
        entries = _release_entries(project, handout_ids, report, staging)
        sheet_brand = _sheet_brand(brand_path or project.default_brand)
        if shard:
            fingerprint = release_fingerprint(project, brand_path, paper, everything)
            write_shard_files(staging, shard, fingerprint, everything, entries, __version__, sheet_brand)
        else:
            write_release_files(staging, entries, __version__, sheet_brand)
        shutil.rmtree(retired, ignore_errors=True)
        if out_dir.exists():
            out_dir.rename(retired)
        try:
            staging.rename(out_dir)
        except BaseException:  # a full disk, or Ctrl-C between the two renames
            if retired.exists() and not out_dir.exists():
                retired.rename(out_dir)  # the previous release stays where it was, whole
            raise
        shutil.rmtree(retired, ignore_errors=True)
    except OSError as error:
        raise cannot_write(out_dir, error)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # whatever stopped the release; gone already on success
    report.built = [replace(b, path=out_dir / b.path.relative_to(staging)) for b in report.built]
    return report


def _sheet_brand(brand_path: Path):
    from hfs_pdf.publish.contact_sheet import SheetBrand

    brand = load_brand(brand_path)
    return SheetBrand(brand.name, brand.colors.primary, brand.colors.on_primary)


def release_brands(project: Project, brand_paths: tuple[Path, ...], all_brands: bool, out_dir: Path) -> list[tuple[Path, Path]]:
    """(brand file, its release folder): one brand → `out_dir` itself; several → `out_dir/<brand id>`,
    so a health system's clinics never share a folder (two brands with one id are refused)."""
    if all_brands:
        brand_paths = tuple(sorted((project.root / "brands").glob("*.yaml")))
        if not brand_paths:
            raise ProjectError(f"{display_path(project.root / 'brands')}: no brand files (*.yaml) to release")
    if len(brand_paths) <= 1:
        return [(brand_paths[0] if brand_paths else project.default_brand, out_dir)]
    seen: dict[str, Path] = {}
    result = []
    for path in brand_paths:
        brand = load_brand(path)
        if brand.id in seen:
            raise UsageError(f"{display_path(path)} and {display_path(seen[brand.id])} both have id {brand.id!r} — "
                             "give each clinic's brand its own id (it names its release folder)")
        seen[brand.id] = path
        result.append((path, out_dir / brand.id))
    return result


def _release_documents(project: Project, languages: tuple[str, ...], handout_ids: tuple[str, ...],
                       skip_incomplete: bool) -> tuple[list[tuple[str, str, str]], dict[str, int]]:
    """(language, handout, variant) of every document the release has, languages left out by
    --skip-incomplete already dropped (what every shard must agree on), and those languages."""
    locales = resolve_locales(languages, project.locales())
    skipped = incomplete_locales(project, set(locales)) if skip_incomplete else {}
    handouts = tuple(handout_paths(project.handouts_dir, handout_ids))
    documents = [(locale, handout, variant.value) for locale in locales if locale not in skipped
                 for handout in handouts for variant in Variant
                 if not (variant is Variant.BILINGUAL and locale == SOURCE_LOCALE)]
    return documents, skipped


def release_fingerprint(project: Project, brand_path: Path | None, paper: Paper | None,
                        documents: list[tuple[str, str, str]]) -> str:
    """What makes two runs the same release: hfs-pdf's code and library versions, the bytes of every
    input (handouts, catalogs, brand and logo, fonts, taglines), the paper and the document list."""
    import hashlib

    cache = BuildCache(project.root / CACHE_DIR_NAME)
    brand_file = brand_path or project.default_brand
    inputs = sorted({*handout_paths(project.handouts_dir, tuple(dict.fromkeys(h for _, h, _ in documents))).values(),
                     *brand_inputs(brand_file),
                     *(path for locale in dict.fromkeys(l for l, _, _ in documents)
                       for path in (*catalogs.catalog_paths(project.translations_dir, locale)[:1],
                                    *font_paths(family_name_for(locale))))})
    parts = [cache.code_digest(), f"paper={paper.value if paper else 'brand'}", *("/".join(d) for d in sorted(documents)),
             *(f"{path.name} {cache.file_digest(path)}" for path in inputs)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _release_entries(project: Project, handout_ids: tuple[str, ...], report: BuildReport, staging: Path) -> list:
    """What the manifest says of each built document: its review and translation status."""
    from hfs_pdf.publish.release import ReleaseEntry

    handouts = {h.id: h for h in load_handouts(project.handouts_dir, handout_ids).handouts}
    entries = []
    for item in report.built:
        review = handouts[item.handout_id].review
        entries.append(ReleaseEntry(
            path=item.path.relative_to(staging).as_posix(),
            handout=item.handout_id,
            title=item.title,
            language=item.locale,
            variant=item.variant.value,
            pages=item.pages,
            content_version=review.version,
            review_status=f"reviewed by {review.reviewer_role}" if review.status is ReviewStatus.REVIEWED else "draft, pending clinical review",
            translation_status=item.translation_status,
            thumbnail=item.thumbnail,
        ))
    return entries


# -- print packs --------------------------------------------------------------------------------


@dataclass
class PackReport:
    path: Path | None = None
    plan: "PackPlan | None" = None
    titles: dict[tuple[str, str], str] = field(default_factory=dict)  # (language, handout) → title as printed
    problems: list[Problem | str] = field(default_factory=list)
    warnings: list[Problem | str] = field(default_factory=list)
    unreviewed: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    built: list[Built] = field(default_factory=list)  # the documents in the pack, as the build reported them

    @property
    def ok(self) -> bool:
        return not self.problems


def pack_size(project: Project, pack_path: Path) -> int:
    """How many documents a pack builds (for a progress bar); a bad pack file raises PackError."""
    from hfs_pdf.content.packs import load_pack

    return len(_pack_documents(load_pack(pack_path, list(handout_paths(project.handouts_dir)), project.locales())))


def _pack_documents(chosen: Pack) -> list[tuple[str, str, Variant]]:
    """The (language, handout, variant) documents a pack needs, in print order, each once."""
    return list(dict.fromkeys((language, item.handout_id, item.variant) for language, item in chosen.documents()))


def pack(
    project: Project,
    pack_path: Path,
    out_path: Path,
    *,
    brand_path: Path | None = None,
    jobs: int = 1,
    force: bool = False,
    on_document=None,
) -> PackReport:
    """A pack file → one print-ready PDF (pick list, separators, copies, blank backs), written atomically.

    The handouts come from the same build (and cache) as `hfs-pdf build`, on the pack's paper;
    if any of them fails, nothing is written.
    """
    from hfs_pdf.content.packs import load_pack
    from hfs_pdf.fonts import require_shaping
    from hfs_pdf.layout.sheets import PickListRow, language_names, pick_list_pdf, separator_pdf
    from hfs_pdf.publish.pack import PICK_LIST_PAGES, PackDocument, assemble_pack, plan_pack

    chosen = load_pack(pack_path, list(handout_paths(project.handouts_dir)), project.locales())
    check_writable(out_path.parent)
    require_shaping()
    order = chosen.documents()
    wanted = _pack_documents(chosen)
    built = build(
        project, documents=wanted, out_dir=None, brand_path=brand_path, paper=chosen.paper, jobs=jobs, force=force,
        on_document=on_document,
    )
    report = PackReport(problems=built.problems, warnings=built.warnings, unreviewed=built.unreviewed, notices=built.notices,
                        built=built.built)
    if not built.ok:
        return report
    by_slot = {(b.locale, b.handout_id, b.variant): b for b in built.built}
    documents = [
        PackDocument(language, item, by_slot[language, item.handout_id, item.variant].title,
                     by_slot[language, item.handout_id, item.variant].pages, by_slot[language, item.handout_id, item.variant].data)
        for language, item in order
    ]
    plan = plan_pack(chosen, documents)
    english_titles = {h.id: h.title for h in load_handouts(project.handouts_dir, tuple(dict.fromkeys(i.handout_id for i in chosen.items))).handouts}
    rows = [
        PickListRow(row.number, row.language, _plain_title(english_titles[row.handout_id]), row.variant.value, row.copies,
                    row.pages, row.sheets, row.first_page)
        for row in plan.rows
    ]
    pick_list, pick_list_pages = pick_list_pdf(chosen, rows, plan.pages, plan.sheets, built.unreviewed, plan.tagline_page)
    if pick_list_pages != PICK_LIST_PAGES:
        report.problems.append(Problem(
            display_path(chosen.source),
            f"the pick list needs {pick_list_pages} pages for {len(rows)} entries — it must fit on one: split the pack in two",
        ))
        return report
    separators = {}
    for language in plan.separator_pages:
        language_rows = [row for row in plan.rows if row.language == language]
        first, last = language_rows[0].first_page, language_rows[-1].copy_starts[-1] + language_rows[-1].pages - 1
        handouts = len({row.handout_id for row in language_rows})
        separators[language] = separator_pdf(chosen, language, handouts, sum(r.copies for r in language_rows), first, last)
    names = {language: language_names(language) for language in dict.fromkeys(d.language for d in documents)}
    outline_titles = {language: f"{name.native} — {name.english}" for language, name in names.items()}
    taglines = None
    if chosen.taglines:
        from hfs_pdf.taglines import tagline_sheet_pdf

        taglines = tagline_sheet_pdf(load_brand(brand_path or project.default_brand), chosen.paper)
    data = assemble_pack(chosen, plan, documents, pick_list, separators, outline_titles, taglines)
    write_atomic(out_path, data)
    report.path, report.plan = out_path, plan
    report.titles = {(d.language, d.item.handout_id): d.title for d in documents}
    return report


def _plain_title(title: str) -> str:
    from hfs_pdf.content.markup import parse_markup, plain_text

    return plain_text(parse_markup(title))
