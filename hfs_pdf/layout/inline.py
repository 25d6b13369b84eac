"""Source text → ReportLab paragraph markup, escaping every character it did not generate itself.

This is the one gate between untrusted text (content and translations) and ReportLab's
mini-HTML parser: only the tags written here can reach it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from hfs_pdf.content.markup import Cite, Link, Placeholder, Span, Text, parse_markup
from hfs_pdf.layout.bidi import LRI, NO_BREAK_SPACE, PDI, isolate, keep_numbers_whole

UNBREAKABLE_PLACEHOLDERS = ("clinic_phone", "emergency_number")
WORD_JOINER = "\u2060"  # no line break on either side; draws nothing


@dataclass(frozen=True)
class InlineContext:
    """What inline spans need from the rest of the handout: placeholder values, citation numbers."""

    placeholders: dict[str, str]
    citations: dict[str, int]
    link_color: str
    right_to_left: bool = False
    superscript_citations: bool = True  # False: "[1]" at text size (large print)
    own_lines: bool = False  # set by layout.lines (UAX #14 breaking), which honours a word joiner


_EASTERN_DIGITS = {**{0x0660 + d: str(d) for d in range(10)}, **{0x06F0 + d: str(d) for d in range(10)}}


def western_digits(text: str) -> str:
    """Arabic-Indic digits → 0–9.

    The project's right-to-left catalogs write numbers in Western digits, as the English source
    does (and as many Arabic patient materials do); a stray Arabic-Indic digit is printed the
    same way, so a handout never mixes two digit systems and every number reads as the English.
    """
    return text.translate(_EASTERN_DIGITS)


def _right_to_left_text(text: str) -> str:
    """Digits as 0–9, and numbers that contain spaces kept whole ("100 000", see layout.bidi)."""
    return keep_numbers_whole(western_digits(text))


def to_markup(source: str, context: InlineContext) -> str:
    pieces: list[str] = []
    last_seen: Span | None = None  # the last span that was not just white space
    for span in parse_markup(source):
        if isinstance(span, Cite) and pieces and context.superscript_citations:
            pieces[-1] = pieces[-1].rstrip()  # "control [@lu2014]." prints "control¹."
            if isinstance(last_seen, Cite):
                pieces.append("<super>,</super>")  # "[@a] [@b]" prints "⁵,⁶", not "⁵⁶"
            elif context.own_lines:
                pieces.append(WORD_JOINER)  # Chinese may break before a digit: never before a citation mark
        elif isinstance(span, Cite) and pieces:
            if pieces[-1].endswith(" "):
                pieces[-1] = pieces[-1].rstrip() + NO_BREAK_SPACE  # "[3]" never starts a line on its own
            elif context.own_lines:
                pieces.append(WORD_JOINER)
        pieces.append(_span_markup(span, context))
        if not (isinstance(span, Text) and not span.text.strip()):
            last_seen = span
    markup = "".join(pieces)
    return _CITATION_CLUSTER.sub(_isolated_citations, markup) if context.right_to_left else markup


_CITATION_CLUSTER = re.compile(r"(?:<super>[^<]*</super>)+")


def _isolated_citations(match: re.Match) -> str:
    """A run of citation marks, as one left-to-right unit: after a number ("100⁵") the bidi
    algorithm would otherwise read the mark as more digits of it, and print it on its right."""
    cluster = match.group(0)
    opening, closing = "<super>", "</super>"
    return opening + LRI + cluster[len(opening):-len(closing)] + PDI + closing


_NUMBER_THEN_COUNTER = re.compile("(?<=[0-9])(?=[\u3040-\u30ff\u3400-\u9fff\uff05])")


def _span_markup(span: Span, context: InlineContext) -> str:
    rtl = context.right_to_left
    if isinstance(span, Text):
        text = _right_to_left_text(span.text) if rtl else keep_numbers_whole(span.text, False)
        if context.own_lines and not rtl:  # Chinese, Japanese: "9人", "3か月" never break after the number
            text = _NUMBER_THEN_COUNTER.sub(WORD_JOINER, text)
        return _strong(escape(text), span.strong)
    if isinstance(span, Placeholder):
        value = context.placeholders[span.name]
        if span.name in UNBREAKABLE_PLACEHOLDERS:
            value = value.replace(" ", NO_BREAK_SPACE)  # a phone number is never split across lines
        # a filled-in value is one unit that the words around it cannot reorder
        return _strong(escape(isolate(_right_to_left_text(value)) if rtl else value), span.strong)
    if isinstance(span, Link):
        label = span.label
        if rtl:
            label = isolate(label) if label == span.url else _right_to_left_text(label)
        return _strong(link_markup(span.url, context.link_color, label), span.strong)
    if isinstance(span, Cite):
        if not context.superscript_citations:
            return f"[{context.citations[span.key]}]"
        return f"<super>{context.citations[span.key]}</super>"
    raise TypeError(f"unknown span {span!r}")


def _strong(markup: str, strong: bool) -> str:
    return f"<b>{markup}</b>" if strong else markup


def plain_markup(text: str, right_to_left: bool = False) -> str:
    """Text that carries no inline markup at all (brand fields, page chrome): escape only."""
    return escape(_right_to_left_text(text) if right_to_left else keep_numbers_whole(text, False))


def link_markup(url: str, color: str, label: str | None = None) -> str:
    """A clickable link whose label (the URL itself by default) is escaped like any other text."""
    return f"<a href={quoteattr(url)} color={quoteattr(color)}>{escape(label if label is not None else url)}</a>"


def bare_domain(url: str) -> str:
    """`https://www.example.org/` → `www.example.org`: what people type, shorter on paper."""
    return url.split("://", 1)[-1].rstrip("/")
