"""Provides fitting a line of text into a width: the point size from the measured text width.

Badges name the font Arial; widths are measured with DejaVu Sans (shipped with
matplotlib, a dependency), which is wider than Arial and is what LibreOffice
draws when Arial is missing. So a size that fits here fits in Word (Arial) and in
LibreOffice (DejaVu) alike.
"""

import importlib.util
from functools import lru_cache
from pathlib import Path

BADGE_FONT = "Arial"
_MEASURE_PT = 100
_SAFETY = 0.96  # kerning and rounding differ a little between renderers
_FALLBACK_EM = 0.68  # average advance per character (bold) if no font file is found


@lru_cache(maxsize=2)
def _font(bold: bool):
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return None
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    path = Path(spec.submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf" / name
    try:
        from PIL import ImageFont

        return ImageFont.truetype(str(path), _MEASURE_PT)
    except (OSError, ImportError):
        return None


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Return the width of `text` in points at `size` points."""
    font = _font(bold)
    if font is None:
        return len(text) * size * _FALLBACK_EM
    return font.getlength(text) * size / _MEASURE_PT


def _size(text: str, width: float, largest: float, bold: bool) -> float:
    measured = text_width(text, 1.0, bold=bold)
    if measured <= 0:
        return largest
    return min(largest, int(width * _SAFETY / measured * 2) / 2)  # half points, rounded down


def _splits(text: str) -> list[tuple[str, str]]:
    """Return the ways to break `text` in two lines: at a space, or after a hyphen."""
    found = []
    for index, char in enumerate(text):
        if char == " ":
            found.append((text[:index], text[index + 1 :]))
        elif char == "-" and 0 < index < len(text) - 1:
            found.append((text[: index + 1], text[index + 1 :]))
    return [(a.strip(), b.strip()) for a, b in found if a.strip() and b.strip()]


def fit_lines(
    text: str, width: float, largest: float, smallest: float, max_lines: int, *, bold: bool = False
) -> tuple[float, list[str]]:
    """Return (point size, lines) so that every line fits `width` points.

    One line at up to `largest` points; if that would fall below `smallest`, or to
    under two thirds of `largest`, two lines when a break gives a larger size. The
    size is never clamped up to `smallest`: a shrunk name beats a cut one.
    """
    text = " ".join(text.split())
    single = _size(text, width, largest, bold)
    if max_lines < 2 or (single >= smallest and single >= largest * 2 / 3):
        return single, [text]
    best = (single, [text])
    for first, second in _splits(text):
        size = min(_size(first, width, largest, bold), _size(second, width, largest, bold))
        if size > best[0] * 1.1:  # a second line only for a clearly larger size
            best = (size, [first, second])
    return best
