"""Provides the Markdown rendering of the protocol, for e-mail and wikis."""

import re

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


def render_markdown(blocks: list[Block]) -> str:
    """Return the blocks as GitHub/pandoc-flavoured Markdown."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Title):
            out.append(f"# {markdown_text(block.text)}")
        elif isinstance(block, Heading):
            # the title is the only level-1 heading; sections start at ##
            out.append(f"{'#' * (block.level + 1)} {markdown_text(block.text, False)}")
        elif isinstance(block, Para):
            if not markdown_text(block.text):
                continue
            out.append(
                f"*{markdown_text(block.text)}*" if block.note else markdown_text(block.text)
            )
        elif isinstance(block, Fields):
            out.append(
                "\n".join(
                    f"**{markdown_text(k)}:** {markdown_text(v, False)}  " for k, v in block.pairs
                )
            )
        elif isinstance(block, Bullets):
            marker = (lambda i: f"{i}.") if block.numbered else (lambda i: "-")
            out.append(
                "\n".join(
                    f"{marker(i)} {markdown_text(item)}" for i, item in enumerate(block.items, 1)
                )
            )
        elif isinstance(block, PageBreak):
            continue
        elif isinstance(block, Image):
            out.append(f"*{markdown_text(block.caption)}*")
        elif isinstance(block, Chart):  # Markdown keeps the numbers; the chart is in Word
            out.append(f"*{markdown_text(block.alt)}*")
        elif isinstance(block, Table):
            lines = [
                "| " + " | ".join(markdown_text(h) for h in block.headers) + " |",
                "|" + "|".join("---" for _ in block.headers) + "|",
            ]
            lines += [
                "| " + " | ".join(markdown_text(c) or " " for c in row) + " |" for row in block.rows
            ]
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"
