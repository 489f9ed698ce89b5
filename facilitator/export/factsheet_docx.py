"""Provides the fact sheet as Word: headings, tables and the charts as pictures."""

import tempfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt
from docx.text.run import Run

from facilitator.export.blocks import content_widths, format_count
from facilitator.export.charts import render_charts
from facilitator.export.docx_common import (
    CELL_PADDING_PT,
    add_header_footer,
    add_table,
    clean,
    fit_columns,
    keep_rows_together,
    longest_words_pt,
    new_document,
    page_a4,
    picture_below,
    plain_first_column,
    set_language,
    set_properties,
    text_width,
)
from facilitator.export.factsheet_model import FactSheet
from facilitator.export.factsheet_text import blocks, title_of
from facilitator.export.files import write_atomic

MARGIN = Cm(2.2)


def _alt_text(paragraph, text: str) -> None:
    """Describe the picture for screen readers (the drawing's docPr description)."""
    for element in paragraph._p.iter(qn("wp:docPr")):
        element.set("descr", clean(text))
        element.set("title", clean(text))


TABLE_PT = 11  # the Normal style's size, which the table cells have
MIN_TABLE_PT = 8


def _set_widths(table, total: int, weights: Sequence[float]) -> None:
    """Set column widths on every cell: Word and LibreOffice both honour that.

    No column is narrower than its longest word ("Vernetzungsworkshop" never breaks):
    columns give way to the one that needs it, and when the longest words of all
    columns together are wider than the page, the table's type gets smaller.
    """
    heads = [[cell.text] for cell in table.rows[0].cells]
    body = [[cell.text for cell in column.cells[1:]] for column in table.columns]
    size = float(TABLE_PT)
    while True:
        needed = [
            max(h, b)
            for h, b in zip(
                longest_words_pt(heads, size, bold=True),
                longest_words_pt(body, size),
                strict=True,
            )
        ]
        if sum(needed) + CELL_PADDING_PT * len(needed) <= total / 12700 or size <= MIN_TABLE_PT:
            break
        size -= 0.5
    if size < TABLE_PT:
        for run in table._tbl.iter(qn("w:r")):
            Run(run, table).font.size = Pt(size)
    widths = fit_columns(total, list(weights), needed)
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Emu(width)  # the grid, which LibreOffice reads
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Emu(width)


def write_factsheet_docx(
    sheet: FactSheet,
    path: Path,
    lang: str = "de",
    *,
    template: Path | None = None,
    today: date | None = None,
) -> None:
    """Write the fact sheet to `path` (.docx), atomically."""
    document = new_document(template)
    if template is None:
        page_a4(document, side=MARGIN, top=MARGIN)
    width = text_width(document)
    set_language(document, lang)
    title = title_of(sheet, lang)
    set_properties(document, title, "facilitator", lang, datetime.now())
    add_header_footer(document, title, lang, keep_template=template is not None)
    # Charts go to a private temporary folder; Word embeds the PNG bytes.
    with tempfile.TemporaryDirectory(prefix="factsheet-") as tmp:
        charts = {c.name: c for c in render_charts(sheet, lang, Path(tmp), "chart", svg=False)}
        for block in blocks(sheet, lang, today):
            if block.kind == "title":
                document.add_heading(clean(block.text), level=0)
            elif block.kind == "h1":
                document.add_heading(clean(block.text), level=1)
            elif block.kind == "h2":
                document.add_heading(clean(block.text), level=2)
            elif block.kind == "para":
                document.add_paragraph(clean(block.text))
            elif block.kind == "table":
                cells = [[format_count(v, lang) for v in row] for row in block.rows]
                table = add_table(document, block.headers, cells)
                # widths from the content, so no header word ("Herausforderung") breaks
                _set_widths(
                    table,
                    width,
                    content_widths(tuple(block.headers), tuple(tuple(r) for r in cells)),
                )
                keep_rows_together(table)
                plain_first_column(table)
                document.add_paragraph()
            elif block.kind == "chart" and block.text in charts:
                chart = charts[block.text]
                # No caption: the heading above names the chart, and a caption
                # would be pushed alone onto the next page.
                # in the heading's paragraph: heading and chart change pages together
                picture_below(document.paragraphs[-1], str(chart.png), width)
                _alt_text(document.paragraphs[-1], chart.title)
        write_atomic(path, lambda out: document.save(str(out)))
