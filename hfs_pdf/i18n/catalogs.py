"""Gettext catalogs on disk ↔ Babel `Catalog`s: extract, init, update, compile, check, status.

All PO/MO reading and writing is Babel's; this module only decides where files live, what a
catalog must satisfy before a patient sees it, and how its review status is recorded.

Review status lives in the PO header comment, where Poedit and Weblate show it to translators:

    # Translation-Review: pending — machine-drafted, not yet checked by a human translator
    # Reviewed-By:
    # Reviewed-Handout: botulinum-toxin — A. Ruiz, certified medical translator

A catalog counts as reviewed only when `Reviewed-By:` names someone; one handout of it counts as
reviewed when a `Reviewed-Handout:` line names that handout and its reviewer (one line each). A
catalog `hfs-pdf i18n init` starts says "not yet translated", not "machine-drafted": only a
translator who used a machine draft writes that.
"""

from __future__ import annotations

import re
import string
import struct
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, normalize, read_po, unescape, write_po

from hfs_pdf.content.markup import MarkupError, markup_signature, parse_markup
from hfs_pdf.errors import Problem, TranslationError, display_path
from hfs_pdf.i18n import SOURCE_LOCALE
from hfs_pdf.i18n.extract import TEMPLATE_DATE

DOMAIN = "hfs_pdf"
PENDING_HEADER = (
    "Translation-Review: pending — machine-drafted, not yet checked by a human translator\n"
    "Reviewed-By:"
)
NEW_HEADER = (
    "Translation-Review: pending — not yet translated\n"
    "Reviewed-By:"
)
MACHINE_DRAFTED = "machine-drafted"
_REVIEWED_BY = re.compile(r"^Reviewed-By:[ \t]*(.*)$", re.MULTILINE)
_REVIEWED_HANDOUT = re.compile(r"^Reviewed-Handout:[ \t]*(\S*)[ \t]*(?:[—–-][ \t]*)?(.*)$", re.MULTILINE)


def template_path(translations_dir: Path) -> Path:
    return translations_dir / f"{DOMAIN}.pot"


def po_path(translations_dir: Path, locale: str) -> Path:
    return translations_dir / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(translations_dir: Path, locale: str) -> Path:
    return po_path(translations_dir, locale).with_suffix(".mo")


def catalog_paths(translations_dir: Path, locale: str) -> tuple[Path, ...]:
    """The files a language's documents are made from: its .po and compiled .mo (none for English)."""
    if locale == SOURCE_LOCALE:
        return ()
    return po_path(translations_dir, locale), mo_path(translations_dir, locale)


def write_catalog(path: Path, catalog: Catalog) -> bytes:
    """Serialise a catalog the same way every time (sorted by file position, no wrapping noise).

    The header names the language as its folder does: Babel writes `tl` as CLDR's `fil_PH`,
    which tools that go by the header (Poedit, msgfmt) would take for another language. The result
    passes `msgfmt -c`.
    """
    for message in catalog:
        # Babel guesses "2.4% of" is a %-format ("% o"); no text here is %-formatted, and msgfmt -c
        # would then reject every translation that moves the "%"
        message.flags.discard("python-format")
    buffer = BytesIO()
    write_po(buffer, catalog, width=100, sort_by_file=False, include_previous=True)
    data = _previous_ids_rewritten(buffer.getvalue(), catalog)
    if path.parent.name == "LC_MESSAGES":
        language = (f'"Language: {path.parent.parent.name}' + r'\n"').encode()
        data = re.sub(rb'"Language: [^"\\]*\\n"', lambda _: language, data, count=1)
    return data


_PREVIOUS_BLOCK = re.compile(rb"(?:^#\|[^\n]*\n)+", re.M)


def _previous_ids_rewritten(data: bytes, catalog: Catalog) -> bytes:
    """Babel wraps a multi-line previous msgid (`#| msgid ""` …) as one comment, cutting its quoted
    strings mid-line, which msgfmt rejects; each is written again here, one quoted line per line,
    as gettext's own msgmerge writes them. Babel writes them in catalog order, so the n-th `#|`
    block belongs to the n-th message that has a previous msgid."""
    previous = [message.previous_id for message in catalog if message.id and message.previous_id]
    blocks = iter(previous)

    def rewrite(match: re.Match) -> bytes:
        ids = next(blocks, None)
        if ids is None:
            return match.group(0)
        lines = []
        for key, text in zip(("msgid", "msgid_plural"), ids):
            first, *rest = normalize(text, width=97).split("\n")
            lines += [f"#| {key} {first}", *(f"#| {line}" for line in rest)]
        return ("\n".join(lines) + "\n").encode()

    return _PREVIOUS_BLOCK.sub(rewrite, data)


