"""Brand colours → every text/background pair the layout paints, with its WCAG 2.2 contrast.

Shared by the brand loader (which rejects a brand whose pairs fall short) and the layout (which
paints exactly these pairs), so the check and the drawing can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from hfs_pdf.model import BrandColors, CalloutKind

WCAG_AA_TEXT = 4.5
"""WCAG 2.2 AA minimum for body-size text (SC 1.4.3)."""

CALLOUT_TINTS: dict[CalloutKind, tuple[str, str]] = {
    # kind: (background tint, title and border colour)
    CalloutKind.TIP: ("#E9F4EC", "#1B5E31"),
    CalloutKind.WARNING: ("#FFF3D6", "#6B4300"),
    CalloutKind.EMERGENCY: ("#FCE8E8", "#A1121B"),
}


@dataclass(frozen=True)
class ColorPair:
    use: str
    foreground: str
    background: str
    brand_keys: tuple[str, ...]  # the brand colours this pair is made of, for the error's line

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.foreground, self.background)


def contrast_ratio(foreground: str, background: str) -> float:
    from coloraide import Color  # 70 ms to import: paid only by commands that check or paint colours

    return Color(foreground).contrast(Color(background), method="wcag21")


def tint(color: str, background: str, amount: float) -> str:
    """A light wash of `color` over `background` (amount 0–1), for boxes behind text."""
    from coloraide import Color

    mixed = Color(background).mix(Color(color), amount, space="srgb")
    return mixed.convert("srgb").to_string(hex=True)


def key_points_background(colors: BrandColors) -> str:
    return tint(colors.primary, colors.background, 0.08)


def text_pairs(colors: BrandColors) -> list[ColorPair]:
    """Every pair of text colour and the colour behind it that a handout prints."""
    pairs = [
        ColorPair("body text on the page", colors.text, colors.background, ("text", "background")),
        ColorPair("headings on the page", colors.primary, colors.background, ("primary", "background")),
        ColorPair("clinic name on the header band", colors.on_primary, colors.primary, ("on_primary", "primary")),
        ColorPair("key points text on its box", colors.text, key_points_background(colors), ("text", "primary", "background")),
    ]
    for kind, (background, title) in CALLOUT_TINTS.items():
        pairs.append(ColorPair(f"{kind.value} box text", colors.text, background, ("text",)))
    return pairs


def fixed_pairs() -> list[ColorPair]:
    """Pairs that do not depend on the brand (call-out titles): checked by the test suite."""
    return [ColorPair(f"{kind.value} box title", title, background, ()) for kind, (background, title) in CALLOUT_TINTS.items()]
