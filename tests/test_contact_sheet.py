"""The release's contact sheet (index.html) in a real browser: headless Chromium (Debian's), driven
by Playwright. Filters, search, links, no console errors — and no missing glyph in any script on a
machine without those fonts: every character the page shows is in the font it embeds for that
language.

Needs Debian's `chromium` and the `playwright` package; `.ci/run` installs them and sets
HFS_PDF_REQUIRE_BROWSER=1, so in CI a missing browser fails instead of skipping.
"""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from hfs_pdf import operations

from .conftest import copy_of_project

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LANGUAGES = ("en", "es", "zh_Hant", "zh_Hans", "ar", "ja", "fa", "ko", "ru")

if not CHROMIUM:
    if os.environ.get("HFS_PDF_REQUIRE_BROWSER"):
        raise RuntimeError("the contact-sheet tests need Debian's chromium (apt-get install chromium)")
    pytest.skip("no chromium here (apt-get install chromium); CI runs these", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("sheet-project")
    project = copy_of_project(root)
    out = root / "release"
    report = operations.release(project, out, languages=LANGUAGES,
                                handout_ids=("overview", "botulinum-toxin"), jobs=2)
    assert report.ok, report.problems
    return out


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, release: Path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.errors = []
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto((release / "index.html").as_uri())
    page.wait_for_function("document.fonts.status === 'loaded'")
    yield page
    assert page.errors == []
    page.close()


def _visible(page) -> list[dict]:
    return page.eval_on_selector_all("#cards .card:not([hidden])", "cards => cards.map(c => ({...c.dataset}))")


def test_it_loads_without_errors_with_every_embedded_font(page, release: Path):
    statuses = page.evaluate("[...document.fonts].map(f => f.family + ' ' + f.status)")
    assert statuses and all(status.endswith(" loaded") for status in statuses), statuses
    count = len(list(release.rglob("*.pdf")))
    assert page.inner_text("#count") == f"{count} of {count} handouts shown"
    assert "Riverside Neurology Clinic" in page.inner_text("header")  # the brand's name and colours


def test_filters_by_language_handout_and_variant(page):
    page.get_by_label("Language").select_option("es")
    cards = _visible(page)
    assert cards and {c["language"] for c in cards} == {"es"}
    page.get_by_label("Print").select_option("large-print")
    page.get_by_label("Handout").select_option("overview")
    assert _visible(page) == [{"language": "es", "handout": "overview", "variant": "large-print",
                               "search": _visible(page)[0]["search"]}]
    assert page.inner_text("#count").startswith("1 of ")
    page.get_by_label("Language").select_option("")
    assert {c["language"] for c in _visible(page)} == set(LANGUAGES)


def test_search_finds_titles_in_any_language_ignoring_case_and_accents(page):
    page.get_by_label("Search").fill("BOTULINICA")  # "botulínica" in the Spanish title
    cards = _visible(page)
    assert cards and {(c["language"], c["handout"]) for c in cards} == {("es", "botulinum-toxin")}
    page.get_by_label("Search").fill("片側顔面")
    assert {c["language"] for c in _visible(page)} == {"ja"}
    page.get_by_label("Search").fill("no such handout")
    assert _visible(page) == [] and page.is_visible("#none")


def test_every_open_link_leads_to_its_pdf_and_says_which(page, release: Path):
    links = page.eval_on_selector_all("a.open", "links => links.map(a => [a.getAttribute('href'), a.textContent])")
    assert len(links) == len(list(release.rglob("*.pdf")))
    for href, text in links:
        assert (release / href).is_file(), href
        assert text.startswith("Open ") and "(" in text  # "Open <title> (<language>, <variant>)" for screen readers
    buttons = page.eval_on_selector_all("button.print", "bs => bs.map(b => b.dataset.pdf)")
    assert sorted(buttons) == sorted(href for href, _ in links)


def test_keyboard_reaches_every_control_in_order(page):
    page.focus("#q")
    order = []
    for _ in range(5):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id || document.activeElement.className"))
    assert order[:3] == ["language", "handout", "variant"] and order[3] == "open"


def _embedded_fonts(html_text: str) -> dict[str, set[int]]:
    fonts: dict[str, set[int]] = {}
    for family, data in re.findall(r'font-family:"(hfs-[^"]+)";font-weight:400;src:url\(data:font/ttf;base64,([^)]+)\)', html_text):
        fonts[family] = set(TTFont(io.BytesIO(base64.b64decode(data))).getBestCmap())
    return fonts


def test_no_character_is_left_to_a_system_font(page, release: Path):
    html_text = (release / "index.html").read_text(encoding="utf-8")
    fonts = _embedded_fonts(html_text)
    lang_fonts = dict(re.findall(r':lang\(([^)]+)\)\{font-family:"(hfs-[^"]+)"', html_text))
    texts = page.evaluate("""[...document.querySelectorAll('h1,h2,p,span,label,option,a,button')]
        .map(e => [e.closest('[lang]').getAttribute('lang'), [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('')])""")
    missing = set()
    for lang, text in texts:
        family = lang_fonts.get(lang, "hfs-NotoSans")
        for char in text:
            if not char.isspace() and ord(char) not in fonts[family] | fonts["hfs-NotoSans"]:
                missing.add((lang, char))
    assert not missing, sorted(missing)[:20]
    assert {"zh-Hant", "zh-Hans", "ja", "ko", "ar", "fa"} <= set(lang_fonts)
