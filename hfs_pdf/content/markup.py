"""Source text → inline spans: the only markup handout text may carry (handouts/README.md).

Everything this parser does not recognise is plain text. The layout stage escapes plain text
before it reaches ReportLab's paragraph parser, so `<font>`, `<a href>` or a stray `&` written by
an author or a translator is printed literally and never interpreted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Union

PLACEHOLDERS = ("clinic_name", "clinic_phone", "emergency_number")

_TOKEN = re.compile(
    r"(?P<strong>\*\*)"
    r"|\[@(?P<cite>[A-Za-z0-9][A-Za-z0-9-]*)\]"
    r"|\[(?P<label>[^\[\]]+)\]\((?P<url>[^()\s]+)\)"
    r"|(?P<brace>\{\{|\}\})"
    r"|\{(?P<placeholder>[^{}]*)\}"
    r"|(?P<stray>[{}])"
)


@dataclass(frozen=True)
class Text:
    text: str
    strong: bool = False


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    strong: bool = False


@dataclass(frozen=True)
class Cite:
    key: str


@dataclass(frozen=True)
class Placeholder:
    name: str
    strong: bool = False


Span = Union[Text, Link, Cite, Placeholder]


class MarkupError(ValueError):
    """The text breaks the inline markup rules; the message says how to fix it.

    `token` is the offending piece of text, so a caller can find the line it stands on.
    """

    def __init__(self, message: str, token: str):
        super().__init__(message)
        self.token = token


def parse_markup(source: str) -> tuple[Span, ...]:
    """Split source text into spans. Raises MarkupError naming the first rule it breaks."""
    spans: list[Span] = []
    strong = False
    position = 0
    for match in _TOKEN.finditer(source):
        if match.start() > position:
            spans.append(Text(source[position : match.start()], strong))
        position = match.end()
        kind = match.lastgroup
        if kind == "strong":
            strong = not strong
        elif kind == "cite":
            spans.append(Cite(match["cite"]))
        elif kind == "url":
            url = match["url"]
            if not re.match(r"https?://[^/\s]+", url):
                raise MarkupError(f"link {url!r} must start with https:// or http://", url)
            spans.append(Link(match["label"], url, strong))
        elif kind == "brace":
            spans.append(Text(match["brace"][0], strong))
        elif kind == "placeholder":
            name = match["placeholder"]
            if name not in PLACEHOLDERS:
                raise MarkupError(
                    f"unknown placeholder {{{name}}} — use one of "
                    + ", ".join("{" + p + "}" for p in PLACEHOLDERS)
                    + ", or write {{ and }} for literal braces",
                    match.group(),
                )
            spans.append(Placeholder(name, strong))
        else:
            raise MarkupError("lone brace — write {{ or }} for a literal brace, or a {placeholder}", match.group())
    if position < len(source):
        spans.append(Text(source[position:], strong))
    if strong:
        raise MarkupError("** opens bold text that is never closed — add the closing **", "**")
    return tuple(_merge_text(spans))


def _merge_text(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        previous = merged[-1] if merged else None
        if isinstance(span, Text) and isinstance(previous, Text) and previous.strong == span.strong:
            merged[-1] = Text(previous.text + span.text, span.strong)
        else:
            merged.append(span)
    return merged


def markup_signature(spans: tuple[Span, ...]) -> Counter[str]:
    """What a translation must keep: the same citations, placeholders, link targets and bold runs."""
    signature: Counter[str] = Counter()
    for span in spans:
        if isinstance(span, Cite):
            signature[f"[@{span.key}]"] += 1
        elif isinstance(span, Placeholder):
            signature["{" + span.name + "}"] += 1
        elif isinstance(span, Link):
            signature[f"link to {span.url}"] += 1
    signature["** bold runs"] = sum(
        1 for a, b in zip((None, *spans), spans) if getattr(b, "strong", False) and not getattr(a, "strong", False)
    )
    if not signature["** bold runs"]:
        del signature["** bold runs"]
    return signature


def plain_text(spans: tuple[Span, ...], values: dict[str, str] | None = None, cite: str = "") -> str:
    """The words a reader sees, without markup: for readability checks and text comparisons."""
    out: list[str] = []
    for span in spans:
        if isinstance(span, Text):
            out.append(span.text)
        elif isinstance(span, Link):
            out.append(span.label)
        elif isinstance(span, Placeholder):
            out.append((values or {}).get(span.name, "{" + span.name + "}"))
        else:
            out.append(cite)
    return "".join(out)
