"""Provides the Markdown rendering of the protocol, for e-mail and wikis."""

import re
from collections.abc import Callable
from typing import Any

from facilitator.export.blocks import (
    Block,
    Bullets,
    Chart,
    Fields,
    Heading,
    Image,
    PageBreak,
    Para,
    Table,
    Title,
)
from facilitator.export.docx_common import clean

# Characters Markdown would read as markup at the start of or inside a line.
_INLINE = re.compile(r"([\\`*_\[\]<>#|])")
_LINE_START = re.compile(r"^([-+=~])")
_NUMBERED = re.compile(r"^(\d+)([.)])")


def markdown_text(value: str, line_start: bool = True) -> str:
    """Escape markup characters and fold line breaks: one entry stays one line.

    Text that does not start a line (after "## " or "**Datum:** ") needs no list escapes.
    """
    text = _INLINE.sub(r"\\\1", " ".join(clean(value).split()))
    if not line_start:
        return text
    # a leading "-", "+", "=" or "1." would turn the line into a list or a heading rule
    return _NUMBERED.sub(r"\1\\\2", _LINE_START.sub(r"\\\1", text))


def _fields(block: Fields) -> str:
    return "\n".join(f"**{markdown_text(k)}:** {markdown_text(v, False)}  " for k, v in block.pairs)


def _bullets(block: Bullets) -> str:
    return "\n".join(
        f"{f'{i}.' if block.numbered else '-'} {markdown_text(item)}"
        for i, item in enumerate(block.items, 1)
    )


def _table(block: Table) -> str:
    lines = [
        "| " + " | ".join(markdown_text(h) for h in block.headers) + " |",
        "|" + "|".join("---" for _ in block.headers) + "|",
    ]
    lines += ["| " + " | ".join(markdown_text(c) or " " for c in row) + " |" for row in block.rows]
    return "\n".join(lines)


def _para(block: Para) -> str | None:
    text = markdown_text(block.text)
    if not text:
        return None
    return f"*{text}*" if block.note else text


# each kind of block as Markdown; None leaves the block out
_RENDERERS: dict[type, Callable[[Any], str | None]] = {
    Title: lambda block: f"# {markdown_text(block.text)}",
    # the title is the only level-1 heading; sections start at ##
    Heading: lambda block: f"{'#' * (block.level + 1)} {markdown_text(block.text, False)}",
    Para: _para,
    Fields: _fields,
    Bullets: _bullets,
    PageBreak: lambda block: None,
    Image: lambda block: f"*{markdown_text(block.caption)}*",
    # Markdown keeps the numbers; the chart is in Word
    Chart: lambda block: f"*{markdown_text(block.alt)}*",
    Table: _table,
}


def render_markdown(blocks: list[Block]) -> str:
    """Return the blocks as GitHub/pandoc-flavoured Markdown."""
    out: list[str] = []
    for block in blocks:
        render = _RENDERERS.get(type(block))
        if render is None:
            raise TypeError(f"render_markdown: no Markdown for a {type(block).__name__} block")
        text = render(block)
        if text is not None:
            out.append(text)
    return "\n\n".join(out) + "\n"
