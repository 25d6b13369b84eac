"""Incremental builds: a document is rebuilt only when something it is made from has changed.

A document's key is a SHA-256 over everything that decides its bytes: the code (every module
of this package and the versions of the libraries that draw, shape and write the PDF), the
handout's YAML, the language's catalog (.po and .mo), the brand file and its logo, the fonts,
and the layout options. The cache keeps the last PDF built for each document *slot*
(language, handout, variant, paper option) under `.hfs-pdf-cache/` in the project folder, with
its page-1 thumbnail once a release has asked for one, so it never holds more than one PDF per
slot and needs no pruning.

Reading files to hash them is the slow part of an up-to-date build, so file digests are
remembered by (size, modification time) in `digests.json` — the way make trusts mtimes, but a
touched file whose bytes did not change does not force a rebuild.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable

from hfs_pdf import __version__
from hfs_pdf.errors import OutputError
from hfs_pdf.model import Paper, Variant
from hfs_pdf.publish.files import write_atomic

CACHE_DIR_NAME = ".hfs-pdf-cache"

RENDERING_LIBRARIES = (
    "reportlab", "rl_accel", "pikepdf", "uharfbuzz", "pyicu-wheels", "fonttools", "babel", "svglib", "coloraide",
    "pyyaml", "pypdfium2", "pillow",
)
"""Distributions whose version can change a PDF's or thumbnail's bytes (layout, shaping, line
breaking and bidi rules, PDF writing, locale data, page rendering)."""

_PACKAGE_DIR = Path(__file__).resolve().parent

RACY_NS = 3_000_000_000
"""A file changed this recently (3 s) could change again within its file system's time
resolution without its mtime moving, so its digest is not remembered (git's "racy" rule)."""


@dataclass(frozen=True)
class CachedDocument:
    """What a build reports about a document, kept beside its PDF so a cache hit can report it too."""

    key: str
    pages: int
    title: str
    warnings: tuple[str, ...] = ()
    reviewed_by: str | None = None  # the translation's human reviewer, as the catalog said
    translation_status: str = "source"  # as Localization.review_status said


@dataclass(frozen=True)
class Slot:
    """One document the cache can hold: language × handout × variant × paper option."""

    locale: str
    handout_id: str
    variant: Variant
    paper: Paper | None  # None: the brand's paper (the brand file is part of the key)
    brand: str = "demo"  # the brand file's name: a health system's clinics keep their own cached copies

    @property
    def stem(self) -> str:
        paper = self.paper.value if self.paper else "brand"
        return f"{self.brand}/{self.locale}/{self.handout_id}.{self.variant.value}.{paper}"


class BuildCache:
    """The project's cache folder: PDFs by slot, their keys, and remembered file digests."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._digests_path = folder / "digests.json"
        try:
            remembered = json.loads(self._digests_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            remembered = {}  # no cache yet, or a damaged one: start again
        self._digests: dict[str, list] = {
            name: entry for name, entry in (remembered.items() if isinstance(remembered, dict) else ())
            if isinstance(entry, list) and len(entry) == 3
        }
        self._changed = False
        self._code: str | None = None
        self.unwritable: OutputError | None = None  # set when the folder refused a write

    # -- digests ---------------------------------------------------------------------------------

    def file_digest(self, path: Path) -> str:
        """SHA-256 of a file's bytes ("missing" when it does not exist), remembered by size and mtime."""
        try:
            stat = path.stat()
        except OSError:
            return "missing"
        name = str(path.resolve())
        remembered = self._digests.get(name)
        if remembered and remembered[0] == stat.st_size and remembered[1] == stat.st_mtime_ns:
            return remembered[2]
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return "unreadable"  # the build that follows reports why, with the file's name
        if time.time_ns() - stat.st_mtime_ns > RACY_NS:
            self._digests[name] = [stat.st_size, stat.st_mtime_ns, digest]
            self._changed = True
        return digest

    def code_digest(self) -> str:
        """This package's source and the rendering libraries' versions: a new release rebuilds all."""
        if self._code is None:
            from importlib.metadata import PackageNotFoundError, version

            parts = [f"hfs-pdf {__version__}", f"python {sys.version_info[:2]}"]
            for name in RENDERING_LIBRARIES:
                try:
                    parts.append(f"{name} {version(name)}")
                except PackageNotFoundError:
                    parts.append(f"{name} absent")
            for path in sorted(_PACKAGE_DIR.rglob("*.py")):
                parts.append(f"{path.relative_to(_PACKAGE_DIR).as_posix()} {self.file_digest(path)}")
            self._code = _digest(parts)
        return self._code

    def document_key(self, inputs: Iterable[Path], *settings: str) -> str:
        """The key of one document: the code, the digests of its input files, its settings."""
        parts = [self.code_digest(), *settings]
        parts.extend(f"{path.name} {self.file_digest(path)}" for path in inputs)
        return _digest(parts)

    # -- documents -------------------------------------------------------------------------------

    def get(self, slot: Slot, key: str) -> tuple[bytes, CachedDocument, bytes | None] | None:
        """The slot's PDF, report and thumbnail (if one was made) when built from exactly `key`, else None."""
        base = self.folder / slot.stem
        try:
            meta = json.loads(base.with_name(base.name + ".json").read_text(encoding="utf-8"))
            if meta.get("key") != key:
                return None
            data = base.with_name(base.name + ".pdf").read_bytes()
            document = CachedDocument(
                meta["key"], int(meta["pages"]), str(meta["title"]), tuple(meta.get("warnings", ())), meta.get("reviewed_by"),
                str(meta.get("translation_status", "source")),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing, or not what this cache writes: build afresh
        if hashlib.sha256(data).hexdigest() != meta.get("sha256"):
            return None  # a damaged or edited cache file is rebuilt, never served
        thumbnail = None
        if meta.get("thumbnail_sha256"):
            try:
                thumbnail = base.with_name(base.name + ".png").read_bytes()
            except OSError:
                pass
            if thumbnail is not None and hashlib.sha256(thumbnail).hexdigest() != meta["thumbnail_sha256"]:
                thumbnail = None
        return data, document, thumbnail

    def put(self, slot: Slot, data: bytes, document: CachedDocument, thumbnail: bytes | None = None) -> None:
        """Keep a freshly built document. A cache that cannot be written (a read-only project
        folder) only costs speed: the build goes on, and says so once (`unwritable`)."""
        base = self.folder / slot.stem
        meta = {**asdict(document), "sha256": hashlib.sha256(data).hexdigest()}
        if thumbnail is not None:
            meta["thumbnail_sha256"] = hashlib.sha256(thumbnail).hexdigest()
        try:
            write_atomic(base.with_name(base.name + ".pdf"), data)
            if thumbnail is not None:
                write_atomic(base.with_name(base.name + ".png"), thumbnail)
            write_atomic(base.with_name(base.name + ".json"), json.dumps(meta, ensure_ascii=False, indent=1).encode())
        except OutputError as error:
            self.unwritable = self.unwritable or error

    def save(self) -> None:
        """Keep the remembered digests for the next run (only when some were added)."""
        if self._changed and self.unwritable is None:
            kept = {name: entry for name, entry in self._digests.items() if Path(name).exists()}  # forget moved files
            try:
                write_atomic(self._digests_path, json.dumps(kept, sort_keys=True).encode())
            except OutputError as error:
                self.unwritable = error
            self._changed = False


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def brand_inputs(brand_path: Path) -> list[Path]:
    """The brand file and the logo it names (found without validating the brand: a broken brand
    file gives a key no build has stored, so the build that follows reports its problems)."""
    import yaml

    inputs = [brand_path]
    try:
        data = yaml.load(brand_path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        logo = data.get("logo") if isinstance(data, dict) else None
        if isinstance(logo, dict) and isinstance(logo.get("file"), str):
            inputs.append(brand_path.parent / logo["file"])
        taglines = data.get("taglines") if isinstance(data, dict) else None
        if isinstance(taglines, dict) and taglines.get("on_handouts") is True:  # printed on handouts: their text and fonts
            from hfs_pdf.content.taglines import TAGLINES_FILE
            from hfs_pdf.fonts import FONTS_DIR

            inputs.append(TAGLINES_FILE)
            inputs.extend(sorted((FONTS_DIR / "taglines").glob("*.ttf")))
    except (OSError, ValueError, yaml.YAMLError):
        pass
    return inputs
