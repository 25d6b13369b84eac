"""`--lang` words → the project's locale ids, through Babel's locale parsing (`pt-BR` = `pt_BR`)."""

from __future__ import annotations

from pathlib import Path

from babel import Locale, UnknownLocaleError

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
    # Babel fills in a likely script for a region (zh_TW → zh_Hant_TW), so match on that too.
    likely = Locale.parse(str(wanted), resolve_likely_subtags=True)
    for name, locale in parsed.items():
        if locale.language == likely.language and locale.script and locale.script == likely.script:
            return name
    for name, locale in parsed.items():  # a regional spelling of a language we have once: en_US → en
        if locale.language == wanted.language and not locale.script and not locale.territory:
            return name
    raise UsageError(f"no handouts in {word!r} — available languages: {listing}")
