"""Provides the Word rendering of the protocol: real styles, header, page numbers.

Headings use the built-in styles Title and Heading 1–3 so Word's navigation pane
works; lists use List Bullet / List Number; tables repeat their header row.
"""

import copy
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt

from facilitator.export.blocks import (
    Block,
    Bullets,
    Fields,
    Heading,
    Image,
    PageBreak,
    Para,
    Table,
    Title,
)
from facilitator.export.docx_common import (
    add_header_footer,
    add_table,
    clean,
    new_document,
    page_a4,
    set_language,
    set_properties,
    text_width,
)
from facilitator.export.strings import STRINGS

_HEADING_SIZES = {"Title": 24, "Heading 1": 16, "Heading 2": 13, "Heading 3": 11}


def ensure_style(document, name: str) -> str:  # noqa: ANN001 - python-docx Document
    """Return `name`, adding a plain paragraph style of that name if a template lacks it.

    Word templates often define only the styles they use; a missing heading style
    gets an outline level so the navigation pane still lists it.
    """
    if name in [s.name for s in document.styles]:
        return name
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    if name in _HEADING_SIZES:
        style.font.bold = True
        style.font.size = Pt(_HEADING_SIZES[name])
        if name.startswith("Heading"):
            outline = OxmlElement("w:outlineLvl")
            outline.set(qn("w:val"), str(int(name[-1]) - 1))
            style.element.get_or_add_pPr().append(outline)
    return name


def styled(document, text: str, style_id: str):  # noqa: ANN001, ANN201 - python-docx objects
    """Add a paragraph with a style given by its id.

    python-docx looks a style name up by scanning every style for each paragraph;
    setting the id directly keeps a 2,000-entry protocol well under a second.
    """
    paragraph = document.add_paragraph(clean(text))
    paragraph._p.style = style_id
    return paragraph


def shape_table(document, table, widths: Sequence[int]) -> None:  # noqa: ANN001 - docx objects
    """Give the columns widths across the text width; no bold first column."""
    available = text_width(document)
    table.autofit = False
    for column, cell, weight in zip(table.columns, table.rows[0].cells, widths, strict=True):
        width = Emu(int(available * weight / sum(widths)))
        column.width = width
        cell.width = width
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        table._tbl.tblPr.append(look)
    # the table styles mark the first column bold; names and measures are not headings
    look.set(qn("w:val"), "0420")
    look.set(qn("w:firstColumn"), "0")
    look.set(qn("w:firstRow"), "1")
    look.set(qn("w:noVBand"), "1")


def append_rows(table, rows: Sequence[Sequence[str]]) -> None:  # noqa: ANN001 - docx Table
    """Append body rows by copying one prototype row's XML.

    python-docx's add_row() and cell.text re-measure the grid for every cell, which
    costs about a second for a 2,000-entry protocol; a copied row costs microseconds.
    """
    if not rows:
        return
    prototype = table.add_row()._tr
    table._tbl.remove(prototype)
    # a row never breaks across pages: a half entry on each page is hard to read
    prototype.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for values in rows:
        tr = copy.deepcopy(prototype)
        for tc, value in zip(tr.tc_lst, values, strict=True):
            paragraph = tc.p_lst[0]
            for number, line in enumerate(clean(value).split("\n")):
                run = OxmlElement("w:r")
                if number:
                    run.append(OxmlElement("w:br"))
                text = OxmlElement("w:t")
                text.set(qn("xml:space"), "preserve")
                text.text = line
                run.append(text)
                paragraph.append(run)
        table._tbl.append(tr)


def render_blocks(document, blocks: list[Block]) -> None:  # noqa: ANN001 - python-docx Document
    """Append the blocks to the document's body."""
    styles = {
        name: document.styles[ensure_style(document, name)].style_id
        for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number")
    }
    for block in blocks:
        if isinstance(block, Title):
            styled(document, block.text, styles["Title"])
        elif isinstance(block, Heading):
            styled(document, block.text, styles[f"Heading {block.level}"])
        elif isinstance(block, Para):
            paragraph = document.add_paragraph()
            paragraph.add_run(clean(block.text)).italic = block.note
        elif isinstance(block, Fields):
            for label, value in block.pairs:
                paragraph = document.add_paragraph()
                paragraph.add_run(clean(label) + ": ").bold = True
                paragraph.add_run(clean(value))
                paragraph.paragraph_format.space_after = Pt(2)
        elif isinstance(block, Bullets):
            style = styles["List Number" if block.numbered else "List Bullet"]
            for item in block.items:
                styled(document, item, style)
        elif isinstance(block, PageBreak):
            document.add_page_break()
        elif isinstance(block, Image):  # an activity's chart (issue 16)
            import io

            from docx.enum.text import WD_ALIGN_PARAGRAPH
            from docx.shared import Cm

            document.add_picture(io.BytesIO(block.png), width=Cm(block.width_cm))
            picture = document.paragraphs[-1]
            picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for drawing in picture._p.iter(qn("wp:docPr")):
                drawing.set("descr", clean(block.alt))
        elif isinstance(block, Table):
            table = add_table(document, list(block.headers), [])
            shape_table(document, table, block.widths or (1,) * len(block.headers))
            append_rows(table, block.rows)
            document.add_paragraph()  # Word glues consecutive tables together otherwise


def write_docx(
    blocks: list[Block],
    path: Path,
    *,
    title: str,
    lang: str,
    template: Path | None = None,
    created: datetime | None = None,
    doc_title: str | None = None,
) -> None:
    """Write the blocks as a .docx file at `path` (not atomic: the caller handles that).

    `title` goes into the page header; `doc_title` (default: "<title> – Protokoll")
    into the core properties.
    """
    document = new_document(template)
    if template is None:  # offices here file A4
        page_a4(document, side=Mm(25), top=Mm(20))
    set_language(document, lang)
    add_header_footer(document, title, lang, keep_template=template is not None)
    render_blocks(document, blocks)
    set_properties(
        document,
        doc_title or STRINGS("page_title", lang, title=title),
        STRINGS("author", lang),
        lang,
        created,
    )
    document.save(str(path))
