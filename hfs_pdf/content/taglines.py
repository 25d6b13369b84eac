"""translations/taglines.yaml → the language-assistance taglines, one per language, checked.

US rules (45 CFR 92.11) ask a clinic to say, in the top languages of its state, that free
language help exists. Each tagline is written in its own language and script; the file ships with
hfs-pdf (like its fonts), and a brand picks the languages it prints (`taglines:` in its file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import icu
import yaml

from hfs_pdf.content.yamlsource import Invalid, Reader, compose_file
from hfs_pdf.errors import ContentError, Problem
from hfs_pdf.model import Tagline
from hfs_pdf.resources import data_root

TAGLINES_FILE = data_root() / "translations" / "taglines.yaml"

NATIONAL_TOP_15 = ("es", "zh_Hant", "vi", "ko", "tl", "ru", "ar", "ht", "fr", "pl", "pt", "it", "de", "ja", "fa")
"""The languages of the CMS national taglines (the top 15 in the US): a brand's default list."""

PHONE = "{clinic_phone}"
_REVIEWED_BY = re.compile(r"^#\s*Reviewed-By:[ \t]*(.*)$", re.MULTILINE)
_NEUTRAL_SCRIPTS = ("Zyyy", "Zinh", "Zzzz")  # common punctuation and digits, combining marks


@dataclass(frozen=True)
class TaglineSet:
    taglines: dict[str, Tagline]
    source: Path
    reviewed_by: str | None
    machine_drafted: bool


def script_of(text: str) -> tuple[str, bool]:
    """The script of a text's letters (ISO 15924, from ICU) and whether it runs right to left.

    Latin counts only when nothing else is there: a Hindi tagline may carry a Latin word, and
    the {clinic_phone} placeholder is Latin too."""
    counts: dict[str, int] = {}
    right_to_left: dict[str, bool] = {}
    for char in text.replace(PHONE, ""):
        script = icu.Script.getScript(ord(char))
        name = script.getShortName()
        if name in _NEUTRAL_SCRIPTS:
            continue
        counts[name] = counts.get(name, 0) + 1
        right_to_left[name] = script.isRightToLeft()
    if not counts:
        return "Latn", False
    non_latin = {name: count for name, count in counts.items() if name != "Latn"}
    chosen = max(non_latin or counts, key=lambda name: (non_latin or counts)[name])
    return chosen, right_to_left[chosen]


@lru_cache(maxsize=4)
def load_taglines(path: Path = TAGLINES_FILE) -> TaglineSet:
    """Read and check the taglines file; a problem names the file and line."""
    reader = Reader(path)
    found = reader.attempt(lambda: _read(reader, compose_file(reader)))
    if reader.problems or found is None:
        raise ContentError(reader.problems or [Problem(reader.where, "could not be read")])
    header = "\n".join(line for line in reader.lines if line.startswith("#"))
    match = _REVIEWED_BY.search(header)
    return TaglineSet(found, path, (match.group(1).strip() or None) if match else None, "machine-drafted" in header)


def _read(reader: Reader, root: yaml.Node) -> dict[str, Tagline]:
    keys = reader.mapping(root, "", required=("taglines",))
    node = keys["taglines"]
    if not isinstance(node, yaml.MappingNode) or not node.value:
        raise reader.fail(node, "taglines must map language codes to {name, text}")
    found: dict[str, Tagline] = {}
    for key_node, value_node in node.value:
        code = str(key_node.value)
        if code in found:
            reader.problem(key_node, f"taglines.{code} is given twice — keep one of them")
            continue
        tagline = reader.attempt(lambda: _tagline(reader, code, key_node, value_node))
        if tagline is not None:
            found[code] = tagline
    if reader.problems:
        raise Invalid()
    return found


def _tagline(reader: Reader, code: str, key_node: yaml.Node, node: yaml.Node) -> Tagline:
    path = f"taglines.{code}"
    if not re.fullmatch(r"[a-z]{2,3}(_[A-Z][a-z]{3})?(_[A-Z]{2})?", code):
        raise reader.fail(key_node, f"{path}: {code!r} is not a language code such as es, zh_Hant or pt_BR")
    keys = reader.mapping(node, path, required=("name", "text"))
    name = reader.text(keys["name"], f"{path}.name")
    text = reader.text(keys["text"], f"{path}.text")
    if text.count(PHONE) != 1:
        raise reader.fail(keys["text"], f"{path}.text must say {PHONE} exactly once (the clinic's number goes there)")
    stray = re.findall(r"\{[^{}]*\}|[{}]", text.replace(PHONE, ""))
    if stray:
        raise reader.fail(keys["text"], f"{path}.text has {', '.join(stray)}, which cannot be filled in — only {PHONE} can")
    if re.search(r"\d", text.replace(PHONE, "")):
        raise reader.fail(keys["text"], f"{path}.text has digits of its own — the only number is the clinic's, {PHONE}")
    script, right_to_left = script_of(name + " " + text)
    return Tagline(code, name, text, script, right_to_left, key_node.start_mark.line + 1)


def choose(taglines: TaglineSet, languages: tuple[str, ...]) -> list[Tagline]:
    """The brand's languages, in its order (checked when the brand was read)."""
    return [taglines.taglines[code] for code in languages]
