"""Provides the building blocks of exported documents: headings, lists, tables, page breaks.

Layouts (protocol, method kit) produce blocks; the Word and Markdown renderers
draw them, so both formats show the same content in the same order.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Title:
    text: str


@dataclass(frozen=True)
class Heading:
    level: int  # 1–3
    text: str


@dataclass(frozen=True)
class Para:
    text: str
    note: bool = False  # a remark in italics, e.g. why e-mails are missing


@dataclass(frozen=True)
class Fields:
    pairs: tuple[tuple[str, str], ...]  # label: value lines of the header block


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    numbered: bool = False
    # a short list kept on one page with the heading right before it (Word only)
    together: bool = False


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...] = ()  # relative column widths; equal if empty


@dataclass(frozen=True)
class PageBreak:
    """The next block starts on a new page (Word only)."""


@dataclass(frozen=True)
class Image:
    """A photo (JPEG bytes) with its caption below it; Markdown shows the caption only."""

    jpeg: bytes
    caption: str
    width: int  # px, for the aspect ratio
    height: int


@dataclass(frozen=True)
class Chart:
    """An activity's chart (PNG bytes) with its description for screen readers and Markdown."""

    png: bytes
    alt: str
    width_cm: float = 15.0


Block = Title | Heading | Para | Fields | Bullets | Table | PageBreak | Image | Chart

# About how many characters of body text fit across an A4 page with 25 mm margins,
# counted wide: LibreOffice without Calibri sets the text in a broader font.
LINE_CHARS = 74
_CELL_MARGIN = 3.0  # characters' worth of the cell's left and right padding
_LONGEST_WORD = 40  # longer "words" (URLs) may break; e-mail addresses fit below this


_NARROW = frozenset("iljtfr.,:;!|'()[]- ")
_WIDE = frozenset("mwMW@%")


@dataclass
class ExtraSection:
    """A section another area adds to the protocol: a heading and its blocks."""

    title: str
    blocks: list  # of the blocks above


def _width(word: str) -> float:
    """Return a word's width in average characters (m and W are wide, i and l narrow)."""
    return sum(
        0.6
        if ch in _NARROW
        else 1.5
        if ch in _WIDE
        else 1.2
        if ch.isupper()
        else 1.15
        if ch.isdigit()
        else 1.0
        for ch in word
    )


def _column_need(header: str, cells: list[str]) -> tuple[float, float]:
    """A column's least width (its longest word) and the width its texts would like."""
    words = [_width(w) for cell in cells for w in str(cell).split()] or [0.0]
    head = max((_width(w) for w in header.split()), default=0.0) * 1.15  # bold is wider
    least = max(head, min(max(words), _LONGEST_WORD) * 1.05) + _CELL_MARGIN
    average = sum(len(str(c)) for c in cells) / max(len(cells), 1)
    return least, max(least, min(average, 60.0))


def content_widths(headers: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> tuple[int, ...]:
    """Return relative column widths from the content, so no word has to break.

    Each column gets at least its longest word (header words count a little wider:
    they are bold); the rest of the line goes to the columns with longer texts.
    """
    columns = [_column_need(header, [row[i] for row in rows]) for i, header in enumerate(headers)]
    minimum = [least for least, _ in columns]
    spare = LINE_CHARS - sum(minimum)
    if spare <= 0:
        widths = minimum
    else:
        extra = [wanted - least for least, wanted in columns]
        total = sum(extra) or 1.0
        share = [e / total if sum(extra) else 1 / len(extra) for e in extra]
        widths = [m + spare * s for m, s in zip(minimum, share, strict=True)]
    return tuple(max(1, round(w * 10)) for w in widths)


def format_count(value: object, lang: str) -> str:
    """Return a count as people write it: 1.234 (German) or 1,234; other values as text."""
    if isinstance(value, int) and not isinstance(value, bool):
        text = f"{value:,}"
        return text.replace(",", ".") if lang == "de" else text
    return "" if value is None else str(value)
