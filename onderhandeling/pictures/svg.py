"""Shared SVG helpers: escaping, numbers, text measuring, the document frame (time axes are
in timeaxis.py).

Everything is drawn with presentation attributes, never ``style`` attributes or
``<style>`` elements: the site's Content-Security-Policy forbids inline styles.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

INK = "#1f2328"  # text and strong lines: 15.8:1 on white
MUTED = "#57606a"  # secondary text and axes: 6.4:1 on white
GRID = "#d0d7de"  # decorative grid lines only
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif"
FONT_SIZE = 14
SMALL = 13

# Characters XML 1.0 does not allow at all (C0 controls except tab, newline, return;
# lone surrogates; U+FFFE and U+FFFF): dropped, or the SVG would not parse.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NOT_ID = re.compile(r"[^A-Za-z0-9_-]")


def esc(text: object) -> str:
    """Escape text for an XML text node or a double- or single-quoted attribute."""
    return html.escape(_NOT_XML.sub("", str(text)), quote=True)


def num(value: float) -> str:
    """A coordinate with at most one decimal, without a trailing ".0"."""
    rounded = round(value, 1)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.1f}"


def prefix_for(kind: str, data: object, given: str | None = None) -> str:
    """An id prefix for one picture: the caller's (cleaned) or one derived from the data.

    Two pictures on a page need different prefixes, or their ids (title, desc, symbols)
    would clash; the derived one differs whenever the data differs.
    """
    if given:
        cleaned = _NOT_ID.sub("-", given)
        return cleaned if cleaned[0].isalpha() else f"p{cleaned}"
    digest = hashlib.sha1(repr(data).encode("utf-8", "replace"), usedforsecurity=False)
    return f"pic-{kind}-{digest.hexdigest()[:8]}"


def plural(count: int, one: str, many: str) -> str:
    """ "1 partij", "3 partijen"."""
    return f"{count} {one if count == 1 else many}"


# Rough advance widths, in em, of a humanist sans-serif (DejaVu Sans is the widest of
# the listed fonts, so estimates err on the wide side).
_NARROW = frozenset("iljtfrI.,:;'|!()[] ")
_WIDE = frozenset("mwMWOQGDHN@%")


def _char_width(char: str) -> float:
    if char in _NARROW:
        return 0.34
    if char in _WIDE:
        return 0.9
    if char.isupper():
        return 0.72
    if char.isdigit():
        return 0.64
    return 0.61


# Every character's width, learnt once: a dashboard of 200 goals measures ~4,000 texts.
_WIDTHS: dict[str, float] = {}


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """Estimate the rendered width of a text in user units."""
    units = 0.0
    widths = _WIDTHS
    for char in text:
        width = widths.get(char)
        if width is None:
            width = widths[char] = _char_width(char)
        units += width
    return units * size


def truncate(text: str, max_width: float, size: float = FONT_SIZE) -> str:
    """Shorten a text with "…" so that it fits in max_width."""
    text = " ".join(text.split())
    if text_width(text, size) <= max_width:
        return text
    ellipsis = text_width("…", size)
    kept = ""
    for char in text:
        if text_width(kept + char, size) + ellipsis > max_width:
            break
        kept += char
    return kept.rstrip() + "…"


def wrap(text: str, max_width: float, size: float = FONT_SIZE, max_lines: int = 4) -> list[str]:
    """Break a text into lines of at most max_width; the last line is truncated if needed."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and text_width(candidate, size) > max_width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    return [truncate(line, max_width, size) for line in lines]


def text(
    x: float,
    y: float,
    content: str,
    *,
    size: float = FONT_SIZE,
    anchor: str = "start",
    fill: str = INK,
    weight: str = "",
    extra: str = "",
    halo: bool = False,
) -> str:
    """A <text> element; content is escaped here.

    With halo, a white outline painted under the letters keeps grid lines from crossing them.
    """
    attributes = f'x="{num(x)}" y="{num(y)}"'
    if size != FONT_SIZE:
        attributes += f' font-size="{num(size)}"'
    if anchor != "start":
        attributes += f' text-anchor="{anchor}"'
    if fill != INK:
        attributes += f' fill="{fill}"'
    if weight:
        attributes += f' font-weight="{weight}"'
    if extra:
        attributes += f" {extra}"
    if halo:
        attributes += (
            ' stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"'
        )
    return f"<text {attributes}>{esc(content)}</text>"


def line(
    x1: float, y1: float, x2: float, y2: float, *, stroke: str = MUTED, extra: str = ""
) -> str:
    tail = f" {extra}" if extra else ""
    return (
        f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" '
        f'stroke="{stroke}"{tail}/>'
    )


# Every picture is drawn this wide (the heat map aims at it), with this margin inside, so
# that pictures side by side or one above the other line up.
WIDTH = 480.0
MARGIN = 8.0
INNER = WIDTH - 2 * MARGIN  # the width between the margins

EMPTY_MESSAGE = "Geen gegevens om te tonen"


def table_note(gives: str) -> str:
    """The description's last sentence: what the table under the picture gives."""
    return f"De tabel bij deze afbeelding geeft {gives}."


@dataclass(frozen=True)
class Frame:
    """What names one picture (its kind, id prefix and title) and how wide it is drawn.

    Every picture ends in its document, or in the empty picture, through its frame.
    """

    kind: str
    prefix: str
    title: str
    width: float = WIDTH

    def document(
        self,
        *,
        height: float,
        desc: str,
        body: Iterable[str],
        defs: Iterable[str] = (),
        interactive: bool = False,
    ) -> str:
        """The <svg> frame: scales to its container, named by its <title> and <desc>.

        A picture is one image (role="img") unless it holds focusable parts: an image's
        children are presentational, so focusable ones inside would be hidden from assistive
        technology (axe: nested-interactive); such a picture is a named group instead.
        """
        role = "group" if interactive else "img"
        defs_text = "".join(defs)
        prefix = self.prefix
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="picture picture-{esc(self.kind)}" '
            f'role="{role}" aria-labelledby="{prefix}-title {prefix}-desc" width="100%" '
            f'viewBox="0 0 {num(self.width)} {num(height)}" font-family="{esc(FONT_FAMILY)}" '
            f'font-size="{FONT_SIZE}" fill="{INK}">',
            f'<title id="{prefix}-title">{esc(self.title)}</title>',
            f'<desc id="{prefix}-desc">{esc(desc)}</desc>',
        ]
        if defs_text:
            parts.append(f"<defs>{defs_text}</defs>")
        parts.append('<rect width="100%" height="100%" fill="#ffffff"/>')
        parts.extend(body)
        parts.append("</svg>")
        return "".join(parts)

    def empty(self, message: str = EMPTY_MESSAGE) -> str:
        """The picture drawn when there is nothing to draw: it says so."""
        width, height = WIDTH, 72.0
        body = [
            f'<rect x="1" y="1" width="{num(width - 2)}" height="{num(height - 2)}" rx="6" '
            f'fill="#ffffff" stroke="{MUTED}" stroke-dasharray="6 4"/>',
            text(width / 2, 30, self.title, anchor="middle", weight="bold"),
            text(width / 2, 52, message, anchor="middle", fill=MUTED),
        ]
        return Frame(self.kind, self.prefix, self.title, width).document(
            height=height, desc=f"{message}.", body=body
        )
