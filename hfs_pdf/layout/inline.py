"""Source text → ReportLab paragraph markup, escaping every character it did not generate itself.

This is the one gate between untrusted text (content and translations) and ReportLab's
mini-HTML parser: only the tags written here can reach it.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from hfs_pdf.content.markup import Cite, Link, Placeholder, Span, Text, parse_markup


@dataclass(frozen=True)
class InlineContext:
    """What inline spans need from the rest of the handout: placeholder values, citation numbers."""

    placeholders: dict[str, str]
    citations: dict[str, int]
    link_color: str
    right_to_left: bool = False
    superscript_citations: bool = True  # False: "[1]" at text size (large print)


_EASTERN_DIGITS = {**{0x0660 + d: str(d) for d in range(10)}, **{0x06F0 + d: str(d) for d in range(10)}}


def western_digits(text: str) -> str:
    """Arabic-Indic digits → 0–9.

    ReportLab 5.1 reverses a run of Arabic-Indic digits when it shapes right-to-left text
    ("١٢" prints as ٢١): a dose or a phone number would be wrong. Western digits, which Arabic
    patient materials also use, come out in the right order.
    """
    return text.translate(_EASTERN_DIGITS)


def to_markup(source: str, context: InlineContext) -> str:
    if context.right_to_left:
        source = western_digits(source)
    pieces: list[str] = []
    last_seen: Span | None = None  # the last span that was not just white space
    for span in parse_markup(source):
        if isinstance(span, Cite) and pieces and context.superscript_citations:
            pieces[-1] = pieces[-1].rstrip()  # "control [@lu2014]." prints "control¹."
            if isinstance(last_seen, Cite):
                pieces.append("<super>,</super>")  # "[@a] [@b]" prints "⁵,⁶", not "⁵⁶"
        pieces.append(_span_markup(span, context))
        if not (isinstance(span, Text) and not span.text.strip()):
            last_seen = span
    return "".join(pieces)


def _span_markup(span: Span, context: InlineContext) -> str:
    if isinstance(span, Text):
        return _strong(escape(span.text), span.strong)
    if isinstance(span, Placeholder):
        return _strong(escape(context.placeholders[span.name]), span.strong)
    if isinstance(span, Link):
        return _strong(link_markup(span.url, context.link_color, span.label), span.strong)
    if isinstance(span, Cite):
        if not context.superscript_citations:
            return f"[{context.citations[span.key]}]"
        return f"<super>{context.citations[span.key]}</super>"
    raise TypeError(f"unknown span {span!r}")


def _strong(markup: str, strong: bool) -> str:
    return f"<b>{markup}</b>" if strong else markup


def plain_markup(text: str, right_to_left: bool = False) -> str:
    """Text that carries no inline markup at all (brand fields, page chrome): escape only."""
    return escape(western_digits(text) if right_to_left else text)


def link_markup(url: str, color: str, label: str | None = None) -> str:
    """A clickable link whose label (the URL itself by default) is escaped like any other text."""
    return f"<a href={quoteattr(url)} color={quoteattr(color)}>{escape(label if label is not None else url)}</a>"


def bare_domain(url: str) -> str:
    """`https://www.example.org/` → `www.example.org`: what people type, shorter on paper."""
    return url.split("://", 1)[-1].rstrip("/")
