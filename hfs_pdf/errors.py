"""The library's error types: every one carries the problems it found, each with a place and a fix.

Only `hfs_pdf.cli` turns these into Click errors; the library never prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input, said as `where: what — how to fix it`."""

    where: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        place = f"{self.where}:{self.line}" if self.line is not None else self.where
        return f"{place}: {self.message}"


def display_path(path: Path | str) -> str:
    """Show a path relative to the working folder when it is inside it, as users typed it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class HfsPdfError(Exception):
    """Base of every error hfs-pdf raises on purpose. `exit_code` is what the CLI exits with."""

    exit_code = 1

    def __init__(self, problems: Problem | str | Iterable[Problem]):
        if isinstance(problems, (Problem, str)):
            problems = [problems]
        self.problems: tuple[Problem | str, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ContentError(HfsPdfError):
    """A handout YAML file is malformed or breaks the content rules (handouts/README.md)."""


class PackError(HfsPdfError):
    """A print-pack file is malformed or asks for handouts or languages that do not exist."""


class BrandError(HfsPdfError):
    """A brand file, its logo or its colours are unusable."""


class FontError(HfsPdfError):
    """A font is missing, unreadable, or lacks a glyph the text needs."""


class RenderError(HfsPdfError):
    """The handout could not be laid out within its page budget or rendered."""


class OutputError(HfsPdfError):
    """An output file or folder cannot be written (not a folder, no permission, disk full)."""


class ProjectError(HfsPdfError):
    """The project folder lacks something hfs-pdf needs (handouts/, brands/, …)."""


class UsageError(HfsPdfError):
    """The caller asked for something that does not exist (unknown handout id, language, …)."""

    exit_code = 2


class TranslationError(HfsPdfError):
    """A catalog is missing, malformed, incomplete, or changes a text's placeholders or markup."""


class ConfigError(HfsPdfError):
    """The project's hfs-pdf.toml is malformed or gives a value a setting cannot take."""


class ShardError(HfsPdfError):
    """Release shards that cannot be merged: of different builds, missing, doubled or damaged."""
