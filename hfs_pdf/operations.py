"""What the commands do, as plain functions that return summaries; the CLI only parses and prints.

Each operation runs the stages in order — load → localize → lay out → render → publish — and
collects the problems of every document instead of stopping at the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hfs_pdf.content import load_brand, load_handouts
from hfs_pdf.errors import HfsPdfError, Problem, ProjectError, RenderError, UsageError, display_path
from hfs_pdf.i18n import SOURCE_LOCALE, Localization, source_localization
from hfs_pdf.i18n.locales import available_locales, resolve_locales
from hfs_pdf.layout import LayoutOptions, lay_out
from hfs_pdf.model import Brand, Handout, Paper, Variant
from hfs_pdf.publish import output_path, write_atomic
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
) -> BuildReport:
    """Build the chosen handouts × languages × variants into out_dir; broken inputs build nothing."""
    locales = resolve_locales(languages, project.locales())
    selected = load_handouts(project.handouts_dir).only(handout_ids)
    brand = load_brand(brand_path or project.default_brand)
    report = BuildReport(problems=list(selected.problems))
    options_paper = paper or brand.paper
    for locale in locales:
        localization = _localization(locale)
        for handout in selected.handouts:
            for variant in variants:
                try:
                    report.built.append(
                        _build_one(handout, brand, localization, LayoutOptions(options_paper, variant), out_dir, locale)
                    )
                except HfsPdfError as error:
                    report.problems.extend(error.problems)
    return report


def _localization(locale: str) -> Localization:
    if locale != SOURCE_LOCALE:
        raise UsageError(f"--lang {locale}: catalogs cannot be built yet — only English ({SOURCE_LOCALE}) is available")
    return source_localization()


def _build_one(
    handout: Handout, brand: Brand, localization: Localization, options: LayoutOptions, out_dir: Path, locale: str
) -> Built:
    layout = lay_out(handout, brand, localization, options)
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
