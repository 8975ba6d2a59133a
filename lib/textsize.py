"""How wide text runs once drawn, estimated without a browser: for word wrap on slides and for laying out
labels (event labels, line-end labels) so that they never print over each other."""
from __future__ import annotations

import unicodedata

LINE_SPACING = 1.3  # plotly's line height for <br>-separated lines, in font sizes


def text_px(text: str, size: float) -> float:
    """Rough rendered width, on the wide side: CJK characters take about 1 em, others about 0.52 em."""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else 0.52 * size for c in text)


def wrap(text: str, size: float, width: float) -> list[str]:
    """Greedy word wrap to a width (px or pt, as size); plotly never wraps text itself."""
    lines, line = [], ""
    for word in (piece for word in text.split() for piece in _pieces(word, size, width)):
        candidate = f"{line} {word}" if line else word
        if line and text_px(candidate, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line] if line else lines


def _pieces(word: str, size: float, width: float) -> list[str]:
    """A word too wide for a line (a long link) cut into pieces that fit; any other word as it is."""
    pieces = [""]
    for char in word:
        if pieces[-1] and text_px(pieces[-1] + char, size) > width:
            pieces.append("")
        pieces[-1] += char
    return pieces
