"""Provides Word craft shared by the protocol, the fact sheet and the method kit.

Real styles (so the navigation pane works), document language, "Seite X von Y"
footers with PAGE/NUMPAGES fields, repeating table header rows, core properties,
and text made safe for XML. python-docx is imported here only, by the exporters.
"""

import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Length, Mm
from docx.table import Table

from facilitator.export.ooxml_order import fix_zoom, put_child

# Characters XML 1.0 forbids: C0 controls other than tab/newline/CR, surrogates, U+FFFE/F.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
LANG_TAGS = {"de": "de-DE", "en": "en-GB"}
PAGE_LABELS = {"de": ("Seite ", " von "), "en": ("Page ", " of ")}


# Where German typesetting forbids a line break (DIN 5008): between a number and its
# unit ("10 Min.", "5 %"), after "Art."/"Nr."/"§" before the number, inside "z. B.",
# and before an ellipsis ("Austausch zu …" never leaves "…" alone on the next line).
NBSP = "\u00a0"
_NO_BREAK = (
    (re.compile(r"(?<=\d) (?=(?:Min\.|min\b|Std\.|Uhr\b|km\b|Pkt\.|%|€))"), NBSP),
    (re.compile(r"\b(Art|Abs|Nr|Ziff|S)\. (?=\d)"), r"\1." + NBSP),
    (re.compile(r"§ (?=\d)"), "§" + NBSP),
    (re.compile(r"\b([zZ])\. B\."), r"\1." + NBSP + "B."),
    (re.compile(r"\b([dD])\. h\."), r"\1." + NBSP + "h."),
    (re.compile(r" (?=…)"), NBSP),
)


def clean(text: object) -> str:
    """Return text that python-docx can write: forbidden XML characters stripped.

    Spaces where a line must not break become no-break spaces (see _NO_BREAK).
    """
    value = _XML_FORBIDDEN.sub("", "" if text is None else str(text))
    if " " in value:
        for pattern, replacement in _NO_BREAK:
            value = pattern.sub(replacement, value)
    return value


