"""The content model: frozen dataclasses shared by every stage.

Text fields hold *source text* in the small inline markup of handouts/README.md (`**strong**`,
`[label](url)`, `[@key]`, `{placeholder}`); `hfs_pdf.content.markup` parses it. Keeping the source
text (not ReportLab markup) in the model is what lets translators see the same strings and lets the
layout stage escape everything it did not parse itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Union


class ReviewStatus(str, Enum):
    DRAFT = "draft"
    REVIEWED = "reviewed"


class CalloutKind(str, Enum):
    TIP = "tip"
    WARNING = "warning"
    EMERGENCY = "emergency"


class Variant(str, Enum):
    """How a handout is printed; the same content and structure in each."""

    STANDARD = "standard"
    LARGE_PRINT = "large-print"
    BILINGUAL = "bilingual"  # a translated handout with the English after each part (translations only)

    @property
    def print_size(self) -> "Variant":
        """The type size and page geometry it is set in: bilingual copies are standard size."""
        return Variant.LARGE_PRINT if self is Variant.LARGE_PRINT else Variant.STANDARD


PRINT_VARIANTS = (Variant.STANDARD, Variant.LARGE_PRINT)
"""The variants every language has; the bilingual one exists for translations only."""


class Paper(str, Enum):
    LETTER = "letter"
    A4 = "a4"


@dataclass(frozen=True)
class LayoutOptions:
    """How one document is laid out, beyond its content, language and brand."""

    paper: Paper
    variant: Variant = Variant.STANDARD


@dataclass(frozen=True)
class PersonalDetails:
    """What a clinician adds to one patient's copy. Printed in a "For you" box on page 1 and
    stored nowhere: not in the build cache, not in file names, logs or the PDF's metadata."""

    patient: str | None = None
    clinician: str | None = None
    next_visit: date | None = None
    note: str | None = None

    def __bool__(self) -> bool:
        return any(value is not None for value in (self.patient, self.clinician, self.next_visit, self.note))


@dataclass(frozen=True)
class Review:
    version: str
    status: ReviewStatus
    last_reviewed: date
    next_review: date
    reviewer_role: str | None = None


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class StepList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Callout:
    """A coloured box. Its `figure` is a picture of what the box asks the reader to do (the stroke
    signs beside "call now", eye care beside "protect your eye"), drawn after the text, or after
    the bullets when the handout lists it after them (the signs it shows are in the list)."""

    kind: CalloutKind
    title: str
    text: str | None = None
    bullets: tuple[str, ...] = ()
    figure: Figure | None = None
    figure_after_bullets: bool = False


@dataclass(frozen=True)
class Table:
    """A table read across: a header row naming the columns, then rows whose first cell names the
    row (the treatment, say). Both kinds of header are tagged TH, with their scope."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Form:
    """A blank form to fill in by hand (a spasm diary, a list of medicines): columns to write
    under, and rows named (Day 1 … Day 7) or blank. On paper it is a ruled grid; for a screen
    reader it is a Figure, whose alt text says what the form asks for — an empty grid is not a
    data table."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[str, ...]  # each row's name; "" for a blank row
    alt: str
    example: tuple[str, ...] = ()  # a filled-in first row, one cell per column, showing how to fill it in


DRAWINGS = ("face-spasm", "nerve-and-vessel", "injection-sites", "mri-scan", "stroke-signs", "eye-care", "bring-medicines",
            "needle-pack", "injection-cycle")
"""The illustrations drawn for the project (layout.figures), by the name a handout uses."""


@dataclass(frozen=True)
class Figure:
    """One of the project's drawings, with the text a screen reader says for it and an optional caption."""

    drawing: str
    alt: str
    caption: str | None = None


Block = Union[Paragraph, BulletList, StepList, Callout, Table, Figure, Form]


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Reference:
    key: str
    text: str
    url: str | None = None


@dataclass(frozen=True)
class Handout:
    id: str
    title: str
    review: Review
    key_points: str
    sections: tuple[Section, ...]
    questions: tuple[str, ...]
    references: tuple[Reference, ...]
    get_help: Callout | None = None
    source: Path = field(default=Path("."), compare=False)
    text_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)  # text path → source line

    def citation_numbers(self) -> dict[str, int]:
        """References are numbered in the order the handout lists them."""
        return {ref.key: number for number, ref in enumerate(self.references, start=1)}


@dataclass(frozen=True)
class Logo:
    path: Path
    alt: str | None
    decorative: bool = False


@dataclass(frozen=True)
class BrandColors:
    """Hex colours (#RRGGBB). Every text/background pair the layout prints is checked for WCAG AA contrast on load."""

    primary: str
    on_primary: str
    text: str
    background: str
    accent: str


@dataclass(frozen=True)
class Tagline:
    """"Free language help is available: call …" in one language, in its own script."""

    code: str  # BCP 47-style id of translations/taglines.yaml: es, zh_Hant, hmn
    name: str  # the language's name for itself: Español, 繁體中文, Hmoob
    text: str  # with {clinic_phone}
    script: str  # ISO 15924 code of its letters (ICU): Latn, Deva, Arab, Khmr
    right_to_left: bool
    line: int = 0  # where it stands in taglines.yaml

    @property
    def tag(self) -> str:
        return self.code.replace("_", "-")


@dataclass(frozen=True)
class TaglineChoice:
    """A brand's taglines: which languages, and whether every handout's last page carries them."""

    languages: tuple[str, ...]
    on_handouts: bool = False


@dataclass(frozen=True)
class Brand:
    id: str
    name: str
    department: str
    address: str
    phone: str
    website: str
    qr_url: str
    emergency_number: str
    colors: BrandColors
    logo: Logo | None
    paper: Paper = Paper.LETTER
    taglines: TaglineChoice | None = None  # None: the brand prints no taglines
    source: Path = field(default=Path("."), compare=False)


# -- print packs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PackItem:
    """So many copies of one handout, in one variant, for each of the pack's (or its own) languages."""

    handout_id: str
    copies: int
    variant: Variant = Variant.STANDARD
    languages: tuple[str, ...] | None = None  # None: the pack's languages


@dataclass(frozen=True)
class Pack:
    """A waiting-room print pack: what to print, in which languages, how many, on what paper."""

    name: str
    paper: Paper
    duplex: bool
    separators: bool  # a sheet before each language that names it in that language
    languages: tuple[str, ...]
    items: tuple[PackItem, ...]
    source: Path = field(default=Path("."), compare=False)
    taglines: bool = False  # the brand's language-assistance sheet after the pick list

    def documents(self) -> list[tuple[str, PackItem]]:
        """(language, item) in print order: grouped by language, then in the order the file lists items."""
        order = list(self.languages)
        for item in self.items:
            order.extend(language for language in item.languages or () if language not in order)
        return [
            (language, item)
            for language in order
            for item in self.items
            if language in (item.languages or self.languages)
        ]
