"""Provides the Word rendering of the protocol: real styles, header, page numbers.

Headings use the built-in styles Title and Heading 1–3 so Word's navigation pane
works; lists use List Bullet / List Number; tables repeat their header row.
"""

from datetime import datetime
from pathlib import Path

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from facilitator.export.docx_common import (
    add_header_footer,
    add_table,
    clean,
    new_document,
    set_language,
    set_properties,
)
from facilitator.export.protocol_layout import (
    Block,
    Bullets,
    Fields,
    Heading,
    Para,
    Table,
    Title,
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


def render_blocks(document, blocks: list[Block]) -> None:  # noqa: ANN001 - python-docx Document
    """Append the blocks to the document's body."""
    styles = {
        name: ensure_style(document, name)
        for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number")
    }
    for block in blocks:
        if isinstance(block, Title):
            document.add_paragraph(clean(block.text), style=styles["Title"])
        elif isinstance(block, Heading):
            document.add_paragraph(clean(block.text), style=styles[f"Heading {block.level}"])
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
                document.add_paragraph(clean(item), style=style)
        elif isinstance(block, Table):
            add_table(document, list(block.headers), [list(r) for r in block.rows])
            document.add_paragraph()  # Word glues consecutive tables together otherwise


def write_docx(
    blocks: list[Block],
    path: Path,
    *,
    title: str,
    lang: str,
    template: Path | None = None,
    created: datetime | None = None,
) -> None:
    """Write the blocks as a .docx file at `path` (not atomic: the caller handles that)."""
    document = new_document(template)
    set_language(document, lang)
    add_header_footer(document, title, lang, keep_template=template is not None)
    render_blocks(document, blocks)
    set_properties(
        document,
        STRINGS("page_title", lang, title=title),
        STRINGS("author", lang),
        lang,
        created,
    )
    document.save(str(path))
