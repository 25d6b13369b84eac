"""Handout → its translatable texts, each with a stable path (`sections[1].blocks[0].paragraph`).

One walk serves both directions: the extractor reads the texts out, and `localize` writes
translations back in. References stay in their original language (they are bibliographic records),
and ids, dates and keys are not text for readers.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterator

from hfs_pdf.model import Block, BulletList, Callout, Figure, Form, Handout, Paragraph, Section, StepList, Table

TextFunction = Callable[[str, str], str]  # (path, source text) → text to use


def map_texts(handout: Handout, text: TextFunction) -> Handout:
    """A copy of the handout with every reader-facing text passed through `text(path, value)`."""
    return replace(
        handout,
        title=text("title", handout.title),
        key_points=text("key_points", handout.key_points),
        sections=tuple(_section(section, f"sections[{i}]", text) for i, section in enumerate(handout.sections)),
        questions=tuple(text(f"questions[{i}]", q) for i, q in enumerate(handout.questions)),
        get_help=_callout(handout.get_help, "get_help", text) if handout.get_help else None,
    )


def translatable_texts(handout: Handout) -> Iterator[tuple[str, str]]:
    """Every (path, text) a translator must translate, in reading order."""
    found: list[tuple[str, str]] = []

    def record(path: str, value: str) -> str:
        found.append((path, value))
        return value

    map_texts(handout, record)
    return iter(found)


def _section(section: Section, path: str, text: TextFunction) -> Section:
    return Section(
        heading=text(f"{path}.heading", section.heading),
        blocks=tuple(_block(block, f"{path}.blocks[{i}]", text) for i, block in enumerate(section.blocks)),
    )


def _block(block: Block, path: str, text: TextFunction) -> Block:
    if isinstance(block, Paragraph):
        return Paragraph(text(f"{path}.paragraph", block.text))
    if isinstance(block, BulletList):
        return BulletList(tuple(text(f"{path}.bullets[{i}]", item) for i, item in enumerate(block.items)))
    if isinstance(block, StepList):
        return StepList(tuple(text(f"{path}.steps[{i}]", item) for i, item in enumerate(block.items)))
    if isinstance(block, Table):
        where = f"{path}.table"
        return Table(
            caption=text(f"{where}.caption", block.caption),
            columns=tuple(text(f"{where}.columns[{i}]", cell) for i, cell in enumerate(block.columns)),
            rows=tuple(
                tuple(text(f"{where}.rows[{r}][{c}]", cell) for c, cell in enumerate(row)) for r, row in enumerate(block.rows)
            ),
        )
    if isinstance(block, Figure):
        return _figure(block, f"{path}.figure", text)
    if isinstance(block, Form):
        where = f"{path}.form"
        return Form(
            caption=text(f"{where}.caption", block.caption),
            columns=tuple(text(f"{where}.columns[{i}]", cell) for i, cell in enumerate(block.columns)),
            rows=tuple(text(f"{where}.rows[{i}]", row) if row else "" for i, row in enumerate(block.rows)),
            alt=text(f"{where}.alt", block.alt),
            example=tuple(text(f"{where}.example[{i}]", cell) for i, cell in enumerate(block.example)),
        )
    return _callout(block, f"{path}.callout", text)


def _callout(callout: Callout, path: str, text: TextFunction) -> Callout:
    return Callout(
        kind=callout.kind,
        title=text(f"{path}.title", callout.title),
        text=text(f"{path}.text", callout.text) if callout.text else None,
        bullets=tuple(text(f"{path}.bullets[{i}]", item) for i, item in enumerate(callout.bullets)),
        figure=_figure(callout.figure, f"{path}.figure", text) if callout.figure else None,
        figure_after_bullets=callout.figure_after_bullets,
    )


def _figure(figure: Figure, path: str, text: TextFunction) -> Figure:
    return Figure(figure.drawing, text(f"{path}.alt", figure.alt), text(f"{path}.caption", figure.caption) if figure.caption else None)
