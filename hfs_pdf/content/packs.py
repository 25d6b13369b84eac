"""packs/*.yaml → a validated `Pack`: which handouts, languages, copies and paper a print run needs.

A pack names handouts by id and languages by any spelling `--lang` accepts (es, zh-Hant, pt-BR);
both are checked against the project, with the file and line of each mistake.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from hfs_pdf.content.yamlsource import Invalid, Reader, compose_file
from hfs_pdf.errors import HfsPdfError, PackError, Problem
from hfs_pdf.i18n.locales import resolve_locales
from hfs_pdf.model import Pack, PackItem, Paper, Variant

MAX_COPIES = 500
"""More than this many copies of one handout is almost certainly a typo (5000 for 50)."""


class _PackReader(Reader):
    def __init__(self, path: Path, handout_ids: list[str], locales: list[str]):
        super().__init__(path)
        self.handout_ids, self.locales = handout_ids, locales

    def language(self, node: yaml.Node, path: str) -> str:
        word = self.text(node, path)
        try:
            return resolve_locales((word,), self.locales)[0]
        except HfsPdfError as error:
            raise self.fail(node, f"{path}: {error.problems[0]}".replace("--lang ", ""))

    def languages(self, node: yaml.Node, path: str) -> tuple[str, ...]:
        found: list[str] = []
        for index, item in enumerate(self.sequence(node, path)):
            locale = self.attempt(lambda item=item, index=index: self.language(item, f"{path}[{index}]"))
            if locale in found:
                self.problem(item, f"{path}[{index}] repeats {locale} — list each language once")
            elif locale is not None:
                found.append(locale)
        return tuple(found)

    def item(self, node: yaml.Node, path: str) -> PackItem:
        keys = self.mapping(node, path, required=("handout", "copies"), optional=("variant", "languages"))
        handout = self.attempt(lambda: self.text(keys["handout"], f"{path}.handout")) if "handout" in keys else None
        if handout is not None and handout not in self.handout_ids:
            self.problem(keys["handout"], f"{path}.handout {handout!r} is not a handout — use one of: {', '.join(self.handout_ids)}")
            handout = None
        copies = self.attempt(lambda: self.integer(keys["copies"], f"{path}.copies", 1, MAX_COPIES)) if "copies" in keys else None
        variant = Variant.STANDARD
        if "variant" in keys:
            chosen = self.attempt(lambda: self.choice(keys["variant"], f"{path}.variant", tuple(v.value for v in Variant)))
            variant = Variant(chosen) if chosen else None
        languages = self.attempt(lambda: self.languages(keys["languages"], f"{path}.languages")) if "languages" in keys else ()
        if handout is None or copies is None or variant is None or languages is None:
            raise Invalid()
        return PackItem(handout, copies, variant, languages or None)


def load_pack(path: Path, handout_ids: list[str], locales: list[str]) -> Pack:
    """Read and validate a pack file against the project's handouts and languages; PackError lists every problem."""
    reader = _PackReader(path, handout_ids, locales)
    pack = reader.attempt(lambda: _read_pack(reader, compose_file(reader)))
    if reader.problems or pack is None:
        raise PackError(reader.problems or [Problem(reader.where, "could not be read")])
    return pack


def _read_pack(reader: _PackReader, root: yaml.Node) -> Pack:
    keys = reader.mapping(root, "", required=("name", "languages", "handouts"), optional=("paper", "duplex", "separators", "taglines"))
    name = reader.attempt(lambda: reader.text(keys["name"], "name")) if "name" in keys else None
    paper = Paper.LETTER
    if "paper" in keys:
        chosen = reader.attempt(lambda: reader.choice(keys["paper"], "paper", tuple(p.value for p in Paper)))
        paper = Paper(chosen) if chosen else None
    duplex = reader.attempt(lambda: reader.boolean(keys["duplex"], "duplex")) if "duplex" in keys else True
    separators = reader.attempt(lambda: reader.boolean(keys["separators"], "separators")) if "separators" in keys else True
    taglines = reader.attempt(lambda: reader.boolean(keys["taglines"], "taglines")) if "taglines" in keys else False
    languages = reader.attempt(lambda: reader.languages(keys["languages"], "languages")) if "languages" in keys else None
    items = tuple(reader.items(keys["handouts"], "handouts", reader.item)) if "handouts" in keys else ()
    if None in (name, paper, duplex, separators, taglines, languages) or reader.problems:
        raise Invalid()
    seen: set[tuple[str, Variant]] = set()
    for index, (item, node) in enumerate(zip(items, keys["handouts"].value)):
        if (item.handout_id, item.variant) in seen:
            reader.problem(node, f"handouts[{index}] lists {item.handout_id} ({item.variant.value}) again — add the copies up in one entry")
        seen.add((item.handout_id, item.variant))
    if reader.problems:
        raise Invalid()
    return Pack(name, paper, duplex, separators, languages, items, source=reader.path, taglines=taglines)
