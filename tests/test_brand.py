"""Stage 1, LOAD: brand files — clinic details, logo and colours that must pass WCAG AA contrast."""

from __future__ import annotations

import shutil
from pathlib import Path


from hfs_pdf.content import load_brand
from hfs_pdf.errors import BrandError
from hfs_pdf.palette import WCAG_AA_TEXT, fixed_pairs, text_pairs

from .conftest import PROJECT, line_of, problems_of

DEMO = (PROJECT / "brands" / "demo.yaml").read_text(encoding="utf-8")


def _brand(tmp_path: Path, old: str = "", new: str = "") -> Path:
    shutil.copy(PROJECT / "brands" / "demo-logo.svg", tmp_path / "demo-logo.svg")
    assert old in DEMO
    path = tmp_path / "clinic.yaml"
    path.write_text(DEMO.replace(old, new, 1), encoding="utf-8")
    return path



def _problems(path: Path) -> list[str]:
    return problems_of(load_brand, BrandError, path)


def test_demo_brand_loads_and_every_pair_passes_aa():
    brand = load_brand(PROJECT / "brands" / "demo.yaml")
    assert brand.name == "Riverside Neurology Clinic" and brand.logo.alt
    assert all(pair.ratio >= WCAG_AA_TEXT for pair in text_pairs(brand.colors) + fixed_pairs())


def test_low_contrast_is_rejected_with_the_measured_ratio(tmp_path: Path):
    path = _brand(tmp_path, 'text: "#1A1A1A"', 'text: "#999999"')
    problems = _problems(path)
    assert problems[0] == (
        f"FILE:{line_of(path, 'text: ')}: colors: body text on the page (#999999 on #FFFFFF) has contrast 2.85:1, "
        "below the WCAG AA minimum of 4.5:1 — darken or lighten one of them"
    )
    assert all("#999999" in p for p in problems)


def test_contrast_just_above_the_aa_minimum_passes_and_just_below_fails(tmp_path: Path):
    """#767676 on white is 4.54:1, #777777 is 4.48:1: the line is 4.5:1, not 3:1 or 4:1."""
    assert load_brand(_brand(tmp_path, 'primary: "#1F4E79"', 'primary: "#767676"')).colors.primary == "#767676"
    path = _brand(tmp_path, 'primary: "#1F4E79"', 'primary: "#777777"')
    assert _problems(path) == [
        f"FILE:{line_of(path, 'primary:')}: colors: headings on the page (#777777 on #FFFFFF) has contrast 4.48:1, "
        "below the WCAG AA minimum of 4.5:1 — darken or lighten one of them",
        f"FILE:{line_of(path, 'on_primary:')}: colors: clinic name on the header band (#FFFFFF on #777777) has contrast 4.48:1, "
        "below the WCAG AA minimum of 4.5:1 — darken or lighten one of them",
    ]


def test_header_band_contrast_is_checked(tmp_path: Path):
    path = _brand(tmp_path, 'on_primary: "#FFFFFF"', 'on_primary: "#3F6E99"')
    assert _problems(path) == [
        f"FILE:{line_of(path, 'on_primary:')}: colors: clinic name on the header band (#3F6E99 on #1F4E79) has contrast 1.61:1, "
        "below the WCAG AA minimum of 4.5:1 — darken or lighten one of them"
    ]


def test_bad_colour_spelling(tmp_path: Path):
    path = _brand(tmp_path, 'accent: "#5B9BD5"', 'accent: "blue"')
    assert _problems(path) == [f"FILE:{line_of(path, 'accent:')}: colors.accent 'blue' must be a colour written #RRGGBB (in quotes)"]


def test_missing_logo(tmp_path: Path):
    path = _brand(tmp_path, "file: demo-logo.svg", "file: missing.png")
    assert _problems(path) == [
        f"FILE:{line_of(path, 'file:')}: logo.file: logo {tmp_path / 'missing.png'} not found — put the image beside the brand file or fix the name"
    ]


def test_oversized_logo(tmp_path: Path):
    path = _brand(tmp_path, "file: demo-logo.svg", "file: huge.svg")
    (tmp_path / "huge.svg").write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'>" + b" " * 600_000 + b"</svg>")
    assert _problems(path) == [f"FILE:{line_of(path, 'file:')}: logo.file: logo is 585 KiB, over the 512 KiB limit — export a smaller image"]


def test_unreadable_logo(tmp_path: Path):
    path = _brand(tmp_path, "file: demo-logo.svg", "file: broken.png")
    (tmp_path / "broken.png").write_bytes(b"not a png")
    assert _problems(path) == [f"FILE:{line_of(path, 'file:')}: logo.file: the PNG could not be read (UnidentifiedImageError) — re-export it"]


def test_a_png_damaged_after_its_header_is_caught_at_load(tmp_path: Path):
    """Its size reads fine; only decoding the pixels finds the damage (the render used to crash on it)."""
    from PIL import Image

    Image.effect_noise((300, 120), 60).convert("RGB").save(tmp_path / "logo.png")
    data = bytearray((tmp_path / "logo.png").read_bytes())
    for at in range(200, len(data) - 20, 37):
        data[at] ^= 0x5A
    (tmp_path / "logo.png").write_bytes(bytes(data))
    assert Image.open(tmp_path / "logo.png").size == (300, 120)
    path = _brand(tmp_path, "file: demo-logo.svg", "file: logo.png")
    assert _problems(path) == [f"FILE:{line_of(path, 'file:')}: logo.file: the PNG could not be read (OSError) — re-export it"]


def test_logo_needs_alt_text_or_decorative(tmp_path: Path):
    path = _brand(tmp_path, "  alt: Riverside Neurology Clinic logo, a blue river winding through a white circle\n", "")
    assert _problems(path) == [f"FILE:{line_of(path, 'file:')}: logo has no alt text — add alt: (what the logo shows), or decorative: true"]


def test_urls_must_be_web_addresses(tmp_path: Path):
    path = _brand(tmp_path, "qr_url: https://", "qr_url: javascript://")
    assert _problems(path) == [
        f"FILE:{line_of(path, 'qr_url:')}: qr_url 'javascript://riverside-neuro.example.org/hemifacial-spasm' must be a web address starting with https://"
    ]


def test_qr_url_may_fill_in_the_language_and_the_handout_only(tmp_path: Path):
    path = _brand(tmp_path, "qr_url: https://riverside-neuro.example.org/hemifacial-spasm",
                  "qr_url: https://riverside-neuro.example.org/hfs/{lang}/{handout}?clinic={clinic}")
    assert _problems(path) == [
        f"FILE:{line_of(path, 'qr_url:')}: qr_url may fill in only {{lang}} and {{handout}}; {{clinic}} cannot be "
        "filled in — remove it, or use one of those two"
    ]
    ok = _brand(tmp_path, "qr_url: https://riverside-neuro.example.org/hemifacial-spasm",
                "qr_url: https://riverside-neuro.example.org/hfs/{lang}/{handout}")
    assert load_brand(ok).qr_url == "https://riverside-neuro.example.org/hfs/{lang}/{handout}"
