"""Localized texts × font → every character the font cannot draw, named with its msgid and catalog line.

Run before layout so that no missing-glyph box ever reaches a patient.
"""

from __future__ import annotations

import unicodedata

from hfs_pdf.content.markup import parse_markup, plain_text
from hfs_pdf.errors import FontError, Problem, display_path
from hfs_pdf.fonts import FontFamily, missing_characters
from hfs_pdf.i18n import Localization
from hfs_pdf.i18n.texts import translatable_texts
from hfs_pdf.model import Brand, Handout


def check_coverage(source: Handout, localized: Handout, localization: Localization, fonts: FontFamily,
                   chrome: tuple[str, ...], brand: Brand) -> None:
    """Raise FontError listing every uncovered character of the handout, its page chrome and the brand texts."""
    problems: list[Problem] = []
    texts: list[tuple[str | None, str, str, str | None]] = []  # (msgctxt, msgid, text as printed, YAML path)
    for (path, english), (_, printed) in zip(translatable_texts(source), translatable_texts(localized)):
        texts.append((source.id, english, plain_text(parse_markup(printed)), path))
    texts.extend((None, message, localization.gettext(message), None) for message in chrome)
    for context, msgid, printed, path in texts:
        for font in (fonts.regular, fonts.bold):
            missing = missing_characters(printed, font)
            if missing:
                problems.append(_problem(localization, source, context, msgid, path, missing, font))
                break
    for field in ("name", "department", "address", "phone"):
        missing = missing_characters(getattr(brand, field), fonts.regular)
        if missing:
            problems.append(Problem(display_path(brand.source), f"{field}: {_describe(missing)} not in font {fonts.regular}"))
    if problems:
        raise FontError(problems)


def _problem(localization: Localization, source: Handout, context, msgid: str, path: str | None, missing: list[str],
             font: str) -> Problem:
    """Point at the catalog line of a translation, or at the YAML line of English source text."""
    what = f"{_describe(missing)} not in font {font} (msgid [{context or 'page chrome'}] {msgid[:50]!r})"
    fix = "use another character or add a font that has it (fonts/README.md)"
    if localization.catalog is not None:
        return Problem(display_path(localization.catalog), f"{what} — {fix}", localization.catalog_lines.get((context, msgid)))
    return Problem(display_path(source.source), f"{what} — {fix}", source.text_lines.get(path or ""))


def _describe(characters: list[str]) -> str:
    return ", ".join(f"{c!r} (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in characters)
