"""How each stance is drawn: a Dutch label, a colour, a symbol and a fill pattern.

Colours alone never carry the meaning: each stance has its own symbol (✓ ~ – ✗ ⛔ ?)
and its own pattern, so the pictures read in black-and-white print too. Every colour
has at least 4.5:1 contrast against white (WCAG AA for text, more than the 3:1 that
graphics need), and the white symbols drawn on it have the same contrast.
"""

from __future__ import annotations

from dataclasses import dataclass

from onderhandeling.dutch.labels import STANCE_LABELS
from onderhandeling.pictures.data import Stance
from onderhandeling.pictures.svg import (
    INK,
    INNER,
    MARGIN,
    MUTED,
    SMALL,
    num,
    text,
    text_width,
    wrap,
)


@dataclass(frozen=True)
class StanceStyle:
    label: str  # Dutch, the interface's label (dutch/labels.py)
    colour: str
    mark: str  # the symbol as a character, for legends in text


STYLES: dict[Stance, StanceStyle] = {
    Stance.SUPPORTS: StanceStyle(STANCE_LABELS[Stance.SUPPORTS], "#1a7f37", "✓"),
    Stance.CONDITIONAL: StanceStyle(STANCE_LABELS[Stance.CONDITIONAL], "#8a6100", "~"),
    Stance.NEUTRAL: StanceStyle(STANCE_LABELS[Stance.NEUTRAL], "#57606a", "–"),
    Stance.OBJECTS: StanceStyle(STANCE_LABELS[Stance.OBJECTS], "#c2410c", "✗"),
    Stance.BLOCKS: StanceStyle(STANCE_LABELS[Stance.BLOCKS], "#9f1239", "⛔"),
    Stance.UNKNOWN: StanceStyle(STANCE_LABELS[Stance.UNKNOWN], "#6e7781", "?"),
}

# From agreement to refusal, unknown last: the order of legends, bars and counts.
ORDER: tuple[Stance, ...] = (
    Stance.SUPPORTS,
    Stance.CONDITIONAL,
    Stance.NEUTRAL,
    Stance.OBJECTS,
    Stance.BLOCKS,
    Stance.UNKNOWN,
)

RECONFIRM_LABEL = "opnieuw bevestigen"
RECONFIRM_EXPLANATION = (
    "Rondje in de hoek: opnieuw bevestigen. Het standpunt is gegeven op een eerdere "
    "versie van de tekst."
)


def label(stance: Stance, needs_reconfirming: bool = False) -> str:
    """ "steunt", or "steunt (opnieuw bevestigen)"."""
    base = STYLES[stance].label
    return f"{base} ({RECONFIRM_LABEL})" if needs_reconfirming else base


_WHITE = 'stroke="#ffffff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"'
_GLYPHS: dict[Stance, str] = {
    Stance.SUPPORTS: f'<path d="M-5.5 0.5L-1.5 4.5L5.5-4" fill="none" {_WHITE}/>',
    Stance.CONDITIONAL: f'<path d="M-6 1.5C-4-3-1-3 0 0S4 3 6-1.5" fill="none" {_WHITE}/>',
    Stance.NEUTRAL: f'<path d="M-5.5 0H5.5" {_WHITE}/>',
    Stance.OBJECTS: f'<path d="M-5-5L5 5M5-5L-5 5" {_WHITE}/>',
    Stance.BLOCKS: '<circle r="6.6" fill="#ffffff"/><rect x="-4.4" y="-1.5" width="8.8" '
    'height="3" fill="{colour}"/>',
    Stance.UNKNOWN: f'<text y="5" text-anchor="middle" font-size="14" font-weight="bold" '
    f'fill="{MUTED}">?</text>',
}


def symbol_id(prefix: str, stance: Stance) -> str:
    return f"{prefix}-{stance.value}"


def reconfirm_id(prefix: str) -> str:
    return f"{prefix}-reconfirm"


def symbol_defs(prefix: str) -> list[str]:
    """<symbol>s for each stance (a 20×20 tile with its glyph) and the reconfirm marker."""
    defs: list[str] = []
    for stance in ORDER:
        colour = STYLES[stance].colour
        if stance is Stance.UNKNOWN:
            tile = (
                f'<rect x="-9.2" y="-9.2" width="18.4" height="18.4" rx="3" fill="#ffffff" '
                f'stroke="{colour}" stroke-width="1.6" stroke-dasharray="3 2"/>'
            )
        else:
            tile = f'<rect x="-10" y="-10" width="20" height="20" rx="3" fill="{colour}"/>'
        glyph = _GLYPHS[stance].replace("{colour}", colour)
        defs.append(
            f'<symbol id="{symbol_id(prefix, stance)}" viewBox="-10 -10 20 20">'
            f"{tile}{glyph}</symbol>"
        )
    defs.append(
        f'<symbol id="{reconfirm_id(prefix)}" viewBox="-5 -5 10 10">'
        f'<circle r="3.6" fill="#ffffff" stroke="{INK}" stroke-width="1.6"/></symbol>'
    )
    return defs


