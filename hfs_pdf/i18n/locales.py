"""`--lang` words → the project's locale ids, through Babel's locale parsing (`pt-BR` = `pt_BR`)."""

from __future__ import annotations

from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from hfs_pdf.errors import UsageError
from hfs_pdf.i18n import SOURCE_LOCALE

CATALOG_DOMAIN = "hfs_pdf"


def available_locales(translations_dir: Path) -> list[str]:
    """English plus every locale with a catalog at translations/<locale>/LC_MESSAGES/hfs_pdf.po."""
    found = sorted(
        po.parent.parent.name for po in translations_dir.glob(f"*/LC_MESSAGES/{CATALOG_DOMAIN}.po")
    ) if translations_dir.is_dir() else []
    return [SOURCE_LOCALE] + [name for name in found if name != SOURCE_LOCALE]


def resolve_locales(requested: tuple[str, ...], available: list[str]) -> list[str]:
    """Each requested spelling → one available locale id; `all` → every one. Unknown → UsageError."""
    if not requested:
        return [SOURCE_LOCALE]
    resolved: list[str] = []
    for word in requested:
        for name in available if word.lower() == "all" else [_match(word, available)]:
            if name not in resolved:
                resolved.append(name)
    return resolved


def _match(word: str, available: list[str]) -> str:
    listing = ", ".join(available) + ", all"
    try:
        wanted = Locale.parse(word.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        raise UsageError(f"--lang {word!r} is not a language code Babel knows — use one of: {listing}")
    parsed = {name: Locale.parse(name) for name in available}
    for name, locale in parsed.items():  # exact: pt_BR = pt-BR, zh_Hant = zh-Hant
        if (locale.language, locale.script, locale.territory) == (wanted.language, wanted.script, wanted.territory):
            return name
    # Same language and (likely) script: zh_TW → zh_Hant, zh → zh_Hans, en_GB → en, fil → tl.
    script = _likely_script(wanted)
    candidates = [name for name, locale in parsed.items() if locale.language == wanted.language and _likely_script(locale) == script]
    for prefer in (lambda l: l.territory == wanted.territory, lambda l: l.territory is None, lambda l: len(candidates) == 1):
        for name in candidates:
            if prefer(parsed[name]):
                return name
    raise UsageError(f"no handouts in {word!r} — available languages: {listing}")


def _likely_script(locale: Locale) -> str | None:
    """The script a language is usually written in, from CLDR's likely subtags (zh → Hans, zh_TW → Hant)."""
    if locale.script:
        return locale.script
    likely = get_global("likely_subtags")
    for key in (f"{locale.language}_{locale.territory}", locale.language):
        if key in likely:
            return Locale.parse(likely[key]).script
    return None
