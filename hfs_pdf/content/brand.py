"""brands/*.yaml → a validated `Brand`: clinic details, logo and colours that pass WCAG AA."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from hfs_pdf.content.yamlsource import Invalid, Reader, compose_file
from hfs_pdf.errors import BrandError, Problem
from hfs_pdf.model import Brand, BrandColors, Logo, Paper, TaglineChoice
from hfs_pdf.palette import WCAG_AA_TEXT, text_pairs

LOGO_MAX_BYTES = 512 * 1024
"""A logo prints about 2 cm tall; anything bigger than this is an unoptimised source file."""
LOGO_MIN_PIXELS, LOGO_MAX_PIXELS = 64, 4000
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")
_COLOR_KEYS = ("primary", "on_primary", "text", "background", "accent")


class _BrandReader(Reader):
    def url(self, node: yaml.Node, path: str) -> str:
        value = self.text(node, path)
        if not re.fullmatch(r"https?://[^\s/]+\S*", value):
            raise self.fail(node, f"{path} {value!r} must be a web address starting with https://")
        return value

    def color(self, node: yaml.Node, path: str) -> str:
        value = self.text(node, path)
        if not _HEX.fullmatch(value):
            raise self.fail(node, f"{path} {value!r} must be a colour written #RRGGBB (in quotes)")
        return value.upper()

    def colors(self, node: yaml.Node, path: str) -> BrandColors:
        keys = self.mapping(node, path, required=_COLOR_KEYS)
        values = {name: self.attempt(lambda n=name: self.color(keys[n], f"{path}.{n}")) for name in keys}
        if len(values) != len(_COLOR_KEYS) or None in values.values():
            raise Invalid()
        colors = BrandColors(**values)
        for pair in text_pairs(colors):
            if pair.ratio < WCAG_AA_TEXT:
                self.problem(
                    keys[pair.brand_keys[0]],
                    f"{path}: {pair.use} ({pair.foreground} on {pair.background}) has contrast "
                    f"{pair.ratio:.2f}:1, below the WCAG AA minimum of {WCAG_AA_TEXT}:1 — darken or lighten one of them",
                )
        return colors

    def taglines(self, node: yaml.Node, path: str) -> TaglineChoice:
        """`taglines: {languages: [es, zh_Hant, …], on_handouts: true}`; languages default to the national top 15."""
        from hfs_pdf.content.taglines import NATIONAL_TOP_15

        keys = self.mapping(node, path, required=(), optional=("languages", "on_handouts"))
        problems = len(self.problems)
        languages = _tagline_languages(self, keys["languages"], f"{path}.languages") if "languages" in keys else NATIONAL_TOP_15
        on_handouts = self.attempt(lambda: self.boolean(keys["on_handouts"], f"{path}.on_handouts")) if "on_handouts" in keys else False
        if len(self.problems) > problems:
            raise Invalid()
        return TaglineChoice(languages, bool(on_handouts))

    def logo(self, node: yaml.Node, path: str) -> Logo:
        keys = self.mapping(node, path, required=("file",), optional=("alt", "decorative"))
        if "file" not in keys:
            raise Invalid()  # reported by mapping
        name = self.text(keys["file"], f"{path}.file")
        decorative = self.boolean(keys["decorative"], f"{path}.decorative") if "decorative" in keys else False
        alt = self.attempt(lambda: self.text(keys["alt"], f"{path}.alt")) if "alt" in keys else None
        if alt is None and not decorative:
            raise self.fail(node, f"{path} has no alt text — add alt: (what the logo shows), or decorative: true")
        file = (self.path.parent / name).resolve()
        self._check_logo_file(keys["file"], f"{path}.file", file)
        return Logo(file, alt, decorative)

    def _check_logo_file(self, node: yaml.Node, path: str, file: Path) -> None:
        if file.suffix.lower() not in (".png", ".svg"):
            raise self.fail(node, f"{path} {file.name!r} must be a .png or .svg image")
        if not file.is_file():
            raise self.fail(node, f"{path}: logo {file} not found — put the image beside the brand file or fix the name")
        size = file.stat().st_size
        if size > LOGO_MAX_BYTES:
            raise self.fail(
                node, f"{path}: logo is {size // 1024} KiB, over the {LOGO_MAX_BYTES // 1024} KiB limit — export a smaller image"
            )
        problem = _logo_problem(file)
        if problem:
            raise self.fail(node, f"{path}: {problem}")


def _tagline_languages(reader: "_BrandReader", node: yaml.Node, path: str) -> tuple[str, ...]:
    from hfs_pdf.content.taglines import load_taglines

    known = load_taglines().taglines
    codes: list[str] = []
    for index, item in enumerate(reader.sequence(node, path)):
        code = reader.attempt(lambda item=item, index=index: reader.text(item, f"{path}[{index}]"))
        if code is None:
            continue
        if code not in known:
            reader.problem(item, f"{path}[{index}]: no tagline in {code!r} — use one of: {', '.join(sorted(known))}")
        elif code in codes:
            reader.problem(item, f"{path}[{index}]: {code!r} is listed twice — keep one")
        else:
            codes.append(code)
    return tuple(codes)


def _logo_problem(file: Path) -> str | None:
    """Open the image the way the layout will, so a broken logo fails at load, not mid-render."""
    if file.suffix.lower() == ".svg":
        from hfs_pdf.images import load_svg

        return None if load_svg(file) is not None else "the SVG could not be read — check it opens in a browser"
    from PIL import Image

    try:
        with Image.open(file) as image:
            image.load()  # decode every pixel: a damaged file can have a sound header
            width, height = image.size
    except Exception as error:  # Pillow raises many types for a bad image; all mean the same here
        return f"the PNG could not be read ({error.__class__.__name__}) — re-export it"
    if min(width, height) < LOGO_MIN_PIXELS or max(width, height) > LOGO_MAX_PIXELS:
        return (
            f"the PNG is {width}×{height} pixels — use {LOGO_MIN_PIXELS} to {LOGO_MAX_PIXELS} pixels a side "
            "(a logo prints about 2 cm tall)"
        )
    return None


QR_FIELDS = ("lang", "handout")
"""What a brand's qr_url may fill in, so each handout and language can lead to its own page."""


