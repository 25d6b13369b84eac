"""handouts/*.yaml → validated `Handout` values (the rules are in handouts/README.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from hfs_pdf.content.markup import Cite, MarkupError, parse_markup
from hfs_pdf.content.yamlsource import Invalid, Reader, compose_file
from hfs_pdf.errors import ContentError, Problem, UsageError, display_path
from hfs_pdf.model import (
    Block,
    BulletList,
    DRAWINGS,
    Form,
    Callout,
    CalloutKind,
    Figure,
    Handout,
    Paragraph,
    Reference,
    Review,
    ReviewStatus,
    Section,
    StepList,
    Table,
)

HANDOUT_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
REFERENCE_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*")
BLOCK_KINDS = ("paragraph", "bullets", "steps", "callout", "table", "figure", "form")


@dataclass
class _HandoutReader(Reader):
    """A Reader that also parses inline markup and remembers every citation for the final check."""

    citations: list[tuple[str, int]] = field(default_factory=list)  # (key, line)
    text_lines: dict[str, int] = field(default_factory=dict)  # YAML path → line, for catalogs
    all_markup_read: bool = True  # False once a text could not be parsed: its citations are unknown

    def prose(self, node: yaml.Node, path: str) -> str:
        value = self.text(node, path)
        self.text_lines[path] = node.start_mark.line + 1
        try:
            spans = parse_markup(value)
        except MarkupError as error:
            self.all_markup_read = False
            self.problems.append(Problem(self.where, f"{path}: {error}", self.line_of(node, error.token)))
            raise Invalid()
        self.citations.extend((span.key, self.line_of(node, f"[@{span.key}]")) for span in spans if isinstance(span, Cite))
        return value

    def prose_list(self, node: yaml.Node, path: str, **bounds: int) -> tuple[str, ...]:
        return tuple(self.items(node, path, self.prose, **bounds))

    def review(self, node: yaml.Node, path: str) -> Review:
        keys = self.mapping(
            node, path, required=("version", "status", "last_reviewed", "next_review"), optional=("reviewer_role",)
        )
        version = self.attempt(lambda: self.text(keys["version"], f"{path}.version")) if "version" in keys else None
        status = self.attempt(
            lambda: self.choice(keys["status"], f"{path}.status", tuple(s.value for s in ReviewStatus))
        ) if "status" in keys else None
        last = self.attempt(lambda: self.date(keys["last_reviewed"], f"{path}.last_reviewed")) if "last_reviewed" in keys else None
        following = self.attempt(lambda: self.date(keys["next_review"], f"{path}.next_review")) if "next_review" in keys else None
        role = self.attempt(lambda: self.text(keys["reviewer_role"], f"{path}.reviewer_role")) if "reviewer_role" in keys else None
        if last and following and following <= last:
            self.problem(keys["next_review"], f"{path}.next_review ({following}) must be after last_reviewed ({last})")
        if status == ReviewStatus.REVIEWED.value and "reviewer_role" not in keys:
            self.problem(node, f"{path}.status is 'reviewed' but reviewer_role is missing — name who signed it off, or set status: draft")
        if None in (version, status, last, following):
            raise Invalid()
        return Review(version, ReviewStatus(status), last, following, role)

    def callout(self, node: yaml.Node, path: str, *, kind: CalloutKind | None = None) -> Callout:
        required = ("title",) if kind else ("kind", "title")
        keys = self.mapping(node, path, required=required, optional=("text", "bullets", "figure"))
        if kind is None and "kind" in keys:
            kind = CalloutKind(self.choice(keys["kind"], f"{path}.kind", tuple(k.value for k in CalloutKind)))
        title = self.attempt(lambda: self.prose(keys["title"], f"{path}.title")) if "title" in keys else None
        text = self.attempt(lambda: self.prose(keys["text"], f"{path}.text")) if "text" in keys else None
        bullets = self.prose_list(keys["bullets"], f"{path}.bullets") if "bullets" in keys else ()
        figure = self.attempt(lambda: self.figure(keys["figure"], f"{path}.figure")) if "figure" in keys else None
        if "text" not in keys and "bullets" not in keys:
            raise self.fail(node, f"{path} has neither text nor bullets — add at least one")
        if kind is None or title is None or ("figure" in keys and figure is None):
            raise Invalid()
        order = list(keys)  # the picture prints where the handout puts it: after the text or after the bullets
        after_bullets = figure is not None and bool(bullets) and order.index("figure") > order.index("bullets")
        return Callout(kind, title, text, bullets, figure, after_bullets)

    def block(self, node: yaml.Node, path: str) -> Block:
        keys = self.mapping(node, path, required=(), optional=BLOCK_KINDS)
        if len(keys) != 1:
            raise self.fail(node, f"{path} must have exactly one of: {', '.join(BLOCK_KINDS)}")
        (kind, value), = keys.items()
        where = f"{path}.{kind}"
        if kind == "paragraph":
            return Paragraph(self.prose(value, where))
        if kind == "bullets":
            return BulletList(self.prose_list(value, where))
        if kind == "steps":
            return StepList(self.prose_list(value, where))
        if kind == "table":
            return self.table(value, where)
        if kind == "figure":
            return self.figure(value, where)
        if kind == "form":
            return self.form(value, where)
        return self.callout(value, where)

    def form(self, node: yaml.Node, path: str) -> Form:
        """`form: {caption, columns: [...], rows: [Day 1, …] or a number of blank rows, alt}`."""
        keys = self.mapping(node, path, required=("caption", "columns", "rows", "alt"), optional=("example",))
        if len(keys) < 4:
            raise Invalid()  # the missing key is already reported
        caption = self.attempt(lambda: self.prose(keys["caption"], f"{path}.caption"))
        columns = self.attempt(lambda: self.prose_list(keys["columns"], f"{path}.columns", min_items=2, max_items=5))
        alt = self.attempt(lambda: self.prose(keys["alt"], f"{path}.alt"))
        rows_node = keys["rows"]
        if isinstance(rows_node, yaml.ScalarNode) and rows_node.tag == "tag:yaml.org,2002:int":
            count = self.attempt(lambda: self.integer(rows_node, f"{path}.rows", 1, 12))
            rows = ("",) * count if count else None
        else:
            rows = self.attempt(lambda: self.prose_list(rows_node, f"{path}.rows", min_items=1, max_items=12))
        example = self.attempt(lambda: self.prose_list(keys["example"], f"{path}.example")) if "example" in keys else ()
        if example and columns is not None and len(example) != len(columns):
            self.problem(keys["example"], f"{path}.example has {len(example)} cells for {len(columns)} columns — "
                         "give one cell per column")
            example = None
        if None in (caption, columns, alt, rows, example):
            raise Invalid()
        return Form(caption, columns, rows, alt, example)

    def table(self, node: yaml.Node, path: str) -> Table:
        keys = self.mapping(node, path, required=("caption", "columns", "rows"))
        if len(keys) < 3:
            raise Invalid()  # the missing key is already reported
        caption = self.attempt(lambda: self.prose(keys["caption"], f"{path}.caption"))
        columns = self.attempt(lambda: self.prose_list(keys["columns"], f"{path}.columns", min_items=2, max_items=6))
        rows = self.attempt(lambda: self.sequence(keys["rows"], f"{path}.rows", min_items=1, max_items=8)) or []
        cells: list[tuple[str, ...] | None] = []
        for index, row in enumerate(rows):
            where = f"{path}.rows[{index}]"
            read = self.attempt(lambda: self.prose_list(row, where))
            if read is not None and columns is not None and len(read) != len(columns):
                self.problem(row, f"{where} has {len(read)} cells for {len(columns)} columns — give every row one cell per column")
                read = None
            cells.append(read)
        if caption is None or columns is None or not cells or None in cells:
            raise Invalid()
        return Table(caption, columns, tuple(cells))

    def figure(self, node: yaml.Node, path: str) -> Figure:
        keys = self.mapping(node, path, required=("drawing", "alt"), optional=("caption",))
        if "drawing" not in keys or "alt" not in keys:
            raise Invalid()  # the missing key is already reported
        drawing = self.attempt(lambda: self.choice(keys["drawing"], f"{path}.drawing", DRAWINGS))
        alt = self.attempt(lambda: self.prose(keys["alt"], f"{path}.alt"))
        caption = self.attempt(lambda: self.prose(keys["caption"], f"{path}.caption")) if "caption" in keys else None
        if drawing is None or alt is None or ("caption" in keys and caption is None):
            raise Invalid()
        return Figure(drawing, alt, caption)

    def section(self, node: yaml.Node, path: str) -> Section:
        keys = self.mapping(node, path, required=("heading", "blocks"))
        heading = self.attempt(lambda: self.prose(keys["heading"], f"{path}.heading")) if "heading" in keys else None
        blocks = tuple(self.items(keys["blocks"], f"{path}.blocks", self.block)) if "blocks" in keys else ()
        if heading is None or not blocks:
            raise Invalid()
        return Section(heading, blocks)

    def reference(self, node: yaml.Node, path: str) -> tuple[Reference, yaml.Node]:
        keys = self.mapping(node, path, required=("key", "text"), optional=("url",))
        key = self.attempt(lambda: self.text(keys["key"], f"{path}.key")) if "key" in keys else None
        if key is not None and not REFERENCE_KEY.fullmatch(key):
            self.problem(keys["key"], f"{path}.key {key!r} may use only letters, digits and '-'")
            key = None
        text = self.attempt(lambda: self.text(keys["text"], f"{path}.text")) if "text" in keys else None
        url = None
        if "url" in keys:
            url = self.attempt(lambda: self.text(keys["url"], f"{path}.url"))
            if url is not None and not re.fullmatch(r"https?://\S+", url):
                self.problem(keys["url"], f"{path}.url must start with https:// or http://")
        if key is None or text is None:
            raise Invalid()
        return Reference(key, text, url), keys["key"]


def load_handout(path: Path, text: str | None = None) -> Handout:
    """Read and validate one handout file (or `text` said to come from it); raise ContentError listing every problem."""
    reader = _HandoutReader(path)
    handout = reader.attempt(lambda: _read_handout(reader, compose_file(reader, text)))
    if reader.problems or handout is None:
        raise ContentError(reader.problems or [Problem(reader.where, "could not be read")])
    return handout


def _read_handout(reader: _HandoutReader, root: yaml.Node) -> Handout:
    keys = reader.mapping(
        root,
        "",
        required=("id", "title", "review", "key_points", "sections", "questions", "references"),
        optional=("get_help",),
    )

    def field_of(name: str, read):
        return reader.attempt(lambda: read(keys[name], name)) if name in keys else None

    handout_id = field_of("id", reader.text)
    if handout_id is not None:
        if not HANDOUT_ID.fullmatch(handout_id):
            reader.problem(keys["id"], f"id {handout_id!r} may use only lowercase letters, digits and '-'")
        elif handout_id != reader.path.stem:
            reader.problem(keys["id"], f"id {handout_id!r} does not match the file name — rename the file to {handout_id}.yaml or fix the id")
    title = field_of("title", reader.prose)
    review = field_of("review", reader.review)
    key_points = field_of("key_points", reader.prose)
    sections = field_of("sections", lambda n, p: tuple(reader.items(n, p, reader.section, min_items=3, max_items=6)))
    questions = field_of("questions", lambda n, p: reader.prose_list(n, p, min_items=2, max_items=8))
    get_help = field_of("get_help", lambda n, p: reader.callout(n, p, kind=CalloutKind.EMERGENCY))
    read_refs = field_of("references", lambda n, p: tuple(reader.items(n, p, reader.reference)))
    references = _check_references(reader, read_refs or ())
    if None in (handout_id, title, review, key_points, sections, questions, read_refs):
        raise Invalid()
    return Handout(
        id=handout_id,
        title=title,
        review=review,
        key_points=key_points,
        sections=sections,
        questions=questions,
        references=references,
        get_help=get_help,
        source=reader.path,
        text_lines=reader.text_lines,
    )


def _check_references(reader: _HandoutReader, read: tuple[tuple[Reference, yaml.Node], ...]) -> tuple[Reference, ...]:
    """Citation keys must resolve, reference keys must be unique, and every reference must be cited."""
    known: dict[str, Reference] = {}
    for reference, key_node in read:
        if reference.key in known:
            reader.problem(key_node, f"reference key {reference.key!r} is used twice — give each reference its own key")
        known[reference.key] = reference
    cited = {key for key, _ in reader.citations}
    for key, line in reader.citations:
        if key not in known:
            listed = ", ".join(known) or "none"
            reader.problems.append(
                Problem(reader.where, f"citation [@{key}] does not match any reference key (known: {listed}) — fix the key or add the reference", line)
            )
    for reference, key_node in read:
        if reference.key not in cited and reader.all_markup_read:
            reader.problem(key_node, f"reference {reference.key!r} is never cited — cite it with [@{reference.key}] or remove it")
    return tuple(known.values())


@dataclass(frozen=True)
class HandoutSet:
    """The handouts of a folder: those that loaded, and the problems of each file that did not."""

    handouts: tuple[Handout, ...]
    failures: dict[str, tuple[Problem, ...]]  # handout id (file name without .yaml) → its problems

    @property
    def problems(self) -> list[Problem]:
        return [problem for problems in self.failures.values() for problem in problems]

    @property
    def ids(self) -> list[str]:
        return sorted({h.id for h in self.handouts} | set(self.failures))


def handout_paths(folder: Path, wanted: tuple[str, ...] = ()) -> dict[str, Path]:
    """handout id → its file: every handouts/*.yaml, or the wanted ones (an unknown id is a usage error)."""
    paths = {path.stem: path for path in sorted(folder.glob("*.yaml"))}
    if not paths:
        raise ContentError([Problem(display_path(folder), "holds no handout files (*.yaml) — add one, see handouts/README.md")])
    unknown = [name for name in wanted if name not in paths]
    if unknown:
        raise UsageError(f"unknown handout {', '.join(unknown)} — available: {', '.join(paths)}")
    return {name: path for name, path in paths.items() if not wanted or name in wanted}


def load_handouts(folder: Path, wanted: tuple[str, ...] = ()) -> HandoutSet:
    """Load handouts/*.yaml (only the `wanted` ids when some are named), past broken files.

    Every broken file is reported, not just the first. Only the wanted files are read, so that
    building one handout does not pay for parsing the others; an unknown id is a usage error.
    """
    try:
        paths = handout_paths(folder, wanted)
    except ContentError as error:
        return HandoutSet((), {"": tuple(error.problems)})
    handouts: list[Handout] = []
    failures: dict[str, tuple[Problem, ...]] = {}
    for name, path in paths.items():
        try:
            handouts.append(load_handout(path))
        except ContentError as error:
            failures[name] = tuple(p for p in error.problems if isinstance(p, Problem))
    return HandoutSet(tuple(handouts), failures)
