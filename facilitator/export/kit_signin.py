"""Provides the sign-in list (Teilnahmeliste) that funded projects file as proof of attendance.

Everyone registered, sorted by surname (titles ignored), with organisation and a
wide signature column; empty rows for walk-ins fill the last page. The table's
two header rows (workshop title, date, venue; column names) repeat on every
page; the footer carries "Seite X von Y" and the privacy line. Above the table the
consent text is printed with its version, and a column takes the tick: what paper
consent records (`participants edit --consent ja --text VERSION`) is what was printed.
"""

from docx.document import Document as DocumentType
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt

from facilitator.export.docx_common import (
    add_header_footer,
    add_page_number,
    has_page_number,
    text_width,
)
from facilitator.export.kit_docx import add_run, borders, fixed_table, row_height, shade
from facilitator.export.kit_model import KitModel
from facilitator.locale import gettext, pgettext

ROW = Mm(11)  # room for a signature
HEAD = Mm(8)
_WIDTHS = (6, 27, 26, 9, 32)  # no., name, organisation, consent tick, signature
# Rows that fit: A4 minus 18 mm margins and the two header rows; the first page also
# has the heading. Measured in LibreOffice; one row spare so the list never spills.
ROWS_FIRST_PAGE = 20
ROWS_PER_PAGE = 21
MIN_WALK_INS = 8
EMPTY_NOTE_ROWS = 2  # the note of an empty list takes two rows' room
# The counts above leave room for a footer of page number and two lines of privacy
# text; the privacy line comes from the (configurable) notice, and each further line
# of it takes room from the rows. 7.5 pt runs about 110 characters to a line on A4
# (fewest with the wide fallback fonts) and 9 pt high.
FOOT_SIZE = 7.5
FOOT_CHARS_PER_LINE = 110
FOOT_LINE = Pt(9)
MIN_ROWS = 8
# The consent text above the table (8 pt, about 120 characters a line, 10 pt high)
# takes its room from the first page's rows.
CONSENT_SIZE = 8
CONSENT_CHARS_PER_LINE = 120
CONSENT_LINE = Pt(10)
TICK = "☐"


def consent_rows(text: str) -> int:
    """Return how many rows the printed consent text takes from the first page."""
    if not text:
        return 0
    lines = -(-len(text) // CONSENT_CHARS_PER_LINE)
    return -(-(lines * CONSENT_LINE + Pt(6)) // ROW)


def foot_rows(line: str) -> int:
    """Return how many rows the privacy line's lines beyond the second take from a page."""
    lines = -(-len(line) // FOOT_CHARS_PER_LINE)
    extra = max(0, lines - 2) * FOOT_LINE
    return -(-extra // ROW)


def walk_in_rows(registered: int, foot: int = 0, head: int = 0) -> int:
    """Return how many empty rows follow the registered people: at least 8, to the page's end.

    `foot` is `foot_rows` of the privacy line: that many rows fewer fit on each page;
    `head` is `consent_rows` of the consent text, taken from the first page only.
    """
    first = max(MIN_ROWS, ROWS_FIRST_PAGE - foot - head)
    per_page = max(MIN_ROWS, ROWS_PER_PAGE - foot)
    total = registered + MIN_WALK_INS
    if total <= first:
        return first - registered if registered else first - EMPTY_NOTE_ROWS
    rest = (total - first) % per_page
    return MIN_WALK_INS + (per_page - rest if rest else 0)


def _header_row(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def _cell_text(cell, text: str, size: float, *, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    add_run(paragraph, text, size, bold=bold)
    paragraph.paragraph_format.space_after = Pt(0)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def render_signin(document: DocumentType, model: KitModel) -> None:
    """Append the heading and the list (registered people, then empty rows)."""
    lang = model.lang
    heading = document.add_paragraph()
    add_run(heading, pgettext("Dokument", "Teilnahmeliste", lang), 18, bold=True)
    if not model.people:
        add_run(
            document.add_paragraph(),
            gettext("Noch niemand angemeldet: bitte in die leeren Zeilen eintragen.", lang),
            11,
            italic=True,
        )
    if model.consent_text:
        add_run(
            document.add_paragraph(),
            gettext(
                "Einwilligung zur Weitergabe der Kontaktdaten (Textversion {version}) – "
                "wer einverstanden ist, kreuzt „Einw.“ an: „{text}“",
                lang,
                version=model.consent_version,
                text=model.consent_text,
            ),
            CONSENT_SIZE,
        )
    empty = walk_in_rows(
        len(model.people), foot_rows(model.privacy), consent_rows(model.consent_text)
    )
    total = text_width(document)
    widths = [Emu(int(total * w / sum(_WIDTHS))) for w in _WIDTHS]
    table = fixed_table(document, 2 + len(model.people) + empty, widths)
    borders(table, "808080")
    title_row, names_row = table.rows[0], table.rows[1]
    merged = title_row.cells[0].merge(title_row.cells[-1])
    facts = [model.title, model.day, model.venue]
    _cell_text(merged, " · ".join(f for f in facts if f), 10, bold=True)
    for row in (title_row, names_row):
        _header_row(row)
        row_height(row, HEAD, exact=False)
    heads = (
        gettext("Nr.", lang),
        gettext("Name", lang),
        gettext("Organisation", lang),
        gettext("Einw.", lang),  # the consent line above names this column
        gettext("Unterschrift", lang),
    )
    for cell, head in zip(names_row.cells, heads, strict=True):
        _cell_text(cell, head, 10, bold=True)
        shade(cell, "E7E6E6")
    body = table.rows[2:]
    for number, row in enumerate(body, 1):
        # exact: a long organisation is shrunk to its cell, never a taller row (the
        # page count above depends on it)
        row_height(row, ROW)
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        cells = row.cells
        _cell_text(cells[0], str(number), 9)
        cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _cell_text(cells[3], TICK, 12)
        cells[3].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        if number <= len(model.people):
            person = model.people[number - 1]
            _cell_text(cells[1], person.name, 10.5 if len(person.name) < 34 else 8.5)
            org = person.organisation
            _cell_text(cells[2], org, 9.5 if len(org) < 38 else 7.5)


def add_privacy_footer(document: DocumentType, lang: str, line: str) -> None:
    """Page numbers (unless the template's footer has them) and the privacy line."""
    for section in document.sections:
        footer = section.footer
        if not has_page_number(footer):
            paragraph = footer.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_page_number(paragraph, lang)
        privacy = footer.add_paragraph()
        privacy.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_run(privacy, line, FOOT_SIZE, grey=True)


def build_signin(document: DocumentType, model: KitModel, keep_template: bool) -> None:
    """Header, footer and content of the sign-in list."""
    header = f"{model.title} – " + pgettext("Dokument", "Teilnahmeliste", model.lang)
    add_header_footer(document, header, model.lang, keep_template=keep_template)
    add_privacy_footer(document, model.lang, model.privacy)
    for section in document.sections:
        section.header_distance = section.footer_distance = Mm(8)
    render_signin(document, model)