def qr_address(template: str, lang: str, handout_id: str) -> str:
    """The QR code's address for one document: `{lang}` is the BCP 47 tag (es, zh-Hans, pt-BR)."""
    return template.replace("{lang}", lang).replace("{handout}", handout_id)


def load_brand(path: Path) -> Brand:
    """Read and validate one brand file; raise BrandError listing every problem in it."""
    reader = _BrandReader(path)
    brand = reader.attempt(lambda: _read_brand(reader, compose_file(reader)))
    if reader.problems or brand is None:
        raise BrandError(reader.problems or [Problem(reader.where, "could not be read")])
    return brand


def _read_brand(reader: _BrandReader, root: yaml.Node) -> Brand:
    texts = ("id", "name", "department", "address", "phone", "emergency_number")
    urls = ("website", "qr_url")
    keys = reader.mapping(root, "", required=texts + urls + ("colors",), optional=("logo", "paper", "taglines"))
    values: dict[str, object] = {}
    for name in texts:
        if name in keys:
            values[name] = reader.attempt(lambda n=name: reader.text(keys[n], n))
    for name in urls:
        if name in keys:
            values[name] = reader.attempt(lambda n=name: reader.url(keys[n], n))
    if values.get("qr_url"):
        fields = re.findall(r"\{([^{}]*)\}", values["qr_url"])
        leftover = re.sub(r"\{[^{}]*\}", "", values["qr_url"])
        unknown = [f"{{{field}}}" for field in fields if field not in QR_FIELDS] + (["a lone brace"] if "{" in leftover or "}" in leftover else [])
        if unknown:
            reader.problem(keys["qr_url"], f"qr_url may fill in only {{lang}} and {{handout}}; {', '.join(unknown)} "
                           "cannot be filled in — remove it, or use one of those two")
            values["qr_url"] = None
    if "colors" in keys:
        values["colors"] = reader.attempt(lambda: reader.colors(keys["colors"], "colors"))
    values["logo"] = reader.attempt(lambda: reader.logo(keys["logo"], "logo")) if "logo" in keys else None
    if "paper" in keys:
        paper = reader.attempt(lambda: reader.choice(keys["paper"], "paper", tuple(p.value for p in Paper)))
        values["paper"] = Paper(paper) if paper else None
    if "taglines" in keys:
        values["taglines"] = reader.attempt(lambda: reader.taglines(keys["taglines"], "taglines"))
        if values["taglines"] is None:
            raise Invalid()
    if any(values.get(name) is None for name in texts + urls + ("colors",)) or ("logo" in keys and values["logo"] is None):
        raise Invalid()
    if "paper" in keys and values["paper"] is None:
        raise Invalid()
    return Brand(source=reader.path, **values)
