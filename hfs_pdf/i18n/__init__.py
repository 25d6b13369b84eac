"""2 LOCALIZE: a locale → the translations and locale data every later stage formats with.

English is the source language: its "translations" are the source strings themselves. Dates are
always formatted by Babel for the locale, never by hand.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from babel import Locale
from babel.dates import format_date

from hfs_pdf.i18n.texts import map_texts
from hfs_pdf.model import Handout

SOURCE_LOCALE = "en"

NUMERIC_DATE_LOCALES = frozenset({"ht"})
"""CLDR has no Haitian Creole month names (Babel prints French ones), so these locales get numeric dates."""


def N_(message: str) -> str:
    """Mark a page-chrome string for extraction without translating it where it is defined."""
    return message


@dataclass(frozen=True)
class Localization:
    """What the layout needs to speak one language: translated strings and locale formats."""

    name: str  # the project's id for the locale: its folder in translations/ ("pt_BR", "zh_Hant")
    locale: Locale
    translations: gettext.NullTranslations
    catalog: Path | None = None  # the .po file the strings came from (None for English)
    catalog_lines: dict[tuple[str | None, str], int] = field(default_factory=dict, compare=False, repr=False)
    reviewed_by: str | None = None  # who checked the whole translation; None = pending review
    machine_drafted: bool = False  # the catalog says a machine drafted it (the notice must say so)
    reviewed_handouts: dict[str, str] = field(default_factory=dict, compare=False)  # handout id → its reviewer
    borrowed_chrome: tuple[str, ...] = ()  # page chrome this catalog lacks, printed from hfs-pdf's own catalog

    @property
    def tag(self) -> str:
        """The BCP 47 tag for /Lang: `en`, `pt-BR`, `zh-Hans`, `tl` (our id, not Babel's `fil`)."""
        return self.name.replace("_", "-")

    def reviewer_for(self, handout_id: str) -> str | None:
        """Who checked this handout's translation: its own reviewer, else the whole catalog's."""
        return self.reviewed_handouts.get(handout_id, self.reviewed_by)

    def review_status(self, handout_id: str) -> str:
        """The translation's status in words, as `i18n status` and the manifest print it."""
        if self.is_source:
            return "source"
        reviewer = self.reviewer_for(handout_id)
        if reviewer:
            return f"reviewed by {reviewer}"
        return "machine draft, pending human review" if self.machine_drafted else "pending human review"

    @property
    def is_source(self) -> bool:
        return self.catalog is None

    @property
    def right_to_left(self) -> bool:
        return self.locale.character_order == "right-to-left"

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def long_date(self, value: date) -> str:
        style = "short" if self.name in NUMERIC_DATE_LOCALES else "long"
        return format_date(value, format=style, locale=self.locale)


def source_localization() -> Localization:
    """The English source: strings pass through unchanged."""
    return Localization(SOURCE_LOCALE, Locale.parse(SOURCE_LOCALE), gettext.NullTranslations())


def localize(handout: Handout, localization: Localization) -> Handout:
    """Every reader-facing text of the handout in the localization's language (msgctxt = handout id)."""
    if localization.is_source:
        return handout
    return map_texts(handout, lambda path, text: localization.translations.pgettext(handout.id, text))
