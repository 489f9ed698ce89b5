"""Provides the fact sheet as Markdown, with its charts as PNG and SVG files beside it."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from facilitator.export.charts import render_charts
from facilitator.export.factsheet_block import Block
from facilitator.export.factsheet_model import FactSheet
from facilitator.export.factsheet_text import blocks
from facilitator.export.files import write_text_atomic
from facilitator.export.protocol_md import markdown_text
from facilitator.locale import lazy


def _cell(value: object) -> str:
    return markdown_text(str(value))


def _table(block: Block) -> list[str]:
    lines = ["| " + " | ".join(map(_cell, block.headers)) + " |"]
    lines.append("|" + "|".join("---" for _ in block.headers) + "|")
    return [*lines, *("| " + " | ".join(map(_cell, row)) + " |" for row in block.rows), ""]


# the Markdown of each kind of block but charts (which need the files written beside)
_LINES: dict[str, Callable[[Block], list[str]]] = {
    "title": lambda block: [f"# {markdown_text(block.text)}", ""],
    "h1": lambda block: [f"## {markdown_text(block.text)}", ""],
    "h2": lambda block: [f"### {markdown_text(block.text)}", ""],
    "para": lambda block: [markdown_text(block.text), ""],
    "table": _table,
}


def factsheet_markdown(
    sheet: FactSheet, lang: str, charts: dict[str, tuple[str, str]], today: date | None = None
) -> str:
    """Return the fact sheet as Markdown; `charts` maps chart name -> (title, file name)."""
    lines: list[str] = []
    for block in blocks(sheet, lang, today):
        if block.kind in _LINES:
            lines += _LINES[block.kind](block)
        elif block.kind == "chart" and block.text in charts:
            title, name = charts[block.text]
            lines += [f"![{markdown_text(title)}]({name})", ""]
    return "\n".join(lines)


def write_factsheet_md(
    sheet: FactSheet, path: Path, lang: str = "de", today: date | None = None
) -> list[Path]:
    """Write FILE.md and its charts (FILE-<chart>.png/.svg) beside it; return all paths."""
    path = Path(path)
    if not path.parent.exists():
        from facilitator.core.errors import UserError

        raise UserError(lazy("Den Ordner {parent} gibt es nicht.", parent=path.parent))
    charts = render_charts(sheet, lang, path.parent, path.stem)
    text = factsheet_markdown(sheet, lang, {c.name: (c.title, c.png.name) for c in charts}, today)
    write_text_atomic(path, text)
    return [path, *(p for c in charts for p in (c.png, c.svg))]