_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _previous_ids_restored(catalog: Catalog) -> Catalog:
    """Babel reads a previous msgid spread over several `#|` lines as translator comments
    ("| msgid ..."); they are taken back as the previous msgid they are, so that writing the
    catalog again keeps them (and does not turn them into stray comments)."""
    for message in catalog:
        pieces = [comment[2:] for comment in message.user_comments if comment.startswith("| ")]
        if not pieces or not pieces[0].startswith("msgid "):
            continue
        message.previous_id = ("".join(unescape(f'"{text}"') for text in _QUOTED.findall(" ".join(pieces))),)
        message.user_comments = [comment for comment in message.user_comments if not comment.startswith("| ")]
    return catalog


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    """Read a PO/POT file with Babel; a syntax error or a byte that is not UTF-8 is a
    TranslationError with file:line."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise TranslationError(Problem(display_path(path), "catalog not found — run `hfs-pdf i18n init LANG` first"))
    try:
        data.decode("utf-8")  # the catalogs' charset (their headers say so); Babel would fail without a line
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise TranslationError(Problem(
            display_path(path), f"not valid UTF-8 (byte 0x{data[error.start]:02X}) — save the file as UTF-8 in a PO editor", line,
        ))
    try:
        return _previous_ids_restored(read_po(BytesIO(data), locale=locale, abort_invalid=True))
    except PoFileError as error:
        line = getattr(error, "lineno", None)
        line = line + 1 if line is not None else None  # Babel counts PoFileError lines from 0
        raise TranslationError(Problem(display_path(path), f"invalid PO syntax: {_one_line(error)} — fix it in a PO editor", line))
    except (ValueError, LookupError) as error:  # Babel reads the header's dates, charset and plural rules
        header_end = data.find(b"\n\n")
        raise TranslationError(Problem(
            display_path(path), f"invalid PO header ({_one_line(error)}) — fix the header fields in a PO editor",
            data.count(b"\n", 0, header_end) + 1 if header_end > 0 else 1,
        ))


def _one_line(error: Exception, limit: int = 160) -> str:
    """A library's message on one line, cut short: some quote a whole multi-line header."""
    return short_text(" ".join(str(error).split()), limit)


def new_catalog(template: Catalog, locale: str) -> Catalog:
    """A fresh catalog for `locale` from the template, marked as not yet translated (and not reviewed)."""
    catalog = Catalog(
        locale=Locale.parse(locale),
        project=template.project,
        version=template.version,
        creation_date=TEMPLATE_DATE,
        revision_date=TEMPLATE_DATE,
        charset="utf-8",
        fuzzy=False,
        last_translator="",
        language_team=f"{Locale.parse(locale).english_name} <hfs-pdf translators>",
        header_comment=f"# {Locale.parse(locale).english_name} translation of the hfs-pdf handouts.\n"
        + "".join(f"# {line}\n" for line in NEW_HEADER.splitlines()),
    )
    catalog.update(template)
    return catalog


def _header_lines(catalog: Catalog) -> str:
    return "\n".join(line.lstrip("#").strip() for line in catalog.header_comment.splitlines())


def reviewed_by(catalog: Catalog) -> str | None:
    """Who checked this translation, or None while it is pending review."""
    match = _REVIEWED_BY.search(_header_lines(catalog))
    value = match.group(1).strip() if match else ""
    return value or None


def machine_drafted(catalog: Catalog) -> bool:
    """True when the header says a machine drafted this translation (the PDF's notice says so)."""
    return MACHINE_DRAFTED in _header_lines(catalog)


def reviewed_handouts(catalog: Catalog, path: Path) -> dict[str, str]:
    """handout id → its reviewer, from the `Reviewed-Handout:` header lines.

    A line that names no reviewer, or a handout this catalog has no strings for (a typo), is an
    error with its header line: a review that silently applies to nothing would be worse.
    """
    found: dict[str, str] = {}
    handouts = {message.context for message in catalog if message.context}
    for number, line in enumerate(catalog.header_comment.splitlines(), start=1):
        match = _REVIEWED_HANDOUT.match(line.lstrip("#").strip())
        if not match:
            continue
        handout, reviewer = match.group(1), match.group(2).strip()
        if handout not in handouts:
            known = ", ".join(sorted(handouts))
            raise TranslationError(Problem(display_path(path), f"Reviewed-Handout names {handout!r}, which is not a "
                                           f"handout of this catalog — use one of: {known}", number))
        if not reviewer:
            raise TranslationError(Problem(display_path(path), f"Reviewed-Handout {handout!r} names no reviewer — "
                                           f"write 'Reviewed-Handout: {handout} — <name, role>'", number))
        found[handout] = reviewer
    return found


