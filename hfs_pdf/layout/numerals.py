"""Which digits a language prints: its default numbering system in CLDR, read through ICU.

Persian prints ۰–۹ (CLDR `arabext`), Arabic, Urdu and Japanese print 0–9 (`latn`). Catalogs write
every number as the English does; the digits are exchanged only when a line is shaped, so the
number check (`i18n.catalogs.numbers_of`) and the drawn page always agree on the value.
"""

from __future__ import annotations

import re
from functools import lru_cache

import icu
from babel.numbers import get_decimal_symbol, get_group_symbol

WESTERN = "0123456789"


@lru_cache(maxsize=None)
def digit_table(language: str) -> dict[int, str]:
    """0–9 → the language's own digits, for `str.translate`; empty where they are 0–9 already."""
    system = icu.NumberingSystem.createInstance(icu.Locale(language))
    digits = system.getDescription()
    if system.isAlgorithmic() or len(digits) != 10 or digits == WESTERN:
        return {}
    return {ord(western): native for western, native in zip(WESTERN, digits)}


@lru_cache(maxsize=None)
def _symbols(language: str) -> tuple[str, str]:
    return get_decimal_symbol(language, numbering_system="default"), get_group_symbol(language, numbering_system="default")


_DECIMAL_POINT = re.compile(r"(?<=\d)[.](?=\d)")
_GROUP_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LATIN_NAME = re.compile(r"[^\s]*[A-Za-z][^\s]*")


def native_digits(text: str, language: str) -> str:
    """`2.5 mg`, `100,000` → `۲٫۵ mg`, `۱۰۰٬۰۰۰` in Persian: its digits, decimal and group separators
    (CLDR, via Babel). A number inside a Latin name stays as written: the gene test HLA-B*15:02 is
    spelled the same in every language."""
    table = digit_table(language)
    if not table:
        return text
    decimal, group = _symbols(language)

    def number(match: re.Match) -> str:
        value = _GROUP_COMMA.sub(group, match.group(0))
        return _DECIMAL_POINT.sub(decimal, value).translate(table)

    pieces, position = [], 0
    for name in _LATIN_NAME.finditer(text):
        pieces.append(_NUMBER.sub(number, text[position:name.start()]))
        pieces.append(name.group(0))
        position = name.end()
    pieces.append(_NUMBER.sub(number, text[position:]))
    return "".join(pieces)
