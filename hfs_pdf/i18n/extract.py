"""Handout YAML and page-chrome strings → a gettext template (`translations/hfs_pdf.pot`).

`extract_handout` and `extract_chrome` are plain Babel extractors, registered under the
`babel.extractors` entry point as `hfs_handout` and `hfs_chrome`, and `babel.cfg` maps the files to
them, so `pybabel extract -F babel.cfg -o translations/hfs_pdf.pot .` finds the same messages, with
the same comments, as `hfs-pdf i18n extract` (tests/test_i18n.py compares the two).
Every handout text is extracted with the handout id as its msgctxt: the same English sentence may
need a different translation in another handout, and translators see which handout they are in.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Iterator

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_python

import hfs_pdf
from hfs_pdf.content.handouts import load_handout
from hfs_pdf.content.markup import Cite, Link, Placeholder, parse_markup
from hfs_pdf.i18n.texts import translatable_texts

PACKAGE_DIR = Path(hfs_pdf.__file__).parent
CHROME_KEYWORDS = {"N_": None}
TEMPLATE_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)
"""A fixed date in the template header: re-extracting unchanged content changes no byte."""


def extract_handout(fileobj: IO[bytes], keywords, comment_tags, options) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """Babel extractor: yield (line, 'pgettext', (handout id, text), translator comments)."""
    text = fileobj.read()
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    handout = load_handout(Path(getattr(fileobj, "name", "handout.yaml")), text)
    for path, value in translatable_texts(handout):
        yield handout.text_lines.get(path, 0), "pgettext", (handout.id, value), _translator_notes(path, value)


def extract_chrome(fileobj: IO[bytes], keywords, comment_tags, options) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel extractor for the page chrome: every `N_("…")` of the package, with its `Translators:`
    comment, marked "page chrome" — whatever keywords and comment tags the caller passed."""
    for lineno, _, message, comments in extract_python(fileobj, CHROME_KEYWORDS, ["Translators:"], options):
        yield lineno, "gettext", message, ["page chrome", *comments]


def _translator_notes(path: str, value: str) -> list[str]:
    notes = [path]
    spans = parse_markup(value)
    keep = []
    if any(getattr(s, "strong", False) for s in spans):
        keep.append("**bold**")
    if any(isinstance(s, Cite) for s in spans):
        keep.append("[@citations]")
    if any(isinstance(s, Link) for s in spans):
        keep.append("[link](url) targets")
    if any(isinstance(s, Placeholder) for s in spans):
        keep.append("{placeholders}")
    if keep:
        notes.append("Keep " + ", ".join(keep) + " exactly as in the English; translate the words around them.")
    return notes


def extract_template(handouts_dir: Path) -> Catalog:
    """The whole template: page chrome from the package source, then every handout."""
    catalog = Catalog(
        project="hfs-pdf",
        version=hfs_pdf.__version__,
        copyright_holder="hfs-pdf",
        msgid_bugs_address="",
        creation_date=TEMPLATE_DATE,
        revision_date=TEMPLATE_DATE,
        charset="utf-8",
        fuzzy=False,
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE_DIR, [("**.py", "hfs_pdf.i18n.extract:extract_chrome")]
    ):
        catalog.add(message, locations=[(f"hfs_pdf/{filename}", lineno)], auto_comments=comments)
    for filename, lineno, message, comments, context in extract_from_dir(
        handouts_dir, [("*.yaml", "hfs_pdf.i18n.extract:extract_handout")]
    ):
        catalog.add(message[1] if isinstance(message, tuple) else message, locations=[(f"handouts/{filename}", lineno)],
                    auto_comments=comments, context=context)
    return catalog
