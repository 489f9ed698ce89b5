"""Provides the Word craft the preparation kit shares: page set-up, sized runs, fixed tables.

Built on export/docx_common.py (template, language, header/footer, properties);
what is here is only what the four kit documents need beyond the protocol:
landscape pages, runs with a point size, cells with exact widths and heights,
and one `save_kit` that writes atomically.
"""

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, RGBColor

from facilitator.export.docx_common import (
    clean,
    new_document,
    set_language,
    set_properties,
)
from facilitator.export.files import write_atomic
from facilitator.export.ooxml_order import new_child
from facilitator.locale import lazy, lazy_context

GREY = RGBColor(0x59, 0x59, 0x59)

# each kit document's name, after the workshop's title in the file's properties
DOCUMENT_NAMES = {
    "runsheet": lazy("Regieplan"),
    "agenda_title": lazy("Ablauf"),
    "signin": lazy_context("Dokument", "Teilnahmeliste"),
    "badges": lazy_context("Dokument", "Namensschilder"),
}


def kit_document(
    template: Path | None,
    lang: str,
    *,
    landscape: bool = False,
    margins: tuple[Length, Length] | None = None,
    force_page: bool = False,
) -> DocumentType:
    """Return an empty A4 document (the template's, if given) in `lang`.

    Without a template the page is A4 with `margins` (side, top); with one, its page
    stays unless `force_page` (badges need the exact sheet) or `landscape` is set.
    """
    document = new_document(template)
    side, top = margins or (Mm(20), Mm(18))
    for section in document.sections:
        if template is None or force_page or landscape:
            width, height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
            section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = width, height
        if template is None or force_page:
            section.left_margin = section.right_margin = side
            section.top_margin = section.bottom_margin = top
    set_language(document, lang)
    if template is None:
        # python-docx's default theme font (Calibri) is missing on many Linux laptops,
        # where LibreOffice falls back to a serif; Arial (or its metric twin) is everywhere
        _normal_font(document, "Arial")
    return document


def _normal_font(document: DocumentType, font: str) -> None:
    fonts = document.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), font)


def add_run(
    paragraph,
    text: str,
    size: float | None = None,
    *,
    bold: bool = False,
    italic: bool = False,
    grey: bool = False,
    font: str | None = None,
):
    """Append a plain run (text is data, never markup) with an optional point size."""
    run = paragraph.add_run(clean(text))
    run.bold, run.italic = bold or None, italic or None
    if size:
        run.font.size = Pt(size)
    if grey:
        run.font.color.rgb = GREY
    if font:
        run.font.name = font
        # East-Asian and complex-script slots too, or Word keeps the theme font there
        fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
        for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(slot), font)
    return run


def fixed_table(
    document: DocumentType, rows: int, widths: Sequence[Length], style: str | None = None
):
    """Add a table with a fixed layout and exact column widths (Word and LibreOffice agree)."""
    table = document.add_table(rows=rows, cols=len(widths))
    if style:
        try:
            table.style = document.styles[style]
        except KeyError:  # a template without that style
            table.style = None
    table.autofit = False  # python-docx writes w:tblLayout type="fixed" in schema order
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    return table


def row_height(row, height: Length, exact: bool = True) -> None:
    """Give a table row an exact (or minimum) height."""
    row.height = height
    row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY if exact else WD_ROW_HEIGHT_RULE.AT_LEAST


def cell_margins(cell, side: Length, top: Length) -> None:
    """Set a cell's inner margins (left/right and top/bottom)."""
    margins = new_child(cell._tc.get_or_add_tcPr(), "tcMar")
    for edge, value in (("top", top), ("bottom", top), ("left", side), ("right", side)):
        new_child(margins, edge, w=str(int(value.twips)), type="dxa")


def borders(table, colour: str = "BFBFBF", size: int = 4) -> None:
    """Draw every line of a table (thin, in `colour`): cutting lines, writing lines."""
    element = new_child(table._tbl.tblPr, "tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        new_child(element, edge, val="single", sz=str(size), color=colour)


def shade(cell, fill: str) -> None:
    """Fill a cell's background (hex colour, e.g. "EDEDED")."""
    new_child(cell._tc.get_or_add_tcPr(), "shd", val="clear", color="auto", fill=fill)


def save_kit(
    document: DocumentType,
    path: Path,
    *,
    title: str,
    kind: str,
    lang: str,
    created: datetime | None = None,
) -> Path:
    """Set the core properties ("<title> – <kind>") and write the file atomically."""
    set_properties(
        document, f"{title} – " + DOCUMENT_NAMES[kind].text(lang), "facilitator", lang, created
    )
    write_atomic(Path(path), lambda tmp: document.save(str(tmp)))
    return Path(path)
