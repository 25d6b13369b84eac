"""2 LOCALIZE: a locale → the translations and locale data every later stage formats with.

English is the source language: its "translations" are the source strings themselves. Dates are
always formatted by Babel for the locale, never by hand.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from datetime import date

from babel import Locale
from babel.dates import format_date

SOURCE_LOCALE = "en"


def N_(message: str) -> str:
    """Mark a page-chrome string for extraction without translating it where it is defined."""
    return message


@dataclass(frozen=True)
class Localization:
    """What the layout needs to speak one language: translated strings and locale formats."""

    locale: Locale
    translations: gettext.NullTranslations

    @property
    def tag(self) -> str:
        """The BCP 47 tag PDF readers expect in /Lang (e.g. `en`, `pt-BR`, `zh-Hans`)."""
        return "-".join(part for part in (self.locale.language, self.locale.script, self.locale.territory) if part)

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def long_date(self, value: date) -> str:
        return format_date(value, format="long", locale=self.locale)


def source_localization() -> Localization:
    """The English source: strings pass through unchanged."""
    return Localization(Locale.parse(SOURCE_LOCALE), gettext.NullTranslations())