def use_symbol(prefix: str, stance: Stance, x: float, y: float, size: float) -> str:
    """The stance tile with its top-left corner at (x, y)."""
    return (
        f'<use href="#{symbol_id(prefix, stance)}" x="{num(x)}" y="{num(y)}" '
        f'width="{num(size)}" height="{num(size)}"/>'
    )


def use_reconfirm(prefix: str, x: float, y: float, size: float) -> str:
    """The reconfirm marker in the top-right corner of a tile at (x, y) of the given size."""
    marker = size * 0.5
    return (
        f'<use href="#{reconfirm_id(prefix)}" x="{num(x + size - marker * 0.75)}" '
        f'y="{num(y - marker * 0.25)}" width="{num(marker)}" height="{num(marker)}"/>'
    )


def pattern_id(prefix: str, stance: Stance) -> str:
    return f"{prefix}-fill-{stance.value}"


_LINES: dict[Stance, str] = {
    Stance.SUPPORTS: "",
    Stance.CONDITIONAL: "M-2 2L2-2M0 8L8 0M6 10L10 6",
    Stance.NEUTRAL: "M0 4H8",
    Stance.OBJECTS: "M-2 2L2-2M0 8L8 0M6 10L10 6M-2 6L2 10M0 0L8 8M6-2L10 2",
    Stance.BLOCKS: "M4 0V8",
    Stance.UNKNOWN: "",  # dots, below
}


def pattern_defs(prefix: str) -> list[str]:
    """<pattern>s filling bar segments: the stance colour with its own white line pattern
    (unknown: coloured dots on white; supports: plain colour)."""
    defs: list[str] = []
    for stance in ORDER:
        colour = STYLES[stance].colour
        background, ink = ("#ffffff", colour) if stance is Stance.UNKNOWN else (colour, "#ffffff")
        lines = _LINES[stance]
        drawn = f'<path d="{lines}" stroke="{ink}" stroke-width="1.6"/>' if lines else ""
        if stance is Stance.UNKNOWN:
            drawn = f'<circle cx="4" cy="4" r="1.5" fill="{ink}"/>'

        defs.append(
            f'<pattern id="{pattern_id(prefix, stance)}" width="8" height="8" '
            f'patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="{background}"/>'
            f"{drawn}</pattern>"
        )
    return defs


def legend(
    prefix: str,
    *,
    x: float = MARGIN,
    y: float = MARGIN,
    width: float = INNER,
    stances: tuple[Stance, ...] = ORDER,
    with_reconfirm: bool = False,
    patterns: bool = False,
) -> tuple[list[str], float]:
    """A legend of stance tiles (or pattern swatches) with labels, in as many columns as fit;
    by default at the top of a picture, across the width between its margins.

    Returns the parts and the height used.
    """
    size = 16.0
    item_width = max(text_width(STYLES[s].label, SMALL) for s in stances) + size + 16
    columns = max(1, int(width // item_width))
    item_width = width / columns
    parts: list[str] = []
    for index, stance in enumerate(stances):
        column, row = index % columns, index // columns
        left, top = x + column * item_width, y + row * 24
        if patterns:
            parts.append(
                f'<rect x="{num(left)}" y="{num(top)}" width="{num(size)}" height="{num(size)}" '
                f'fill="url(#{pattern_id(prefix, stance)})" stroke="{MUTED}" '
                f'stroke-width="0.8"/>'
            )
        else:
            parts.append(use_symbol(prefix, stance, left, top, size))
        parts.append(text(left + size + 6, top + 12.5, STYLES[stance].label, size=SMALL))
    rows = (len(stances) + columns - 1) // columns
    height = rows * 24.0
    if with_reconfirm:
        top = y + height + 2
        parts.append(
            f'<use href="#{reconfirm_id(prefix)}" x="{num(x)}" y="{num(top)}" '
            'width="14" height="14"/>'
        )
        lines = wrap(RECONFIRM_EXPLANATION, width - 22, SMALL)
        for number, content in enumerate(lines):
            parts.append(text(x + 22, top + 11 + number * 16, content, size=SMALL))
        height += 6 + 16 * len(lines)
    return parts, height
