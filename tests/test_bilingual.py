"""The bilingual copy: a translation with the English after each part — both languages' text, each
part tagged with its own /Lang and read in pairs, right-to-left text mirrored correctly beside
left-to-right English, within its page budget, passing the accessibility checks."""

from __future__ import annotations

import re
from pathlib import Path

import outloud
import pytest
import yaml

from hfs_pdf import operations
from hfs_pdf.content import load_handout
from hfs_pdf.content.markup import parse_markup, plain_text
from hfs_pdf.i18n.texts import translatable_texts
from hfs_pdf.layout import PAGE_BUDGET
from hfs_pdf.model import Variant

from . import ink
from .conftest import PROJECT, copy_of_project
from .test_accessibility import ACCEPTED_WARNINGS
from .test_ink import UNITS

LANGUAGES = ("es", "ar", "zh_Hant", "fa")
HANDOUTS = ("overview", "mvd-surgery")  # a table, drawings, every kind of block


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bilingual-project")
    project = copy_of_project(root)
    out = root / "dist"
    report = operations.build(project, languages=LANGUAGES, handout_ids=HANDOUTS, out_dir=out,
                              variants=(Variant.BILINGUAL,), jobs=2)
    assert report.ok, report.problems
    assert {item.path.name for item in report.built} == {f"{h}.bilingual.pdf" for h in HANDOUTS}
    return out


def _pdf(out: Path, locale: str, handout_id: str) -> Path:
    return out / locale / f"{handout_id}.bilingual.pdf"


def _english_texts(handout_id: str) -> list[str]:
    brand = yaml.safe_load((PROJECT / "brands" / "demo.yaml").read_text(encoding="utf-8"))
    values = {"clinic_name": brand["name"], "clinic_phone": brand["phone"], "emergency_number": brand["emergency_number"]}
    handout = load_handout(PROJECT / "handouts" / f"{handout_id}.yaml")
    return [_without_citations(plain_text(parse_markup(re.sub(r"\s*\[@[^\]]+\]", "", text)), values))
            for path, text in translatable_texts(handout) if not path.endswith(".alt") and "references" not in path]


def _without_citations(text: str) -> str:
    """Citation marks as drawn ("stroke⁶,⁷,⁸") or spoken ("stroke [6] [,] [7]") left out."""
    return ink.comparable(re.sub(r"\s*\[[^\]]*\]", "", text))


@pytest.mark.parametrize("locale", LANGUAGES)
@pytest.mark.parametrize("handout_id", HANDOUTS)
def test_every_english_text_is_there_tagged_english_after_its_translation(bilingual: Path, locale: str, handout_id: str):
    path = _pdf(bilingual, locale, handout_id)
    elements, texts = ink.structure(path), ink.actual_texts(path)
    order = sorted(texts)  # (page, mcid): drawing order, which is reading order here
    english = [_without_citations(texts[key]) for key in order if elements.get(key) and elements[key].lang == "en" and texts[key]]
    spoken = " ".join(english)
    missing = [text[:60] for text in _english_texts(handout_id) if text not in spoken]
    assert missing == [], f"{path.name}: English texts not tagged /Lang en: {missing[:5]}"
    reading = list(elements)  # the structure tree's order: what a screen reader follows
    title = next(i for i, key in enumerate(reading) if elements[key].roles[-1] == "H1")
    assert elements[reading[title]].lang is None  # the translation's title, in the document's language …
    following = elements[reading[title + 1]]
    assert following.lang == "en" and following.roles[-1] == "P"  # … then the English one
    assert ink.comparable(texts[reading[title + 1]]) == _english_texts(handout_id)[0]


@pytest.mark.parametrize("locale", LANGUAGES)
def test_bilingual_copies_fit_their_budget_and_pass_the_pdfua_validator(bilingual: Path, locale: str):
    for handout_id in HANDOUTS:
        path = _pdf(bilingual, locale, handout_id)
        pages = max(line.page for line in ink.drawn_lines(path))
        assert pages <= PAGE_BUDGET[Variant.BILINGUAL]
        result = outloud.check(str(path))
        assert result.error is None, result.error
        bad = [f"{f.rule} p.{f.page}: {f.message}" for f in result.findings
               if f.severity == "error" or (f.severity == "warning" and f.rule not in ACCEPTED_WARNINGS.get(locale, ()))]
        assert bad == [], path.name


@pytest.mark.parametrize("locale", ["ar", "fa"])
@pytest.mark.parametrize("handout_id", HANDOUTS)
def test_right_to_left_and_english_lines_each_read_in_their_own_order(bilingual: Path, locale: str, handout_id: str):
    """The translation's lines in bidi order from the right, the English ones left to right."""
    path = _pdf(bilingual, locale, handout_id)
    problems, checked = [], {True: 0, False: 0}
    for lines in ink.paragraphs(ink.drawn_lines(path)).values():
        text = lines[0].actual_text or ""
        if not text or (lines[0].element and "L" in lines[0].element.roles and not any(map(ink.is_rtl_letter, text))
                        and lines[0].element.lang != "en"):
            continue
        english = lines[0].element is not None and lines[0].element.lang == "en"
        if not english and not any(map(ink.is_rtl_letter, text)):
            continue
        checked[not english] += len(lines)
        if english:  # left to right: the lines, read in turn, are the words as written
            drawn = _without_citations(" ".join(line.visual for line in lines))
            if drawn != _without_citations(text):
                problems.append(f"{lines[0].where()}: drawn {drawn[:60]!r} ≠ {_without_citations(text)[:60]!r}")
            continue
        for miss in ink.match_paragraph(lines, True, UNITS, True):
            problems.append(f"{miss.line.where()}: drawn {miss.line.visual[:60]!r} ≠ expected {miss.expected[:60]!r}")
    assert checked[True] and checked[False], checked
    assert problems == [], problems[:10]
    english_edges = [line.x0 for lines in ink.paragraphs(ink.drawn_lines(path)).values() for line in lines
                     if line.element is not None and line.element.lang == "en" and line.role == "P"
                     and "Div" in line.element.roles and "Table" not in line.element.roles]  # not the references' columns
    assert english_edges and max(english_edges) - min(english_edges) < 40  # English starts at the left margin (or a list's indent)


@pytest.mark.parametrize("locale", LANGUAGES)
@pytest.mark.parametrize("handout_id", HANDOUTS)
def test_each_drawing_prints_once_with_the_translations_alt_text(bilingual: Path, locale: str, handout_id: str):
    """The English echo of a part with a drawing (the nerve, the stroke signs in the help box)
    repeats its caption, not the drawing: each drawing is inked once, as a Figure in the
    translation's language, centred like every drawing."""
    from .test_ink import _drawing_alts, _figure_ink

    path = _pdf(bilingual, locale, handout_id)
    drawings = _figure_ink(path, _drawing_alts(locale, handout_id))
    assert len(drawings) == len(_drawing_alts(locale, handout_id)) >= 2
    assert _figure_ink(path, _drawing_alts("en", handout_id)) == []
