"""YAML text → node tree, read with line numbers so every problem can name its line.

PyYAML's `safe_load` forgets where values came from and silently keeps the last of two duplicate
keys. Walking the composed node tree instead keeps `start_mark` for each value, which is what
turns "bad date" into `handouts/x.yaml:12: review.last_reviewed …`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterator, TypeVar

import yaml

from hfs_pdf.errors import Problem, display_path

T = TypeVar("T")

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Invalid(Exception):
    """Raised inside a reader to abandon one value; the problem is already recorded."""


@dataclass
class Reader:
    """Walks one file's YAML nodes and collects every problem instead of stopping at the first."""

    path: Path
    problems: list[Problem] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # the file's text, for finding a word inside a long value

    @property
    def where(self) -> str:
        return display_path(self.path)

    def problem(self, node: yaml.Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else None
        self.problems.append(Problem(self.where, message, line))

    def line_of(self, node: yaml.Node, needle: str) -> int:
        """The line inside a (possibly multi-line) value where `needle` stands; else where the value starts."""
        for number in range(node.start_mark.line, min(node.end_mark.line + 1, len(self.lines))):
            if needle in self.lines[number]:
                return number + 1
        return node.start_mark.line + 1

    def fail(self, node: yaml.Node | None, message: str) -> Invalid:
        self.problem(node, message)
        return Invalid()

    def attempt(self, read: Callable[[], T]) -> T | None:
        """Run one reader; on a recorded problem return None so the caller can keep checking."""
        try:
            return read()
        except Invalid:
            return None

    # -- shapes ---------------------------------------------------------------------------

    def mapping(
        self, node: yaml.Node, path: str, *, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{path or 'the file'} must be a mapping of keys to values — see handouts/README.md")
        allowed = required + optional
        found: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            name = f"{path}.{key}" if path else str(key)
            if key in found:
                self.problem(key_node, f"{name} is given twice — keep one of them")
            elif key not in allowed:
                self.problem(key_node, f"unknown key {name!s} — expected one of: {', '.join(allowed)}")
            else:
                found[key] = value_node
        for key in required:
            if key not in found:
                self.problem(node, f"{path + '.' if path else ''}{key} is missing — add it")
        return found

    def sequence(self, node: yaml.Node, path: str, *, min_items: int = 1, max_items: int | None = None) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"{path} must be a list (lines starting with '- ')")
        count = len(node.value)
        if count < min_items or (max_items is not None and count > max_items):
            span = f"{min_items} to {max_items}" if max_items is not None else f"at least {min_items}"
            raise self.fail(node, f"{path} has {count} item(s) — it needs {span}")
        return list(node.value)

    def items(self, node: yaml.Node, path: str, read: Callable[[yaml.Node, str], T], **bounds: int) -> Iterator[T]:
        """Read every item of a list, skipping (but recording) the bad ones."""
        for index, item in enumerate(self.sequence(node, path, **bounds)):
            value = self.attempt(lambda item=item, index=index: read(item, f"{path}[{index}]"))
            if value is not None:
                yield value

    # -- scalars --------------------------------------------------------------------------

    def text(self, node: yaml.Node, path: str) -> str:
        # Composing already resolved plain scalars: `1.0`, `yes`, `2026-01-01` are not text.
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
            raise self.fail(node, f"{path} must be text — put it in quotes if it looks like a number or date")
        value = " ".join(node.value.split())
        if not value:
            raise self.fail(node, f"{path} is empty — write the text or remove the item")
        return value

    def integer(self, node: yaml.Node, path: str, minimum: int, maximum: int) -> int:
        if not (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:int" and node.value.isdigit()):
            raise self.fail(node, f"{path} must be a whole number from {minimum} to {maximum}")
        value = int(node.value)
        if not minimum <= value <= maximum:
            raise self.fail(node, f"{path} is {value} — it must be from {minimum} to {maximum}")
        return value

    def choice(self, node: yaml.Node, path: str, choices: tuple[str, ...]) -> str:
        value = self.text(node, path)
        if value not in choices:
            raise self.fail(node, f"{path} is {value!r} — it must be one of: {', '.join(choices)}")
        return value

    def date(self, node: yaml.Node, path: str) -> date:
        value = node.value if isinstance(node, yaml.ScalarNode) else None
        if not isinstance(value, str) or not _DATE.fullmatch(value):
            raise self.fail(node, f"{path} must be a date written YYYY-MM-DD")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(node, f"{path} is {value!r}, which is not a real date — check the month and day")

    def boolean(self, node: yaml.Node, path: str) -> bool:
        if isinstance(node, yaml.ScalarNode) and node.value in ("true", "false"):
            return node.value == "true"
        raise self.fail(node, f"{path} must be true or false")


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader when PyYAML was built with it: the same nodes and line marks, ten times faster."""


def compose_file(reader: Reader, text: str | None = None) -> yaml.Node:
    """Read and compose one YAML file; unreadable or malformed YAML is one problem with its line."""
    try:
        if text is None:
            text = reader.path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise reader.fail(None, "file not found — check the path")
    except UnicodeDecodeError as error:
        data = reader.path.read_bytes()
        reader.problems.append(Problem(reader.where, f"is not UTF-8 text (byte 0x{data[error.start]:02X}) — save the file as UTF-8",
                                       data.count(b"\n", 0, error.start) + 1))
        raise Invalid()
    except OSError as error:
        raise reader.fail(None, f"cannot be read ({error.strerror})")
    reader.lines = text.splitlines()
    try:
        try:
            node = yaml.compose(text, Loader=_LOADER)
        except yaml.YAMLError:
            # Say it in PyYAML's own words, whether or not libyaml is installed.
            node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        what = error.problem or error.context or "malformed YAML"
        reader.problems.append(
            Problem(reader.where, f"malformed YAML: {what} — check indentation, quotes and colons", line)
        )
        raise Invalid()
    except yaml.reader.ReaderError as error:  # a control character YAML does not allow, such as NUL
        line = text.count("\n", 0, error.position) + 1
        reader.problems.append(Problem(
            reader.where, f"character U+{error.character:04X} is not allowed in YAML — delete it (a damaged file?)", line))
        raise Invalid()
    except yaml.YAMLError as error:
        raise reader.fail(None, "malformed YAML: " + " ".join(str(error).split()))
    if node is None:
        raise reader.fail(None, "file is empty — see handouts/README.md for the format")
    return node
