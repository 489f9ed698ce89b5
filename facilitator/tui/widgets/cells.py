"""Provides table cells that show text literally, and column widths that fit the table.

Every table of the app builds its cells with `cell`: text that came from a person or a
file is data, never Rich markup (`[/x]` in a phone's submission must not crash the
app, `[link=…]` must not turn into a link). `fit_columns` gives the flexible columns
what the fixed ones leave, so a table uses the width it has after every resize.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import DataTable

# DataTable pads each cell by one column on either side; the scrollbar takes two
CELL_PADDING = 2
SCROLLBAR = 2


def cut(text: str, width: int) -> str:
    """Return `text` shortened to `width` characters with an ellipsis, if longer."""
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def cell(value: object, width: int | None = None) -> Text:
    """A cell showing `value` as it is (never markup), cut to `width` with an ellipsis."""
    text = "" if value is None else str(value)
    # one line per row: a newline in a submission would otherwise be cut silently
    text = text.replace("\r", " ").replace("\n", " ")
    return Text(cut(text, width) if width else text, no_wrap=True, overflow="ellipsis")


def plain(value: object, style: str = "") -> Text:
    """A label's or notification's text as it is (never markup)."""
    return Text("" if value is None else str(value), style=style)


@dataclass(frozen=True)
class Column:
    """One table column: its key, header, and a fixed width or a share of the rest."""

    key: str
    label: str
    width: int = 0  # fixed width; 0 means flexible
    share: int = 1  # how many parts of the leftover width a flexible column gets
    least: int = 8  # a flexible column never narrower than this


def fit_columns(table: DataTable, columns: Sequence[Column], width: int) -> dict[str, int]:
    """Set the table's columns for `width` terminal columns; return the width of each.

    Columns are rebuilt (not only resized) because a DataTable keeps the widths it
    measured once, so after a resize they would run off the right edge.
    """
    widths = column_widths(columns, width)
    current = [(str(col.key.value), col.width) for col in table.columns.values()]
    wanted = [(c.key, widths[c.key]) for c in columns]
    if current != wanted:
        table.clear(columns=True)
        for column in columns:
            table.add_column(column.label, width=widths[column.key], key=column.key)
    return widths


def column_widths(columns: Sequence[Column], width: int) -> dict[str, int]:
    """The width of each column in `width` terminal columns (a fixed one fits its header)."""
    fixed = sum(max(c.width, len(c.label)) for c in columns if c.width)
    flexible = [c for c in columns if not c.width]
    room = width - fixed - CELL_PADDING * len(columns) - SCROLLBAR
    # each flexible column gets its least first, then a share of what is left
    spare = max(0, room - sum(c.least for c in flexible))
    shares = sum(c.share for c in flexible) or 1
    return {
        column.key: max(column.width, len(column.label))
        if column.width
        else column.least + spare * column.share // shares
        for column in columns
    }