def new_document(template: Path | None = None) -> DocumentType:
    """Return a document: the template with its body emptied, or the default one.

    The template's styles, headers, footers (and the logo in them) stay; the body's
    section properties are kept so page size and margins stay too.
    """
    document = Document(str(template)) if template else Document()
    _repair_core_properties_link(document)
    fix_zoom(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def page_a4(document: DocumentType, *, side: Length, top: Length) -> None:
    """Use portrait A4 with the given margins (python-docx's default is US Letter)."""
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = side
        section.top_margin = section.bottom_margin = top


def text_width(document: DocumentType) -> Emu:
    """Return the width between the margins of the last section."""
    section = document.sections[-1]
    return Emu(_set(section.page_width) - _set(section.left_margin) - _set(section.right_margin))


def text_height(document: DocumentType) -> Emu:
    """Return the height between the margins of the last section."""
    section = document.sections[-1]
    return Emu(_set(section.page_height) - _set(section.top_margin) - _set(section.bottom_margin))


def _set(length: Length | None) -> Length:
    # python-docx types a section's sizes Optional (its XML may leave them out); ours set them
    if length is None:
        raise ValueError("a section of the document has no page size or margins")
    return length


def _repair_core_properties_link(document: DocumentType) -> None:
    """Let python-docx find core properties that LibreOffice links with an older rel type.

    Otherwise it adds a second docProps/core.xml, and Word calls the file damaged.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in document.part.package.rels.values():
        if (
            rel.reltype != RT.CORE_PROPERTIES
            and rel.reltype.endswith("/metadata/core-properties")
            and not rel.is_external
        ):
            rel._reltype = RT.CORE_PROPERTIES


def set_language(document: DocumentType, lang: str) -> None:
    """Set the proofing language of the default run style (de-DE or en-GB)."""
    tag = LANG_TAGS.get(lang, "de-DE")
    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults"))
    targets = []
    if rpr_default is not None:
        rpr = rpr_default.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            targets.append(rpr)
    targets.append(document.styles["Normal"].element.get_or_add_rPr())
    for rpr in targets:
        lang_el = rpr.find(qn("w:lang"))
        if lang_el is None:
            lang_el = put_child(rpr, OxmlElement("w:lang"))
        lang_el.set(qn("w:val"), tag)
        lang_el.set(qn("w:eastAsia"), tag)


def _field(paragraph, instruction: str) -> None:
    """Append a Word field (PAGE, NUMPAGES) to a paragraph."""
    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        (None, instruction),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def add_header_footer(
    document: DocumentType, header_text: str, lang: str, keep_template: bool = False
) -> None:
    """Put the title in the header and "Seite X von Y" in the footer of every section.

    With `keep_template`, a header or footer the template already has is left alone.
    """
    for section in document.sections:
        header, footer = section.header, section.footer
        if not (keep_template and _has_content(header)):
            header.is_linked_to_previous = False
            paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            paragraph.text = clean(header_text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if not (keep_template and _has_content(footer)):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            paragraph.text = ""
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_page_number(paragraph, lang)


def add_page_number(paragraph, lang: str) -> None:
    """Append "Seite X von Y" (PAGE and NUMPAGES fields) to a paragraph."""
    before, between = PAGE_LABELS.get(lang, PAGE_LABELS["de"])
    paragraph.add_run(before)
    _field(paragraph, "PAGE")
    paragraph.add_run(between)
    _field(paragraph, "NUMPAGES")


def has_page_number(part) -> bool:
    """Return whether a header or footer already shows a PAGE field (a template's own)."""
    return " PAGE " in "".join(t.text or "" for t in part._element.iter(qn("w:instrText")))


def _has_content(part) -> bool:
    xml = part._element.xml
    return any(p.text.strip() for p in part.paragraphs) or "w:drawing" in xml or "w:fldChar" in xml


def repeat_header_row(table: Table) -> None:
    """Mark the first row as a header row that repeats on every page."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def add_table(
    document: DocumentType,
    headers: list[str],
    rows: Sequence[Sequence[object]],
    style: str = "Light Grid Accent 1",
) -> Table:
    """Add a table with a bold, repeating header row; values are cleaned."""
    table = document.add_table(rows=1, cols=len(headers))
    try:
        table.style = document.styles[style]
    except KeyError:  # a template without that style: fall back to the plain grid
        table.style = document.styles["Table Grid"] if "Table Grid" in document.styles else None
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(clean(text)).bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = clean(value)
    repeat_header_row(table)
    return table


def set_properties(
    document: DocumentType, title: str, author: str, lang: str, created: datetime | None = None
) -> None:
    """Set the core properties: title, author, language, created."""
    props = document.core_properties
    props.title = clean(title)
    props.author = clean(author)
    props.language = LANG_TAGS.get(lang, "de-DE")
    props.created = created or datetime.now()
    props.last_modified_by = clean(author)


KEEP_TOGETHER_ROWS = 15


def keep_rows_together(table: Table) -> None:
    """No row breaks across pages; a short table (≤ 15 rows) stays on one page.

    Each row but the last keeps with the next (Word's idiom for keeping a table
    together), and the header row always keeps with the first body row.
    """
    from docx.text.paragraph import Paragraph

    rows = table._tbl.tr_lst
    for tr in rows:
        if tr.trPr is None or tr.trPr.find(qn("w:cantSplit")) is None:
            tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    keep = rows[:-1] if len(rows) - 1 <= KEEP_TOGETHER_ROWS else rows[:1]
    for tr in keep:
        for paragraph in tr.iter(qn("w:p")):
            Paragraph(paragraph, table).paragraph_format.keep_with_next = True


def plain_first_column(table: Table) -> None:
    """Switch off the table style's bold first column: names and measures are not headings."""
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is None:
        look = put_child(table._tbl.tblPr, OxmlElement("w:tblLook"))
    look.set(qn("w:val"), "0420")
    look.set(qn("w:firstColumn"), "0")
    look.set(qn("w:firstRow"), "1")
    look.set(qn("w:noVBand"), "1")


def compact_lists(document: DocumentType) -> None:
    """List items close together by a small space after, not by "contextual spacing".

    LibreOffice ignores a heading's "keep with next" when the paragraph after it has
    contextual spacing (python-docx's List Bullet and List Number have it), and leaves
    "Varianten" alone at a page bottom; 2 pt after each item looks the same.
    """
    from docx.shared import Pt

    for name in ("List Bullet", "List Number"):
        try:
            style = document.styles[name]
        except KeyError:
            continue
        ppr = style.element.get_or_add_pPr()
        for spacing in ppr.findall(qn("w:contextualSpacing")):
            ppr.remove(spacing)
        style.paragraph_format.space_after = Pt(2)


def picture_below(paragraph, png, width: Length) -> None:
    """Put a chart into `paragraph` (its heading or note), below the text, as one unit.

    LibreOffice does not keep a heading with a following picture paragraph that no
    longer fits the page: the heading stays behind, alone. In one paragraph that
    keeps its lines together, heading and chart move to the next page together.
    """
    # no line break before it: the chart is as wide as the text, so it starts a line of
    # its own anyway, and the heading's text stays exactly the heading (navigation pane)
    paragraph.add_run().add_picture(png, width=width)
    paragraph.paragraph_format.keep_together = True


SERIF_SAFETY = 1.12  # DejaVu Serif runs about a tenth wider than DejaVu Sans
# a cell's left and right padding in Word's and LibreOffice's default table (2 × 0.19 cm)
CELL_PADDING_PT = 10.8


def fit_columns(total: int, weights: list[float], needed_pt: list[float]) -> list[Emu]:
    """Column widths from `weights`, each at least its longest word (`needed_pt`, in points).

    A column too narrow for its longest word ("Herausforderungen") is widened and the
    others give the difference in proportion to their slack; no word breaks mid-word.
    """
    emu_pt = 12700
    widths = [total * w / sum(weights) for w in weights]
    least = [min((n + CELL_PADDING_PT) * emu_pt, total / 2) for n in needed_pt]
    short = sum(max(0.0, m - w) for w, m in zip(widths, least, strict=True))
    slack = [max(0.0, w - m) for w, m in zip(widths, least, strict=True)]
    if short and sum(slack):
        give = min(1.0, short / sum(slack))
        widths = [max(w - s * give, m) for w, s, m in zip(widths, slack, least, strict=True)]
    return [Emu(int(w)) for w in widths]


def longest_words_pt(columns: list[list[str]], size: float, *, bold: bool = False) -> list[float]:
    """Per column of texts, the width in points of its widest word at `size` points.

    Measured in DejaVu Sans and Serif (what LibreOffice draws for a missing Calibri or
    Cambria), the wider of the two, so the word fits whichever the reader's machine has.
    """
    from facilitator.export.text_fit import text_width as measured

    return [
        max(
            (measured(word, size, bold=bold) for text in texts for word in str(text).split()),
            default=0.0,
        )
        * SERIF_SAFETY
        for texts in columns
    ]
