"""Provides the projector timer: the countdown in block letters scaled to the terminal.

Textual's Digits are three rows tall whatever the terminal; on a large projector
terminal the Run screen shows this instead, so the time left reads across a room.
"""

from textual.widgets import Static

# 3×5 pixel font; "#" is lit
_FONT = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", " ##", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
    "+": ("   ", " # ", "###", " # ", "   "),
    "-": ("   ", "   ", "###", "   ", "   "),
}
ROWS = 5


def render_big(text: str, scale: int) -> str:
    """Return `text` in block letters; each pixel is 2·scale columns by scale rows."""
    glyphs = [_FONT.get(ch, _FONT["-"]) for ch in text]
    lines = []
    for row in range(ROWS):
        line = "  " * scale
        line = line.join(
            "".join(("██" if pixel == "#" else "  ") * scale for pixel in glyph[row])
            for glyph in glyphs
        )
        lines.extend([line] * scale)
    return "\n".join(lines)


def width_of(text: str, scale: int) -> int:
    """Columns `render_big(text, scale)` takes."""
    pixels = sum(len(_FONT.get(ch, _FONT["-"])[0]) for ch in text) + len(text) - 1
    return pixels * 2 * scale


class BigTimer(Static):
    """Block-letter time; `fit(width, height)` picks the largest scale that fits."""

    _text = ""  # what is shown, at which scale: `show` and `fit` set them per instance
    _scale = 1

    def fit(self, width: int, height: int, sample: str = "+00:00") -> None:
        scale = 1
        while scale < 6 and width_of(sample, scale + 1) <= width and ROWS * (scale + 1) <= height:
            scale += 1
        if scale != self._scale:
            self._scale = scale
            self.update(render_big(self._text, scale))

    def show(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.update(render_big(text, self._scale))
