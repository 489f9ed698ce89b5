"""Provides name badges on A4: 2×4 (cut along the grey lines) or 2×5 for 90×54 mm inserts.

First name large, surname and organisation smaller; titles are left off (a badge
is for first-name terms, the sign-in list keeps them). A name too wide for its
badge gets a smaller size computed from its measured width, then a second line
at a space or hyphen, never a cut.
"""

from dataclasses import dataclass

from docx.document import Document as DocumentType
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from facilitator.core.errors import UserError
from facilitator.export.kit_docx import add_run, borders, cell_margins, fixed_table, row_height
from facilitator.export.kit_model import KitModel, Person
from facilitator.export.text_fit import BADGE_FONT, fit_lines
from facilitator.locale import lazy


@dataclass(frozen=True)
class BadgeLayout:
    columns: int
    rows: int
    width_mm: float
    height_mm: float
    first_pt: float  # largest size of the first name
    surname_pt: float
    org_pt: float

    @property
    def per_page(self) -> int:
        return self.columns * self.rows


LAYOUTS = {
    # 2×4: a quarter of a half A4 each (95 × 68 mm), for clip badges or lanyards
    "2x4": BadgeLayout(2, 4, 95, 68, 40, 20, 13),
    # 2×5: the common 90 × 54 mm badge inserts (Namensschild-Einlagen)
    "2x5": BadgeLayout(2, 5, 90, 54, 32, 16, 11),
}
PADDING_MM = 4  # inside each badge, left/right
MIN_PT = 9


def badge_layout(name: str) -> BadgeLayout:
    """Return the layout named 2x4 or 2x5; UserError (one sentence) otherwise."""
    key = name.strip().lower().replace("×", "x")
    if key not in LAYOUTS:
        raise UserError(
            lazy(
                "Unbekanntes Layout {name}; möglich sind {others} und {last}.",
                name=repr(name),
                others=", ".join(list(LAYOUTS)[:-1]),
                last=list(LAYOUTS)[-1],
            )
        )
    return LAYOUTS[key]


def _lines(cell, texts: list[str], size: float, *, bold: bool, first: bool) -> None:
    for index, text in enumerate(texts):
        paragraph = cell.paragraphs[0] if first and index == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.space_before = Pt(0)
        paragraph.paragraph_format.line_spacing = 1.0
        add_run(paragraph, text, size, bold=bold, font=BADGE_FONT)


def fill_badge(cell, person: Person | None, layout: BadgeLayout) -> None:
    """Write one badge into its cell; an empty badge (walk-in) stays blank."""
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    if person is None:
        return
    width_pt = (layout.width_mm - 2 * PADDING_MM) * 72 / 25.4
    first, surname = person.first, person.surname
    if not first:  # one word: it is what the person is called, so it goes large
        first, surname = surname, ""
    size, lines = fit_lines(first, width_pt, layout.first_pt, MIN_PT, 2, bold=True)
    _lines(cell, lines, size, bold=True, first=True)
    if surname:
        size, lines = fit_lines(surname, width_pt, layout.surname_pt, MIN_PT, 1)
        _lines(cell, lines, size, bold=False, first=False)
    if person.organisation:
        size, lines = fit_lines(person.organisation, width_pt, layout.org_pt, MIN_PT - 1, 2)
        gap = cell.add_paragraph()
        gap.paragraph_format.space_after = Pt(0)
        add_run(gap, "", 4)
        _lines(cell, lines, size, bold=False, first=False)


def render_badges(
    document: DocumentType, model: KitModel, layout: BadgeLayout, blank: int = 0
) -> None:
    """Append the badges (people first, then blanks) as one table of whole pages.

    One table whose rows exactly fill a page, so each sheet starts at the top without
    page-break paragraphs (they would not fit beside a full-height grid).
    """
    from docx.oxml import OxmlElement

    badges: list[Person | None] = [*model.people, *([None] * blank)]
    if not badges:
        badges = [None] * layout.per_page  # nobody yet: one sheet of blanks to write on
    pages = -(-len(badges) // layout.per_page)
    rows = pages * layout.rows
    table = fixed_table(document, rows, [Mm(layout.width_mm)] * layout.columns)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    borders(table, "BFBFBF")  # the cutting lines
    for index, row in enumerate(table.rows):
        row_height(row, Mm(layout.height_mm))
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for column, cell in enumerate(row.cells):
            cell_margins(cell, Mm(PADDING_MM), Mm(2))
            slot = index * layout.columns + column
            fill_badge(cell, badges[slot] if slot < len(badges) else None, layout)


def build_badges(document: DocumentType, model: KitModel, layout: BadgeLayout, blank: int) -> None:
    """Centre the grid on the sheet (no header or footer: the whole page is badges)."""
    for section in document.sections:
        side = Mm((210 - layout.columns * layout.width_mm) / 2)
        top = Mm((297 - layout.rows * layout.height_mm) / 2)
        section.left_margin = section.right_margin = side
        # the bottom margin a little smaller: Word needs room for the paragraph after a table
        section.top_margin, section.bottom_margin = top, Mm(max(3.0, top.mm - 4))
        section.header_distance = section.footer_distance = Mm(3)
        for part in (section.header, section.footer):
            part.is_linked_to_previous = False
            for paragraph in part.paragraphs:
                paragraph.text = ""
    render_badges(document, model, layout, blank)
    # the paragraph Word puts after the last table: as small as it gets, so no empty page
    last = document.paragraphs[-1] if document.paragraphs else document.add_paragraph()
    last.paragraph_format.space_after = Pt(0)
    last.paragraph_format.line_spacing = Pt(1)