@dataclass
class CatalogCheck:
    """What a catalog lacks or breaks, per message, with the catalog line of each."""

    path: Path
    untranslated: list[Message] = field(default_factory=list)
    fuzzy: list[Message] = field(default_factory=list)
    broken: list[Problem] = field(default_factory=list)

    def incomplete_problems(self) -> list[Problem]:
        where = display_path(self.path)
        return [
            Problem(where, f"{kind} [{m.context or 'page chrome'}] {short_text(m.id)!r} — {fix}", m.lineno)
            for kind, messages, fix in (
                ("untranslated", self.untranslated, "translate it"),
                ("fuzzy", self.fuzzy, "check the translation against the changed English, then clear the fuzzy flag"),
            )
            for m in messages
        ]


def check_catalog(catalog: Catalog, path: Path) -> CatalogCheck:
    """Sort every message into untranslated, fuzzy or broken (placeholders or markup changed)."""
    result = CatalogCheck(path)
    where = display_path(path)
    for message in catalog:
        if not message.id:
            continue
        if not message.string:
            result.untranslated.append(message)
            continue
        if message.fuzzy:
            result.fuzzy.append(message)
        changed = changed_numbers(message)
        if changed and not number_approval(message):
            result.broken.append(Problem(
                where, f"[{message.context or 'page chrome'}] {short_text(message.id)!r}: numbers {changed} — write every "
                "number as the English has it, or, if the difference is right, add the translator comment "
                "'# numbers-ok: <why>' to this entry", message.lineno,
            ))
        problem = _placeholder_problem(message)
        if problem:
            result.broken.append(Problem(where, f"[{message.context or 'page chrome'}] {short_text(message.id)!r}: {problem}", message.lineno))
    return result


def _placeholder_problem(message: Message) -> str | None:
    """A translation must keep the English text's placeholders, citations, links and bold runs."""
    if message.context is None:  # page chrome: str.format fields
        wanted, got = _format_fields(message.id), _format_fields(message.string)
        if wanted != got:
            return f"placeholders {sorted(wanted)} became {sorted(got)} — keep every {{name}} exactly as in the English"
        return None
    try:
        wanted = markup_signature(parse_markup(message.id))
    except MarkupError as error:
        return f"the English (msgid) is not valid handout markup ({error}) — do not edit msgids; run `hfs-pdf i18n update`"
    try:
        got = markup_signature(parse_markup(message.string))
    except MarkupError as error:
        return f"{error}"
    if wanted != got:
        missing = sorted((wanted - got).elements())
        extra = sorted((got - wanted).elements())
        said = "; ".join(part for part in (
            f"missing {', '.join(missing)}" if missing else "",
            f"unexpected {', '.join(extra)}" if extra else "",
        ) if part)
        return f"the markup differs from the English ({said}) — keep it exactly as in the English"
    return None


_CITATION_KEY = re.compile(r"\[@[^\]]+\]|\{[^{}]*\}")
_GROUP_SEPARATOR = re.compile("(?<=\\d)[,.\\s\u00a0\u202f\u066c'](?=\\d{3}(?!\\d))")
_DECIMAL_SEPARATOR = re.compile("(?<=\\d)[.,\u066b](?=\\d)")
NUMBERS_OK = "numbers-ok:"


def numbers_of(text: str) -> Counter[str]:
    """The numbers a reader sees, in any script's digits, whatever the grouping: 100,000 = 100 000 =
    ١٠٠٬٠٠٠. Citation keys and placeholder names are not numbers a reader sees."""
    text = "".join(str(unicodedata.decimal(char)) if unicodedata.decimal(char, None) is not None else char for char in text)
    text = _GROUP_SEPARATOR.sub("", _CITATION_KEY.sub(" ", text))
    text = _DECIMAL_SEPARATOR.sub(".", text)  # 2.4 = 2,4 = ٢٫٤, and never 4.2
    return Counter(re.findall(r"\d+(?:\.\d+)?", text))


def changed_numbers(message: Message) -> str | None:
    """How a translation's numbers differ from its English ("5.7 became 57"), or None."""
    english, translated = numbers_of(message.id), numbers_of(message.string)
    if english == translated:
        return None
    missing, extra = sorted((english - translated).elements()), sorted((translated - english).elements())
    return "; ".join(part for part in (
        f"missing {', '.join(missing)}" if missing else "", f"not in the English {', '.join(extra)}" if extra else "",
    ) if part)


