"""Localized handout → plain-language figures: reading grade or ease, sentence lengths, long words.

The English gate (US grade ≤ 8, no sentence over 25 words) follows the AMA / NIH advice for patient
materials. Other languages get the formula textstat has for them, and sentence lengths always.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Callable

import textstat

from hfs_pdf.content.markup import parse_markup, plain_text
from hfs_pdf.i18n.texts import translatable_texts
from hfs_pdf.model import Handout

MAX_ENGLISH_GRADE = 8.0
MAX_SENTENCE_WORDS = 25

# locale → (textstat language, formula name, formula, higher is easier?)
_FORMULAS: dict[str, tuple[str, str, Callable[[str], float], bool]] = {
    "en": ("en", "Flesch-Kincaid grade", textstat.flesch_kincaid_grade, False),
    "es": ("es", "Fernández-Huerta ease", textstat.fernandez_huerta, True),
    "fr": ("fr", "Flesch reading ease (fr)", textstat.flesch_reading_ease, True),
    "ru": ("ru", "Flesch reading ease (ru)", textstat.flesch_reading_ease, True),
    "ar": ("ar", "Osman ease", textstat.osman, True),
    "de": ("de", "Wiener Sachtextformel", lambda text: textstat.wiener_sachtextformel(text, 1), False),
    "it": ("it", "Gulpease index", textstat.gulpease_index, True),
}
_UNSPACED = ("zh", "ja")  # scripts written without spaces: sentence length is counted in characters
_SENTENCE_END = re.compile(r"(?<=[.!?。！？؟])\s+|(?<=[。！？])")


@dataclass(frozen=True)
class Sentence:
    text: str
    length: int  # words, or characters for Chinese
    path: str  # where in the handout (e.g. sections[2].blocks[0].paragraph)


@dataclass(frozen=True)
class Readability:
    handout_id: str
    locale: str
    formula: str | None
    score: float | None
    median_sentence: float
    longest: Sentence
    long_words: int | None
    unit: str  # "words" or "characters"

    def problems(self) -> list[str]:
        """What fails the gate (English only: the other languages are reported, not judged)."""
        if self.locale != "en":
            return []
        found = []
        if self.score is not None and self.score > MAX_ENGLISH_GRADE:
            found.append(f"reading grade {self.score:.1f} is above {MAX_ENGLISH_GRADE:g} — use shorter words and sentences")
        if self.longest.length > MAX_SENTENCE_WORDS:
            found.append(
                f"{self.longest.path}: a sentence has {self.longest.length} words (limit {MAX_SENTENCE_WORDS}) — "
                f"split it: {self.longest.text[:80]!r}"
            )
        return found


def body_texts(handout: Handout) -> list[tuple[str, str]]:
    """The running text a patient reads: everything but the title and headings."""
    return [
        (path, plain_text(parse_markup(text), {"clinic_name": "the clinic", "clinic_phone": "555", "emergency_number": "911"}))
        for path, text in translatable_texts(handout)
        if path != "title" and not path.endswith(".heading")
    ]


def assess(handout: Handout, locale: str) -> Readability:
    unspaced = locale.split("_")[0] in _UNSPACED
    sentences: list[Sentence] = []
    for path, text in body_texts(handout):
        text = text if text.rstrip()[-1:] in ".!?。！？؟:" else text + "."
        for piece in filter(None, (p.strip() for p in _SENTENCE_END.split(text))):
            length = len(re.sub(r"\s", "", piece)) if unspaced else len(piece.split())
            sentences.append(Sentence(piece, length, path))
    body = " ".join(s.text for s in sentences)
    formula = _FORMULAS.get(locale)
    score = long_words = None
    if formula:
        language, name, function, _ = formula
        textstat.set_lang(language)
        score = round(function(body), 1)
        long_words = textstat.polysyllabcount(body) if language in ("en", "es", "fr", "ru") else None
    return Readability(
        handout.id,
        locale,
        formula[1] if formula else None,
        score,
        statistics.median(s.length for s in sentences),
        max(sentences, key=lambda s: s.length),
        long_words,
        "characters" if unspaced else "words",
    )
