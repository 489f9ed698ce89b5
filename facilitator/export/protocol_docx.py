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
from docx.shared import Emu, Length, Mm, Pt

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
from facilitator.export.docx_common import (
    add_header_footer,
    add_table,
    clean,
    compact_lists,
    keep_rows_together,
    new_document,
    page_a4,
    picture_below,
    plain_first_column,
    set_language,
    set_properties,
    text_width,
)
from facilitator.export.ooxml_order import new_child
from facilitator.locale import gettext

_HEADING_SIZES = {"Title": 24, "Heading 1": 16, "Heading 2": 13, "Heading 3": 11}
_PHOTO_HEIGHT = Mm(150)  # a photo and its caption fit on one page with a heading above


def ensure_style(document, name: str) -> str:
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
            new_child(style.element.get_or_add_pPr(), "outlineLvl", val=str(int(name[-1]) - 1))
    return name


def styled(document, text: str, style_id: str):
    """Add a paragraph with a style given by its id.

    python-docx looks a style name up by scanning every style for each paragraph;
    setting the id directly keeps a 2,000-entry protocol well under a second.
    """
    paragraph = document.add_paragraph(clean(text))
    paragraph._p.style = style_id
    return paragraph


def shape_table(document, table, widths: Sequence[int]) -> None:
    """Give the columns widths across the text width; no bold first column."""
    available = text_width(document)
    table.autofit = False
    for column, cell, weight in zip(table.columns, table.rows[0].cells, widths, strict=True):
        width = Emu(int(available * weight / sum(widths)))
        column.width = width
        cell.width = width
    plain_first_column(table)


def append_rows(table, rows: Sequence[Sequence[str]]) -> None:
    """Append body rows by copying one prototype row's XML.

    python-docx's add_row() and cell.text re-measure the grid for every cell, which
    costs about a second for a 2,000-entry protocol; a copied row costs microseconds.
    """
    if not rows:
        keep_rows_together(table)
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
    keep_rows_together(table)


def add_photo(document, image: Image, caption_style: str, number: int) -> None:
    """Add a photo across the text width (at most 15 cm high) with its caption below."""
    from facilitator.export.docx_images import add_picture

    width = text_width(document)
    height: Length = Emu(int(width * image.height / max(image.width, 1)))
    if height > _PHOTO_HEIGHT:
        width, height = Emu(int(width * _PHOTO_HEIGHT / height)), _PHOTO_HEIGHT
    picture = document.add_paragraph()
    picture.paragraph_format.keep_with_next = True  # the caption stays with its photo
    add_picture(document, picture.add_run(), image.jpeg, width, height, number)
    styled(document, image.caption, caption_style)


def _kept_list(document, heading: Heading | None, block: Bullets, styles: dict) -> None:
    """A heading and its short list in one borderless, unsplittable table row.

    LibreOffice leaves a heading alone at a page bottom when the list after it moves
    on ("keep with next" notwithstanding); a row that cannot split moves as a whole.
    """
    table = document.add_table(rows=1, cols=1)
    table.autofit = False
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    cell = table.rows[0].cells[0]
    cell.width = text_width(document)
    first = cell.paragraphs[0]
    if heading is not None:
        first.text = clean(heading.text)
        first._p.style = styles[f"Heading {heading.level}"]
        first = None
    style = styles["List Number" if block.numbered else "List Bullet"]
    for item in block.items:
        paragraph = first if first is not None else cell.add_paragraph()
        paragraph.text = clean(item)
        paragraph._p.style = style
        first = None


def render_blocks(document, blocks: list[Block]) -> None:
    """Append the blocks to the document's body."""
    ids: dict[str, str] = {}
    for style in document.styles:
        ids.setdefault(style.name, style.style_id)
    styles = {
        name: ids.get(name) or document.styles[ensure_style(document, name)].style_id
        for name in (
            "Title",
            "Heading 1",
            "Heading 2",
            "Heading 3",
            "List Bullet",
            "List Number",
            "Caption",
        )
    }
    photos = 0
    for block in _kept_together(blocks):
        if isinstance(block, tuple):
            _kept_list(document, *block, styles)
        elif isinstance(block, Image):
            add_photo(document, block, styles["Caption"], photos)
            photos += 1
        elif isinstance(block, PageBreak):
            document.add_page_break()
        elif isinstance(block, Chart):  # an activity's chart
            import io

            from docx.shared import Cm

            # with the note (or heading) above it, so neither is left alone on a page
            picture_below(document.paragraphs[-1], io.BytesIO(block.png), Cm(block.width_cm))
            picture = document.paragraphs[-1]
            for drawing in picture._p.iter(qn("wp:docPr")):
                drawing.set("descr", clean(block.alt))
        elif isinstance(block, Table):
            table = add_table(document, list(block.headers), [])
            shape_table(document, table, block.widths or (1,) * len(block.headers))
            append_rows(table, block.rows)
            document.add_paragraph()  # Word glues consecutive tables together otherwise
        else:
            _render_text(document, block, styles)


def _kept_together(blocks: list[Block]) -> list[Block | tuple[Heading | None, Bullets]]:
    """The blocks, with each list marked `together` paired with the heading before it."""
    out: list[Block | tuple[Heading | None, Bullets]] = []
    for block in blocks:
        if isinstance(block, Bullets) and block.together:
            last = out[-1] if out else None
            heading = last if isinstance(last, Heading) else None
            if heading is not None:
                out.pop()
            out.append((heading, block))
        else:
            out.append(block)
    return out


def _render_text(document, block: Block, styles: dict[str, str]) -> None:
    """Append a text block: title, heading, paragraph, label lines or a list."""
    if isinstance(block, Title):
        styled(document, block.text, styles["Title"])
    elif isinstance(block, Heading):
        # a heading never ends a page: it stays with what it heads
        heading = styled(document, block.text, styles[f"Heading {block.level}"])
        heading.paragraph_format.keep_with_next = True
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
        compact_lists(document)
    set_language(document, lang)
    add_header_footer(document, title, lang, keep_template=template is not None)
    render_blocks(document, blocks)
    set_properties(
        document,
        doc_title or gettext("{title} – Protokoll", lang, title=title),
        "facilitator",
        lang,
        created,
    )
    from facilitator.export.docx_images import save

    save(document, Path(path))