def number_approval(message: Message) -> str | None:
    """The reason a translator gave for a legitimate number difference (`# numbers-ok: …`), if any."""
    for comment in message.user_comments:
        if comment.strip().startswith(NUMBERS_OK):
            return comment.strip()[len(NUMBERS_OK):].strip() or "approved"
    return None


def _format_fields(text: str) -> Counter[str]:
    try:
        return Counter(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)
    except ValueError:
        return Counter({"<unbalanced braces>": 1})


def short_text(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def compile_catalog(catalog: Catalog) -> bytes:
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def load_localization(translations_dir: Path, locale: str, *, allow_incomplete: bool = False):
    """A locale's checked, compiled catalog → (Localization, warnings).

    Broken placeholders or markup always fail. Untranslated or fuzzy strings fail too unless
    `allow_incomplete`, when they fall back to English and come back as warnings. A missing or
    stale compiled catalog fails: it would otherwise silently print English.
    """
    from babel.support import Translations

    from hfs_pdf.i18n import Localization

    po = po_path(translations_dir, locale)
    catalog = read_catalog(po, locale)
    check = check_catalog(catalog, po)
    if check.broken:
        raise TranslationError(check.broken)
    incomplete = check.incomplete_problems()
    if incomplete and not allow_incomplete:
        raise TranslationError(
            incomplete + [Problem(display_path(po), f"{len(incomplete)} string(s) not ready — translate them, "
                                  "or build with --allow-incomplete to print English for these")]
        )
    mo = mo_path(translations_dir, locale)
    if not mo.is_file():
        raise TranslationError(Problem(display_path(mo), "compiled catalog missing — run `hfs-pdf i18n compile`"))
    if mo.stat().st_mtime < po.stat().st_mtime:
        raise TranslationError(Problem(display_path(mo), f"older than {po.name} — run `hfs-pdf i18n compile`"))
    try:
        with mo.open("rb") as stream:
            translations = Translations(stream, domain=DOMAIN)
    except (OSError, ValueError, LookupError, struct.error) as error:  # gettext's errors for a damaged file
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise TranslationError(Problem(display_path(mo), f"compiled catalog is damaged ({reason}) — run `hfs-pdf i18n compile`"))
    lines = {(m.context, m.id): m.lineno for m in catalog if m.id}
    borrowed = _borrow_tool_chrome(translations, translations_dir, locale, catalog)
    for message in borrowed:
        lines[(None, message)] = None
    localization = Localization(locale, Locale.parse(locale), translations, po, lines, reviewed_by(catalog),
                                machine_drafted(catalog), reviewed_handouts(catalog, po), borrowed_chrome=borrowed)
    return localization, incomplete


def _borrow_tool_chrome(translations, translations_dir: Path, locale: str, catalog: Catalog) -> tuple[str, ...]:
    """Page chrome a clinic's catalog lacks, taken from the catalog hfs-pdf ships for the language.

    A project made by `hfs-pdf init` keeps the catalogs of the version that made it; a newer
    hfs-pdf prints new page chrome (a new notice, a label). Its own translation of those strings
    is used — never English — until `hfs-pdf i18n update` brings them into the clinic's catalog;
    the build says which ones (Localization.borrowed_chrome). Handout texts are never borrowed:
    they are the clinic's own.
    """
    from babel.support import Translations

    from hfs_pdf.resources import data_root

    shipped = po_path(data_root() / "translations", locale)
    if not shipped.is_file() or shipped.resolve() == po_path(translations_dir, locale).resolve():
        return ()
    have = {m.id for m in catalog if m.id and m.context is None}
    try:
        tool = read_catalog(shipped, locale)
    except TranslationError:
        return ()
    extra = Catalog(locale=Locale.parse(locale))
    for message in tool:
        if message.id and message.context is None and message.id not in have and message.string and not message.fuzzy:
            extra.add(message.id, message.string)
    borrowed = tuple(m.id for m in extra if m.id)
    if borrowed:
        translations.add_fallback(Translations(BytesIO(compile_catalog(extra)), domain=DOMAIN))
    return borrowed


def missing_messages(localization, wanted: list[tuple[str | None, str]], where: str) -> list[Problem]:
    """Strings the layout will print that the catalog does not have at all (its template is out of date).

    gettext would quietly print them in English; hfs-pdf says so instead.
    """
    if localization.catalog is None:
        return []
    missing = [(context, msgid) for context, msgid in wanted if (context, msgid) not in localization.catalog_lines]
    return [
        Problem(display_path(localization.catalog),
                f"[{context or 'page chrome'}] {short_text(msgid)!r} is not in the catalog ({where}) — run `hfs-pdf i18n update` and translate it")
        for context, msgid in dict.fromkeys(missing)
    ]
