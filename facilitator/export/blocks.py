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
    """A picture (PNG bytes) with its description for screen readers and Markdown."""

    png: bytes
    alt: str
    width_cm: float = 15.0


Block = Title | Heading | Para | Fields | Bullets | Table | PageBreak | Image
